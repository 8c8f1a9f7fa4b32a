import Extraction
@testable import Scoring
import Testing
import TestSupport

/// `NarrowLowercasing.lowercased(_:pairs:)` against what `ScorableLinesBuilder.add` did for every
/// non-ASCII text before it: `TextScan.lowercased(text)`, then `BytePairs` of the result.
@Suite struct NarrowLowercasingTests {
    /// Whether the fast path is meant to take `text`: every scalar ASCII, Latin-1 or U+2000…U+203F.
    static func isNarrow(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.value < 0x100 || (0x2000...0x203F).contains($0.value) }
    }

    static func expectAgreement(_ text: String) {
        var pairs = BytePairs(words: (1, 2, 3, 4))
        let fast = NarrowLowercasing.lowercased(text, pairs: &pairs)
        if isNarrow(text) {
            let reference = TextScan.lowercased(text)
            #expect(fast == reference, "\(text.debugDescription)")
            #expect(fast.map { Array($0.utf8) } == Array(reference.utf8), "\(text.debugDescription)")
            #expect(pairs == BytePairs(reference), "\(text.debugDescription)")
        } else {
            #expect(fast == nil, "\(text.debugDescription)")
            #expect(pairs == BytePairs(words: (1, 2, 3, 4)), "\(text.debugDescription)")
        }
    }

    /// The claim the byte rules rest on: in both blocks each scalar's lower-case mapping is one scalar,
    /// U+00C0…U+00DE but U+00D7 moved by 0x20 and every other scalar itself.
    @Test func mappingOfEveryScalarInTheBlocks() {
        for value in Array(0x80...0xFF) + Array(0x2000...0x203F) {
            let scalar = Unicode.Scalar(UInt32(value))!
            let expected = (0xC0...0xDE).contains(value) && value != 0xD7 ? Unicode.Scalar(UInt32(value + 0x20))! : scalar
            #expect(scalar.properties.lowercaseMapping == String(expected), "U+\(String(value, radix: 16))")
            Self.expectAgreement(String(scalar))
            Self.expectAgreement("A" + String(scalar) + "Z")
            Self.expectAgreement(String(scalar) + String(scalar) + "x")
        }
    }

    @Test func agreesOnChosenTexts() {
        let texts = [
            "", "A", "ascii only", "ÉCOLE NORMALE", "José Álvarez-Núñez", "Straße", "ÆØÅ æøå", "× ÷ ß ÿ Þ þ",
            "2019–2021 — “Payroll” ‘lead’ • benefits…", "Senior\u{00A0}HR Partner", "line\r\nbreak\u{2028}",
            "zero\u{200B}width\u{200D}joiner", "Café", "Cafe\u{0301}", "東京 office", "HR 👩‍💼 lead", "İstanbul",
            "Ωmega", "Ÿ", "\u{2040}\u{2070}\u{207F}", "Ⓐ circled", "ＡＢＣ", "Date of Birth: 1 January 1990 — Zürich",
            "\u{80}\u{9F}\u{A0}\u{BF}\u{C0}\u{DE}\u{DF}\u{FF}",
        ]
        for text in texts { Self.expectAgreement(text) }
    }

    @Test func agreesOnRandomTexts() {
        var random = SplitMix64(seed: 0x5C0_2E2)
        let pool: [String] = [
            "a", "Z", "M", " ", ":", "-", "\r", "\n", "\t", "\u{7F}", "É", "é", "×", "÷", "ß", "ÿ", "Þ", "\u{A0}", "µ", "À", "Ö",
            "–", "—", "’", "“", "•", "…", "\u{2000}", "\u{203F}", "\u{200D}", "\u{2040}", "ſ", "İ", "Σ", "東", "😀",
            "\u{0301}", "Ａ", "\u{C2}", "\u{C3}",
        ]
        for _ in 0..<4_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 40) { text += random.pick(pool) }
            Self.expectAgreement(text)
        }
    }
}
