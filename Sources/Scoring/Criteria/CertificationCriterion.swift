import Extraction
import Roles

/// Holds any of the listed certifications (canonical ids, so "SHRM Certified Professional" is SHRM-CP).
enum CertificationCriterion {
    /// Preparing for and passing an exam one is eligible for (judgement: a typical study plan).
    static let monthsToPrepare = 3

    /// `noneHeld`, when given, is `noneHeld(rule)` (`CompiledRubric` writes it once).
    static func evaluate(_ rule: CertificationRule, noneHeld: String? = nil, in context: ScoringContext) -> CriterionOutcome {
        let record = context.record
        guard context.explaining else { return figures(rule, record: record) }
        let held = record.certifications.filter { certification in
            guard let id = certification.id else { return false }
            return rule.anyOf.contains(id)
        }
        if !held.isEmpty {
            return CriterionOutcome(
                fraction: 1, met: true,
                evidence: held.map { Evidence(text: $0.name + ($0.date.map { " (\($0))" } ?? ""), line: $0.line) },
                gap: nil, monthsToClose: nil)
        }
        let partial = record.certifications.filter { $0.id.map(rule.partialAnyOf.contains) ?? false }
        let quickest = quickest(rule, record: record)
        return CriterionOutcome(
            fraction: partial.isEmpty ? 0 : 0.5, met: false,
            evidence: partial.map { Evidence(text: $0.name, line: $0.line) },
            gap: (noneHeld ?? Self.noneHeld(rule)) + (quickest.map { "; \($0.0) is the quickest to obtain" } ?? ""),
            monthsToClose: quickest?.1 ?? 12)
    }

    /// `evaluate` without the explanation (no evidence, no gap): the same figures, without the lists of
    /// certifications held that only the evidence reads.
    private static func figures(_ rule: CertificationRule, record: ScorableRecord) -> CriterionOutcome {
        if record.certificationIDs.contains(where: rule.anyOf.contains) {
            return CriterionOutcome(fraction: 1, met: true, evidence: [], gap: nil, monthsToClose: nil)
        }
        let anyPartial = record.certificationIDs.contains(where: rule.partialAnyOf.contains)
        return CriterionOutcome(
            fraction: anyPartial ? 0.5 : 0, met: false, evidence: [], gap: nil, monthsToClose: quickest(rule, record: record)?.1 ?? 12)
    }

    /// The listed certification quickest to obtain (the first of equals) and the months it takes: it
    /// decides how long the gap takes.
    private static func quickest(_ rule: CertificationRule, record: ScorableRecord) -> (String, Int)? {
        let education = record.highestEducation?.level
        let options = rule.anyOf.compactMap { id -> (String, Int)? in
            guard let verdict = CertificationEligibility.verdict(for: id, education: education, hrMonths: record.experience.hrMonths) else { return nil }
            return (id, verdict.monthsShort + monthsToPrepare)
        }
        return options.min { $0.1 < $1.1 }
    }

    /// The opening of the gap when none of the certifications is held: it depends on the rule alone.
    static func noneHeld(_ rule: CertificationRule) -> String {
        "none of \(rule.anyOf.joined(separator: ", ")) held"
    }
}
