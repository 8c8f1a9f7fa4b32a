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
            let high: UInt64 = 0x8080_8080_8080_8080
            // ASCII: no byte with its top bit set.
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
            guard any & high == 0, tail < 0x80 else { return nil }
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
