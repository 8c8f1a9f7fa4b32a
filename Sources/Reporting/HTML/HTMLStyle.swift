/// The one stylesheet both pages inline. System fonts only (nothing is fetched), colours that keep 4.5:1
/// contrast on white, and print rules that fit A4 and Letter alike: `size: auto` takes the printer's paper,
/// and 12 mm side margins leave 186 mm (A4) or 192 mm (Letter), which the fluid layout fills.
enum HTMLStyle {
    static let css = """
        :root {
          --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0b5cad;
          --ready-now: #1a7f37; --ready-1-2: #0969da; --ready-3-5: #9a6700; --not-ready: #cf222e;
          --met: #1a7f37; --unmet: #bc4c00; --alert: #a40e26; --alert-bg: #fff0ee;
        }
        * { box-sizing: border-box; }
        html { background: var(--soft); }
        body { margin: 0; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, Arial, sans-serif; }
        main { max-width: 980px; margin: 24px auto; padding: 32px 40px 24px; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 4px; }
        h2 { font-size: 1.25rem; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
        h3 { font-size: 1.05rem; margin: 0; }
        p { margin: 6px 0; }
        a { color: var(--accent); }
        code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; }
        .kicker { margin: 0 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; font-weight: 600; }
        .subtitle { color: var(--muted); margin: 0 0 16px; font-size: 1.05rem; }
        .muted { color: var(--muted); }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 12px 0 0; }
        .facts dt { color: var(--muted); font-weight: 600; }
        .facts dd { margin: 0; overflow-wrap: anywhere; }
        .alert { margin: 20px 0; padding: 14px 18px; border: 3px solid var(--alert); border-left-width: 10px; background: var(--alert-bg); border-radius: 6px; }
        .alert h2 { margin: 0 0 6px; border: 0; padding: 0; color: var(--alert); font-size: 1.2rem; }
        .readiness { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 36px; }
        .gauge { width: 250px; height: auto; flex: none; }
        .gauge-track { fill: none; stroke: #e4e8ec; stroke-width: 22; }
        .gauge-value { fill: none; stroke-width: 22; }
        .gauge-score { font-size: 42px; font-weight: 700; fill: var(--ink); }
        .gauge-caption, .gauge-scale { font-size: 13px; fill: var(--muted); }
        .verdict { flex: 1 1 300px; }
        .verdict p { margin: 8px 0; }
        .verdict .big { font-size: 1.15rem; }
        .band { display: inline-block; padding: 2px 12px; border: 2px solid currentColor; border-radius: 999px; font-weight: 700; white-space: nowrap; }
        .band-ready-now { color: var(--ready-now); }
        .band-1-2 { color: var(--ready-1-2); }
        .band-3-5 { color: var(--ready-3-5); }
        .band-not-ready { color: var(--not-ready); }
        .status { font-weight: 600; white-space: nowrap; }
        .status.met { color: var(--met); }
        .status.unmet { color: var(--unmet); }
        .status.must { color: var(--not-ready); }
        svg { display: block; max-width: 100%; height: auto; font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; }
        .bar-chart, .histogram { width: 100%; }
        .bar-label { font-size: 13px; fill: var(--ink); }
        .bar-value { font-size: 13px; font-weight: 600; }
        .bar-value.met { fill: var(--met); }
        .bar-value.unmet { fill: var(--unmet); }
        .bar-possible { fill: #f3f5f7; stroke: #8c959f; stroke-width: 1; }
        .bar-earned.met { fill: var(--met); }
        .bar-earned.unmet { fill: #e0823d; }
        .legend { font-size: 12px; fill: var(--muted); }
        .histogram-bar { fill: var(--accent); }
        .bar-count { font-size: 13px; font-weight: 700; fill: var(--ink); }
        .tick { font-size: 12px; fill: var(--muted); }
        .axis { stroke: #59636e; stroke-width: 1.5; }
        .grid { stroke: #d1d9e0; stroke-dasharray: 4 4; }
        .axis-title { font-size: 12px; font-weight: 600; fill: var(--muted); }
        table { width: 100%; border-collapse: collapse; margin: 8px 0 16px; font-size: 0.93rem; }
        caption { text-align: left; font-weight: 600; color: var(--muted); padding: 0 0 6px; caption-side: top; }
        th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
        thead th { background: var(--soft); border-bottom: 2px solid var(--line); font-size: 0.85rem; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num { white-space: nowrap; }
        th.who { min-width: 15em; }
        table.narrow { max-width: 560px; }
        td .band { font-size: 0.82rem; padding: 0 8px; border-width: 1.5px; }
        tbody th { font-weight: 600; }
        .criterion { padding: 12px 0 14px; border-bottom: 1px solid var(--line); break-inside: avoid; }
        .criterion-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 14px; }
        .criterion-head .points { color: var(--muted); font-variant-numeric: tabular-nums; }
        .evidence { margin: 6px 0 0; padding-left: 20px; }
        .evidence li { margin: 2px 0; }
        .where { display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 4px; background: var(--soft); border: 1px solid var(--line); color: var(--muted); font-size: 0.8rem; white-space: nowrap; }
        .gap { margin: 6px 0 0; }
        .gap strong { color: var(--unmet); }
        .advice { padding-left: 22px; }
        .advice li { margin: 6px 0; }
        .advice code { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; }
        .symbol { display: inline-block; width: 1.3em; font-size: 1.1em; }
        td .status, th .status { white-space: normal; }
        .table-scroll { overflow-x: auto; }
        th .mono { display: inline-block; font-weight: 400; font-size: 0.78rem; overflow-wrap: anywhere; }
        .stats { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 0; padding: 0; list-style: none; }
        .stats li { flex: 1 1 130px; padding: 10px 14px; border: 1px solid var(--line); border-radius: 6px; background: var(--soft); }
        .stats .value { display: block; font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
        .flag { color: var(--alert); font-weight: 600; white-space: nowrap; }
        .candidate { margin: 0; padding: 14px 0 6px; border-bottom: 1px solid var(--line); break-inside: avoid; }
        .candidate h3 { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; }
        .candidate table { margin-bottom: 6px; }
        .back { font-size: 0.85rem; }
        footer { margin-top: 32px; padding-top: 8px; border-top: 2px solid var(--line); color: var(--muted); font-size: 0.88rem; }
        footer h2 { border: 0; margin: 8px 0; font-size: 1rem; color: var(--ink); }
        footer .facts { margin-top: 0; }
        @page { size: auto; margin: 14mm 12mm; }
        @media print {
          html { background: #fff; }
          body { font-size: 10pt; }
          main { max-width: none; margin: 0; padding: 0; border: 0; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          h2 { break-after: avoid; page-break-after: avoid; }
          section.summary, figure, tr, .alert { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          a { color: inherit; text-decoration: none; }
          .back { display: none; }
          /* A scrolling box prints as one unbreakable block, clipped to a page: let the table flow instead. */
          .table-scroll { overflow: visible; }
          table { font-size: 8.5pt; }
          th, td { padding: 4px 6px; }
          th.who { min-width: 0; }
        }
        figure { margin: 0; }
        figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 4px; }
        """
}
