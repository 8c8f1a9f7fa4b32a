import Extraction
import Roles

/// Years of experience: in all, in HR, supervising people (informal leads count from the date they
/// give), or in a senior role named by title.
enum ExperienceYearsCriterion {
    static func evaluate(_ rule: ExperienceYearsRule, in context: ScoringContext) -> CriterionOutcome {
        let record = context.record
        // Each position's duties that show formal supervision, worked out once: both the positions
        // counted and the evidence need them, and the test costs a phrase search per duty.
        let formalDuties: [[EvidenceText]] = rule.scope == .supervisory && !rule.informalCounts
            ? record.positions.indices.map { position in
                let duties = record.positions[position].duties
                return duties.indices.filter { duty in
                    mayShowFormalSupervision(record.dutyPairs[position][duty]) && JobTitles.isFormalSupervision(duties[duty])
                }.map { duties[$0] }
            }
            : []
        let months: Int
        let counted: [Position]
        switch rule.scope {
        case .total:
            months = record.experience.totalMonths
            counted = record.positions.filter { $0.start != nil }
        case .hr:
            months = record.experience.hrMonths
            counted = record.positions.filter { JobTitles.isHR($0.title) && $0.start != nil }
        case .supervisory where rule.informalCounts:
            months = record.experience.managementMonths
            counted = record.positions.filter { JobTitles.isSupervisory($0.title) || ExperienceCalculator.leadershipEvidence(in: $0.duties) != nil }
        case .supervisory:
            months = ExperienceCalculator.formalManagementMonths(of: record.positions, asOf: context.asOf, formalDuties: formalDuties)
            counted = record.positions.indices.filter { JobTitles.isSupervisory(record.positions[$0].title) || !formalDuties[$0].isEmpty }
                .map { record.positions[$0] }
        case .seniorRole:
            // A senior title, or any HR role at or above the senior level: an assistant manager has
            // already been through the senior-generalist stage.
            counted = record.positions.filter { position in
                let title = position.title.lowercased()
                if rule.titles.contains(where: { TextScan.contains(title, $0) || normalizedMatch(title, $0) }) { return true }
                if let role = context.catalog.role(forTitle: position.title), role.level >= 3, JobTitles.isHR(position.title) { return true }
                return false
            }
            months = ExperienceCalculator.mergedMonths(counted.compactMap { ExperienceCalculator.span(of: $0, asOf: context.asOf) })
        }
        let years = Double(months) / 12
        let fraction = Credit.fraction(value: years, full: rule.full, partial: rule.partial)
        var evidence = counted.prefix(6).map { position in
            Evidence(text: describe(position), line: position.line)
        }
        if rule.scope == .supervisory {
            for (index, position) in record.positions.enumerated() {
                let duties = rule.informalCounts ? position.duties : formalDuties[index]
                if let lead = ExperienceCalculator.leadershipEvidence(in: duties) {
                    evidence.append(Evidence(text: lead.text, line: lead.line))
                }
            }
        }
        let met = years + 0.0001 >= rule.full
        let shortfall = max(rule.full - years, 0)
        let scopeWords: String
        switch rule.scope {
        case .total: scopeWords = "work experience"
        case .hr: scopeWords = "HR experience"
        case .supervisory: scopeWords = rule.informalCounts ? "supervisory experience" : "formal supervisory experience (direct reports)"
        case .seniorRole: scopeWords = "experience in a senior role (\(rule.titles.prefix(2).joined(separator: ", ")))"
        }
        return CriterionOutcome(
            fraction: fraction, met: met, evidence: Array(evidence.prefix(8)),
            gap: met ? nil : "\(formatYears(years)) of \(scopeWords); \(formatYears(rule.full)) wanted (\(formatYears(shortfall)) short)",
            monthsToClose: met ? nil : Int((shortfall * 12).rounded(.up)))
    }

    /// The byte pairs of each formal-supervision phrase.
    static let formalSupervisionPairs = JobTitles.formalSupervisionPhrases.phrases.map(BytePairs.init)

    /// False when a duty, by the byte pairs of its lower-cased text, holds none of the formal-supervision
    /// phrases, so `JobTitles.isFormalSupervision` (which lower-cases the duty and searches it for each
    /// phrase) would say false too; most duties are ruled out here.
    static func mayShowFormalSupervision(_ loweredPairs: BytePairs) -> Bool {
        formalSupervisionPairs.contains { loweredPairs.contains($0) }
    }

    /// "<title>, <employer> (<start> – <end>)", in one allocation (`TextAssembly`).
    static func describe(_ position: Position) -> String {
        let start = position.start?.description ?? "?"
        let end = position.current ? "present" : (position.end?.description ?? "?")
        // ", " + " (" + " – " (an en dash, three bytes) + ")": ten bytes besides the parts.
        let capacity = position.title.utf8.count + (position.employer?.utf8.count ?? 0) + start.utf8.count + end.utf8.count + 10
        return TextAssembly.text(capacity: capacity) { text in
            text.write(position.title)
            if let employer = position.employer {
                text.write(", ")
                text.write(employer)
            }
            text.write(" (")
            text.write(start)
            text.write(" – ")
            text.write(end)
            text.write(")")
        }
    }

    private static func normalizedMatch(_ title: String, _ phrase: String) -> Bool {
        let expanded = TextScan.replacing("human resources", with: "hr", in: TextScan.replacing("sr.", with: "senior", in: title))
        return TextScan.contains(expanded, phrase)
    }
}
