import Foundation

/// A span of time found in résumé text: "January 2024 – Present", "Nov 2021 – Dec 2023", "2017–2020",
/// "09/2024 - present", "since September 2025", or a single date.
public struct DateRange: Sendable, Equatable {
    public var start: PartialDate?
    public var end: PartialDate?
    /// The range runs to the as-of date ("Present", "current", "now", "today", "to date", "since …").
    public var isCurrent: Bool
    /// Where in the text the expression sits, so callers can cut it out of a line.
    public var matched: Range<String.Index>

    public init(start: PartialDate?, end: PartialDate?, isCurrent: Bool, matched: Range<String.Index>) {
        self.start = start
        self.end = end
        self.isCurrent = isCurrent
        self.matched = matched
    }
}

/// Reads the date expressions résumés use. A hand-written scanner rather than regular expressions: it
/// runs on every line of every résumé in a batch.
public enum DateExpressions {
    /// The first date range (or lone date) in `text`.
    public static func findRange(in text: String) -> DateRange? {
        findRange(in: text[...])
    }

    /// The first date range in a slice; `matched` indexes the slice's base string.
    public static func findRange(in text: Substring) -> DateRange? {
        // Most lines hold no digits, and most duty lines with digits ("5 carriers", "under 29%") hold no
        // date shape either: those are ruled out by one pass over the bytes, before any token is cut.
        guard mayHoldDate(text) else { return nil }
        // (Text that may hold a date holds a digit: `scanRange`'s own digit test would pass.)
        return scanRange(inTextWithDigits: text)
    }

    /// Whether the grammar below can find a date in `text`. Every date it reads has a number token of
    /// four digits (a year), or a number tightly followed by "/" or "." ("09/2024", "4/1/97"), or a
    /// two-digit year after an apostrophe ("Jan '19"). A number token is a run of ASCII digit bytes (so
    /// a four-digit one lies in a byte run of at least four), a "/" or "." token is that one byte, and
    /// only an apostrophe ("'" or "’", which the tokenisers skip) can sit between a number and the next
    /// token without a space. False only when none of these can be.
    static func mayHoldDate(_ text: Substring) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            // Each case below needs a digit: most lines hold none, told eight bytes at a time.
            guard containsASCIIDigit(bytes) else { return false }
            var run = 0
            var sawDigit = false
            var sawApostrophe = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if TextScan.isASCIIDigit(byte) {
                    run += 1
                    if run >= 4 { return true }
                    sawDigit = true
                } else {
                    if run > 0, byte == 0x2F || byte == 0x2E { return true }
                    run = 0
                    if byte == 0x27 || (byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99) {
                        sawApostrophe = true
                    }
                }
                index += 1
            }
            return sawDigit && sawApostrophe
        }
        if let answer = text.utf8.withContiguousStorageIfAvailable(scan) { return answer }
        return ContiguousArray(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// Whether any byte is an ASCII digit (0x30–0x39), eight bytes at a time: a byte of `word` lies
    /// strictly between 0x2F and 0x3A exactly when its high bit is set in the result ("hasbetween" of
    /// Bit Twiddling Hacks: on the low seven bits no byte borrows from or carries into the next, and
    /// bytes from 0x80 up are masked out by `~word`).
    static func containsASCIIDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func hasDigit(_ word: UInt64) -> Bool {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let lowSeven = word & 0x7F7F_7F7F_7F7F_7F7F
            return (ones &* (127 + 0x3A) &- lowSeven) & ~word & (lowSeven &+ ones &* (127 - 0x2F)) & 0x8080_8080_8080_8080 != 0
        }
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            if hasDigit(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))) { return true }
            index += 8
        }
        while index < bytes.count {
            if TextScan.isASCIIDigit(bytes[index]) { return true }
            index += 1
        }
        return false
    }

    /// `findRange` without the byte filter: tokenises the text and reads the grammar.
    static func scanRange(in text: Substring) -> DateRange? {
        guard TextScan.containsASCIIDigit(text) else { return nil }
        return scanRange(inTextWithDigits: text)
    }

    /// `scanRange` for text known to hold an ASCII digit.
    private static func scanRange(inTextWithDigits text: Substring) -> DateRange? {
        let tokens = DateTokenizer.grammarTokens(of: text)
        var index = 0
        while index < tokens.count {
            // Only a number, a month or "since"/"from" opens a date (`parseSince` and `parseDate` answer
            // nil at any other token): the rest of a line's tokens are passed over without the two calls.
            guard tokens[index].opensDate else {
                index += 1
                continue
            }
            if let since = parseSince(tokens, at: index, in: text) { return since }
            if let (start, next) = parseDate(tokens, at: index) {
                if let (end, isCurrent, after) = parseRangeEnd(tokens, at: next) {
                    return DateRange(start: start, end: end, isCurrent: isCurrent, matched: matched(tokens, index, after, in: text))
                }
                return DateRange(start: start, end: nil, isCurrent: false, matched: matched(tokens, index, next, in: text))
            }
            index += 1
        }
        return nil
    }

    /// Where tokens `first..<after` sit in `text`, as indices of its base string.
    private static func matched(_ tokens: [DateGrammarToken], _ first: Int, _ after: Int, in text: Substring) -> Range<String.Index> {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: tokens[first].bytes.lowerBound)
        let upper = utf8.index(lower, offsetBy: tokens[after - 1].bytes.upperBound - tokens[first].bytes.lowerBound)
        return lower..<upper
    }

    /// Every date range in `text`, left to right (a line may hold two, e.g. a job and a lead role).
    public static func allRanges(in text: String) -> [DateRange] {
        var result: [DateRange] = []
        var searchStart = text.startIndex
        while searchStart < text.endIndex, let found = findRange(in: text[searchStart...]) {
            result.append(found)
            searchStart = found.matched.upperBound
        }
        return result
    }

    /// `text` as one date and nothing else: "2024", "2024-01", "Jan 2024", "01/2024", "4/1/1997",
    /// "2000-06-01Z", "January 15, 2024".
    public static func date(_ text: String) -> PartialDate? {
        let tokens = DateTokenizer.grammarTokens(of: text[...])
        guard let (date, next) = parseDate(tokens, at: 0) else { return nil }
        if next == tokens.count || tokens[next...].allSatisfy({ $0.kind == .punctuation }) { return date }
        // An XML Schema date or dateTime with a zone or time: "2000-06-01Z", "2024-01-15T09:30:00+02:00".
        if date.day != nil, tokens[next].isTight, tokens[next].kind == .word, tokens[next].word == .z || tokens[next].word == .t,
           tokens[(next + 1)...].allSatisfy({ $0.kind != .word || $0.word == .z }) {
            return date
        }
        return nil
    }

    /// "present", "current", "now", "today", "to date", "ongoing" …: the range is still open.
    public static func isPresent(_ text: String) -> Bool {
        let lowered = trimmingSpaceAndPunctuation(text.lowercased())
        return presentWords.contains(lowered) || lowered == "to date" || lowered == "till date"
    }

    /// `text` without leading and trailing white space and punctuation (Foundation's
    /// `.whitespacesAndNewlines` and `.punctuationCharacters`, whose union cost more per call than the
    /// rest of reading an HR-XML date).
    static func trimmingSpaceAndPunctuation(_ text: String) -> String {
        func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator,
                 .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return true
            default:
                return (0x09...0x0D).contains(scalar.value) || scalar.value == 0x85
            }
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(scalars[first...last])
    }

    static let presentWords: Set<String> = ["present", "current", "currently", "now", "today", "ongoing", "date", "presently", "heute", "actualidad", "actuel", "aujourd'hui"]

    static let monthNumbers: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    // MARK: - Grammar

    private static func parseSince(_ tokens: [DateGrammarToken], at index: Int, in text: Substring) -> DateRange? {
        guard tokens[index].kind == .word, tokens[index].word == .since || tokens[index].word == .from else { return nil }
        guard index + 1 < tokens.count, let (start, next) = parseDate(tokens, at: index + 1) else { return nil }
        if tokens[index].word == .from, let (end, isCurrent, after) = parseRangeEnd(tokens, at: next) {
            return DateRange(start: start, end: end, isCurrent: isCurrent, matched: matched(tokens, index, after, in: text))
        }
        guard tokens[index].word == .since else { return nil }
        return DateRange(start: start, end: nil, isCurrent: true, matched: matched(tokens, index, next, in: text))
    }

    /// After a start date: a separator and an end date or a present word.
    private static func parseRangeEnd(_ tokens: [DateGrammarToken], at index: Int) -> (PartialDate?, Bool, Int)? {
        guard index < tokens.count else { return nil }
        var cursor = index
        let separator = tokens[cursor]
        switch separator.kind {
        case .dash:
            cursor += 1
        case .word where separator.word.separatesRange:
            cursor += 1
        default:
            return nil
        }
        guard cursor < tokens.count else { return nil }
        if tokens[cursor].kind == .word {
            let word = tokens[cursor].word
            if word == .to || word == .till, cursor + 1 < tokens.count, tokens[cursor + 1].word == .date {
                return (nil, true, cursor + 2)
            }
            if word.isPresent { return (nil, true, cursor + 1) }
        }
        if let (end, next) = parseDate(tokens, at: cursor) { return (end, false, next) }
        return nil
    }

    /// One date starting at `index`; returns it and the index after it.
    static func parseDate(_ tokens: [DateGrammarToken], at index: Int) -> (PartialDate, Int)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        switch token.kind {
        case .word:
            guard case .month(let month) = token.word else { return nil }
            var cursor = index + 1
            if cursor < tokens.count, tokens[cursor].kind == .punctuation, tokens[cursor].mark == 0x2E { cursor += 1 }  // "."
            // "March, 2019": a comma between the month and a year (not "January 15, 2024").
            if cursor + 1 < tokens.count, tokens[cursor].kind == .punctuation, tokens[cursor].mark == 0x2C, tokens[cursor + 1].digits == 4 { cursor += 1 }
            guard cursor < tokens.count, tokens[cursor].kind == .number else { return nil }
            let number = tokens[cursor]
            if number.digits == 4, let year = number.value, plausibleYear(year) {
                return (PartialDate(year: year, month: month), cursor + 1)
            }
            // "January 15, 2024"
            if number.digits <= 2, let day = number.value, cursor + 1 < tokens.count {
                var yearIndex = cursor + 1
                if tokens[yearIndex].kind == .punctuation, tokens[yearIndex].mark == 0x2C { yearIndex += 1 }
                if yearIndex < tokens.count, tokens[yearIndex].digits == 4, let year = tokens[yearIndex].value, plausibleYear(year) {
                    return (PartialDate(year: year, month: month, day: day), yearIndex + 1)
                }
            }
            // "Jan '19"
            if number.digits == 2, number.hadApostrophe, let short = number.value {
                return (PartialDate(year: 2000 + short > 2060 ? 1900 + short : 2000 + short, month: month), cursor + 1)
            }
            return nil
        case .number:
            guard let value = token.value else { return nil }
            // The separators below, by their one ASCII character: "-" (a dash token), "/" and ".".
            let hyphen: UInt8 = 0x2D, slash: UInt8 = 0x2F, period: UInt8 = 0x2E
            if token.digits == 4 {
                guard plausibleYear(value) else { return nil }
                // ISO: 2024-01, 2024-01-15 (joined with hyphens, no spaces); 2024/01
                if index + 2 < tokens.count, tokens[index + 1].isTight, tokens[index + 2].isTight,
                   tokens[index + 1].mark == hyphen || tokens[index + 1].mark == slash,
                   tokens[index + 2].kind == .number, tokens[index + 2].digits == 2 || (tokens[index + 1].mark == slash && tokens[index + 2].digits == 1),
                   let month = tokens[index + 2].value, (1...12).contains(month) {
                    if index + 4 < tokens.count, tokens[index + 3].isTight, tokens[index + 4].isTight,
                       tokens[index + 3].mark == tokens[index + 1].mark, tokens[index + 4].digits == 2,
                       let day = tokens[index + 4].value, (1...31).contains(day) {
                        return (PartialDate(year: value, month: month, day: day), index + 5)
                    }
                    return (PartialDate(year: value, month: month), index + 3)
                }
                return (PartialDate(year: value), index + 1)
            }
            if token.digits <= 2, index + 2 < tokens.count, tokens[index + 1].mark == slash || tokens[index + 1].mark == period,
               tokens[index + 1].isTight, tokens[index + 2].isTight, tokens[index + 2].kind == .number,
               let second = tokens[index + 2].value {
                if tokens[index + 2].digits == 4, plausibleYear(second), (1...12).contains(value) {
                    return (PartialDate(year: second, month: value), index + 3)  // 09/2024
                }
                // 4/1/1997 (US order, as HR-XML's StringDate and US résumés write it)
                if tokens[index + 2].digits <= 2, index + 4 < tokens.count, tokens[index + 3].mark == tokens[index + 1].mark,
                   tokens[index + 3].isTight, tokens[index + 4].isTight, tokens[index + 4].kind == .number,
                   let year = tokens[index + 4].value {
                    let fullYear = tokens[index + 4].digits == 4 ? year : (tokens[index + 4].digits == 2 ? (year > 60 ? 1900 + year : 2000 + year) : -1)
                    if plausibleYear(fullYear) {
                        let (month, day) = value > 12 ? (second, value) : (value, second)
                        if (1...12).contains(month) { return (PartialDate(year: fullYear, month: month, day: day), index + 5) }
                    }
                }
            }
            return nil
        default:
            return nil
        }
    }

    static func plausibleYear(_ year: Int) -> Bool { (1900...2100).contains(year) }
}

/// A token with its text, as the `Character` tokeniser cuts it (the grammar reads `DateGrammarToken`s).
struct DateToken {
    enum Kind { case word, number, dash, punctuation }
    var kind: Kind
    var text: Substring
    var lowered: String
    var range: Range<String.Index>
    /// No whitespace between this token and the previous one.
    var isTight: Bool
    var hadApostrophe = false

    /// A token as the tokenisers cut it: dashes read as "-", words with their lower-cased form.
    init(kind: Kind, text: Substring, lowered: @autoclosure () -> String, range: Range<String.Index>, afterSpace: Bool, afterApostrophe: Bool) {
        self.kind = kind
        self.text = kind == .dash ? "-" : text
        self.lowered = kind == .word ? lowered() : ""
        self.range = range
        isTight = !afterSpace
        hadApostrophe = afterApostrophe
    }
}

enum DateTokenizer {
    /// The tokens of any text, cut by `Character`. (Simple-scalar text, most of what résumés hold, is cut
    /// from its bytes by `byteTokens`; see `grammarTokens`.)
    static func tokens(of text: Substring) -> [DateToken] {
        var tokens: [DateToken] = []
        var index = text.startIndex
        var sawSpace = true
        var apostrophe = false
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace || character == "\u{00A0}" {
                sawSpace = true
                index = text.index(after: index)
                continue
            }
            let start = index
            let kind: DateToken.Kind
            if character.isLetter {
                while index < text.endIndex, text[index].isLetter { index = text.index(after: index) }
                kind = .word
            } else if character.isASCII, character.isNumber {
                while index < text.endIndex, text[index].isASCII, text[index].isNumber { index = text.index(after: index) }
                kind = .number
            } else if character == "-" || character == "–" || character == "—" || character == "−" || character == "~" || character == "‒" || character == "―" {
                while index < text.endIndex, ["-", "–", "—", "−", "~", "‒", "―"].contains(text[index]) { index = text.index(after: index) }
                kind = .dash
            } else {
                index = text.index(after: index)
                if character == "'" || character == "’" {
                    apostrophe = true
                    sawSpace = false
                    continue
                }
                kind = .punctuation
            }
            let piece = text[start..<index]
            tokens.append(DateToken(
                kind: kind, text: piece, lowered: piece.lowercased(), range: start..<index, afterSpace: sawSpace, afterApostrophe: apostrophe))
            sawSpace = false
            apostrophe = false
        }
        return tokens
    }

    /// `byteTokens` of simple-scalar text as `DateToken`s (their text, lower-cased form and indices in
    /// `text`), which `tokens(of:)` would cut from the same text.
    static func simpleScalarTokens(of text: Substring, bytes: UnsafeBufferPointer<UInt8>) -> [DateToken] {
        let utf8 = text.utf8
        return byteTokens(of: bytes).map { token in
            let lower = utf8.index(utf8.startIndex, offsetBy: token.bytes.lowerBound)
            let upper = utf8.index(lower, offsetBy: token.bytes.count)
            let piece = text[lower..<upper]
            return DateToken(
                kind: token.kind, text: piece, lowered: TextScan.lowercased(String(piece)), range: lower..<upper,
                afterSpace: !token.isTight, afterApostrophe: token.hadApostrophe)
        }
    }
}
