import Extraction
import Foundation

/// Whole-word, whole-phrase matching of vocabulary terms in evidence lines.
struct TermMatcher: Sendable {
    let term: String
    private let needle: String
    /// Short all-capital terms (ADA, ADP, SAP) match only as written, so a person called Ada or a
    /// "sap" in prose is not evidence.
    private let caseSensitive: Bool
    /// The byte pairs of an ASCII needle, lower-cased (none for other needles, whose search is not byte
    /// for byte: no pairs, so every line may hold them). Lower-cased even for a case-sensitive term:
    /// where "ADA" occurs in a line, "ada" occurs in the lower-cased line, so one set of pairs per line
    /// serves both kinds of term.
    let needlePairs: BytePairs
    /// The slots of `needlePairs`, for `LinePairIndex`: the lines that may hold the needle are those
    /// holding every one of them.
    let needleSlots: [Int]

    /// Whether `needle` is ASCII, worked out once rather than on every search.
    private let needleIsASCII: Bool

    /// The needle's UTF-8 bytes, when it is ASCII, not empty and at most `InlineNeedle.capacity` bytes
    /// long (nearly every term), held in the matcher itself: the criteria's searches read them through
    /// a pointer to the matcher, where reading `needle` retained and released it once per line searched.
    private let inlineNeedle: InlineNeedle?

    init(_ term: String) {
        self.term = term
        caseSensitive = term.count <= 4 && term.contains(where: \.isLetter) && term == term.uppercased()
        needle = caseSensitive ? term : term.lowercased()
        needleIsASCII = needle.utf8.allSatisfy { $0 < 0x80 }
        needlePairs = BytePairs(needleIsASCII ? needle.lowercased() : "")
        needleSlots = needlePairs.slots
        inlineNeedle = needleIsASCII ? InlineNeedle(needle) : nil
    }

    /// Up to 32 bytes of text held in four words (plain values: copying one retains nothing).
    struct InlineNeedle: Sendable {
        static let capacity = 32
        private let words: (UInt64, UInt64, UInt64, UInt64)
        let count: Int

        /// Nil for an empty text or one longer than `capacity` bytes.
        init?(_ text: String) {
            let count = text.utf8.count
            guard count > 0, count <= Self.capacity else { return nil }
            var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &words) { raw in text.withBorrowedUTF8 { raw.copyMemory(from: UnsafeRawBufferPointer($0)) } }
            self.words = words
            self.count = count
        }

        /// Calls `body` with the bytes.
        @inline(__always)
        func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            var words = words
            return withUnsafeMutableBytes(of: &words) { raw in
                body(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[..<count]))
            }
        }
    }

    /// `matches(line)` for a line already known to hold every byte pair of the needle (a candidate
    /// from `LinePairIndex`): the word search alone.
    func matchesCandidate(_ line: ScorableRecord.Line) -> Bool {
        if caseSensitive { return Self.containsWord(line.text, needle, needleIsASCII: needleIsASCII) }
        return Self.containsWord(lowered: line.lowered, foldsCase: line.foldsCase, needle, needleIsASCII: needleIsASCII)
    }

    /// `matchesCandidate(lines[line])` for the matcher at `matcher`, the line's lower-cased text read
    /// from `bytes`, the record's `loweredBytes` (see `ScorableRecord.Line.loweredByteRange`), and the
    /// needle from the matcher (`inlineNeedle`): no string is read, so none is retained, for the usual
    /// ASCII needle and a line searched as `lowered`. Static, on a pointer, as `firstLine(of:in:bytes:index:)`.
    static func matchesCandidate(
        _ matcher: UnsafePointer<TermMatcher>, in lines: UnsafeBufferPointer<ScorableRecord.Line>, at line: Int, bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let foldsCase = lines[line].foldsCase
        // A case-sensitive term is searched in the text as written, which the bytes are only when they fold case.
        guard let needle = matcher.pointee.inlineNeedle, foldsCase || !matcher.pointee.caseSensitive else {
            return matchesCandidate(matcher, in: lines, at: line)
        }
        let text = UnsafeBufferPointer(rebasing: bytes[lines[line].loweredByteRange])
        // As `containsWord(_:_:needleIsASCII:)` (the text as written, or the lower-cased copy) and
        // `containsWord(lowered:foldsCase:_:needleIsASCII:)` (the ASCII text folding case) for an ASCII needle.
        if matcher.pointee.caseSensitive || !foldsCase { return needle.withBytes { containsASCIIWord(text, $0) } }
        return needle.withBytes { containsFoldedASCIIWord(text, $0) }
    }

    /// `matchesCandidate(lines[line])` for the matcher at `matcher`, reading only the text searched
    /// rather than copying the line.
    private static func matchesCandidate(_ matcher: UnsafePointer<TermMatcher>, in lines: UnsafeBufferPointer<ScorableRecord.Line>, at line: Int) -> Bool {
        if matcher.pointee.caseSensitive { return containsWord(lines[line].text, matcher.pointee.needle, needleIsASCII: matcher.pointee.needleIsASCII) }
        if let lowered = lines[line].loweredCopy { return containsWord(lowered, matcher.pointee.needle, needleIsASCII: matcher.pointee.needleIsASCII) }
        return containsWord(lowered: lines[line].text, foldsCase: true, matcher.pointee.needle, needleIsASCII: matcher.pointee.needleIsASCII)
    }

    /// `containsWord` in a line's lower-cased text, given as `ScorableRecord.Line.lowered` and
    /// `foldsCase` are: an ASCII line as written is searched folding case, an ASCII needle on its bytes;
    /// another needle (no byte search) gets the lower-cased copy.
    private static func containsWord(lowered: String, foldsCase: Bool, _ needle: String, needleIsASCII: Bool) -> Bool {
        guard foldsCase else { return containsWord(lowered, needle, needleIsASCII: needleIsASCII) }
        guard needleIsASCII && !needle.isEmpty else { return containsWord(ASCIILowercasing.lowercased(lowered) ?? lowered, needle) }
        return lowered.withBorrowedUTF8 { textBytes in
            needle.withBorrowedUTF8 { needleBytes in containsFoldedASCIIWord(textBytes, needleBytes) }
        }
    }

    /// Whether the ASCII `text`, as it would read lower-cased, holds the non-empty ASCII `needle` as
    /// a whole word (or one plus a plural "s").
    @inline(__always)
    private static func containsFoldedASCIIWord(_ text: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        FoldedASCIISearch.firstMatch(of: needle, in: text) { start in
            isFoldedASCIIWordMatch(text, from: start, to: start + needle.count)
        }
    }

    /// `containsWord(haystack, needle)`, told whether the needle is ASCII (worked out once per term).
    private static func containsWord(_ haystack: String, _ needle: String, needleIsASCII: Bool) -> Bool {
        guard needleIsASCII && !needle.isEmpty else { return containsWord(haystack, needle) }
        return containsASCIIWord(haystack, needle)
    }

    /// The index of the first of `lines` holding the term of the matcher at `matcher`: a word search
    /// only in the lines `index` leaves. Static, on a pointer to the matcher in its array's buffer: a
    /// method called on a matcher in an array or a buffer first copied it (two strings and an array
    /// retained and released through its value witness), once per term of every file. The lines are
    /// read in place through their buffer: reading one out of the array copied its two strings.
    /// The slots are read from the needle's pairs, not from `needleSlots`: reaching into that array
    /// retained and released it once per term of every file. `bytes`: the record's `loweredBytes`.
    static func firstLine(
        of matcher: UnsafePointer<TermMatcher>, in lines: UnsafeBufferPointer<ScorableRecord.Line>, bytes: UnsafeBufferPointer<UInt8>, index: LinePairIndex
    ) -> Int? {
        for word in 0..<index.wordCount {
            var candidates = index.lines(holding: matcher.pointee.needlePairs, word: word)
            while candidates != 0 {
                let line = word &* 64 &+ candidates.trailingZeroBitCount
                if matchesCandidate(matcher, in: lines, at: line, bytes: bytes) { return line }
                candidates &= candidates &- 1
            }
        }
        return nil
    }

    func matches(_ line: ScorableRecord.Line) -> Bool {
        // Most terms are absent from most lines: a line lacking one of the needle's byte pairs cannot
        // hold it, and that test is four AND operations instead of a search.
        guard line.loweredPairs.contains(needlePairs) else { return false }
        if caseSensitive { return Self.containsWord(line.text, needle, needleIsASCII: needleIsASCII) }
        return Self.containsWord(lowered: line.lowered, foldsCase: line.foldsCase, needle, needleIsASCII: needleIsASCII)
    }

    /// Whether `word` occurs in `haystack` as a whole word (or a whole word plus a plural "s").
    ///
    /// Batch scoring calls this terms × lines times per file, so an ASCII term (nearly all of them) is
    /// found by scanning UTF-8 bytes: Foundation's `range(of:)` bridges both strings to NSString and was
    /// over half of all batch time. Word boundaries are still judged on Unicode scalars as `Character`
    /// would, and a match that ends inside a character ("e" of "é" written as e + U+0301) is no match, as
    /// with Foundation. A term with non-ASCII letters keeps the Foundation search, whose canonical
    /// equivalence ("é" precomposed or not) a byte search lacks.
    static func containsWord(_ haystack: String, _ word: String) -> Bool {
        guard !word.isEmpty else { return false }
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return foundationContainsWord(haystack, word) }
        return containsASCIIWord(haystack, word)
    }

    /// `containsWord` for a non-empty ASCII `word`.
    private static func containsASCIIWord(_ haystack: String, _ word: String) -> Bool {
        haystack.withBorrowedUTF8 { textBytes in word.withBorrowedUTF8 { needleBytes in containsASCIIWord(textBytes, needleBytes) } }
    }

    private static func containsASCIIWord(_ text: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = needle.count
        guard count <= text.count, let base = text.baseAddress, let needleBase = needle.baseAddress else { return false }
        let first = Int32(needle[0])
        let lastStart = text.count - count
        var start = 0
        while start <= lastStart {
            // memchr finds each place the needle's first byte occurs (vectorised), memcmp checks the
            // rest: a byte loop over the whole line was most of the cost of a search.
            guard let found = memchr(base + start, first, lastStart - start + 1) else { return false }
            start = UnsafeRawPointer(base).distance(to: found)
            if count == 1 || memcmp(base + start + 1, needleBase + 1, count - 1) == 0,
               isWordMatch(text, from: start, to: start + count) {
                return true
            }
            start += 1
        }
        return false
    }

    /// `isWordMatch` for ASCII text standing for its lower-cased form (`ScorableRecord.Line.foldsCase`):
    /// every byte is a whole scalar and none attaches to the one before, so the rules read single
    /// bytes; lower-casing changes no byte's being a word byte, and an "S" reads as the plural "s".
    /// (The general rules, inlined here, set up Unicode property lookups on every call.)
    @inline(__always)
    private static func isFoldedASCIIWordMatch(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        @inline(__always) func isWordByte(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 }
        if start > 0 && isWordByte(text[start - 1]) { return false }
        guard end < text.count else { return true }
        let after = text[end]
        if !isWordByte(after) { return true }
        // "audits" evidences "audit": an "s" (either case) that ends the word.
        guard after | 0x20 == UInt8(ascii: "s") else { return false }
        return end + 1 == text.count || !isWordByte(text[end + 1])
    }

    /// The boundary rules of the `Character`-based search, on the bytes around `start..<end`.
    private static func isWordMatch(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        if start > 0, let before = characterStart(endingBefore: start, in: text), isWordScalar(before) { return false }
        guard end < text.count else { return true }
        let (after, afterLength) = TextScan.scalar(at: end, in: text)
        if attachesToPrevious(after) { return false }  // the match ends inside a character
        if !isWordScalar(after) { return true }
        // "audits" evidences "audit": an "s" that is a whole character and ends the word.
        guard after == "s" else { return false }
        let next = end + afterLength
        guard next < text.count else { return true }
        let (following, _) = TextScan.scalar(at: next, in: text)
        return !attachesToPrevious(following) && !isWordScalar(following)
    }

    /// The first scalar of the character that ends just before byte `index` (what `Character.isLetter`
    /// looks at), skipping back over combining marks.
    private static func characterStart(endingBefore index: Int, in text: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var end = index
        while end > 0 {
            var start = end - 1
            while start > 0 && text[start] & 0xC0 == 0x80 { start -= 1 }
            let (value, _) = TextScan.scalar(at: start, in: text)
            if !attachesToPrevious(value) || start == 0 { return value }
            end = start
        }
        return nil
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let byte = UInt8(scalar.value)
            return (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Combining marks and joiners, which belong to the character before them.
    private static func attachesToPrevious(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        return scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .spacingMark || scalar.value == 0x200D
    }

    /// The search on `Character`s through Foundation, for terms outside ASCII.
    static func foundationContainsWord(_ haystack: String, _ word: String) -> Bool {
        guard !word.isEmpty else { return false }
        var searchRange = haystack.startIndex..<haystack.endIndex
        while let found = haystack.range(of: word, range: searchRange) {
            let beforeOK = found.lowerBound == haystack.startIndex || !isWordCharacter(haystack[haystack.index(before: found.lowerBound)])
            let afterOK = found.upperBound == haystack.endIndex || !isWordCharacter(haystack[found.upperBound])
                || isPluralSuffix(haystack, from: found.upperBound)
            if beforeOK && afterOK { return true }
            searchRange = haystack.index(after: found.lowerBound)..<haystack.endIndex
        }
        return false
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// "audits" evidences "audit"; "interviews" evidences "interview".
    private static func isPluralSuffix(_ text: String, from index: String.Index) -> Bool {
        guard text[index] == "s" else { return false }
        let next = text.index(after: index)
        return next == text.endIndex || !isWordCharacter(text[next])
    }
}

/// Which adjacent byte pairs occur in a text, hashed into 256 bits: a necessary condition for one text
/// containing another byte for byte (every pair of the needle occurs in the haystack).
struct BytePairs: Sendable, Equatable {
    // Four words rather than a tuple or an array: the test below is the innermost loop of scoring.
    private var bits0: UInt64 = 0, bits1: UInt64 = 0, bits2: UInt64 = 0, bits3: UInt64 = 0

    init(_ text: String) {
        var text = text
        // The four words as one buffer indexed by the slot's top bits: a switch on them was a branch
        // per byte, and this runs over every scorable line of every file.
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        text.withUTF8 { bytes in
            guard bytes.count >= 2, let base = bytes.baseAddress else { return }
            withUnsafeMutableBytes(of: &words) { raw in
                let word = raw.baseAddress!.assumingMemoryBound(to: UInt64.self)
                var previous = base[0]
                for index in 1..<bytes.count {
                    let byte = base[index]
                    let slot = Int((UInt32(previous) &* 31 &+ UInt32(byte)) & 255)
                    word[slot >> 6] |= UInt64(1) << UInt64(slot & 63)
                    previous = byte
                }
            }
        }
        (bits0, bits1, bits2, bits3) = words
    }

    /// The pairs whose slots are the set bits of `words` (slot `s` is bit `s % 64` of word `s / 64`),
    /// for `ASCIILowercasing.lowercased(_:pairs:)`, which sets them while it lower-cases.
    init(words: (UInt64, UInt64, UInt64, UInt64)) {
        (bits0, bits1, bits2, bits3) = words
    }

    /// The four words: slot `s` is bit `s % 64` of word `s / 64` (as `init(words:)` takes them).
    var words: (UInt64, UInt64, UInt64, UInt64) { (bits0, bits1, bits2, bits3) }

    /// The set slots (0…255), ascending.
    var slots: [Int] {
        var slots: [Int] = []
        forEachSlot { slots.append($0) }
        return slots
    }

    /// Calls `body` with each set slot (0…255), ascending.
    @inline(__always) func forEachSlot(_ body: (Int) -> Void) {
        func visit(_ bits: UInt64, from offset: Int) {
            var rest = bits
            while rest != 0 {
                body(offset + rest.trailingZeroBitCount)
                rest &= rest &- 1
            }
        }
        visit(bits0, from: 0)
        visit(bits1, from: 64)
        visit(bits2, from: 128)
        visit(bits3, from: 192)
    }

    /// Calls `body` with each set slot (0…255), ascending, until it returns false; whether it never did.
    @inline(__always) func allSlots(satisfy body: (Int) -> Bool) -> Bool {
        func visit(_ bits: UInt64, from offset: Int) -> Bool {
            var rest = bits
            while rest != 0 {
                if !body(offset + rest.trailingZeroBitCount) { return false }
                rest &= rest &- 1
            }
            return true
        }
        return visit(bits0, from: 0) && visit(bits1, from: 64) && visit(bits2, from: 128) && visit(bits3, from: 192)
    }

    /// The pairs both here and in `other`.
    @inline(__always) func intersection(_ other: BytePairs) -> BytePairs {
        BytePairs(words: (bits0 & other.bits0, bits1 & other.bits1, bits2 & other.bits2, bits3 & other.bits3))
    }

    /// How many slots are set.
    var slotCount: Int {
        bits0.nonzeroBitCount + bits1.nonzeroBitCount + bits2.nonzeroBitCount + bits3.nonzeroBitCount
    }

    /// Whether every pair of `other` is here too.
    @inline(__always) func contains(_ other: BytePairs) -> Bool {
        (bits0 & other.bits0 == other.bits0) && (bits1 & other.bits1 == other.bits1)
            && (bits2 & other.bits2 == other.bits2) && (bits3 & other.bits3 == other.bits3)
    }
}
