/// What a word token means to the date grammar: a month, or one of the few words the grammar reads.
enum DateWord: Equatable {
    case none
    case month(Int)
    case since, from
    /// "to" and "till": range separators that also open "to date" / "till date".
    case to, till
    /// The other range separators: "until", "through", "thru", "bis", "au", "a".
    case separator
    /// "date": a present word of its own, and the end of "to date".
    case date
    /// The other present words (`DateExpressions.presentWords`).
    case present
    /// The zone and time letters of an XML Schema dateTime.
    case z, t

    /// The word a lower-cased word token names.
    init(lowered: String) {
        if let month = DateExpressions.monthNumbers[lowered] {
            self = .month(month)
            return
        }
        switch lowered {
        case "since": self = .since
        case "from": self = .from
        case "to": self = .to
        case "till": self = .till
        case "until", "through", "thru", "bis", "au", "a": self = .separator
        case "date": self = .date
        case "z": self = .z
        case "t": self = .t
        default: self = DateExpressions.presentWords.contains(lowered) ? .present : .none
        }
    }

    /// A range separator ("to", "until", …).
    var separatesRange: Bool {
        switch self {
        case .to, .till, .separator: true
        default: false
        }
    }

    /// One of `DateExpressions.presentWords`.
    var isPresent: Bool { self == .present || self == .date }

    /// The word of an ASCII letter run, lower-cased and packed five bits a letter ("a" is 1 … "z" is 26)
    /// into a number: unique for runs of up to twelve letters, and every word above is at most ten.
    /// Looking the number up costs one integer hash instead of building and hashing a String.
    static func packed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
        guard range.count <= longestWord else { return nil }
        var key: UInt64 = 0
        for index in range {
            key = key << 5 | UInt64((bytes[index] | 0x20) &- 0x60)
        }
        return key
    }

    /// The UTF-8 length of the longest word that is not `.none` ("actualidad"; "aujourd'hui" holds an
    /// apostrophe, which the tokenisers skip, so it is never one token).
    static let longestWord = 10

    /// Every word that is not `.none` and is ASCII letters short enough to pack: the words `byPackedKey`
    /// holds.
    static let packableWords: [String] = {
        let words = Array(DateExpressions.monthNumbers.keys) + Array(DateExpressions.presentWords)
            + ["since", "from", "to", "till", "until", "through", "thru", "bis", "au", "a", "z", "t"]
        return words.filter { $0.utf8.count <= longestWord && $0.utf8.allSatisfy(TextScan.isASCIILower) }
    }()

    /// For each first letter (a–z), bit n set when some word of `packableWords` has n letters. Most runs
    /// of letters in a line ("Manager", "Acme") are ruled out by this one bit before any key is looked up.
    static let lengthsByFirstLetter: [UInt16] = {
        var masks = [UInt16](repeating: 0, count: 26)
        for word in packableWords {
            let bytes = Array(word.utf8)
            masks[Int(bytes[0] &- 0x61)] |= 1 << UInt16(bytes.count)
        }
        return masks
    }()

    /// Whether the run of ASCII letters `bytes[range]` can be a word of `byPackedKey`, by its first letter
    /// and length: false only when no such word has both.
    @inline(__always) static func mayBeWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ masks: UnsafeBufferPointer<UInt16>) -> Bool {
        guard !range.isEmpty, range.count <= longestWord else { return false }
        return masks[Int((bytes[range.lowerBound] | 0x20) &- 0x61)] & (1 << UInt16(range.count)) != 0
    }

    /// Every word that is not `.none`, by its `packed` key.
    static let byPackedKey: [UInt64: DateWord] = {
        var table: [UInt64: DateWord] = [:]
        for word in packableWords {
            word.utf8.withContiguousStorageIfAvailable { bytes in
                if let key = packed(bytes, 0..<bytes.count) { table[key] = DateWord(lowered: word) }
            }
        }
        return table
    }()
}

/// A token as the date grammar reads it: its kind, where it sits (UTF-8 offsets in the text tokenised),
/// and the few facts the grammar asks of it, worked out once when it is cut. It holds no text, so an
/// array of them is one allocation with nothing to retain or release per token (a `DateToken` holds a
/// Substring and a String).
struct DateGrammarToken {
    var kind: DateToken.Kind
    /// No whitespace between this token and the previous one.
    var isTight: Bool
    var hadApostrophe: Bool
    /// A punctuation token's text when it is one ASCII character ("/", ".", ","), "-" for a dash; 0 otherwise.
    /// (The grammar compares tokens with those characters only.)
    var mark: UInt8
    /// For a word token, what it names; `.none` for other tokens.
    var word: DateWord
    /// UTF-8 offsets from the start of the text tokenised.
    var bytes: Range<Int>
    /// For a number token (ASCII digits), its value; nil when it does not fit an Int, as `Int(text)`.
    var value: Int?

    /// How many digits a number token has (its text's length: ASCII digits are one byte each); 0 for others.
    var digits: Int { kind == .number ? bytes.count : 0 }

    /// Whether a date can start at this token: a number, a month, or "since" / "from" (the only tokens at
    /// which `DateExpressions.parseDate` or `parseSince` can answer).
    var opensDate: Bool {
        switch kind {
        case .number: return true
        case .word:
            switch word {
            case .month, .since, .from: return true
            default: return false
            }
        case .dash, .punctuation: return false
        }
    }

    /// The grammar token of a `DateToken` cut from `text` by the `Character` tokeniser.
    init(_ token: DateToken, in text: Substring) {
        kind = token.kind
        isTight = token.isTight
        hadApostrophe = token.hadApostrophe
        let utf8 = token.text.utf8
        switch token.kind {
        case .dash: mark = 0x2D
        case .punctuation: mark = utf8.count == 1 ? utf8.first! : 0
        case .word, .number: mark = 0
        }
        word = token.kind == .word ? DateWord(lowered: token.lowered) : .none
        let lower = text.utf8.distance(from: text.startIndex, to: token.range.lowerBound)
        bytes = lower..<(lower + text.utf8.distance(from: token.range.lowerBound, to: token.range.upperBound))
        value = token.kind == .number ? Int(token.text) : nil
    }

    init(kind: DateToken.Kind, isTight: Bool, hadApostrophe: Bool, mark: UInt8, word: DateWord, bytes: Range<Int>, value: Int?) {
        self.kind = kind
        self.isTight = isTight
        self.hadApostrophe = hadApostrophe
        self.mark = mark
        self.word = word
        self.bytes = bytes
        self.value = value
    }
}

extension DateTokenizer {
    /// The grammar tokens of `text`: cut from its UTF-8 bytes when it is simple scalars
    /// (`TextScan.isSimpleScalars`, ASCII included), else from the `Character` tokeniser's tokens.
    static func grammarTokens(of text: Substring) -> [DateGrammarToken] {
        if let tokens = text.utf8.withContiguousStorageIfAvailable({ bytes in
            TextScan.isSimpleScalars(bytes) ? byteTokens(of: bytes) : nil
        }), let tokens {
            return tokens
        }
        return tokens(of: text).map { DateGrammarToken($0, in: text) }
    }

    /// The tokens of simple-scalar UTF-8 (`TextScan.isSimpleScalars`): every scalar is one `Character`,
    /// so the scalars are walked by byte, ASCII ones judged by byte and the others as the `Character`
    /// they are, by the tests of `tokens(of:)`. A word with a non-ASCII letter is `.none`: the words the
    /// grammar reads are ASCII, and no simple scalar lower-cases to ASCII (a test checks every one).
    ///
    /// An ASCII byte is judged as the byte it is (no scalar decoded, no test closure per byte): most bytes of the lines dates are looked for in are ASCII, and decoding each one as a
    /// scalar and asking it through a test closure cost about 50 instructions a byte. A byte from 0x80 up
    /// starts a scalar that is decoded and judged as before.
    static func byteTokens(of bytes: UnsafeBufferPointer<UInt8>) -> [DateGrammarToken] {
        @inline(__always) func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 ? TextScan.isASCIILetter(UInt8(scalar.value)) : !isCommonMark(scalar.value) && Character(scalar).isLetter
        }
        @inline(__always) func isDash(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x2D, 0x7E, 0x2013, 0x2014, 0x2212, 0x2012, 0x2015: true  // - ~ – — − ‒ ―
            default: false
            }
        }
        // Read once: the statics' accessors in the loop ran their once-checks for every word.
        let wordsByPackedKey = DateWord.byPackedKey
        let lengthsByFirstLetter = DateWord.lengthsByFirstLetter
        let end = bytes.count
        var tokens: [DateGrammarToken] = []
        // Enough for most lines a date is looked for in, so the array is allocated once.
        tokens.reserveCapacity(16)
        var index = 0
        var sawSpace = true
        var apostrophe = false
        /// Moves `index` past letters (ASCII ones by byte, others as scalars); whether every one was ASCII.
        @inline(__always) func skipLetters() -> Bool {
            var ascii = true
            while index < end {
                let byte = bytes[index]
                if byte < 0x80 {
                    guard TextScan.isASCIILetter(byte) else { break }
                    index += 1
                } else {
                    let (next, nextLength) = TextScan.scalar(at: index, in: bytes)
                    guard isLetter(next) else { break }
                    ascii = false
                    index += nextLength
                }
            }
            return ascii
        }
        /// Moves `index` past dashes ("-" and "~" by byte, the others as scalars).
        @inline(__always) func skipDashes() {
            while index < end {
                let byte = bytes[index]
                if byte == 0x2D || byte == 0x7E {
                    index += 1
                } else if byte >= 0x80 {
                    let (next, nextLength) = TextScan.scalar(at: index, in: bytes)
                    guard isDash(next) else { break }
                    index += nextLength
                } else {
                    break
                }
            }
        }
        while index < end {
            let lead = bytes[index]
            let start = index
            var kind = DateToken.Kind.punctuation
            var word = DateWord.none
            var value: Int?
            var mark: UInt8 = 0
            if lead < 0x80 {
                if lead == 0x20 || (lead >= 0x09 && lead <= 0x0D) {
                    sawSpace = true
                    index += 1
                    continue
                }
                if TextScan.isASCIILetter(lead) {
                    kind = .word
                    index += 1
                    if skipLetters(),
                       lengthsByFirstLetter.withUnsafeBufferPointer({ DateWord.mayBeWord(bytes, start..<index, $0) }),
                       let key = DateWord.packed(bytes, start..<index) {
                        word = wordsByPackedKey[key] ?? .none
                    }
                } else if TextScan.isASCIIDigit(lead) {
                    kind = .number
                    index += 1
                    while index < end, TextScan.isASCIIDigit(bytes[index]) { index += 1 }
                    value = decimalValue(bytes, start..<index)
                } else if lead == 0x2D || lead == 0x7E {
                    kind = .dash
                    mark = 0x2D
                    index += 1
                    skipDashes()
                } else {
                    index += 1
                    if lead == 0x27 {
                        apostrophe = true
                        sawSpace = false
                        continue
                    }
                    mark = lead
                }
            } else {
                let (scalar, length) = TextScan.scalar(at: index, in: bytes)
                if !isCommonMark(scalar.value) && (Character(scalar).isWhitespace || scalar.value == 0xA0) {
                    sawSpace = true
                    index += length
                    continue
                }
                // No scalar from 0x80 up is an ASCII digit: a letter, a dash or punctuation.
                if isLetter(scalar) {
                    kind = .word
                    index += length
                    // A word holding a non-ASCII letter is none of the grammar's words.
                    _ = skipLetters()
                } else if isDash(scalar) {
                    kind = .dash
                    mark = 0x2D
                    index += length
                    skipDashes()
                } else {
                    index += length
                    if scalar.value == 0x2019 {
                        apostrophe = true
                        sawSpace = false
                        continue
                    }
                }
            }
            tokens.append(DateGrammarToken(
                kind: kind, isTight: !sawSpace, hadApostrophe: apostrophe, mark: mark, word: word, bytes: start..<index, value: value))
            sawSpace = false
            apostrophe = false
        }
        return tokens
    }

    /// Whether the scalar is one of the marks résumé lines hold most besides ASCII — en and em dash,
    /// bullet, middle dot, curly quotes — none of which is whitespace or a letter (a test checks each):
    /// the tokeniser answers those two questions for them without building a `Character`.
    @inline(__always) static func isCommonMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x2013, 0x2014, 0x2022, 0x00B7, 0x2018, 0x2019, 0x201C, 0x201D: true
        default: false
        }
    }

    /// The value of a run of ASCII digits, nil when it does not fit an Int (as `Int(String)`).
    static func decimalValue(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let (times, timesOverflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, sumOverflow) = times.addingReportingOverflow(Int(bytes[index] &- 0x30))
            if timesOverflow || sumOverflow { return nil }
            value = sum
        }
        return value
    }
}
