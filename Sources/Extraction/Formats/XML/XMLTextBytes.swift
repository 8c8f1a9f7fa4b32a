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
