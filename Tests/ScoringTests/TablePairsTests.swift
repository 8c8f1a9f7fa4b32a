import Extraction
@testable import Scoring
import TestSupport
import Testing

/// `ASCIILowercasing.tablePairs` (a byte per slot, packed by multiplication) against the byte pairs of
/// the lower-cased copy, the plain byte loop of `BytePairs.init` kept as the reference.
@Suite struct TablePairsTests {
    /// The multiplication packs the bytes of a word of zeros and ones into one byte, byte `i` to bit
    /// `i`: every one of the 256 patterns.
    @Test func multiplicationPacksEveryPattern() {
        for pattern in 0..<256 {
            var word: UInt64 = 0
            for bit in 0..<8 where pattern & (1 << bit) != 0 { word |= UInt64(1) << UInt64(bit * 8) }
            #expect((word &* 0x0102_0408_1020_4080) >> 56 == UInt64(pattern))
        }
    }

    /// Random ASCII texts of every length from 8 to 300 bytes (either side of `tableLength`), all
    /// bytes and letters in both cases, through `tablePairs` and through `pairsOfLowercased`.
    @Test func tablePairsAreThoseOfTheLowerCasedCopy() {
        var random = SplitMix64(seed: 0x7AB1E)
        let letters = Array("AZaz@[`{ -:;0 9Payroll BENEFITS\r\n\t".utf8)
        for length in 8...300 {
            for round in 0..<4 {
                let bytes = (0..<length).map { _ in round % 2 == 0 ? UInt8(random.next() % 128) : random.pick(letters) }
                let text = String(decoding: bytes, as: UTF8.self)
                let expected = BytePairs(TextScan.lowercased(text)).slots
                let words = bytes.withUnsafeBytes { ASCIILowercasing.tablePairs($0.baseAddress!, length) }
                #expect(BytePairs(words: words).slots == expected, "\(text.debugDescription)")
                #expect(ASCIILowercasing.pairsOfLowercased(text)?.slots == expected, "\(text.debugDescription)")
            }
        }
        // Read from the text: "Abab…" lower-cased holds only the pairs "ab" and "ba".
        let text = String(repeating: "Ab", count: 40)
        let expected = [Int((UInt32(UInt8(ascii: "a")) &* 31 &+ UInt32(UInt8(ascii: "b"))) & 255),
                        Int((UInt32(UInt8(ascii: "b")) &* 31 &+ UInt32(UInt8(ascii: "a"))) & 255)].sorted()
        #expect(ASCIILowercasing.pairsOfLowercased(text)?.slots == expected)
    }
}
