import Foundation
import Markup

/// What a date element of an XML résumé says.
enum XMLDateValue: Sendable, Equatable {
    /// A date at the precision written.
    case date(PartialDate)
    /// "Present": `<present/>`, `StringDate` "current", `Current`/`CurrentIndicator` true.
    case present
    /// A span written inside one date field (`StringDate` "2001-2002").
    case range(start: PartialDate?, end: PartialDate?, current: Bool)
    /// Explicitly unknown (`notKnown`, `notApplicable`, `DateText` "Unknown").
    case unknown

    /// The date to use where a start is wanted.
    var startDate: PartialDate? {
        switch self {
        case .date(let date): return date
        case .range(let start, _, _): return start
        case .present, .unknown: return nil
        }
    }

    /// The date to use where an end is wanted.
    var endDate: PartialDate? {
        switch self {
        case .date(let date): return date
        case .range(_, let end, _): return end
        case .present, .unknown: return nil
        }
    }

    /// Whether an end holding this value means the span is still running.
    var isPresent: Bool {
        switch self {
        case .present: return true
        case .range(_, _, let current): return current
        case .date, .unknown: return false
        }
    }
}

/// The date forms XML résumé vocabularies use:
/// - attributes `year="2019" month="--04" day="---10"` (Europass v3: xs:gYear, xs:gMonth, xs:gDay);
/// - child elements `year`/`month`/`day`, months as numbers, `--04` or names (Europass v1/v2, XML Résumé);
/// - one of `AnyDate` (`2000-06-01Z`), `YearMonth`, `Year`, `MonthDay`, `StringDate` (`4/1/1997`,
///   `2001-2002`, `current`) (HR-XML 2 FlexibleDates), `FormattedDateTime`, `DateText` (HR-XML 3,
///   Europass 2020), `Date`;
/// - `<present/>`;
/// - the element's own text.
enum XMLDates {
    /// The value an element that stands for one date holds, or nil when it holds none.
    static func value(of element: MarkupElement) -> XMLDateValue? {
        // HR-XML's `YearMonth`, `AnyDate` and `Year` hold one plain ISO date as their only text.
        if let date = plainISODateOfOnlyText(element) { return .date(date) }
        // The month and day are looked up only beside a year: without one there is no date here.
        if let year = element.attribute("year"),
           let fromAttributes = fromParts(year: year, month: element.attribute("month"), day: element.attribute("day")) {
            return fromAttributes
        }
        // The first child element and whether there is a second, read from the node links: the list of
        // every child (an array, a retain per child, all released again) was made for just these answers.
        let (firstChild, hasSecondChild) = firstChildElement(of: element)
        guard let firstChild else {
            return parse(collapsed: element.xmlText)
        }
        if !hasSecondChild {
            // What the lookups below come to for one child (HR-XML's `StartDate` around one `YearMonth`),
            // without asking for each name in turn: `present`, a lone year, or the date the child holds
            // (a wrapper's value, and failing that the same child's value again).
            let only = firstChild
            let name = only.name
            if name == "present" || name == "Present" { return .present }
            if name == "year" || name == "Year" {
                // A lone four-digit year (`DegreeDate/Year`): what `fromParts` makes of it, read from its node.
                if let year = plainISODateOfOnlyText(only), year.month == nil { return .date(year) }
                return fromParts(year: only.xmlText, month: nil, day: nil)
            }
            return value(of: only)
        }
        if element.child("present") != nil || element.child("Present") != nil { return .present }
        // Europass v1/v2 and XML Résumé: year, month, day as children.
        if let year = element.xmlChild(anyOf: ["year", "Year"]), element.xmlChild(anyOf: ["AnyDate", "YearMonth", "StringDate"]) == nil {
            let month = element.xmlChild(anyOf: ["month", "Month"])?.xmlText
            let day = element.xmlChild(anyOf: ["day", "dayOfMonth", "Day"])?.xmlText
            return fromParts(year: year.xmlText, month: month, day: day)
        }
        for name in wrappedForms {
            if let inner = element.child(name) {
                if let value = value(of: inner) { return value }
            }
        }
        // (A wrapper around one date element in a vocabulary we do not know by name was answered above.)
        return nil
    }

    /// `plainISODate` of the text of an element without attributes whose only child node is one visible
    /// text node; nil for any other element, or text that is not plainly `yyyy`, `yyyy-mm` or `yyyy-mm-dd`.
    ///
    /// Why it is `value(of:)`'s answer: with no attributes there is no `year` attribute and with no child
    /// element the value is `parse(collapsed:)` of the element's text, which is that one node's text
    /// collapsed; text of digits and hyphens collapses to itself, and `parse` answers it with
    /// `plainISODate` first. Reading the node's text directly skips joining the text nodes and the
    /// collapse's scan, for the dates every HR-XML position has.
    static func plainISODateOfOnlyText(_ element: MarkupElement) -> PartialDate? {
        let node = element.nodeIndex
        guard !element.hasAttributes(node) else { return nil }
        let text = element.firstChild(of: node)
        guard text >= 0, element.isText(text), element.nextSibling(of: text) < 0, element.firstChild(of: text) < 0,
              !element.isHidden(text) else { return nil }
        return plainISODate(element.text(of: text))
    }

    /// The first child element of `element` (nil when it has none) and whether another follows it.
    static func firstChildElement(of element: MarkupElement) -> (first: MarkupElement?, hasSecond: Bool) {
        var first: MarkupElement.NodeIndex = -1
        var node = element.firstChild(of: element.nodeIndex)
        while node >= 0 {
            if element.isElement(node) {
                if first >= 0 { return (element.element(at: first), true) }
                first = node
            }
            node = element.nextSibling(of: node)
        }
        return (first >= 0 ? element.element(at: first) : nil, false)
    }

    /// The HR-XML / Europass wrappers that hold one date each, most specific first.
    static let wrappedForms = [
        "AnyDate", "YearMonth", "Year", "MonthDay", "StringDate", "FormattedDateTime", "DateText", "Date", "date",
    ]

    /// Reads one date written as text: ISO forms (`2019`, `2019-03`, `2019-03-01`, `2000-06-01Z`,
    /// `2019-03-01T09:00:00`), written forms (`4/1/1997`, `March 2019`), spans (`2001-2002`) and
    /// "present" words. Nil for empty text; `.unknown` for `notKnown`, `notApplicable`, "unknown".
    static func parse(_ text: String) -> XMLDateValue? {
        parse(collapsed: collapseWhitespace(text))
    }

    /// `parse` of text that is already whitespace-collapsed, such as an element's `text`: collapsing it
    /// again would give it back as it is, after reading it once more.
    static func parse(collapsed trimmed: String) -> XMLDateValue? {
        // The forms HR-XML's AnyDate, YearMonth and Year hold: digits and hyphens are no placeholder,
        // "unknown" or "present" word, so the checks below would come to `isoDate` and its answer.
        if let date = plainISODate(trimmed) { return .date(date) }
        guard !trimmed.isEmpty, !XMLValues.isSchemaPlaceholder(trimmed) else { return nil }
        let lowered = trimmed.lowercased()
        if ["notknown", "notapplicable", "unknown", "n/a", "na", "not known", "not applicable"].contains(lowered) {
            return .unknown
        }
        if DateExpressions.isPresent(trimmed) { return .present }
        if let iso = isoDate(trimmed) { return .date(iso) }
        if let written = DateExpressions.date(trimmed) { return .date(written) }
        if let span = DateExpressions.findRange(in: trimmed), span.start != nil || span.isCurrent {
            if span.end == nil && !span.isCurrent, let start = span.start { return .date(start) }
            return .range(start: span.start, end: span.end, current: span.isCurrent)
        }
        return nil
    }

    /// `isoDate(text)` for text that is exactly `yyyy`, `yyyy-mm` or `yyyy-mm-dd` in ASCII digits, read
    /// from its bytes (no array of scalars); nil for anything else, including such text that `isoDate`
    /// refuses (a year before 1000, month 13), which then goes the general way.
    static func plainISODate(_ text: String) -> PartialDate? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> PartialDate? in
            guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10 else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0..<4), year >= 1000 else { return nil }
            if bytes.count == 4 { return PartialDate(year: year) }
            guard bytes[4] == UInt8(ascii: "-"), let month = number(5..<7), (1...12).contains(month) else { return nil }
            if bytes.count == 7 { return PartialDate(year: year, month: month) }
            guard bytes[7] == UInt8(ascii: "-"), let day = number(8..<10), (1...31).contains(day) else { return nil }
            return PartialDate(year: year, month: month, day: day)
        } ?? nil
    }

    /// Strict ISO 8601 calendar dates (what xs:date, xs:gYearMonth, xs:gYear and
    /// xs:dateTime write), with an optional time or zone after the date.
    static func isoDate(_ text: String) -> PartialDate? {
        let scalars = Array(text.unicodeScalars)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for index in range {
                let code = scalars[index].value
                guard code >= 48 && code <= 57 else { return nil }
                value = value * 10 + Int(code - 48)
            }
            return value
        }
        guard let year = digits(0..<4), year >= 1000 else { return nil }
        if scalars.count == 4 { return PartialDate(year: year) }
        // A year followed by a zone: "2019Z", "2019+01:00".
        if scalars[4] == "Z" || scalars[4] == "+" { return PartialDate(year: year) }
        guard scalars[4] == "-", let month = digits(5..<7), (1...12).contains(month) else { return nil }
        if scalars.count == 7 { return PartialDate(year: year, month: month) }
        if scalars[7] == "Z" || scalars[7] == "+" || (scalars[7] == "-" && scalars.count == 13 && scalars[10] == ":") {
            return PartialDate(year: year, month: month)
        }
        guard scalars[7] == "-", let day = digits(8..<10), (1...31).contains(day) else { return nil }
        if scalars.count == 10 { return PartialDate(year: year, month: month, day: day) }
        let rest = scalars[10]
        guard rest == "T" || rest == "Z" || rest == "+" || rest == "-" || rest == " " else { return nil }
        return PartialDate(year: year, month: month, day: day)
    }

    /// A date from separate year, month and day values: `2019`, `--04` / `4` / `April`, `---10` / `10`.
    static func fromParts(year: String?, month: String?, day: String?) -> XMLDateValue? {
        guard let yearText = year.map(collapseWhitespace), !yearText.isEmpty else { return nil }
        guard let yearValue = Int(yearText.hasPrefix("-") ? "" : yearText), yearValue >= 1000 else { return nil }
        let monthValue = month.flatMap(monthNumber)
        let dayValue = monthValue == nil ? nil : day.flatMap(dayNumber)
        return .date(PartialDate(year: yearValue, month: monthValue, day: dayValue))
    }

    /// `--04`, `04`, `4`, `April`, `Apr` → 4.
    static func monthNumber(_ text: String) -> Int? {
        let trimmed = collapseWhitespace(text)
        let stripped = trimmed.drop(while: { $0 == "-" })
        if let number = Int(stripped.prefix(2)), stripped.prefix(2).allSatisfy(\.isNumber) {
            return (1...12).contains(number) ? number : nil
        }
        let word = stripped.lowercased().trimmingCharacters(in: .punctuationCharacters)
        return DateExpressions.monthNumbers[word]
    }

    /// `---10`, `10` → 10.
    static func dayNumber(_ text: String) -> Int? {
        let stripped = collapseWhitespace(text).drop(while: { $0 == "-" })
        guard let number = Int(stripped.prefix(2)), stripped.prefix(2).allSatisfy(\.isNumber) else { return nil }
        return (1...31).contains(number) ? number : nil
    }
}
