import Extraction
import Roles

/// Holds any of the listed certifications (canonical ids, so "SHRM Certified Professional" is SHRM-CP).
enum CertificationCriterion {
    /// Preparing for and passing an exam one is eligible for (judgement: a typical study plan).
    static let monthsToPrepare = 3

    /// `noneHeld`, when given, is `noneHeld(rule)` (`CompiledRubric` writes it once).
    static func evaluate(_ rule: CertificationRule, noneHeld: String? = nil, in context: ScoringContext) -> CriterionOutcome {
        let record = context.record
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
        let education = record.highestEducation?.level
        // The quickest listed certification to obtain decides how long the gap takes.
        let options = rule.anyOf.compactMap { id -> (String, Int)? in
            guard let verdict = CertificationEligibility.verdict(for: id, education: education, hrMonths: record.experience.hrMonths) else { return nil }
            return (id, verdict.monthsShort + monthsToPrepare)
        }
        let quickest = options.min { $0.1 < $1.1 }
        return CriterionOutcome(
            fraction: partial.isEmpty ? 0 : 0.5, met: false,
            evidence: partial.map { Evidence(text: $0.name, line: $0.line) },
            gap: (noneHeld ?? Self.noneHeld(rule)) + (quickest.map { "; \($0.0) is the quickest to obtain" } ?? ""),
            monthsToClose: quickest?.1 ?? 12)
    }

    /// The opening of the gap when none of the certifications is held: it depends on the rule alone.
    static func noneHeld(_ rule: CertificationRule) -> String {
        "none of \(rule.anyOf.joined(separator: ", ")) held"
    }
}
