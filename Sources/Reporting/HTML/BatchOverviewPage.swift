import Extraction
import Plot
import Roles
import Scoring

/// `batch … --html PATH`: one self-contained overview page for a batch — a histogram of scores, the
/// count per band, the candidates ranked by score (each linking to a short section with their criteria),
/// and the files that could not be scored with the reason. Built from the ranked rows the CSV is written
/// from, plus the rubric for criterion labels and weights, so it costs no second pass over the files.
public struct BatchOverviewPage: Sendable {
    typealias Body = Node<HTML.BodyContext>

    public var rubric: Rubric
    public var asOf: PartialDate
    public var blind: Bool

    public init(rubric: Rubric, asOf: PartialDate, blind: Bool) {
        self.rubric = rubric
        self.asOf = asOf
        self.blind = blind
    }

    /// - Parameter rows: ranked as `BatchRow.ranked` orders them; `rank` is nil for files that failed.
    public func render(_ rows: [(row: BatchRow, rank: Int?)]) -> String {
        let scored = rows.compactMap { entry in entry.rank.map { (row: entry.row, rank: $0) } }.filter { $0.row.score != nil }
        let failed = rows.map(\.row).filter { $0.status == .error }
        let sections: [Body] = [
            header(scored: scored.count, failed: failed.count),
            distribution(scored.compactMap(\.row.score)),
            bandCounts(scored.map(\.row)),
            candidateTable(scored),
            failures(failed),
            details(scored),
            footer,
        ]
        return HTMLPage.document(
            title: "Batch readiness overview: \(rubric.title)",
            bodyClass: "batch",
            [.main(.group(HTMLPage.lines(sections)))])
    }

    // MARK: - Sections

    private func header(scored: Int, failed: Int) -> Body {
        .header(
            .p(.class("kicker"), safeText("Batch readiness overview")),
            .h1(safeText(rubric.title)),
            .p(.class("subtitle"), safeText("Rubric \(rubric.id) v\(rubric.version) · as of \(asOf)" + (blind ? " · blind review" : ""))),
            .ul(
                .class("stats"), .attribute(named: "aria-label", value: "Batch totals"),
                stat("Files", scored + failed),
                stat("Scored", scored),
                stat("Could not be scored", failed)))
    }

    private func stat(_ label: String, _ value: Int) -> Node<HTML.ListContext> {
        .li(.span(.class("value"), safeText(String(value))), safeText(label))
    }

    private func distribution(_ scores: [Double]) -> Body {
        .section(
            .attribute(named: "aria-labelledby", value: "distribution-heading"),
            .h2(.id("distribution-heading"), safeText("Score distribution")),
            .element(named: "figure", nodes: [
                ScoreHistogram(scores: scores).node(),
                .element(named: "figcaption", nodes: [safeText(
                    "Number of candidates in each 10-point score range (\(scores.count) scored).")]),
            ]))
    }

    private func bandCounts(_ rows: [BatchRow]) -> Body {
        let total = rows.count
        let tableRows: [Node<HTML.TableContext>] = ReadinessBand.allCases.map { band in
            let count = rows.filter { $0.band == band }.count
            let share = total > 0 ? "\(HTMLNumber.score(Double(count) * 100 / Double(total)))%" : "—"
            return .tr(
                .th(.attribute(named: "scope", value: "row"),
                    .span(.class("symbol \(band.cssClass)"), .attribute(named: "aria-hidden", value: "true"), safeText(band.symbol)),
                    safeText(band.label)),
                .td(.class("num"), safeText(String(count))),
                .td(.class("num"), safeText(share)))
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "bands-heading"),
            .h2(.id("bands-heading"), safeText("Candidates per band")),
            .table(
                .class("narrow"),
                .caption(safeText("How many scored candidates fall in each readiness band")),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), safeText("Band")),
                    .th(.attribute(named: "scope", value: "col"), .class("num"), safeText("Candidates")),
                    .th(.attribute(named: "scope", value: "col"), .class("num"), safeText("Share")))),
                .tbody(.group(HTMLPage.lines(tableRows)))))
    }

    private func candidateTable(_ scored: [(row: BatchRow, rank: Int)]) -> Body {
        let labels = criterionLabels
        let tableRows: [Node<HTML.TableContext>] = scored.map { row, rank in
            let missing = row.missingMustHaves.map { labels[$0] ?? $0 }
            return .tr(
                .td(.class("num"), safeText(String(rank))),
                .th(.attribute(named: "scope", value: "row"), .class("who"),
                    .a(.href("#row-\(rank)"), safeText(name(of: row, rank: rank))),
                    .br(), .span(.class("muted mono"), safeText(row.file)),
                    .if(row.hiddenText, .group(.br(), .span(.class("flag"), safeText("⚠ hidden text"))))),
                .td(safeText(row.currentTitle ?? "—")),
                .td(.class("num"), .strong(safeText(row.score.map(HTMLNumber.score) ?? "—"))),
                .td(row.band.map { .bandBadge($0) } ?? safeText("—")),
                .td(.class("num"), safeText(row.monthsToReady.map(String.init) ?? "—")),
                .td(missing.isEmpty
                    ? .span(.class("status met"), safeText("✓ none"))
                    : .span(.class("status unmet must"), safeText("✗ " + missing.joined(separator: "; ")))))
        }
        let content: Body = scored.isEmpty
            ? .p(safeText("No candidate could be scored."))
            : .div(.class("table-scroll"), .table(
                .caption(safeText("Scored candidates, highest score first; each name links to that candidate's criteria below")),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), .class("num"), safeText("Rank")),
                    .th(.attribute(named: "scope", value: "col"), safeText("Candidate and file")),
                    .th(.attribute(named: "scope", value: "col"), safeText("Current title")),
                    .th(.attribute(named: "scope", value: "col"), .class("num"), safeText("Score")),
                    .th(.attribute(named: "scope", value: "col"), safeText("Band")),
                    .th(.attribute(named: "scope", value: "col"), .class("num"), safeText("Months to ready")),
                    .th(.attribute(named: "scope", value: "col"), safeText("Must-haves missing")))),
                .tbody(.group(HTMLPage.lines(tableRows)))))
        return .section(
            .id("candidates"), .attribute(named: "aria-labelledby", value: "candidates-heading"),
            .h2(.id("candidates-heading"), safeText("Candidates by score")),
            content)
    }

    private func failures(_ failed: [BatchRow]) -> Body {
        let tableRows: [Node<HTML.TableContext>] = failed.map { row in
            .tr(
                .th(.attribute(named: "scope", value: "row"), .span(.class("mono"), safeText(row.file))),
                .td(safeText(row.error ?? "failed")))
        }
        return .section(
            .id("failed"), .attribute(named: "aria-labelledby", value: "failed-heading"),
            .h2(.id("failed-heading"), safeText("Files that could not be scored")),
            failed.isEmpty
                ? .p(safeText("None: every file was read and scored."))
                : .table(
                    .caption(safeText("\(failed.count) file\(failed.count == 1 ? "" : "s") with the reason each could not be read")),
                    .thead(.tr(
                        .th(.attribute(named: "scope", value: "col"), safeText("File")),
                        .th(.attribute(named: "scope", value: "col"), safeText("Reason")))),
                    .tbody(.group(HTMLPage.lines(tableRows)))))
    }

    private func details(_ scored: [(row: BatchRow, rank: Int)]) -> Body {
        let sections: [Body] = scored.map { row, rank in
            let name = name(of: row, rank: rank)
            var facts = [row.currentTitle, row.monthsToReady.map { "\($0) months to ready" }].compactMap { $0 }
            facts.insert(row.file, at: 0)
            let criteriaRows: [Node<HTML.TableContext>] = rubric.criteria.map { criterion in
                let earned = row.earned[criterion.id]
                let met = !row.unmetCriteria.contains(criterion.id)
                return .tr(
                    .th(.attribute(named: "scope", value: "row"), safeText(criterion.label)),
                    .td(.class("num"), safeText("\(earned.map(HTMLNumber.score) ?? "—") / \(HTMLNumber.score(criterion.weight))")),
                    .td(earned == nil ? safeText("—") : .status(met: met, mustHave: criterion.mustHave)))
            }
            return .section(
                .class("candidate"), .id("row-\(rank)"), .attribute(named: "aria-labelledby", value: "row-\(rank)-heading"),
                .h3(.id("row-\(rank)-heading"),
                    .span(safeText("\(rank). \(name)")),
                    .span(safeText("\(row.score.map(HTMLNumber.score) ?? "—") / 100")),
                    row.band.map { .bandBadge($0) } ?? safeText("")),
                .p(.class("muted"), safeText(facts.joined(separator: " · ")),
                   .if(row.hiddenText, .group(safeText(" · "), .span(.class("flag"), safeText("⚠ hidden text"))))),
                .table(
                    .caption(safeText("Criteria for \(name)")),
                    .thead(.tr(
                        .th(.attribute(named: "scope", value: "col"), safeText("Criterion")),
                        .th(.attribute(named: "scope", value: "col"), .class("num"), safeText("Points")),
                        .th(.attribute(named: "scope", value: "col"), safeText("Status")))),
                    .tbody(.group(criteriaRows))),
                .p(.class("back"), .a(.href("#candidates"), safeText("↑ Back to the table"))))
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "details-heading"),
            .h2(.id("details-heading"), safeText("Candidate details")),
            .group(HTMLPage.lines(sections)))
    }

    private var footer: Body {
        .footer(
            .h2(safeText("Rubric and date")),
            .dl(
                .class("facts"), .attribute(named: "aria-label", value: "Rubric"),
                .dt(safeText("Rubric")), .dd(.code(safeText(rubric.id))),
                .dt(safeText("Version")), .dd(safeText(rubric.version)),
                .dt(safeText("SHA-256")), .dd(.code(safeText(rubric.sha256))),
                .dt(safeText("As of")), .dd(safeText(asOf.description))),
            .p(safeText("Made by readiness. This page is self-contained: it loads nothing from the network and runs no scripts.")))
    }

    // MARK: - Helpers

    private var criterionLabels: [String: String] {
        Dictionary(rubric.criteria.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    /// The name when there is one and the review is not blind; otherwise the rank stands in.
    private func name(of row: BatchRow, rank: Int) -> String {
        if !blind, let name = row.candidateName, !name.isEmpty { return name }
        return "Candidate \(rank)"
    }
}
