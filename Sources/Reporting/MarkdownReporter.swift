import Extraction
import Scoring

/// `report --format markdown`: for pasting into a promotion-review document.
public struct MarkdownReporter: AssessmentReporter {
    public init() {}

    public func render(_ assessment: Assessment, blind: Bool) -> String {
        let candidate = assessment.candidate
        var lines: [String] = []
        let who = blind ? "Candidate (blind)" : (candidate.personal.name ?? "Candidate")
        lines.append("# \(escape(who)) → \(escape(assessment.role.title))")
        lines.append("")
        lines.append("**Score \(JSONValue.format(assessment.score))/100 — \(assessment.band.label)**" + (assessment.monthsToReady > 0 ? " · about \(assessment.monthsToReady) months to ready" : ""))
        lines.append("")
        if let title = candidate.currentPosition?.title { lines.append("- Current role: \(escape(title))") }
        let experience = candidate.experience
        lines.append("- Experience at \(experience.asOf): \(CandidateText.years(experience.totalMonths)) in all, \(CandidateText.years(experience.hrMonths)) in HR, \(CandidateText.years(experience.managementMonths)) supervising")
        lines.append("- Source: `\(candidate.source)`")
        lines.append("")
        lines.append("## Criteria")
        lines.append("")
        lines.append("| Criterion | Points | Met | Evidence / gap |")
        lines.append("|---|---:|:-:|---|")
        for result in assessment.criteria {
            var notes = result.evidence.prefix(2).map { "\(escape($0.text)) (\($0.location))" }
            if let gap = result.gap { notes.append("**Gap:** \(escape(gap))") }
            let met = result.met ? "yes" : (result.mustHave ? "**no (must have)**" : "no")
            lines.append("| \(escape(result.label)) | \(JSONValue.format(result.earned)) / \(JSONValue.format(result.weight)) | \(met) | \(notes.joined(separator: "<br>")) |")
        }
        if !assessment.advice.isEmpty {
            lines.append("")
            lines.append("## Advice")
            lines.append("")
            for advice in assessment.advice { lines.append("- `\(advice.id)` — \(escape(advice.text))") }
        }
        if !candidate.warnings.isEmpty {
            lines.append("")
            lines.append("## Warnings")
            lines.append("")
            for warning in candidate.warnings { lines.append("- \(escape(warning))") }
        }
        lines.append("")
        lines.append("_Rubric `\(assessment.rubric.id)` v\(assessment.rubric.version), sha256 `\(assessment.rubric.sha256)`, as of \(assessment.asOf)._")
        return lines.joined(separator: "\n") + "\n"
    }

    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "|*_`[]<>#\\".contains(character) { result.append("\\") }
            result.append(character == "\n" ? " " : character)
        }
        return result
    }
}
