import Roles

/// Evidence of a competency group: distinct terms found in visible text. Saying "Workday" ten times
/// counts once; hidden text never counts (the record has none).
enum CompetencyCriterion {
    /// Judgement: a project, a course or a stretch assignment closes one competency gap in about half a year.
    static let monthsToClose = 6

    /// `terms` holds a matcher for each of `rule.terms`, in order.
    static func evaluate(_ rule: CompetencyRule, terms: [TermMatcher], in context: ScoringContext) -> CriterionOutcome {
        var found: [(term: String, evidence: Evidence)] = []
        // Whether each term (by index) was found: `terms[i]` is the matcher of `rule.terms[i]`, so this
        // says which terms are missing without comparing every term with every term found.
        var termFound = [Bool](repeating: false, count: terms.count)
        let record = context.record
        // Through the buffer: indexing the array copied each matcher (three strings and an array retained).
        terms.withUnsafeBufferPointer { terms in
            for index in terms.indices {
                if let line = record.firstLine(matching: terms[index]) {
                    found.append((terms[index].term, Evidence(text: record.lines[line].text, line: record.lines[line].line)))
                    termFound[index] = true
                }
            }
        }
        let distinct = found.count
        let fraction = Credit.fraction(value: Double(distinct), full: Double(rule.full), partial: Double(rule.partial))
        let met = distinct >= rule.full
        var evidence: [Evidence] = []
        for item in found where !evidence.contains(item.evidence) { evidence.append(item.evidence) }
        let missing = met ? [] : rule.terms.indices.filter { !termFound[$0] }.prefix(4).map { rule.terms[$0] }
        return CriterionOutcome(
            fraction: fraction, met: met, evidence: Array(evidence.prefix(6)),
            gap: met ? nil : "\(distinct) of \(rule.full) distinct signs found (\(found.map(\.term).joined(separator: ", ")))"
                + (missing.isEmpty ? "" : "; none of e.g. \(missing.joined(separator: ", "))"),
            monthsToClose: met ? nil : monthsToClose)
    }
}
