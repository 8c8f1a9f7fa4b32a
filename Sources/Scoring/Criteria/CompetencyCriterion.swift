import Roles

/// Evidence of a competency group: distinct terms found in visible text. Saying "Workday" ten times
/// counts once; hidden text never counts (the record has none).
enum CompetencyCriterion {
    /// Judgement: a project, a course or a stretch assignment closes one competency gap in about half a year.
    static let monthsToClose = 6

    /// `terms` holds a matcher for each of `rule.terms`, in order.
    static func evaluate(_ rule: CompetencyRule, terms: [TermMatcher], in context: ScoringContext) -> CriterionOutcome {
        var found: [(term: String, evidence: Evidence)] = []
        let lines = context.record.lines
        for matcher in terms {
            if let index = context.record.firstLine(matching: matcher) {
                found.append((matcher.term, Evidence(text: lines[index].text, line: lines[index].line)))
            }
        }
        let distinct = found.count
        let fraction = Credit.fraction(value: Double(distinct), full: Double(rule.full), partial: Double(rule.partial))
        let met = distinct >= rule.full
        var evidence: [Evidence] = []
        for item in found where !evidence.contains(item.evidence) { evidence.append(item.evidence) }
        let missing = rule.terms.filter { term in !found.contains { $0.term == term } }.prefix(4)
        return CriterionOutcome(
            fraction: fraction, met: met, evidence: Array(evidence.prefix(6)),
            gap: met ? nil : "\(distinct) of \(rule.full) distinct signs found (\(found.map(\.term).joined(separator: ", ")))"
                + (missing.isEmpty ? "" : "; none of e.g. \(missing.joined(separator: ", "))"),
            monthsToClose: met ? nil : monthsToClose)
    }
}
