/// `LineFields.wordRoles` looked up by a word's bytes instead of by a `String`: `wordRoleCounts` reads
/// every word of every field piece, and building a String per word and hashing it through `Dictionary`
/// cost more than the rest of the word pass. Here a word of at most 16 bytes is lower-cased while it is
/// packed into two integers, and found in an open-addressed table by comparing those integers.
/// Every key of `wordRoles` is at most 16 bytes (checked when the table is built), so a longer word is
/// in no set: the answer is exact for every word.
struct PackedWordRoles: Sendable {
    /// A word lower-cased and packed little-endian: bytes 0–7 in `low`, 8–15 in `high`, and its length.
    private struct Key: Equatable, Sendable {
        var low: UInt64
        var high: UInt64
        var length: Int
    }

    /// An empty slot has a key of length -1, which no word has (no optional to unwrap per probe).
    private struct Slot: Sendable {
        var key: Key
        var roles: LineFields.WordRoles

        static let empty = Slot(key: Key(low: 0, high: 0, length: -1), roles: [])
        var isEmpty: Bool { key.length < 0 }
    }

    /// The longest word a key can be.
    static let longestWord = 16

    /// Open-addressed slots, a power of two at least four times the number of words.
    private let slots: [Slot]
    private let mask: Int

    init(_ roles: [String: LineFields.WordRoles]) {
        var capacity = 64
        while capacity < roles.count * 4 { capacity *= 2 }
        var slots = [Slot](repeating: .empty, count: capacity)
        for (word, wordRoles) in roles {
            let bytes = Array(word.utf8)
            precondition(bytes.count <= Self.longestWord, "PackedWordRoles holds words of at most 16 bytes")
            let key = bytes.withUnsafeBufferPointer { Self.key($0, 0..<$0.count, lowerCasing: false) }
            var index = Self.hash(key) & (capacity - 1)
            while !slots[index].isEmpty { index = (index + 1) & (capacity - 1) }
            slots[index] = Slot(key: key, roles: wordRoles)
        }
        self.slots = slots
        self.mask = capacity - 1
    }

    /// `wordRoles[TextScan.lowercasedASCII(bytes, word)] ?? []`, without the string.
    func roles(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> LineFields.WordRoles {
        guard word.count <= Self.longestWord else { return [] }
        let key = Self.key(bytes, word, lowerCasing: true)
        return slots.withUnsafeBufferPointer { slots in
            var index = Self.hash(key) & mask
            // The table is at most a quarter full, so an empty slot ends every probe.
            while !slots[index].isEmpty {
                if slots[index].key == key { return slots[index].roles }
                index = (index + 1) & mask
            }
            return []
        }
    }

    /// Packs `bytes[range]` (at most 16 bytes), lower-casing ASCII capitals when asked. The bytes are
    /// read eight at a time where the buffer allows (a byte at a time only in a buffer shorter than
    /// eight bytes) and lower-cased eight at a time (`lowerCasedASCII`): a byte-by-byte loop made the key
    /// most of a look-up's cost.
    @inline(__always) private static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lowerCasing: Bool) -> Key {
        let count = range.count
        guard count > 0, let base = bytes.baseAddress else { return Key(low: 0, high: 0, length: count) }
        var low = packed(base, bytes.count, range.lowerBound, min(count, 8))
        var high = count > 8 ? packed(base, bytes.count, range.lowerBound + 8, count - 8) : 0
        if lowerCasing {
            low = lowerCasedASCII(low)
            high = lowerCasedASCII(high)
        }
        return Key(low: low, high: high, length: count)
    }

    /// The `length` (1 to 8) bytes from `start` as a little-endian word, the bytes past them zero: one
    /// unaligned load of eight bytes from `start` when the buffer holds them, else of the eight that end
    /// at `start + length` shifted down, else (a buffer shorter than eight bytes) byte by byte.
    @inline(__always) private static func packed(_ base: UnsafePointer<UInt8>, _ count: Int, _ start: Int, _ length: Int) -> UInt64 {
        let raw = UnsafeRawPointer(base)
        let mask: UInt64 = length == 8 ? ~0 : (1 << UInt64(length * 8)) - 1
        if start + 8 <= count {
            return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)) & mask
        }
        let end = start + length
        if end >= 8 {
            return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self)) >> UInt64((8 - length) * 8)
        }
        var word: UInt64 = 0
        for offset in 0..<length { word |= UInt64(base[start + offset]) << UInt64(offset * 8) }
        return word
    }

    /// Each byte of `word` from "A" to "Z" (0x41–0x5A) with 0x20 added, every other byte as it is: what
    /// `TextScan.lowerASCII` does to each. On the low seven bits of each byte a sum stays below 0x100, so
    /// no byte carries into the next: bit 7 of `low + 0x3F` is set from 0x41 up, of `low + 0x25` from
    /// 0x5B up, and a byte whose own bit 7 is set (beyond ASCII) is left out.
    @inline(__always) static func lowerCasedASCII(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        let capitals = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low &+ 0x2525_2525_2525_2525) & ~word & high
        return word | (capitals >> 2)
    }

    @inline(__always) private static func hash(_ key: Key) -> Int {
        let mixed = (key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(key.length)
        return Int(truncatingIfNeeded: (mixed ^ (mixed >> 29)) >> 7)
    }
}
