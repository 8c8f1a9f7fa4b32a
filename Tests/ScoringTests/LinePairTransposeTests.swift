@testable import Scoring
import TestSupport
import Testing

/// `LinePairIndex` built by transposing blocks of 64 lines' byte pairs against the slot-by-slot loop it
/// replaced, kept here as the reference.
@Suite struct LinePairTransposeTests {
    /// The index words as the slot-by-slot loop set them: bit `line % 64` of word
    /// `(line / 64) * 256 + slot` for every slot of every line.
    static func referenceBits(_ pairs: [BytePairs]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 256 * ((pairs.count + 63) / 64))
        for line in pairs.indices {
            let bit = UInt64(1) << UInt64(line & 63)
            pairs[line].forEachSlot { bits[(line >> 6) * 256 + $0] |= bit }
        }
        return bits
    }

    /// Every word of `index`, slot by slot, against the reference: `lines(holding: [slot], word:)` is
    /// the slot's word, limited to the lines there are.
    static func expectSameWords(_ index: LinePairIndex, _ pairs: [BytePairs]) {
        let reference = referenceBits(pairs)
        for word in 0..<index.wordCount {
            let remaining = pairs.count - word * 64
            let lines: UInt64 = remaining >= 64 ? ~0 : (UInt64(1) << UInt64(remaining)) &- 1
            for slot in 0..<256 {
                #expect(index.lines(holding: [slot], word: word) == reference[word * 256 + slot] & lines, "lines \(pairs.count) word \(word) slot \(slot)")
            }
        }
    }

    static let texts: [String] = [
        "", "a", "Led open enrollment for 640 employees", "café payroll", "cafe\u{301} payroll", "Zoë Ekwueme — résumé",
        "人事部 採用担当", "🙂 benefits 🎉 administration", "line one\r\nline two", "open\u{A0}enrollment", "\u{212A}PI review",
        "EEO-1 reporting", "   ", "HRIS (Workday) migration; owned benefits administration",
    ]

    /// Line counts either side of the transpose threshold and of the 64-line blocks, lines of the
    /// varied texts and of random words (sparse, dense, all set, none set).
    @Test func transposedIndexMatchesSlotBySlot() {
        var random = SplitMix64(seed: 0x7A45_9053)
        let counts = [0, 1, 2, 35, 36, 37, 63, 64, 65, 99, 100, 127, 128, 129, 150, 200, 257]
        for count in counts {
            for round in 0..<3 {
                let pairs: [BytePairs] = (0..<count).map { _ in
                    switch round {
                    case 0: return BytePairs(random.pick(Self.texts))
                    case 1: return BytePairs(words: (random.next(), random.next() & random.next(), random.next() | random.next(), random.next() % 3 == 0 ? ~0 : 0))
                    default:
                        let length = Int(random.next() % 90)
                        let scalars = (0..<length).map { _ in random.pick(Array("Payroll BENEFITS é人🙂\r\n\u{A0}-;09".unicodeScalars)) }
                        return BytePairs(String(String.UnicodeScalarView(scalars)))
                    }
                }
                Self.expectSameWords(LinePairIndex(pairs), pairs)
            }
        }
    }

    /// The transpose itself, read from the definition: a single bit at row `r`, column `c` of lane `w`
    /// moves to row `c`, column `r` of the same lane; the identity stays the identity.
    @Test func transposeMovesEachBitAcrossTheDiagonal() {
        for (row, column, lane) in [(0, 0, 0), (0, 63, 1), (63, 0, 2), (5, 40, 3), (31, 32, 0), (32, 31, 1), (17, 17, 2)] {
            var rows = [SIMD4<UInt64>](repeating: SIMD4(repeating: 0), count: 64)
            rows[row][lane] = UInt64(1) << UInt64(column)
            rows.withUnsafeMutableBufferPointer { LinePairIndex.transpose($0.baseAddress!) }
            for index in 0..<64 {
                var expected = SIMD4<UInt64>(repeating: 0)
                if index == column { expected[lane] = UInt64(1) << UInt64(row) }
                #expect(rows[index] == expected, "bit (\(row), \(column)) lane \(lane), row \(index)")
            }
        }
        var identity = (0..<64).map { SIMD4<UInt64>(repeating: UInt64(1) << UInt64($0)) }
        identity.withUnsafeMutableBufferPointer { LinePairIndex.transpose($0.baseAddress!) }
        #expect(identity == (0..<64).map { SIMD4<UInt64>(repeating: UInt64(1) << UInt64($0)) })
    }
}
