#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain string scanning for the hot paths of extraction and scoring. Foundation's `range(of:)`,
/// `contains` and `trimmingCharacters` go through CFString with locale-aware folding on Linux and cost
/// microseconds per call; these run on every line of every file in a batch, so they compare UTF-8 bytes
/// and characters.
public enum TextScan {
    /// Whether `needle` occurs in `haystack`, byte for byte.
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        position(of: needle, in: haystack, from: 0) != nil
    }

    /// Whether any of `needles` occurs in `haystack`, byte for byte.
    public static func containsAny(_ haystack: String, _ needles: [String]) -> Bool {
        needles.contains { contains(haystack, $0) }
    }

    /// The UTF-8 offset of the first occurrence of `needle` at or after `start`.
    public static func position(of needle: String, in haystack: String, from start: Int) -> Int? {
        var text = haystack
        var target = needle
        return text.withUTF8 { bytes -> Int? in
            target.withUTF8 { pattern -> Int? in
                guard !pattern.isEmpty else { return start <= bytes.count ? start : nil }
                guard start >= 0, pattern.count <= bytes.count, start <= bytes.count - pattern.count,
                      let base = bytes.baseAddress, let patternBase = pattern.baseAddress else { return nil }
                // memchr finds each candidate first byte (vectorised); memcmp checks the rest. (Glibc's
                // memmem is not visible to Swift without _GNU_SOURCE.)
                let first = Int32(pattern[0])
                let lastStart = bytes.count - pattern.count
                var index = start
                while index <= lastStart {
                    guard let hit = memchr(base + index, first, lastStart - index + 1) else { return nil }
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, patternBase, pattern.count) == 0 { return offset }
                    index = offset + 1
                }
                return nil
            }
        }
    }

    /// Where `phrase` occurs in `text` as whole words (UTF-8 offset): the characters on either side are
    /// not word characters (by default, letters). Both are expected in the same case.
    public static func wordPosition(
        of phrase: String, in text: String,
        isWordScalar: (Unicode.Scalar) -> Bool = { $0.properties.isAlphabetic }
    ) -> Int? {
        let utf8 = text.utf8
        let length = phrase.utf8.count
        var from = 0
        while let found = position(of: phrase, in: text, from: from) {
            let beforeOK = found == 0 || !isWord(endingAt: found, in: text, isWordScalar)
            let end = found + length
            let afterOK = end >= utf8.count || !isWord(startingAt: end, in: text, isWordScalar)
            if beforeOK && afterOK { return found }
            from = found + 1
        }
        return nil
    }

    /// Whether `phrase` occurs in `text` as whole words; see `wordPosition`.
    public static func containsWords(
        _ text: String, _ phrase: String,
        isWordScalar: (Unicode.Scalar) -> Bool = { $0.properties.isAlphabetic }
    ) -> Bool {
        wordPosition(of: phrase, in: text, isWordScalar: isWordScalar) != nil
    }

    private static func isWord(endingAt offset: Int, in text: String, _ isWordScalar: (Unicode.Scalar) -> Bool) -> Bool {
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        guard let scalarIndex = index.samePosition(in: text.unicodeScalars), scalarIndex > text.unicodeScalars.startIndex else {
            // Inside a multi-byte character: the byte before is part of a letter or symbol; count it as
            // a letter only if the whole character is one.
            return true
        }
        return isWordScalar(text.unicodeScalars[text.unicodeScalars.index(before: scalarIndex)])
    }

    private static func isWord(startingAt offset: Int, in text: String, _ isWordScalar: (Unicode.Scalar) -> Bool) -> Bool {
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        guard let scalarIndex = index.samePosition(in: text.unicodeScalars), scalarIndex < text.unicodeScalars.endIndex else { return true }
        return isWordScalar(text.unicodeScalars[scalarIndex])
    }

    /// `text` without leading and trailing characters from `set`.
    static func trim(_ text: some StringProtocol, _ set: Set<Character>) -> String {
        var start = text.startIndex
        var end = text.endIndex
        while start < end, set.contains(text[start]) { start = text.index(after: start) }
        while end > start, set.contains(text[text.index(before: end)]) { end = text.index(before: end) }
        return String(text[start..<end])
    }

    static let spaces: Set<Character> = [" ", "\t", "\n", "\r", "\u{00A0}"]

    static func trimSpaces(_ text: some StringProtocol) -> String { trim(text, spaces) }

    /// Replaces every occurrence of `target` (byte for byte).
    public static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        guard contains(text, target) else { return text }
        var result = ""
        var rest = Substring(text)
        while let found = position(of: target, in: String(rest), from: 0) {
            let index = rest.utf8.index(rest.utf8.startIndex, offsetBy: found)
            result += rest[rest.startIndex..<index]
            result += replacement
            rest = rest[rest.utf8.index(index, offsetBy: target.utf8.count)...]
        }
        result += rest
        return result
    }
}
