import Foundation
import Testing
@testable import Extraction

/// The byte filters and byte paths of the HTML field readers (date filter and date tokens of simple-scalar
/// text, certification trigger words, phone and e-mail on simple-scalar text, first-field look-ups)
/// against the code they stand in for.
@Suite struct FieldExtractionPrefilterTests {
    /// Lines of every kind the readers meet: ASCII, accented, CJK, emoji, empty, CR/LF, NBSP, curly
    /// apostrophes, dates in every shape the grammar reads, and numbers that are no dates.
    static let texts: [String] = [
        "", " ", "Recruiter", "Senior HR Generalist, Acme Health (2021–present)",
        "Acme Health — Columbus, OH · January 2024 – Present", "09/2024 - present", "Nov 2021 – Dec 2023",
        "2017–2020", "since September 2025", "from March 2019 to June 2020", "Jan '19 – Mar '21", "Jan ’19 – Mar ’21",
        "Jan \u{2019}19", "4/1/97", "4/1/1997", "4.1.97", "2024-01-15", "2024/1", "January 15, 2024", "March, 2019",
        "Negotiated renewals with 5 benefit carriers, holding premium growth under 29%.",
        "Conducted 22 exit interviews a quarter", "3.5 GPA", "Raised scores by 17 points", "1'/2'/97", "12'34",
        "(814) 555-0126", "+1 212 222 2222", "(814)\u{00A0}555\u{00A0}0126", "Tel. 814 555 0126 · Fax 814 555 0127",
        "2019-2021 2022-2024", "123", "12 34 56", "1\u{301}234", "12\u{301}34", "١٢٣٤", "２０２４", "Ｊａｎ 2024",
        "Team lead 👩‍💼 since 2024", "中文简历 2020年", "line\r\n2020", "Dana\u{00A0}Whitfield 2021", "Zoë Müller — Köln, 2019",
        "dana@example.org", "mailto:dana@example.org", "Dana Whitfield · dana.whitfield@example.org · (317) 585-8468",
        "Email: <jo@acme.co.uk>; (jo.doe@x.com)", "@handle", "a@b", "x @ y.com", "é@exämple.org", "Jo\u{301}@example.org",
        "contact|jo@ex.com|other", "dana@example.org.", "MAILTO:Dana@Example.org?subject=hi",
        "PHR, SHRM-CP", "Senior Professional in Human Resources (SPHR)", "SHRM Certified Professional", "aPHR", "CIPD Level 5",
        "Workday Pro certified", "Certified Compensation Professional 2020", "phr", "graphr", "Phrase", "Shrmcp", "SCP", "cp",
        "Associate professional", "Global mobility", "Chartered accountant", "Professionally certified", "Ca", "c a", "CA",
        "Certifiée SHRM-CP", "Senior Professional in Human Resources – International", "São Paulo, Brazil", "Remote",
        "Columbus, OH", "Louisville, KY 40202", "Human Resources Manager", "Manager, Human Resources", "5 yrs 2 mos",
        "Contract", "Lit Ware, Inc.", "B.A., Business Administration", "University of Dayton", "Led a team of 5 recruiters",
    ]

    /// `findRange` as it was: the digit check, then the tokens and the grammar.
    static func referenceRange(_ text: String) -> DateRange? {
        TextScan.containsASCIIDigit(text) ? DateExpressions.scanRange(in: text[...]) : nil
    }

    @Test func dateFilterKeepsEveryRange() {
        for text in Self.texts {
            #expect(DateExpressions.findRange(in: text) == Self.referenceRange(text), "\(text)")
            // Slices too: the filter reads the slice's bytes only.
            if text.count > 2 {
                let slice = text.dropFirst(2)
                #expect(DateExpressions.findRange(in: slice) == (TextScan.containsASCIIDigit(slice) ? DateExpressions.scanRange(in: slice) : nil), "\(text)")
            }
        }
    }

    @Test func dateFilterRulesOutLinesWithoutDateShapes() {
        // Read from the text: no four digits in a row, no digit before "/" or ".", no apostrophe.
        for text in ["Conducted 22 exit interviews a quarter", "holding premium growth under 29%", "123", "12 34 56", "Team of 3 to 25"] {
            #expect(!DateExpressions.mayHoldDate(text[...]), "\(text)")
        }
        for text in ["2024", "09/2024", "4.1.97", "Jan '19", "Jan ’19", "1'/2"] {
            #expect(DateExpressions.mayHoldDate(text[...]), "\(text)")
        }
    }

    /// `mayNameCertification` as it was: the letter runs, lower-cased, looked up in the set.
    static func referenceMayNameCertification(_ text: String) -> Bool {
        CertificationReader.letterWords(text).contains { CertificationReader.triggerWords.contains($0) }
    }

    @Test func triggerWordsAreFoundByByteComparison() {
        var texts = Self.texts
        // Every trigger word alone, upper-cased, inside longer words and cut short.
        for word in CertificationReader.triggerWords {
            texts += [word, word.uppercased(), "x" + word, word + "s", String(word.dropLast()), "(\(word.capitalized))"]
        }
        for text in texts {
            #expect(CertificationReader.mayNameCertification(text) == Self.referenceMayNameCertification(text), "\(text)")
        }
    }

    /// `phone(in:)` as it was for text other than plain ASCII: the character walk.
    static func referencePhone(_ text: String) -> String? {
        let allowed = PersonalDetailsReader.phoneCharacters
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isNumber || text[index] == "+" || text[index] == "(" else {
                index = text.index(after: index)
                continue
            }
            var end = index
            var digits = 0
            var lastDigit = index
            while end < text.endIndex, allowed.contains(text[end]) {
                if text[end].isNumber {
                    digits += 1
                    lastDigit = end
                }
                end = text.index(after: end)
            }
            if (10...15).contains(digits) {
                let candidate = TextScan.trimSpaces(text[index...lastDigit])
                if DateExpressions.findRange(in: candidate).map({ $0.end != nil }) != true { return candidate }
            }
            index = end > index ? end : text.index(after: index)
        }
        return nil
    }

    @Test func phoneOnSimpleScalarsMatchesTheCharacterWalk() {
        let extra = [
            "Phone: (814)\u{00A0}555-0126 · Louisville, KY", "Tél. +33\u{00A0}1\u{00A0}23\u{00A0}45\u{00A0}67\u{00A0}89",
            "٣١٧ 585 8468 or 317 585 8468", "2019-2021 2022-2024", "Zoë · 317.585.8468 · zoë@example.org",
            "\u{00A0}\u{00A0}(317) 585 8468\u{00A0}", "(((", "+", "1234567890123456", "–317–585–8468",
        ]
        for text in Self.texts + extra {
            #expect(PersonalDetailsReader.phone(in: text) == Self.referencePhone(text), "\(text)")
        }
    }

    /// `email(in:)` as it was: the character split, then the first token that is an address.
    static func referenceEmail(_ text: String) -> String? {
        for token in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "|" || $0 == "·" || $0 == "<" || $0 == ">" || $0 == "(" || $0 == ")" }) {
            guard let at = token.firstIndex(of: "@") else { continue }
            let local = token[token.startIndex..<at]
            let domain = token[token.index(after: at)...]
            var address = String(token)
            if address.lowercased().hasPrefix("mailto:") { address = String(address.dropFirst(7)) }
            address = TextScan.trim(address, [".", ":", ";", "!", "?", "'", "\""])
            if !local.isEmpty, domain.contains(where: { $0 == "." }), !domain.hasPrefix(".") { return address }
        }
        return nil
    }

    @Test func emailOnSimpleScalarsMatchesTheCharacterSplit() {
        let extra = ["a@b·c@d.com", "·x@y.org·", "x@y.org\u{00A0}more", "👩‍💼 jo@ex.com", "jo@ex.com\r\nnext", "(a@b.c)(d@e.f)"]
        for text in Self.texts + extra {
            #expect(PersonalDetailsReader.email(in: text) == Self.referenceEmail(text), "\(text)")
        }
    }

    @Test func contactTestMatchesTheCharacterTest() {
        for text in Self.texts {
            let lowered = text.lowercased()
            let reference = text.contains(where: { $0 == "@" }) || TextScan.contains(lowered, "http") || TextScan.contains(lowered, "www.")
                || Self.referencePhone(text) != nil
            #expect(PersonalDetailsReader.isContact(text) == reference, "\(text)")
        }
    }

    @Test func firstPieceIsTheFirstClassifiedField() {
        for text in Self.texts {
            let line = HTMLLine(text: text, fieldText: text, line: 1)
            let parsed = LineFields.parse(line)
            let remainder = LineFields.cutRange(text).1
            let title = LineFields.firstPiece(of: remainder) { piece in
                let sentenceLike = LineFields.isSentenceLike(piece)
                return !sentenceLike && LineFields.classify(piece, education: false, sentenceLike: sentenceLike) == .title
            }
            #expect(title == parsed.fields.first(where: { $0.kind == .title && !$0.sentenceLike })?.text, "\(text)")
            let place = LineFields.firstPiece(of: remainder) { !LineFields.isDuration($0) && LineFields.isLocation($0) }
            #expect(place == parsed.fields.first(where: { $0.kind == .location })?.text, "\(text)")
        }
    }

    // MARK: - Date tokens of simple-scalar text

    /// `DateTokenizer.simpleScalarTokens` as it was (scalar view walk), for simple-scalar text (`TextScan.isSimpleScalars`: curly quotes, dashes, accented
    /// letters): every scalar is one `Character`, so the scalars are walked instead of the characters,
    /// ASCII ones judged by byte and the others as the `Character` they are, by the same tests.
    static func referenceSimpleScalarTokens(of text: Substring) -> [DateToken] {
        let scalars = text.unicodeScalars
        let end = scalars.endIndex
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
        var tokens: [DateToken] = []
        var index = scalars.startIndex
        var sawSpace = true
        var apostrophe = false
        while index < end {
            let scalar = scalars[index]
            let isSpace = scalar.value < 0x80
                ? scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D)
                : Character(scalar).isWhitespace || scalar.value == 0xA0
            if isSpace {
                sawSpace = true
                index = scalars.index(after: index)
                continue
            }
            let start = index
            let kind: DateToken.Kind
            if isLetter(scalar) {
                while index < end, isLetter(scalars[index]) { index = scalars.index(after: index) }
                kind = .word
            } else if isDigit(scalar) {
                while index < end, isDigit(scalars[index]) { index = scalars.index(after: index) }
                kind = .number
            } else if isDash(scalar) {
                while index < end, isDash(scalars[index]) { index = scalars.index(after: index) }
                kind = .dash
            } else {
                index = scalars.index(after: index)
                if scalar.value == 0x27 || scalar.value == 0x2019 {
                    apostrophe = true
                    sawSpace = false
                    continue
                }
                kind = .punctuation
            }
            let piece = Substring(scalars[start..<index])
            tokens.append(DateToken(
                kind: kind, text: piece, lowered: TextScan.lowercased(String(piece)), range: start..<index, afterSpace: sawSpace, afterApostrophe: apostrophe))
            sawSpace = false
            apostrophe = false
        }
        return tokens
    }

    @Test func simpleScalarTokensMatchTheScalarWalk() {
        let extra = [
            "Jan ’19 – Mar ’21", "Zoë Müller — Köln · 2019–2021", "März 2020 – heute", "since Sept. 2019", "2019—2021",
            "€ 5 000 · 09/2024\u{00A0}–\u{00A0}présent", "Ångström 1999 ‒ 2001 ― 2003 − 2004", "l’été 2018", "¿Desde 2020?",
            "½ 2020", "a\u{00A0}\u{00A0}b", "→ 2021 ← 2022", "“Lead” 2019 ‘x’", "ſ 2019",
        ]
        for text in Self.texts + extra {
            var copy = text
            let simple = copy.withUTF8 { TextScan.isSimpleScalars($0) }
            guard simple else { continue }
            for slice in [text[...], text.dropFirst(min(2, text.count))] {
                let expected = Self.referenceSimpleScalarTokens(of: slice)
                let actual = slice.utf8.withContiguousStorageIfAvailable { DateTokenizer.simpleScalarTokens(of: slice, bytes: $0) }
                guard let actual else {
                    Issue.record("no contiguous UTF-8 for \(text)")
                    continue
                }
                #expect(actual.count == expected.count, "\(text)")
                for (a, e) in zip(actual, expected) {
                    #expect(a.kind == e.kind && a.text == e.text && a.lowered == e.lowered && a.range == e.range
                        && a.isTight == e.isTight && a.hadApostrophe == e.hadApostrophe, "\(text)")
                }
            }
        }
    }
}

/// `LineFields.split` on byte ranges, `classify` with one word table, `isDegree` with a phrase set, and
/// `CertificationReader.collapseSpaces` on bytes, against the `Character` code they stand in for.
@Suite struct FieldSplitAndClassifyTests {
    static let texts: [String] = FieldExtractionPrefilterTests.texts + [
        "Senior HR Generalist | Acme Health | Columbus, OH", "HR Manager - Lit Ware, Inc. - 2019 - 2021",
        "Recruiter at Harborview Foods, Inc.", "Acme Co. | Jr. Analyst.", "Dept. of Labor; St. Louis, MO",
        "Analyst., Acme", " - Acme -. ", "x.", ".", "..", "a .", "Univ.", "Manager, Human Resources", "People Ops @ Zappos",
        "(Contract) Benefits Specialist", "[Remote] Talent Partner", "Payroll Lead / Acme", "Acme/Columbus", "EEO-1 filer",
        "Manager -- Acme", "Manager\tAcme", "Manager\u{1F}Acme", "City of Dayton", "University of Oklahoma", "Bank of America",
        "Awesome compression company", "Staffing Agency", "Director of People", "Master of Business Administration (MBA)",
        "High School Diploma", "James Buchanan High School", "MS, Human Resource Management", "Ma in English",
        "B.S. Business Administration", "Ph.D. Psychology", "Graduate Certificate in HR", "A-Levels", "GED",
        "Senior Vice President", "HR Business Partner", "Team  Lead   Acme", "  spaced   out  words  ", "a\u{00A0}b  c",
    ]

    /// `split` as the `Character` code does it (`splitAtSeparators`' character walk and `trim`'s
    /// `Character` path), which the byte paths must match.
    static func referenceSplit(_ text: String) -> [String] {
        var result: [String] = []
        for part in HTMLLinesScalarPathTests.characterSplit(text) {
            for piece in referenceSplitCommas(part) {
                let trimmed = referenceTrim(piece)
                if !trimmed.isEmpty, trimmed.contains(where: { $0.isLetter || $0.isNumber }) { result.append(trimmed) }
            }
        }
        return result
    }

    /// `splitCommas` with `referenceTrim` for the piece without a comma (the comma case is unchanged).
    static func referenceSplitCommas(_ text: String) -> [String] {
        if !text.contains(",") {
            let trimmed = referenceTrim(text)
            return trimmed.isEmpty ? [] : [trimmed]
        }
        return LineFields.splitCommas(text)
    }

    static func referenceTrim(_ text: String) -> String {
        var trimmed = TextScan.trim(text, LineFields.trimmable)
        if trimmed.hasSuffix("."), trimmed.count > 1 {
            let body = trimmed.dropLast()
            let lastWord = body.split(separator: " ").last.map { $0.lowercased() } ?? ""
            let keeps = lastWord.contains(where: { $0 == "." }) || lastWord.count == 1 || LineFields.companySuffixes.contains(lastWord) || ["jr", "sr", "st", "dept", "assn", "bros", "univ"].contains(lastWord)
            if !keeps { trimmed = TextScan.trimSpaces(body) }
        }
        return trimmed
    }

    @Test func splitMatchesTheCharacterCode() {
        for text in Self.texts {
            #expect(LineFields.split(text) == Self.referenceSplit(text), "\(text)")
            #expect(LineFields.trim(text) == Self.referenceTrim(text), "\(text)")
        }
    }

    /// `classify` as it was: two set look-ups per word.
    static func referenceClassify(_ text: String, education: Bool) -> FieldKind {
        if LineFields.isDuration(text) { return .duration }
        if LineFields.isLocation(text) { return .location }
        if LineFields.isSentenceLike(text) { return .unknown }
        if education {
            if PlaceDegreeAndCertificationFastPathTests.referenceDegree(text) { return .degree }
            if LineFields.isInstitution(text) { return .institution }
        }
        let words = LineFields.lowerWords(text)
        var title = 0
        var organisation = 0
        for word in words {
            if LineFields.titleWords.contains(word) { title += 1 }
            if LineFields.organisationWords.contains(word) { organisation += 1 }
        }
        let lowered = text.lowercased()
        if LineFields.organisationPhrases.contains(where: { lowered.hasPrefix($0) || TextScan.contains(lowered, " " + $0) }) { organisation += 1 }
        if organisation > 0, !LineFields.isCapitalised(text) { organisation -= 1 }
        if title > organisation { return .title }
        if organisation > title { return education ? .institution : .employer }
        if title > 0, let last = words.last {
            if LineFields.titleWords.contains(last) { return .title }
            if LineFields.organisationWords.contains(last) { return education ? .institution : .employer }
        }
        if !education, LineFields.namesInstitution(words) { return .employer }
        return .unknown
    }

    @Test func classifyMatchesTheTwoSetCode() {
        for text in Self.texts {
            for piece in [text] + LineFields.split(text) {
                for education in [false, true] {
                    #expect(LineFields.classify(piece, education: education) == Self.referenceClassify(piece, education: education), "\(piece)")
                }
                #expect(LineFields.isDegree(piece) == PlaceDegreeAndCertificationFastPathTests.referenceDegree(piece), "\(piece)")
            }
        }
    }

    @Test func collapsedSpacesMatchSplitAndJoin() {
        for text in Self.texts {
            #expect(CertificationReader.collapseSpaces(text) == text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "), "\(text)")
        }
    }
}

/// The education readers' shortcuts (`EducationLevels` phrase sets, the whitespace and "|" guards of
/// `degreeAsWritten`, the ASCII trim of `isFieldOfStudy`) and the certification trigger test on text
/// with carriage returns and mixed scripts, against the code they stand in for.
@Suite struct EducationAndTriggerShortcutTests {
    static let texts: [String] = FieldSplitAndClassifyTests.texts + [
        "Bachelor of Science in Human Resource Management", "Master’s degree", "máster en RRHH", "Ph. D. Economics",
        "Associate's degree", "A.A.S.", "Baccalauréat", "High School Diploma", "Certificate in HR", "Hons.", " hons ",
        "Honours.", "Computer Science", "Human Resources (minor)", "GPA 3.8", "Thesis: Pay equity", "Lycée Henri IV",
        "PHR\r\nSHRM", "x\r\nPHR", "PHR é", "é PHR", "\u{00A0}Human Resources\u{00A0}", "\u{2003}Economics", "Economics\u{2003}",
        "B.S. | Business", "B.S. \u{00A6} Business", "B.S. ｜ Business", "Master of Business Administration | Finance",
    ]

    @Test func degreeLevelsMatchTheFoundationSearch() {
        for text in Self.texts {
            #expect(EducationLevels.level(ofDegree: text) == DegreeLevelAndPhoneFastPathTests.reference(text), "\(text)")
        }
    }

    @Test func whitespaceTrimMatchesFoundation() {
        for text in Self.texts + ["", " ", "\t", "\u{2003}", "a \u{301}", " \u{301}"] {
            #expect(EducationReader.trimmingWhitespaces(text) == text.trimmingCharacters(in: .whitespaces), "\(text)")
        }
    }

    /// `isFieldOfStudy` as it was (Foundation's trim for every text).
    static func referenceIsFieldOfStudy(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if ["hons", "honours", "honors", "hon"].contains(lowered.trimmingCharacters(in: CharacterSet(charactersIn: ". "))) { return false }
        let noise = ["gpa", "grade", "honor", "honour", "cum laude", "dean", "thesis", "course", "graduated", "award", "scholarship", "minor", "activities", "relevant", "magna", "summa"]
        guard !noise.contains(where: { TextScan.contains(lowered, $0) }), !text.contains(where: { $0.isNumber || $0 == ":" }) else { return false }
        let words = text.split(separator: " ")
        return !words.isEmpty && words.count <= 8 && LineFields.isCapitalised(text) && !LineFields.isSentenceLike(text)
    }

    @Test func fieldOfStudyMatchesFoundationTrim() {
        for text in Self.texts {
            #expect(EducationReader.isFieldOfStudy(text) == Self.referenceIsFieldOfStudy(text), "\(text)")
        }
    }

    /// `degreeAsWritten`'s general path as it was (Foundation for every replacement and trim).
    static func referenceDegreeAsWritten(in text: String, fields: [LineField], range: DateRange?) -> String? {
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
        var written = String(text[lower..<upper]).replacingOccurrences(of: " | ", with: " ")
        let opens = written.filter { $0 == "(" }.count
        let closes = written.filter { $0 == ")" }.count
        if opens > closes, let last = written.lastIndex(of: "(") { written = String(written[..<last]) }
        if closes > opens, let first = written.firstIndex(of: ")") { written.remove(at: first) }
        let trimmed = LineFields.trim(written.trimmingCharacters(in: .whitespaces))
        return trimmed.isEmpty ? nil : trimmed
    }

    @Test func degreeAsWrittenMatchesFoundation() {
        let lines = Self.texts + [
            "Máster en Recursos Humanos | Universidad de Sevilla — 2019", "B.S. in Business | Ohio — University of Dayton (2016)",
            "MBA — Finance | Wharton · 2020", "\u{2003}MBA\u{2003}— Köln", "Bachelor of Arts | | Économie — Sorbonne",
        ]
        for text in lines {
            let line = HTMLLine(text: text, fieldText: text, line: 1)
            let parsed = LineFields.parse(line, education: true)
            let fields = parsed.fields.filter { !$0.sentenceLike && $0.kind != .duration }
            guard fields.contains(where: { $0.kind == .degree }) else { continue }
            #expect(EducationReader.degreeAsWritten(in: text, fields: fields, range: parsed.range)
                == Self.referenceDegreeAsWritten(in: text, fields: fields, range: parsed.range), "\(text)")
        }
    }

    @Test func triggerTestMatchesTheWordList() {
        for text in Self.texts + ["PHR\r\n", "\r\nPHR", "shrm é", "é shrm", "CIPD\u{7F}"] {
            #expect(CertificationReader.mayNameCertification(text) == FieldExtractionPrefilterTests.referenceMayNameCertification(text), "\(text)")
        }
    }
}

@Suite struct DutyJoinTests {
    @Test func joinedLinesMatchJoined() {
        let texts = FieldSplitAndClassifyTests.texts
        for count in [0, 1, 2, 5, texts.count] {
            let duties = texts.prefix(count).enumerated().map { EvidenceText($1, line: $0, section: .position) }
            #expect(ExperienceReader.joinedLines(duties) == duties.map(\.text).joined(separator: "\n"))
        }
        let odd = ["", "", "a\r", "\nb", "👩‍💼", "e\u{301}", "\u{301}"].map { EvidenceText($0, line: 1, section: .position) }
        #expect(ExperienceReader.joinedLines(odd) == odd.map(\.text).joined(separator: "\n"))
    }
}
