import Extraction

/// The candidate record for people, at 80 columns: `readiness parse --format text`.
public enum CandidateText {
    public static func render(_ candidate: Candidate, blind: Bool = false) -> String {
        var lines: [String] = []
        let name = blind ? "(hidden: blind mode)" : (candidate.personal.name ?? "(no name found)")
        lines.append("\(name) — \(candidate.source) [\(candidate.format.rawValue)]")
        if let headline = candidate.headline { lines.append(headline) }
        if !blind {
            let contact = [candidate.personal.email, candidate.personal.phone, candidate.personal.location].compactMap { $0 }
            if !contact.isEmpty { lines.append(contact.joined(separator: " · ")) }
        }
        let experience = candidate.experience
        lines.append("Experience at \(experience.asOf): \(years(experience.totalMonths)) in all, \(years(experience.hrMonths)) in HR, \(years(experience.managementMonths)) managing")
        if !candidate.positions.isEmpty {
            lines.append("")
            lines.append("Positions")
            for position in candidate.positions {
                let period = "\(position.start?.description ?? "?") – \(position.current ? "present" : position.end?.description ?? "?")"
                let employer = position.employer.map { ", \($0)" } ?? ""
                lines.append("  \(position.title)\(employer) (\(period))")
            }
        }
        if !candidate.education.isEmpty {
            lines.append("")
            lines.append("Education")
            for education in candidate.education {
                let parts = [education.degree, education.institution, blind ? nil : education.end?.description].compactMap { $0 }
                lines.append("  \(parts.joined(separator: ", ")) [\(education.level?.rawValue ?? "level unknown")]")
            }
        }
        if !candidate.certifications.isEmpty {
            lines.append("")
            lines.append("Certifications")
            for certification in candidate.certifications {
                let date = certification.date.map { " (\($0))" } ?? ""
                lines.append("  \(certification.id ?? "-"): \(certification.name)\(date)")
            }
        }
        if !candidate.skills.isEmpty {
            lines.append("")
            lines.append("Skills: " + candidate.skills.joined(separator: ", "))
        }
        if candidate.hiddenText { lines.append(""); lines.append("! Hidden text found: it was ignored.") }
        for warning in candidate.warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n")
    }

    public static func years(_ months: Int) -> String {
        let years = months / 12
        let rest = months % 12
        switch (years, rest) {
        case (0, _): return "\(rest) mo"
        case (_, 0): return "\(years) yr"
        default: return "\(years) yr \(rest) mo"
        }
    }
}
