import Foundation

/// Reads education entries: degree (with its level), field, institution and dates, from lines such as
/// "B.S. in Human Resource Management — University of Dayton (2016)" or from neighbouring elements.
enum EducationReader {
    struct Draft {
        var degree: String?
        var degreeExtras: [String] = []
        /// The degree with what follows it on its line, up to the institution, place or date:
        /// "Master of Business Administration (MBA), Human Resources concentration".
        var degreeAsWritten: String?
        var institution: String?
        var location: String?
        var range: DateRange?
        var fieldLine: String?
        var firstLine: Int
        var container: Int
        var sawBody = false
    }

    static func entries(from lines: [HTMLLine]) -> [Education] {
        var entries: [Education] = []
        var current: Draft?
        /// Resolves the entry being read as soon as it ends, moved out of `current`: keeping every draft
        /// in an array to resolve afterwards copied each one in and out (a retain of each of its strings).
        func finish() {
            guard let draft = current.take(), let entry = resolve(draft) else { return }
            entries.append(entry)
        }
        // The lines are read where they lie in the array: `for line in lines` copied each one (a retain
        // of every String and array it holds) and destroyed the copy (as many releases).
        for index in lines.indices {
            // `LineFields.parse(line, education: true)`, given the two fields of the line it reads.
            let (range, remainder) = LineFields.cutRange(lines[index].fieldText)
            let parsed = ParsedLine(range: range, fields: LineFields.fields(of: remainder, emphasised: lines[index].emphasised, education: true))
            let fields = parsed.fields.filter { !$0.sentenceLike && $0.kind != .duration }
            let wordCount = TextScan.spaceWordCount(lines[index].text)
            let hasDegree = fields.contains { $0.kind == .degree }
            let hasInstitution = fields.contains { $0.kind == .institution }
            let isHeader = hasDegree || hasInstitution || (parsed.range != nil && wordCount <= 10 && !LineFields.isSentenceLike(lines[index].text))
            guard isHeader else {
                if current != nil {
                    if current!.fieldLine == nil, current!.degreeExtras.isEmpty, !current!.sawBody, isFieldOfStudy(lines[index].text) {
                        current!.fieldLine = lines[index].text
                    } else {
                        current!.sawBody = true
                    }
                }
                continue
            }
            // The entry being read is asked and merged into in place (a copy of it retained its strings,
            // and writing it back released the old ones).
            if current != nil {
                let container = lines[index].container
                let otherContainer = current!.container != 0 && container != 0 && current!.container != container
                if !otherContainer {
                    if current!.sawBody {
                        if !hasDegree && !hasInstitution && current!.range == nil {
                            merge(parsed.range, fields, into: &current!)
                            continue
                        }
                    } else {
                        let conflict = (hasDegree && current!.degree != nil) || (hasInstitution && current!.institution != nil)
                            || (parsed.range != nil && current!.range != nil)
                        if !conflict {
                            merge(parsed.range, fields, into: &current!)
                            if hasDegree { current!.degreeAsWritten = degreeAsWritten(in: lines[index].fieldText, fields: fields, range: parsed.range) }
                            continue
                        }
                    }
                }
                finish()
            }
            var draft = Draft(firstLine: lines[index].line, container: lines[index].container)
            merge(parsed.range, fields, into: &draft)
            if hasDegree { draft.degreeAsWritten = degreeAsWritten(in: lines[index].fieldText, fields: fields, range: parsed.range) }
            current = draft
        }
        finish()
        return entries
    }

    static func merge(_ range: DateRange?, _ fields: [LineField], into draft: inout Draft) {
        if draft.range == nil, let range { draft.range = range }
        var degreeOnThisLine = false
        for field in fields {
            switch field.kind {
            case .degree:
                if draft.degree == nil {
                    draft.degree = field.text
                    degreeOnThisLine = true
                }
            case .institution, .employer:
                if draft.institution == nil { draft.institution = field.text }
                // What follows the school on the line is its place, not the degree's subject.
                degreeOnThisLine = false
            case .location:
                if draft.location == nil { draft.location = field.text }
                degreeOnThisLine = false
            case .unknown, .title:
                if degreeOnThisLine {
                    draft.degreeExtras.append(field.text)
                } else if draft.fieldLine == nil, isFieldOfStudy(field.text) {
                    draft.fieldLine = field.text
                }
            case .duration:
                break
            }
        }
    }

    static func resolve(_ draft: Draft) -> Education? {
        guard draft.degree != nil || draft.institution != nil else { return nil }
        var degree = draft.degreeAsWritten ?? draft.degree
        if draft.degreeAsWritten == nil, let written = degree, !draft.degreeExtras.isEmpty {
            degree = ([written] + draft.degreeExtras).joined(separator: ", ")
        }
        var field = draft.degree.flatMap(fieldOfStudy(inDegree:))
        if field == nil, !draft.degreeExtras.isEmpty {
            field = draft.degreeExtras.filter(isFieldOfStudy).joined(separator: ", ")
            if field?.isEmpty == true { field = nil }
        }
        if field == nil { field = draft.fieldLine }
        var level = draft.degree.flatMap(EducationLevels.level(ofDegree:))
        // In plain ASCII text Foundation's search is a byte search (and finds no "lycée").
        if level == nil, let institution = draft.institution?.lowercased(),
           ["high school", "secondary school", "gymnasium", "lycée", "grammar school"].contains(where: {
               TextScan.isPlainASCII(institution) ? TextScan.contains(institution, $0) : institution.contains($0)
           }) {
            level = .secondary
        }
        let range = draft.range
        let hasSpan = range?.end != nil || range?.isCurrent == true
        return Education(
            degree: degree,
            level: level,
            field: field,
            institution: draft.institution,
            start: hasSpan ? range?.start : nil,
            end: range?.isCurrent == true ? nil : (range?.end ?? range?.start),
            line: draft.firstLine)
    }

    /// The stretch of the line around the degree, bounded by the institution, the place or the date.
    static func degreeAsWritten(in text: String, fields: [LineField], range: DateRange?) -> String? {
        if TextScan.isPlainASCII(text), fields.allSatisfy({ TextScan.isPlainASCII($0.text) }) {
            return degreeAsWrittenByBytes(in: text, fields: fields, range: range, plainASCII: true)
        }
        if isPlainForByteSearch(text), fields.allSatisfy({ isPlainForByteSearch($0.text) }) {
            return degreeAsWrittenByBytes(in: text, fields: fields, range: range, plainASCII: false)
        }
        guard let degree = fields.first(where: { $0.kind == .degree }), let degreeRange = text.range(of: degree.text) else { return nil }
        var bounds: [Range<String.Index>] = []
        if let range { bounds.append(range.matched) }
        for field in fields where [.institution, .location, .employer].contains(field.kind) {
            if let found = text.range(of: field.text) { bounds.append(found) }
        }
        var lower = text.startIndex
        var upper = text.endIndex
        for bound in bounds {
            if bound.upperBound <= degreeRange.lowerBound, bound.upperBound > lower { lower = bound.upperBound }
            if bound.lowerBound >= degreeRange.upperBound, bound.lowerBound < upper { upper = bound.lowerBound }
        }
        var written = String(text[lower..<upper])
        // Without a "|" byte there is no " | " to replace (no other character is equivalent to "|").
        if TextScan.containsByte(written, 0x7C) { written = written.replacingOccurrences(of: " | ", with: " ") }
        // Brackets left open by a removed date: "… (2021" or "2021)".
        let opens = written.filter { $0 == "(" }.count
        let closes = written.filter { $0 == ")" }.count
        if opens > closes, let last = written.lastIndex(of: "(") { written = String(written[..<last]) }
        if closes > opens, let first = written.firstIndex(of: ")") { written.remove(at: first) }
        let trimmed = LineFields.trim(trimmingWhitespaces(written))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, without Foundation's call when neither end is one.
    static func trimmingWhitespaces(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text.trimmingCharacters(in: .whitespaces) }
        if !isFoundationWhitespace(first) && !isFoundationWhitespace(last) { return text }
        return trimmingWhitespaceScalars(text)
    }

    /// `text.trimmingCharacters(in: .whitespaces)` as Foundation does it, the set's scalars taken off both
    /// ends of the unicode scalars, told by `isFoundationWhitespace`: Foundation's call cost about 28,000
    /// instructions (a degree's text often ends in the space before a dash).
    static func trimmingWhitespaceScalars(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isFoundationWhitespace($0) }),
              let last = scalars.lastIndex(where: { !isFoundationWhitespace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Text in which Foundation's search for a field finds what a byte search finds, and each character
    /// is one scalar: `HTMLLines.isPlainForSearch` (scalars below U+0300 and general punctuation, none of
    /// them a mark that joins the character before, none canonically equivalent to another), without a
    /// carriage return (CR LF is one character).
    static func isPlainForByteSearch(_ text: String) -> Bool {
        !TextScan.containsByte(text, 0x0D) && HTMLLines.isPlainForSearch(text)
    }

    /// `CharacterSet.whitespaces.contains(scalar)`, told by value for ASCII (space and tab are the set's
    /// only ASCII members; a test checks every scalar): asking the set cost tens of thousands of
    /// instructions a call, and the ends of a degree's text are nearly always ASCII.
    static func isFoundationWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || scalar.value == 0x09 }
        // The set is General Category Zs, tab and (beyond its documentation) U+200B ZERO WIDTH SPACE; the
        // test holds the two to every scalar. The scalar's own property, without building the set.
        return scalar.properties.generalCategory == .spaceSeparator || scalar.value == 0x200B
    }

    /// `degreeAsWritten` for text and fields that are plain ASCII or plain for byte search
    /// (`isPlainForByteSearch`): there Foundation's search and replacement are byte search and
    /// replacement, and a character is one scalar; in plain ASCII the whitespace trimmed is space and tab.
    private static func degreeAsWrittenByBytes(in text: String, fields: [LineField], range: DateRange?, plainASCII: Bool) -> String? {
        func find(_ needle: String) -> Range<String.Index>? {
            guard !needle.isEmpty, let offset = TextScan.position(of: needle, in: text, from: 0) else { return nil }
            let lower = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
            return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
        }
        guard let degree = fields.first(where: { $0.kind == .degree }), let degreeRange = find(degree.text) else { return nil }
        var bounds: [Range<String.Index>] = []
        if let range { bounds.append(range.matched) }
        for field in fields where [.institution, .location, .employer].contains(field.kind) {
            if let found = find(field.text) { bounds.append(found) }
        }
        var lower = text.startIndex
        var upper = text.endIndex
        for bound in bounds {
            if bound.upperBound <= degreeRange.lowerBound, bound.upperBound > lower { lower = bound.upperBound }
            if bound.lowerBound >= degreeRange.upperBound, bound.lowerBound < upper { upper = bound.lowerBound }
        }
        var written = TextScan.replacing(" | ", with: " ", in: String(text[lower..<upper]))
        // Plain text (ASCII, or plain for byte search, without a carriage return): each bracket byte is a
        // bracket character, as no mark joins it; counted by byte.
        let opens = TextScan.count(of: 0x28, in: written)
        let closes = TextScan.count(of: 0x29, in: written)
        if opens > closes, let last = written.lastIndex(of: "(") { written = String(written[..<last]) }
        if closes > opens, let first = written.firstIndex(of: ")") { written.remove(at: first) }
        let trimmed = LineFields.trim(plainASCII ? TextScan.trim(written, spaceAndTab) : trimmingWhitespaces(written))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Period and space, as `TextScan.trim` takes them (built once).
    static let periodAndSpace: Set<Character> = [".", " "]

    /// Space and tab, as `TextScan.trim` takes them (built once).
    static let spaceAndTab: Set<Character> = [" ", "\t"]

    /// The subject in a degree as written: "Bachelor of Science in Human Resource Management" →
    /// "Human Resource Management"; "Master of Business Administration" → "Business Administration";
    /// "B.S. Business Administration" → "Business Administration"; "MBA" → nil.
    static func fieldOfStudy(inDegree degree: String) -> String? {
        if TextScan.isPlainASCII(degree) { return fieldOfStudyASCII(inDegree: degree) }
        let lowered = degree.lowercased()
        if let range = lowered.range(of: " in ") {
            let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
            let field = String(degree.dropFirst(offset))
            return cleanField(field)
        }
        if let range = lowered.range(of: " of ") {
            let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
            let field = String(degree.dropFirst(offset))
            let generic = ["science", "sciences", "arts", "fine arts", "applied science", "applied sciences", "philosophy", "laws", "education", "engineering"]
            return generic.contains(field.lowercased().trimmingCharacters(in: .whitespaces)) ? nil : cleanField(field)
        }
        // An abbreviation followed by the subject: "B.S. Business Administration", "BA Psychology".
        let tokens = degree.split(separator: " ", maxSplits: 1)
        if tokens.count == 2, LineFields.isDegree(String(tokens[0])), !LineFields.isDegree(String(tokens[1])) {
            return cleanField(String(tokens[1]))
        }
        return nil
    }

    /// `fieldOfStudy` for plain ASCII text: a character is a byte, Foundation's search a byte search and
    /// `.whitespaces` space and tab.
    ///
    /// Read by byte: " in " and " of " are found in the bytes lower-cased as they are compared, the field
    /// is the bytes after them (a character being a byte, `dropFirst` counts bytes), and the generic
    /// subjects are compared with the field's bytes between spaces and tabs, lower-cased.
    private static func fieldOfStudyASCII(inDegree degree: String) -> String? {
        let cut = degree.withBorrowedUTF8 { bytes -> (field: String, generic: Bool)? in
            if let offset = positionIgnoringASCIICase(of: " in ", in: bytes) {
                return (String(decoding: UnsafeBufferPointer(rebasing: bytes[(offset + 4)...]), as: UTF8.self), false)
            }
            guard let offset = positionIgnoringASCIICase(of: " of ", in: bytes) else { return nil }
            var lower = offset + 4
            var upper = bytes.count
            while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
            let subject = UnsafeBufferPointer(rebasing: bytes[lower..<upper])
            let generic = genericSubjects.contains { $0.utf8CodeUnitCount == subject.count && TextScan.hasPrefixIgnoringASCIICase(subject, $0) }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[(offset + 4)...]), as: UTF8.self), generic)
        }
        if let cut { return cut.generic ? nil : cleanField(cut.field) }
        let tokens = degree.split(separator: " ", maxSplits: 1)
        if tokens.count == 2, LineFields.isDegree(String(tokens[0])), !LineFields.isDegree(String(tokens[1])) {
            return cleanField(String(tokens[1]))
        }
        return nil
    }

    /// Subjects too general to be a field ("Bachelor of Science"), as `fieldOfStudy` compares them.
    static let genericSubjects: [StaticString] = [
        "science", "sciences", "arts", "fine arts", "applied science", "applied sciences", "philosophy", "laws", "education", "engineering",
    ]

    /// The first offset where `needle` (lower-case ASCII) matches the ASCII bytes lower-cased.
    private static func positionIgnoringASCIICase(of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count <= bytes.count else { return nil }
        for start in 0...(bytes.count - count)
        where TextScan.hasPrefixIgnoringASCIICase(UnsafeBufferPointer(rebasing: bytes[start..<(start + count)]), needle) {
            return start
        }
        return nil
    }

    private static func cleanField(_ text: String) -> String? {
        let trimmed = LineFields.trim(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A short capitalised phrase with no grades, honours or digits: "Computer Science", "Human Resources".
    static func isFieldOfStudy(_ text: String) -> Bool {
        let lowered = text.lowercased()
        // ASCII: the scalars trimmed are the characters "." and " ".
        let bare = TextScan.isPlainASCII(lowered) ? TextScan.trim(lowered, periodAndSpace) : lowered.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        if honoursWords.contains(bare) { return false }
        guard !fieldNoisePhrases.containsAny(in: lowered) else { return false }
        // In plain ASCII text a character is a byte, and the only numbers are the digits: read by byte.
        if let quick = TextScan.withPlainASCII(text, { bytes -> Bool in
            guard !bytes.contains(where: { TextScan.isASCIIDigit($0) || $0 == 0x3A }) else { return false }
            let wordCount = TextScan.spaceWordCount(bytes)
            return wordCount > 0 && wordCount <= 8
        }) {
            return quick && LineFields.isCapitalised(text) && !LineFields.isSentenceLike(text)
        }
        guard !text.contains(where: { $0.isNumber || $0 == ":" }) else { return false }
        let words = text.split(separator: " ")
        return !words.isEmpty && words.count <= 8 && LineFields.isCapitalised(text) && !LineFields.isSentenceLike(text)
    }

    /// Words that mark a line as grades, honours or coursework rather than a field of study (built once).
    static let fieldNoise = ["gpa", "grade", "honor", "honour", "cum laude", "dean", "thesis", "course", "graduated", "award", "scholarship", "minor", "activities", "relevant", "magna", "summa"]

    /// `fieldNoise` searched in one pass (byte for byte, as `TextScan.contains`), not one search per word.
    static let fieldNoisePhrases = PhraseSet(fieldNoise)

    /// What a field that is only an honours mark reads, lower-cased and trimmed (built once).
    static let honoursWords = ["hons", "honours", "honors", "hon"]
}
