import Testing
@testable import Extraction

/// The date grammar on `DateGrammarToken`s (byte tokens for simple-scalar text, facts worked out once per
/// token) against the grammar as it was (`ReferenceDateExpressions`), and the one-pass word count and
/// verb test of `ExperienceReader.role` against the scans it stands in for.
@Suite struct DateGrammarTokenTests {
    /// The prefilter suite's lines, and more dates and near-dates: every separator and present word,
    /// upper case, words longer than any month, numbers too long for an Int, zones and times, CR/LF,
    /// NBSP, combining marks, CJK, emoji, the Kelvin sign and the long s.
    static let texts: [String] = FieldExtractionPrefilterTests.texts + [
        "SEPTEMBER 2019 – PRESENTLY", "Sept. 2019 until Dec. 2020", "Jan 2019 through Mar 2020", "2019 thru 2020",
        "März 2018 bis heute", "2018 au 2020", "2018 a 2020", "Jan 2019 to date", "Jan 2019 till date", "Jan 2019 To Date",
        "from 2019 to 2021", "From 2019", "since 2019", "Since Jan. 2020", "2019 – ongoing", "2019 - actualidad", "2019 – Actuel",
        "2019 - aujourd'hui", "2019 – now", "2019 – today", "2019 – currently", "2019 – current", "Septembers 2019", "Sep 2019",
        "Mayday 2019", "May 2019 – Jun 2019", "99999999999999999999 2019", "2019/99999999999999999999999", "1/2/99999999999999999999",
        "2000-06-01Z", "2024-01-15T09:30:00+02:00", "2024-01-15t09", "2024-01-15 Z", "2024-01-15Zt", "2024-01-15Tx", "2024-01",
        "2024/1", "2024-1", "12.2019", "12/2019", "13/2019", "4/1/97", "13/1/97", "4/13/1997", "4-1-1997", "4/1.1997",
        "Jan 15 2024", "January 15, 2024", "January 15,, 2024", "March , 2019", "Jan '19", "Jan '61", "Jan ’60", "Jan 19",
        "2019 — 2020", "2019 ‒ 2020", "2019 ― 2020", "2019 − 2020", "2019 ~ 2020", "2019--2020", "2019 -– 2020", "2019 –",
        "\u{212A}2019", "ſince 2019", "Zoë 2019–2021", "2019\u{00A0}–\u{00A0}2021", "2019\r\n2021", "Jan\r\n2019", "Jan 2019\r\n– now",
        "e\u{301} 2019 – 2020", "Jan\u{301} 2019", "2019\u{301} – 2020", "中文 2019 – 2020", "👩‍💼 Jan 2019 – Present 🏥",
        "Ｊａｎ 2019 – ２０２０", "2019 and 2021", "1899 – 1901", "2100 – 2101", "0 1 2 3 4 5 6 7 8 9 10 2019", "",
    ]

    /// The texts and slices of them that start past a scalar boundary of their first characters.
    static var slices: [Substring] {
        texts.flatMap { text in [text[...], text.dropFirst(min(1, text.count)), text.dropFirst(min(3, text.count))] }
    }

    @Test func rangesMatchTheReferenceGrammar() {
        for slice in Self.slices {
            let actual = TextScan.containsASCIIDigit(slice) ? DateExpressions.scanRange(in: slice) : nil
            let expected = TextScan.containsASCIIDigit(slice) ? ReferenceDateExpressions.scanRange(in: slice) : nil
            #expect(actual == expected, "\(slice)")
            // `DateRange ==` compares indices by offset: the cut-out text must be the same too.
            #expect(actual.map { String(slice.base[$0.matched]) } == expected.map { String(slice.base[$0.matched]) }, "\(slice)")
            #expect(DateExpressions.findRange(in: slice) == expected, "\(slice)")
        }
        for text in Self.texts {
            #expect(DateExpressions.allRanges(in: text).count == Self.referenceAllRanges(text).count, "\(text)")
            #expect(DateExpressions.allRanges(in: text) == Self.referenceAllRanges(text), "\(text)")
        }
    }

    /// `allRanges` on the reference grammar.
    static func referenceAllRanges(_ text: String) -> [DateRange] {
        var result: [DateRange] = []
        var searchStart = text.startIndex
        while searchStart < text.endIndex,
              let found = TextScan.containsASCIIDigit(text[searchStart...]) ? ReferenceDateExpressions.scanRange(in: text[searchStart...]) : nil {
            result.append(found)
            searchStart = found.matched.upperBound
        }
        return result
    }

    @Test func singleDatesMatchTheReferenceGrammar() {
        for text in Self.texts {
            #expect(DateExpressions.date(text) == ReferenceDateExpressions.date(text), "\(text)")
            // Without the rest of the line too, as XML values come.
            for range in DateExpressions.allRanges(in: text) {
                let piece = String(text[range.matched])
                #expect(DateExpressions.date(piece) == ReferenceDateExpressions.date(piece), "\(piece)")
            }
        }
    }

    @Test func byteTokensMatchTheCharacterTokens() {
        for slice in Self.slices {
            let actual = slice.utf8.withContiguousStorageIfAvailable { bytes in
                TextScan.isSimpleScalars(bytes) ? DateTokenizer.byteTokens(of: bytes) : nil
            }
            guard let actual, let actual else { continue }
            let expected = DateTokenizer.tokens(of: slice).map { DateGrammarToken($0, in: slice) }
            #expect(actual.count == expected.count, "\(slice)")
            for (a, e) in zip(actual, expected) {
                #expect(a.kind == e.kind && a.bytes == e.bytes && a.isTight == e.isTight && a.hadApostrophe == e.hadApostrophe
                    && a.mark == e.mark && a.word == e.word && a.value == e.value && a.digits == e.digits, "\(slice)")
            }
        }
    }

    @Test func wordsAreReadFromTheirText() {
        // Read from the grammar's word lists.
        #expect(DateWord(lowered: "sept") == .month(9))
        #expect(DateWord(lowered: "may") == .month(5))
        #expect(DateWord(lowered: "date") == .date && DateWord.date.isPresent)
        #expect(DateWord(lowered: "heute") == .present)
        #expect(DateWord(lowered: "thru") == .separator && DateWord.separator.separatesRange)
        #expect(DateWord(lowered: "to").separatesRange && DateWord(lowered: "till").separatesRange)
        #expect(DateWord(lowered: "septembers") == .none && DateWord(lowered: "") == .none && DateWord(lowered: "sinc") == .none)
        // Every word the grammar reads has a packed key, which finds the same word.
        let words = Array(DateExpressions.monthNumbers.keys) + Array(DateExpressions.presentWords)
            + ["since", "from", "to", "till", "until", "through", "thru", "bis", "au", "a", "z", "t"]
        for word in words where !word.contains("'") {
            let upper = word.uppercased()
            for spelling in [word, upper] {
                let key = Array(spelling.utf8).withUnsafeBufferPointer { DateWord.packed($0, 0..<$0.count) }
                #expect(key.flatMap { DateWord.byPackedKey[$0] } == DateWord(lowered: word), "\(spelling)")
                #expect(DateWord(lowered: word) != .none, "\(word)")
            }
        }
        #expect(words.filter { !$0.contains("'") }.allSatisfy { $0.utf8.count <= DateWord.longestWord })
    }

    @Test func noSimpleLetterLowerCasesToASCII() {
        // Why a byte token of a word with a non-ASCII letter names no grammar word: the grammar's words
        // are ASCII, and no such letter's lower-case form is ASCII only.
        for scalar in ScalarFastPathTests.simpleScalars where scalar.value >= 0x80 && Character(scalar).isLetter {
            #expect(scalar.properties.lowercaseMapping.unicodeScalars.contains { $0.value >= 0x80 }, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func numbersTooLongForAnIntHaveNoValue() {
        for digits in ["0", "007", "2019", "9223372036854775807", "9223372036854775808", "99999999999999999999"] {
            let value = Array(digits.utf8).withUnsafeBufferPointer { DateTokenizer.decimalValue($0, 0..<$0.count) }
            #expect(value == Int(digits), "\(digits)")
        }
    }

    // MARK: - The first words of a line

    /// What `ExperienceReader.role` computed before `wordCountAndVerbFirst`.
    static func referenceWordCountAndVerb(_ text: String) -> (Int, Bool) {
        TextScan.withSimpleScalars(text) { bytes in
            (TextScan.spaceWordCount(bytes), Self.referenceStartsWithVerb(bytes, LineFields.firstThreeWords(bytes)))
        } ?? (TextScan.spaceWordCount(text), LineFields.startsWithVerb(text))
    }

    /// `LineFields.startsWithVerb(_:_:)` as it was, lower-casing the first word before any test.
    static func referenceStartsWithVerb(_ bytes: UnsafeBufferPointer<UInt8>, _ words: [Range<Int>]) -> Bool {
        guard words.count >= 3 else { return false }
        let secondStartsLower = TextScan.character(
            at: words[1].lowerBound, in: bytes,
            ascii: { TextScan.isASCIILower($0) || TextScan.isASCIIDigit($0) || $0 == 0x24 },
            other: { $0.isLowercase || $0.isNumber })
        guard secondStartsLower else { return false }
        let firstWord = UnsafeBufferPointer(rebasing: bytes[words[0]])
        let first: String
        let length: Int
        if TextScan.isPlainASCII(firstWord) {
            first = TextScan.lowercasedASCII(firstWord)
            length = first.utf8.count
        } else {
            first = String(decoding: firstWord, as: UTF8.self).lowercased()
            length = first.count
        }
        return LineFields.irregularPastVerbs.contains(first)
            || (length >= 5 && first.hasSuffix("ed") && !LineFields.pastParticipleAdjectives.contains(first))
    }

    static let lines: [String] = texts + [
        "Negotiated renewals with 5 benefit carriers, holding premium growth under 29%.", "Led the team", "LED the team",
        "Led The team", "Led  the  team", " Led the team ", "Led the", "Led", "Brought in 3 hires", "Ran $2M budgets", "Ran 5 sites",
        "Certified trainer for managers", "Distinguished service to members", "Seasoned leader of teams", "Managed   two   teams",
        "MANAGED two teams", "Managed Two teams", "Reed the team now", "Bed and breakfast host", "Red is good", "ED the man",
        "Négocié les contrats annuels", "Managed l’équipe RH", "Managed élan teams", "Managed\ttwo teams", "Managed\u{00A0}two teams",
        "Managed two\r\nteams", "Zoë led the team", "Overhauled 👩‍💼 onboarding", "Planned 中文 training", "Consolidated payroll across sites",
        "Counseled managers on policy", "a b c", "", " ", "   x   ",
    ]

    @Test func wordCountAndVerbMatchTheSeparateScans() {
        for text in Self.lines {
            let (count, verb) = LineFields.wordCountAndVerbFirst(text)
            let (expectedCount, expectedVerb) = Self.referenceWordCountAndVerb(text)
            #expect(count == expectedCount && verb == expectedVerb, "\(text)")
            #expect(LineFields.startsWithVerb(text) == expectedVerb, "\(text)")
        }
        // Read from the lines: a past verb, then a lower-case word.
        #expect(LineFields.wordCountAndVerbFirst("Negotiated renewals with 5 carriers") == (5, true))
        #expect(LineFields.wordCountAndVerbFirst("Certified trainer for managers") == (4, false))
        #expect(LineFields.wordCountAndVerbFirst("Led the team") == (3, true))
        #expect(LineFields.wordCountAndVerbFirst("Led the") == (2, false))
    }

    /// Lines of 0 to 40 bytes built from pieces that put spaces, verbs, carriage returns and non-ASCII
    /// bytes on every side of the eight-byte blocks `plainASCIIWordStarts` reads.
    static var generatedLines: [String] {
        let pieces = ["Led", " ", "  ", "the", "Negotiated", "x", "\r\n", "é", "$5", "Team", "\t", "certified", "中"]
        var lines: [String] = []
        var seed: UInt64 = 42
        for _ in 0..<3000 {
            var line = ""
            while line.utf8.count < 40 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                let piece = pieces[Int(seed >> 33) % pieces.count]
                // Mostly ASCII, so the block path is taken often.
                if piece.utf8.contains(where: { $0 >= 0x80 || $0 == 0x0D }), seed % 5 != 0 { continue }
                line += piece
                lines.append(line)
            }
        }
        return lines
    }

    @Test func wordStartsMatchTheSpaceWords() {
        for text in Self.lines + Self.generatedLines {
            var copy = text
            copy.withUTF8 { bytes in
                let actual = LineFields.plainASCIIWordStarts(bytes)
                guard TextScan.isPlainASCII(bytes) else {
                    #expect(actual == nil, "\(text)")
                    return
                }
                let words = TextScan.spaceWords(bytes)
                let expected = (words.count, words.first?.lowerBound ?? 0, words.dropFirst().first?.lowerBound ?? 0)
                #expect(actual.map { [$0.count, $0.first, $0.second] } == [expected.0, expected.1, expected.2], "\(text)")
            }
            let (count, verb) = LineFields.wordCountAndVerbFirst(text)
            let (expectedCount, expectedVerb) = Self.referenceWordCountAndVerb(text)
            #expect(count == expectedCount && verb == expectedVerb, "\(text)")
        }
    }

    @Test func cutRangeReplacesTheDatesWithASeparator() {
        for text in Self.texts {
            let (range, remainder) = LineFields.cutRange(text)
            let expected = DateExpressions.findRange(in: text).map {
                String(text[text.startIndex..<$0.matched.lowerBound]) + " | " + String(text[$0.matched.upperBound...])
            } ?? text
            #expect(range == DateExpressions.findRange(in: text) && remainder == expected, "\(text)")
        }
        #expect(LineFields.cutRange("HR Generalist, Acme (2019 – 2021)").1 == "HR Generalist, Acme ( | )")
    }
}

/// The byte paths of `LineFields.trimmingPeriods` and `ExperienceReader.joinedLines` against the code
/// they stand in for.
@Suite struct ExperienceLineBytePathTests {
    @Test func trimmingPeriodsMatchesTheCharacterTrim() {
        for text in ["", ".", "..", "inc.", ".inc.", "l.l.c.", "co", "s.a.", "..a..", "é.", ".é", "e\u{301}.", ".\u{301}", "a\r\n.",
                     "\r\n.", ". .", "Ltd.\u{00A0}", "中.", "👩‍💼.", ".\u{200D}"] {
            #expect(LineFields.trimmingPeriods(text) == TextScan.trim(text, LineFields.periods), "\(text)")
        }
    }

    @Test func joinedLinesMatchesJoined() {
        let texts = ["Negotiated renewals with 5 carriers.", "", "Zoë Müller – “Köln”", "中文", "👩‍💼 lead", "a\r\nb", "\u{301}x", " "]
        for count in 0...texts.count {
            for rotation in 0..<texts.count {
                let picked = (0..<count).map { texts[($0 + rotation) % texts.count] }
                let duties = picked.enumerated().map { EvidenceText($0.element, line: $0.offset, section: .position) }
                #expect(ExperienceReader.joinedLines(duties) == picked.joined(separator: "\n"))
                #expect(Array(ExperienceReader.joinedLines(duties).utf8) == Array(picked.joined(separator: "\n").utf8))
            }
        }
    }
}

/// The shortcuts in `LineFields.classify`, `isSentenceLike` and `isDepartment` against the code they stand in for.
@Suite struct LineFieldsShortcutTests {
    static let pieces: [String] = FieldExtractionPrefilterTests.texts + DateGrammarTokenTests.lines + [
        "City of Dayton", "CITY OF DAYTON", "University Of Oklahoma", "Bank of", "of ", "Of", "oF x", "Chief of Staff", "Proof",
        "Office", "Department of Labor", "Ministry of Health", "Roof ", "Town of Cary", "Ville de Québec", "Städtisches of Bank",
        "Université of x", "e\u{301} of y", "x\r\nof y", "Human Resources", "HR Operations", "People Operations team", "Payroll",
        "Sales and more", "humanresources", "Talent", "Talent acquisition partner", "IT", "it department", "-HR-Manager-",
        "CEO/President", "Co-Founder & CEO", "Acme Health Systems", "Senior Manager", "Zappos", "Ohio State University", "Hochschule x",
        "Städtische Kliniken GmbH", "Zoë & Co", "---", "&", "R&D Lab",
    ]

    @Test func classifyMatchesTheReference() {
        for piece in Self.pieces + Self.pieces.flatMap(LineFields.split) {
            for education in [false, true] {
                #expect(LineFields.classify(piece, education: education) == FieldSplitAndClassifyTests.referenceClassify(piece, education: education), "\(piece)")
            }
            let lowered = TextScan.lowercased(piece)
            #expect(LineFields.mayHoldOf(piece) || !TextScan.contains(lowered, "of "), "\(piece)")
            #expect(LineFields.isDepartment(piece) == Self.referenceDepartment(piece), "\(piece)")
            #expect(LineFields.isSentenceLike(piece) == Self.referenceSentenceLike(piece), "\(piece)")
            let words = LineFields.lowerWords(piece)
            let counted = LineFields.wordRoleCounts(piece)
            #expect(counted.title == words.count(where: { LineFields.titleWords.contains($0) }), "\(piece)")
            #expect(counted.organisation == words.count(where: { LineFields.organisationWords.contains($0) }), "\(piece)")
            #expect(counted.last == words.last.map { LineFields.wordRoles[$0] ?? [] }, "\(piece)")
        }
        // Read from the text: a case-blind "of " and nothing else.
        #expect(LineFields.mayHoldOf("CITY OF DAYTON") && LineFields.mayHoldOf("x of ") && !LineFields.mayHoldOf("Proof") && !LineFields.mayHoldOf("of"))
    }

    /// `isDepartment` as it was.
    static func referenceDepartment(_ text: String) -> Bool {
        let lowered = TextScan.lowercased(text)
        return JobTitles.isHR(text) || LineFields.departmentWords.contains(where: { lowered == $0 || lowered.hasPrefix($0 + " ") })
    }

    /// `isSentenceLike` as it was (the words split before they are counted).
    static func referenceSentenceLike(_ text: String) -> Bool {
        if let quick = TextScan.withSimpleScalars(text, { bytes -> Bool in
            let words = TextScan.spaceWords(bytes)
            guard words.count >= 3 else { return false }
            if LineFields.startsWithVerb(bytes, words) { return true }
            guard words.count >= 4 else { return false }
            var content = 0
            var lower = 0
            for word in words where !(word.count <= 4 && LineFields.stopWords.contains(TextScan.lowercasedASCII(bytes, word))) {
                content += 1
                if TextScan.character(at: word.lowerBound, in: bytes, ascii: TextScan.isASCIILower, other: \.isLowercase) { lower += 1 }
            }
            guard content > 0 else { return false }
            return Double(lower) / Double(content) > 0.4
        }) {
            return quick
        }
        let words = text.split(separator: " ")
        guard words.count >= 3 else { return false }
        if LineFields.startsWithVerb(text) { return true }
        guard words.count >= 4 else { return false }
        let content = words.filter { !LineFields.stopWords.contains($0.lowercased()) }
        guard !content.isEmpty else { return false }
        let lower = content.filter { $0.first?.isLowercase == true }.count
        return Double(lower) / Double(content.count) > 0.4
    }
}
