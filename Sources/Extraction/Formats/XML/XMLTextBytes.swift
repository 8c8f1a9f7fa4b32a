import Markup

/// Byte-level checks on the short texts XML readers hand around (element values, duty lines), eight
/// bytes at a time.
///
/// Why: `XMLValues.meaningful` is asked of every value and every evidence line, most of them already
/// collapsed (a duty line comes out of `XMLRichText` collapsed, then is checked again as evidence).
/// `collapseWhitespace` answers those by a byte-at-a-time scan that cost more than the rest of adding
/// a duty; this scan gives the same answer in about a sixth of the instructions.
enum XMLTextBytes {
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowSevenBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let spaces: UInt64 = 0x2020_2020_2020_2020
    /// Added to bytes under 0x80, sets the high bit of exactly those ≥ 0x09 (no carry: 0x7F + 0x77 < 0x100).
    private static let fromTab: UInt64 = 0x7777_7777_7777_7777
    /// Added to bytes under 0x80, sets the high bit of exactly those ≥ 0x0E.
    private static let pastCarriageReturn: UInt64 = 0x7272_7272_7272_7272

    /// Whether the text is ASCII with no whitespace but single spaces between words and none at the
    /// ends (true for empty text): the predicate `collapseWhitespace` uses to return its input as it is,
    /// so `collapsed(text)` below may skip the call then.
    static func isCollapsedASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { isCollapsedASCII($0) } ?? false
    }

    /// The high bit of each byte of `word` that equals `byte`, exactly (no false hits after a match:
    /// the low seven bits are added without carrying into the next byte).
    @inline(__always)
    static func bytesEqual(_ word: UInt64, to byte: UInt8) -> UInt64 {
        let other = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((other & lowSevenBits) &+ lowSevenBits) | other) & highBits
    }

    static func isCollapsedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        guard first != 0x20, last != 0x20, let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var previousWasSpace = false
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            if word & highBits != 0 { return false }
            // Some byte in 0x09...0x0D (tab, line feed, vertical tab, form feed, carriage return).
            if (word &+ fromTab) & ~(word &+ pastCarriageReturn) & highBits != 0 { return false }
            // The high bit of each byte that is a space: x = byte ^ 0x20 is under 0x80, and x + 0x7F
            // reaches the high bit exactly when x is not zero.
            let other = word ^ spaces
            let spaceBits = ~((other &+ lowSevenBits) | other) & highBits
            // Two spaces side by side in the word (byte i and i + 1), or across the previous word.
            if spaceBits & (spaceBits >> 8) != 0 { return false }
            if previousWasSpace && spaceBits & 0x80 != 0 { return false }
            previousWasSpace = spaceBits >> 63 != 0
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 || (byte >= 0x09 && byte <= 0x0D) { return false }
            let isSpace = byte == 0x20
            if isSpace && previousWasSpace { return false }
            previousWasSpace = isSpace
            index += 1
        }
        return true
    }
}

extension XMLValues {
    /// `collapseWhitespace(text)`, without its byte-at-a-time scan for text that is already collapsed
    /// ASCII: the same predicate, answered word-wise; `collapseWhitespace` returns such text unchanged.
    static func collapsed(_ text: String) -> String {
        XMLTextBytes.isCollapsedASCII(text) ? text : collapseWhitespace(text)
    }
}

extension MarkupElement {
    /// The same as `text` (visible text, whitespace collapsed). An element with one text node, the usual
    /// value element, is that node collapsed: no list of pieces and no joined copy.
    var xmlText: String {
        let nodes = textNodes
        if nodes.count == 1 { return nodes[0].isHidden ? "" : XMLValues.collapsed(nodes[0].value) }
        var pieces: [String] = []
        for piece in nodes where !piece.isHidden { pieces.append(piece.value) }
        return XMLValues.collapsed(pieces.joined())
    }
}
