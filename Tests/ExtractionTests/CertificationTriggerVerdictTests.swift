import Foundation
import Testing
import TestSupport
@testable import Extraction

/// `CertificationTriggerTable.Tables.verdict` reads the last bytes of a text of eight bytes or more with
/// one load of the eight that end it, or's its plain-ASCII tests together without a branch per eight
/// bytes, and runs `mayLowerToASCII` only when a byte C4 or 84 was seen. Its verdict (no / yes /
/// undecided) must be the one the scan gave before, kept here as the reference.
@Suite struct CertificationTriggerVerdictTests {
    /// The verdict as it was before (round 7, 9aecb94), with the helpers it used.
    static func referenceVerdict(_ tables: CertificationTriggerTable.Tables, _ text: UnsafeBufferPointer<UInt8>) -> CertificationTriggerTable.Verdict {
        guard let base = UnsafeRawPointer(text.baseAddress) else { return .no }
        let count = text.count
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        func mayStartTrigger(at start: Int) -> Bool {
            let first = Int((text[start] | 0x20) &- 0x61)
            let next = start + 1
            let second = next < text.count && TextScan.isASCIILetter(text[next]) ? Int((text[next] | 0x20) &- 0x61) : 26
            return tables.pairBits[first] & (1 << UInt32(second)) != 0
        }
        func runEnd(from start: Int) -> Int {
            var end = start + 1
            while end < text.count, TextScan.isASCIILetter(text[end]) { end += 1 }
            return end
        }
        func isTrigger(_ run: Range<Int>) -> Bool {
            guard run.count <= tables.maxLength else { return false }
            let first = Int((text[run.lowerBound] | 0x20) &- 0x61)
            let second = run.count > 1 ? Int((text[run.lowerBound + 1] | 0x20) &- 0x61) : 26
            guard tables.pairBits[first] & (1 << UInt32(second)) != 0 else { return false }
            for wordIndex in tables.buckets[first * 27 + second] {
                let word = tables.words[wordIndex]
                guard word.count == run.count else { continue }
                var offset = 2
                while offset < word.count, tables.wordBytes[word.lowerBound + offset] == text[run.lowerBound + offset] | 0x20 {
                    offset += 1
                }
                if offset >= word.count { return true }
            }
            return false
        }
        func isPlain(from start: Int) -> Bool {
            var index = start
            while index < text.count {
                if text[index] >= 0x80 || text[index] == 0x0D { return false }
                index += 1
            }
            return true
        }
        var plain = true
        var letterBefore: UInt64 = 0
        var chunk = 0
        while chunk < count {
            let word: UInt64
            if chunk + 8 <= count {
                word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: chunk, as: UInt64.self))
            } else {
                var tail: UInt64 = 0
                for offset in 0..<(count - chunk) { tail |= UInt64(text[chunk + offset]) << UInt64(8 * offset) }
                word = tail
            }
            let returns = word ^ 0x0D0D_0D0D_0D0D_0D0D
            if word & high != 0 || (returns &- ones) & ~returns & high != 0 { plain = false }
            let folded = (word | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
            let atLeastA = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & high
            let pastZ = (folded &+ 0x0505_0505_0505_0505) & high
            let letters = atLeastA & ~pastZ & ~word
            var starts = letters & ~((letters << 8) | letterBefore)
            letterBefore = (letters >> 56) & 0x80
            while starts != 0 {
                let start = chunk + starts.trailingZeroBitCount >> 3
                starts &= starts &- 1
                if mayStartTrigger(at: start) {
                    let end = runEnd(from: start)
                    if isTrigger(start..<end) {
                        return plain && isPlain(from: min(chunk + 8, count)) ? .yes : .undecided
                    }
                }
                if start > 0, text[start - 1] >= 0x80 {
                    let end = runEnd(from: start)
                    if end - start > 1, isTrigger((start + 1)..<end) { return .undecided }
                }
            }
            chunk += 8
        }
        if plain { return .no }
        return CertificationTriggerTable.Tables.mayLowerToASCII(text) ? .undecided : .no
    }

    static func agree(_ text: String) -> Bool {
        CertificationReader.triggerTable.withTables { tables in
            var copy = text
            return copy.withUTF8 { bytes in tables.verdict(bytes) == referenceVerdict(tables, bytes) }
        }
    }

    /// Pieces of every kind the verdict tells apart: trigger words in three cases, near misses, carriage
    /// returns, the bytes C4, E2 and 84 with and without the scalars that lower-case to ASCII (İ, KELVIN
    /// SIGN, and other scalars with the same bytes: Ą, Ä, ™, ℹ, “, —, €), accented, CJK, emoji,
    /// combining and prepended marks, NBSP, digits and punctuation.
    static let pieces: [String] = {
        var pieces = [" ", "  ", ",", "-", "(", ")", "—", "–", "“", "€", "·", "Ą", "Ä", "™", "ℹ", "Ġ", "\u{00A0}", "\r\n", "\r", "\n", "\t", "2021",
                      "é", "É", "ü", "\u{301}", "\u{200D}", "\u{600}", "\u{D4E}", "İ", "\u{212A}", "\u{0131}", "ß", "人事", "認定",
                      "🎓", "👩‍💼", "a", "x", "s", "S", "the", "Senior", "HR", "Generalist", "Acme Corporation", "graphr",
                      "Phrase", "professionally", "Workday", "WORK\u{212A}DAY", "Ca", "cA", "c", "San Diego, CA", "\u{7F}"]
        for word in CertificationReader.triggerWords.sorted() {
            pieces += [word, word.uppercased(), word.capitalized, "x" + word, word + "s", String(word.dropFirst())]
        }
        return pieces
    }()

    @Test func verdictMatchesTheReferenceOnListedTexts() {
        let texts = ["", "a", "PHR", "CA", "Senior HR Generalist", "12345678", "1234567", "123456789", "Acme Corp.\r",
                     "Dana Whitfield, PHR, SHRM-CP", "Recruited 40 staff — Workday rollout", "İstanbul", "\u{212A}elvin",
                     "WOR\u{212A}DAY", "Résumé — Dana", "“Quoted” text with no trigger", "€ 40 000 budget", "人事部 認定",
                     "🎓 Certified", "\u{600}shrm", "é shrm", "shrmé", String(repeating: "x", count: 64) + " PHR",
                     String(repeating: "é", count: 20), String(repeating: "ab ", count: 30) + "\r"]
        for text in texts {
            #expect(Self.agree(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func verdictMatchesTheReferenceOnRandomTexts() {
        var generator = SplitMix64(seed: 0x7E2D_1C75)
        for _ in 0..<30_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 9) { text += generator.pick(Self.pieces) }
            #expect(Self.agree(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func verdictMatchesTheReferenceAtEveryLengthAndOffset() {
        // The last bytes are read differently below and above eight bytes: every length to 24, with the
        // piece that decides (a trigger, a carriage return, a lead byte) at each place.
        for piece in ["PHR", "\r", "İ", "\u{212A}", "—", "é", "cipd", "\u{600}x", "Ą", "Ä", "™"] {
            for before in 0..<20 {
                for filler in ["x", " ", "1"] {
                    for after in 0..<6 {
                        let text = String(repeating: filler, count: before) + piece + String(repeating: " z", count: after)
                        #expect(Self.agree(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                    }
                }
            }
        }
    }
}
