/// A set of indices below 256 (into `SectionHeadings.phrases` or `.otherWords`), as four words of bits:
/// marking and reading back in ascending order allocates nothing.
struct IndexBits: Sendable, Equatable {
    static let capacity = 256
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    static func == (left: IndexBits, right: IndexBits) -> Bool {
        left.words == right.words
    }

    /// Marks `index` (0 ..< `capacity`).
    mutating func insert(_ index: Int) {
        precondition(index >= 0 && index < Self.capacity, "IndexBits holds indices below \(Self.capacity)")
        let bit = UInt64(1) << UInt64(index & 63)
        switch index >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    mutating func formUnion(_ other: IndexBits) {
        words.0 |= other.words.0
        words.1 |= other.words.1
        words.2 |= other.words.2
        words.3 |= other.words.3
    }

    var isEmpty: Bool { (words.0 | words.1 | words.2 | words.3) == 0 }

    /// Calls `body` with each marked index, smallest first.
    func forEach(_ body: (Int) -> Void) {
        for offset in 0..<4 {
            var rest: UInt64
            switch offset {
            case 0: rest = words.0
            case 1: rest = words.1
            case 2: rest = words.2
            default: rest = words.3
            }
            while rest != 0 {
                body(offset * 64 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
    }

    /// The marked indices, smallest first.
    var sorted: [Int] {
        var result: [Int] = []
        forEach { result.append($0) }
        return result
    }
}

/// The phrases and other words of `SectionHeadings` that can match in a lower-cased ASCII heading: those
/// whose first word is one of the heading's runs of ASCII letters. The same indices as
/// `distinctSorted(letterRuns(bytes), phraseIndicesByFirstWord)` (and the other-word table), found by
/// comparing each run's bytes with the first words that start with its letter, with no String per run.
struct HeadingCandidates: Sendable, Equatable {
    var phrases = IndexBits()
    var others = IndexBits()

    /// A first word of some phrase or other word, as bytes, with the indices of the entries it starts.
    struct FirstWord: Sendable {
        var bytes: [UInt8]
        var phrases: IndexBits
        var others: IndexBits
    }

    /// The first words made of ASCII letters, by their first byte (0 ..< 128). A first word with any other
    /// scalar can never equal a run of ASCII letters (no key holds the one non-ASCII scalar canonically
    /// equal to an ASCII letter, U+212A KELVIN SIGN; a test checks), so it is left out. Empty when an index
    /// would not fit `IndexBits`: then `init(lowered:)` gives nil and the caller takes the general path.
    static let firstWordsByByte: [[FirstWord]] = {
        var buckets = [[FirstWord]](repeating: [], count: 128)
        guard SectionHeadings.phrases.count <= IndexBits.capacity, SectionHeadings.otherWords.count <= IndexBits.capacity else {
            return buckets
        }
        let keys = Set(SectionHeadings.phraseIndicesByFirstWord.keys).union(SectionHeadings.otherIndicesByFirstWord.keys)
        for key in keys.sorted() {
            let bytes = Array(key.utf8)
            guard !bytes.isEmpty, bytes.allSatisfy(TextScan.isASCIILetter) else { continue }
            var entry = FirstWord(bytes: bytes, phrases: IndexBits(), others: IndexBits())
            for index in SectionHeadings.phraseIndicesByFirstWord[key] ?? [] { entry.phrases.insert(index) }
            for index in SectionHeadings.otherIndicesByFirstWord[key] ?? [] { entry.others.insert(index) }
            buckets[Int(bytes[0])].append(entry)
        }
        return buckets
    }()

    static let fitsIndexBits = SectionHeadings.phrases.count <= IndexBits.capacity
        && SectionHeadings.otherWords.count <= IndexBits.capacity

    /// The candidates for the bytes of a plain ASCII text; nil when the lists are too long for `IndexBits`.
    init?(lowered bytes: UnsafeBufferPointer<UInt8>) {
        guard Self.fitsIndexBits else { return nil }
        var phrases = IndexBits()
        var others = IndexBits()
        Self.firstWordsByByte.withUnsafeBufferPointer { buckets in
            _ = TextScan.firstLetterRun(in: bytes) { run in
                for word in buckets[Int(bytes[run.lowerBound])] where word.bytes.count == run.count {
                    var offset = 1
                    while offset < run.count, word.bytes[offset] == bytes[run.lowerBound + offset] { offset += 1 }
                    if offset == run.count {
                        phrases.formUnion(word.phrases)
                        others.formUnion(word.others)
                        break
                    }
                }
                return false
            }
        }
        self.phrases = phrases
        self.others = others
    }
}

extension SectionHeadings {
    /// `LineFields.lowerWords(text).count` for plain ASCII bytes, without the words: the runs of letters,
    /// "&" and "-" that hold something besides hyphens (a run of hyphens alone trims to nothing).
    static func lowerWordCountASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inRun = false
        var runHasNonHyphen = false
        for byte in bytes {
            if TextScan.isASCIILetter(byte) || byte == 0x26 || byte == 0x2D {
                inRun = true
                if byte != 0x2D { runHasNonHyphen = true }
            } else {
                if inRun, runHasNonHyphen { count += 1 }
                inRun = false
                runHasNonHyphen = false
            }
        }
        if inRun, runHasNonHyphen { count += 1 }
        return count
    }

    /// `LineFields.lowerWords(text).count` without the words: the runs of letters, "&" and "-" (as
    /// Characters of the lower-cased text, as `lowerWords` splits it) that hold something besides hyphens
    /// (`lowerWords` trims the hyphens off each run and drops the runs left empty). Headings that are not
    /// plain ASCII come here; building the words' array, their trimmed copies and the filtered array
    /// was most of the cost of reading such a heading.
    static func lowerWordCount(_ text: String) -> Int {
        if let count = TextScan.withPlainASCII(text, { lowerWordCountASCII($0) }) { return count }
        var count = 0
        var inRun = false
        var runHasNonHyphen = false
        for character in TextScan.lowercased(text) {
            if character.isLetter || character == "&" || character == "-" {
                inRun = true
                if character != "-" { runHasNonHyphen = true }
            } else {
                if inRun, runHasNonHyphen { count += 1 }
                inRun = false
                runHasNonHyphen = false
            }
        }
        if inRun, runHasNonHyphen { count += 1 }
        return count
    }
}

extension SectionHeadings {
    /// `phrases[i].0.count` for each phrase, counted once.
    static let phraseLengths: [Int] = phrases.map { $0.0.count }
    /// The phrases and other words as UTF-8 bytes, for `asciiWordPosition`.
    static let phraseUTF8: [[UInt8]] = phrases.map { Array($0.0.utf8) }
    static let otherWordUTF8: [[UInt8]] = otherWords.map { Array($0.utf8) }

    /// `TextScan.wordPosition(of: phrase, in: text)` for plain ASCII text, on bytes: the first offset
    /// where the phrase's bytes occur with no letter just before or just after. In ASCII text every
    /// neighbour is one byte, a scalar that is alphabetic exactly when it is an ASCII letter; a phrase
    /// with other bytes occurs nowhere, as there.
    static func asciiWordPosition(of phrase: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let length = phrase.count
        guard length <= text.count else { return nil }
        var start = 0
        while start <= text.count - length {
            if length == 0 || text[start] == phrase[0] {
                var offset = 1
                while offset < length, text[start + offset] == phrase[offset] { offset += 1 }
                if offset >= length,
                   start == 0 || !TextScan.isASCIILetter(text[start - 1]),
                   start + length >= text.count || !TextScan.isASCIILetter(text[start + length]) {
                    return start
                }
            }
            start += 1
        }
        return nil
    }

    /// Whether `LineFields.lowerWords(lowered)` holds "summary", "objective" or "profile" and none of
    /// "experience", "employment", "history" (the summary rule of `section(named:)`). Plain ASCII text
    /// is read by byte, its words compared where they lie; other text takes the words.
    static func summaryWordQualifies(_ lowered: String) -> Bool {
        if let quick = TextScan.withPlainASCII(lowered, { bytes -> Bool in
            var qualifier = false
            var qualified = false
            LineFields.forEachWordRangeASCII(bytes) { word in
                if matchesAny(bytes, word, qualifierWords) { qualifier = true }
                if matchesAny(bytes, word, qualifiedWords) { qualified = true }
            }
            return qualifier && !qualified
        }) {
            return quick
        }
        let words = LineFields.lowerWords(lowered)
        return words.contains(where: { ["summary", "objective", "profile"].contains($0) })
            && !words.contains(where: { ["experience", "employment", "history"].contains($0) })
    }

    static let qualifierWords: [[UInt8]] = ["summary", "objective", "profile"].map { Array($0.utf8) }
    static let qualifiedWords: [[UInt8]] = ["experience", "employment", "history"].map { Array($0.utf8) }

    /// Whether the lower-cased bytes of `word` are one of `candidates` (lower-case ASCII).
    private static func matchesAny(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, _ candidates: [[UInt8]]) -> Bool {
        candidates.contains { candidate in
            candidate.count == word.count && candidate.indices.allSatisfy { candidate[$0] == TextScan.lowerASCII(bytes[word.lowerBound + $0]) }
        }
    }
}
