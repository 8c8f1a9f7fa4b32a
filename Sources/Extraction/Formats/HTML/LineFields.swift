import Foundation

/// What a piece of a job or education line is.
enum FieldKind: Sendable, Equatable {
    case title, employer, location, degree, institution, duration, unknown
}

/// One piece of a line after the date is cut out and the rest split at separators.
struct LineField: Sendable, Equatable {
    var text: String
    var kind: FieldKind
    /// Bold or a link in the markup: templates emphasise the organisation, not its tagline.
    var emphasised: Bool
    /// Reads like a sentence (a duty, a tagline), not like a name.
    var sentenceLike: Bool
}

/// A line taken apart: its date range and its fields, in the order written.
struct ParsedLine: Sendable {
    var range: DateRange?
    var fields: [LineField]

    /// A span with an end or "Present", as opposed to a lone date.
    var hasRange: Bool { range.map { $0.end != nil || $0.isCurrent } ?? false }
}

/// Splits résumé lines such as "Senior HR Generalist, Acme Health (2021–present)" or
/// "Acme Health — Columbus, OH · January 2024 – Present" into a date range and named fields, and tells
/// a job title from an employer from a place by their words. No regular expressions: this runs on every
/// line of every file in a batch.
enum LineFields {
    static func parse(_ line: HTMLLine, education: Bool = false) -> ParsedLine {
        let (range, remainder) = cutRange(line.fieldText)
        return ParsedLine(range: range, fields: fields(of: remainder, line: line, education: education))
    }

    /// The first date range of the line's field text, and the text with the range replaced by a separator.
    static func cutRange(_ source: String) -> (DateRange?, String) {
        guard let found = DateExpressions.findRange(in: source) else { return (nil, source) }
        if let cut = cutBytes(source, found.matched) { return (found, cut) }
        // Built in one buffer sized once (two Strings and two concatenations cost more).
        var cut = ""
        cut.reserveCapacity(source.utf8.count + 3)
        cut.append(contentsOf: source[source.startIndex..<found.matched.lowerBound])
        cut.append(" | ")
        cut.append(contentsOf: source[found.matched.upperBound...])
        return (found, cut)
    }

    /// `cutRange`'s text for a range whose ends lie on scalar boundaries (the tokenisers cut tokens
    /// there): the bytes before it, " | ", and the bytes after it, copied into a string sized once, as
    /// the slices' appends produce them. Nil when an end falls inside a scalar, where slicing a String
    /// rounds the index down and the appends are left to do so.
    static func cutBytes(_ source: String, _ matched: Range<String.Index>) -> String? {
        let utf8 = source.utf8
        let lower = utf8.distance(from: utf8.startIndex, to: matched.lowerBound)
        let upper = utf8.distance(from: utf8.startIndex, to: matched.upperBound)
        return source.withBorrowedUTF8 { bytes -> String? in
            // A continuation byte (10xxxxxx) is inside a scalar; the end of the text is a boundary.
            guard lower <= upper, upper <= bytes.count, lower == bytes.count || bytes[lower] & 0xC0 != 0x80,
                  upper == bytes.count || bytes[upper] & 0xC0 != 0x80, let base = bytes.baseAddress else { return nil }
            let count = bytes.count - (upper - lower) + 3
            return String(unsafeUninitializedCapacity: count) { buffer in
                guard let target = buffer.baseAddress else { return 0 }
                target.update(from: base, count: lower)
                target[lower] = 0x20
                target[lower + 1] = 0x7C
                target[lower + 2] = 0x20
                (target + lower + 3).update(from: base + upper, count: bytes.count - upper)
                return count
            }
        }
    }

    /// The fields of a line's text once its date range is cut out (`cutRange`).
    static func fields(of remainder: String, line: HTMLLine, education: Bool) -> [LineField] {
        fields(of: remainder, emphasised: line.emphasised, education: education)
    }

    /// `fields(of:line:education:)` given the line's emphasised texts, the only part of the line it reads.
    static func fields(of remainder: String, emphasised lineEmphasised: [String], education: Bool) -> [LineField] {
        // Lines whose fields are plain ASCII (most) are split and classified on their bytes, borrowed.
        if let quick = remainder.withBorrowedUTF8({ bytes in
            TextScan.isSimpleScalars(bytes) ? fieldsOfASCIIParts(bytes, emphasised: lineEmphasised, education: education) : nil
        }) {
            return quick
        }
        let pieces = split(remainder)
        let emphasised = lineEmphasised.map { TextScan.lowercased($0) }
        return pieces.map { piece -> LineField in
            var isEmphasised = false
            if !emphasised.isEmpty {
                let lowered = TextScan.lowercased(piece)
                isEmphasised = emphasised.contains { $0 == lowered || ($0.utf8.count >= 3 && TextScan.contains(lowered, $0)) }
            }
            let sentenceLike = isSentenceLike(piece)
            return LineField(text: piece, kind: classify(piece, education: education, sentenceLike: sentenceLike), emphasised: isEmphasised, sentenceLike: sentenceLike)
        }
    }

    /// The first piece of `split(remainder)` that passes `test`: for callers that want one field of a
    /// line (`fields(of:line:education:)` would classify every piece, and work out its emphasis, first).
    static func firstPiece(of remainder: String, where test: (String) -> Bool) -> String? {
        split(remainder).first(where: test)
    }

    // MARK: - Splitting

    /// Splits at the separators résumés put between title, employer, place and dates: bars, middle dots,
    /// bullets, tabs, semicolons, spaced dashes, em dashes, " at ", "@", brackets, and commas (keeping
    /// "Lit Ware, Inc." and "Columbus, OH" whole).
    static func split(_ text: String) -> [String] {
        // Simple-scalar text whose parts are plain ASCII (most lines, "·" and "—" separators included):
        // the pieces' byte ranges (`splitRangesASCII`, the cut `fieldsOfASCIIParts` reads), each made into
        // a String once. The paths below built a String per part, per comma piece and per trimmed piece.
        if let quick = TextScan.withSimpleScalars(text, { splitPiecesOfASCIIParts($0) }), let pieces = quick { return pieces }
        if let quick = TextScan.withPlainASCII(text, { splitASCII($0) }) { return quick }
        var result: [String] = []
        for part in splitAtSeparators(text) {
            for piece in splitCommas(String(part)) {
                let trimmed = trim(piece)
                if !trimmed.isEmpty, trimmed.contains(where: { $0.isLetter || $0.isNumber }) { result.append(trimmed) }
            }
        }
        return result
    }

    /// `split` for ASCII text: the separators found by byte (`separatorCuts`, whose non-ASCII
    /// separators cannot occur here), letters and digits judged by byte. A part without a comma is
    /// `splitCommas`' one trimmed piece, trimmed again as `split` does, worked out on its byte range
    /// (`trimmedRangeASCII`, the range form of `trimASCII`) so that only the kept piece becomes a string.
    private static func splitASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        let parts = separatorCuts(bytes)
        var result: [String] = []
        result.reserveCapacity(parts.count)
        for part in parts {
            if bytes[part].contains(0x2C) {
                for piece in splitCommas(String(decoding: UnsafeBufferPointer(rebasing: bytes[part]), as: UTF8.self)) {
                    let trimmed = trim(piece)
                    if !trimmed.isEmpty, trimmed.utf8.contains(where: { TextScan.isASCIILetter($0) || TextScan.isASCIIDigit($0) }) { result.append(trimmed) }
                }
                continue
            }
            let once = trimmedRangeASCII(bytes, part)
            guard !once.isEmpty else { continue }
            let twice = trimmedRangeASCII(bytes, once)
            if !twice.isEmpty, bytes[twice].contains(where: { TextScan.isASCIILetter($0) || TextScan.isASCIIDigit($0) }) {
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[twice]), as: UTF8.self))
            }
        }
        return result
    }

    static let separatorCharacters: Set<Character> = ["|", "·", "•", "\t", ";", "(", ")", "[", "]", "‖", "∙", "▪", "—", "\u{1F}"]
    /// Separators that only separate with a space on each side: "Acme - Columbus", not "EEO-1".
    static let spacedSeparators: [[Character]] = [["-", "-"], ["-"], ["–"], ["@"], ["a", "t"], ["/"]]

    /// The pieces between separators, scanned once, character by character.
    static func splitAtSeparators(_ text: String) -> [String] {
        if let quick = TextScan.withSimpleScalars(text, { splitAtSeparatorsSimple($0) }) { return quick }
        let characters = Array(text)
        var parts: [String] = []
        var current = ""
        var index = 0
        scan: while index < characters.count {
            let character = characters[index]
            // Icons written as emoji or symbols ("👩‍💼 HR Generalist 🏥 Acme Health") separate fields too.
            if separatorCharacters.contains(character) || isPictograph(character) {
                parts.append(current)
                current = ""
                index += 1
                continue
            }
            if character == " " {
                for separator in spacedSeparators {
                    let end = index + 1 + separator.count
                    guard end < characters.count, characters[end] == " " else { continue }
                    if Array(characters[(index + 1)..<end]) == separator {
                        parts.append(current)
                        current = ""
                        index = end
                        continue scan
                    }
                }
            }
            current.append(character)
            index += 1
        }
        parts.append(current)
        return parts
    }

    /// `splitAtSeparators` for simple-scalar text (`TextScan.isSimpleScalars`): every character is one
    /// scalar, so pieces are cut at scalar boundaries, ASCII separators are matched by byte, the spaced
    /// ones by their UTF-8 bytes, and other scalars are judged as the `Character` they are.
    static func splitAtSeparatorsSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        separatorCuts(bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
    }

    /// The byte ranges of `splitAtSeparatorsSimple`'s pieces.
    static func separatorCuts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        // Lines hold a handful of fields: one buffer of this size, not three grown one after another.
        parts.reserveCapacity(8)
        forEachSeparatorCut(bytes) { parts.append($0) }
        return parts
    }

    /// Hands `body` the ranges of `separatorCuts(bytes)` in order, without the array.
    @inline(__always) static func forEachSeparatorCut(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var partStart = 0
        var index = 0
        func cut(_ end: Int) {
            body(partStart..<end)
        }
        scan: while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case 0x7C, 0x09, 0x3B, 0x28, 0x29, 0x5B, 0x5D, 0x1F:  // | tab ; ( ) [ ] unit separator
                    cut(index)
                    index += 1
                    partStart = index
                    continue scan
                // A spaced separator starts with "-", "@", "a", "/" or the lead byte of "–": after any other
                // byte (most spaces are between words) none can match.
                case 0x20 where index + 1 < bytes.count && startsSpacedSeparator(bytes[index + 1]):
                    for separator in simpleSpacedSeparators {
                        let end = index + 1 + separator.count
                        guard end < bytes.count, bytes[end] == 0x20 else { continue }
                        if bytes[(index + 1)..<end].elementsEqual(separator) {
                            cut(index)
                            index = end
                            partStart = index
                            continue scan
                        }
                    }
                default:
                    break
                }
                index += 1
                continue scan
            }
            let (scalar, length) = TextScan.scalar(at: index, in: bytes)
            // The separators by scalar value, and a `Character` built only where a pictograph can be
            // (hashing one into `separatorCharacters` cost more than the rest of the line's bytes).
            if isSeparatorScalar(scalar.value) || (scalar.value >= 0x2190 && isPictograph(Character(scalar))) {
                cut(index)
                index += length
                partStart = index
                continue scan
            }
            index += length
        }
        cut(bytes.count)
    }

    /// Whether a simple scalar (`TextScan.isSimpleScalars`) from 0x80 up is one of `separatorCharacters`:
    /// "·", "‖", "•", "∙", "▪", "—". No other simple scalar is canonically equal to one of them (a test
    /// checks every one), so this is the set's answer for each.
    @inline(__always) static func isSeparatorScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x00B7, 0x2016, 0x2022, 0x2219, 0x25AA, 0x2014: true
        default: false
        }
    }

    /// Whether a byte is the first byte of one of `simpleSpacedSeparators`.
    @inline(__always) static func startsSpacedSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2D, 0x40, 0x61, 0x2F, 0xE2: true
        default: false
        }
    }

    /// `spacedSeparators` as UTF-8 bytes, in the same order.
    static let simpleSpacedSeparators: [[UInt8]] = [[0x2D, 0x2D], [0x2D], [0xE2, 0x80, 0x93], [0x40], [0x61, 0x74], [0x2F]]

    static func isPictograph(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, scalar.value >= 0x2190 else { return false }
        if scalar.properties.isEmojiPresentation { return true }
        switch scalar.properties.generalCategory {
        case .otherSymbol, .privateUse: return true
        default: return false
        }
    }

    /// Splits at commas, then rejoins what a comma does not separate: a company suffix ("Inc."), a state
    /// or country after a city, a department after a bare title ("Manager, Human Resources").
    static func splitCommas(_ text: String) -> [String] {
        if !TextScan.containsByte(text, 0x2C) {
            // No comma (no byte of one, so no character either): the one trimmed piece.
            let trimmed = trim(text)
            return trimmed.isEmpty ? [] : [trimmed]
        }
        let parts = TextScan.withPlainASCII(text) { bytes in trimmedCommaPiecesASCII(bytes) }
            ?? text.split(separator: ",", omittingEmptySubsequences: true).map { trim(String($0)) }.filter { !$0.isEmpty }
        guard parts.count > 1 else { return parts }
        var result: [String] = []
        // Rejoining only merges parts: never more than there are.
        result.reserveCapacity(parts.count)
        for part in parts {
            guard let previous = result.last else {
                result.append(part)
                continue
            }
            if TextScan.withPlainASCII(part, isCompanySuffixASCII) ?? isCompanySuffix(part) {
                result[result.count - 1] = previous + ", " + part
            } else if isRegionOrCountry(part), isPlaceName(previous) || isLocation(previous) {
                result[result.count - 1] = previous + ", " + part
            } else if titleWordsOnly(previous), isDepartment(part) {
                result[result.count - 1] = previous + ", " + part
            } else {
                result.append(part)
            }
        }
        return result
    }

    /// A comma part that continues the name before it ("Inc.", "LLC"): its lower-cased text, with or
    /// without its leading and trailing periods, is one of `companySuffixes`.
    static func isCompanySuffix(_ part: String) -> Bool {
        let lowered = TextScan.lowercased(part)
        return companySuffixes.contains(trimmingPeriods(lowered)) || companySuffixes.contains(lowered)
    }

    /// `isCompanySuffix` of plain ASCII bytes, by byte (`packedCompanySuffixes`): no lower-cased String,
    /// no hashing of one, for the many parts that are places or titles.
    static func isCompanySuffixASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let table = packedCompanySuffixes
        var lower = 0
        var upper = bytes.count
        while lower < upper, bytes[lower] == 0x2E { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x2E { upper -= 1 }
        return !table.roles(bytes, lower..<upper).isEmpty || !table.roles(bytes, 0..<bytes.count).isEmpty
    }

    /// `companySuffixes` for lookups by byte; every suffix is marked `.organisation` (the table holds a
    /// role per word, and any non-empty one means "in the set").
    static let packedCompanySuffixes = PackedWordRoles(
        Dictionary(uniqueKeysWithValues: companySuffixes.map { ($0, WordRoles.organisation) }))

    /// `commaPieces(bytes).map { trim($0) }.filter { !$0.isEmpty }` for plain ASCII bytes: each piece is
    /// trimmed on its byte range (`trimmedRangeASCII`), so that only the kept text becomes a string.
    static func trimmedCommaPiecesASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var pieces: [String] = []
        // A few pieces per line: one buffer, not one grown at each append.
        pieces.reserveCapacity(4)
        forEachCommaPiece(bytes) { piece in
            let kept = trimmedRangeASCII(bytes, piece)
            if !kept.isEmpty { pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)) }
        }
        return pieces
    }

    /// Calls `body` with the byte range of each non-empty piece of `bytes` between commas, in order.
    static func forEachCommaPiece(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x2C { end += 1 }
            if end > start { body(start..<end) }
            start = end + 1
        }
    }

    /// `TextScan.trim(text, periods)`, by byte for plain ASCII text (where each character is one byte).
    static func trimmingPeriods(_ text: String) -> String {
        TextScan.withPlainASCII(text) { bytes in
            var lower = 0
            var upper = bytes.count
            while lower < upper, bytes[lower] == 0x2E { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x2E { upper -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
        } ?? TextScan.trim(text, periods)
    }

    /// The sets `trim` calls take, built once rather than on every call.
    static let periods: Set<Character> = ["."]
    static let hyphens: Set<Character> = ["-"]

    static func trim(_ text: String) -> String {
        if let quick = TextScan.withPlainASCII(text, { trimASCII($0) }) { return quick }
        var trimmed = TextScan.trim(text, trimmable)
        // A closing period is punctuation unless it ends an abbreviation ("Inc.", "B.A.", "Jr.").
        if trimmed.hasSuffix("."), trimmed.count > 1 {
            let body = trimmed.dropLast()
            let lastWord = body.split(separator: " ").last.map { $0.lowercased() } ?? ""
            let keeps = lastWord.contains(where: { $0 == "." }) || lastWord.count == 1 || companySuffixes.contains(lastWord) || abbreviationsKeepingPeriod.contains(lastWord)
            if !keeps { trimmed = TextScan.trimSpaces(body) }
        }
        return trimmed
    }

    /// `trim` for ASCII text.
    private static func trimASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[trimmedRangeASCII(bytes, 0..<bytes.count)]), as: UTF8.self)
    }

    /// The range of `range` that `trim` keeps of the ASCII text `bytes[range]`.
    static func trimmedRangeASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isTrimmableASCII(bytes[lower]) { lower += 1 }
        while upper > lower, isTrimmableASCII(bytes[upper - 1]) { upper -= 1 }
        if upper - lower > 1, bytes[upper - 1] == 0x2E {
            let bodyUpper = upper - 1
            var end = bodyUpper
            while end > lower, bytes[end - 1] == 0x20 { end -= 1 }
            var start = end
            while start > lower, bytes[start - 1] != 0x20 { start -= 1 }
            // The last word looked up by byte (`packedWordsKeepingPeriod`), not lower-cased into a String
            // hashed into one set and compared with each word of the other.
            let keeps = bytes[start..<end].contains(0x2E) || end - start == 1
                || !packedWordsKeepingPeriod.roles(bytes, start..<end).isEmpty
            if !keeps {
                upper = bodyUpper
                while lower < upper, isSpaceASCII(bytes[lower]) { lower += 1 }
                while upper > lower, isSpaceASCII(bytes[upper - 1]) { upper -= 1 }
            }
        }
        return lower..<upper
    }

    /// Abbreviations whose closing period `trim` keeps, besides the company suffixes.
    static let abbreviationsKeepingPeriod: [String] = ["jr", "sr", "st", "dept", "assn", "bros", "univ"]

    /// `companySuffixes` and `abbreviationsKeepingPeriod` for lookups by byte (each marked `.organisation`;
    /// any non-empty answer means "in one of them"). Every word is lower-case ASCII of at most 16 bytes.
    static let packedWordsKeepingPeriod = PackedWordRoles(
        Dictionary(uniqueKeysWithValues: companySuffixes.union(abbreviationsKeepingPeriod).map { ($0, WordRoles.organisation) }))

    /// The ASCII characters of `trimmable`.
    @inline(__always) private static func isTrimmableASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x2C, 0x3B, 0x3A, 0x7C, 0x2D, 0x2F, 0x1F: true
        default: false
        }
    }

    /// The ASCII characters of `TextScan.spaces` (a carriage return never reaches here).
    @inline(__always) private static func isSpaceASCII(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A
    }

    static let trimmable: Set<Character> = [" ", "\t", "\n", "\u{00A0}", ",", ";", ":", "|", "–", "—", "-", "·", "•", "/", "\u{1F}"]

    // MARK: - Classifying

    static func classify(_ text: String, education: Bool) -> FieldKind {
        classify(text, education: education, sentenceLike: isSentenceLike(text))
    }

    /// `classify` with `isSentenceLike(text)` already known.
    static func classify(_ text: String, education: Bool, sentenceLike: Bool) -> FieldKind {
        // Plain ASCII text is read through one borrow of its bytes (`classifyASCII`), not one per test.
        if let quick = TextScan.withPlainASCII(text, { classifyASCII($0, text, education: education, sentenceLike: sentenceLike) }) {
            return quick
        }
        if isDuration(text) { return .duration }
        if isLocation(text) { return .location }
        if sentenceLike { return .unknown }
        if education, isDegree(text) { return .degree }
        // One pass over the words answers `isInstitution` and counts the title and organisation words.
        let counted = wordRoleCounts(text)
        if education, counted.institution { return .institution }
        let title = counted.title
        var organisation = counted.organisation
        // Every phrase holds "of ": without those bytes neither test can match (see `organisationPhrases`).
        // Plain ASCII text is searched for them by byte, and lower-cased only when they are there.
        if mayHoldOf(text), holdsOrganisationPhrase(TextScan.lowercased(text)) { organisation += 1 }
        // "Awesome compression company" is a tagline, not a name: organisations are written in capitals.
        if organisation > 0, !isCapitalised(text) { organisation -= 1 }
        return kind(title: title, organisation: organisation, counted: counted, education: education)
    }

    /// Whether lower-cased text opens with one of `organisationPhrases` or holds one after a space.
    static func holdsOrganisationPhrase(_ lowered: String) -> Bool {
        TextScan.contains(lowered, "of ")
            && organisationPhrases.contains(where: { lowered.hasPrefix($0) || TextScan.contains(lowered, " " + $0) })
    }

    /// The end of `classify`: the kind the word counts make, once the organisation count is settled.
    static func kind(
        title: Int, organisation: Int, counted: (title: Int, organisation: Int, last: WordRoles?, institution: Bool), education: Bool
    ) -> FieldKind {
        if title > organisation { return .title }
        if organisation > title { return education ? .institution : .employer }
        if title > 0, let roles = counted.last {
            if roles.contains(.title) { return .title }
            if roles.contains(.organisation) { return education ? .institution : .employer }
        }
        if !education, counted.institution { return .employer }
        return .unknown
    }

    /// How many of `lowerWords(text)` are title words and how many organisation words, the roles of the
    /// last word (nil without words), and whether the words name an institution (`namesInstitution`).
    /// Plain ASCII text is read word by word without the array.
    static func wordRoleCounts(_ text: String) -> (title: Int, organisation: Int, last: WordRoles?, institution: Bool) {
        var counted: (title: Int, organisation: Int, last: WordRoles?, institution: Bool) = (0, 0, nil, false)
        func count(_ word: String) {
            let roles = wordRoles[word] ?? []
            if roles.contains(.title) { counted.title += 1 }
            if roles.contains(.organisation) { counted.organisation += 1 }
            counted.last = roles
            if !counted.institution, roles.contains(.institution) || startsWithUnivers(word) { counted.institution = true }
        }
        // Plain ASCII words are looked up by their bytes (`packedWordRoles`): no String per word.
        if let quick = TextScan.withPlainASCII(text, wordRoleCountsASCII) { return quick }
        lowerWords(text).forEach(count)
        return counted
    }

    /// `wordRoleCounts` of plain ASCII bytes.
    static func wordRoleCountsASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> (title: Int, organisation: Int, last: WordRoles?, institution: Bool) {
        var counted: (title: Int, organisation: Int, last: WordRoles?, institution: Bool) = (0, 0, nil, false)
        // Read once, not once per word (each read of a static costs a `swift_once` check).
        let table = packedWordRoles
        forEachWordRangeASCII(bytes) { word in
            let roles = table.roles(bytes, word)
            if roles.contains(.title) { counted.title += 1 }
            if roles.contains(.organisation) { counted.organisation += 1 }
            counted.last = roles
            if !counted.institution, roles.contains(.institution) || startsWithUniversASCII(bytes, word) { counted.institution = true }
        }
        return counted
    }

    /// `wordRoles` for lookups by byte.
    static let packedWordRoles = PackedWordRoles(wordRoles)

    /// `titleWords` and `seniorityWords` for lookups by byte (each word marked `.title`), for `titleWordsOnly`.
    static let packedTitleOrSeniorityWords = PackedWordRoles(
        Dictionary(uniqueKeysWithValues: titleWords.union(seniorityWords).map { ($0, WordRoles.title) }))

    /// `startsWithUnivers` of the lower-cased ASCII word `bytes[word]`.
    @inline(__always) static func startsWithUniversASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard word.count >= 7 else { return false }
        let univers: StaticString = "univers"
        return univers.withUTF8Buffer { prefix in
            for offset in 0..<7 where TextScan.lowerASCII(bytes[word.lowerBound + offset]) != prefix[offset] { return false }
            return true
        }
    }

    /// False only when the lower-cased text cannot hold "of ": plain ASCII text without "of " in any case.
    static func mayHoldOf(_ text: String) -> Bool {
        TextScan.withPlainASCII(text, mayHoldOfASCII) ?? true
    }

    /// `mayHoldOf` of plain ASCII bytes: whether "of " is there in any case.
    static func mayHoldOfASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        // Looked for at each space, so every other byte costs one comparison (not two lower-casings).
        // `byte | 0x20` is "o" only for "o" and "O", "f" only for "f" and "F" (as `lowerASCII` reads them).
        for index in 2..<bytes.count
        where bytes[index] == 0x20 && bytes[index - 1] | 0x20 == 0x66 && bytes[index - 2] | 0x20 == 0x6F {
            return true
        }
        return false
    }

    /// How someone was employed, written beside a title: "(Contract)", "Part-time".
    static let employmentTypes: Set<String> = [
        "contract", "contractor", "part-time", "part time", "full-time", "full time", "temporary", "temp", "freelance",
        "seasonal", "permanent", "interim", "internship", "self-employed", "fixed-term", "fixed term", "per diem", "prn",
    ]

    /// "5 yrs 2 mos", "2 years", "(3 months)": what LinkedIn exports add after dates; also an employment
    /// type ("Contract"), which names neither the job nor the employer.
    static func isDuration(_ text: String) -> Bool {
        if let quick = TextScan.withPlainASCII(text, isDurationASCII), let quick { return quick }
        return isDurationInGeneral(text)
    }

    /// `isDuration` of plain ASCII bytes, or nil when the text starts with a digit and the general test
    /// (`isDurationInGeneral`) must read its words: an employment type is at most 13 bytes, and a
    /// duration starts with a digit.
    static func isDurationASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        // Looked up by byte (`packedEmploymentTypes`), not as a lower-cased String hashed into the set.
        if bytes.count <= 14, !packedEmploymentTypes.roles(bytes, 0..<bytes.count).isEmpty { return true }
        guard let first = bytes.firstIndex(where: { $0 != 0x20 }), TextScan.isASCIIDigit(bytes[first]) else { return false }
        return nil
    }

    /// `employmentTypes` for lookups by byte (each marked `.title`; any non-empty answer means "in the
    /// set"). Every type is lower-case ASCII of at most 13 bytes.
    static let packedEmploymentTypes = PackedWordRoles(
        Dictionary(uniqueKeysWithValues: employmentTypes.map { ($0, WordRoles.title) }))

    /// `isDuration` read from the text's lower-cased words, for any text.
    static func isDurationInGeneral(_ text: String) -> Bool {
        if employmentTypes.contains(TextScan.lowercased(text)) { return true }
        let words = TextScan.lowercased(text).split(whereSeparator: { $0 == " " })
        guard let first = words.first, first.allSatisfy(\.isNumber), words.count >= 2 else { return false }
        return words.dropFirst().allSatisfy { word in
            word.allSatisfy(\.isNumber) || ["yr", "yrs", "year", "years", "mo", "mos", "month", "months", "and"].contains(String(word))
        }
    }

    /// Words of the text, lower-case, letters only ("CEO/President" → ceo, president).
    static func lowerWords(_ text: String) -> [String] {
        if let words = TextScan.withPlainASCII(text, { bytes -> [String] in
            var words: [String] = []
            forEachLowerWordASCII(bytes) { words.append($0) }
            return words
        }) {
            return words
        }
        return TextScan.lowercased(text).split(whereSeparator: { !$0.isLetter && $0 != "&" && $0 != "-" }).map { TextScan.trim($0, hyphens) }.filter { !$0.isEmpty }
    }

    /// Hands `body` the words `lowerWords` gives for plain ASCII bytes, in order: runs of letters, "&"
    /// and "-", without leading and trailing hyphens, lower-cased.
    @inline(__always) static func forEachLowerWordASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (String) -> Void) {
        forEachWordRangeASCII(bytes) { body(TextScan.lowercasedASCII(bytes, $0)) }
    }

    /// Hands `body` the byte range of each word `forEachLowerWordASCII` gives (before lower-casing).
    @inline(__always) static func forEachWordRangeASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var index = 0
        while index < bytes.count {
            guard isWordByte(bytes[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
            var lower = index
            var upper = end
            while lower < upper, bytes[lower] == 0x2D { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x2D { upper -= 1 }
            if lower < upper { body(lower..<upper) }
            index = end
        }
    }

    @inline(__always) private static func isWordByte(_ byte: UInt8) -> Bool {
        TextScan.isASCIILetter(byte) || byte == 0x26 || byte == 0x2D
    }

    /// A stop word, for a word of simple-scalar bytes: stop words are ASCII of at most four letters, and a
    /// word with another scalar lower-cases to no ASCII word (only the Kelvin sign would, and it is not a
    /// simple scalar).
    ///
    /// Asked of the bytes where they lie (`LowerCaseASCIIWords`), not of a lower-cased String hashed into
    /// `stopWords`: a word with a byte beyond ASCII equals none of its keys, as its String equals no stop word.
    @inline(__always) private static func isStopWord(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        word.count <= 4 && LowerCaseASCIIWords.stopWords.contains(bytes, word)
    }

    static let stopWords: Set<String> = ["of", "and", "the", "for", "in", "at", "to", "with", "&", "a", "an", "on", "de", "der", "und", "du", "la", "le", "y", "e", "or", "as", "by"]

    /// Many lower-case words, or a past-tense verb leading into lower-case text: a duty or a tagline.
    static func isSentenceLike(_ text: String) -> Bool {
        if let quick = TextScan.withSimpleScalars(text, isSentenceLikeSimple) { return quick }
        let words = text.split(separator: " ")
        guard words.count >= 3 else { return false }
        if startsWithVerb(text) { return true }
        guard words.count >= 4 else { return false }
        let content = words.filter { !stopWords.contains($0.lowercased()) }
        guard !content.isEmpty else { return false }
        let lower = content.filter { $0.first?.isLowercase == true }.count
        return Double(lower) / Double(content.count) > 0.4
    }

    /// `isSentenceLike` of simple-scalar bytes (`TextScan.isSimpleScalars`, which plain ASCII is).
    static func isSentenceLikeSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most pieces tested are names of one or two words: counted, they need no array of words.
        let wordCount = TextScan.spaceWordCount(bytes)
        guard wordCount >= 3 else { return false }
        // The words of `spaceWords(bytes)` read as they come, without the array: the first two for the
        // verb test, then every one for the stop-word count.
        var words: (first: Range<Int>, second: Range<Int>) = (0..<0, 0..<0)
        var seen = 0
        forEachSpaceWord(bytes) { word in
            if seen == 0 { words.first = word } else if seen == 1 { words.second = word }
            seen += 1
        }
        if startsWithVerb(bytes, first: words.first, second: words.second) { return true }
        guard wordCount >= 4 else { return false }
        var content = 0
        var lower = 0
        forEachSpaceWord(bytes) { word in
            guard !isStopWord(bytes, word) else { return }
            content += 1
            if TextScan.character(at: word.lowerBound, in: bytes, ascii: TextScan.isASCIILower, other: \.isLowercase) { lower += 1 }
        }
        guard content > 0 else { return false }
        return Double(lower) / Double(content) > 0.4
    }

    static let irregularPastVerbs: Set<String> = [
        "led", "built", "ran", "won", "oversaw", "drove", "grew", "made", "took", "wrote", "taught", "began", "set", "cut",
        "kept", "held", "sold", "spent", "brought", "gave", "met", "paid", "put", "went", "found", "saw", "chose",
    ]
    static let pastParticipleAdjectives: Set<String> = [
        "certified", "licensed", "registered", "accredited", "chartered", "qualified", "designated", "advanced", "applied",
        "united", "integrated", "distinguished", "limited", "incorporated", "associated", "allied", "combined", "consolidated",
        "diversified", "automated", "detailed", "experienced", "seasoned", "dedicated", "talented", "motivated", "skilled",
    ]

    /// "Supervised the HR coordinator …", "Led our EEO-1 filing …": a verb followed by sentence text.
    static func startsWithVerb(_ text: String) -> Bool {
        if let quick = TextScan.withSimpleScalars(text, { bytes in startsWithVerb(bytes, firstThreeWords(bytes)) }) {
            return quick
        }
        let words = text.split(separator: " ")
        guard words.count >= 3, let first = words.first?.lowercased(), let second = words.dropFirst().first else { return false }
        let isVerb = irregularPastVerbs.contains(first) || (first.count >= 5 && first.hasSuffix("ed") && !pastParticipleAdjectives.contains(first))
        guard isVerb else { return false }
        let secondStartsLower = second.first.map { $0.isLowercase || $0.isNumber || $0 == "$" } ?? false
        return secondStartsLower
    }

    /// `TextScan.spaceWords(bytes)` in an array sized once for the `count` words `TextScan.spaceWordCount`
    /// found: grown append by append, it was re-created two or three times per sentence-like test.
    static func spaceWords(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [Range<Int>] {
        TextScan.spaceWords(bytes, reservingCapacity: count)
    }

    /// `TextScan.spaceWords(bytes, limit: 3)`, in an array sized for three (growing one cost more than
    /// the scan).
    static func firstThreeWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        words.reserveCapacity(3)
        var start = -1
        var index = 0
        while index < bytes.count, words.count < 3 {
            if bytes[index] == 0x20 {
                if start >= 0 { words.append(start..<index); start = -1 }
            } else if start < 0 {
                start = index
            }
            index += 1
        }
        if start >= 0, words.count < 3 { words.append(start..<bytes.count) }
        return words
    }

    /// Hands `body` each range of `TextScan.spaceWords(bytes)` in order, without the array.
    @inline(__always) static func forEachSpaceWord(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var index = 0
        while index < bytes.count {
            guard bytes[index] != 0x20 else {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, bytes[index] != 0x20 { index += 1 }
            body(start..<index)
        }
    }

    /// `startsWithVerb` for simple-scalar text (`TextScan.isSimpleScalars`) split at spaces.
    static func startsWithVerb(_ bytes: UnsafeBufferPointer<UInt8>, _ words: [Range<Int>]) -> Bool {
        guard words.count >= 3 else { return false }
        return startsWithVerb(bytes, first: words[0], second: words[1])
    }

    /// `startsWithVerb(bytes, words)` for text of three words or more, given the first two.
    static func startsWithVerb(_ bytes: UnsafeBufferPointer<UInt8>, first: Range<Int>, second: Range<Int>) -> Bool {
        let secondStartsLower = TextScan.character(
            at: second.lowerBound, in: bytes,
            ascii: { TextScan.isASCIILower($0) || TextScan.isASCIIDigit($0) || $0 == 0x24 },
            other: { $0.isLowercase || $0.isNumber })
        guard secondStartsLower else { return false }
        let firstWord = UnsafeBufferPointer(rebasing: bytes[first])
        if TextScan.isPlainASCII(firstWord) { return isPastVerbASCII(bytes, first) }
        let lowered = String(decoding: firstWord, as: UTF8.self).lowercased()
        return irregularPastVerbs.contains(lowered) || (lowered.count >= 5 && lowered.hasSuffix("ed") && !pastParticipleAdjectives.contains(lowered))
    }

    /// The verb test of `startsWithVerb` for a plain ASCII word: its length and ending read from the
    /// bytes, then the sets asked by byte (`ExperienceLineScan.isPastVerbASCII`, the same tests), not by a
    /// lower-cased String hashed into each.
    static func isPastVerbASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        ExperienceLineScan.isPastVerbASCII(bytes, word)
    }

    /// For plain ASCII bytes (`TextScan.isPlainASCII`), how many words lie between spaces
    /// (`TextScan.spaceWordCount`) and where the first two start (0 when there are fewer); nil for other
    /// bytes. Eight bytes are read at a time: a byte that is a space (or a carriage return) is found by
    /// the exact zero-byte test on the word xor-ed with spaces, and a word starts at each non-space byte
    /// after a space (or at the start).
    static func plainASCIIWordStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> (count: Int, first: Int, second: Int)? {
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        /// The high bit of each byte of `word` that is zero, and no other bit.
        @inline(__always) func zeroBytes(_ word: UInt64) -> UInt64 { ~(((word & lowBits) &+ lowBits) | word) & highBits }
        var count = 0
        var starts = (0, 0)
        @inline(__always) func record(_ index: Int) {
            if count == 0 { starts.0 = index } else if count == 1 { starts.1 = index }
            count += 1
        }
        var union: UInt64 = 0
        var carriageReturns: UInt64 = 0
        var previousIsSpace = true
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian
                union |= word
                carriageReturns |= zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
                let spaces = zeroBytes(word ^ 0x2020_2020_2020_2020)
                // Byte i starts a word when it is no space and byte i - 1 is one.
                var wordStarts = ~spaces & highBits & (spaces << 8 | (previousIsSpace ? 0x80 : 0))
                while count < 2, wordStarts != 0 {
                    record(index + wordStarts.trailingZeroBitCount / 8)
                    wordStarts &= wordStarts &- 1
                }
                count += wordStarts.nonzeroBitCount
                previousIsSpace = spaces >> 63 != 0
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            union |= UInt64(byte)
            if byte == 0x0D { carriageReturns = 1 }
            let isSpace = byte == 0x20
            if previousIsSpace && !isSpace { record(index) }
            previousIsSpace = isSpace
            index += 1
        }
        guard union & highBits == 0, carriageReturns == 0 else { return nil }
        return (count, starts.0, starts.1)
    }

    static let longestIrregularPastVerb = irregularPastVerbs.map(\.utf8.count).max() ?? 0

    /// `(TextScan.spaceWordCount(text), startsWithVerb(text))`, what `ExperienceReader.role` asks of
    /// every line first. Plain ASCII text (most lines) is read in one pass that counts the words and
    /// keeps the first two; other text takes the separate scans.
    static func wordCountAndVerbFirst(_ text: String) -> (wordCount: Int, verbFirst: Bool) {
        var copy = text
        if let ascii = copy.withUTF8({ bytes -> (Int, Bool)? in
            guard let (count, firstStart, secondStart) = plainASCIIWordStarts(bytes) else { return nil }
            guard count >= 3 else { return (count, false) }
            // `startsWithVerb(bytes, words)`: the second word's first character, then the first word.
            let lead = bytes[secondStart]
            guard TextScan.isASCIILower(lead) || TextScan.isASCIIDigit(lead) || lead == 0x24 else { return (count, false) }
            var firstEnd = firstStart
            while bytes[firstEnd] != 0x20 { firstEnd += 1 }
            return (count, isPastVerbASCII(bytes, firstStart..<firstEnd))
        }) {
            return ascii
        }
        return TextScan.withSimpleScalars(text) { bytes in
            (TextScan.spaceWordCount(bytes), startsWithVerb(bytes, firstThreeWords(bytes)))
        } ?? (TextScan.spaceWordCount(text), startsWithVerb(text))
    }

    /// Mostly capitalised words, as names of organisations and titles are written.
    static func isCapitalised(_ text: String) -> Bool {
        if let quick = TextScan.withSimpleScalars(text, isCapitalisedSimple) { return quick }
        let content = text.split(separator: " ").filter { !stopWords.contains($0.lowercased()) }
        guard !content.isEmpty else { return false }
        let capitalised = content.filter { $0.first.map { $0.isUppercase || $0.isNumber } ?? false }.count
        return Double(capitalised) / Double(content.count) >= 0.6
    }

    /// `isCapitalised` of simple-scalar bytes (`TextScan.isSimpleScalars`, which plain ASCII is).
    static func isCapitalisedSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var content = 0
        var capitalised = 0
        // The words of `TextScan.spaceWords(bytes)`, read without the array.
        forEachSpaceWord(bytes) { word in
            guard !isStopWord(bytes, word) else { return }
            content += 1
            if TextScan.character(
                at: word.lowerBound, in: bytes, ascii: { TextScan.isASCIIUpper($0) || TextScan.isASCIIDigit($0) },
                other: { $0.isUppercase || $0.isNumber }) {
                capitalised += 1
            }
        }
        guard content > 0 else { return false }
        return Double(capitalised) / Double(content) >= 0.6
    }

    /// Every word is a title word or a seniority modifier: "Manager", "Senior Vice President".
    static func titleWordsOnly(_ text: String) -> Bool {
        if let quick = TextScan.withPlainASCII(text, titleWordsOnlyASCII) { return quick }
        let words = lowerWords(text)
        guard !words.isEmpty, words.count <= 4 else { return false }
        return words.allSatisfy { titleWords.contains($0) || seniorityWords.contains($0) }
    }

    /// `titleWordsOnly` of plain ASCII bytes: the words counted and looked up as they are read, without
    /// the array.
    static func titleWordsOnlyASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var count = 0
        var allTitleWords = true
        let table = packedTitleOrSeniorityWords
        forEachWordRangeASCII(bytes) { word in
            count += 1
            if allTitleWords, count <= 4 { allTitleWords = !table.roles(bytes, word).isEmpty }
        }
        return count > 0 && count <= 4 && allTitleWords
    }

    static func isDepartment(_ text: String) -> Bool {
        let lowered = TextScan.lowercased(text)
        return JobTitles.isHR(text) || departmentWords.indices.contains { lowered == departmentWords[$0] || lowered.hasPrefix(departmentPrefixes[$0]) }
    }

    /// Each of `departmentWords` followed by a space, built once (not once per word per call).
    static let departmentPrefixes = departmentWords.map { $0 + " " }

    // MARK: - Places

    /// Words that make a place on their own: how the job was done.
    static let remoteWords = ["remote", "hybrid", "on-site", "onsite", "work from home", "telecommute"]

    /// `remoteWords.contains(TextScan.lowercasedASCII(bytes))`, compared by byte: most pieces asked are
    /// no remote word, and a lower-cased String and six string comparisons cost more than this.
    static func isRemoteWordASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func equals(_ word: StaticString) -> Bool {
            bytes.count == word.utf8CodeUnitCount && TextScan.hasPrefixIgnoringASCIICase(bytes, word)
        }
        switch bytes.count {
        case 6: return equals("remote") || equals("hybrid") || equals("onsite")
        case 7: return equals("on-site")
        case 11: return equals("telecommute")
        case 14: return equals("work from home")
        default: return false
        }
    }

    static func isLocation(_ text: String) -> Bool {
        // ASCII: the remote words by byte (the longest is 14 bytes); without a comma nothing else can
        // make a place, with one the comma pieces are cut from the bytes.
        if let quick = TextScan.withPlainASCII(text, isLocationASCII) { return quick }
        let lowered = TextScan.lowercased(text)
        if remoteWords.contains(lowered) { return true }
        if lowered.hasPrefix("remote ") || lowered.hasSuffix(" (remote)") { return true }
        // No comma byte, no comma character: one part, never a place.
        guard TextScan.containsByte(text, 0x2C) else { return false }
        return isPlace(text.split(separator: ",").map { TextScan.trimSpaces($0) })
    }

    /// `isLocation` of plain ASCII bytes. The comma pieces are read where they lie, as byte ranges
    /// trimmed as `commaPieces(bytes) { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }` trims its strings, and
    /// asked the byte forms of `isPlace`'s tests (the tests its strings, plain ASCII too, would take).
    static func isLocationASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if isRemoteWordASCII(bytes) { return true }
        if TextScan.hasPrefixIgnoringASCIICase(bytes, "remote ") || TextScan.hasSuffixIgnoringASCIICase(bytes, " (remote)") {
            return true
        }
        guard bytes.contains(0x2C) else { return false }
        // `isPlace` takes two or three pieces: a fourth settles the answer.
        var pieces: (Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0)
        var count = 0
        forEachCommaPiece(bytes) { piece in
            var lower = piece.lowerBound
            var upper = piece.upperBound
            while lower < upper, isSpaceASCII(bytes[lower]) { lower += 1 }
            while upper > lower, isSpaceASCII(bytes[upper - 1]) { upper -= 1 }
            switch count {
            case 0: pieces.0 = lower..<upper
            case 1: pieces.1 = lower..<upper
            case 2: pieces.2 = lower..<upper
            default: break
            }
            count += 1
        }
        guard count >= 2, count <= 3 else { return false }
        func piece(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }
        guard isPlaceNameASCII(piece(pieces.0)) else { return false }
        // Every later piece a region, country or place name, and one at least a region or country.
        let secondIsRegion = isRegionOrCountryASCII(piece(pieces.1))
        guard secondIsRegion || isPlaceNameASCII(piece(pieces.1)) else { return false }
        guard count == 3 else { return secondIsRegion }
        let thirdIsRegion = isRegionOrCountryASCII(piece(pieces.2))
        guard thirdIsRegion || isPlaceNameASCII(piece(pieces.2)) else { return false }
        return secondIsRegion || thirdIsRegion
    }

    /// The comma test of `isLocation`, given the text's comma pieces without spaces at either end:
    /// "Columbus, OH", "Columbus, OH, USA", "South Ridge, Ohio".
    private static func isPlace(_ parts: [String]) -> Bool {
        guard parts.count >= 2, parts.count <= 3 else { return false }
        guard isPlaceName(parts[0]) else { return false }
        return parts.dropFirst().allSatisfy { isRegionOrCountry($0) || isPlaceName($0) } && parts.dropFirst().contains { isRegionOrCountry($0) }
    }

    /// `text.split(separator: ",")` of plain ASCII text (no empty pieces), each piece without the bytes
    /// `trims` at either end.
    static func commaPieces(_ bytes: UnsafeBufferPointer<UInt8>, trimming trims: (UInt8) -> Bool = { _ in false }) -> [String] {
        var pieces: [String] = []
        // Places and field lines have a few comma pieces: one buffer, not one grown at each append.
        pieces.reserveCapacity(4)
        forEachCommaPiece(bytes) { piece in
            var lower = piece.lowerBound
            var upper = piece.upperBound
            while lower < upper, trims(bytes[lower]) { lower += 1 }
            while upper > lower, trims(bytes[upper - 1]) { upper -= 1 }
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self))
        }
        return pieces
    }

    /// "Columbus", "South Ridge", "St. Louis": capitalised words, no digits, no organisation words.
    static func isPlaceName(_ text: String) -> Bool {
        if let quick = TextScan.withPlainASCII(text, isPlaceNameASCII) { return quick }
        let words = text.split(separator: " ")
        guard !words.isEmpty, words.count <= 4 else { return false }
        guard words.allSatisfy({ word in word.first.map { $0.isUppercase } ?? false || stopWords.contains(word.lowercased()) }) else { return false }
        guard !text.contains(where: \.isNumber) else { return false }
        let lowered = lowerWords(text)
        return !lowered.contains { organisationWords.contains($0) || titleWords.contains($0) }
    }

    /// `isPlaceName` of plain ASCII bytes: the words between spaces counted and tested as they are read,
    /// then the letter words looked up by byte (`packedWordRoles`, `wordRoles` without a String per word).
    static func isPlaceNameASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var fits = true
        forEachSpaceWord(bytes) { word in
            guard fits else { return }
            words += 1
            fits = words <= 4 && (TextScan.isASCIIUpper(bytes[word.lowerBound]) || isStopWord(bytes, word))
        }
        guard fits, words > 0 else { return false }
        guard !bytes.contains(where: TextScan.isASCIIDigit) else { return false }
        // No word is an organisation or title word.
        let table = packedWordRoles
        var named = false
        forEachWordRangeASCII(bytes) { word in
            if !named, !table.roles(bytes, word).isDisjoint(with: [.title, .organisation]) { named = true }
        }
        return !named
    }

    /// "OH", "OH 43215", "Ohio", "United States", "UK".
    static func isRegionOrCountry(_ text: String) -> Bool {
        if let quick = TextScan.withPlainASCII(text, isRegionOrCountryASCII) { return quick }
        var words = text.split(separator: " ").map(String.init)
        // A postal code after the region: "CO 80810", "OH 43215-1234".
        if words.count >= 2, let last = words.last, last.first?.isNumber == true, last.allSatisfy({ $0.isNumber || $0 == "-" }) {
            words.removeLast()
        }
        guard !words.isEmpty else { return false }
        let joined = words.joined(separator: " ")
        if words.count == 1, joined.count == 2, joined.allSatisfy(\.isUppercase), regionCodes.contains(joined) { return true }
        let lowered = TextScan.trim(joined.lowercased(), ["."])
        return regionNames.contains(lowered) || countries.contains(lowered)
    }

    /// `isRegionOrCountry` of plain ASCII bytes.
    static func isRegionOrCountryASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The words between spaces, read without an array: how many, the first, the last, and where
        // the one before the last ends.
        var count = 0
        var first = 0..<0
        var last = 0..<0
        var beforeLastEnd = 0
        forEachSpaceWord(bytes) { word in
            if count == 0 { first = word }
            beforeLastEnd = last.upperBound
            last = word
            count += 1
        }
        guard count > 0 else { return false }
        // A postal code after the region ("CO 80810", "OH 43215-1234") is left out.
        var keptCount = count
        var keptEnd = last.upperBound
        if count >= 2, TextScan.isASCIIDigit(bytes[last.lowerBound]), bytes[last].allSatisfy({ TextScan.isASCIIDigit($0) || $0 == 0x2D }) {
            keptCount -= 1
            keptEnd = beforeLastEnd
        }
        // Both bytes capitals: the codes (all capitals) compared lower-cased are compared as written.
        if keptCount == 1, first.count == 2, TextScan.isASCIIUpper(bytes[first.lowerBound]),
           TextScan.isASCIIUpper(bytes[first.lowerBound + 1]), !packedRegionCodes.roles(bytes, first).isEmpty {
            return true
        }
        // The kept words joined by one space (each run of spaces between them becomes one),
        // lower-cased, without periods at either end, in a buffer on the stack.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: keptEnd - first.lowerBound) { joined -> Bool in
            var length = 0
            var afterSpace = false
            for byte in bytes[first.lowerBound..<keptEnd] {
                if byte == 0x20 {
                    afterSpace = true
                    continue
                }
                if afterSpace {
                    joined[length] = 0x20
                    length += 1
                    afterSpace = false
                }
                joined[length] = TextScan.lowerASCII(byte)
                length += 1
            }
            var lower = 0
            var upper = length
            while lower < upper, joined[lower] == 0x2E { lower += 1 }
            while upper > lower, joined[upper - 1] == 0x2E { upper -= 1 }
            guard upper - lower <= longestPlaceName else { return false }
            // Names of at most 16 bytes (all but a few) by their bytes, the longer ones as a String.
            let name = UnsafeBufferPointer(rebasing: joined[lower..<upper])
            if name.count <= PackedWordRoles.longestWord { return !packedPlaceNames.roles(name, 0..<name.count).isEmpty }
            let lowered = String(decoding: name, as: UTF8.self)
            return regionNames.contains(lowered) || countries.contains(lowered)
        }
    }

    /// `regionCodes` lower-cased, for lookups by byte (`PackedWordRoles` compares lower-cased bytes);
    /// every code is marked `.organisation` (any non-empty answer means "in the set").
    static let packedRegionCodes = PackedWordRoles(
        Dictionary(uniqueKeysWithValues: regionCodes.map { ($0.lowercased(), WordRoles.organisation) }))

    /// `regionNames` and `countries` of at most `PackedWordRoles.longestWord` bytes, for lookups by byte
    /// (each marked `.organisation`). A name with a byte beyond ASCII ("españa") can equal no plain ASCII
    /// text, here or in the sets.
    static let packedPlaceNames = PackedWordRoles(
        Dictionary(uniqueKeysWithValues: regionNames.union(countries).filter { $0.utf8.count <= PackedWordRoles.longestWord }
            .map { ($0, WordRoles.organisation) }))

    /// The UTF-8 length of the longest of `regionNames` and `countries`.
    static let longestPlaceName = regionNames.union(countries).map(\.utf8.count).max() ?? 0

    static let regionCodes: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
        "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
        "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "ON", "BC", "QC", "AB", "MB", "SK", "NS", "NB",
        "NL", "PE", "UK", "US",
    ]
    static let regionNames: Set<String> = [
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "georgia",
        "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland",
        "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
        "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania",
        "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
        "west virginia", "wisconsin", "wyoming", "ontario", "quebec", "british columbia", "alberta", "england", "scotland",
        "wales", "northern ireland", "bavaria", "catalonia", "new south wales", "victoria", "queensland",
    ]
    static let countries: Set<String> = [
        "united states", "united states of america", "usa", "u.s.a", "u.s", "us", "uk", "united kingdom", "great britain",
        "canada", "mexico", "germany", "deutschland", "france", "spain", "españa", "italy", "italia", "netherlands",
        "the netherlands", "belgium", "ireland", "portugal", "switzerland", "austria", "poland", "norway", "norge", "sweden",
        "denmark", "finland", "iceland", "greece", "czech republic", "czechia", "hungary", "romania", "india", "china", "japan",
        "singapore", "australia", "new zealand", "south africa", "nigeria", "kenya", "egypt", "brazil", "argentina", "chile",
        "colombia", "peru", "philippines", "indonesia", "malaysia", "vietnam", "thailand", "south korea", "korea", "israel",
        "turkey", "united arab emirates", "uae", "saudi arabia", "qatar", "pakistan", "bangladesh", "sri lanka",
    ]

    // MARK: - Education

    static let degreeAbbreviations: Set<String> = [
        "ba", "bs", "bsc", "ma", "ms", "msc", "mba", "emba", "phd", "aa", "as", "aas", "bba", "bfa", "med", "edd", "jd", "md",
        "llb", "llm", "mphil", "dphil", "beng", "meng", "bcom", "mcom", "mpa", "mhrm", "bsba", "ab", "sb", "mfa", "msw",
        "bsn", "msn", "mshrm", "mps", "ged", "dba", "abd", "bas", "aos", "ms-hrm",
    ]
    static let degreePhrases = [
        "bachelor", "master", "doctor of", "doctorate", "ph.d", "associate of", "associate's", "associates degree",
        "associate degree", "diploma", "high school", "secondary school", "a-level", "a levels", "abitur", "baccalaur",
        "licenciatura", "laurea", "magister", "certificate in", "graduate certificate", "postgraduate",
    ]

    /// `degreePhrases` searched in one pass (byte for byte, as `TextScan.contains`).
    static let degreePhraseSet = PhraseSet(degreePhrases)

    /// "B.A., Business Administration", "Bachelor of Science in …", "MBA", "Master's degree": the line
    /// names a degree.
    static func isDegree(_ text: String) -> Bool {
        // Plain ASCII (most fields) on its bytes, without the lower-cased copy (`isDegreePlainASCII`).
        if let quick = TextScan.withPlainASCII(text, { isDegreePlainASCII($0) }) { return quick }
        let lowered = TextScan.lowercased(text)
        // "James Buchanan High School" names the school; "High School Diploma" the qualification.
        if ["school", "college", "university", "academy", "institute"].contains(where: { lowered.hasSuffix($0) }) { return false }
        if degreePhraseSet.containsAny(in: lowered) { return true }
        if let quick = TextScan.withPlainASCII(text, { bytes in isDegreeAbbreviationPlainASCII(bytes) }) { return quick }
        guard let firstToken = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" }).first else { return false }
        let letters = firstToken.filter { $0.isLetter || $0 == "-" }.lowercased()
        guard degreeAbbreviations.contains(letters) else { return false }
        // "MA" and "AS" are also words: the abbreviation must be written as one (capitals or dots).
        return firstToken.contains(where: { $0 == "." }) || firstToken.filter(\.isLetter).allSatisfy(\.isUppercase) || firstToken.filter(\.isUppercase).count >= 2
    }

    static let longestDegreeAbbreviation = degreeAbbreviations.map(\.utf8.count).max() ?? 0

    static func isInstitution(_ text: String) -> Bool {
        namesInstitution(lowerWords(text))
    }

    /// The words `namesInstitution` looks for whole (it also takes any word starting "univers").
    static let institutionWords: Set<String> = ["university", "college", "school", "institute", "academy", "polytechnic", "hochschule"]

    /// `word.hasPrefix("univers")`, asked only of words that can pass: seven characters take at least
    /// seven bytes, and a first character equal to "u" is the byte "u" (no other scalar sequence is
    /// canonically equivalent to it).
    @inline(__always) static func startsWithUnivers(_ word: String) -> Bool {
        word.utf8.count >= 7 && word.utf8.first == 0x75 && word.hasPrefix("univers")
    }

    /// `isInstitution` of a text whose `lowerWords` are `words`.
    static func namesInstitution(_ words: [String]) -> Bool {
        if words.contains(where: { $0 == "university" || $0 == "college" || $0 == "school" || $0 == "institute" || $0 == "academy" || $0 == "polytechnic" || $0.hasPrefix("univers") || $0 == "hochschule" }) {
            return true
        }
        return false
    }

    // MARK: - Vocabulary

    static let titleWords: Set<String> = [
        "manager", "generalist", "specialist", "coordinator", "assistant", "director", "recruiter", "analyst", "engineer",
        "developer", "designer", "intern", "internship", "representative", "rep", "administrator", "officer", "consultant",
        "partner", "supervisor", "lead", "leader", "head", "associate", "clerk", "executive", "president", "vp", "svp", "evp",
        "ceo", "cfo", "coo", "cto", "cio", "chro", "cpo", "cmo", "advisor", "adviser", "trainer", "teacher", "professor",
        "lecturer", "nurse", "accountant", "architect", "programmer", "technician", "scientist", "researcher", "writer",
        "editor", "producer", "owner", "founder", "co-founder", "cofounder", "secretary", "receptionist", "agent", "planner",
        "buyer", "auditor", "controller", "treasurer", "counsel", "attorney", "lawyer", "paralegal", "hrbp", "sourcer",
        "instructor", "tutor", "fellow", "apprentice", "trainee", "volunteer", "chief", "strategist", "investigator",
        "mediator", "facilitator", "superintendent", "foreman", "operator", "cashier", "bookkeeper", "administrative",
        "practitioner", "therapist", "pharmacist", "physician", "counselor", "counsellor", "coach", "mentor", "steward",
        "dispatcher", "estimator", "inspector", "examiner", "underwriter", "adjuster", "broker", "banker", "teller",
        "salesperson", "salesman", "saleswoman", "merchandiser", "marketer", "manageress", "headhunter", "translator",
        "interpreter", "librarian", "archivist", "curator", "chef", "cook", "driver", "mechanic", "electrician", "welder",
        "machinist", "worker", "server", "waiter", "waitress", "bartender", "barista", "guard", "captain", "sergeant",
        "lieutenant", "deputy", "principal", "dean", "provost", "chair", "chairman", "chairwoman", "chairperson",
        "trustee", "ambassador", "delegate", "liaison", "scheduler", "expeditor", "processor", "verifier", "payroll",
        "hr", "contractor", "freelancer", "freelance", "sr", "jr", "staffer", "employee", "member", "author", "artist",
        "photographer", "journalist", "reporter", "nanny", "caregiver", "aide", "paraprofessional", "student",
    ]
    /// Which of `titleWords`, `organisationWords` and `institutionWords` hold a word.
    struct WordRoles: OptionSet, Sendable {
        let rawValue: UInt8
        static let title = WordRoles(rawValue: 1)
        static let organisation = WordRoles(rawValue: 2)
        static let institution = WordRoles(rawValue: 4)
    }

    /// `titleWords`, `organisationWords` and `institutionWords` in one table, so that `classify` hashes
    /// each word once.
    static let wordRoles: [String: WordRoles] = {
        var roles: [String: WordRoles] = [:]
        for word in titleWords { roles[word, default: []].insert(.title) }
        for word in organisationWords { roles[word, default: []].insert(.organisation) }
        for word in institutionWords { roles[word, default: []].insert(.institution) }
        return roles
    }()

    /// Words that sharpen a title without making one ("Senior", "Assistant" already counts).
    static let seniorityWords: Set<String> = ["senior", "junior", "principal", "deputy", "acting", "interim", "vice", "global", "regional", "national", "district", "area", "general", "associate", "executive", "staff", "chief", "lead"]
    static let departmentWords = [
        "human resources", "hr", "people operations", "people", "talent acquisition", "talent", "benefits", "compensation",
        "operations", "sales", "marketing", "finance", "accounting", "engineering", "administration", "it", "payroll",
        "recruiting", "recruitment", "training", "learning and development", "employee relations", "total rewards",
    ]

    static let organisationWords: Set<String> = [
        "inc", "llc", "ltd", "limited", "corp", "corporation", "company", "co", "group", "hospital", "hospitals", "university",
        "college", "school", "academy", "institute", "health", "healthcare", "medical", "clinic", "clinics", "center",
        "centre", "bank", "bancorp", "systems", "solutions", "services", "partners", "associates", "technologies", "labs",
        "laboratories", "media", "productions", "foundation", "agency", "council", "department", "ministry", "government",
        "gmbh", "ag", "plc", "llp", "lp", "pty", "logistics", "manufacturing", "industries", "holdings", "international",
        "enterprises", "consulting", "consultants", "studio", "studios", "network", "networks", "county", "bureau", "authority",
        "trust", "society", "association", "church", "pharmaceuticals", "pharma", "insurance", "foods", "motors", "airlines",
        "airline", "retail", "stores", "store", "hotel", "hotels", "resorts", "restaurant", "restaurants", "markets",
        "financial", "capital", "energy", "electric", "utilities", "communications", "telecom", "software", "bakery",
        "vineyards", "winery", "brewing", "press", "publishing", "realty", "properties", "construction", "transport",
        "transportation", "federal", "district", "nonprofit", "firm", "shop", "club", "league", "federation", "union",
        "commission", "corps", "army", "navy", "force", "police", "library", "museum", "school district", "schools",
        "credit", "mutual", "ventures", "brands", "global", "worldwide", "america", "usa", "inc.", "co.", "dynamics",
        "analytics", "robotics", "aerospace", "automotive", "chemicals", "steel", "mills", "farms", "markets", "supply",
        "distribution", "wholesale", "staffing", "agencies", "hospice", "pharmacy", "dental", "care", "cooperative", "coop",
    ]
    /// Openings that make an organisation: "City of Dayton", "University of Oklahoma", "Bank of …".
    static let organisationPhrases = ["city of ", "county of ", "state of ", "university of ", "bank of ", "department of ", "town of ", "ministry of "]
    static let companySuffixes: Set<String> = [
        "inc", "inc.", "llc", "l.l.c", "l.l.c.", "ltd", "ltd.", "co", "co.", "corp", "corp.", "plc", "llp", "lp", "l.p",
        "l.p.", "gmbh", "ag", "s.a", "s.a.", "sa", "n.a", "n.a.", "pty", "pty ltd", "limited", "incorporated", "corporation",
        "bv", "b.v", "nv", "n.v", "ab", "as", "asa", "oy", "srl", "s.r.l", "spa", "s.p.a",
    ]
}
