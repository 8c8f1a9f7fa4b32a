import Foundation
import Testing
@testable import Extraction

/// Round 9: `Position`'s public initialiser hands its fields to the memberwise one (in an extension)
/// instead of storing them one by one, which returned a copy of the built position. Every field must
/// still be the argument given (or the default), and the title's facts those of the title.
@Suite struct PositionInitialiserTests {
    @Test func everyFieldIsTheArgumentGiven() {
        let duties = [EvidenceText("Ran open enrollment for 900 staff", line: 14, section: .position),
                      EvidenceText("Cut time to hire by 20 %", line: 15, section: .position)]
        let start = PartialDate(year: 2019, month: 3)
        let end = PartialDate(year: 2021, month: 6)
        let position = Position(
            title: "HR Manager", employer: "Acme Health", location: "Columbus, OH", start: start, end: end, current: false,
            description: "Ran open enrollment for 900 staff\nCut time to hire by 20 %", duties: duties, line: 12)
        #expect(position.title == "HR Manager")
        #expect(position.titleIsHR && position.titleIsSupervisory)
        #expect(position.employer == "Acme Health")
        #expect(position.location == "Columbus, OH")
        #expect(position.start == start && position.end == end)
        #expect(!position.current)
        #expect(position.description == "Ran open enrollment for 900 staff\nCut time to hire by 20 %")
        #expect(position.duties == duties)
        #expect(position.line == 12)
    }

    @Test func defaultsAreEmpty() {
        let position = Position(title: "Barista")
        #expect(position.title == "Barista" && !position.titleIsHR && !position.titleIsSupervisory)
        #expect(position.employer == nil && position.location == nil && position.start == nil && position.end == nil)
        #expect(!position.current && position.description == nil && position.duties.isEmpty && position.line == 0)
        let current = Position(title: "Recruiter", start: PartialDate(year: 2024), current: true)
        #expect(current.current && current.end == nil && current.titleIsHR && !current.titleIsSupervisory)
    }

    @Test func positionsMadeAlikeAreEqual() {
        // Equality compares every stored field, the title's facts included.
        let made = (0..<2).map { _ in Position(title: "Team Lead, Payroll", employer: "Zappos", line: 3) }
        #expect(made[0] == made[1])
        var retitled = made[0]
        retitled.title = "Barista"
        #expect(retitled != made[1] && !retitled.titleIsHR)
        retitled.title = "Team Lead, Payroll"
        #expect(retitled == made[1])
    }
}
