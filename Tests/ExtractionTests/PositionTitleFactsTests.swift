import Foundation
import Testing
@testable import Extraction

/// `Position.titleIsHR` and `titleIsSupervisory`, worked out when the title is set, must be what
/// `JobTitles.isHR` and `isSupervisory` say of the title, after `init` and after the title changes.
@Suite struct PositionTitleFactsTests {
    @Test func factsAreReadFromTheTitle() {
        // Expected values read from the titles: "HR" and "Recruit…" are HR words; "Manager", "Director",
        // "Team Lead" supervise unless the manager manages accounts or projects.
        let cases: [(title: String, hr: Bool, supervisory: Bool)] = [
            ("HR Manager", true, true), ("Recruiter", true, false), ("Account Manager", false, false),
            ("Director of People Operations", true, true), ("Team Lead, Payroll", true, true), ("Barista", false, false),
            ("", false, false), ("VP Talent Acquisition", true, true), ("Responsable RRHH", true, false),
        ]
        for (title, hr, supervisory) in cases {
            let position = Position(title: title)
            #expect(position.titleIsHR == hr, "\(title)")
            #expect(position.titleIsSupervisory == supervisory, "\(title)")
        }
    }

    @Test func factsFollowTheTitle() {
        let titles = [
            "HR Manager", "Recruiter", "Account Manager", "Assistant Manager", "Chief People Officer", "Leiter Personal",
            "Gerente de Recursos Humanos", "人事部长", "Payroll Specialist 💼", "Head of HRIS", "", "Lead ", "vp, people",
        ]
        var position = Position(title: "Barista", employer: "Acme")
        for title in titles {
            position.title = title
            #expect(position.titleIsHR == JobTitles.isHR(title), "\(title)")
            #expect(position.titleIsSupervisory == JobTitles.isSupervisory(title), "\(title)")
            #expect(position == Position(title: title, employer: "Acme"), "\(title)")
            let made = Position(title: title)
            #expect(made.titleIsHR == JobTitles.isHR(title) && made.titleIsSupervisory == JobTitles.isSupervisory(title), "\(title)")
        }
    }
}
