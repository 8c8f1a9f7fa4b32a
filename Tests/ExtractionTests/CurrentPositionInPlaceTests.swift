import Foundation
import Testing
import TestSupport
@testable import Extraction

/// Round 9: `Candidate.currentPosition` picks the position by index in place instead of filtering the
/// current positions into a new array. It must pick the position the filter-and-`max(by:)` code picked,
/// kept here as the reference, equal starts and missing starts included.
@Suite struct CurrentPositionInPlaceTests {
    /// `currentPosition` as it was (ecc5d01).
    static func reference(_ positions: [Position]) -> Position? {
        let current = positions.filter(\.current)
        let pool = current.isEmpty ? positions : current
        return pool.max { ($0.start ?? .distantPast) < ($1.start ?? .distantPast) }
    }

    static func candidate(_ positions: [Position]) -> Candidate {
        Candidate(source: "x.html", format: .html, positions: positions)
    }

    @Test func picksAsTheFilterDidOnListedCases() {
        // Expected values read from the cases: the latest-starting current position, else the
        // latest-starting one; of equals the first; a missing start is the earliest.
        let old = Position(title: "HR Assistant", start: PartialDate(year: 2015), line: 1)
        let mid = Position(title: "HR Generalist", start: PartialDate(year: 2019, month: 3), line: 2)
        let new = Position(title: "HR Manager", start: PartialDate(year: 2023), current: true, line: 3)
        let undated = Position(title: "Recruiter", current: true, line: 4)
        #expect(Self.candidate([]).currentPosition == nil)
        #expect(Self.candidate([old, mid]).currentPosition == mid)
        #expect(Self.candidate([new, old, mid]).currentPosition == new)
        #expect(Self.candidate([undated, old]).currentPosition == undated)
        #expect(Self.candidate([undated, new]).currentPosition == new)
        let twin = Position(title: "HR Business Partner", start: PartialDate(year: 2019, month: 3), line: 5)
        #expect(Self.candidate([mid, twin]).currentPosition == mid)
        #expect(Self.candidate([twin, mid]).currentPosition == twin)
    }

    @Test func picksAsTheFilterDidOnRandomLists() {
        var generator = SplitMix64(seed: 0x5EED_C0DE)
        let titles = ["HR Assistant", "Recruiter", "HR Manager", "Payroll Specialist", "", "人事部长"]
        for _ in 0..<5_000 {
            var positions: [Position] = []
            for line in 0..<Int(generator.next() % 7) {
                let start: PartialDate? = generator.next() % 4 == 0 ? nil
                    : PartialDate(year: 2010 + Int(generator.next() % 6), month: generator.next() % 2 == 0 ? nil : 1 + Int(generator.next() % 3))
                positions.append(Position(title: generator.pick(titles), start: start, current: generator.next() % 3 == 0, line: line))
            }
            let picked = Self.candidate(positions).currentPosition
            let expected = Self.reference(positions)
            // The same position, not only an equal one: the lines tell them apart.
            #expect(picked == expected && picked?.line == expected?.line, "\(positions.map { ($0.start?.description ?? "-", $0.current) })")
        }
    }
}
