import Roles

/// Evidence of a competency group: distinct terms found in visible text. Saying "Workday" ten times
/// counts once; hidden text never counts (the record has none).
enum CompetencyCriterion {
    /// Judgement: a project, a course or a stretch assignment closes one competency gap in about half a year.
    static let monthsToClose = 6

    static func evaluate(_ rule: CompetencyRule, in context: ScoringContext) -> CriterionOutcome {
        var found: [(term: String, evidence: Evidence)] = []
        for term in rule.terms {
            let matcher = context.matcher(for: term)
            if let line = context.record.lines.first(where: matcher.matches) {
                found.append((term, Evidence(text: line.text, line: line.line)))
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
