#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A profile's title or alias as `RoleCatalog.role(forTitle:)` looks for it: normalised, padded with
/// spaces, with its byte pairs so most phrases are ruled out without a search.
struct TitlePhrase: Sendable {
    /// The UTF-8 bytes of `" " + normalizedTitle(alias) + " "`.
    let bytes: [UInt8]
    let pairs: TitleBytePairs
    let profileIndex: Int

    init(_ alias: String, profileIndex: Int) {
        bytes = Array((" " + normalizedTitle(alias) + " ").utf8)
        pairs = bytes.withUnsafeBufferPointer(TitleBytePairs.init)
        self.profileIndex = profileIndex
    }

    /// Whether the phrase occurs in `text`, byte for byte (as `TextScan.contains`).
    func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { pattern in
            guard !pattern.isEmpty else { return true }
            guard pattern.count <= text.count, let base = text.baseAddress, let patternBase = pattern.baseAddress else { return false }
            let first = Int32(pattern[0])
            let lastStart = text.count - pattern.count
            var index = 0
            while index <= lastStart {
                guard let hit = memchr(base + index, first, lastStart - index + 1) else { return false }
                let offset = UnsafeRawPointer(base).distance(to: hit)
                if memcmp(base + offset, patternBase, pattern.count) == 0 { return true }
                index = offset + 1
            }
            return false
        }
    }
}

/// Which adjacent byte pairs occur in a text, hashed into 256 bits: a phrase occurs in a title byte for
/// byte only if each of its pairs occurs there, so a title tested against every alias of every profile
/// searches for the few whose pairs it holds.
struct TitleBytePairs: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 2 else { return }
        withUnsafeMutableBytes(of: &bits) { raw in
            let words = raw.baseAddress!.assumingMemoryBound(to: UInt64.self)
            var previous = bytes[0]
            for index in 1..<bytes.count {
                let byte = bytes[index]
                let slot = Int((UInt32(previous) &* 31 &+ UInt32(byte)) & 255)
                words[slot >> 6] |= UInt64(1) << UInt64(slot & 63)
                previous = byte
            }
        }
    }

    /// Whether every pair of `other` is here too.
    func contains(_ other: TitleBytePairs) -> Bool {
        (bits.0 & other.bits.0 == other.bits.0) && (bits.1 & other.bits.1 == other.bits.1)
            && (bits.2 & other.bits.2 == other.bits.2) && (bits.3 & other.bits.3 == other.bits.3)
    }
}

/// `" " + normalizedTitle(title) + " "` as UTF-8 bytes, handed to `body`. An ASCII title is normalised
/// byte by byte: `role(forTitle:)` runs for every résumé, and the `String` steps (lower-casing, eight
/// replacements, a split on `Character`s and a join) were more than the phrase search. For ASCII text
/// the steps are exactly byte steps: lower-casing maps A–Z only, the replacements are byte searches
/// already, and the only `Character` of more than one byte, CR LF, is no letter, number or "-", like
/// its bytes. Other titles take `normalizedTitle` itself.
func withPaddedNormalizedTitle<Result>(_ title: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    let ascii = title.utf8.withContiguousStorageIfAvailable { bytes in
        bytes.allSatisfy { $0 < 0x80 } ? asciiPaddedNormalizedTitle(bytes) : nil
    }
    if let normalized = ascii ?? nil {
        return normalized.withUnsafeBufferPointer(body)
    }
    var padded = " " + normalizedTitle(title) + " "
    return padded.withUTF8(body)
}

/// The replacements of `normalizedTitle`, in its order.
private let titleAbbreviations: [(abbreviation: [UInt8], word: [UInt8])] = [
    ("sr.", "senior"), ("sr ", "senior "), ("asst.", "assistant"), ("asst ", "assistant "), ("mgr", "manager"),
    ("h.r.", "hr"), ("human resources", "hr"), ("human resource", "hr"),
].map { (Array($0.0.utf8), Array($0.1.utf8)) }

/// `normalizedTitle` padded with spaces, for ASCII `bytes`.
func asciiPaddedNormalizedTitle(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var text = bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    for (abbreviation, word) in titleAbbreviations {
        text = replacingAll(abbreviation, with: word, in: text)
    }
    // Words are runs of letters, digits and "-", joined by one space.
    var padded: [UInt8] = []
    padded.reserveCapacity(text.count + 2)
    padded.append(UInt8(ascii: " "))
    var inWord = false
    for byte in text {
        let isWordByte = byte &- 0x61 < 26 || byte &- 0x30 < 10 || byte == UInt8(ascii: "-")
        if isWordByte {
            if !inWord && padded.count > 1 { padded.append(UInt8(ascii: " ")) }
            padded.append(byte)
        }
        inWord = isWordByte
    }
    padded.append(UInt8(ascii: " "))
    return padded
}

/// `TextScan.replacing` on bytes: every occurrence of `target`, left to right without overlaps,
/// replaced. `text` comes back unchanged (no copy) when it holds none.
func replacingAll(_ target: [UInt8], with replacement: [UInt8], in text: [UInt8]) -> [UInt8] {
    let count = target.count
    guard count > 0, count <= text.count else { return text }
    var result: [UInt8]?
    var copied = 0
    var index = 0
    while index <= text.count - count {
        if text[index] == target[0] && text[index..<index + count].elementsEqual(target) {
            if result == nil { result = []; result!.reserveCapacity(text.count + 16) }
            result!.append(contentsOf: text[copied..<index])
            result!.append(contentsOf: replacement)
            index += count
            copied = index
        } else {
            index += 1
        }
    }
    guard var replaced = result else { return text }
    replaced.append(contentsOf: text[copied...])
    return replaced
}
