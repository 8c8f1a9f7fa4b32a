import Roles

/// Time in the current role: enough to have shown results in it.
enum TenureCriterion {
    static func evaluate(_ rule: TenureRule, in context: ScoringContext) -> CriterionOutcome {
        guard let months = context.tenureMonths else {
            return CriterionOutcome(
                fraction: 0, met: false, evidence: [], gap: context.explaining ? "no current position with a start date" : nil,
                monthsToClose: Int(rule.full * 12))
        }
        let years = Double(months) / 12
        let met = years + 0.0001 >= rule.full
        let fraction = Credit.fraction(value: years, full: rule.full, partial: rule.partial)
        let monthsToClose = met ? nil : Int(((rule.full - years) * 12).rounded(.up))
        guard context.explaining else { return CriterionOutcome(fraction: fraction, met: met, evidence: [], gap: nil, monthsToClose: monthsToClose) }
        let evidence = context.record.currentPosition.map { [Evidence(text: ExperienceYearsCriterion.describe($0), line: $0.line)] } ?? []
        return CriterionOutcome(
            fraction: fraction, met: met, evidence: evidence,
            gap: met ? nil : "\(formatYears(years)) in the current role; \(formatYears(rule.full)) wanted",
            monthsToClose: monthsToClose)
    }
}
