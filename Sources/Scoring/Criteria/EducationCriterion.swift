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
                gap: context.explaining ? "no degree found; a \(rule.full.rawValue)'s degree is typical" : nil,
                monthsToClose: monthsToReach(rule.full, from: nil))
        }
        var fraction: Double
        if level.rank >= rule.full.rank {
            fraction = 1
        } else if let partial = rule.partial, level.rank >= partial.rank {
            fraction = 0.5
        } else {
            fraction = 0
        }
        var fieldFits = true
        if !rule.fields.isEmpty {
            let bestText = fieldText(best)
            fieldFits = rule.fields.contains { TextScan.contains(bestText, $0) }
                || record.education.contains { facts in
                    let text = fieldText(facts)
                    return rule.fields.contains { TextScan.contains(text, $0) }
                }
        }
        if !fieldFits { fraction *= 0.8 }
        let levelMet = level.rank >= rule.full.rank
        let monthsToClose = levelMet ? nil : monthsToReach(rule.full, from: level)
        guard context.explaining else { return CriterionOutcome(fraction: fraction, met: levelMet, evidence: [], gap: nil, monthsToClose: monthsToClose) }
        let evidence = record.education.compactMap { facts -> Evidence? in
            guard let degree = facts.degree ?? facts.field else { return nil }
            return Evidence(text: evidenceText(degree: degree, level: facts.level), line: facts.line)
        }
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
            monthsToClose: monthsToClose)
    }

    /// The field and the degree, lower-cased, joined by a space (either alone when the other is
    /// missing): what joining them as an array gave, without the array and the generic join, for
    /// every file.
    /// ASCII texts (nearly all) are lower-cased and joined by `ASCIILowercasing` in one string.
    static func fieldText(_ facts: ScorableRecord.EducationFacts) -> String {
        switch (facts.field, facts.degree) {
        case let (field?, degree?): ASCIILowercasing.lowercasedJoined(field, degree) ?? field.lowercased() + " " + degree.lowercased()
        case let (field?, nil): ASCIILowercasing.lowercased(field) ?? field.lowercased()
        case let (nil, degree?): ASCIILowercasing.lowercased(degree) ?? degree.lowercased()
        case (nil, nil): ""
        }
    }

    /// "<degree> (<level>)", or the degree alone without a level.
    static func evidenceText(degree: String, level: EducationLevel?) -> String {
        guard let level else { return degree }
        return degree + " (" + level.rawValue + ")"
    }
}
