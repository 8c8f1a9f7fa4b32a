import Foundation
import Testing
import TestSupport
@testable import Extraction

/// `LineFields.cutRange` copying bytes (`cutBytes`), `ExperienceCalculator.summary` in one pass over
/// the positions, and `ExperienceLineScan.wordCountAndVerbFirst` reading other simple-scalar text on its
/// own borrow, against the code they stand in for, kept here as the reference.
@Suite struct ExperienceWithoutCopiesTests {
    /// `cutRange` as it was: two slices appended around " | ".
    static func referenceCutRange(_ source: String) -> (DateRange?, String) {
        guard let found = DateExpressions.findRange(in: source) else { return (nil, source) }
        var cut = ""
        cut.reserveCapacity(source.utf8.count + 3)
        cut.append(contentsOf: source[source.startIndex..<found.matched.lowerBound])
        cut.append(" | ")
        cut.append(contentsOf: source[found.matched.upperBound...])
        return (found, cut)
    }

    /// Lines with dates in varied places and scripts, and random ones built around them.
    static var dateLines: [String] {
        let fixed = DateGrammarTokenTests.lines + FieldExtractionPrefilterTests.texts + [
            "Recruiter | Harborview Foods, Inc. | Louisville, KY 09/2024 - present", "2019–2021", "2019 – 2021 Acme",
            "Zürich 2019–2021 Société", "東京 2019 – 2021 株式会社", "👩‍💼 HR Lead 2019-2021 🏥", "e\u{301}2019–2021", "2019\u{301}–2021",
            "2019–2021\u{301} x", "Acme\r\n2019 – 2021", "Acme\u{00A0}Jan 2020\u{00A0}–\u{00A0}Present", "Jan '19 – Mar '21 é",
            "since September 2025 — Acme", "(2021–present)", "2021–", "–2021", "x 4/1/97 y", "2024", "Acme 12.2019 - 03.2021",
        ]
        var random = SplitMix64(seed: 0xC07_2A7E)
        let words = ["Acme", "HR Manager", "Zürich", "東京", "👩‍💼", "e\u{301}", "|", "·", "—", ",", "Columbus, OH", "", "\r\n", "\u{00A0}"]
        let dates = ["2019–2021", "Jan 2020 – Present", "09/2024 - present", "2017 - 2020", "since May 2022", "Mar '19", "2021"]
        let built = (0..<300).map { _ in
            [random.pick(words), random.pick(dates), random.pick(words)].joined(separator: random.pick([" ", "", " | ", "\u{00A0}"]))
        }
        return fixed + built
    }

    @Test func cutRangeMatchesTheAppends() {
        for line in Self.dateLines {
            let (range, cut) = LineFields.cutRange(line)
            let (referenceRange, referenceCut) = Self.referenceCutRange(line)
            #expect(range == referenceRange, "\(line)")
            #expect(cut.utf8.elementsEqual(referenceCut.utf8), "\(line)")
        }
    }

    @Test func cutBytesReadFromTheText() {
        // Read from the text: the date range "2019 – 2021" is bytes 5..<18 of "Acme 2019 – 2021 Columbus".
        let text = "Acme 2019 – 2021 Columbus"
        let (range, cut) = LineFields.cutRange(text)
        #expect(range?.start == PartialDate(year: 2019))
        #expect(cut == "Acme  |  Columbus")
        // An end inside a scalar (the second byte of "é") is left to the String slices.
        let accented = "é2019"
        let inside = accented.utf8.index(after: accented.utf8.startIndex)
        #expect(LineFields.cutBytes(accented, inside..<accented.endIndex) == nil)
    }

    /// `summary` as it was: a `compactMap`, a `filter` and two more `compactMap`s over the positions.
    static func referenceSummary(of positions: [Position], asOf: PartialDate) -> ExperienceSummary {
        let all = positions.compactMap { ExperienceCalculator.span(of: $0, asOf: asOf) }
        let hr = positions.filter { JobTitles.isHR($0.title) || ExperienceCalculator.isHRByDuties($0) }
            .compactMap { ExperienceCalculator.span(of: $0, asOf: asOf) }
        let management = positions.compactMap { ExperienceCalculator.managementSpan(of: $0, asOf: asOf) }
        return ExperienceSummary(
            totalMonths: ExperienceCalculator.mergedMonths(all), hrMonths: ExperienceCalculator.mergedMonths(hr),
            managementMonths: ExperienceCalculator.mergedMonths(management), asOf: asOf)
    }

    @Test func summaryMatchesTheReference() {
        var random = SplitMix64(seed: 0x5_0AA_A7E5)
        let titles = ["HR Generalist", "Assistant Manager", "Team Lead", "Barista", "HR Manager", "Director of People", "", "Nurse"]
        let employers: [String?] = [nil, "Acme Health", "Human Resources Dept", "Acme HR", "Zürich Versicherung"]
        let duties = [
            "Supervised 4 HR coordinators", "Managed payroll for 200 staff", "Led a team of 6 recruiters since March 2024",
            "Informal lead for the past 14 months", "Handled benefits enrollment", "Onboarded new hires", "Trained 40 managers on FMLA",
            "Géré l’équipe RH", "Direct reports: 3", "Served coffee",
        ]
        let dates: [PartialDate?] = [
            nil, PartialDate(year: 2015), PartialDate(year: 2018, month: 3), PartialDate(year: 2020, month: 11), PartialDate(year: 2023, month: 1),
            PartialDate(year: 2026, month: 12),
        ]
        let asOf = PartialDate(year: 2026, month: 11, day: 1)
        for _ in 0..<300 {
            let positions = (0..<Int(random.next() % 5)).map { index -> Position in
                let current = random.next() % 3 == 0
                return Position(
                    title: random.pick(titles), employer: random.pick(employers), start: random.pick(dates),
                    end: current ? nil : random.pick(dates), current: current,
                    duties: (0..<Int(random.next() % 4)).map { EvidenceText(random.pick(duties), line: $0, section: .position) },
                    line: index)
            }
            #expect(ExperienceCalculator.summary(of: positions, asOf: asOf) == Self.referenceSummary(of: positions, asOf: asOf))
        }
    }

    @Test func wordCountAndVerbFirstMatchesLineFields() {
        let texts = Self.dateLines + DateGrammarTokenTests.lines.map { $0 + " · 2019 – 2021" } + [
            "Managed two teams · Acme", "Led l’équipe RH", "Led the team — 2019", "Négocié les contrats", "Managed\r\ntwo teams",
        ]
        for text in texts {
            let fast = ExperienceLineScan.wordCountAndVerbFirst(text)
            let reference = LineFields.wordCountAndVerbFirst(text)
            #expect(fast.wordCount == reference.wordCount && fast.verbFirst == reference.verbFirst, "\(text)")
        }
    }
}
