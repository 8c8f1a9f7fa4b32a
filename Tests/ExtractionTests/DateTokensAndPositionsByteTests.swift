import Testing
import TestSupport
@testable import Extraction

/// The date tokeniser judging ASCII bytes as bytes, the grammar passing over tokens that cannot open a
/// date, the word sets asked through `PackedWordRoles`, the "of " test by its space, positions resolved
/// as each entry ends, and the experience sums handed a position's fields: each against the code it
/// stands in for, kept here as the reference.
@Suite struct DateTokensAndPositionsByteTests {
    // MARK: - References (the code as it was)

    /// `DateTokenizer.byteTokens` as it was: every scalar decoded and judged through test closures.
    static func referenceByteTokens(of bytes: UnsafeBufferPointer<UInt8>) -> [DateGrammarToken] {
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 ? TextScan.isASCIILetter(UInt8(scalar.value)) : !DateTokenizer.isCommonMark(scalar.value) && Character(scalar).isLetter
        }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 && TextScan.isASCIIDigit(UInt8(scalar.value))
        }
        func isDash(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x2D, 0x7E, 0x2013, 0x2014, 0x2212, 0x2012, 0x2015: true
            default: false
            }
        }
        let end = bytes.count
        var tokens: [DateGrammarToken] = []
        var index = 0
        var sawSpace = true
        var apostrophe = false
        while index < end {
            let (scalar, length) = TextScan.scalar(at: index, in: bytes)
            let isSpace = scalar.value < 0x80
                ? scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D)
                : !DateTokenizer.isCommonMark(scalar.value) && (Character(scalar).isWhitespace || scalar.value == 0xA0)
            if isSpace {
                sawSpace = true
                index += length
                continue
            }
            let start = index
            var kind = DateToken.Kind.punctuation
            var word = DateWord.none
            var value: Int?
            var mark: UInt8 = 0
            func skip(while test: (Unicode.Scalar) -> Bool) -> Bool {
                var ascii = true
                while index < end {
                    let (next, nextLength) = TextScan.scalar(at: index, in: bytes)
                    guard test(next) else { break }
                    if nextLength > 1 { ascii = false }
                    index += nextLength
                }
                return ascii
            }
            if isLetter(scalar) {
                kind = .word
                if skip(while: isLetter),
                   DateWord.lengthsByFirstLetter.withUnsafeBufferPointer({ DateWord.mayBeWord(bytes, start..<index, $0) }),
                   let key = DateWord.packed(bytes, start..<index) {
                    word = DateWord.byPackedKey[key] ?? .none
                }
            } else if isDigit(scalar) {
                kind = .number
                _ = skip(while: isDigit)
                value = DateTokenizer.decimalValue(bytes, start..<index)
            } else if isDash(scalar) {
                kind = .dash
                mark = 0x2D
                _ = skip(while: isDash)
            } else {
                index += length
                if scalar.value == 0x27 || scalar.value == 0x2019 {
                    apostrophe = true
                    sawSpace = false
                    continue
                }
                if length == 1 { mark = UInt8(scalar.value) }
            }
            tokens.append(DateGrammarToken(
                kind: kind, isTight: !sawSpace, hadApostrophe: apostrophe, mark: mark, word: word, bytes: start..<index, value: value))
            sawSpace = false
            apostrophe = false
        }
        return tokens
    }

    /// `LowerCaseASCIIWords` as it was: the members by length as arrays of bytes, compared one by one.
    struct ReferenceLowerCaseASCIIWords {
        let byLength: [[[UInt8]]]

        init(_ words: Set<String>) {
            var byLength: [[[UInt8]]] = []
            for word in words.sorted() {
                let bytes = Array(word.utf8)
                guard bytes.allSatisfy({ $0 < 0x80 && !TextScan.isASCIIUpper($0) }) else { continue }
                while byLength.count <= bytes.count { byLength.append([]) }
                byLength[bytes.count].append(bytes)
            }
            self.byLength = byLength
        }

        func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
            guard word.count < byLength.count else { return false }
            let start = word.lowerBound
            for candidate in byLength[word.count] {
                var offset = 0
                while offset < candidate.count, candidate[offset] == TextScan.lowerASCII(bytes[start + offset]) { offset += 1 }
                if offset == candidate.count { return true }
            }
            return false
        }
    }

    /// `LineFields.isPastVerbASCII` as it was: the word lower-cased into a String and looked up in the sets.
    static func referenceIsPastVerbASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        let length = word.count
        let endsInED = length >= 2 && TextScan.lowerASCII(bytes[word.upperBound - 2]) == 0x65 && TextScan.lowerASCII(bytes[word.upperBound - 1]) == 0x64
        guard length <= LineFields.longestIrregularPastVerb || endsInED else { return false }
        let first = TextScan.lowercasedASCII(bytes, word)
        if length >= 5 && endsInED { return !LineFields.pastParticipleAdjectives.contains(first) || LineFields.irregularPastVerbs.contains(first) }
        return LineFields.irregularPastVerbs.contains(first)
    }

    /// `LineFields.mayHoldOfASCII` as it was: both bytes lower-cased at every position.
    static func referenceMayHoldOf(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for index in 0..<(bytes.count - 2)
        where TextScan.lowerASCII(bytes[index]) == 0x6F && TextScan.lowerASCII(bytes[index + 1]) == 0x66 && bytes[index + 2] == 0x20 {
            return true
        }
        return false
    }

    /// `ExperienceReader.positions` as it was: every draft kept in an array, resolved after the last line.
    static func referencePositions(from lines: [HTMLLine], strict: Bool = false) -> [Position] {
        var drafts: [ExperienceReader.Draft] = []
        var current: ExperienceReader.Draft?
        func finish() {
            if let draft = current.take() { drafts.append(draft) }
        }
        for index in lines.indices {
            let role = ExperienceLineScan.isVerbFirstByOpening(lines[index].text)
                ? ExperienceReader.Role.body
                : ExperienceReader.roleAfterOpening(of: lines[index], inHeader: current.map { !$0.sawBody } ?? false)
            switch role {
            case .body:
                guard current != nil else { continue }
                current!.duties.append(EvidenceText(lines[index].text, line: lines[index].line, section: .position))
                current!.sawBody = true
            case .header(let parsed):
                let fields = parsed.fields.filter { !$0.sentenceLike && $0.kind != .duration }
                let container = lines[index].container
                if current != nil {
                    let otherContainer = current!.container != 0 && container != 0 && current!.container != container
                    if !otherContainer && current!.sawBody {
                        let onlyDates = fields.isEmpty && parsed.range != nil && current!.range == nil
                        let onlyPlace = !fields.isEmpty && fields.allSatisfy({ $0.kind == .location }) && current!.location == nil && parsed.range == nil
                        if onlyDates || onlyPlace {
                            ExperienceReader.merge(parsed.range, fields, into: &current!)
                            continue
                        }
                    } else if !otherContainer {
                        let hasTitle = fields.contains { $0.kind == .title }
                        let hasEmployer = fields.contains { $0.kind == .employer }
                        let conflict = (hasTitle && !current!.titles.isEmpty) || (parsed.range != nil && current!.range != nil)
                            || (hasEmployer && !current!.employers.isEmpty && !current!.titles.isEmpty)
                        if !conflict {
                            ExperienceReader.merge(parsed.range, fields, into: &current!)
                            continue
                        }
                    }
                    finish()
                }
                var draft = ExperienceReader.Draft(firstLine: lines[index].line, container: container)
                draft.startedWithEmployerOnly = parsed.range == nil && fields.contains { $0.kind == .employer }
                    && !fields.contains { $0.kind == .title }
                ExperienceReader.merge(parsed.range, fields, into: &draft)
                current = draft
            }
        }
        finish()
        var positions: [Position] = []
        var group: (employer: String?, location: String?)?
        for index in drafts.indices {
            if strict && drafts[index].titles.isEmpty { continue }
            guard var position = ExperienceReader.resolve(drafts[index]) else { continue }
            if drafts[index].startedWithEmployerOnly {
                group = (position.employer, position.location)
            } else if position.employer == nil, let group {
                position.employer = group.employer
                if position.location == nil { position.location = group.location }
            } else {
                group = nil
            }
            if strict && (position.start == nil || position.title.isEmpty) { continue }
            positions.append(position)
        }
        return positions
    }

    /// `ExperienceCalculator.managementSpan(of:asOf:formalOnly:formalDuties:)` as it was, on the whole
    /// position, with `JobTitles.leadershipEvidence` (the lower-casing search the folded one stands in for).
    static func referenceManagementSpan(
        of position: Position, asOf: PartialDate, formalOnly: Bool = false, formalDuties: [EvidenceText]? = nil
    ) -> Range<Int>? {
        guard let whole = ExperienceCalculator.span(of: position, asOf: asOf) else { return nil }
        if JobTitles.isSupervisory(position.title) { return whole }
        let candidates = formalOnly ? formalDuties ?? position.duties.filter(JobTitles.isFormalSupervision) : position.duties
        guard let evidence = JobTitles.leadershipEvidence(in: candidates) else { return nil }
        if let stated = DateExpressions.findRange(in: evidence.text), let from = stated.start {
            let start = max(from.monthIndex, whole.lowerBound)
            let end = stated.end.map { min($0.endMonthIndex + 1, whole.upperBound) } ?? whole.upperBound
            return start < end ? start..<end : nil
        }
        if let months = ExperienceCalculator.statedMonths(in: evidence.text) {
            let start = max(whole.upperBound - months, whole.lowerBound)
            return start..<whole.upperBound
        }
        return whole
    }

    /// `summary` as it was: the spans of whole positions.
    static func referenceSummary(of positions: [Position], asOf: PartialDate) -> ExperienceSummary {
        let all = positions.compactMap { ExperienceCalculator.span(of: $0, asOf: asOf) }
        let hr = positions.filter { position in
            if JobTitles.isHR(position.title) { return true }
            let employer = position.employer?.lowercased() ?? ""
            if TextScan.contains(employer, "human resources") || employer.hasSuffix(" hr") { return true }
            let hrDuties = position.duties.filter { JobTitles.isHR($0.text) }.count
            return position.duties.count >= 2 && hrDuties * 2 >= position.duties.count
        }.compactMap { ExperienceCalculator.span(of: $0, asOf: asOf) }
        let management = positions.compactMap { referenceManagementSpan(of: $0, asOf: asOf) }
        return ExperienceSummary(
            totalMonths: ExperienceCalculator.mergedMonths(all), hrMonths: ExperienceCalculator.mergedMonths(hr),
            managementMonths: ExperienceCalculator.mergedMonths(management), asOf: asOf)
    }

    // MARK: - Inputs

    /// Pieces of date lines in every script and mark the tokeniser meets.
    static let datePieces = [
        "January", "Jan", "jan.", "SEPT", "Sept.", "May", "Mayday", "March,", "since", "Since", "from", "to", "till", "date", "until",
        "through", "thru", "bis", "au", "a", "present", "Present", "PRESENTLY", "current", "now", "heute", "actualidad", "z", "T",
        "2019", "2024", "1899", "19", "'19", "’21", "09/2024", "4/1/97", "2024-01", "2024-01-15", "12.2019", "99999999999999999999",
        "-", "–", "—", "−", "‒", "―", "~", "--", "-–", "/", ".", ",", "|", "·", "•", "(", ")", "'", "’", "“", "”", "\u{00A0}", "\t", "\n",
        "\r\n", "é", "Zoë", "Société", "ß", "ſince", "\u{212A}", "e\u{301}", "東京", "👩‍💼", "Ｊａｎ", "HR", "Manager", "Acme", "5", "%", "$40",
    ]

    /// Random lines of the pieces, joined by nothing, a space, two, or a no-break space.
    static var randomLines: [String] {
        var random = SplitMix64(seed: 0x7_DA7E_70C5)
        let glue = ["", " ", " ", "  ", "\u{00A0}", " | "]
        return (0..<3_000).map { _ in
            (0..<Int(random.next() % 9)).map { _ in random.pick(datePieces) }.joined(separator: random.pick(glue))
        }
    }

    static var allLines: [String] {
        DateGrammarTokenTests.texts + ExperienceWithoutCopiesTests.dateLines + randomLines
    }

    // MARK: - Date tokens and grammar

    @Test func byteTokensMatchTheScalarWalk() {
        var checked = 0
        for line in Self.allLines {
            line.utf8.withContiguousStorageIfAvailable { bytes in
                guard TextScan.isSimpleScalars(bytes) else { return }
                checked += 1
                let actual = DateTokenizer.byteTokens(of: bytes)
                let expected = Self.referenceByteTokens(of: bytes)
                #expect(actual.count == expected.count, "\(line)")
                for (a, e) in zip(actual, expected) {
                    #expect(a.kind == e.kind && a.bytes == e.bytes && a.isTight == e.isTight && a.hadApostrophe == e.hadApostrophe
                        && a.mark == e.mark && a.word == e.word && a.value == e.value, "\(line)")
                }
            }
        }
        #expect(checked > 1_000)
    }

    @Test func byteTokensReadFromTheText() {
        // "Jan '19 – Present": "Jan" (bytes 0..<3), the apostrophe skipped, "19" tight after it, the en
        // dash (3 bytes) as "-", then "Present".
        let text = "Jan '19 – Present"
        let tokens = text.utf8.withContiguousStorageIfAvailable { DateTokenizer.byteTokens(of: $0) } ?? []
        #expect(tokens.map(\.bytes) == [0..<3, 5..<7, 8..<11, 12..<19])
        #expect(tokens.map(\.kind) == [.word, .number, .dash, .word])
        #expect(tokens[0].word == .month(1) && tokens[1].value == 19 && tokens[1].hadApostrophe && tokens[1].isTight)
        #expect(tokens[2].mark == 0x2D && !tokens[2].isTight && tokens[3].word == .present)
        #expect(tokens.map(\.opensDate) == [true, true, false, false])
    }

    @Test func rangesMatchTheReferenceGrammar() {
        for line in Self.allLines {
            for slice in [line[...], line.dropFirst(min(2, line.count))] {
                let digits = TextScan.containsASCIIDigit(slice)
                let actual = digits ? DateExpressions.scanRange(in: slice) : nil
                let expected = digits ? ReferenceDateExpressions.scanRange(in: slice) : nil
                #expect(actual == expected, "\(slice)")
                #expect(actual.map { String(slice.base[$0.matched]) } == expected.map { String(slice.base[$0.matched]) }, "\(slice)")
            }
        }
    }

    // MARK: - Word sets by byte

    /// Words around the three sets: members in every case, near misses, and random ASCII words.
    static var words: [String] {
        let members = LineFields.irregularPastVerbs.union(LineFields.pastParticipleAdjectives).union(LineFields.stopWords)
        var random = SplitMix64(seed: 0x5E7_B17E5)
        let letters = Array("abcdefghijklmnopqrstuvwxyzEDLTA&-'.0")
        let randomWords = (0..<3_000).map { _ in String((0..<Int(random.next() % 18)).map { _ in random.pick(letters) }) }
        return members.sorted().flatMap { [$0, $0.uppercased(), $0.prefix(1).uppercased() + $0.dropFirst(), $0 + "s", String($0.dropLast()), $0 + "ed", "x" + $0] }
            + randomWords + ["", "Led", "LED", "Managed", "Negotiated", "Certified", "CERTIFIED", "distinguishedly", "incorporatedd"]
    }

    @Test func wordSetsMatchTheByteComparisons() {
        let sets: [(LowerCaseASCIIWords, ReferenceLowerCaseASCIIWords)] = [
            (.irregular, ReferenceLowerCaseASCIIWords(LineFields.irregularPastVerbs)),
            (.adjectives, ReferenceLowerCaseASCIIWords(LineFields.pastParticipleAdjectives)),
            (.stopWords, ReferenceLowerCaseASCIIWords(LineFields.stopWords)),
        ]
        for word in Self.words {
            word.utf8.withContiguousStorageIfAvailable { bytes in
                for (set, reference) in sets {
                    #expect(set.contains(bytes, 0..<bytes.count) == reference.contains(bytes, 0..<bytes.count), "\(word)")
                }
                #expect(LineFields.isPastVerbASCII(bytes, 0..<bytes.count) == Self.referenceIsPastVerbASCII(bytes, 0..<bytes.count), "\(word)")
            }
        }
        // Read from the sets: "led" is an irregular verb, "certified" an adjective, "of" a stop word.
        #expect("LED".utf8.withContiguousStorageIfAvailable { LowerCaseASCIIWords.irregular.contains($0, 0..<3) } == true)
        #expect("Certified".utf8.withContiguousStorageIfAvailable { LowerCaseASCIIWords.adjectives.contains($0, 0..<9) } == true)
        #expect("x of y".utf8.withContiguousStorageIfAvailable { LowerCaseASCIIWords.stopWords.contains($0, 2..<4) } == true)
        #expect("ofx".utf8.withContiguousStorageIfAvailable { LowerCaseASCIIWords.stopWords.contains($0, 0..<3) } == false)
    }

    /// Stop words are now asked of simple-scalar words by byte: a word with a scalar beyond ASCII must
    /// still be no stop word, as its lower-cased String is none.
    @Test func stopWordsBySimpleScalarBytes() {
        let words = ["dé", "ñ", "·", "ö", "é", "de", "DE", "Und", "und", "y", "Y", "&", "ʼa", "aʼ", "ß", "the", "THE", "with", "witħ", "a", "an"]
        for word in words {
            word.utf8.withContiguousStorageIfAvailable { bytes in
                guard bytes.count <= 4, TextScan.isSimpleScalars(bytes) else { return }
                #expect(LowerCaseASCIIWords.stopWords.contains(bytes, 0..<bytes.count)
                    == LineFields.stopWords.contains(TextScan.lowercasedASCII(bytes)), "\(word)")
            }
        }
        // Whole pieces through the tests that ask it, against the answers read from the words.
        #expect(LineFields.isCapitalised("Bank of the West") == true)  // 2 content words, both capitalised
        #expect(LineFields.isCapitalised("Société de la Mer") == true)  // "de", "la" stop words
        #expect(LineFields.isSentenceLike("managed the benefits of staff") == true)  // a past-tense verb, then lower case
    }

    @Test func mayHoldOfMatchesTheLowerCasingScan() {
        var random = SplitMix64(seed: 0x0F_5CA7)
        let alphabet = Array("oOfF f. xof".utf8)
        for _ in 0..<5_000 {
            let bytes = (0..<Int(random.next() % 12)).map { _ in random.pick(alphabet) }
            bytes.withUnsafeBufferPointer { buffer in
                #expect(LineFields.mayHoldOfASCII(buffer) == Self.referenceMayHoldOf(buffer), "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect("City Of Dayton".utf8.withContiguousStorageIfAvailable(LineFields.mayHoldOfASCII) == true)
        #expect("Staff of".utf8.withContiguousStorageIfAvailable(LineFields.mayHoldOfASCII) == false)
    }

    // MARK: - Positions and sums

    @Test func positionsMatchDraftsResolvedAfterwards() {
        var random = SplitMix64(seed: 0x9_05171_0)
        let texts = [
            "HR Generalist", "Acme Health", "Acme Health — Columbus, OH", "Columbus, OH", "Recruiter | Harborview Foods, Inc. | Louisville, KY 09/2024 - present",
            "January 2024 – Present", "2017–2020", "Nov 2021 – Dec 2023", "Senior HR Generalist, Acme Health (2021–present)",
            "Managed payroll for 200 staff", "Led a team of 6 recruiters since March 2024", "Handled benefits enrollment for 3 sites",
            "Team lead for two interns since March 2024", "Zappos", "Remote", "HR Manager · Société Générale · Paris", "Bluestem Credit Union",
            "Trained 40 managers on FMLA and ADA", "• HR Generalist, Acme Health, 2019–2021", "Awesome compression company",
            "Director of People, City of Dayton", "2019", "Customer service and front desk duties for a busy clinic", "",
        ]
        for round in 0..<400 {
            let lines = (0..<Int(random.next() % 14)).map { index -> HTMLLine in
                let text = random.pick(texts)
                var line = HTMLLine(text: text, fieldText: text, line: index + 1)
                line.isListItem = random.next() % 5 == 0
                line.isBold = random.next() % 4 == 0
                line.headingLevel = random.next() % 6 == 0 ? 3 : nil
                line.container = Int(random.next() % 3)
                if random.next() % 3 == 0 { line.emphasised = [random.pick(["Acme Health", "Bluestem Credit Union", "Zappos"])] }
                return line
            }
            for strict in [false, true] {
                #expect(ExperienceReader.positions(from: lines, strict: strict) == Self.referencePositions(from: lines, strict: strict), "\(round)")
            }
        }
    }

    static func randomPositions(_ random: inout SplitMix64) -> [Position] {
        let titles = ["HR Generalist", "Assistant Manager", "Team Lead", "Barista", "HR Manager", "Director of People", "", "Supervisor"]
        let employers: [String?] = [nil, "Acme Health", "Human Resources Dept", "Acme HR", "Zürich Versicherung"]
        let duties = [
            "Supervised 4 HR coordinators", "Managed payroll for 200 staff", "Led a team of 6 recruiters since March 2024",
            "Informal lead for the past 14 months", "Handled benefits enrollment", "Onboarded new hires", "Trained 40 managers on FMLA",
            "Géré l’équipe RH", "Direct reports: 3", "Served coffee", "Managed 3 direct reports for 2 years", "Oversaw a team of five",
        ]
        let dates: [PartialDate?] = [
            nil, PartialDate(year: 2015), PartialDate(year: 2018, month: 3), PartialDate(year: 2020, month: 11),
            PartialDate(year: 2023, month: 1), PartialDate(year: 2026, month: 12),
        ]
        return (0..<Int(random.next() % 5)).map { index -> Position in
            let current = random.next() % 3 == 0
            return Position(
                title: random.pick(titles), employer: random.pick(employers), start: random.pick(dates),
                end: current ? nil : random.pick(dates), current: current,
                duties: (0..<Int(random.next() % 4)).map { EvidenceText(random.pick(duties), line: $0, section: .position) },
                line: index)
        }
    }

    @Test func sumsMatchTheWholePositionCode() {
        var random = SplitMix64(seed: 0x5_0F_F1E1D5)
        let asOf = PartialDate(year: 2026, month: 11, day: 1)
        for _ in 0..<500 {
            let positions = Self.randomPositions(&random)
            #expect(ExperienceCalculator.summary(of: positions, asOf: asOf) == Self.referenceSummary(of: positions, asOf: asOf))
            let expectedFormal = ExperienceCalculator.mergedMonths(positions.compactMap {
                Self.referenceManagementSpan(of: $0, asOf: asOf, formalOnly: true)
            })
            #expect(ExperienceCalculator.formalManagementMonths(of: positions, asOf: asOf) == expectedFormal)
            // With the formal duties worked out by the caller, as Scoring passes them.
            let formal = positions.map { $0.duties.filter(JobTitles.isFormalSupervision) }
            let expectedGiven = ExperienceCalculator.mergedMonths(positions.indices.compactMap {
                Self.referenceManagementSpan(of: positions[$0], asOf: asOf, formalOnly: true, formalDuties: formal[$0])
            })
            #expect(ExperienceCalculator.formalManagementMonths(of: positions, asOf: asOf, formalDuties: formal) == expectedGiven)
            for position in positions {
                #expect(ExperienceCalculator.leadershipEvidence(in: position.duties) == JobTitles.leadershipEvidence(in: position.duties))
            }
        }
    }

    @Test func sumsReadFromThePositions() {
        // Jan 2020 – Dec 2021 is 24 months (both end months count); a supervisor from Jan 2022 to the
        // as-of month (Nov 2026, not counted) is 58 more, all of it management and HR-free.
        let positions = [
            Position(title: "HR Generalist", start: PartialDate(year: 2020, month: 1), end: PartialDate(year: 2021, month: 12)),
            Position(title: "Shift Supervisor", start: PartialDate(year: 2022, month: 1), current: true),
        ]
        let summary = ExperienceCalculator.summary(of: positions, asOf: PartialDate(year: 2026, month: 11, day: 1))
        #expect(summary.totalMonths == 82 && summary.hrMonths == 24 && summary.managementMonths == 58)
    }
}

/// The field tests that looked words up as lower-cased Strings, now asked by byte (`PackedWordRoles`),
/// and the non-ASCII separators told by scalar value: against the code they stand in for.
@Suite struct FieldLookupsByByteTests {
    /// `LineFields.isDurationASCII` as it was.
    static func referenceIsDurationASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if bytes.count <= 14, LineFields.employmentTypes.contains(TextScan.lowercasedASCII(bytes)) { return true }
        guard let first = bytes.firstIndex(where: { $0 != 0x20 }), TextScan.isASCIIDigit(bytes[first]) else { return false }
        return nil
    }

    /// `LineFields.trimmedRangeASCII` as it was: the last word lower-cased into a String and looked up.
    static func referenceTrimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        func isTrimmable(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x2C, 0x3B, 0x3A, 0x7C, 0x2D, 0x2F, 0x1F: true
            default: false
            }
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isTrimmable(bytes[lower]) { lower += 1 }
        while upper > lower, isTrimmable(bytes[upper - 1]) { upper -= 1 }
        if upper - lower > 1, bytes[upper - 1] == 0x2E {
            let bodyUpper = upper - 1
            var end = bodyUpper
            while end > lower, bytes[end - 1] == 0x20 { end -= 1 }
            var start = end
            while start > lower, bytes[start - 1] != 0x20 { start -= 1 }
            let lastWord = TextScan.lowercasedASCII(bytes, start..<end)
            let keeps = bytes[start..<end].contains(0x2E) || end - start == 1 || LineFields.companySuffixes.contains(lastWord)
                || LineFields.abbreviationsKeepingPeriod.contains(lastWord)
            if !keeps {
                upper = bodyUpper
                while lower < upper, isSpace(bytes[lower]) { lower += 1 }
                while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            }
        }
        return lower..<upper
    }

    /// ASCII pieces around the sets: employment types and suffixes in every case, near misses, random.
    static var pieces: [String] {
        let known = LineFields.employmentTypes.union(LineFields.companySuffixes).union(LineFields.abbreviationsKeepingPeriod)
        var random = SplitMix64(seed: 0x7_1CE_5EED)
        let parts = ["Acme", "Inc", "inc", "INC", "Co", "jr", "Dept", "dept", "Univ", "St", "x", "Corp", "Pty Ltd", "Contract", "5", "yrs", " ", "  ", ",", "-", "|", ".", "..", "\t", "Supercalifragilistic"]
        let randomPieces: [String] = (0..<3_000).map { _ in
            let chosen: [String] = (0..<Int(random.next() % 5)).map { _ in random.pick(parts) }
            return chosen.joined(separator: random.pick(["", " ", ", "]))
        }
        var pieces: [String] = ["", ".", "a.", "Acme Ltd.", "Smith Jr.", "Managed payroll.", "Part-Time", "PRN", "per diem", "selfemployed"]
        for word in known.sorted() {
            let upper: String = word.uppercased()
            pieces += [word, upper, word + ".", "Acme " + upper + ".", "Acme " + word + " .", " " + word + "x."]
        }
        return pieces + randomPieces
    }

    @Test func durationAndTrimMatchTheStringLookups() {
        for piece in Self.pieces {
            piece.utf8.withContiguousStorageIfAvailable { bytes in
                #expect(LineFields.isDurationASCII(bytes) == Self.referenceIsDurationASCII(bytes), "\(piece)")
                #expect(LineFields.trimmedRangeASCII(bytes, 0..<bytes.count) == Self.referenceTrimmedRange(bytes, 0..<bytes.count), "\(piece)")
                if bytes.count > 2 {
                    #expect(LineFields.trimmedRangeASCII(bytes, 1..<bytes.count) == Self.referenceTrimmedRange(bytes, 1..<bytes.count), "\(piece)")
                }
            }
        }
        // Read from the text: "Acme Ltd." keeps its period (a company suffix), "Managed payroll." loses it.
        #expect("Acme Ltd.".utf8.withContiguousStorageIfAvailable { LineFields.trimmedRangeASCII($0, 0..<$0.count) } == 0..<9)
        #expect("Managed payroll.".utf8.withContiguousStorageIfAvailable { LineFields.trimmedRangeASCII($0, 0..<$0.count) } == 0..<15)
        #expect("Part-Time".utf8.withContiguousStorageIfAvailable(LineFields.isDurationASCII) == true)
    }

    @Test func separatorScalarsMatchTheCharacterSet() {
        for scalar in HTMLLinesScalarPathTests.simpleScalars where scalar.value >= 0x80 {
            #expect(LineFields.isSeparatorScalar(scalar.value) == LineFields.separatorCharacters.contains(Character(scalar)), "U+\(String(scalar.value, radix: 16))")
        }
        #expect(LineFields.isSeparatorScalar(0x00B7) && LineFields.isSeparatorScalar(0x2014) && !LineFields.isSeparatorScalar(0x2013))
    }
}

/// `PackedWordRoles` reading a word's bytes eight at a time: every word of `wordRoles`, in any case, at
/// every offset of buffers from shorter than eight bytes to longer than the word plus eight, with bytes
/// beyond ASCII around it, is found as the dictionary finds its lower-cased String.
@Suite struct PackedKeyLoadsTests {
    @Test func wordsAtEveryOffsetMatchTheDictionary() {
        var random = SplitMix64(seed: 0xB0_0C_ED6E)
        let keys = LineFields.wordRoles.keys.sorted()
        let fillers: [[UInt8]] = [Array(" ".utf8), Array("é".utf8), Array("X".utf8), Array("—".utf8), [0xFF], Array("a".utf8)]
        var words = keys + keys.map { $0.uppercased() } + ["", "x", "Managerr", "MANAGE", "univérsity", "paraprofessionalsx"]
        words += (0..<500).map { _ in String((0..<Int(random.next() % 18)).map { _ in random.pick(Array("ManagerHEALTHcoé-&")) }) }
        for word in words {
            let wordBytes = Array(word.utf8)
            let expected = wordBytes.count <= PackedWordRoles.longestWord
                ? LineFields.wordRoles[wordBytes.withUnsafeBufferPointer { TextScan.lowercasedASCII($0) }] ?? [] : []
            for before in 0..<10 {
                for after in [0, 1, 3, 7, 9] {
                    let prefix = (0..<before).flatMap { _ in random.pick(fillers) }
                    let suffix = (0..<after).flatMap { _ in random.pick(fillers) }
                    let buffer = prefix + wordBytes + suffix
                    buffer.withUnsafeBufferPointer { bytes in
                        let range = prefix.count..<(prefix.count + wordBytes.count)
                        #expect(LineFields.packedWordRoles.roles(bytes, range) == expected, "\(word) \(before) \(after)")
                    }
                }
            }
        }
    }

    @Test func eightBytesLowerCasedAsEach() {
        var random = SplitMix64(seed: 0x10_3E_CA5E)
        for _ in 0..<20_000 {
            let word = random.next()
            var expected: UInt64 = 0
            for offset in 0..<8 {
                let byte = UInt8(truncatingIfNeeded: word >> UInt64(offset * 8))
                expected |= UInt64(TextScan.lowerASCII(byte)) << UInt64(offset * 8)
            }
            #expect(PackedWordRoles.lowerCasedASCII(word) == expected)
        }
        // Every byte value in every position, against its neighbours' edge values.
        for value in 0...255 {
            for neighbour: UInt64 in [0x00, 0x40, 0x41, 0x5A, 0x5B, 0x7F, 0x80, 0xC1, 0xDA, 0xFF] {
                let word = UInt64(value) << 8 | neighbour | neighbour << 16
                let lowered = PackedWordRoles.lowerCasedASCII(word)
                #expect(UInt8(truncatingIfNeeded: lowered >> 8) == TextScan.lowerASCII(UInt8(value)), "\(value) \(neighbour)")
                #expect(UInt8(truncatingIfNeeded: lowered) == TextScan.lowerASCII(UInt8(neighbour)), "\(value) \(neighbour)")
            }
        }
    }
}
