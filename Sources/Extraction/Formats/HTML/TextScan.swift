/// Plain string scanning for the HTML readers' hot paths. Foundation's `range(of:)`, `contains` and
/// `trimmingCharacters` go through CFString with locale-aware folding on Linux and cost microseconds per
/// call; these run on every line of every file in a batch, so they compare UTF-8 bytes and characters.
enum TextScan {
    /// Whether `needle` occurs in `haystack`, byte for byte.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        position(of: needle, in: haystack, from: 0) != nil
    }

    /// The UTF-8 offset of the first occurrence of `needle` at or after `start`.
    static func position(of needle: String, in haystack: String, from start: Int) -> Int? {
        let target = Array(needle.utf8)
        guard !target.isEmpty else { return start }
        var text = haystack
        return text.withUTF8 { bytes -> Int? in
            let count = bytes.count, length = target.count
            guard length <= count, start <= count - length else { return nil }
            let first = target[0]
            var index = start
            while index <= count - length {
                if bytes[index] == first {
                    var offset = 1
                    while offset < length && bytes[index + offset] == target[offset] { offset += 1 }
                    if offset == length { return index }
                }
                index += 1
            }
            return nil
        }
    }

    /// Where `phrase` occurs in `text` as whole words (UTF-8 offset): the characters on either side are
    /// not letters. Both are expected in the same case.
    static func wordPosition(of phrase: String, in text: String) -> Int? {
        let utf8 = text.utf8
        let length = phrase.utf8.count
        var from = 0
        while let found = position(of: phrase, in: text, from: from) {
            let beforeOK = found == 0 || !isLetter(endingAt: found, in: text)
            let end = found + length
            let afterOK = end >= utf8.count || !isLetter(startingAt: end, in: text)
            if beforeOK && afterOK { return found }
            from = found + 1
        }
        return nil
    }

    private static func isLetter(endingAt offset: Int, in text: String) -> Bool {
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        guard let scalarIndex = index.samePosition(in: text.unicodeScalars), scalarIndex > text.unicodeScalars.startIndex else {
            // Inside a multi-byte character: the byte before is part of a letter or symbol; count it as
            // a letter only if the whole character is one.
            return true
        }
        return text.unicodeScalars[text.unicodeScalars.index(before: scalarIndex)].properties.isAlphabetic
    }

    private static func isLetter(startingAt offset: Int, in text: String) -> Bool {
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        guard let scalarIndex = index.samePosition(in: text.unicodeScalars), scalarIndex < text.unicodeScalars.endIndex else { return true }
        return text.unicodeScalars[scalarIndex].properties.isAlphabetic
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
    static func replacing(_ target: String, with replacement: String, in text: String) -> String {
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
