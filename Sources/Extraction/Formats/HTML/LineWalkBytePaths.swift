import Markup

/// Byte paths of the HTML line reader for work it did with Strings: collapsing the whitespace of a line
/// that is not plain ASCII, asking whether a chunk holds a letter. Each gives the answer of the code it
/// stands in for on any valid UTF-8 (the tests keep that code as the reference).
extension HTMLLines {
    /// Markup's `collapseWhitespace` of the valid UTF-8 in `buffer`, written over it; returns the length
    /// of the result. Whitespace is judged as there: an ASCII space, tab, line feed, vertical tab, form
    /// feed or carriage return, or a scalar with the Unicode White_Space property, a no-break space or a
    /// zero-width space; a run of it becomes one space, none at the ends. In place is safe: a byte is
    /// written only after it has been read (a pending space stands for at least one byte not kept).
    static func collapseWhitespaceInPlace(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeMutableRawPointer(base)
        var count = 0
        var pendingSpace = false
        var index = 0
        let end = buffer.count
        while index < end {
            // Eight printable ASCII bytes with single spaces between them (none at either end) are kept
            // as they are, as Markup's collapse keeps them: loaded before being stored, so the store
            // (at `count`, never past `index`) may overlap them.
            if index + 8 <= end {
                let word = ScanWords.load(UnsafeRawPointer(raw), index)
                if isPlainCollapsedWord(word) {
                    if pendingSpace {
                        base[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    raw.storeBytes(of: word.littleEndian, toByteOffset: count, as: UInt64.self)
                    count += 8
                    index += 8
                    continue
                }
            }
            let lead = base[index]
            if lead < 0x80 {
                if lead == 0x20 || (lead >= 0x09 && lead <= 0x0D) {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace {
                        base[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    base[count] = lead
                    count += 1
                }
                index += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length where index + offset < end {
                value = value << 6 | UInt32(base[index + offset] & 0x3F)
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{200B}" {
                pendingSpace = count > 0
            } else {
                if pendingSpace {
                    base[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                for offset in index..<min(index + length, end) {
                    base[count] = base[offset]
                    count += 1
                }
            }
            index += length
        }
        return count
    }

    /// Printable ASCII or single spaces, with a printable byte first and last (Markup's
    /// `CollapseWords.isPlainWord`): bytes the collapse keeps as they are, between printable neighbours.
    @inline(__always)
    static func isPlainCollapsedWord(_ word: UInt64) -> Bool {
        guard word & ScanWords.highBits == 0, (word &- ScanWords.ones &* 0x20) & ~word & ScanWords.highBits == 0 else { return false }
        let spaces = ScanWords.equal(word, 0x20)
        return spaces & (spaces >> 8) == 0 && spaces & 0x8000_0000_0000_0080 == 0
    }

    /// Whether some scalar of the (valid) UTF-8 bytes has the Unicode Alphabetic property. A text with none
    /// has no letter `Character` (`Character.isLetter` asks its first scalar, one of the text's).
    static func someScalarIsAlphabetic(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if TextScan.isASCIILetter(lead) { return true }
                index += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length where index + offset < bytes.count {
                value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            }
            // (A malformed sequence cannot occur in a String's UTF-8; if one did, it is not ruled out.)
            guard let scalar = Unicode.Scalar(value) else { return true }
            if scalar.properties.isAlphabetic { return true }
            index += length
        }
        return false
    }
}
