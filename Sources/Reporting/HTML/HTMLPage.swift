import Foundation
import Plot
import Scoring

/// The scaffold both HTML pages share: one self-contained document (inline CSS and SVG, nothing fetched
/// from the network, no scripts), built with Plot so the markup's nesting is checked by the compiler.
///
/// Plot escapes text but keeps anything that looks like an entity (`R&D;` stays raw) and does not escape
/// attribute values at all, so every piece of résumé text goes through `safeText(_:)` / `safeAttribute(_:_:)`
/// below, which escape it fully.
enum HTMLPage {
    /// The whole document. Rendered without Plot's indentation (it would put spaces inside inline
    /// runs such as "72.5<small>/100</small>"); `lines(_:)` adds newlines between blocks instead, so the
    /// golden files still diff line by line.
    static func document(title: String, bodyClass: String, _ body: [Node<HTML.BodyContext>]) -> String {
        let page = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [Node<HTML.HeadContext>.raw(escapeHTML(title))]),
                .style(HTMLStyle.css)
            ),
            .raw("\n"),
            .body(.class(bodyClass), .raw("\n"), .group(lines(body)))
        )
        return page.render() + "\n"
    }

    /// Nodes with a newline after each, so the rendered page has one block per line.
    static func lines<Context>(_ nodes: [Node<Context>]) -> [Node<Context>] {
        nodes.flatMap { [$0, Node<Context>.raw("\n")] }
    }
}

/// Résumé text as an escaped text node.
func safeText<Context>(_ value: String) -> Node<Context> {
    .raw(escapeHTML(value))
}

/// An attribute whose value is escaped, for values that may carry résumé text (aria-label, title).
func safeAttribute<Context>(_ name: String, _ value: String) -> Node<Context> {
    .attribute(named: name, value: escapeHTML(value), ignoreIfValueIsEmpty: false)
}

func escapeHTML(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}

/// Numbers as people read them on the page: at most one decimal, none when whole ("72.5", "80").
enum HTMLNumber {
    static func score(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return String(Int(tenths / 10)) }
        return String(format: "%.1f", tenths / 10)
    }

    /// SVG coordinates: two decimals at most, so the markup is stable and short.
    static func coordinate(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        if hundredths.truncatingRemainder(dividingBy: 100) == 0 { return String(Int(hundredths / 100)) }
        var text = String(format: "%.2f", hundredths / 100)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    static func months(_ months: Int) -> String {
        months == 1 ? "1 month" : "\(months) months"
    }
}

/// How each band looks. The colour is always paired with the band's words (and a symbol), so the meaning
/// survives greyscale printing and colour blindness.
extension ReadinessBand {
    var cssClass: String {
        switch self {
        case .readyNow: "band-ready-now"
        case .oneToTwoYears: "band-1-2"
        case .threeToFiveYears: "band-3-5"
        case .notReady: "band-not-ready"
        }
    }

    /// Matches the CSS custom properties in `HTMLStyle`; SVG fills need the colour itself.
    var colour: String {
        switch self {
        case .readyNow: "#1a7f37"
        case .oneToTwoYears: "#0969da"
        case .threeToFiveYears: "#9a6700"
        case .notReady: "#cf222e"
        }
    }

    /// A shape per band, so two bands are told apart without colour: full, three-quarter, half, empty.
    var symbol: String {
        switch self {
        case .readyNow: "●"
        case .oneToTwoYears: "◕"
        case .threeToFiveYears: "◑"
        case .notReady: "○"
        }
    }
}

/// Met / not met, in words and a symbol, never colour alone.
enum CriterionStatus {
    static func symbol(met: Bool) -> String { met ? "✓" : "✗" }

    static func words(met: Bool, mustHave: Bool) -> String {
        switch (met, mustHave) {
        case (true, _): "Met"
        case (false, true): "Not met (must have)"
        case (false, false): "Not met"
        }
    }

    static func cssClass(met: Bool, mustHave: Bool) -> String {
        met ? "met" : (mustHave ? "unmet must" : "unmet")
    }
}

extension Node where Context: HTML.BodyContext {
    /// A band as a pill: symbol, words, colour.
    static func bandBadge(_ band: ReadinessBand) -> Node {
        .span(.class("band \(band.cssClass)"), safeText("\(band.symbol) \(band.label)"))
    }

    static func status(met: Bool, mustHave: Bool) -> Node {
        .span(
            .class("status \(CriterionStatus.cssClass(met: met, mustHave: mustHave))"),
            safeText("\(CriterionStatus.symbol(met: met)) \(CriterionStatus.words(met: met, mustHave: mustHave))"))
    }
}
