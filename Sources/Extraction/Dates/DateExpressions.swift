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
        return scanRange(in: text)
    }

    /// Whether the grammar below can find a date in `text`. Every date it reads has a number token of
    /// four digits (a year), or a number tightly followed by "/" or "." ("09/2024", "4/1/97"), or a
    /// two-digit year after an apostrophe ("Jan '19"). A number token is a run of ASCII digit bytes (so
    /// a four-digit one lies in a byte run of at least four), a "/" or "." token is that one byte, and
    /// only an apostrophe ("'" or "’", which the tokenisers skip) can sit between a number and the next
    /// token without a space. False only when none of these can be.
    static func mayHoldDate(_ text: Substring) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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

    /// `findRange` without the byte filter: tokenises the text and reads the grammar.
    static func scanRange(in text: Substring) -> DateRange? {
        guard TextScan.containsASCIIDigit(text) else { return nil }
        let tokens = DateTokenizer.tokens(of: text)
        var index = 0
        while index < tokens.count {
            if let since = parseSince(tokens, at: index) { return since }
            if let (start, next) = parseDate(tokens, at: index) {
                if let (end, isCurrent, after) = parseRangeEnd(tokens, at: next) {
                    let upper = tokens[after - 1].range.upperBound
                    return DateRange(
                        start: start, end: end, isCurrent: isCurrent,
                        matched: tokens[index].range.lowerBound..<upper)
                }
                let upper = tokens[next - 1].range.upperBound
                return DateRange(start: start, end: nil, isCurrent: false, matched: tokens[index].range.lowerBound..<upper)
            }
            index += 1
        }
        return nil
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
        let tokens = DateTokenizer.tokens(of: text[...])
        guard let (date, next) = parseDate(tokens, at: 0) else { return nil }
        if next == tokens.count || tokens[next...].allSatisfy({ $0.kind == .punctuation }) { return date }
        // An XML Schema date or dateTime with a zone or time: "2000-06-01Z", "2024-01-15T09:30:00+02:00".
        if date.day != nil, tokens[next].isTight, tokens[next].kind == .word, tokens[next].lowered == "z" || tokens[next].lowered == "t",
           tokens[(next + 1)...].allSatisfy({ $0.kind != .word || $0.lowered == "z" }) {
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

    private static func parseSince(_ tokens: [DateToken], at index: Int) -> DateRange? {
        guard tokens[index].kind == .word, tokens[index].lowered == "since" || tokens[index].lowered == "from" else { return nil }
        guard index + 1 < tokens.count, let (start, next) = parseDate(tokens, at: index + 1) else { return nil }
        if tokens[index].lowered == "from", let (end, isCurrent, after) = parseRangeEnd(tokens, at: next) {
            return DateRange(start: start, end: end, isCurrent: isCurrent, matched: tokens[index].range.lowerBound..<tokens[after - 1].range.upperBound)
        }
        guard tokens[index].lowered == "since" else { return nil }
        return DateRange(start: start, end: nil, isCurrent: true, matched: tokens[index].range.lowerBound..<tokens[next - 1].range.upperBound)
    }

    /// After a start date: a separator and an end date or a present word.
    private static func parseRangeEnd(_ tokens: [DateToken], at index: Int) -> (PartialDate?, Bool, Int)? {
        guard index < tokens.count else { return nil }
        var cursor = index
        let separator = tokens[cursor]
        switch separator.kind {
        case .dash:
            cursor += 1
        case .word where ["to", "until", "till", "through", "thru", "bis", "au", "a"].contains(separator.lowered):
            cursor += 1
        default:
            return nil
        }
        guard cursor < tokens.count else { return nil }
        if tokens[cursor].kind == .word {
            let word = tokens[cursor].lowered
            if word == "to" || word == "till", cursor + 1 < tokens.count, tokens[cursor + 1].lowered == "date" {
                return (nil, true, cursor + 2)
            }
            if presentWords.contains(word) { return (nil, true, cursor + 1) }
        }
        if let (end, next) = parseDate(tokens, at: cursor) { return (end, false, next) }
        return nil
    }

    /// One date starting at `index`; returns it and the index after it.
    static func parseDate(_ tokens: [DateToken], at index: Int) -> (PartialDate, Int)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        switch token.kind {
        case .word:
            // Month names are 3 to 9 bytes: most words need no hashing to be told apart from them.
            guard (3...9).contains(token.lowered.utf8.count), let month = monthNumbers[token.lowered] else { return nil }
            var cursor = index + 1
            if cursor < tokens.count, tokens[cursor].kind == .punctuation, tokens[cursor].text == "." { cursor += 1 }
            // "March, 2019": a comma between the month and a year (not "January 15, 2024").
            if cursor + 1 < tokens.count, tokens[cursor].kind == .punctuation, tokens[cursor].text == ",", tokens[cursor + 1].digits == 4 { cursor += 1 }
            guard cursor < tokens.count, tokens[cursor].kind == .number else { return nil }
            let number = tokens[cursor]
            if number.digits == 4, let year = number.value, plausibleYear(year) {
                return (PartialDate(year: year, month: month), cursor + 1)
            }
            // "January 15, 2024"
            if number.digits <= 2, let day = number.value, cursor + 1 < tokens.count {
                var yearIndex = cursor + 1
                if tokens[yearIndex].kind == .punctuation, tokens[yearIndex].text == "," { yearIndex += 1 }
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
            if token.digits == 4 {
                guard plausibleYear(value) else { return nil }
                // ISO: 2024-01, 2024-01-15 (joined with hyphens, no spaces); 2024/01
                if index + 2 < tokens.count, tokens[index + 1].isTight, tokens[index + 2].isTight,
                   tokens[index + 1].text == "-" || tokens[index + 1].text == "/",
                   tokens[index + 2].kind == .number, tokens[index + 2].digits == 2 || (tokens[index + 1].text == "/" && tokens[index + 2].digits == 1),
                   let month = tokens[index + 2].value, (1...12).contains(month) {
                    if index + 4 < tokens.count, tokens[index + 3].isTight, tokens[index + 4].isTight,
                       tokens[index + 3].text == tokens[index + 1].text, tokens[index + 4].digits == 2,
                       let day = tokens[index + 4].value, (1...31).contains(day) {
                        return (PartialDate(year: value, month: month, day: day), index + 5)
                    }
                    return (PartialDate(year: value, month: month), index + 3)
                }
                return (PartialDate(year: value), index + 1)
            }
            if token.digits <= 2, index + 2 < tokens.count, tokens[index + 1].text == "/" || tokens[index + 1].text == ".",
               tokens[index + 1].isTight, tokens[index + 2].isTight, tokens[index + 2].kind == .number,
               let second = tokens[index + 2].value {
                if tokens[index + 2].digits == 4, plausibleYear(second), (1...12).contains(value) {
                    return (PartialDate(year: second, month: value), index + 3)  // 09/2024
                }
                // 4/1/1997 (US order, as HR-XML's StringDate and US résumés write it)
                if tokens[index + 2].digits <= 2, index + 4 < tokens.count, tokens[index + 3].text == tokens[index + 1].text,
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

    var digits: Int { kind == .number ? text.count : 0 }
    var value: Int? { kind == .number ? Int(text) : nil }
}

enum DateTokenizer {
    static func tokens(of text: Substring) -> [DateToken] {
        if TextScan.isPlainASCII(text) { return asciiTokens(of: text) }
        if let tokens = text.utf8.withContiguousStorageIfAvailable({ bytes in
            TextScan.isSimpleScalars(bytes) ? simpleScalarTokens(of: text, bytes: bytes) : nil
        }), let tokens {
            return tokens
        }
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

    /// `tokens(of:)` for simple-scalar text (`TextScan.isSimpleScalars`: curly quotes, dashes, accented
    /// letters): every scalar is one `Character`, so the scalars are walked instead of the characters,
    /// decoded from `bytes` (the text's UTF-8), ASCII ones judged by byte and the others as the
    /// `Character` they are, by the same tests. Token bounds are scalar boundaries, made into indices
    /// of the text by their UTF-8 offsets.
    static func simpleScalarTokens(of text: Substring, bytes: UnsafeBufferPointer<UInt8>) -> [DateToken] {
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 ? TextScan.isASCIILetter(UInt8(scalar.value)) : Character(scalar).isLetter
        }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 && TextScan.isASCIIDigit(UInt8(scalar.value))
        }
        func isDash(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x2D, 0x7E, 0x2013, 0x2014, 0x2212, 0x2012, 0x2015: true  // - ~ – — − ‒ ―
            default: false
            }
        }
        let utf8 = text.utf8
        let base = utf8.startIndex
        let end = bytes.count
        var tokens: [DateToken] = []
        var index = 0
        var sawSpace = true
        var apostrophe = false
        while index < end {
            let (scalar, length) = TextScan.scalar(at: index, in: bytes)
            let isSpace = scalar.value < 0x80
                ? scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D)
                : Character(scalar).isWhitespace || scalar.value == 0xA0
            if isSpace {
                sawSpace = true
                index += length
                continue
            }
            let start = index
            let kind: DateToken.Kind
            /// Moves `index` past the scalars that pass `test`, starting with the one at `index`.
            func skip(while test: (Unicode.Scalar) -> Bool) {
                while index < end {
                    let (next, nextLength) = TextScan.scalar(at: index, in: bytes)
                    guard test(next) else { break }
                    index += nextLength
                }
            }
            if isLetter(scalar) {
                skip(while: isLetter)
                kind = .word
            } else if isDigit(scalar) {
                skip(while: isDigit)
                kind = .number
            } else if isDash(scalar) {
                skip(while: isDash)
                kind = .dash
            } else {
                index += length
                if scalar.value == 0x27 || scalar.value == 0x2019 {
                    apostrophe = true
                    sawSpace = false
                    continue
                }
                kind = .punctuation
            }
            let lower = utf8.index(base, offsetBy: start)
            let upper = utf8.index(lower, offsetBy: index - start)
            let piece = text[lower..<upper]
            tokens.append(DateToken(
                kind: kind, text: piece, lowered: TextScan.lowercased(String(piece)), range: lower..<upper, afterSpace: sawSpace, afterApostrophe: apostrophe))
            sawSpace = false
            apostrophe = false
        }
        return tokens
    }

    /// `tokens(of:)` for ASCII text (no carriage return): each character is one byte, so the bytes are
    /// classified directly. Letters are A–Z and a–z, whitespace tab to form feed and space, dashes "-" and "~".
    private static func asciiTokens(of text: Substring) -> [DateToken] {
        var tokens: [DateToken] = []
        let utf8 = text.utf8
        let end = utf8.endIndex
        var index = utf8.startIndex
        var sawSpace = true
        var apostrophe = false
        while index < end {
            let byte = utf8[index]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                sawSpace = true
                index = utf8.index(after: index)
                continue
            }
            let start = index
            let kind: DateToken.Kind
            if TextScan.isASCIILetter(byte) {
                while index < end, TextScan.isASCIILetter(utf8[index]) { index = utf8.index(after: index) }
                kind = .word
            } else if TextScan.isASCIIDigit(byte) {
                while index < end, TextScan.isASCIIDigit(utf8[index]) { index = utf8.index(after: index) }
                kind = .number
            } else if byte == 0x2D || byte == 0x7E {
                while index < end, utf8[index] == 0x2D || utf8[index] == 0x7E { index = utf8.index(after: index) }
                kind = .dash
            } else {
                index = utf8.index(after: index)
                if byte == 0x27 {
                    apostrophe = true
                    sawSpace = false
                    continue
                }
                kind = .punctuation
            }
            let piece = Substring(utf8[start..<index])
            tokens.append(DateToken(
                kind: kind, text: piece, lowered: piece.lowercased(), range: start..<index, afterSpace: sawSpace, afterApostrophe: apostrophe))
            sawSpace = false
            apostrophe = false
        }
        return tokens
    }
}
