import Extraction
import Roles
import Scoring
import Testing

/// The bands a senior HR professional would give, on people described in the seed and the issue.
@Suite struct JudgementTests {
    let catalog = SharedCatalog.builtIn
    var scorer: Scorer { Scorer(catalog: catalog) }

    func assess(_ candidate: Candidate, for role: String) throws -> Assessment {
        let rubric = try #require(catalog.rubric(for: role), "no rubric for \(role)")
        return scorer.assess(candidate, against: rubric, asOf: People.asOf)
    }

    @Test func coverLetterGeneralistHasTheExperienceTheLetterStates() {
        let experience = People.coverLetterGeneralist.experience
        #expect(experience.hrMonths == 60)  // Nov 2021 – Nov 2026: five years
        #expect(experience.managementMonths == 14)  // informal lead since September 2025: "the past 14 months"
    }

    @Test func coverLetterGeneralistIsReadyNowForAssistantManager() throws {
        let assessment = try assess(People.coverLetterGeneralist, for: "hr-assistant-manager")
        #expect(assessment.band == .readyNow, "score \(assessment.score), gaps \(assessment.topGaps.map(\.id))")
        #expect(assessment.monthsToReady == 0)
        #expect(assessment.missingMustHaves.isEmpty)
    }

    @Test func coverLetterGeneralistIsNotReadyNowForManager() throws {
        let assessment = try assess(People.coverLetterGeneralist, for: "hr-manager")
        #expect(assessment.band != .readyNow)
        #expect(assessment.monthsToReady > 0)
        // The letter itself names the gap: genuine direct-report management experience.
        #expect(assessment.advice.contains { $0.id.hasPrefix("gap:") && $0.id.contains("supervis") })
    }

    @Test func juniorAdministratorIsFarFromAssistantManager() throws {
        let assessment = try assess(People.juniorAdministrator, for: "hr-assistant-manager")
        #expect([ReadinessBand.threeToFiveYears, .notReady].contains(assessment.band), "got \(assessment.band) at \(assessment.score)")
        #expect(assessment.monthsToReady >= 24)
    }

    @Test func seasonedAssistantManagerIsReadyNowForManagerWithStagnationWarning() throws {
        let assessment = try assess(People.seasonedAssistantManager, for: "hr-manager")
        #expect(assessment.band == .readyNow, "score \(assessment.score), gaps \(assessment.topGaps.map { "\($0.id): \($0.gap ?? "")" })")
        #expect(assessment.currentRole?.id == "hr-assistant-manager")
        #expect(assessment.advice.contains { $0.id == "stagnation-risk" })
        #expect(assessment.advice.contains { $0.id == "compensation-step" })
    }

    @Test func seasonedAssistantManagerDefaultsToManager() {
        #expect(scorer.defaultTargetRole(for: People.seasonedAssistantManager)?.id == "hr-manager")
        #expect(scorer.defaultTargetRole(for: People.coverLetterGeneralist)?.id == "hr-assistant-manager")
    }

    @Test func recruiterMatchesExecutiveRecruiterBest() throws {
        let ranking = RoleMatcher(scorer: scorer).rank(People.executiveSearchRecruiter, asOf: People.asOf)
        #expect(ranking.first?.assessment.role.id == "executive-recruiter", "ranking: \(ranking.map { "\($0.assessment.role.id) \($0.assessment.score) \($0.assessment.band.rawValue)" })")
    }

    @Test func aStepDownIsNotTheBestFit() {
        // The cover-letter generalist is "ready" for HR Administrator too, but the best fit is the step up.
        let ranking = RoleMatcher(scorer: scorer).rank(People.coverLetterGeneralist, asOf: People.asOf)
        #expect(ranking.first?.assessment.role.id == "hr-assistant-manager")
        let administrator = ranking.first { $0.assessment.role.id == "hr-administrator" }
        #expect(administrator?.direction == .stepDown)
    }

    @Test func juniorAdministratorIsToldAboutTheCertificationsOpenToThem() throws {
        let assessment = try assess(People.juniorAdministrator, for: "hr-generalist")
        // SHRM-CP needs no experience; the PHR needs 4 years without a bachelor's, so it is not offered.
        let ids = assessment.advice.map(\.id)
        #expect(!ids.contains("certification-eligible:PHR"))
    }

    @Test func coverLetterGeneralistIsEligibleForTheSPHRNextLevelOnlyWhenTheRuleSaysSo() throws {
        let assessment = try assess(People.coverLetterGeneralist, for: "hr-manager")
        // Bachelor's + 5 years of HR: the commonly quoted SPHR rule (5 years) is met.
        #expect(assessment.advice.contains { $0.id == "certification-eligible:SPHR" })
    }
}
