import Extraction
@testable import Roles
@testable import Scoring
import Testing
import TestSupport

/// A batch that writes only CSV rows scores without the explanation (`advising: false`): no advice, no
/// evidence, no gap texts, and the competency and program-ownership searches stop once enough is found.
/// Every figure must still be the one a report gets, for every rubric of the catalog.
@Suite struct ExplanationOnDemandTests {
    static let catalog = SharedCatalog.builtIn
    static let scorer = Scorer(catalog: catalog)

    /// The fixtures, the candidates built from every rubric's own terms (met, partly met, not met), and
    /// random ones: titles across the ladder, duties with and without supervision, certifications held
    /// and partial, degrees of every level, positions without dates, texts in varied scripts.
    static let candidates: [Candidate] = {
        var candidates = [People.coverLetterGeneralist, People.juniorAdministrator, People.seasonedAssistantManager, People.executiveSearchRecruiter]
        candidates += ScoringCopiesFastPathTests.candidates(catalog)
        candidates.append(Candidate(source: "empty.html", format: .html))
        var random = SplitMix64(seed: 0x5C0_8E)
        var vocabulary: [String] = []
        for rubric in catalog.rubrics.values.sorted(by: { $0.id < $1.id }) {
            for criterion in rubric.criteria {
                switch criterion.rule {
                case .competency(let rule): vocabulary += rule.terms
                case .programOwnership(let rule):
                    vocabulary += rule.programs
                    vocabulary += zip(rule.verbs, rule.programs).map { "\($0) the \($1)" }
                case .experienceYears(let rule): vocabulary += rule.titles
                default: break
                }
            }
        }
        vocabulary += [
            "Supervised a team of four direct reports", "Managed 3 direct reports", "Informal lead for two HR assistants",
            "café payroll", "人事部 採用担当", "🙂 benefits administration", "open\u{A0}enrollment", "line one\r\nline two", "", "ADA and ADP, sap",
        ]
        let titles = [
            "HR Assistant", "HR Administrator", "HR Generalist", "Senior HR Generalist", "HR Assistant Manager", "HR Manager", "HR Director",
            "Recruiter", "HRIS Analyst", "Sr. Human Resources Business Partner", "Payroll Clerk", "Chef", "Responsable RH", "",
        ]
        let certifications = [("PHR", "PHR"), ("SPHR", "SPHR"), ("SHRM-CP", "SHRM-CP"), ("SHRM-SCP", "SHRM-SCP"), ("aPHR", "aPHR"), ("CCP", "CCP"), ("GPHR", "GPHR")]
        for _ in 0..<60 {
            var builder = CandidateBuilder(asOf: People.asOf)
            var year = 2000 + Int(random.next() % 10)
            for _ in 0..<Int(random.next() % 5) {
                let length = 1 + Int(random.next() % 6)
                let end = year + length
                let duties = (0..<Int(random.next() % 9)).map { _ in random.pick(vocabulary) }
                builder = builder.position(
                    random.pick(titles), at: "Acme", from: "\(year)-0\(1 + random.next() % 9)", to: end >= 2026 ? nil : "\(end)-06", duties: duties)
                year = end + 1
            }
            for _ in 0..<Int(random.next() % 3) {
                let (name, id) = random.pick(certifications)
                builder = builder.certification(name, id, year: 2010 + Int(random.next() % 15))
            }
            for _ in 0..<Int(random.next() % 3) {
                builder = builder.degree("Degree", random.pick(EducationLevel.allCases), field: random.pick(["Human Resources", "Psychology", "Chemistry", "Business"]))
            }
            builder = builder.skills((0..<Int(random.next() % 12)).map { _ in random.pick(vocabulary) })
            candidates.append(builder.build())
        }
        return candidates
    }()

    @Test func withoutTheExplanationEveryFigureIsThere() throws {
        for rubric in Self.catalog.rubrics.values.sorted(by: { $0.id < $1.id }) {
            for (index, candidate) in Self.candidates.enumerated() {
                let explained = Self.scorer.assess(candidate, against: rubric, asOf: People.asOf)
                let plain = Self.scorer.assess(candidate, against: rubric, asOf: People.asOf, advising: false)
                #expect(plain.score == explained.score, "\(rubric.id) \(index)")
                #expect(plain.band == explained.band, "\(rubric.id) \(index)")
                #expect(plain.monthsToReady == explained.monthsToReady, "\(rubric.id) \(index)")
                #expect(plain.currentRole == explained.currentRole, "\(rubric.id) \(index)")
                #expect(plain.role == explained.role && plain.rubric == explained.rubric, "\(rubric.id) \(index)")
                try #require(plain.criteria.count == explained.criteria.count)
                for (figures, full) in zip(plain.criteria, explained.criteria) {
                    let context = "\(rubric.id) \(index) \(full.id)"
                    #expect(figures.id == full.id && figures.label == full.label && figures.kind == full.kind, "\(context)")
                    #expect(figures.weight == full.weight && figures.earned == full.earned, "\(context)")
                    #expect(figures.met == full.met && figures.mustHave == full.mustHave, "\(context)")
                    #expect(figures.monthsToClose == full.monthsToClose, "\(context)")
                    // No texts: nothing a CSV row reads is left out.
                    #expect(figures.evidence.isEmpty && figures.gap == nil, "\(context)")
                }
                #expect(plain.advice.isEmpty)
                #expect(plain.missingMustHaves.map(\.id) == explained.missingMustHaves.map(\.id), "\(rubric.id) \(index)")
                #expect(plain.topGaps.map(\.id) == explained.topGaps.map(\.id), "\(rubric.id) \(index)")
            }
        }
    }

    /// The candidates meet some competency and ownership criteria with terms to spare (where the search
    /// without an explanation stops early) and miss others: both cases are covered.
    @Test func theCandidatesMeetAndMissTheSearchedCriteria() {
        var spare = 0, missed = 0
        for rubric in Self.catalog.rubrics.values {
            let compiled = CompiledRubric(rubric, target: Self.catalog.profile(rubric.role))
            for candidate in Self.candidates {
                let record = ScorableRecord(candidate)
                let assessment = Self.scorer.assess(candidate, against: rubric, asOf: People.asOf)
                for (index, (criterion, result)) in zip(rubric.criteria, assessment.criteria).enumerated() {
                    switch criterion.rule {
                    case .competency(let rule):
                        let found = compiled.matchers[index].terms.filter { term in record.lines.contains(where: term.matches) }.count
                        if found > rule.full { spare += 1 }
                        if !result.met { missed += 1 }
                    case .programOwnership: if !result.met { missed += 1 }
                    default: break
                    }
                }
            }
        }
        #expect(spare > 0 && missed > 0)
    }

    /// The report's assessment keeps its explanation: an unmet criterion has a gap, a met competency
    /// its evidence.
    @Test func aReportKeepsItsExplanation() throws {
        let rubric = try #require(Self.scorer.catalog.rubric(for: "hr-manager"))
        let assessment = Self.scorer.assess(People.seasonedAssistantManager, against: rubric, asOf: People.asOf)
        #expect(assessment.criteria.contains { !$0.evidence.isEmpty })
        for result in assessment.criteria where !result.met { #expect(result.gap != nil, "\(result.id)") }
    }
}
