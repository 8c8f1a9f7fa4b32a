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
    ///
    /// Both strings' bytes are borrowed (`withBorrowedUTF8`), not copied to call `withUTF8`: the copies
    /// retained and released each string's storage on every call, and this is called tens of thousands
    /// of times per batch of résumés.
    public static func position(of needle: String, in haystack: String, from start: Int) -> Int? {
        haystack.withBorrowedUTF8 { bytes -> Int? in
            needle.withBorrowedUTF8 { pattern -> Int? in position(of: pattern, in: bytes, from: start) }
        }
    }

    /// `position(of:in:from:)` on UTF-8 bytes.
    static func position(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
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

    /// Where `phrase` occurs in `text` as whole words (UTF-8 offset): the characters on either side are
    /// not word characters (by default, letters). Both are expected in the same case.
    public static func wordPosition(
        of phrase: String, in text: String,
        isWordScalar: (Unicode.Scalar) -> Bool = { $0.properties.isAlphabetic }
    ) -> Int? {
        // Both read in place (`withBorrowedUTF8`), the neighbours of each hit decoded from the bytes: the
        // string indices this converted per hit cost more than the search.
        text.withBorrowedUTF8 { bytes in
            phrase.withBorrowedUTF8 { pattern in wordPosition(of: pattern, in: bytes, isWordScalar: isWordScalar) }
        }
    }

    /// `wordPosition(of:in:isWordScalar:)` on valid UTF-8 bytes. A hit that starts or ends inside a
    /// scalar (possible only for a needle that is not whole scalars) has a word character beside it, as
    /// the `String` version judged with `samePosition`.
    static func wordPosition(
        of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, isWordScalar: (Unicode.Scalar) -> Bool
    ) -> Int? {
        var from = 0
        while let found = position(of: pattern, in: bytes, from: from) {
            let beforeOK = found == 0 || !isWord(endingAt: found, in: bytes, isWordScalar)
            let end = found + pattern.count
            let afterOK = end >= bytes.count || !isWord(startingAt: end, in: bytes, isWordScalar)
            if beforeOK && afterOK { return found }
            from = found + 1
        }
        return nil
    }

    @inline(__always) private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// Whether the scalar that ends at `offset` (0 < offset ≤ count; an empty needle is found at the
    /// end) is a word character; true when `offset` is inside a scalar.
    private static func isWord(endingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>, _ isWordScalar: (Unicode.Scalar) -> Bool) -> Bool {
        if offset < bytes.count, isContinuation(bytes[offset]) { return true }
        let last = bytes[offset - 1]
        if last < 0x80 { return isWordScalar(Unicode.Scalar(last)) }
        var lead = offset - 1
        while lead > 0, isContinuation(bytes[lead]) { lead -= 1 }
        return isWordScalar(scalar(at: lead, in: bytes).0)
    }

    /// Whether the scalar that starts at `offset` (0 < offset < count) is a word character; true when
    /// `offset` is inside a scalar.
    private static func isWord(startingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>, _ isWordScalar: (Unicode.Scalar) -> Bool) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return isWordScalar(Unicode.Scalar(byte)) }
        guard !isContinuation(byte) else { return true }
        return isWordScalar(scalar(at: offset, in: bytes).0)
    }

    /// Whether `phrase` occurs in `text` as whole words; see `wordPosition`.
    public static func containsWords(
        _ text: String, _ phrase: String,
        isWordScalar: (Unicode.Scalar) -> Bool = { $0.properties.isAlphabetic }
    ) -> Bool {
        wordPosition(of: phrase, in: text, isWordScalar: isWordScalar) != nil
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
        if !target.utf8.isEmpty, let replaced = text.withBorrowedUTF8({ bytes in
            target.withBorrowedUTF8 { pattern in replacement.withBorrowedUTF8 { replacing(pattern, with: $0, in: bytes) } }
        }) {
            return replaced
        }
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

extension TextScan {
    /// `replacing(_:with:in:)` on the bytes of valid strings with a non-empty target: each hit is found
    /// from the end of the one before in the one buffer (the `String` loop made a new string of the rest
    /// for every search), and the pieces are copied into one buffer. The target starts and ends at scalar
    /// boundaries wherever its bytes occur, so the result is valid UTF-8 and the same bytes.
    private static func replacing(
        _ pattern: UnsafeBufferPointer<UInt8>, with replacement: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>
    ) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var rest = 0
        while let found = position(of: pattern, in: bytes, from: rest) {
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest..<found]))
            result.append(contentsOf: replacement)
            rest = found + pattern.count
        }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest...]))
        return String(decoding: result, as: UTF8.self)
    }
}

// MARK: - ASCII fast paths

/// Byte-level helpers for text that is plain ASCII. In such text (without a carriage return, which joins
/// a following line feed into one `Character`) every `Character` is one byte, so splitting at a byte,
/// comparing bytes and classifying bytes give exactly what the `Character` APIs give, without grapheme
/// breaking or Unicode property look-ups. Callers check `isPlainASCII` and keep the `Character` code for
/// everything else.
extension TextScan {
    /// Every byte is ASCII and none is a carriage return.
    static func isPlainASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { isPlainASCII($0) } ?? text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = plainASCIIWordPrefix(bytes)
        while index < bytes.count {
            if bytes[index] >= 0x80 || bytes[index] == 0x0D { return false }
            index += 1
        }
        return true
    }

    /// How many leading bytes are plain ASCII (no byte above 0x7F, no carriage return), read eight at a
    /// time and counted in whole eights: the callers' byte loops take the rest. Most text is plain
    /// ASCII, and these tests run on every line (often more than once).
    @inline(__always)
    static func plainASCIIWordPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // A carriage return is a zero byte of `word ^ 0x0D…`; for bytes below 0x80,
            // `(v - 0x01…) & ~v & 0x80…` is non-zero exactly when `v` has a zero byte.
            let returns = word ^ 0x0D0D_0D0D_0D0D_0D0D
            guard word & highBits == 0, (returns &- 0x0101_0101_0101_0101) & ~returns & highBits == 0 else { break }
            index += 8
        }
        return index
    }

    /// Runs `body` on the UTF-8 bytes of `text` when it is plain ASCII; nil otherwise.
    @inline(__always)
    static func withPlainASCII<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        text.withBorrowedUTF8 { bytes in isPlainASCII(bytes) ? body(bytes) : nil }
    }

    /// Whether the text holds an ASCII digit (0–9) anywhere: exact for any text, since a `Character`
    /// that is an ASCII digit is that one byte.
    static func containsASCIIDigit(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in bytes.contains { $0 &- 0x30 < 10 } } ?? text.utf8.contains { $0 &- 0x30 < 10 }
    }

    /// Whether the text holds the ASCII byte anywhere. When it does not, no `Character` of the text is
    /// that ASCII character, whatever the text.
    static func containsByte(_ text: some StringProtocol, _ byte: UInt8) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in bytes.contains(byte) } ?? text.utf8.contains(byte)
    }

    @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isASCIIUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    @inline(__always) static func isASCIILower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
    @inline(__always) static func isASCIIDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) static func lowerASCII(_ byte: UInt8) -> UInt8 { isASCIIUpper(byte) ? byte | 0x20 : byte }

    /// Hands `body` each run of ASCII letters in the bytes, in order, until it returns true; whether it
    /// did. (The word loops of several ASCII fast paths.)
    @inline(__always) static func firstLetterRun(in bytes: UnsafeBufferPointer<UInt8>, where body: (Range<Int>) -> Bool) -> Bool {
        var index = 0
        while index < bytes.count {
            guard isASCIILetter(bytes[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, isASCIILetter(bytes[end]) { end += 1 }
            if body(index..<end) { return true }
            index = end
        }
        return false
    }

    /// The bytes lower-cased as a String (what `lowercased()` gives for ASCII).
    static func lowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for index in 0..<bytes.count { buffer[index] = lowerASCII(bytes[index]) }
            return bytes.count
        }
    }

    static func lowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        lowercasedASCII(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// Byte ranges of the words between spaces (what `split(separator: " ")` gives for ASCII text), in
    /// an array with room for `reservingCapacity` words from the start.
    static func spaceWords(_ bytes: UnsafeBufferPointer<UInt8>, reservingCapacity: Int = 0) -> [Range<Int>] {
        var words: [Range<Int>] = []
        words.reserveCapacity(reservingCapacity)
        var start = -1
        for index in 0..<bytes.count {
            if bytes[index] == 0x20 {
                if start >= 0 { words.append(start..<index); start = -1 }
            } else if start < 0 {
                start = index
            }
        }
        if start >= 0 { words.append(start..<bytes.count) }
        return words
    }

    /// The first `limit` ranges of `spaceWords(bytes)`, scanning no further.
    static func spaceWords(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start = -1
        var index = 0
        while index < bytes.count, words.count < limit {
            if bytes[index] == 0x20 {
                if start >= 0 { words.append(start..<index); start = -1 }
            } else if start < 0 {
                start = index
            }
            index += 1
        }
        if start >= 0, words.count < limit { words.append(start..<bytes.count) }
        return words
    }

    /// How many words lie between spaces (`split(separator: " ").count` for ASCII text).
    static func spaceWordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// `text.split(separator: " ").count`, with a byte count for ASCII text.
    static func spaceWordCount(_ text: String) -> Int {
        withSimpleScalars(text) { spaceWordCount($0) } ?? text.split(separator: " ").count
    }
}

extension TextScan {
    /// Whether the two texts are the same bytes (`a.utf8.elementsEqual(b.utf8)`), compared in place.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        a.withBorrowedUTF8 { first in
            b.withBorrowedUTF8 { second in
                guard first.count == second.count else { return false }
                guard let firstBase = first.baseAddress, let secondBase = second.baseAddress else { return true }
                return memcmp(firstBase, secondBase, first.count) == 0
            }
        }
    }

    /// How many of the text's bytes are `byte`. For an ASCII byte in text where that byte is never
    /// joined into a larger character (`isSimpleScalars` text, say), the number of such characters.
    static func count(of byte: UInt8, in text: String) -> Int {
        text.withBorrowedUTF8 { bytes in bytes.count { $0 == byte } }
    }

    /// Whether `text.lowercased()` contains `needle` (lower-case ASCII letters and punctuation, no "i" or
    /// "k"), read from the text's own bytes without lower-casing it: lower-casing makes ASCII only of
    /// ASCII (letter by letter), of U+0130 ("i" and a combining mark) and of U+212A ("k"), so with no
    /// "i" or "k" in the needle, it occurs in the lower-cased text exactly where the text's ASCII bytes,
    /// lower-cased, spell it.
    static func lowercasedContains(_ text: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        assert(!pattern.contains(0x69) && !pattern.contains(0x6B) && !pattern.contains { isASCIIUpper($0) || $0 >= 0x80 })
        return text.withBorrowedUTF8 { bytes in
            guard let first = pattern.first, pattern.count <= bytes.count else { return pattern.isEmpty }
            for start in 0...(bytes.count - pattern.count) where lowerASCII(bytes[start]) == first {
                var offset = 1
                while offset < pattern.count, lowerASCII(bytes[start + offset]) == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            return false
        }
    }

    /// Whether the bytes, lower-cased, start with `prefix` (lower-case ASCII).
    static func hasPrefixIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let pattern = prefix.utf8Start
        for index in 0..<count where lowerASCII(bytes[index]) != pattern[index] { return false }
        return true
    }

    /// Whether the bytes, lower-cased, end with `suffix` (lower-case ASCII).
    static func hasSuffixIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let pattern = suffix.utf8Start
        let offset = bytes.count - count
        for index in 0..<count where lowerASCII(bytes[offset + index]) != pattern[index] { return false }
        return true
    }
}

extension TextScan {
    /// Whether every scalar of the bytes (valid UTF-8) is its own `Character` and none joins a
    /// neighbour: ASCII without a carriage return, U+00A0–U+02FF (Latin letters and signs, no combining
    /// marks), and the punctuation, currency, arrow and symbol blocks résumés use (U+2010–U+2027,
    /// U+2030–U+205E, U+20A0–U+20C0, U+2190–U+2BFF). No scalar there is canonically equivalent to an
    /// ASCII character, so a `Character` of such text equals an ASCII character exactly when its one
    /// byte is that character.
    static func isSimpleScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Runs of plain ASCII eight bytes at a time: at the start, and again after each other scalar.
        var index = plainASCIIWordPrefix(bytes)
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x0D { return false }
                index += 1
                continue
            } else if lead < 0xE0 {
                // Two bytes: U+0080–U+07FF; only below U+0300 (lead 0xC2–0xCB).
                guard lead <= 0xCB else { return false }
                index += 2
            } else if lead < 0xF0 {
                guard index + 2 < bytes.count else { return false }
                let value = (UInt32(lead) & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | (UInt32(bytes[index + 2]) & 0x3F)
                guard (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) || (0x20A0...0x20C0).contains(value)
                    || (0x2190...0x2BFF).contains(value) else { return false }
                index += 3
            } else {
                return false
            }
            if index < bytes.count { index += plainASCIIWordPrefix(UnsafeBufferPointer(rebasing: bytes[index...])) }
        }
        return true
    }

    /// Decodes the scalar starting at `index` of valid UTF-8 bytes; returns it and its length.
    @inline(__always)
    public static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

extension TextScan {
    /// Runs `body` on the UTF-8 bytes of `text` when it is plain ASCII or simple scalars
    /// (`isSimpleScalars`): each character one scalar, so the text splits at an ASCII byte exactly as at
    /// the character; nil otherwise. `body` must judge non-ASCII scalars as characters.
    @inline(__always)
    static func withSimpleScalars<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        text.withBorrowedUTF8 { bytes in isSimpleScalars(bytes) ? body(bytes) : nil }
    }

    /// Whether the character starting at `index` (simple scalars) passes: ASCII bytes by `ascii`, other
    /// scalars as a `Character` by `other`.
    @inline(__always)
    static func character(
        at index: Int, in bytes: UnsafeBufferPointer<UInt8>, ascii: (UInt8) -> Bool, other: (Character) -> Bool
    ) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return ascii(byte) }
        return other(Character(scalar(at: index, in: bytes).0))
    }
}

extension TextScan {
    /// `text.lowercased()`, cheaper for simple-scalar text (`isSimpleScalars`): ASCII bytes by byte, the
    /// other scalars by their lower-case mapping, which is what `lowercased()` concatenates (a test
    /// checks every simple scalar against it). Other text goes to `lowercased()`.
    ///
    /// ASCII text without an upper-case letter is its own lower-case form and is returned as it is:
    /// many texts asked about are lower-case already, and sharing the storage costs a retain where a
    /// new string cost an allocation.
    public static func lowercased(_ text: String) -> String {
        let isASCII = text.withBorrowedUTF8 { bytes -> Bool? in
            var hasUpper = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if isASCIIUpper(byte) { hasUpper = true }
            }
            return hasUpper
        }
        // ASCII: the standard library's own ASCII path is the fastest (building here cost more).
        if let hasUpper = isASCII { return hasUpper ? text.lowercased() : text }
        return text.withBorrowedUTF8 { bytes -> String? in
            guard isSimpleScalars(bytes) else { return nil }
            var result = ""
            result.reserveCapacity(bytes.count)
            var index = 0
            var runStart = 0
            while index < bytes.count {
                if bytes[index] < 0x80 {
                    index += 1
                    continue
                }
                if runStart < index { result += lowercasedASCII(bytes, runStart..<index) }
                let (scalar, length) = scalar(at: index, in: bytes)
                result += scalar.properties.lowercaseMapping
                index += length
                runStart = index
            }
            if runStart < bytes.count { result += lowercasedASCII(bytes, runStart..<bytes.count) }
            return result
        } ?? text.lowercased()
    }
}
