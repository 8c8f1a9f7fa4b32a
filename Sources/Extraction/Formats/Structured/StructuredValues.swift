import Foundation
import Markup

/// What microformats and schema.org markup have in common: machine-readable values in attributes
/// (`datetime`, `title`, `content`), dates written for people beside them, and the rest of the page as
/// evidence. Shared by `MicroformatsExtractor` and `SchemaOrgExtractor`.
enum StructuredValues {
    /// A date as markup gives it: an ISO value (`2009-01-18`, `2009-01`, `2009`, `2009-01-18T10:00Z`) or
    /// text a person wrote (`Jan 2009`, `01/2009`).
    static func date(_ raw: String) -> PartialDate? {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let iso = PartialDate(iso: trimmed), DateExpressions.plausibleYear(iso.year) { return iso }
        if let written = DateExpressions.date(trimmed) { return written }
        if let range = DateExpressions.findRange(in: trimmed), let start = range.start { return start }
        return nil
    }

    /// Whether the text a reader sees right after a start date says the span is still open:
    /// "– Present", "to date", "until now", or "Present" with no separator at all.
    static func saysPresent(_ following: String) -> Bool {
        var words: [Substring] = []
        for word in following.split(whereSeparator: { !$0.isLetter && $0 != "'" }) {
            words.append(word)
            if words.count == 3 { break }
        }
        var index = 0
        while index < words.count, ["to", "until", "till", "through", "thru", "bis"].contains(words[index].lowercased()) {
            if words[index].lowercased() == "to" || words[index].lowercased() == "till",
               index + 1 < words.count, words[index + 1].lowercased() == "date" {
                return true
            }
            index += 1
        }
        guard index < words.count else { return false }
        let word = words[index].lowercased()
        // "date" alone is not "to date"; the other present words stand on their own.
        return word != "date" && DateExpressions.isPresent(word)
    }

    /// Leading text up to the first visible characters after `marker`: the words a reader sees after a
    /// start date. `isMarker` finds the start element, `isStop` an element after which looking stops
    /// (an end date, a duration). Iterative, so any depth is fine.
    static func visibleText(after isMarker: (MarkupElement) -> Bool, stoppingAt isStop: (MarkupElement) -> Bool, in element: MarkupElement, limit: Int = 40) -> String? {
        var stack: [MarkupContent] = element.contents.reversed()
        var seenMarker = false
        var collected = ""
        while let content = stack.popLast() {
            switch content {
            case .text(let text):
                if seenMarker && !text.isHidden {
                    collected += text.value
                    if collected.count >= limit { return collected }
                }
            case .element(let child):
                if child.isHidden { continue }
                if !seenMarker && isMarker(child) {
                    seenMarker = true
                    continue  // the date itself is not "after" it
                }
                if seenMarker && isStop(child) { return collected }
                stack.append(contentsOf: child.contents.reversed())
            }
        }
        return seenMarker ? collected : nil
    }

    /// An e-mail address without its `mailto:` scheme or query.
    static func email(_ raw: String) -> String? {
        var value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.lowercased().hasPrefix("mailto:") { value = String(value.dropFirst(7)) }
        if let query = value.firstIndex(of: "?") { value = String(value[..<query]) }
        value = value.removingPercentEscapesIfSimple
        return value.contains("@") ? value : nil
    }

    /// A telephone number without its `tel:` scheme.
    static func telephone(_ raw: String) -> String? {
        var value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.lowercased().hasPrefix("tel:") { value = String(value.dropFirst(4)) }
        value = value.removingPercentEscapesIfSimple
        return value.contains(where: \.isNumber) ? value : nil
    }

    /// Names of places joined as a reader writes them, skipping blanks and repeats.
    static func joinedPlace(_ parts: [String?]) -> String? {
        var seen: [String] = []
        for part in parts {
            guard let part = part.map(collapseWhitespace), !part.isEmpty, !seen.contains(part) else { continue }
            seen.append(part)
        }
        return seen.isEmpty ? nil : seen.joined(separator: ", ")
    }

    /// The field of study in a degree as written: "B.S. in Business Administration" → "Business
    /// Administration", "Master of Arts in Human Resources" → "Human Resources". nil when the degree names
    /// no field in those words.
    static func fieldOfStudy(in degree: String) -> String? {
        for separator in [" in ", ", "] {
            if let range = degree.range(of: separator, options: .backwards) {
                let field = degree[range.upperBound...].trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
                if !field.isEmpty, EducationLevels.level(ofDegree: field) == nil { return field }
            }
        }
        return nil
    }

    /// Every visible line of the document as evidence, each tagged with the section whose element holds
    /// it. `sections` maps elements to sections; lines found in none are `.other`.
    static func evidence(of document: MarkupDocument, sections: [(MarkupElement, EvidenceText.Section)]) -> [EvidenceText] {
        guard let root = document.root else { return [] }
        var sectionOfLine: [String: EvidenceText.Section] = [:]
        for (element, section) in sections {
            for line in element.visibleLines {
                let key = "\(line.line)\u{1F}\(line.value)"
                if sectionOfLine[key] == nil { sectionOfLine[key] = section }
            }
        }
        return root.visibleLines.map { line in
            EvidenceText(line.value, line: line.line, section: sectionOfLine["\(line.line)\u{1F}\(line.value)"] ?? .other)
        }
    }

    /// Certifications named in `texts` (skills, education entries written as certificates), by canonical id.
    static func certification(from text: String, date: PartialDate?, line: Int) -> Certification? {
        guard let id = CertificationCatalog.canonicalID(in: text) else { return nil }
        return Certification(name: text, id: id, date: date, line: line)
    }

    /// Appends without repeating an equal value.
    static func appendUnique(_ value: String, to list: inout [String]) {
        let cleaned = collapseWhitespace(value)
        guard !cleaned.isEmpty, !list.contains(where: { $0.caseInsensitiveCompare(cleaned) == .orderedSame }) else { return }
        list.append(cleaned)
    }
}

private extension String {
    /// `%20` and friends decoded when the result is valid text; the original otherwise.
    var removingPercentEscapesIfSimple: String {
        guard contains("%") else { return self }
        return removingPercentEncoding ?? self
    }
}
