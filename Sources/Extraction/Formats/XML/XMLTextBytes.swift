import Markup

/// Byte-level checks on the texts XML readers hand around, eight bytes at a time.
enum XMLTextBytes {
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowSevenBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each byte of `word` that equals `byte`, exactly (no false hits after a match:
    /// the low seven bits are added without carrying into the next byte).
    @inline(__always)
    static func bytesEqual(_ word: UInt64, to byte: UInt8) -> UInt64 {
        let other = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((other & lowSevenBits) &+ lowSevenBits) | other) & highBits
    }
}

extension MarkupElement {
    /// The same as `text` (visible text, whitespace collapsed), which is what it now returns: `text`
    /// collapses an element's one text node as it is stored, where this getter used to list the text
    /// nodes first (an array allocated and released for every value read).
    var xmlText: String { text }
}

extension XMLTextBytes {
    /// `isCollapsedASCII(bytes)` (ASCII, no whitespace but single spaces between words, none at either
    /// end) in one pass, eight bytes at a time: Markup's answers it with two, a test for ASCII and then
    /// the collapse test, and every duty line of an HR-XML résumé is asked.
    static func isCollapsedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        guard first != 0x20, last != 0x20, let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var previousWasSpace = false
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            guard word & highBits == 0 else { return false }
            // ASCII bytes plus 0x60 stay below 0x100 (no carry between bytes): the high bit is clear
            // exactly for the bytes below 0x20, the control bytes, which the byte test below judges.
            if ~(word &+ 0x6060_6060_6060_6060) & highBits != 0 {
                for offset in index..<(index + 8) where !isCollapsedASCII(bytes[offset], after: &previousWasSpace) { return false }
            } else {
                let spaces = bytesEqual(word, to: 0x20)
                if spaces & (spaces >> 8) != 0 || (previousWasSpace && spaces & 0x80 != 0) { return false }
                previousWasSpace = spaces >> 63 != 0
            }
            index += 8
        }
        while index < bytes.count {
            guard isCollapsedASCII(bytes[index], after: &previousWasSpace) else { return false }
            index += 1
        }
        return true
    }

    /// Whether `byte` may stand in collapsed ASCII after a space (when `previousWasSpace`) or another
    /// byte; notes whether it is a space. Control bytes other than tab, line feed, vertical tab, form
    /// feed and carriage return are no whitespace, so they may stand anywhere.
    @inline(__always)
    private static func isCollapsedASCII(_ byte: UInt8, after previousWasSpace: inout Bool) -> Bool {
        if byte >= 0x80 || (byte >= 0x09 && byte <= 0x0D) { return false }
        if byte == 0x20 {
            if previousWasSpace { return false }
            previousWasSpace = true
        } else {
            previousWasSpace = false
        }
        return true
    }
}
