import Extraction

/// Lower-casing of ASCII text eight bytes at a time. Every scorable line of every file is lower-cased,
/// and the standard library's byte-by-byte path (behind `TextScan.lowercased`, after its own scan for
/// non-ASCII bytes) cost about 27 instructions a byte there.
enum ASCIILowercasing {
    /// `TextScan.lowercased(text)` when `text` is ASCII (A–Z become a–z, every other byte stays), nil
    /// for other text (and for empty text, which the general path handles as cheaply).
    static func lowercased(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let count = bytes.count
            guard count > 0, let base = UnsafeRawPointer(bytes.baseAddress) else { return nil }
            guard isASCII(base, count) else { return nil }
            return String(unsafeUninitializedCapacity: count) { buffer in
                let target = UnsafeMutableRawPointer(buffer.baseAddress!)
                var offset = 0
                while offset + 8 <= count {
                    target.storeBytes(of: lowered(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)), toByteOffset: offset, as: UInt64.self)
                    offset += 8
                }
                while offset < count {
                    let byte = base.load(fromByteOffset: offset, as: UInt8.self)
                    target.storeBytes(of: byte &- 0x41 < 26 ? byte | 0x20 : byte, toByteOffset: offset, as: UInt8.self)
                    offset += 1
                }
                return count
            }
        }
    }

    /// `first.lowercased() + " " + second.lowercased()` when both texts are ASCII (A–Z become a–z,
    /// every other byte stays, as `lowercased()` maps ASCII), written into one string; nil otherwise.
    /// The education criterion joins a degree's field and name so for every file, and the general way
    /// was three strings and about 1,500 instructions.
    static func lowercasedJoined(_ first: String, _ second: String) -> String? {
        first.withBorrowedUTF8 { firstBytes -> String? in
            second.withBorrowedUTF8 { secondBytes -> String? in
                for byte in firstBytes where byte >= 0x80 { return nil }
                for byte in secondBytes where byte >= 0x80 { return nil }
                let count = firstBytes.count + 1 + secondBytes.count
                return String(unsafeUninitializedCapacity: count) { buffer in
                    var offset = 0
                    @inline(__always) func write(_ byte: UInt8) {
                        buffer[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                        offset += 1
                    }
                    for byte in firstBytes { write(byte) }
                    write(0x20)
                    for byte in secondBytes { write(byte) }
                    return count
                }
            }
        }
    }

    /// No byte of the `count` bytes at `base` has its top bit set (read eight at a time).
    @inline(__always)
    private static func isASCII(_ base: UnsafeRawPointer, _ count: Int) -> Bool {
        var any: UInt64 = 0
        var offset = 0
        while offset + 8 <= count {
            any |= base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        var tail: UInt8 = 0
        while offset < count {
            tail |= base.load(fromByteOffset: offset, as: UInt8.self)
            offset += 1
        }
        return any & 0x8080_8080_8080_8080 == 0 && tail < 0x80
    }

    /// `lowercased(text)`, with `pairs` set to `BytePairs` of the result, worked out in one pass over
    /// the text: every scorable line needs both, and `BytePairs.init` read the lower-cased copy again
    /// a byte at a time. Here the slots of eight pairs come from one word (see `pairSlots`). Nil
    /// exactly when `lowercased(text)` is nil (non-ASCII or empty text), and `pairs` is then unchanged.
    /// (`pairs` is `inout` rather than part of an optional tuple returned: the tuple was copied out
    /// of its optional again, a retain and release of the string per line.)
    static func lowercased(_ text: String, pairs: inout BytePairs) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let count = bytes.count
            guard count > 0, let base = UnsafeRawPointer(bytes.baseAddress) else { return nil }
            guard isASCII(base, count) else { return nil }
            var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            let result = String(unsafeUninitializedCapacity: count) { buffer in
                words = lowerAndPair(base, count, into: UnsafeMutableRawPointer(buffer.baseAddress!))
                return count
            }
            pairs = BytePairs(words: words)
            return result
        }
    }

    /// `BytePairs` of `lowercased(text)` for ASCII text, without the lower-cased copy (the scorer folds
    /// case as it searches an ASCII line instead); `BytePairs("")` for empty text; nil for other text.
    static func pairsOfLowercased(_ text: String) -> BytePairs? {
        text.withBorrowedUTF8 { pairsOfLowercased($0) }
    }

    /// `pairsOfLowercased` of the text whose UTF-8 bytes are `bytes` (for a caller that reads them for
    /// more than the pairs).
    @inline(__always)
    static func pairsOfLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> BytePairs? {
        let count = bytes.count
        guard count > 0, let base = UnsafeRawPointer(bytes.baseAddress) else { return BytePairs(words: (0, 0, 0, 0)) }
        guard isASCII(base, count) else { return nil }
        return BytePairs(words: count < tableLength ? lowerAndPair(base, count, into: nil) : tablePairs(base, count))
    }

    /// From this many bytes on, `tablePairs` is the cheaper way to the pairs: its table costs about as
    /// much to clear and pack as `lowerAndPair` spends on seven words of text.
    static let tableLength = 64

    /// `lowerAndPair(base, count, into: nil)` for `count` of at least eight, through a table of one byte
    /// per slot: each pair stores a byte where `lowerAndPair` shifts a bit into place and reads and
    /// writes back a word of the set (each such write waits for the one before to the same word), and
    /// the table becomes bits once at the end, eight bytes (each 0 or 1) to eight bits by one
    /// multiplication.
    static func tablePairs(_ base: UnsafeRawPointer, _ count: Int) -> (UInt64, UInt64, UInt64, UInt64) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 32) { table -> (UInt64, UInt64, UInt64, UInt64) in
            table.initialize(repeating: 0)
            let slotBytes = UnsafeMutableRawPointer(table.baseAddress!)
            forEachPairSlot(base, count, storingAt: nil) { slot in
                slotBytes.storeBytes(of: 1, toByteOffset: Int(truncatingIfNeeded: slot), as: UInt8.self)
            }
            // Slot `s` is byte `s % 8` of table word `s / 8`, and goes to bit `s % 64` of word `s / 64`.
            @inline(__always) func packed(_ word: Int) -> UInt64 {
                var bits: UInt64 = 0
                for part in 0..<8 {
                    // Byte `i` (0 or 1) of the table word lands on bit 56 + `i` of the product, and
                    // nothing else reaches bits 56…63 (checked for all 256 byte patterns in the tests).
                    bits |= ((table[word &* 8 &+ part] &* 0x0102_0408_1020_4080) >> 56) << UInt64(part &* 8)
                }
                return bits
            }
            return (packed(0), packed(1), packed(2), packed(3))
        }
    }

    /// The `BytePairs` words of the `count` ASCII bytes at `base` lower-cased (`count` > 0), the
    /// lower-cased bytes stored at `target` as well when it is given.
    @inline(__always)
    private static func lowerAndPair(_ base: UnsafeRawPointer, _ count: Int, into target: UnsafeMutableRawPointer?) -> (UInt64, UInt64, UInt64, UInt64) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            let word = raw.baseAddress!.assumingMemoryBound(to: UInt64.self)
            forEachPairSlot(base, count, storingAt: target) { slot in
                word[Int(truncatingIfNeeded: slot >> 6)] |= UInt64(1) << (slot & 63)
            }
        }
        return words
    }

    /// Hands `record` the `BytePairs` slot, (previous byte × 31 + byte) mod 256, of each pair of the
    /// `count` ASCII bytes at `base` lower-cased (`count` > 0), eight at a time where it can; the lower-
    /// cased bytes are stored at `target` as well when it is given. The text's first byte ends no pair:
    /// its place in the first word repeats the second byte's slot (recording a slot twice changes
    /// nothing). `lowerAndPair` records slots as bits, `tablePairs` as bytes of a table.
    @inline(__always)
    private static func forEachPairSlot(
        _ base: UnsafeRawPointer, _ count: Int, storingAt target: UnsafeMutableRawPointer?, _ record: (UInt64) -> Void
    ) {
        // The lower-cased byte before the current word (none before the first).
        var previous: UInt64 = 0
        var offset = 0
        while offset + 8 <= count {
            let chunk = lowered(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            target?.storeBytes(of: chunk, toByteOffset: offset, as: UInt64.self)
            var slots = pairSlots(chunk, after: previous)
            if offset == 0 { slots = (slots & ~0xFF) | ((slots >> 8) & 0xFF) }
            record(slots & 0xFF)
            record((slots >> 8) & 0xFF)
            record((slots >> 16) & 0xFF)
            record((slots >> 24) & 0xFF)
            record((slots >> 32) & 0xFF)
            record((slots >> 40) & 0xFF)
            record((slots >> 48) & 0xFF)
            record(slots >> 56)
            previous = chunk >> 56
            offset += 8
        }
        while offset < count {
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            let low = byte &- 0x41 < 26 ? byte | 0x20 : byte
            target?.storeBytes(of: low, toByteOffset: offset, as: UInt8.self)
            // As `BytePairs.init`: (previous × 31 + byte) mod 256.
            if offset > 0 { record((previous &* 31 &+ UInt64(low)) & 255) }
            previous = UInt64(low)
            offset += 1
        }
    }

    /// The `BytePairs` slots, (previous byte × 31 + byte) mod 256, of the eight pairs ending in the
    /// bytes of `word`, as the bytes of the result; `before` is the byte before the word's first (below
    /// 0x100). Every byte is ASCII (below 0x80). Byte by byte: `shifted` holds each byte's predecessor;
    /// × 31 is × 32 (a shift, masked to each byte's own top three bits) minus one. The sum and the
    /// difference keep each byte's carry or borrow out of its neighbour: seven low bits are added
    /// (or taken from the byte with its top bit set, which never borrows) and the top bit is fixed by
    /// "xor", as the operand added or taken (a byte of `word` or `shifted`) has no top bit.
    @inline(__always) static func pairSlots(_ word: UInt64, after before: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let shifted = (word << 8) | before
        let times32 = (shifted << 5) & 0xE0E0_E0E0_E0E0_E0E0
        // times32 + word, byte by byte.
        let sum = ((times32 & low) &+ word) ^ (times32 & high)
        // sum - shifted, byte by byte.
        return ((sum | high) &- shifted) ^ (~sum & high)
    }

    /// Eight ASCII bytes (each below 0x80) with A–Z lower-cased. Adding 0x3F to a byte sets its top bit
    /// when it is at least "A" (0x41); adding 0x25 when it is past "Z" (0x5B and up); neither sum carries
    /// into the next byte, as every byte is below 0x80. Upper-case bytes get 0x20 added through "or".
    @inline(__always) static func lowered(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = word &+ 0x2525_2525_2525_2525
        let upper = atLeastA & ~pastZ & high
        return word | (upper >> 2)
    }
}
