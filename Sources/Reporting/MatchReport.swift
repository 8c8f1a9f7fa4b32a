import Extraction
import Scoring

/// `readiness match`: every role ranked for one candidate.
public enum MatchReport {
    public static func json(_ ranking: [RoleMatcher.Match], candidate: Candidate, blind: Bool) -> String {
        JSONValue.object([
            ("candidate", .object([
                ("source", .string(candidate.source)),
                ("name", .optional(blind ? nil : candidate.personal.name)),
                ("currentTitle", .optional(candidate.currentPosition?.title)),
            ])),
            ("roles", .array(ranking.map { match in
                let assessment = match.assessment
                return .object([
                    ("role", .object([("id", .string(assessment.role.id)), ("title", .string(assessment.role.title))])),
                    ("score", .double(assessment.score)),
                    ("band", .string(assessment.band.rawValue)),
                    ("monthsToReady", .int(assessment.monthsToReady)),
                    ("direction", .string(match.direction.rawValue)),
                ])
            })),
        ]).serialized(pretty: true) + "\n"
    }

    public static func text(_ ranking: [RoleMatcher.Match], candidate: Candidate, blind: Bool) -> String {
        let who = blind ? "Candidate (blind)" : (candidate.personal.name ?? candidate.source)
        var lines = ["Roles ranked for \(who)" + (candidate.currentPosition.map { ", now \($0.title)" } ?? ""), ""]
        lines.append(pad("Role", 28) + pad("Score", 7) + pad("Band", 20) + pad("Months", 8) + "Move")
        for match in ranking {
            let assessment = match.assessment
            lines.append(pad(assessment.role.title, 28) + pad(JSONValue.format(assessment.score), 7) + pad(assessment.band.label, 20) + pad(String(assessment.monthsToReady), 8) + match.direction.rawValue)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width - 1)) + " " : text + String(repeating: " ", count: width - text.count)
    }
}
