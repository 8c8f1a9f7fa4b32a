import Extraction
import Testing

/// Months of experience: merging overlaps, the as-of date, HR and management months.
@Suite struct ExperienceTests {
    static let asOf = PartialDate(year: 2026, month: 11, day: 1)

    static func job(_ title: String, _ start: String, _ end: String?, duties: [String] = []) -> Position {
        Position(
            title: title, employer: "Acme", start: PartialDate(iso: start), end: end.flatMap { PartialDate(iso: $0) },
            current: end == nil, duties: duties.map { EvidenceText($0, line: 1, section: .position) })
    }

    @Test(arguments: [
        // A closed span counts both its months.
        ([job("HR Generalist", "2019-01", "2019-12")], 12),
        // Overlapping jobs are counted once: Jan 2018 – Jun 2020 is 30 months.
        ([job("HR Generalist", "2018-01", "2019-12"), job("Recruiter", "2019-06", "2020-06")], 30),
        // Disjoint jobs add up; the gap between them does not count.
        ([job("HR Generalist", "2015-01", "2015-12"), job("Recruiter", "2017-01", "2017-06")], 18),
        // A job nested inside another adds nothing.
        ([job("HR Manager", "2010-01", "2020-12"), job("Adjunct", "2012-01", "2013-01")], 132),
        // Years alone: 2017–2020 counts January to January, 36 months.
        ([job("HR Generalist", "2017", "2020")], 36),
        // "Present" runs to the as-of month: Nov 2021 – present at 2026-11-01 is five years.
        ([job("HR Generalist", "2021-11", nil)], 60),
        // A job with no start date adds nothing.
        ([Position(title: "HR Generalist", current: true)], 0),
    ] as [([Position], Int)])
    func totalMonthsMergeOverlaps(positions: [Position], expected: Int) {
        #expect(ExperienceCalculator.summary(of: positions, asOf: Self.asOf).totalMonths == expected)
    }

    @Test func asOfMovesPresent() {
        let positions = [Self.job("HR Generalist", "2024-01", nil)]
        #expect(ExperienceCalculator.summary(of: positions, asOf: PartialDate(year: 2025, month: 1, day: 1)).totalMonths == 12)
        #expect(ExperienceCalculator.summary(of: positions, asOf: PartialDate(year: 2026, month: 1, day: 1)).totalMonths == 24)
        // An as-of date before the job started counts nothing, rather than a negative span.
        #expect(ExperienceCalculator.summary(of: positions, asOf: PartialDate(year: 2023, month: 6, day: 1)).totalMonths == 0)
    }

    @Test func closedSpansEndAtTheAsOfDateToo() {
        let positions = [Self.job("HR Generalist", "2020-01", "2030-12")]
        #expect(ExperienceCalculator.summary(of: positions, asOf: Self.asOf).totalMonths == 82)
    }

    @Test func hrMonthsCountOnlyHRTitles() {
        let positions = [Self.job("Retail Sales Associate", "2015-01", "2016-12"), Self.job("HR Coordinator", "2017-01", "2018-12")]
        let summary = ExperienceCalculator.summary(of: positions, asOf: Self.asOf)
        #expect(summary.totalMonths == 48)
        #expect(summary.hrMonths == 24)
    }

    @Test func managementCountsSupervisoryTitlesAndLeadDutiesFromTheirStatedDate() {
        let positions = [
            Self.job("HR Manager", "2010-01", "2011-12"),
            Self.job("Senior HR Generalist", "2023-11", nil, duties: ["Informal team lead for our HR coordinator and two HR assistants since September 2025"]),
            Self.job("HR Generalist", "2019-01", "2020-12", duties: ["Supervised two HR assistants"]),
        ]
        let summary = ExperienceCalculator.summary(of: positions, asOf: Self.asOf)
        // 24 (manager) + 14 (Sep 2025 – Oct 2026) + 24 (whole generalist job).
        #expect(summary.managementMonths == 62)
        // Formal supervision leaves out the informal lead.
        #expect(ExperienceCalculator.formalManagementMonths(of: positions, asOf: Self.asOf) == 48)
    }

    @Test func projectManagersAreNotPeopleManagers() {
        let positions = [Self.job("Project Manager", "2020-01", "2021-12"), Self.job("Account Manager", "2022-01", "2022-12")]
        #expect(ExperienceCalculator.summary(of: positions, asOf: Self.asOf).managementMonths == 0)
    }
}
