/// "Does the lower-cased text hold any of these phrases", asked of ASCII text without building the
/// lower-cased copy: the experience summary asks it of every duty of every position, and lower-casing
/// each duty and testing each of its bytes against every phrase starting with that letter was most of
/// the summary's cost.
///
/// Phrases of eight bytes or more are found by their first eight bytes: at each position of the text
/// the next eight bytes, lower-cased together in one word, are looked up in a small table of those
/// prefixes, and only a hit compares the rest. Shorter phrases are compared byte by byte.
///
/// Most windows need no look-up at all: a table of shifts on the window's last two bytes (Wu–Manber)
/// says how far along the next window that can start a long phrase is. A pair of bytes that ends no
/// stretch of any long phrase's first eight bytes rules out the seven windows that would hold it there.
///
/// Exact by construction only for ASCII text, where lower-casing maps A–Z to a–z and nothing else, so
/// folding bytes while comparing is the same as searching `TextScan.lowercased(text)`. Other text gets
/// nil and the caller takes the general path.
struct FoldedPhraseSearch: Sendable {
    /// Phrases that can occur in lower-cased ASCII text, as bytes.
    private let phrases: [[UInt8]]
    /// Indices into `phrases` of those shorter than eight bytes.
    private let shortPhrases: [Int]
    /// Open addressing on the first eight bytes (as a little-endian word) of each long phrase: the
    /// prefix in `prefixes`, and in `prefixGroups` the index into `groups` of the phrases that start
    /// with it (-1 for an empty slot). At most half full. Flat arrays: the lookup runs at every byte.
    private let prefixes: [UInt64]
    private let prefixGroups: [Int]
    private let groups: [[Int]]
    private let prefixMask: Int
    /// An empty phrase occurs in every text (as `PhraseSet` and `TextScan.contains` say).
    private let hasEmptyPhrase: Bool
    /// For the last two bytes (a, b) of an eight-byte window, lower-cased ASCII, at `a << 7 | b`: how
    /// far the next window that can start a long phrase lies. A long phrase starting `d` bytes after the
    /// window (0 ≤ d ≤ 6) holds (a, b) at its offsets 6 − d and 7 − d, inside its first eight bytes; the
    /// entry is the least such `d` over the phrases, 7 when no phrase holds the pair there.
    private let shifts: [UInt8]

    init(_ phrases: [String]) {
        hasEmptyPhrase = phrases.contains(where: \.isEmpty)
        // A phrase with an upper-case letter or a non-ASCII byte never occurs in lower-cased ASCII text.
        let usable = phrases.map { Array($0.utf8) }.filter { utf8 in
            !utf8.isEmpty && utf8.allSatisfy { $0 < 0x80 && !Self.isUpperASCII($0) }
        }
        self.phrases = usable
        shortPhrases = usable.indices.filter { usable[$0].count < 8 }
        var size = 16
        while size < usable.count * 2 { size <<= 1 }
        var prefixes = [UInt64](repeating: 0, count: size)
        var prefixPhrases = [[Int]](repeating: [], count: size)
        for index in usable.indices where usable[index].count >= 8 {
            let prefix = usable[index].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            var slot = Self.slot(of: prefix, mask: size - 1)
            while !prefixPhrases[slot].isEmpty && prefixes[slot] != prefix { slot = (slot + 1) & (size - 1) }
            prefixes[slot] = prefix
            prefixPhrases[slot].append(index)
        }
        var prefixGroups = [Int](repeating: -1, count: size)
        var groups: [[Int]] = []
        for slot in 0..<size where !prefixPhrases[slot].isEmpty {
            prefixGroups[slot] = groups.count
            groups.append(prefixPhrases[slot])
        }
        var shifts = [UInt8](repeating: 7, count: 128 * 128)
        for phrase in usable where phrase.count >= 8 {
            for offset in 0..<7 {
                let pair = Int(phrase[offset]) << 7 | Int(phrase[offset + 1])
                shifts[pair] = min(shifts[pair], UInt8(6 - offset))
            }
        }
        self.shifts = shifts
        self.prefixes = prefixes
        self.prefixGroups = prefixGroups
        self.groups = groups
        prefixMask = size - 1
    }

    private static func slot(of prefix: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (prefix &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    private static func isUpperASCII(_ byte: UInt8) -> Bool {
        byte &- 0x41 < 26
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        isUpperASCII(byte) ? byte | 0x20 : byte
    }

    /// Eight ASCII bytes lower-cased at once: a byte from 0x41 ("A") up reaches 0x80 when 0x3F is
    /// added, one from 0x5B ("[") up when 0x25 is; neither sum carries into the next byte below 0x80.
    private static func folded(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let upper = (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525) & high
        return word | (upper >> 2)
    }

    /// Whether `TextScan.lowercased(text)` holds any phrase, for ASCII `text`; nil for other text.
    func containsAny(inASCII text: String) -> Bool? {
        var text = text
        return text.withUTF8 { textBytes -> Bool? in
            guard let base = textBytes.baseAddress else { return hasEmptyPhrase ? true : false }
            let count = textBytes.count
            let raw = UnsafeRawPointer(base)
            var index = 0
            while index + 8 <= count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return nil }
                index += 8
            }
            while index < count {
                if base[index] >= 0x80 { return nil }
                index += 1
            }
            if hasEmptyPhrase { return true }
            if count >= 8 {
                let found = shifts.withUnsafeBufferPointer { shifts in
                    prefixes.withUnsafeBufferPointer { prefixes in
                        prefixGroups.withUnsafeBufferPointer { prefixGroups -> Bool in
                            var position = 0
                            while position <= count - 8 {
                                // Every byte is ASCII here, so the pair indexes the table within bounds.
                                let shift = Int(shifts[Int(Self.folded(base[position + 6])) << 7 | Int(Self.folded(base[position + 7]))])
                                if shift != 0 {
                                    position += shift
                                    continue
                                }
                                let word = Self.folded(raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                                var slot = Self.slot(of: word, mask: prefixMask)
                                while prefixGroups[slot] >= 0 {
                                    if prefixes[slot] == word {
                                        for phrase in groups[prefixGroups[slot]] where matchesRest(phrases[phrase], from: 8, at: position, in: textBytes) {
                                            return true
                                        }
                                        break
                                    }
                                    slot = (slot + 1) & prefixMask
                                }
                                position += 1
                            }
                            return false
                        }
                    }
                }
                if found { return true }
            }
            for phrase in shortPhrases {
                let bytes = phrases[phrase]
                guard bytes.count <= count else { continue }
                for position in 0...(count - bytes.count) where matchesRest(bytes, from: 0, at: position, in: textBytes) {
                    return true
                }
            }
            return false
        }
    }

    /// Whether `phrase[from...]` equals the folded text bytes from `position + from` on.
    private func matchesRest(_ phrase: [UInt8], from: Int, at position: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position + phrase.count <= text.count else { return false }
        var offset = from
        while offset < phrase.count {
            if Self.folded(text[position + offset]) != phrase[offset] { return false }
            offset += 1
        }
        return true
    }
}
