import Extraction
@testable import Scoring
import Testing

/// `ASCIILowercasing.lowercased(_:pairs:)` (lower-casing and byte pairs in one pass, eight pair slots
/// per word) against the two steps it replaced in `ScorableRecord`: `ASCIILowercasing.lowercased`
/// then `BytePairs(lowered)`, with the byte pairs also worked out here the plain way as the reference.
@Suite struct LowercasedPairsTests {
    /// The slots of `BytePairs.init`, a byte at a time: (previous × 31 + byte) mod 256 for each
    /// adjacent pair of UTF-8 bytes.
    static func referenceSlots(_ text: String) -> [Int] {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2 else { return [] }
        var slots = Set<Int>()
        for index in 1..<bytes.count {
            slots.insert(Int((UInt32(bytes[index - 1]) &* 31 &+ UInt32(bytes[index])) & 255))
        }
        return slots.sorted()
    }

    static var texts: [String] {
        var texts = ScoringIndexTests.texts + [
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz", "@[`{ AZaz 09 \u{7F}\t\r\n",
            "Payroll and Benefits ADMINISTRATION, 2019–2021", "PAYROLL AND BENEFITS ADMINISTRATION 2019-2021!",
            "exactly8", "EXACTLY8", "sixteen bytes!!!", "Seventeen Bytes!!", "ÉCOLE", "ASCII then é",
            "Date of Birth: 1 January 1990", "Led open enrollment for 640 employees across 3 sites (2019-2021)",
            "\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}", "\r\n\r\n\r\n\r\n\r\n", "Kelvin \u{212A}", "a;b\u{37E}",
        ]
        // Every ASCII byte next to every position of words and tails, so each pair slot's carries and
        // borrows (the largest bytes, 0x7F, and the upper-case ones) are met at each byte of a word.
        for byte in UInt8(0)..<0x80 {
            for length in [1, 2, 7, 8, 9, 15, 16, 17, 24] {
                for position in Set([0, 1, length / 2, length - 2, length - 1]) where position >= 0 && position < length {
                    for filler: UInt8 in [0x4D, 0x7F, 0x00, 0x7A] {  // "M", DEL, NUL, "z"
                        var bytes = [UInt8](repeating: filler, count: length)
                        bytes[position] = byte
                        texts.append(String(decoding: bytes, as: UTF8.self))
                    }
                }
            }
        }
        // Pseudo-random ASCII of every length up to 40 (a fixed linear congruential sequence).
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for length in 0...40 {
            for _ in 0..<20 {
                var bytes: [UInt8] = []
                for _ in 0..<length {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    bytes.append(UInt8(truncatingIfNeeded: state >> 57))
                }
                texts.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        return texts
    }

    @Test func agreesWithLowercasingThenPairs() {
        for text in Self.texts {
            var pairs = BytePairs(words: (0, 0, 0, 0))
            let fused = ASCIILowercasing.lowercased(text, pairs: &pairs)
            let lowered = ASCIILowercasing.lowercased(text)
            #expect((fused == nil) == (lowered == nil), "\(text.debugDescription)")
            guard let fused, let lowered else {
                #expect(pairs.slots.isEmpty, "\(text.debugDescription)")
                continue
            }
            #expect(Array(fused.utf8) == Array(lowered.utf8), "\(text.debugDescription)")
            #expect(pairs.slots == BytePairs(lowered).slots, "\(text.debugDescription)")
            #expect(pairs.slots == Self.referenceSlots(lowered), "\(text.debugDescription)")
        }
    }

    @Test func nilForEmptyAndNonASCII() {
        for text in ["", "é", "café", "Zoë Ekwueme", "人事部", "🙂 benefits", "open\u{A0}enrollment", "Kelvin \u{212A}", "ASCII then é"] {
            var pairs = BytePairs(words: (0, 0, 0, 0))
            #expect(ASCIILowercasing.lowercased(text, pairs: &pairs) == nil, "\(text.debugDescription)")
        }
    }

    @Test func mentionsAnyAgreesWithSearchingEveryPhrase() {
        let names = ["zoë ekwueme", "zoe@example.com", "+44 20 7946 0000", "leeds", "ab"]
            .map { (text: $0, pairs: BytePairs($0)) }
        let tables = [ScorableRecord.personalDetailMarkers, names + ScorableRecord.personalDetailMarkers, names, []]
        let lines = Self.texts + [
            "Date of birth: 1 January 1990", "Born: 1990", "gender pay gap analysis", "Gender: female",
            "Zoë Ekwueme — résumé", "contact zoe@example.com", "Nationality: British", "based in leeds",
            "marital status", "MARITAL STATUS: single", "faith: none", "age: 34", "stage: 3",
        ]
        for line in lines {
            let lowered = TextScan.lowercased(line)
            let pairs = BytePairs(lowered)
            for table in tables {
                // The old test: every phrase searched for, the pairs only a shortcut.
                let expected = table.contains { TextScan.contains(lowered, $0.text) }
                let fast = table.withUnsafeBufferPointer { ScorableRecord.mentionsAny(of: $0, lowered: lowered, pairs: pairs) }
                #expect(fast == expected, "\(line.debugDescription)")
            }
        }
    }

    @Test func mentionsAnyFindsLabelsNotTopics() {
        let markers = ScorableRecord.personalDetailMarkers
        for (lowered, expected) in [
            ("date of birth: 1 january 1990", true), ("gender: female", true), ("nationality: british", true),
            ("gender pay gap analysis", false), ("led open enrollment for 640 employees", false), ("", false),
        ] {
            let found = markers.withUnsafeBufferPointer { ScorableRecord.mentionsAny(of: $0, lowered: lowered, pairs: BytePairs(lowered)) }
            #expect(found == expected, "\(lowered)")
        }
    }

    @Test func currentPositionAgreesWithFilterThenMax() {
        let starts: [PartialDate?] = [nil, PartialDate(year: 2019), PartialDate(year: 2019, month: 3), PartialDate(year: 2021, month: 11), PartialDate(year: 1)]
        // Every list of up to three positions over those starts, current or not, so ties, missing
        // starts and "none current" all occur; titles tell equal-looking positions apart.
        var lists: [[Position]] = [[]]
        for length in 1...3 {
            var next: [[Position]] = []
            for list in lists where list.count == length - 1 {
                for (startIndex, start) in starts.enumerated() {
                    for current in [false, true] {
                        next.append(list + [Position(title: "P\(list.count)-\(startIndex)-\(current)", start: start, current: current, line: list.count + 1)])
                    }
                }
            }
            lists += next
        }
        for positions in lists {
            let candidate = Candidate(source: "positions.html", format: .html, positions: positions)
            // The old getter.
            let current = positions.filter(\.current)
            let pool = current.isEmpty ? positions : current
            let expected = pool.max { ($0.start ?? .distantPast) < ($1.start ?? .distantPast) }
            let found = ScorableRecord(candidate).currentPosition
            #expect(found?.title == expected?.title && found?.line == expected?.line, "\(positions.map(\.title))")
        }
    }

    @Test func pairSlotsAreEachBytesSlot() {
        // Bytes read from the word: "Ab" then seven more, after "z" (0x7A): slots worked out by hand
        // from (previous × 31 + byte) mod 256.
        let bytes: [UInt8] = [0x41, 0x62, 0x7F, 0x00, 0x20, 0x7A, 0x5A, 0x01]
        var word: UInt64 = 0
        for (index, byte) in bytes.enumerated() { word |= UInt64(byte) << UInt64(index * 8) }
        let slots = ASCIILowercasing.pairSlots(word, after: 0x7A)
        var previous: UInt64 = 0x7A
        for (index, byte) in bytes.enumerated() {
            #expect((slots >> UInt64(index * 8)) & 0xFF == (previous * 31 + UInt64(byte)) % 256)
            previous = UInt64(byte)
        }
    }
}
