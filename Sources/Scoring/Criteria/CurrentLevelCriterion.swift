import Roles

/// Where the current role sits on the HR ladder (administrator 1 … director 6).
enum CurrentLevelCriterion {
    /// Judgement: one step up the ladder takes about two years (the seed: manager within 1–3 years).
    static let monthsPerLevel = 24

    static func evaluate(_ rule: CurrentLevelRule, in context: ScoringContext) -> CriterionOutcome {
        let level = context.currentLevel
        let fraction: Double = level >= rule.full ? 1 : (level >= rule.partial ? 0.5 : 0)
        let met = level >= rule.full
        let monthsToClose = met ? nil : max(rule.full - max(level, rule.full - 3), 1) * monthsPerLevel
        // The rest is the explanation (the title and level in words).
        guard context.explaining else { return CriterionOutcome(fraction: fraction, met: met, evidence: [], gap: nil, monthsToClose: monthsToClose) }
        // Picked once: each `currentPosition` picks the position again and copies it out.
        let current = context.record.currentPosition
        let title = current?.title
        let describedRole = context.currentRole.map { describe(title: $0.title, level: $0.level) } ?? (level > 0 ? "level \(level)" : "no HR level")
        let evidence = current.map { [Evidence(text: evidenceText(title: $0.title, describedRole: describedRole), line: $0.line)] } ?? []
        return CriterionOutcome(
            fraction: fraction, met: met, evidence: evidence,
            gap: met ? nil : "current role \(title.map { "\"\($0)\"" } ?? "unknown") is at \(describedRole); level \(rule.full) is the step below this role",
            monthsToClose: monthsToClose)
    }

    /// "<title>, level <level>", in one allocation (`TextAssembly`), for every file.
    static func describe(title: String, level: Int) -> String {
        let levelText = String(level)
        let opening = ", level "
        return TextAssembly.text(capacity: title.utf8.count + opening.utf8.count + levelText.utf8.count) { text in
            text.write(title)
            text.write(opening)
            text.write(levelText)
        }
    }

    /// "<title> — <describedRole>", in one allocation (`TextAssembly`), for every file.
    static func evidenceText(title: String, describedRole: String) -> String {
        let dash = " — "
        return TextAssembly.text(capacity: title.utf8.count + dash.utf8.count + describedRole.utf8.count) { text in
            text.write(title)
            text.write(dash)
            text.write(describedRole)
        }
    }
}
