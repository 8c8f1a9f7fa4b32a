/// Writes a rubric as the YAML people tune, deterministically.
public enum RubricWriter {
    public static func yaml(for rubric: Rubric, derivedFrom: String? = nil) -> String {
        var lines: [String] = []
        if let derivedFrom {
            lines.append("# Derived from \(derivedFrom) by `readiness rubric derive`; tune weights and thresholds here.")
            lines.append("# `readiness rubric check` validates the file; a test checks it keeps every derived criterion.")
        }
        lines.append("id: \(rubric.id)")
        lines.append("role: \(rubric.role)")
        lines.append("title: \(quote(rubric.title))")
        lines.append("version: \(quote(rubric.version))")
        if let derivedFrom { lines.append("derivedFrom: \(quote(derivedFrom))") }
        lines.append("bands: { readyNow: \(number(rubric.bands.readyNow)), oneToTwoYears: \(number(rubric.bands.oneToTwoYears)), threeToFiveYears: \(number(rubric.bands.threeToFiveYears)) }")
        lines.append("criteria:")
        for criterion in rubric.criteria {
            lines.append("  - id: \(criterion.id)")
            lines.append("    label: \(quote(criterion.label))")
            lines.append("    kind: \(criterion.rule.kindName)")
            lines.append("    weight: \(number(criterion.weight))")
            if criterion.mustHave { lines.append("    mustHave: true") }
            switch criterion.rule {
            case .experienceYears(let rule):
                lines.append("    scope: \(rule.scope.rawValue)")
                if !rule.titles.isEmpty { lines.append("    titles: \(list(rule.titles))") }
                if !rule.informalCounts { lines.append("    informalCounts: false") }
                lines.append("    full: \(number(rule.full))")
                lines.append("    partial: \(number(rule.partial))")
            case .education(let rule):
                lines.append("    full: \(rule.full.rawValue)")
                if let partial = rule.partial { lines.append("    partial: \(partial.rawValue)") }
                if !rule.fields.isEmpty { lines.append("    fields: \(list(rule.fields))") }
            case .certification(let rule):
                lines.append("    anyOf: \(list(rule.anyOf))")
                if !rule.partialAnyOf.isEmpty { lines.append("    partialAnyOf: \(list(rule.partialAnyOf))") }
            case .competency(let rule):
                lines.append("    group: \(rule.group)")
                lines.append("    terms: \(list(rule.terms))")
                lines.append("    full: \(rule.full)")
                lines.append("    partial: \(rule.partial)")
            case .programOwnership(let rule):
                lines.append("    programs: \(list(rule.programs))")
                lines.append("    verbs: \(list(rule.verbs))")
                lines.append("    full: \(rule.full)")
            case .currentLevel(let rule):
                lines.append("    full: \(rule.full)")
                lines.append("    partial: \(rule.partial)")
            case .tenure(let rule):
                lines.append("    full: \(number(rule.full))")
                lines.append("    partial: \(number(rule.partial))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func list(_ values: [String]) -> String {
        "[" + values.map(quote).joined(separator: ", ") + "]"
    }

    /// Plain when YAML would read it back unchanged, double-quoted otherwise.
    static func quote(_ text: String) -> String {
        let plainSafe = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || " -./&'’()+".contains($0) }
            && !text.hasPrefix("-") && !text.hasPrefix(" ") && !text.hasSuffix(" ")
            && !["true", "false", "yes", "no", "null", "on", "off", "~"].contains(text.lowercased())
            && Double(text) == nil
        if plainSafe { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }
}
