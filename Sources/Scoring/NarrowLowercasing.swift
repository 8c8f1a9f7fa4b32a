import Extraction

/// Lower-casing, with the byte pairs of the result, of text whose only non-ASCII characters are
/// Latin-1 (U+0080…U+00FF) or general punctuation (U+2000…U+203F: dashes, curly quotes, bullets,
/// ellipses). That is nearly every non-ASCII scorable line (accented names and places, "2019–2021",
/// "•"), and `TextScan.lowercased` built such a line from a string per non-ASCII scalar (its lower-case
/// mapping) and one per ASCII run between them, about 4,000 instructions a line, before `BytePairs`
/// read the result again.
///
/// In those two blocks the lower-case mapping is one scalar of the same UTF-8 length: U+00C0…U+00DE
/// but U+00D7 (×) gain 0x20 (À → à … Þ → þ, all written C3 80…9E → C3 A0…BE), every other scalar maps
/// to itself (a test checks each against `Unicode.Scalar.Properties.lowercaseMapping`). So the result
/// is written byte for byte into a string of the same length, and it is what `lowercased()` (the
/// concatenation of each scalar's mapping) gives. Any other non-ASCII scalar sends the text back to
/// the general path.
enum NarrowLowercasing {
    /// `TextScan.lowercased(text)`, with `pairs` set to `BytePairs` of it, when every non-ASCII scalar of
    /// `text` lies in U+0080…U+00FF or U+2000…U+203F; nil otherwise (`pairs` then unchanged).
    static func lowercased(_ text: String, pairs: inout BytePairs) -> String? {
        text.withBorrowedUTF8 { bytes -> String? in
            let count = bytes.count
            guard count > 0, let source = bytes.baseAddress else { return nil }
            var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            var written = true
            let result = String(unsafeUninitializedCapacity: count) { buffer -> Int in
                let target = buffer.baseAddress!
                written = withUnsafeMutableBytes(of: &words) { raw -> Bool in
                    let word = raw.baseAddress!.assumingMemoryBound(to: UInt64.self)
                    // The pair ending at each byte written after the first, as `BytePairs.init` reads them.
                    var previous: UInt32 = 0
                    @inline(__always) func put(_ byte: UInt8, at index: Int) {
                        target[index] = byte
                        if index > 0 {
                            let slot = Int((previous &* 31 &+ UInt32(byte)) & 255)
                            word[slot >> 6] |= UInt64(1) << UInt64(slot & 63)
                        }
                        previous = UInt32(byte)
                    }
                    var index = 0
                    while index < count {
                        let byte = source[index]
                        if byte < 0x80 {
                            put(byte &- 0x41 < 26 ? byte | 0x20 : byte, at: index)
                            index += 1
                        } else if byte == 0xC2 {
                            // U+0080…U+00BF: no letter here changes when lower-cased.
                            put(byte, at: index)
                            put(source[index + 1], at: index + 1)
                            index += 2
                        } else if byte == 0xC3 {
                            // U+00C0…U+00FF: the upper-case letters (all but ×, C3 97) become lower-case.
                            let second = source[index + 1]
                            put(byte, at: index)
                            put(second <= 0x9E && second != 0x97 ? second &+ 0x20 : second, at: index + 1)
                            index += 2
                        } else if byte == 0xE2 && source[index + 1] == 0x80 {
                            // U+2000…U+203F: spaces and punctuation, none cased.
                            put(byte, at: index)
                            put(0x80, at: index + 1)
                            put(source[index + 2], at: index + 2)
                            index += 3
                        } else {
                            return false
                        }
                    }
                    return true
                }
                return written ? count : 0
            }
            guard written else { return nil }
            pairs = BytePairs(words: words)
            return result
        }
    }
}
