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

    /// The high bit of each byte of `word` that equals `byte`, exactly (no false hits after a match:
    /// the low seven bits are added without carrying into the next byte).
    @inline(__always)
    static func bytesEqual(_ word: UInt64, to byte: UInt8) -> UInt64 {
        let other = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((other & lowSevenBits) &+ lowSevenBits) | other) & highBits
    }

    /// Whether the text is ASCII with no whitespace but single spaces between words and none at the
    /// ends (true for empty text): the predicate `collapseWhitespace` uses to return its input as it is.
    static func isCollapsedASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { isCollapsedASCII($0) } ?? false
    }

    static func isCollapsedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        guard first != 0x20, last != 0x20 else { return false }
        var state = ScanState()
        return collapsedWords(bytes, &state) && collapsedScalars(bytes, &state, allowNonASCII: false)
    }

    /// Whether `collapseWhitespace` gives the text back byte for byte: no white space (as it counts it:
    /// Unicode White_Space, no-break and zero-width space) but single ASCII spaces between words, none
    /// at the ends. ASCII runs go eight bytes at a time; other scalars are decoded and judged as
    /// `collapseWhitespace` judges them. Why: a value with one "é" or "–" went through the whole
    /// collapse, a new string written scalar by scalar, to come out the same.
    static func isCollapsed(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last else { return true }
            guard first != 0x20, last != 0x20 else { return false }
            var state = ScanState()
            return collapsedWords(bytes, &state) && collapsedScalars(bytes, &state, allowNonASCII: true)
        } ?? false
    }

    private struct ScanState {
        var index = 0
        var previousWasSpace = false
    }

    /// Scans whole ASCII words from `state.index`; stops at the first word holding a byte over 0x7F or
    /// at the last whole word. False when a scanned word breaks the rule.
    private static func collapsedWords(_ bytes: UnsafeBufferPointer<UInt8>, _ state: inout ScanState) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        while state.index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: state.index, as: UInt64.self))
            if word & highBits != 0 { return true }
            // Some byte in 0x09...0x0D (tab, line feed, vertical tab, form feed, carriage return).
            if (word &+ fromTab) & ~(word &+ pastCarriageReturn) & highBits != 0 { return false }
            // The high bit of each byte that is a space: x = byte ^ 0x20 is under 0x80, and x + 0x7F
            // reaches the high bit exactly when x is not zero.
            let other = word ^ spaces
            let spaceBits = ~((other &+ lowSevenBits) | other) & highBits
            // Two spaces side by side in the word (byte i and i + 1), or across the previous word.
            if spaceBits & (spaceBits >> 8) != 0 { return false }
            if state.previousWasSpace && spaceBits & 0x80 != 0 { return false }
            state.previousWasSpace = spaceBits >> 63 != 0
            state.index += 8
        }
        return true
    }

    /// Scans the rest scalar by scalar, decoding as `collapseWhitespace` does.
    private static func collapsedScalars(_ bytes: UnsafeBufferPointer<UInt8>, _ state: inout ScanState, allowNonASCII: Bool) -> Bool {
        var index = state.index
        var previousWasSpace = state.previousWasSpace
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead >= 0x09 && lead <= 0x0D { return false }
                let isSpace = lead == 0x20
                if isSpace && previousWasSpace { return false }
                previousWasSpace = isSpace
                index += 1
                continue
            }
            guard allowNonASCII else { return false }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length where index + offset < bytes.count {
                value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{200B}" { return false }
            previousWasSpace = false
            index += length
        }
        state.index = index
        state.previousWasSpace = previousWasSpace
        return true
    }
}

extension XMLValues {
    /// `collapseWhitespace(text)`, without its work for text it would give back as it is: answered by
    /// `isCollapsed`, word-wise for ASCII.
    static func collapsed(_ text: String) -> String {
        XMLTextBytes.isCollapsed(text) ? text : collapseWhitespace(text)
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
