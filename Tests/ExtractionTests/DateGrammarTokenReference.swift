import Testing
@testable import Extraction

// The date grammar as it was before it read `DateGrammarToken`s (tokens with their text and lower-cased
// form, cut by three tokenisers), kept as the reference the new tokens and grammar must agree with.
enum ReferenceDateExpressions {
    /// `findRange` without the byte filter: tokenises the text and reads the grammar.
    static func scanRange(in text: Substring) -> DateRange? {
        guard TextScan.containsASCIIDigit(text) else { return nil }
        let tokens = ReferenceDateTokenizer.tokens(of: text)
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

    /// `text` as one date and nothing else: "2024", "2024-01", "Jan 2024", "01/2024", "4/1/1997",
    /// "2000-06-01Z", "January 15, 2024".
    static func date(_ text: String) -> PartialDate? {
        let tokens = ReferenceDateTokenizer.tokens(of: text[...])
        guard let (date, next) = parseDate(tokens, at: 0) else { return nil }
        if next == tokens.count || tokens[next...].allSatisfy({ $0.kind == .punctuation }) { return date }
        // An XML Schema date or dateTime with a zone or time: "2000-06-01Z", "2024-01-15T09:30:00+02:00".
        if date.day != nil, tokens[next].isTight, tokens[next].kind == .word, tokens[next].lowered == "z" || tokens[next].lowered == "t",
           tokens[(next + 1)...].allSatisfy({ $0.kind != .word || $0.lowered == "z" }) {
            return date
        }
        return nil
    }

    // MARK: - Grammar

    private static func parseSince(_ tokens: [ReferenceDateToken], at index: Int) -> DateRange? {
        guard tokens[index].kind == .word, tokens[index].lowered == "since" || tokens[index].lowered == "from" else { return nil }
        guard index + 1 < tokens.count, let (start, next) = parseDate(tokens, at: index + 1) else { return nil }
        if tokens[index].lowered == "from", let (end, isCurrent, after) = parseRangeEnd(tokens, at: next) {
            return DateRange(start: start, end: end, isCurrent: isCurrent, matched: tokens[index].range.lowerBound..<tokens[after - 1].range.upperBound)
        }
        guard tokens[index].lowered == "since" else { return nil }
        return DateRange(start: start, end: nil, isCurrent: true, matched: tokens[index].range.lowerBound..<tokens[next - 1].range.upperBound)
    }

    /// After a start date: a separator and an end date or a present word.
    private static func parseRangeEnd(_ tokens: [ReferenceDateToken], at index: Int) -> (PartialDate?, Bool, Int)? {
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
            if DateExpressions.presentWords.contains(word) { return (nil, true, cursor + 1) }
        }
        if let (end, next) = parseDate(tokens, at: cursor) { return (end, false, next) }
        return nil
    }

    /// One date starting at `index`; returns it and the index after it.
    static func parseDate(_ tokens: [ReferenceDateToken], at index: Int) -> (PartialDate, Int)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        switch token.kind {
        case .word:
            // Month names are 3 to 9 bytes: most words need no hashing to be told apart from them.
            guard (3...9).contains(token.lowered.utf8.count), let month = DateExpressions.monthNumbers[token.lowered] else { return nil }
            var cursor = index + 1
            if cursor < tokens.count, tokens[cursor].kind == .punctuation, tokens[cursor].text == "." { cursor += 1 }
            // "March, 2019": a comma between the month and a year (not "January 15, 2024").
            if cursor + 1 < tokens.count, tokens[cursor].kind == .punctuation, tokens[cursor].text == ",", tokens[cursor + 1].digits == 4 { cursor += 1 }
            guard cursor < tokens.count, tokens[cursor].kind == .number else { return nil }
            let number = tokens[cursor]
            if number.digits == 4, let year = number.value, DateExpressions.plausibleYear(year) {
                return (PartialDate(year: year, month: month), cursor + 1)
            }
            // "January 15, 2024"
            if number.digits <= 2, let day = number.value, cursor + 1 < tokens.count {
                var yearIndex = cursor + 1
                if tokens[yearIndex].kind == .punctuation, tokens[yearIndex].text == "," { yearIndex += 1 }
                if yearIndex < tokens.count, tokens[yearIndex].digits == 4, let year = tokens[yearIndex].value, DateExpressions.plausibleYear(year) {
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
                guard DateExpressions.plausibleYear(value) else { return nil }
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
                if tokens[index + 2].digits == 4, DateExpressions.plausibleYear(second), (1...12).contains(value) {
                    return (PartialDate(year: second, month: value), index + 3)  // 09/2024
                }
                // 4/1/1997 (US order, as HR-XML's StringDate and US résumés write it)
                if tokens[index + 2].digits <= 2, index + 4 < tokens.count, tokens[index + 3].text == tokens[index + 1].text,
                   tokens[index + 3].isTight, tokens[index + 4].isTight, tokens[index + 4].kind == .number,
                   let year = tokens[index + 4].value {
                    let fullYear = tokens[index + 4].digits == 4 ? year : (tokens[index + 4].digits == 2 ? (year > 60 ? 1900 + year : 2000 + year) : -1)
                    if DateExpressions.plausibleYear(fullYear) {
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
}

struct ReferenceDateToken {
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

enum ReferenceDateTokenizer {
    static func tokens(of text: Substring) -> [ReferenceDateToken] {
        if TextScan.isPlainASCII(text) { return asciiTokens(of: text) }
        if let tokens = text.utf8.withContiguousStorageIfAvailable({ bytes in
            TextScan.isSimpleScalars(bytes) ? simpleScalarTokens(of: text, bytes: bytes) : nil
        }), let tokens {
            return tokens
        }
        var tokens: [ReferenceDateToken] = []
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
            let kind: ReferenceDateToken.Kind
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
            tokens.append(ReferenceDateToken(
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
    static func simpleScalarTokens(of text: Substring, bytes: UnsafeBufferPointer<UInt8>) -> [ReferenceDateToken] {
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
        var tokens: [ReferenceDateToken] = []
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
            let kind: ReferenceDateToken.Kind
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
            tokens.append(ReferenceDateToken(
                kind: kind, text: piece, lowered: TextScan.lowercased(String(piece)), range: lower..<upper, afterSpace: sawSpace, afterApostrophe: apostrophe))
            sawSpace = false
            apostrophe = false
        }
        return tokens
    }

    /// `tokens(of:)` for ASCII text (no carriage return): each character is one byte, so the bytes are
    /// classified directly. Letters are A–Z and a–z, whitespace tab to form feed and space, dashes "-" and "~".
    private static func asciiTokens(of text: Substring) -> [ReferenceDateToken] {
        var tokens: [ReferenceDateToken] = []
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
            let kind: ReferenceDateToken.Kind
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
            tokens.append(ReferenceDateToken(
                kind: kind, text: piece, lowered: piece.lowercased(), range: start..<index, afterSpace: sawSpace, afterApostrophe: apostrophe))
            sawSpace = false
            apostrophe = false
        }
        return tokens
    }
}
