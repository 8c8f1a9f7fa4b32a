import Extraction
import Roles
@testable import Scoring
import Testing

@Suite struct ScorerTests {
    let catalog = SharedCatalog.builtIn
    var scorer: Scorer { Scorer(catalog: catalog) }

    static func rubric(_ criteria: [Criterion]) -> Rubric {
        Rubric(id: "test", role: "hr-manager", title: "Test", version: "1", bands: .standard, criteria: criteria, sha256: "")
    }

    @Test(arguments: [
        (6.0, 1.0), (7.0, 1.0), (4.0, 0.5), (5.0, 0.75), (2.0, 0.25), (0.0, 0.0),
    ])
    func creditIsFullAtFullHalfAtPartialAndProportionalBelow(value: Double, expected: Double) {
        #expect(abs(Credit.fraction(value: value, full: 6, partial: 4) - expected) < 0.0001)
    }

    @Test func sameInputsGiveTheSameAssessment() throws {
        let rubric = try #require(catalog.rubric(for: "hr-manager"))
        let first = scorer.assess(People.seasonedAssistantManager, against: rubric, asOf: People.asOf)
        let second = scorer.assess(People.seasonedAssistantManager, against: rubric, asOf: People.asOf)
        #expect(first.score == second.score)
        #expect(first.criteria == second.criteria)
        #expect(first.advice == second.advice)
    }

    @Test func repeatingOneTermCountsOnce() {
        let rule = CompetencyRule(group: "hris", terms: ["Workday", "ADP", "UKG"], full: 2, partial: 1)
        let rubric = Self.rubric([Criterion(id: "hris", label: "HRIS", weight: 10, rule: .competency(rule))])
        let repetitive = CandidateBuilder().position("HR Generalist", at: "Acme", from: "2020-01", to: nil, duties: [
            "Workday reports", "Workday security roles", "Workday business processes", "Workday audits",
        ]).build()
        let varied = CandidateBuilder().position("HR Generalist", at: "Acme", from: "2020-01", to: nil, duties: [
            "Workday reports", "ADP payroll",
        ]).build()
        let repetitiveResult = scorer.assess(repetitive, against: rubric, asOf: People.asOf).criteria[0]
        let variedResult = scorer.assess(varied, against: rubric, asOf: People.asOf).criteria[0]
        #expect(repetitiveResult.earned == 5)
        #expect(!repetitiveResult.met)
        #expect(variedResult.earned == 10)
        #expect(variedResult.met)
    }

    @Test func shortCapitalTermsDoNotMatchOrdinaryWords() {
        let rule = CompetencyRule(group: "compliance", terms: ["ADA", "SAP"], full: 1, partial: 1)
        let rubric = Self.rubric([Criterion(id: "compliance", label: "Compliance", weight: 10, rule: .competency(rule))])
        let candidate = CandidateBuilder().position("HR Generalist", at: "Acme", from: "2020-01", to: nil, duties: [
            "Trained Ada and the sap of our orchard team",
        ]).build()
        #expect(scorer.assess(candidate, against: rubric, asOf: People.asOf).criteria[0].earned == 0)
    }

    @Test func evidenceCitesTheSourceLine() throws {
        let rubric = try #require(catalog.rubric(for: "hr-assistant-manager"))
        let assessment = scorer.assess(People.coverLetterGeneralist, against: rubric, asOf: People.asOf)
        let ownership = try #require(assessment.criteria.first { $0.kind == "program-ownership" })
        #expect(ownership.met)
        #expect(ownership.evidence.contains { $0.text.hasPrefix("Owned benefits administration") && $0.line == 22 })
    }

    @Test func programOwnershipNeedsAVerbAndAProgramOnOneLine() {
        let rule = ProgramOwnershipRule(programs: ["benefits administration"], verbs: ["owned", "led"], full: 1)
        let rubric = Self.rubric([Criterion(id: "ownership", label: "Ownership", weight: 10, rule: .programOwnership(rule))])
        let supportOnly = CandidateBuilder().position("HR Generalist", at: "Acme", from: "2020-01", to: nil, duties: [
            "Supported benefits administration", "Led weekly meetings",
        ]).build()
        #expect(!scorer.assess(supportOnly, against: rubric, asOf: People.asOf).criteria[0].met)
    }

    @Test(arguments: [
        (85.0, 0, true, ReadinessBand.readyNow),
        (85.0, 6, false, ReadinessBand.oneToTwoYears),
        (85.0, 0, false, ReadinessBand.oneToTwoYears),
        (65.0, 12, true, ReadinessBand.oneToTwoYears),
        (65.0, 36, true, ReadinessBand.threeToFiveYears),
        (45.0, 12, true, ReadinessBand.threeToFiveYears),
        (30.0, 12, true, ReadinessBand.notReady),
        (90.0, 72, false, ReadinessBand.notReady),
    ])
    func bandIsTheLowerOfScoreAndTime(score: Double, months: Int, mustHavesMet: Bool, expected: ReadinessBand) {
        #expect(Scorer.band(score: score, monthsToReady: months, mustHavesMet: mustHavesMet, bands: .standard) == expected)
    }

    @Test func monthsToReadyIsTheLongestMustHaveGap() {
        let rubric = Self.rubric([
            Criterion(id: "hr", label: "HR", weight: 50, mustHave: true, rule: .experienceYears(ExperienceYearsRule(scope: .hr, full: 6, partial: 4))),
            Criterion(id: "cert", label: "Cert", weight: 50, rule: .certification(CertificationRule(anyOf: ["PHR"]))),
        ])
        // Three years of HR, no certification, bachelor's: 36 months short on experience; the PHR is
        // open after 2 years with a bachelor's, so it takes only preparation.
        let candidate = CandidateBuilder().position("HR Generalist", at: "Acme", from: "2023-11", to: nil)
            .degree("B.A. Psychology", .bachelor, field: "Psychology").build()
        let assessment = scorer.assess(candidate, against: rubric, asOf: People.asOf)
        #expect(candidate.experience.hrMonths == 36)
        #expect(assessment.criteria[1].monthsToClose == CertificationCriterion.monthsToPrepare)
        #expect(assessment.monthsToReady == 36)
        // 36 months alone would mean "3–5 years", but a score under 40 keeps the band at "not ready".
        #expect(assessment.score < 40)
        #expect(assessment.band == .notReady)
        #expect(assessment.advice.contains { $0.id == "certification-eligible:PHR" })
    }

    @Test func certificationEligibilityFollowsHRCIRules() {
        #expect(CertificationEligibility.verdict(for: "PHR", education: .bachelor, hrMonths: 24)?.eligible == true)
        #expect(CertificationEligibility.verdict(for: "PHR", education: .bachelor, hrMonths: 23)?.monthsShort == 1)
        #expect(CertificationEligibility.verdict(for: "PHR", education: .master, hrMonths: 12)?.eligible == true)
        #expect(CertificationEligibility.verdict(for: "PHR", education: .secondary, hrMonths: 36)?.monthsShort == 12)
        #expect(CertificationEligibility.verdict(for: "SHRM-CP", education: nil, hrMonths: 0)?.eligible == true)
        #expect(CertificationEligibility.verdict(for: "CIPD", education: .bachelor, hrMonths: 100) == nil)
    }
}
