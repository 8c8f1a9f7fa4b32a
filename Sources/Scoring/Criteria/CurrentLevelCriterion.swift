import Roles

/// Where the current role sits on the HR ladder (administrator 1 … director 6).
enum CurrentLevelCriterion {
    /// Judgement: one step up the ladder takes about two years (the seed: manager within 1–3 years).
    static let monthsPerLevel = 24

    static func evaluate(_ rule: CurrentLevelRule, in context: ScoringContext) -> CriterionOutcome {
        let level = context.currentLevel
        let fraction: Double = level >= rule.full ? 1 : (level >= rule.partial ? 0.5 : 0)
        let title = context.record.currentPosition?.title
        let describedRole = context.currentRole.map { "\($0.title), level \($0.level)" } ?? (level > 0 ? "level \(level)" : "no HR level")
        let evidence = context.record.currentPosition.map { [Evidence(text: "\($0.title) — \(describedRole)", line: $0.line)] } ?? []
        let met = level >= rule.full
        return CriterionOutcome(
            fraction: fraction, met: met, evidence: evidence,
            gap: met ? nil : "current role \(title.map { "\"\($0)\"" } ?? "unknown") is at \(describedRole); level \(rule.full) is the step below this role",
            monthsToClose: met ? nil : max(rule.full - max(level, rule.full - 3), 1) * monthsPerLevel)
    }
}
