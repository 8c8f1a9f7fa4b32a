import Extraction
import Roles

/// The advice an assessment carries, each with a stable id spreadsheets can filter on.
enum AdviceWriter {
    static func advice(results: [CriterionResult], rubric: Rubric, target: Profile?, context: ScoringContext, hiddenText: Bool) -> [Advice] {
        var advice: [Advice] = []
        if hiddenText {
            advice.append(Advice(id: "hidden-text", text: "This résumé hides text from a reader (invisible or background-coloured text). It was ignored for scoring; ask the candidate about it."))
        }
        for result in results where !result.met {
            guard let gap = result.gap else { continue }
            let time = result.monthsToClose.map { $0 > 0 ? " Closing it takes about \(durationWords($0))." : "" } ?? ""
            advice.append(Advice(id: "gap:\(result.id)", text: "\(result.label): \(gap).\(time)"))
        }
        advice.append(contentsOf: certificationAdvice(rubric: rubric, target: target, context: context))
        if let current = context.currentRole {
            let tenureYears = Double(context.tenureMonths ?? 0) / 12
            for rule in current.advice {
                switch rule.condition {
                case .tenureInRoleOverYears(let years):
                    if tenureYears > years { advice.append(Advice(id: rule.id, text: rule.text)) }
                case .always:
                    // The pay step belongs to a move into the role it describes.
                    if rule.id == "compensation-step" && !current.leadsTo.contains(rubric.role) { continue }
                    advice.append(Advice(id: rule.id, text: rule.text))
                }
            }
            if current.leadsTo.contains(rubric.role), let step = current.compensationStep, !advice.contains(where: { $0.id == "compensation-step" }) {
                advice.append(Advice(id: "compensation-step", text: "The move from \(current.title) to \(target?.title ?? rubric.title) typically brings a \(step) pay increase."))
            }
        }
        return advice
    }

    /// `certification-eligible:<CERT>` for each certification the rubric values that the candidate does
    /// not hold and may sit now.
    static func certificationAdvice(rubric: Rubric, target: Profile?, context: ScoringContext) -> [Advice] {
        var wanted: [String] = []
        for criterion in rubric.criteria {
            if case .certification(let rule) = criterion.rule { wanted += rule.anyOf }
        }
        wanted += target?.certifications.atNextLevel ?? []
        let held = Set(context.record.certificationIDs)
        // Someone holding the senior credential need not be told about the junior one.
        let heldSenior = held.contains("SPHR") || held.contains("SHRM-SCP")
        var advice: [Advice] = []
        var seen: Set<String> = []
        for id in wanted where !held.contains(id) && seen.insert(id).inserted {
            if heldSenior && (id == "PHR" || id == "SHRM-CP" || id == "aPHR") { continue }
            if held.contains("PHR") && id == "SHRM-CP" || held.contains("SHRM-CP") && id == "PHR" { continue }
            guard let verdict = CertificationEligibility.verdict(for: id, education: context.record.highestEducation?.level, hrMonths: context.record.experience.hrMonths), verdict.eligible else { continue }
            let name = CertificationCatalog.entry(for: id)?.fullName ?? id
            advice.append(Advice(id: "certification-eligible:\(id)", text: "Eligible now for the \(id) (\(name)): \(verdict.rule)."))
        }
        return advice
    }

    static func durationWords(_ months: Int) -> String {
        if months < 12 { return months == 1 ? "1 month" : "\(months) months" }
        let years = Double(months) / 12
        let rounded = (years * 2).rounded() / 2
        return rounded == rounded.rounded() ? "\(Int(rounded)) year\(rounded == 1 ? "" : "s")" : "\(rounded) years"
    }
}
