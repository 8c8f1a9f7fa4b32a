import Extraction
import Roles

/// The advice an assessment carries, each with a stable id spreadsheets can filter on.
enum AdviceWriter {
    /// `wanted`: `wantedCertifications(rubric:target:)`, worked out once per rubric.
    static func advice(
        results: [CriterionResult], rubric: Rubric, target: Profile?, wanted: [CompiledRubric.WantedCertification],
        context: ScoringContext, hiddenText: Bool
    ) -> [Advice] {
        var advice: [Advice] = []
        if hiddenText {
            advice.append(Advice(id: "hidden-text", text: "This résumé hides text from a reader (invisible or background-coloured text). It was ignored for scoring; ask the candidate about it."))
        }
        for result in results where !result.met {
            guard let gap = result.gap else { continue }
            let time = result.monthsToClose.map { $0 > 0 ? " Closing it takes about \(durationWords($0))." : "" } ?? ""
            advice.append(Advice(id: "gap:\(result.id)", text: "\(result.label): \(gap).\(time)"))
        }
        advice.append(contentsOf: certificationAdvice(wanted: wanted, context: context))
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
    /// not hold and may sit now. `wanted` lists them once each, in the order first named.
    static func certificationAdvice(wanted: [CompiledRubric.WantedCertification], context: ScoringContext) -> [Advice] {
        // A list, not a set: a résumé holds a handful of certifications, and hashing each wanted id to
        // look it up cost more than comparing.
        let held = context.record.certificationIDs
        // Someone holding the senior credential need not be told about the junior one.
        let heldSenior = held.contains("SPHR") || held.contains("SHRM-SCP")
        let heldPHR = held.contains("PHR"), heldSHRMCP = held.contains("SHRM-CP")
        var advice: [Advice] = []
        for certification in wanted where !held.contains(certification.id) {
            let id = certification.id
            if heldSenior && (id == "PHR" || id == "SHRM-CP" || id == "aPHR") { continue }
            if heldPHR && id == "SHRM-CP" || heldSHRMCP && id == "PHR" { continue }
            guard let verdict = CertificationEligibility.verdict(for: id, education: context.record.highestEducation?.level, hrMonths: context.record.experience.hrMonths), verdict.eligible else { continue }
            advice.append(Advice(id: certification.adviceID, text: certification.textOpening + verdict.rule + "."))
        }
        return advice
    }

    /// The certifications a rubric values (its certification criteria's, then the target role's next
    /// level's), each once in the order first named: what `certificationAdvice` goes through.
    static func wantedCertifications(rubric: Rubric, target: Profile?) -> [CompiledRubric.WantedCertification] {
        var wanted: [String] = []
        for criterion in rubric.criteria {
            if case .certification(let rule) = criterion.rule { wanted += rule.anyOf }
        }
        wanted += target?.certifications.atNextLevel ?? []
        var seen: Set<String> = []
        return wanted.filter { seen.insert($0).inserted }.map { id in
            let name = CertificationCatalog.entry(for: id)?.fullName ?? id
            return CompiledRubric.WantedCertification(id: id, adviceID: "certification-eligible:\(id)", textOpening: "Eligible now for the \(id) (\(name)): ")
        }
    }

    static func durationWords(_ months: Int) -> String {
        if months < 12 { return months == 1 ? "1 month" : "\(months) months" }
        let years = Double(months) / 12
        let rounded = (years * 2).rounded() / 2
        return rounded == rounded.rounded() ? "\(Int(rounded)) year\(rounded == 1 ? "" : "s")" : "\(rounded) years"
    }
}
