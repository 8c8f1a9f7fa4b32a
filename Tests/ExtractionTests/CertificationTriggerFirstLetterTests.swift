import Foundation
import Testing
import TestSupport
@testable import Extraction

/// Round 9: `CertificationTriggerTable.Tables.verdict` reads the whole eights of a line in one loop and
/// its last bytes once after it, reads a run's first letter (and its second, when it lies in the same
/// eight bytes) from the eight bytes it already holds and tests it against masks before any load, reads
/// the runs after a non-ASCII byte apart, and asks whether the text is plain ASCII only once a trigger
/// is found. Its verdict must be the one of the round-8 scan, kept here as the reference (with its
/// helpers) and compared over listed, random and boundary texts.
@Suite struct CertificationTriggerFirstLetterTests {
    /// The round-8 verdict (ecc5d01), with the helpers it called.
    static func roundEightVerdict(_ tables: CertificationTriggerTable.Tables, _ text: UnsafeBufferPointer<UInt8>) -> CertificationTriggerTable.Verdict {
        let (pairBits, buckets, words, wordBytes, maxLength) = (tables.pairBits, tables.buckets, tables.words, tables.wordBytes, tables.maxLength)
        func mayStartTrigger(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
            let first = Int((text[start] | 0x20) &- 0x61)
            let next = start + 1
            let second = next < text.count && TextScan.isASCIILetter(text[next]) ? Int((text[next] | 0x20) &- 0x61) : 26
            return pairBits[first] & (1 << UInt32(second)) != 0
        }
        func runEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            var end = start + 1
            while end < text.count, TextScan.isASCIILetter(text[end]) { end += 1 }
            return end
        }
        func isTrigger(_ text: UnsafeBufferPointer<UInt8>, _ run: Range<Int>) -> Bool {
            guard run.count <= maxLength else { return false }
            let first = Int((text[run.lowerBound] | 0x20) &- 0x61)
            let second = run.count > 1 ? Int((text[run.lowerBound + 1] | 0x20) &- 0x61) : 26
            guard pairBits[first] & (1 << UInt32(second)) != 0 else { return false }
            for wordIndex in buckets[first * 27 + second] {
                let word = words[wordIndex]
                guard word.count == run.count else { continue }
                var offset = 2
                while offset < word.count, wordBytes[word.lowerBound + offset] == text[run.lowerBound + offset] | 0x20 {
                    offset += 1
                }
                if offset >= word.count { return true }
            }
            return false
        }
        func isPlain(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
            var index = start
            while index < text.count {
                if text[index] >= 0x80 || text[index] == 0x0D { return false }
                index += 1
            }
            return true
        }
        guard let base = UnsafeRawPointer(text.baseAddress) else { return .no }
        let count = text.count
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        /// The high bit of some byte set when a byte of `word` is zero (exact as a whole, though not
        /// per byte: a borrow marks only bytes above a zero one).
        @inline(__always) func zeroByte(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & high }
        // Every byte read so far or'ed together, and the carriage-return test of each eight: the text
        // read so far is plain ASCII (`HTMLLines.isPlainASCIIByWords`) while both are clear of `high`.
        // Or'ed without a branch per eight bytes.
        var notPlain: UInt64 = 0
        // Set when some byte read is C4 or 84, bytes of U+0130 (C4 B0) and U+212A (E2 84 AA): without
        // one, `mayLowerToASCII` is false and is not run (a second pass over most non-ASCII lines).
        // Not E2: the first byte of every dash, curly quote and bullet, in most non-ASCII lines.
        var mayLower: UInt64 = 0
        // The high bit of byte 0 set when the last byte of the previous eight was a letter.
        var letterBefore: UInt64 = 0
        var chunk = 0
        while chunk < count {
            let word: UInt64
            if chunk &+ 8 <= count {
                word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: chunk, as: UInt64.self))
            } else if count >= 8 {
                // The last bytes, padded with zero bytes (no letter, no carriage return): the eight
                // bytes that end the text, shifted down past those already read.
                let last = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
                word = last >> UInt64(8 &* (chunk &+ 8 &- count))
            } else {
                var tail: UInt64 = 0
                for offset in 0..<(count &- chunk) { tail |= UInt64(text[chunk &+ offset]) << UInt64(8 &* offset) }
                word = tail
            }
            // A carriage return is a zero byte of `word ^ 0x0D…`, found as in `isPlainASCIIByWords`.
            notPlain |= word | zeroByte(word ^ 0x0D0D_0D0D_0D0D_0D0D)
            if word & high != 0 {
                mayLower |= zeroByte(word ^ 0xC4C4_C4C4_C4C4_C4C4) | zeroByte(word ^ 0x8484_8484_8484_8484)
            }
            // Per byte, without carries between bytes: the byte lower-cased to seven bits is at least
            // "a" and at most "z", and the byte itself is ASCII.
            let folded = (word | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
            let atLeastA = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & high
            let pastZ = (folded &+ 0x0505_0505_0505_0505) & high
            let letters = atLeastA & ~pastZ & ~word
            var starts = letters & ~((letters << 8) | letterBefore)
            letterBefore = (letters >> 56) & 0x80
            while starts != 0 {
                let start = chunk &+ starts.trailingZeroBitCount >> 3
                starts &= starts &- 1
                if mayStartTrigger(text, at: start) {
                    let end = runEnd(text, from: start)
                    if isTrigger(text, start..<end) {
                        return notPlain & high == 0 && isPlain(text, from: min(chunk &+ 8, count)) ? .yes : .undecided
                    }
                }
                // After a non-ASCII byte the run's first letter may belong to the character before it.
                if start > 0, text[start &- 1] >= 0x80 {
                    let end = runEnd(text, from: start)
                    if end &- start > 1, isTrigger(text, (start &+ 1)..<end) { return .undecided }
                }
            }
            chunk &+= 8
        }
        if notPlain & high == 0 || mayLower == 0 { return .no }
        return CertificationTriggerTable.Tables.mayLowerToASCII(text) ? .undecided : .no
    }

    static func agree(_ text: String) -> Bool {
        CertificationReader.triggerTable.withTables { tables in
            var copy = text
            return copy.withUTF8 { bytes in tables.verdict(bytes) == roundEightVerdict(tables, bytes) }
        }
    }

    static func scalars(_ text: String) -> String { text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ") }

    @Test func firstLettersAreThoseThatStartATriggerWord() {
        // The mask holds exactly the first letters of the ASCII trigger words.
        let table = CertificationReader.triggerTable
        let expected = Set(CertificationReader.triggerWords.compactMap { $0.utf8.first }.map { Int($0) - 0x60 })
        for code in 1...26 {
            #expect((table.firstLetters & (1 << UInt32(code)) != 0) == expected.contains(code), "\(code)")
        }
        #expect(table.firstLetters & 1 == 0 && table.firstLetters >> 27 == 0)
    }

    @Test func verdictMatchesRoundEightOnRandomTexts() {
        var generator = SplitMix64(seed: 0x9F1E_57A2)
        for _ in 0..<30_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 10) { text += generator.pick(CertificationTriggerVerdictTests.pieces) }
            #expect(Self.agree(text), "\(Self.scalars(text))")
        }
    }

    @Test func verdictMatchesRoundEightAroundEveryEightByteBoundary() {
        // A run starting at each byte of the eight, its second letter in the next eight or not; a run
        // right after a non-ASCII byte, itself at the end of the eight before; the text plain or not.
        let words = ["PHR", "phr", "Ca", "c", "S", "shrm", "Senior", "sx", "cipd", "Phrase", "graphr", "a", "APHRi"]
        let befores = ["é", "\u{600}", "—", "İ", "\u{212A}", " ", "1", "x", "\r"]
        for word in words {
            for before in befores {
                for offset in 0..<18 {
                    for after in ["", " ", "é", "\r", " PHR", " 2021–2024", "s"] {
                        let text = String(repeating: "1", count: offset) + before + word + after
                        #expect(Self.agree(text), "\(Self.scalars(text))")
                        let spaced = String(repeating: " ", count: offset) + word + before + after
                        #expect(Self.agree(spaced), "\(Self.scalars(spaced))")
                    }
                }
            }
        }
    }

    @Test func verdictsOfListedTexts() {
        // Expected values read from the catalog: "Senior", "PHR" and "Workday" ("Workday Pro") start
        // certifications' names, "CA" is a word of "PHR-CA"; "Generalist", "at" and "Acme" start none.
        let expected: [(String, CertificationTriggerTable.Verdict)] = [
            ("", .no), ("Generalist at Acme", .no), ("Generalist at Workday", .yes), ("Senior HR Generalist", .yes),
            ("Dana Whitfield, PHR", .yes),
            ("San Diego, CA", .yes), ("Senior — HR", .undecided), ("Résumé of Dana", .no), ("Résumé, PHR", .undecided),
            ("12345678PHR", .yes), ("1234567 phr", .yes), ("éphr", .undecided), ("\u{212A}elvin", .undecided),
        ]
        for (text, verdict) in expected {
            var copy = text
            let got = copy.withUTF8 { bytes in CertificationReader.triggerTable.withTables { $0.verdict(bytes) } }
            #expect(got == verdict, "\(text)")
            #expect(Self.agree(text), "\(text)")
        }
    }
}
