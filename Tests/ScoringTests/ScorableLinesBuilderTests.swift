import Extraction
import Roles
@testable import Scoring
import TestSupport
import Testing

/// `ScorableLinesBuilder` (one chained table over the lines it keeps, no strings of its own) against
/// what `ScorableRecord` did before it, kept here as the reference: a set of the texts as written with
/// the byte pairs of each first occurrence, then the lower-cased copy, the excluded phrases and a set
/// of the lower-cased texts kept.
@Suite struct ScorableLinesBuilderTests {
    struct Key: Hashable {
        var line: Int
        var text: String
    }

    /// The old `add`, on `Set`s and lower-cased copies.
    struct ReferenceLines {
        var excluded: [String]
        var asWritten: [Key: BytePairs] = [:]
        var seen: Set<Key> = []
        var lines: [(text: String, lowered: String, line: Int, section: EvidenceText.Section)] = []

        mutating func add(_ text: String, line: Int, section: EvidenceText.Section) -> BytePairs {
            if let pairs = asWritten[Key(line: line, text: text)] { return pairs }
            let lowered = TextScan.lowercased(text)
            let pairs = BytePairs(lowered)
            asWritten[Key(line: line, text: text)] = pairs
            guard !excluded.contains(where: { TextScan.contains(lowered, $0) }) else { return pairs }
            guard seen.insert(Key(line: line, text: lowered)).inserted else { return pairs }
            lines.append((text, lowered, line, section))
            return pairs
        }
    }

    /// ASCII in both cases, accented (precomposed and decomposed), CJK, emoji, CR/LF, NBSP, a Kelvin
    /// sign (canonically "K"), a Greek question mark (canonically ";"), names and labels.
    static let pieces = [
        "Payroll", "PAYROLL", "payroll", " ", "  ", "-", ";", "\u{037E}", "K", "\u{212A}", "k", "Benefits", "benefits",
        "café", "Cafe\u{301}", "CAFÉ", "人事", "🙂", "\r\n", "\u{00A0}", "Zoë", "Zoe\u{308}", "Ada Payroll", "ada payroll",
        "Date of Birth", "date of birth:", "born:", "Nationality:", "Open Enrollment", "EEO-1", "a", "", "0", "audits",
    ]

    static func text(_ random: inout SplitMix64) -> String {
        (0..<Int(random.next() % 5)).map { _ in random.pick(pieces) }.joined()
    }

    static let sections: [EvidenceText.Section] = [.summary, .position, .skills, .certification]

    @Test func addsAnswerAsTheSetsOfTheOldRecordDid() {
        var random = SplitMix64(seed: 0x5C0E)
        let markers = ScorableRecord.personalDetailMarkers
        for round in 0..<300 {
            let names = [["ada payroll"], ["zoë"], ["zoe\u{308}", "cafe"], [], ["k"]][round % 5]
            let identifying = names.map { (text: $0, pairs: BytePairs($0)) }
            var builder = ScorableLinesBuilder(capacity: round % 3 == 0 ? 1 : 30, identifying: identifying, markers: markers)
            var reference = ReferenceLines(excluded: names + markers.map(\.text))
            // Few source lines in some rounds, so that lines crowd past the chain limit.
            let lineRange: UInt64 = round % 4 == 0 ? 2 : 25
            for _ in 0..<(round % 5 == 0 ? 200 : 60) {
                let line = Int(random.next() % lineRange)
                let text = Self.text(&random)
                let section = random.pick(Self.sections)
                let pairs = builder.add(text, line: line, section: section)
                let expected = reference.add(text, line: line, section: section)
                #expect(pairs.slots == expected.slots, "\(line) \(text.debugDescription)")
            }
            #expect(builder.lines.count == reference.lines.count)
            for (line, expected) in zip(builder.lines, reference.lines) {
                #expect(line.text == expected.text && line.line == expected.line && line.section == expected.section)
                #expect(line.foldsCase == line.text.utf8.allSatisfy { $0 < 0x80 })
                #expect((line.foldsCase ? TextScan.lowercased(line.lowered) : line.lowered) == expected.lowered)
                #expect(line.loweredPairs.slots == BytePairs(expected.lowered).slots)
            }
        }
    }

    /// Read from the texts: a repeat as written (canonically equal) gets the pairs of the first text,
    /// a case variant on the same source line makes no line, on another source line it does, and a
    /// line holding the name is dropped.
    @Test func repeatsVariantsAndNamesOnKnownTexts() {
        var builder = ScorableLinesBuilder(capacity: 4, identifying: [("ada payroll", BytePairs("ada payroll"))], markers: ScorableRecord.personalDetailMarkers)
        #expect(builder.add("café", line: 1, section: .summary).slots == BytePairs("café").slots)
        // "cafe" + U+0301 equals "café" as a `String`: a repeat, with the first text's pairs.
        #expect(builder.add("cafe\u{301}", line: 1, section: .summary).slots == BytePairs("café").slots)
        #expect(builder.add("CAFÉ", line: 1, section: .summary).slots == BytePairs("café").slots)
        #expect(builder.add("Payroll", line: 1, section: .summary).slots == BytePairs("payroll").slots)
        #expect(builder.add("PAYROLL", line: 1, section: .summary).slots == BytePairs("payroll").slots)
        #expect(builder.add("PAYROLL", line: 2, section: .skills).slots == BytePairs("payroll").slots)
        builder.add("Ada Payroll, HR", line: 3, section: .summary)
        builder.add("Date of birth: 1 May", line: 4, section: .summary)
        #expect(builder.lines.map(\.text) == ["café", "Payroll", "PAYROLL"])
        #expect(builder.lines.map(\.line) == [1, 1, 2])
        #expect(builder.lines.map(\.foldsCase) == [false, true, true])
        #expect(builder.lines[0].loweredCopy == "café")
        #expect(builder.lines[1].loweredCopy == nil && builder.lines[1].lowered == "Payroll")
        // The same on a crowded source line (past the chain limit, in the dictionaries).
        for index in 0...ScorableLinesBuilder.longestChain { builder.add("Filler \(index)", line: 1, section: .summary) }
        let count = builder.lines.count
        #expect(builder.add("cafe\u{301}", line: 1, section: .summary).slots == BytePairs("café").slots)
        #expect(builder.add("payroll", line: 1, section: .summary).slots == BytePairs("payroll").slots)
        #expect(builder.add("FILLER 3", line: 1, section: .summary).slots == BytePairs("filler 3").slots)
        #expect(builder.lines.count == count)
        builder.add("Benefits", line: 1, section: .summary)
        #expect(builder.lines.count == count + 1 && builder.lines.last?.text == "Benefits")
    }

    /// A record's duty pairs are those the old record gave each duty (its first occurrence's, for a
    /// duty also listed as evidence), and its lines are the reference's.
    @Test func recordDutyPairsAreThoseOfTheOldRecord() {
        var random = SplitMix64(seed: 0xD07)
        for round in 0..<200 {
            var builder = CandidateBuilder()
            for index in 0..<Int(random.next() % 4) {
                let duties = (0..<Int(random.next() % 6)).map { _ in Self.text(&random) }
                builder = builder.position(random.pick(["HR Manager", "hr manager", "HR Généraliste", "Ada Payroll"]), at: "Acme", from: "20\(10 + index)-01", to: nil, duties: duties)
            }
            var candidate = builder.build()
            candidate.personal.name = random.pick([nil, "Ada Payroll", "Zoë", "Al"])
            candidate.skills = (0..<Int(random.next() % (round % 4 == 0 ? 30 : 6))).map { _ in Self.text(&random) }
            candidate.evidence = candidate.positions.flatMap(\.duties) + (0..<Int(random.next() % 8)).map { _ in
                EvidenceText(Self.text(&random), line: Int(random.next() % 5), section: random.pick([EvidenceText.Section.summary, .position, .education]))
            }
            let personal = candidate.personal
            let names = [personal.name, personal.email, personal.phone, personal.location].compactMap { $0?.lowercased() }.filter { $0.count >= 3 }
            var reference = ReferenceLines(excluded: names + ScorableRecord.personalDetailMarkers.map(\.text))
            for evidence in candidate.evidence where evidence.section != .education {
                _ = reference.add(evidence.text, line: evidence.line, section: evidence.section)
            }
            var expectedDutyPairs: [[[Int]]] = []
            for position in candidate.positions {
                _ = reference.add(position.title, line: position.line, section: .position)
                expectedDutyPairs.append(position.duties.map { reference.add($0.text, line: $0.line, section: .position).slots })
            }
            for skill in candidate.skills { _ = reference.add(skill, line: 0, section: .skills) }
            let record = ScorableRecord(candidate)
            #expect(record.dutyPairsByPosition.map { $0.map(\.slots) } == expectedDutyPairs)
            #expect(record.lines.map(\.text) == reference.lines.map(\.text))
            #expect(record.lines.map(\.line) == reference.lines.map(\.line))
        }
    }

    /// The index built from the lines in place is the one built from their pairs, and the slots read
    /// from a needle's pairs give the lines the slot array gave.
    @Test(arguments: [0, 1, 63, 64, 65, 130])
    func pairIndexFromLinesAndPairsAgree(lineCount: Int) {
        var random = SplitMix64(seed: UInt64(lineCount) &+ 0x1DE)
        let lines = (0..<lineCount).map { index -> ScorableRecord.Line in
            let text = Self.text(&random) + " \(index)"
            let lowered = TextScan.lowercased(text)
            return ScorableRecord.Line(text: text, lowered: lowered, loweredPairs: BytePairs(lowered), line: index, section: .position)
        }
        let fromLines = LinePairIndex(lines: lines)
        let fromPairs = LinePairIndex(lines.map(\.loweredPairs))
        #expect(fromLines.wordCount == fromPairs.wordCount && fromLines.lineCount == fromPairs.lineCount)
        for term in ["payroll", "café", "k", "open enrollment", "ADA", "人事", "🙂", "1", "ll", ""] {
            let matcher = TermMatcher(term)
            for word in 0..<fromPairs.wordCount {
                let expected = fromPairs.lines(holding: matcher.needleSlots, word: word)
                #expect(fromLines.lines(holding: matcher.needleSlots, word: word) == expected, "\(term)")
                #expect(fromPairs.lines(holding: matcher.needlePairs, word: word) == expected, "\(term)")
            }
        }
        for slot in 0..<256 {
            for word in 0..<fromPairs.wordCount {
                #expect(fromLines.lines(holding: [slot], word: word) == fromPairs.lines(holding: [slot], word: word))
            }
        }
    }
}
