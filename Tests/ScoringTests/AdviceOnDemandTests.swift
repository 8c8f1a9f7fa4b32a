import Extraction
import Roles
@testable import Scoring
import Testing

/// A batch asks for no advice when it writes only CSV rows; every figure in the assessment must be what
/// a report gets.
@Suite struct AdviceOnDemandTests {
    let scorer = Scorer(catalog: SharedCatalog.builtIn)

    @Test(arguments: ["hr-manager", "hr-assistant-manager", "hr-director"])
    func withoutAdviceOnlyTheAdviceIsLeftOut(role: String) throws {
        let rubric = try #require(scorer.catalog.rubric(for: role))
        for candidate in [People.juniorAdministrator, People.seasonedAssistantManager, People.coverLetterGeneralist] {
            let advised = scorer.assess(candidate, against: rubric, asOf: People.asOf)
            let plain = scorer.assess(candidate, against: rubric, asOf: People.asOf, advising: false)
            #expect(plain.advice.isEmpty)
            #expect(plain.score == advised.score)
            #expect(plain.band == advised.band)
            #expect(plain.monthsToReady == advised.monthsToReady)
            // Nor the evidence and gap texts (see `ExplanationOnDemandTests`); every figure is there.
            #expect(plain.criteria.map(\.earned) == advised.criteria.map(\.earned))
            #expect(plain.criteria.map(\.met) == advised.criteria.map(\.met))
            #expect(plain.criteria.map(\.monthsToClose) == advised.criteria.map(\.monthsToClose))
            #expect(plain.currentRole == advised.currentRole)
        }
    }

    @Test func aReportStillGetsAStepForEveryGap() throws {
        // The junior administrator misses several of HR manager's criteria; each unmet criterion with a gap
        // gives a "gap:<id>" step, as AdviceWriter writes them.
        let rubric = try #require(scorer.catalog.rubric(for: "hr-manager"))
        let advised = scorer.assess(People.juniorAdministrator, against: rubric, asOf: People.asOf)
        let gaps = advised.criteria.filter { !$0.met && $0.gap != nil }
        #expect(!gaps.isEmpty)
        for gap in gaps {
            #expect(advised.advice.contains { $0.id == "gap:\(gap.id)" }, "\(gap.id)")
        }
    }
}
