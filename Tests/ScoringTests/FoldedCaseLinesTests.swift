import Extraction
import Roles
@testable import Scoring
import TestSupport
import Testing

/// The scorer keeps an ASCII evidence line as written (`ScorableRecord.Line.foldsCase`) and folds case
/// as it searches, instead of lower-casing it into a copy. Each piece must answer as the copy did:
/// the folded search, the byte pairs, the term match and the record's
/// lines, each against the lower-cased copy (the old code, kept here as the reference).
@Suite struct FoldedCaseLinesTests {
    static let pieces = [
        "Payroll", "PAYROLL", "payroll", "s", "S", " ", "  ", "-", ";", "@", "[", "`", "{", "Z", "a", "AdA", "ADA", "ada",
        "Audits", "AUDIT", "audit", "Open Enrollment", "EEO-1", "Date Of Birth", "date of birth", "\r\n", "\t", "0", "9",
        "é", "e\u{301}", "\u{00A0}", "人事", "🙂", "\u{212A}", "\u{037E}", ";", "Zoë", "benefits", "Benefits",
    ]

    static let needles = [
        "payroll", "a", "ada", "ADA", "audit", "open enrollment", "eeo-1", "date of birth", "s", "benefits", "z",
        "@[", "`{", "k", "é", "", "payroll s", "人事", ";",
    ]

    /// A random text of pieces; ASCII only when `ascii`.
    static func text(_ random: inout SplitMix64, ascii: Bool) -> String {
        let usable = ascii ? pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } } : pieces
        return (0..<Int(random.next() % 9)).map { _ in random.pick(usable) }.joined()
    }

    /// Every offset at which `needle` occurs in `text`, byte for byte.
    static func referenceOffsets(of needle: [UInt8], in text: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= text.count else { return [] }
        return (0...(text.count - needle.count)).filter { Array(text[$0..<($0 + needle.count)]) == needle }
    }

    @Test func foldedSearchFindsWhatTheLowerCasedCopyHolds() {
        var random = SplitMix64(seed: 0xF01D)
        for _ in 0..<4000 {
            let text = Self.text(&random, ascii: true)
            let lowered = TextScan.lowercased(text)
            for needle in Self.needles {
                #expect(FoldedASCIISearch.contains(text, needle) == TextScan.contains(lowered, needle), "\(needle) in \(text.debugDescription)")
                var offsets: [Int] = []
                var textCopy = text, needleCopy = needle
                let found = textCopy.withUTF8 { textBytes in
                    needleCopy.withUTF8 { needleBytes in
                        FoldedASCIISearch.firstMatch(of: needleBytes, in: textBytes) { offsets.append($0); return false }
                    }
                }
                #expect(!found)
                #expect(offsets == Self.referenceOffsets(of: Array(needle.utf8), in: Array(lowered.utf8)), "\(needle) in \(text.debugDescription)")
            }
        }
    }

    @Test func pairsWithoutTheCopyAreThoseOfTheCopy() {
        var random = SplitMix64(seed: 0xBA12)
        for round in 0..<3000 {
            let text = Self.text(&random, ascii: round % 2 == 0)
            let pairs = ASCIILowercasing.pairsOfLowercased(text)
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(pairs?.slots == BytePairs(TextScan.lowercased(text)).slots, "\(text.debugDescription)")
            } else {
                #expect(pairs == nil, "\(text.debugDescription)")
            }
        }
        #expect(ASCIILowercasing.pairsOfLowercased("")?.slots == [])
    }

    /// A term matches an ASCII line kept as written exactly when it matches the line's lower-cased copy.
    @Test func termsMatchFoldedLinesAsTheyMatchedTheCopy() {
        var random = SplitMix64(seed: 0x7E2)
        let terms = Self.needles + ["Payroll", "SAP", "K", "café", "EEO-1", "Open Enrollment", "audits"]
        let matchers = terms.map(TermMatcher.init)
        for _ in 0..<3000 {
            let text = Self.text(&random, ascii: true)
            let lowered = TextScan.lowercased(text)
            let copy = ScorableRecord.Line(text: text, lowered: lowered, loweredPairs: BytePairs(lowered), line: 1, section: .position)
            let folded = ScorableRecord.Line(text: text, lowered: text, loweredPairs: BytePairs(lowered), line: 1, section: .position, foldsCase: true)
            for matcher in matchers {
                #expect(matcher.matches(folded) == matcher.matches(copy), "\(matcher.term) in \(text.debugDescription)")
                #expect(matcher.matchesCandidate(folded) == matcher.matchesCandidate(copy), "\(matcher.term) in \(text.debugDescription)")
            }
        }
        // Read from the texts: the plural "S" and a whole word only.
        let line = ScorableRecord.Line(text: "Ran AUDITS", lowered: "Ran AUDITS", loweredPairs: BytePairs("ran audits"), line: 1, section: .position, foldsCase: true)
        #expect(TermMatcher("audit").matches(line))
        #expect(!TermMatcher("audi").matches(line))
        #expect(!TermMatcher("ADA").matches(ScorableRecord.Line(text: "ada", lowered: "ada", loweredPairs: BytePairs("ada"), line: 1, section: .position, foldsCase: true)))
    }

    /// The old `ScorableRecord` lines: each text lower-cased into a copy, then the same rules.
    static func referenceLines(_ candidate: Candidate) -> [(text: String, lowered: String, line: Int, section: EvidenceText.Section)] {
        struct Key: Hashable {
            var line: Int
            var text: String
        }
        let personal = candidate.personal
        let excluded = [personal.name, personal.email, personal.phone, personal.location].compactMap { $0?.lowercased() }.filter { $0.count >= 3 }
            + ScorableRecord.personalDetailMarkers.map(\.text)
        var seenAsWritten = Set<Key>(), seen = Set<Key>()
        var lines: [(text: String, lowered: String, line: Int, section: EvidenceText.Section)] = []
        func add(_ text: String, line: Int, section: EvidenceText.Section) {
            guard section != .education, seenAsWritten.insert(Key(line: line, text: text)).inserted else { return }
            let lowered = TextScan.lowercased(text)
            guard !excluded.contains(where: { TextScan.contains(lowered, $0) }), seen.insert(Key(line: line, text: lowered)).inserted else { return }
            lines.append((text, lowered, line, section))
        }
        for evidence in candidate.evidence { add(evidence.text, line: evidence.line, section: evidence.section) }
        for position in candidate.positions {
            add(position.title, line: position.line, section: .position)
            for duty in position.duties { add(duty.text, line: duty.line, section: .position) }
        }
        for skill in candidate.skills { add(skill, line: 0, section: .skills) }
        for certification in candidate.certifications { add(certification.name, line: certification.line, section: .certification) }
        if let headline = candidate.headline { add(headline, line: 0, section: .summary) }
        return lines
    }

    @Test func recordLinesAreThoseOfTheLowerCasedCopies() {
        var random = SplitMix64(seed: 0x2EC0)
        for round in 0..<200 {
            var builder = CandidateBuilder()
            for index in 0..<Int(random.next() % 4) {
                let duties = (0..<Int(random.next() % 6)).map { _ in Self.text(&random, ascii: random.next() % 3 != 0) }
                builder = builder.position(random.pick(["HR Manager", "hr manager", "HR Généraliste", "Payroll Lead"]), at: "Acme", from: "20\(10 + index)-01", to: nil, duties: duties)
            }
            var candidate = builder.build()
            candidate.personal.name = random.pick([nil, "Ada Payroll", "Zoë Ekwueme", "Al"])
            candidate.skills = (0..<Int(random.next() % (round % 4 == 0 ? 30 : 6))).map { _ in Self.text(&random, ascii: random.next() % 4 != 0) }
            candidate.evidence = (0..<Int(random.next() % 8)).map { _ in
                EvidenceText(random.next() % 2 == 0 ? Self.text(&random, ascii: true) : random.pick(Self.pieces), line: Int(random.next() % 5), section: random.pick([EvidenceText.Section.summary, .position, .education, .skills]))
            } + candidate.positions.flatMap(\.duties)
            let record = ScorableRecord(candidate)
            let reference = Self.referenceLines(candidate)
            #expect(record.lines.count == reference.count)
            for (line, expected) in zip(record.lines, reference) {
                #expect(line.text == expected.text && line.line == expected.line && line.section == expected.section)
                #expect((line.foldsCase ? TextScan.lowercased(line.lowered) : line.lowered) == expected.lowered)
                #expect(line.foldsCase == line.text.utf8.allSatisfy { $0 < 0x80 })
                #expect(line.loweredPairs.slots == BytePairs(expected.lowered).slots)
            }
        }
    }

    /// Competency evidence is deduplicated by record line rather than by comparing texts: the same
    /// answer as the old comparison of `Evidence` values, with several terms on one line, equal texts
    /// on different source lines, case variants and canonical equivalents on one line, and more than
    /// six pieces.
    @Test func competencyEvidenceIsTheOldDistinctEvidence() {
        let scorer = Scorer(catalog: SharedCatalog.builtIn)
        let terms = ["payroll", "benefits", "Workday", "ADP", "onboarding", "café", "audit", "HRIS", "recruiting"]
        var random = SplitMix64(seed: 0xE71D)
        for _ in 0..<300 {
            var candidate = CandidateBuilder().position("HR Manager", at: "Acme", from: "2020-01", to: nil).build()
            let texts = [
                "Payroll and benefits on Workday", "payroll and BENEFITS on workday", "Ran ADP payroll", "Onboarding audits",
                "HRIS recruiting onboarding", "Café payroll", "Cafe\u{301} payroll", "audit", "benefits", "nothing here",
            ]
            candidate.evidence = (0..<Int(random.next() % 12)).map { _ in
                EvidenceText(random.pick(texts), line: Int(random.next() % 4), section: .summary)
            }
            candidate.skills = (0..<Int(random.next() % 4)).map { _ in random.pick(texts) }
            let context = scorer.makeContext(ScorableRecord(candidate), asOf: PartialDate(year: 2026, month: 11, day: 1))
            let chosen = terms.filter { _ in random.next() % 4 != 0 }
            let rule = CompetencyRule(group: "hr", terms: chosen, full: 3, partial: 1)
            let matchers = chosen.map(TermMatcher.init)
            let fast = CompetencyCriterion.evaluate(rule, terms: matchers, in: context)
            let reference = ScoringCopiesFastPathTests.referenceCompetency(rule, terms: matchers, in: context)
            #expect(fast.evidence == reference.evidence, "\(candidate.evidence.map(\.text)) \(chosen)")
            #expect(fast.gap == reference.gap)
        }
    }
}
