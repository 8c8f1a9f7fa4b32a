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

    /// Packs `bytes[range]` (at most 16 bytes), lower-casing ASCII capitals when asked.
    @inline(__always) private static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lowerCasing: Bool) -> Key {
        var key = Key(low: 0, high: 0, length: range.count)
        var shift: UInt64 = 0
        for index in range {
            let byte = lowerCasing ? TextScan.lowerASCII(bytes[index]) : bytes[index]
            if shift < 64 {
                key.low |= UInt64(byte) << shift
            } else {
                key.high |= UInt64(byte) << (shift - 64)
            }
            shift += 8
        }
        return key
    }

    @inline(__always) private static func hash(_ key: Key) -> Int {
        let mixed = (key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(key.length)
        return Int(truncatingIfNeeded: (mixed ^ (mixed >> 29)) >> 7)
    }
}
