import Foundation

/// One-pass byte scans of the HTML line reader: each text node, element name and inline style is read
/// once, eight bytes at a time where it can be, instead of once per question asked of it.
extension HTMLLines {
    /// Byte tests on eight bytes at once, for words with no byte above 0x7F: each result has 0x80 in
    /// the bytes that pass and 0 in the others. No carry crosses from one byte into the next (every
    /// byte stays below 0x80 before an addition, and the additions stay below 0x100), so each byte is
    /// judged exactly as a byte loop would judge it.
    enum ScanWords {
        static var ones: UInt64 { 0x0101_0101_0101_0101 }
        static var highBits: UInt64 { 0x8080_8080_8080_8080 }
        private static var lowSevenBits: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }

        /// Bytes `offset ..< offset + 8`, the first in the lowest byte.
        @inline(__always) static func load(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
            UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }

        /// The bytes equal to `byte` (any word).
        @inline(__always) static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
            let folded = word ^ (ones &* UInt64(byte))
            return ~(((folded & lowSevenBits) &+ lowSevenBits) | folded | lowSevenBits)
        }

        /// The bytes at least `bound` (1…0x80), for a word without high bits.
        @inline(__always) static func atLeast(_ word: UInt64, _ bound: UInt8) -> UInt64 {
            (word &+ ones &* UInt64(0x80 - bound)) & highBits
        }
    }

    /// `plainASCIIScan` of the bytes, with `collapsed` found in the same word pass that proves the text
    /// plain ASCII (a few more operations per eight bytes), so a line made of one such text node needs
    /// no second pass in `collapseWhitespace`. (A single pass that also looked for letters and "<" per
    /// word cost twice the three passes it replaced: the letter loop stops at the first letter, and
    /// memchr finds "<" faster than any word test.)
    static func scanPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> ChunkScan? {
        guard let base = UnsafeRawPointer(bytes.baseAddress), !bytes.isEmpty else {
            return ChunkScan(whitespace: true, letter: false, lessThan: false, collapsed: true)
        }
        let count = bytes.count
        // Most text nodes are the indentation between tags (a line feed, spaces, tabs): settled by
        // one short loop. Such text is not collapsed (`collapseWhitespace` gives "" for it).
        var start = 0
        while start < count, bytes[start] == 0x0A || bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        if start == count { return ChunkScan(whitespace: true, letter: false, lessThan: false, collapsed: false) }
        // Some byte below 0x20: tab, line feed and the like, or a control byte. `collapsed` is left
        // false for all of them (a control byte that is not whitespace then takes the general path,
        // which gives the same text).
        var belowSpace = false
        var doubleSpaces: UInt64 = 0
        // 0x80 when the byte before the current word is a space.
        var spaceBefore: UInt64 = 0
        var index = 0
        while index + 8 <= count {
            let word = ScanWords.load(base, index)
            if word & ScanWords.highBits != 0 { return nil }
            // Borrows out of a byte only when that byte is below 0x20, so non-zero exactly when some
            // byte is (the word has no high bits).
            if (word &- ScanWords.ones &* 0x20) & ~word & ScanWords.highBits != 0 {
                if ScanWords.equal(word, 0x0D) != 0 { return nil }
                belowSpace = true
            }
            let spaces = ScanWords.equal(word, 0x20)
            doubleSpaces |= spaces & ((spaces << 8) | spaceBefore)
            spaceBefore = spaces >> 56
            index += 8
        }
        var doubleSpace = doubleSpaces != 0
        var previousWasSpace = spaceBefore != 0
        while index < count {
            let byte = bytes[index]
            if byte >= 0x80 || byte == 0x0D { return nil }
            if byte < 0x20 { belowSpace = true }
            let isSpace = byte == 0x20
            if isSpace && previousWasSpace { doubleSpace = true }
            previousWasSpace = isSpace
            index += 1
        }
        var whitespace = true
        var letter = false
        for byte in bytes {
            if TextScan.isASCIILetter(byte) { letter = true; whitespace = false; break }
            if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) { whitespace = false }
        }
        // `collapseWhitespace` keeps ASCII text as it is when its only whitespace is single spaces
        // between other bytes (Markup's `isCollapsed`).
        let collapsed = !belowSpace && !doubleSpace && bytes[0] != 0x20 && bytes[count - 1] != 0x20
        return ChunkScan(whitespace: whitespace, letter: letter, lessThan: memchr(base, 0x3C, count) != nil, collapsed: collapsed)
    }

    /// Whether some ASCII byte passing `test` starts a `Character` of the text: one that is first or
    /// follows another ASCII byte. A grapheme break always falls before such a byte (no ASCII scalar
    /// is a prepended mark, and an ASCII byte that `test` passes is never the line feed of a CR-LF),
    /// so it is that `Character`'s first scalar, which is what `Character.isLetter`, `isNumber` and
    /// `isWhitespace` read.
    @inline(__always)
    static func someCharacterStarts(
        withASCII bytes: UnsafeBufferPointer<UInt8>, where test: (UInt8) -> Bool
    ) -> (found: Bool, allASCII: Bool) {
        var previous: UInt8 = 0
        var high: UInt8 = 0
        for byte in bytes {
            if byte < 0x80, previous < 0x80, test(byte) { return (true, false) }
            high |= byte
            previous = byte
        }
        return (false, high < 0x80)
    }

    /// `styleCues(ofLowercased:)` of the lower-cased bytes for an ASCII style, without lower-casing
    /// them first; nil when some byte is above 0x7F. Eight bytes at a time it finds where a needle
    /// could start ("m" for `mso-…`, "f" for `font-weight`, either case) and compares only there,
    /// folding case as it compares. Every needle byte other than a letter is one that lower-casing
    /// leaves alone and that no other byte lower-cases to, so the comparison is exact.
    static func styleCuesIfASCII(_ style: UnsafeBufferPointer<UInt8>) -> StyleCues? {
        var cues = StyleCues()
        guard let base = UnsafeRawPointer(style.baseAddress) else { return cues }
        let count = style.count
        var index = 0
        while index + 8 <= count {
            let word = ScanWords.load(base, index)
            if word & ScanWords.highBits != 0 { return nil }
            let folded = word | (ScanWords.ones &* 0x20)
            var starts = ScanWords.equal(folded, 0x6D) | ScanWords.equal(folded, 0x66)
            while starts != 0 {
                styleNeedles(in: style, at: index + starts.trailingZeroBitCount >> 3, into: &cues)
                starts &= starts &- 1
            }
            index += 8
        }
        while index < count {
            let byte = style[index]
            if byte >= 0x80 { return nil }
            if byte | 0x20 == 0x6D || byte | 0x20 == 0x66 { styleNeedles(in: style, at: index, into: &cues) }
            index += 1
        }
        return cues
    }

    /// The needles of `styleCues` that start at `index` (an "m" or "f" of either case).
    @inline(__always)
    private static func styleNeedles(in style: UnsafeBufferPointer<UInt8>, at index: Int, into cues: inout StyleCues) {
        if style[index] | 0x20 == 0x6D {
            if !cues.listIgnore, matchesFoldingCase(style, at: index, "mso-list:ignore") || matchesFoldingCase(style, at: index, "mso-list: ignore") {
                cues.listIgnore = true
            }
            if !cues.tabCount, matchesFoldingCase(style, at: index, "mso-tab-count") { cues.tabCount = true }
        } else if !cues.bold, matchesFoldingCase(style, at: index, "font-weight") {
            cues.bold = boldWeights.contains { matchesFoldingCase(style, at: index, $0) }
        }
    }

    /// Whether the bytes from `start` lower-cased begin with `needle` (lower-case ASCII).
    @inline(__always)
    static func matchesFoldingCase(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: StaticString) -> Bool {
        let length = needle.utf8CodeUnitCount
        guard start + length <= bytes.count else { return false }
        let pattern = needle.utf8Start
        for offset in 0..<length where TextScan.lowerASCII(bytes[start + offset]) != pattern[offset] { return false }
        return true
    }
}

extension HTMLLines.ElementKind {
    /// `packedName` from the name's contiguous bytes (a small string's are lent from the stack): walking
    /// `name.utf8` decoded the string's representation again for every byte.
    static func packedNameBytes(_ name: String) -> UInt64? {
        name.withBorrowedUTF8 { bytes -> UInt64? in
            guard bytes.count >= 1, bytes.count <= 8 else { return nil }
            var key: UInt64 = 0
            for offset in 0..<bytes.count {
                let byte = bytes[offset]
                guard byte != 0, byte < 0x80 else { return nil }
                key |= UInt64(byte) << UInt64(offset * 8)
            }
            return key
        }
    }
}
