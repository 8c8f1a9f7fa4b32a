/// The first test `ExperienceReader.role` puts to every line of an experience section, read from the
/// line's bytes without building a String: most lines are duties that start with a past-tense verb.
enum ExperienceLineScan {
    /// `LineFields.wordCountAndVerbFirst(text)`. Plain ASCII text (most lines) is read where it lies
    /// (no copy of the string to retain and release) and its first word is looked up by byte
    /// (`isPastVerbASCII`); other simple-scalar text is read on the same borrow, and the rest takes
    /// `LineFields.wordCountAndVerbFirst`.
    static func wordCountAndVerbFirst(_ text: String) -> (wordCount: Int, verbFirst: Bool) {
        let ascii = text.withBorrowedUTF8 { bytes -> (Int, Bool)? in
            guard let (count, firstStart, secondStart) = LineFields.plainASCIIWordStarts(bytes) else {
                // Other simple-scalar text ("2019 – 2021", "Acme · Columbus"): the path
                // `LineFields.wordCountAndVerbFirst` takes next, on this borrow rather than after a
                // second scan of its own for plain ASCII.
                guard TextScan.isSimpleScalars(bytes) else { return nil }
                return (TextScan.spaceWordCount(bytes), LineFields.startsWithVerb(bytes, LineFields.firstThreeWords(bytes)))
            }
            guard count >= 3 else { return (count, false) }
            // `startsWithVerb(bytes, words)`: the second word's first character, then the first word.
            let lead = bytes[secondStart]
            guard TextScan.isASCIILower(lead) || TextScan.isASCIIDigit(lead) || lead == 0x24 else { return (count, false) }
            var firstEnd = firstStart
            while bytes[firstEnd] != 0x20 { firstEnd += 1 }
            return (count, isPastVerbASCII(bytes, firstStart..<firstEnd))
        }
        return ascii ?? LineFields.wordCountAndVerbFirst(text)
    }

    /// True only when `wordCountAndVerbFirst(text).verbFirst` is (false leaves it open): read from the
    /// opening alone, so a duty ("Managed payroll for …", most lines of a section) is told without
    /// reading, or counting, the rest of its words.
    ///
    /// The opening is the first two words between spaces (0x20) and the first byte of a third. When those
    /// bytes are ASCII other than a carriage return, every space among them is a `Character` of its own
    /// (the byte after it is ASCII too, and no ASCII pair but CR LF is one `Character`), so each path of
    /// `LineFields.wordCountAndVerbFirst` (bytes, simple scalars, `Character`s) cuts the same first two
    /// words and sees a third: the answer is the ASCII one, `isPastVerbASCII` of the first word when the
    /// second starts with a lower-case letter, a digit or "$".
    static func isVerbFirstByOpening(_ text: String) -> Bool {
        text.withBorrowedUTF8 { bytes -> Bool in
            let count = bytes.count
            var index = 0
            /// Moves `index` over spaces (`true`) or over a word (`false`); false at a byte that is not
            /// ASCII or is a carriage return.
            func skip(spaces: Bool) -> Bool {
                while index < count {
                    let byte = bytes[index]
                    if byte >= 0x80 || byte == 0x0D { return false }
                    if (byte == 0x20) != spaces { return true }
                    index += 1
                }
                return true
            }
            guard skip(spaces: true) else { return false }
            let firstStart = index
            guard skip(spaces: false) else { return false }
            let firstEnd = index
            guard skip(spaces: true) else { return false }
            let secondStart = index
            guard skip(spaces: false), skip(spaces: true) else { return false }
            // A third word starts at `index`: its first byte must be plain ASCII too.
            guard firstStart < firstEnd, secondStart < index, index < count, bytes[index] < 0x80, bytes[index] != 0x0D else { return false }
            let lead = bytes[secondStart]
            guard TextScan.isASCIILower(lead) || TextScan.isASCIIDigit(lead) || lead == 0x24 else { return false }
            return isPastVerbASCII(bytes, firstStart..<firstEnd)
        }
    }

    /// `LineFields.isCapitalised(text)`: plain ASCII text (where `isSimpleScalars` holds and each word's
    /// first character is its first byte) is read by byte, its stop words compared where they lie
    /// (`LowerCaseASCIIWords`) rather than lower-cased into a String and hashed, with no array of words;
    /// other text takes `LineFields.isCapitalised`.
    static func isCapitalised(_ text: String) -> Bool {
        let ascii = text.withBorrowedUTF8 { bytes -> Bool? in
            guard TextScan.isPlainASCII(bytes) else { return nil }
            let stopWords = LowerCaseASCIIWords.stopWords
            var content = 0
            var capitalised = 0
            LineFields.forEachSpaceWord(bytes) { word in
                // `isStopWord`: stop words are at most four bytes.
                if word.count <= 4, stopWords.contains(bytes, word) { return }
                content += 1
                if TextScan.isASCIIUpper(bytes[word.lowerBound]) || TextScan.isASCIIDigit(bytes[word.lowerBound]) { capitalised += 1 }
            }
            guard content > 0 else { return false }
            return Double(capitalised) / Double(content) >= 0.6
        }
        return ascii ?? LineFields.isCapitalised(text)
    }

    /// `LineFields.isPastVerbASCII`: the same length and ending tests, then the sets asked by comparing
    /// the word's lower-cased bytes with theirs (`LowerCaseASCIIWords`) instead of building and hashing a String.
    static func isPastVerbASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        let length = word.count
        let endsInED = length >= 2 && TextScan.lowerASCII(bytes[word.upperBound - 2]) == 0x65 && TextScan.lowerASCII(bytes[word.upperBound - 1]) == 0x64
        guard length <= LineFields.longestIrregularPastVerb || endsInED else { return false }
        if length >= 5 && endsInED {
            return !LowerCaseASCIIWords.adjectives.contains(bytes, word) || LowerCaseASCIIWords.irregular.contains(bytes, word)
        }
        return LowerCaseASCIIWords.irregular.contains(bytes, word)
    }
}

/// A set of lower-case ASCII words asked by byte: the words in a `PackedWordRoles` table (each marked
/// `.title`; any non-empty answer means "in the set"), which lower-cases the bytes asked while packing
/// them and finds them with one hash and a probe or two. (Comparing the word with every member of its
/// length, held as arrays of bytes, retained and released each member it read.) Built from a
/// `Set<String>`; a member that is not lower-case ASCII cannot equal the lower-cased form of plain ASCII
/// bytes (no member holds U+212A KELVIN SIGN, the one non-ASCII scalar canonically equal to an ASCII
/// letter; a test checks), so it is left out. Every member is at most 16 bytes (`PackedWordRoles`
/// checks), so a longer word is in no set.
struct LowerCaseASCIIWords: Sendable {
    private let table: PackedWordRoles

    init(_ words: Set<String>) {
        var roles: [String: LineFields.WordRoles] = [:]
        for word in words where word.utf8.allSatisfy({ $0 < 0x80 && !TextScan.isASCIIUpper($0) }) {
            roles[word] = .title
        }
        table = PackedWordRoles(roles)
    }

    /// Whether the lower-cased bytes of `word` (plain ASCII) are one of the words.
    @inline(__always) func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        !table.roles(bytes, word).isEmpty
    }

    static let irregular = LowerCaseASCIIWords(LineFields.irregularPastVerbs)
    static let adjectives = LowerCaseASCIIWords(LineFields.pastParticipleAdjectives)
    static let stopWords = LowerCaseASCIIWords(LineFields.stopWords)
}
