import Extraction
import Roles

/// The advice an assessment carries, each with a stable id spreadsheets can filter on.
enum AdviceWriter {
    /// `wanted`: `wantedCertifications(rubric:target:)`, worked out once per rubric. `gapIDs`: when
    /// given, `"gap:<id>"` for each of `results` in order (`CompiledRubric.gapAdviceIDs`).
    static func advice(
        results: [CriterionResult], rubric: Rubric, target: Profile?, wanted: [CompiledRubric.WantedCertification],
        context: ScoringContext, hiddenText: Bool, gapIDs: [String]? = nil
    ) -> [Advice] {
        var advice: [Advice] = []
        if hiddenText {
            advice.append(Advice(id: "hidden-text", text: "This résumé hides text from a reader (invisible or background-coloured text). It was ignored for scoring; ask the candidate about it."))
        }
        for (index, result) in results.enumerated() where !result.met {
            guard let gap = result.gap else { continue }
            advice.append(Advice(id: gapIDs?[index] ?? "gap:\(result.id)", text: gapText(label: result.label, gap: gap, monthsToClose: result.monthsToClose)))
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

    /// "<label>: <gap>." then, when it takes time, " Closing it takes about <duration>.", in one
    /// allocation (`TextAssembly`) where interpolation grew the string piece by piece.
    static func gapText(label: String, gap: String, monthsToClose: Int?) -> String {
        let duration = monthsToClose.flatMap { $0 > 0 ? durationWords($0) : nil }
        let closing = " Closing it takes about "
        let capacity = label.utf8.count + gap.utf8.count + 3 + (duration.map { $0.utf8.count + closing.utf8.count + 1 } ?? 0)
        return TextAssembly.text(capacity: capacity) { text in
            text.write(label)
            text.write(": ")
            text.write(gap)
            text.write(".")
            if let duration {
                text.write(closing)
                text.write(duration)
                text.write(".")
            }
        }
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
            advice.append(Advice(id: certification.adviceID, text: certification.text(forRule: verdict.rule)))
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
            let opening = "Eligible now for the \(id) (\(name)): "
            // The rule depends only on the certification and the education level, so each text the
            // advice can carry is written here once.
            var texts: [(rule: String, text: String)] = []
            for education in [nil] + EducationLevel.allCases.map(Optional.some) {
                guard let rule = CertificationEligibility.verdict(for: id, education: education, hrMonths: 0)?.rule,
                      !texts.contains(where: { $0.rule == rule }) else { continue }
                texts.append((rule, opening + rule + "."))
            }
            return CompiledRubric.WantedCertification(id: id, adviceID: "certification-eligible:\(id)", textOpening: opening, texts: texts)
        }
    }

    static func durationWords(_ months: Int) -> String {
        if months < 12 { return months == 1 ? "1 month" : "\(months) months" }
        let years = Double(months) / 12
        let rounded = (years * 2).rounded() / 2
        return rounded == rounded.rounded() ? "\(Int(rounded)) year\(rounded == 1 ? "" : "s")" : "\(rounded) years"
    }
}
