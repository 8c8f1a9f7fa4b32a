import Extraction
import Scoring

/// `report --format text`: readable at 80 columns in a terminal.
public struct TextReporter: AssessmentReporter {
    public init() {}

    public func render(_ assessment: Assessment, blind: Bool) -> String {
        let candidate = assessment.candidate
        var lines: [String] = []
        let who = blind ? "Candidate (blind)" : (candidate.personal.name ?? "Candidate")
        lines.append("\(who) → \(assessment.role.title)")
        lines.append(String(repeating: "=", count: min(80, lines[0].count)))
        lines.append("Source: \(candidate.source)")
        if let title = candidate.currentPosition?.title {
            lines.append("Current: \(title)" + (assessment.currentRole.map { " (\($0.title))" } ?? ""))
        }
        let experience = candidate.experience
        lines.append("Experience: \(CandidateText.years(experience.totalMonths)) in all, \(CandidateText.years(experience.hrMonths)) in HR, \(CandidateText.years(experience.managementMonths)) supervising")
        lines.append("")
        lines.append("Score \(JSONValue.format(assessment.score))/100 — \(assessment.band.label)" + (assessment.monthsToReady > 0 ? " (about \(assessment.monthsToReady) months to ready)" : ""))
        lines.append("")
        lines.append("Criteria")
        for result in assessment.criteria {
            let mark = result.met ? "✓" : (result.mustHave ? "✗!" : "✗")
            let points = "\(JSONValue.format(result.earned))/\(JSONValue.format(result.weight))"
            lines.append(wrap("\(mark) \(result.label)\(result.mustHave ? " (must have)" : "") — \(points)", indent: 2))
            for evidence in result.evidence.prefix(3) {
                lines.append(wrap("· \(evidence.text) [\(evidence.location)]", indent: 6))
            }
            if let gap = result.gap { lines.append(wrap("\(result.met ? "note" : "gap"): \(gap)", indent: 6)) }
        }
        if !assessment.advice.isEmpty {
            lines.append("")
            lines.append("Advice")
            for advice in assessment.advice {
                lines.append(wrap("- [\(advice.id)] \(advice.text)", indent: 2))
            }
        }
        if !candidate.warnings.isEmpty {
            lines.append("")
            for warning in candidate.warnings { lines.append(wrap("warning: \(warning)", indent: 0)) }
        }
        lines.append("")
        lines.append("Rubric \(assessment.rubric.id) v\(assessment.rubric.version), sha256 \(assessment.rubric.sha256.prefix(12))…, as of \(assessment.asOf)")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Wraps at 80 columns, continuation lines indented two more than the first.
func wrap(_ text: String, indent: Int, width: Int = 80) -> String {
    let prefix = String(repeating: " ", count: indent)
    var lines: [String] = []
    var current = prefix
    // Whether `current` holds a word yet (it starts as the indent only).
    var hasWord = false
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        if current.count + word.count + 1 > width && hasWord {
            lines.append(current)
            current = prefix + "  " + word
        } else {
            current += (hasWord ? " " : "") + word
        }
        // Foundation's `.whitespaces`: tab and the space separators (not line breaks).
        hasWord = hasWord || word.contains { $0 != "\t" && !$0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .spaceSeparator } }
    }
    lines.append(current)
    return lines.joined(separator: "\n")
}
