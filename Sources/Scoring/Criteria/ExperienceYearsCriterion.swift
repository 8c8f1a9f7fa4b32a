import Extraction
import Roles

/// Years of experience: in all, in HR, supervising people (informal leads count from the date they
/// give), or in a senior role named by title.
enum ExperienceYearsCriterion {
    static func evaluate(_ rule: ExperienceYearsRule, in context: ScoringContext) -> CriterionOutcome {
        let record = context.record
        // Each position's duties that show formal supervision, worked out once: both the positions
        // counted and the evidence need them, and the test costs a phrase search per duty.
        let formalDuties = rule.scope == .supervisory && !rule.informalCounts ? Self.formalDuties(of: record) : []
        let positions = record.positions
        let explaining = context.explaining
        // The positions counted, by index: filtering the positions themselves copied each one kept (a
        // retain and a release of each of its strings and its duties). Only the evidence reads them,
        // except for a senior role, whose months are theirs: without an explanation they are not
        // picked (each test is a title search per position).
        let months: Int
        let counted: [Int]
        switch rule.scope {
        case .total:
            months = record.experience.totalMonths
            counted = explaining ? positions.indices.filter { positions[$0].start != nil } : []
        case .hr:
            months = record.experience.hrMonths
            counted = explaining ? positions.indices.filter { positions[$0].titleIsHR && positions[$0].start != nil } : []
        case .supervisory where rule.informalCounts:
            months = record.experience.managementMonths
            counted = explaining
                ? positions.indices.filter {
                    positions[$0].titleIsSupervisory || ExperienceCalculator.leadershipEvidence(in: positions[$0].duties) != nil
                }
                : []
        case .supervisory:
            months = ExperienceCalculator.formalManagementMonths(of: positions, asOf: context.asOf, formalDuties: formalDuties)
            counted = explaining ? positions.indices.filter { positions[$0].titleIsSupervisory || !formalDuties[$0].isEmpty } : []
        case .seniorRole:
            // A senior title, or any HR role at or above the senior level: an assistant manager has
            // already been through the senior-generalist stage.
            counted = positions.indices.filter { index in
                let title = positions[index].title.lowercased()
                if rule.titles.contains(where: { TextScan.contains(title, $0) || normalizedMatch(title, $0) }) { return true }
                if let role = context.catalog.role(forTitle: positions[index].title), role.level >= 3, positions[index].titleIsHR { return true }
                return false
            }
            months = ExperienceCalculator.mergedMonths(counted.compactMap { ExperienceCalculator.span(of: positions[$0], asOf: context.asOf) })
        }
        let years = Double(months) / 12
        let fraction = Credit.fraction(value: years, full: rule.full, partial: rule.partial)
        let met = years + 0.0001 >= rule.full
        let shortfall = max(rule.full - years, 0)
        let monthsToClose = met ? nil : Int((shortfall * 12).rounded(.up))
        guard explaining else { return CriterionOutcome(fraction: fraction, met: met, evidence: [], gap: nil, monthsToClose: monthsToClose) }
        var evidence = counted.prefix(6).map { index in
            Evidence(text: describe(positions[index]), line: positions[index].line)
        }
        if rule.scope == .supervisory {
            for index in positions.indices {
                let lead = rule.informalCounts
                    ? ExperienceCalculator.leadershipEvidence(in: positions[index].duties)
                    : ExperienceCalculator.leadershipEvidence(in: formalDuties[index])
                if let lead {
                    evidence.append(Evidence(text: lead.text, line: lead.line))
                }
            }
        }
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
            monthsToClose: monthsToClose)
    }

    /// Per position of `record`, the duties that show formal supervision, in order. Duties read by
    /// index in place (copying a position's duty array and filtering its indices, then mapping them,
    /// was two arrays and a retain per position), their pairs from the record's one array.
    static func formalDuties(of record: ScorableRecord) -> [[EvidenceText]] {
        var formalDuties: [[EvidenceText]] = []
        formalDuties.reserveCapacity(record.positions.count)
        // The index in `record.dutyPairs` of the position's first duty.
        var first = 0
        for position in record.positions.indices {
            var formal: [EvidenceText] = []
            let count = record.positions[position].duties.count
            for duty in 0..<count
            where mayShowFormalSupervision(record.dutyPairs[first + duty]) && JobTitles.isFormalSupervision(record.positions[position].duties[duty]) {
                formal.append(record.positions[position].duties[duty])
            }
            formalDuties.append(formal)
            first += count
        }
        return formalDuties
    }

    /// The byte pairs of each formal-supervision phrase.
    static let formalSupervisionPairs = JobTitles.formalSupervisionPhrases.phrases.map(BytePairs.init)

    /// `formalSupervisionPairs` grouped by the pairs they share ("supervis", "manag", "report"): about
    /// three tests rule a duty out where there were fifteen, for every duty of every file.
    static let formalSupervisionGroups = BytePairGroups(formalSupervisionPairs)

    /// False when a duty, by the byte pairs of its lower-cased text, holds none of the formal-supervision
    /// phrases, so `JobTitles.isFormalSupervision` (which lower-cases the duty and searches it for each
    /// phrase) would say false too; most duties are ruled out here.
    static func mayShowFormalSupervision(_ loweredPairs: BytePairs) -> Bool {
        formalSupervisionGroups.containsAny(in: loweredPairs)
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
