import Extraction
@testable import Scoring
import TestSupport
import Testing

/// The criteria search each record line's lower-cased bytes in the record's `loweredBytes` and an ASCII
/// needle held in the matcher (`TermMatcher.InlineNeedle`), instead of the line's and the needle's
/// strings. The bytes must be the line's `lowered` text, and a search on them must answer as the search
/// on the strings (`TermMatcher.matchesCandidate(_:)`, unchanged, the reference here).
@Suite struct RecordLoweredBytesTests {
    /// Terms of every kind: ASCII, case-sensitive (short capitals), non-ASCII, empty, a needle of exactly
    /// `InlineNeedle.capacity` bytes and one longer (both kept as strings only past the capacity).
    static let terms = [
        "payroll", "a", "audit", "open enrollment", "eeo-1", "benefits", "s", "ADA", "SAP", "ADP", "K", "Payroll",
        "café", "人事", "", "date of birth", "z", ";", "benefits administration program", "benefits administration programs",
        "open enrollment and benefits administration",
    ]

    /// A random candidate whose texts mix ASCII and other scripts, case variants and repeats.
    static func candidate(_ random: inout SplitMix64) -> Candidate {
        var builder = CandidateBuilder()
        for index in 0..<Int(random.next() % 4) {
            let duties = (0..<Int(random.next() % 8)).map { _ in Self.text(&random) }
            builder = builder.position(random.pick(["HR Manager", "hr manager", "HR Généraliste", "Payroll Lead"]), at: "Acme", from: "20\(10 + index)-01", to: nil, duties: duties)
        }
        var candidate = builder.build()
        candidate.personal.name = random.pick([nil, "Ada Payroll", "Zoë Ekwueme"])
        candidate.skills = (0..<Int(random.next() % 6)).map { _ in Self.text(&random) }
        candidate.evidence = (0..<Int(random.next() % 8)).map { _ in
            EvidenceText(Self.text(&random), line: Int(random.next() % 5), section: random.pick([EvidenceText.Section.summary, .position, .skills]))
        }
        return candidate
    }

    /// A text of pieces (`FoldedCaseLinesTests.pieces`) and whole terms, ASCII only one time in two.
    static func text(_ random: inout SplitMix64) -> String {
        let ascii = random.next() % 2 == 0
        let pieces = (FoldedCaseLinesTests.pieces + terms.map { $0.uppercased() } + terms).filter { !ascii || $0.utf8.allSatisfy { $0 < 0x80 } }
        return (0..<Int(random.next() % 9)).map { _ in random.pick(pieces) }.joined(separator: random.pick([" ", "", ", ", "\u{A0}"]))
    }

    @Test func recordBytesAreEachLinesLoweredText() {
        var random = SplitMix64(seed: 0xB17E5)
        for _ in 0..<300 {
            let record = ScorableRecord(Self.candidate(&random))
            var end = 0
            for line in record.lines {
                #expect(line.loweredByteRange.lowerBound == end)
                #expect(Array(record.loweredBytes[line.loweredByteRange]) == Array(line.lowered.utf8), "\(line.text.debugDescription)")
                #expect(line.foldsCase == (line.loweredCopy == nil))
                end = line.loweredByteRange.upperBound
            }
            #expect(end == record.loweredBytes.count)
        }
    }

    @Test func byteSearchAnswersAsTheStringSearch() {
        var random = SplitMix64(seed: 0x5EA2C)
        let matchers = Self.terms.map(TermMatcher.init)
        for _ in 0..<300 {
            let record = ScorableRecord(Self.candidate(&random))
            matchers.withUnsafeBufferPointer { matcherBuffer in
                record.lines.withUnsafeBufferPointer { lines in
                    record.loweredBytes.withUnsafeBufferPointer { bytes in
                        for matcher in matcherBuffer.indices {
                            for line in lines.indices {
                                let fromBytes = TermMatcher.matchesCandidate(matcherBuffer.baseAddress! + matcher, in: lines, at: line, bytes: bytes)
                                #expect(fromBytes == matcherBuffer[matcher].matchesCandidate(lines[line]), "\(Self.terms[matcher]) in \(lines[line].text.debugDescription)")
                            }
                        }
                    }
                }
            }
        }
    }

    /// Read from the texts: a term in a folded line, a capitalised term as written, a plural, a term
    /// inside a longer word (no match).
    @Test func byteSearchFindsTermsInARecord() {
        var candidate = CandidateBuilder().position("HR Manager", at: "Acme", from: "2020-01", to: nil, duties: [
            "Ran PAYROLL audits on ADP", "Café benefits for 人事", "Adapted the onboarding",
        ]).build()
        candidate.evidence = []
        let record = ScorableRecord(candidate)
        func lineHolding(_ term: String) -> String? {
            let matchers = [TermMatcher(term)]
            return matchers.withUnsafeBufferPointer { matcher in
                record.lines.withUnsafeBufferPointer { lines in
                    record.loweredBytes.withUnsafeBufferPointer { bytes in
                        TermMatcher.firstLine(of: matcher.baseAddress!, in: lines, bytes: bytes, index: record.pairIndex).map { lines[$0].text }
                    }
                }
            }
        }
        #expect(lineHolding("payroll") == "Ran PAYROLL audits on ADP")
        #expect(lineHolding("audit") == "Ran PAYROLL audits on ADP")
        #expect(lineHolding("ADP") == "Ran PAYROLL audits on ADP")
        #expect(lineHolding("benefits") == "Café benefits for 人事")
        #expect(lineHolding("café") == "Café benefits for 人事")
        #expect(lineHolding("ADA") == nil)
        #expect(lineHolding("onboard") == nil)
    }

    @Test func inlineNeedleHoldsTheBytesUpToItsCapacity() {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789 -".utf8)
        var random = SplitMix64(seed: 0x1271)
        for length in 0...(TermMatcher.InlineNeedle.capacity + 8) {
            let text = String(decoding: (0..<length).map { _ in random.pick(letters) }, as: UTF8.self)
            let held = TermMatcher.InlineNeedle(text)?.withBytes { Array($0) }
            #expect(held == (length >= 1 && length <= 32 ? Array(text.utf8) : nil), "\(length)")
        }
    }
}
