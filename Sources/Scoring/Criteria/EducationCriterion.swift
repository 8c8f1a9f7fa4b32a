import Extraction
import Roles

/// The highest education level, and whether its field fits the role. Never reads schools or years.
enum EducationCriterion {
    /// How long a missing level takes, in months (judgement: part-time study of typical length).
    static func monthsToReach(_ target: EducationLevel, from current: EducationLevel?) -> Int {
        let rank = current?.rank ?? 0
        switch target {
        case .doctorate: return rank >= EducationLevel.master.rank ? 48 : 96
        case .master: return rank >= EducationLevel.bachelor.rank ? 24 : 72
        case .bachelor: return rank >= EducationLevel.associate.rank ? 24 : 48
        case .associate: return 24
        default: return 12
        }
    }

    static func evaluate(_ rule: EducationRule, in context: ScoringContext) -> CriterionOutcome {
        let record = context.record
        guard let best = record.highestEducation, let level = best.level else {
            return CriterionOutcome(
                fraction: 0, met: false, evidence: [],
                gap: "no degree found; a \(rule.full.rawValue)'s degree is typical", monthsToClose: monthsToReach(rule.full, from: nil))
        }
        var fraction: Double
        if level.rank >= rule.full.rank {
            fraction = 1
        } else if let partial = rule.partial, level.rank >= partial.rank {
            fraction = 0.5
        } else {
            fraction = 0
        }
        let fieldText = [best.field, best.degree].compactMap { $0?.lowercased() }.joined(separator: " ")
        let fieldFits = rule.fields.isEmpty || rule.fields.contains { TextScan.contains(fieldText, $0) }
            || record.education.contains { facts in
                let text = [facts.field, facts.degree].compactMap { $0?.lowercased() }.joined(separator: " ")
                return rule.fields.contains { TextScan.contains(text, $0) }
            }
        if !fieldFits { fraction *= 0.8 }
        let evidence = record.education.compactMap { facts -> Evidence? in
            guard let degree = facts.degree ?? facts.field else { return nil }
            return Evidence(text: [degree, facts.level.map { "(\($0.rawValue))" }].compactMap { $0 }.joined(separator: " "), line: facts.line)
        }
        let levelMet = level.rank >= rule.full.rank
        // A degree in another field costs a fifth of the credit but is not a gap to close.
        let met = levelMet
        var gap: String?
        if !levelMet {
            gap = "highest degree is \(level.rawValue); \(rule.full.rawValue) is typical"
        } else if !fieldFits {
            gap = "degree field is outside \(rule.fields.prefix(3).joined(separator: ", "))"
        }
        return CriterionOutcome(
            fraction: fraction, met: met, evidence: evidence, gap: gap,
            monthsToClose: levelMet ? nil : monthsToReach(rule.full, from: level))
    }
}
