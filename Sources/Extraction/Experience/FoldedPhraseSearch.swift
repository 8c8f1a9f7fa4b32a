/// "Does the lower-cased text hold any of these phrases", asked of ASCII text without building the
/// lower-cased copy: the experience summary asks it of every duty of every position, and lower-casing
/// each duty and testing each of its bytes against every phrase starting with that letter was most of
/// the summary's cost.
///
/// Every phrase of two bytes or more is at least `span` bytes long (its shortest length, at most
/// eight), so an occurrence covers the byte pairs starting at `span - 1` consecutive positions, and one
/// of those positions is a multiple of `span - 1`. The scan reads only the pairs at those positions,
/// each in a table giving the offsets (below `span - 1`) at which some phrase holds that pair, in any
/// case: most pairs, at no offset, rule out the `span - 1` starts that could have used them. Each start
/// left must also open with a phrase's opening pair (the same table, offset 0); only then are the
/// phrases compared: those of eight bytes or more by their first eight bytes (the next eight bytes of
/// the text, lower-cased together in one word, looked up in a small table of those prefixes; only a hit
/// compares the rest), shorter ones byte by byte. One-byte phrases have no pair and are searched for on
/// their own.
///
/// Exact by construction only for ASCII text, where lower-casing maps A–Z to a–z and nothing else, so
/// folding bytes while comparing is the same as searching `TextScan.lowercased(text)`. Other text gets
/// nil and the caller takes the general path.
struct FoldedPhraseSearch: Sendable {
    /// Phrases that can occur in lower-cased ASCII text, as bytes.
    private let phrases: [[UInt8]]
    /// Indices into `phrases` of those of two to seven bytes.
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
    /// The positions between pairs read by the scan: the shortest length of a phrase of two bytes or
    /// more, capped at eight, less one (zero when there is no such phrase).
    private let stride: Int
    /// For each pair of ASCII bytes `first`, `second` (both below 0x80), at `first << 7 | second`: bit
    /// `offset` (below `stride`, so below 8) is set when some phrase holds, at `offset`, two bytes that
    /// `first` and `second` lower-case to. Indexed by the text's bytes as they stand, every case of the
    /// phrases' letters set, so the scan does not lower-case a byte it rules out.
    private let pairOffsets: [UInt8]
    /// Indices into `phrases` of the one-byte phrases, which no pair can rule out.
    private let singleBytePhrases: [Int]

    init(_ phrases: [String]) {
        hasEmptyPhrase = phrases.contains(where: \.isEmpty)
        // A phrase with an upper-case letter or a non-ASCII byte never occurs in lower-cased ASCII text.
        let usable = phrases.map { Array($0.utf8) }.filter { utf8 in
            !utf8.isEmpty && utf8.allSatisfy { $0 < 0x80 && !Self.isUpperASCII($0) }
        }
        self.phrases = usable
        shortPhrases = usable.indices.filter { usable[$0].count >= 2 && usable[$0].count < 8 }
        singleBytePhrases = usable.indices.filter { usable[$0].count == 1 }
        let stride = min(usable.lazy.map(\.count).filter { $0 >= 2 }.min() ?? 1, 8) - 1
        var pairOffsets = [UInt8](repeating: 0, count: 128 * 128)
        // The bytes that lower-case to `byte`: itself, and its capital when it is a letter (phrases hold
        // no capitals, and nothing but A–Z changes when lower-cased).
        func cases(_ byte: UInt8) -> [UInt8] { byte &- 0x61 < 26 ? [byte, byte - 0x20] : [byte] }
        for phrase in usable where phrase.count >= 2 {
            for offset in 0..<stride {
                for first in cases(phrase[offset]) {
                    for second in cases(phrase[offset + 1]) { pairOffsets[Int(first) << 7 | Int(second)] |= 1 << offset }
                }
            }
        }
        self.stride = stride
        self.pairOffsets = pairOffsets
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
        text.withBorrowedUTF8 { containsAny(inASCII: $0) }
    }

    /// `containsAny(inASCII:)` of a text's UTF-8 bytes, read where they lie.
    func containsAny(inASCII textBytes: UnsafeBufferPointer<UInt8>) -> Bool? {
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
        for phrase in singleBytePhrases {
            let byte = phrases[phrase][0]
            for position in 0..<count where Self.folded(base[position]) == byte { return true }
        }
        guard stride > 0, count >= 2 else { return false }
        return pairOffsets.withUnsafeBufferPointer { pairOffsets -> Bool in
            // A phrase starting at `start` covers the pairs at `start ..< start + stride`, all inside
            // the text when the phrase is; `position` meets one of them.
            // A phrase holding the pair at `position` at an offset below `stride - 1` holds the next pair
            // at the offset after (it is at least `stride + 1` bytes long), which the table records: the
            // next pair's offsets, one lower, rule out most starts the first pair leaves. The last offset
            // is kept whatever the next pair is (the table holds no offset `stride`).
            let lastOffset: UInt8 = 1 << UInt8(stride - 1)
            var position = 0
            while position &+ 1 < count {
                var offsets = pairOffsets[Int(base[position]) << 7 | Int(base[position &+ 1])]
                if offsets != 0, position &+ 2 < count {
                    offsets &= pairOffsets[Int(base[position &+ 1]) << 7 | Int(base[position &+ 2])] >> 1 | lastOffset
                }
                if offsets != 0, startsPhrase(around: position, offsets: offsets, pairOffsets: pairOffsets, in: textBytes) {
                    return true
                }
                position &+= stride
            }
            return false
        }
    }

    /// Whether a phrase of two bytes or more starts at `position - offset` for one of the `offsets`
    /// (bits) at which some phrase holds the text's pair at `position`. Not inlined: the scan calling it
    /// keeps its handful of values in registers.
    @inline(never)
    private func startsPhrase(around position: Int, offsets: UInt8, pairOffsets: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var rest = offsets
        while rest != 0 {
            let offset = rest.trailingZeroBitCount
            rest &= rest &- 1
            // Ascending offsets: past `position`, the starts fall before the text.
            guard offset <= position else { return false }
            let start = position &- offset
            // The start's own pair (inside the text: `start + 1 <= position + 1`) must open a phrase.
            if offset == 0 || pairOffsets[Int(text[start]) << 7 | Int(text[start &+ 1])] & 1 != 0,
               startsPhrase(at: start, in: text) {
                return true
            }
        }
        return false
    }

    /// Whether a phrase of two bytes or more starts at `position` of the folded ASCII `text`.
    private func startsPhrase(at position: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if position + 8 <= text.count, let base = text.baseAddress {
            let word = Self.folded(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: position, as: UInt64.self))
            var slot = Self.slot(of: word, mask: prefixMask)
            while prefixGroups[slot] >= 0 {
                if prefixes[slot] == word {
                    for phrase in groups[prefixGroups[slot]] where matchesRest(phrases[phrase], from: 8, at: position, in: text) {
                        return true
                    }
                    break
                }
                slot = (slot + 1) & prefixMask
            }
        }
        for phrase in shortPhrases where matchesRest(phrases[phrase], from: 0, at: position, in: text) {
            return true
        }
        return false
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
