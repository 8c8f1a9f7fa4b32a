/// One pass over a line of plain XML text (a duty of an HR-XML `Description`): where it ends and, when
/// it is the common kind, the bytes `collapsedASCIIValue` keeps of it.
///
/// Why: `plainLines` read every line twice, once eight bytes at a time for its end (`firstBreakCandidate`)
/// and once more eight bytes at a time to learn that it is collapsed ASCII (`collapsedASCIIValue`); the
/// duty lines are most of an HR-XML résumé's bytes. Here one word test answers both for the usual eight
/// bytes (printable ASCII, no backslash, no two spaces side by side). A line that is anything else comes
/// back without `kept`, and `plainLines` reads it as before.
extension XMLRichText {
    struct LineScan: Equatable {
        /// The index of the line's break (line feed, carriage return, or a backslash starting a literal
        /// `\n` or `\r`), or the byte count for the last line.
        var end: Int
        /// `collapsedASCIIValue(of: bytes, in: lineStart..<end)` when it is known to be non-nil: the line after
        /// its indent, bullet and the whitespace after that, without trailing spaces. Nil when the line
        /// holds a byte that is not printable ASCII or two spaces side by side after that prefix (the
        /// caller then asks `collapsedASCIIValue`).
        var kept: Range<Int>?
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let spaceInEachByte: UInt64 = 0x2020_2020_2020_2020

    static func scanLine(in bytes: UnsafeBufferPointer<UInt8>, from lineStart: Int) -> LineScan {
        let count = bytes.count
        // The prefix as `collapsedASCIIValue` cuts it: spaces and tabs, a bullet followed by a space or tab,
        // then whitespace. None of these bytes is a break, and the whitespace skip stops at a line feed or
        // carriage return (a break) exactly where that function's stops at the line's end.
        var start = lineStart
        while start < count && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        if start < count {
            // The byte after the bullet is a space or tab, so it lies before the line's end.
            let bulletLength = scalarLength(leadByte: bytes[start])
            if start + bulletLength < count, bytes[start + bulletLength] == 0x20 || bytes[start + bulletLength] == 0x09,
               isBullet(scalar(in: bytes, at: start, length: bulletLength)) {
                start += bulletLength
            }
        }
        while start < count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0B || bytes[start] == 0x0C {
            start += 1
        }
        var index = start
        var previousWasSpace = false
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                // Bytes over 0x7F, below 0x20 (line feed, carriage return, tab …) and backslashes. The
                // below-0x20 test can flag a byte after a true hit (a borrow), never one before: the lowest
                // flag is always a true one, and only it is used.
                let special = word & highBits | (word &- spaceInEachByte) & ~word & highBits
                    | XMLTextBytes.bytesEqual(word, to: 0x5C)
                if special == 0 {
                    let spaces = XMLTextBytes.bytesEqual(word, to: 0x20)
                    if spaces & (spaces >> 8) != 0 || (previousWasSpace && spaces & 0x80 != 0) {
                        return LineScan(end: lineEnd(in: bytes, from: index), kept: nil)
                    }
                    previousWasSpace = spaces >> 63 != 0
                    index += 8
                    continue
                }
                // The bytes before the first special one are printable ASCII: their spaces are judged from
                // the word as above, only the special byte on its own.
                let plainCount = special.trailingZeroBitCount / 8
                if plainCount > 0 {
                    let plainBits = UInt64(plainCount) &* 8
                    let spaces = XMLTextBytes.bytesEqual(word, to: 0x20) & ((1 &<< plainBits) &- 1)
                    if spaces & (spaces >> 8) != 0 || (previousWasSpace && spaces & 0x80 != 0) {
                        return LineScan(end: lineEnd(in: bytes, from: index), kept: nil)
                    }
                    previousWasSpace = (spaces >> (plainBits &- 1)) & 1 != 0
                    index += plainCount
                }
                switch step(bytes, at: index, previousWasSpace: &previousWasSpace) {
                case .plain: index += 1
                case .lineBreak: return LineScan(end: index, kept: keptRange(bytes, start, index))
                case .other: return LineScan(end: lineEnd(in: bytes, from: index), kept: nil)
                }
            }
        }
        while index < count {
            switch step(bytes, at: index, previousWasSpace: &previousWasSpace) {
            case .plain: index += 1
            case .lineBreak: return LineScan(end: index, kept: keptRange(bytes, start, index))
            case .other: return LineScan(end: lineEnd(in: bytes, from: index), kept: nil)
            }
        }
        return LineScan(end: count, kept: keptRange(bytes, start, count))
    }

    private enum ByteKind {
        /// Printable ASCII, or a space after a byte that is not one.
        case plain
        /// The line's break starts here.
        case lineBreak
        /// Anything else: the line is not plain collapsed ASCII.
        case other
    }

    @inline(__always)
    private static func step(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, previousWasSpace: inout Bool) -> ByteKind {
        let byte = bytes[index]
        if byte == 0x0A || byte == 0x0D { return .lineBreak }
        if byte == 0x5C {
            if index + 1 < bytes.count && (bytes[index + 1] == UInt8(ascii: "n") || bytes[index + 1] == UInt8(ascii: "r")) {
                return .lineBreak
            }
            previousWasSpace = false
            return .plain
        }
        if byte < 0x20 || byte >= 0x80 { return .other }
        if byte == 0x20 {
            if previousWasSpace { return .other }
            previousWasSpace = true
        } else {
            previousWasSpace = false
        }
        return .plain
    }

    /// The kept bytes of a line that is plain collapsed ASCII from `start` to `end` but for single trailing
    /// spaces: those cut off, as `collapsedASCIIValue` trims them.
    @inline(__always)
    private static func keptRange(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
        var last = end
        while last > start && bytes[last - 1] == 0x20 { last -= 1 }
        return start..<last
    }

    /// The index of the first break at or after `index` (line feed, carriage return, backslash before
    /// `n` or `r`), or the byte count: the line split `plainLines` made before this scan.
    static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while true {
            index = firstBreakCandidate(in: bytes, from: index)
            guard index < bytes.count else { return index }
            if bytes[index] != 0x5C { return index }
            if index + 1 < bytes.count && (bytes[index + 1] == UInt8(ascii: "n") || bytes[index + 1] == UInt8(ascii: "r")) {
                return index
            }
            index += 1
        }
    }
}
