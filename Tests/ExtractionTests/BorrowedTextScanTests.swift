#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import TestSupport
@testable import Extraction

/// The text helpers that now read strings' bytes in place (`TextScan.position`, `wordPosition`,
/// `replacing`, `lowercasedContains`, `sameBytes`, `count(of:in:)`) and the readers' byte paths built on
/// them (a certification's name without its date and labels, the contact test) must answer as the code
/// they replace did: that code is kept here as the reference and both are asked about the same texts.
@Suite struct BorrowedTextScanTests {
    // MARK: - The code as it was

    static func referencePosition(of needle: String, in haystack: String, from start: Int) -> Int? {
        var text = haystack
        var target = needle
        return text.withUTF8 { bytes -> Int? in
            target.withUTF8 { pattern -> Int? in
                guard !pattern.isEmpty else { return start <= bytes.count ? start : nil }
                guard start >= 0, pattern.count <= bytes.count, start <= bytes.count - pattern.count,
                      let base = bytes.baseAddress, let patternBase = pattern.baseAddress else { return nil }
                let first = Int32(pattern[0])
                let lastStart = bytes.count - pattern.count
                var index = start
                while index <= lastStart {
                    guard let hit = memchr(base + index, first, lastStart - index + 1) else { return nil }
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, patternBase, pattern.count) == 0 { return offset }
                    index = offset + 1
                }
                return nil
            }
        }
    }

    static func referenceWordPosition(
        of phrase: String, in text: String, isWordScalar: (Unicode.Scalar) -> Bool = { $0.properties.isAlphabetic }
    ) -> Int? {
        let utf8 = text.utf8
        let length = phrase.utf8.count
        var from = 0
        while let found = referencePosition(of: phrase, in: text, from: from) {
            let beforeOK = found == 0 || !referenceIsWord(endingAt: found, in: text, isWordScalar)
            let end = found + length
            let afterOK = end >= utf8.count || !referenceIsWord(startingAt: end, in: text, isWordScalar)
            if beforeOK && afterOK { return found }
            from = found + 1
        }
        return nil
    }

    static func referenceIsWord(endingAt offset: Int, in text: String, _ isWordScalar: (Unicode.Scalar) -> Bool) -> Bool {
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        guard let scalarIndex = index.samePosition(in: text.unicodeScalars), scalarIndex > text.unicodeScalars.startIndex else {
            return true
        }
        return isWordScalar(text.unicodeScalars[text.unicodeScalars.index(before: scalarIndex)])
    }

    static func referenceIsWord(startingAt offset: Int, in text: String, _ isWordScalar: (Unicode.Scalar) -> Bool) -> Bool {
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        guard let scalarIndex = index.samePosition(in: text.unicodeScalars), scalarIndex < text.unicodeScalars.endIndex else { return true }
        return isWordScalar(text.unicodeScalars[scalarIndex])
    }

    static func referenceReplacing(_ target: String, with replacement: String, in text: String) -> String {
        guard referencePosition(of: target, in: text, from: 0) != nil else { return text }
        var result = ""
        var rest = Substring(text)
        while let found = referencePosition(of: target, in: String(rest), from: 0) {
            let index = rest.utf8.index(rest.utf8.startIndex, offsetBy: found)
            result += rest[rest.startIndex..<index]
            result += replacement
            rest = rest[rest.utf8.index(index, offsetBy: target.utf8.count)...]
        }
        result += rest
        return result
    }

    /// `CertificationReader.nameWithoutDate(_:dateRange:)` and `collapseSpaces` as they were.
    static func referenceNameWithoutDate(_ lineText: String, dateRange: DateRange?) -> String {
        var text = lineText
        if let range = dateRange {
            text = String(text[text.startIndex..<range.matched.lowerBound]) + String(text[range.matched.upperBound...])
        }
        text = referenceReplacing("( )", with: "", in: referenceReplacing("()", with: "", in: text))
        var lowered = text.lowercased()
        for suffix in ["obtained", "earned", "issued", "awarded", "since", "expires", "exp."].map({ " " + $0 }) where lowered.hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count))
            lowered = text.lowercased()
        }
        return LineFields.trim(text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "))
    }

    /// `PersonalDetailsReader.isContact` as it was.
    static func referenceIsContact(_ text: String) -> Bool {
        if TextScan.containsByte(text, 0x40), TextScan.isPlainASCII(text) || text.contains(where: { $0 == "@" }) { return true }
        let lowered = text.lowercased()
        return referencePosition(of: "http", in: lowered, from: 0) != nil || referencePosition(of: "www.", in: lowered, from: 0) != nil
            || PersonalDetailsReader.phone(in: text) != nil
    }

    // MARK: - Inputs

    /// Pieces the texts are made of: ASCII words in every case, the phrases the helpers look for and
    /// pieces of them, accented and CJK letters, emoji, combining and prepended marks, the two scalars
    /// that lower-case to ASCII (İ, KELVIN SIGN), CR/LF, NBSP, digits and punctuation.
    static let pieces: [String] = [
        " ", "  ", ",", "-", "(", ")", "()", "( )", "(2021)", "|", " | ", ".", ":", "@", "·", "—", "–", "\u{00A0}", "\r\n", "\r", "\n",
        "\t", "2021", "2019 – 2021", "Jan 2020", "é", "É", "ü", "ñ", "\u{301}", "\u{200D}", "\u{600}", "İ", "\u{212A}", "ß", "ﬁ",
        "人事", "🎓", "👩‍💼", "a", "x", "hr", "HR", "PHR", "phr", "Phr", "SHRM-CP", "graphr", "phrase", "obtained", "OBTAINED", "Earned",
        "issued", "awarded", "since", "expires", "exp.", "EXP.", "obtaİned", "http", "HTTP", "hTtPs://", "www.", "WWW.", "ww", "w.",
        "dana@example.org", "(317) 585-8468", "+1 212 222 2222", "résumé", "Résumé", "cv", "CV", "Dana", "Whitfield", "senior",
        "professional in human resources", "Professional", "in", "1", "١", "x\u{301}",
    ]

    static func randomTexts(seed: UInt64, count: Int, maxPieces: Int = 8) -> [String] {
        var generator = SplitMix64(seed: seed)
        var texts: [String] = []
        for _ in 0..<count {
            var text = ""
            for _ in 0..<Int(generator.next() % UInt64(maxPieces + 1)) { text += generator.pick(pieces) }
            texts.append(text)
        }
        return texts
    }

    static func describe(_ text: String) -> String { "\(text.unicodeScalars.map { String($0.value, radix: 16) })" }

    // MARK: - Tests

    @Test func positionMatchesTheCopyingSearch() {
        let needles = ["", "a", "hr", "PHR", "é", "\u{301}", "人事", "🎓", "( )", "http", "\r\n", "\n", " ", "2021"]
        for text in Self.pieces + Self.randomTexts(seed: 0xB0_2201, count: 3_000) {
            for needle in needles {
                for start in [-1, 0, 1, 3, text.utf8.count - 1, text.utf8.count, text.utf8.count + 1] {
                    #expect(TextScan.position(of: needle, in: text, from: start) == Self.referencePosition(of: needle, in: text, from: start),
                            "\(Self.describe(text)) \(Self.describe(needle)) \(start)")
                }
            }
        }
    }

    @Test func wordPositionMatchesTheStringIndexVersion() {
        let needles = ["", "a", "hr", "phr", "PHR", "SHRM-CP", "é", "\u{301}", "人事", "🎓", "cv", "résumé", "in", "-", "1",
                       "professional in human resources", "x\u{301}", "\u{212A}"]
        let wordLike: (Unicode.Scalar) -> Bool = { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" }
        for text in Self.pieces + Self.randomTexts(seed: 0xB0_2202, count: 4_000) {
            for needle in needles {
                #expect(TextScan.wordPosition(of: needle, in: text) == Self.referenceWordPosition(of: needle, in: text),
                        "\(Self.describe(text)) \(Self.describe(needle))")
                #expect(TextScan.wordPosition(of: needle, in: text, isWordScalar: wordLike)
                            == Self.referenceWordPosition(of: needle, in: text, isWordScalar: wordLike),
                        "\(Self.describe(text)) \(Self.describe(needle))")
            }
        }
    }

    @Test func replacingMatchesTheSubstringLoop() {
        let targets = [("()", ""), ("( )", ""), (" | ", " "), ("a", "bb"), ("é", "e"), ("PHR", "x"), ("\r\n", "\n"), ("人事", ""), ("🎓", "?")]
        for text in Self.pieces + Self.randomTexts(seed: 0xB0_2203, count: 4_000) {
            for (target, replacement) in targets {
                let replaced = TextScan.replacing(target, with: replacement, in: text)
                let expected = Self.referenceReplacing(target, with: replacement, in: text)
                #expect(Array(replaced.utf8) == Array(expected.utf8), "\(Self.describe(text)) \(Self.describe(target))")
            }
        }
    }

    @Test func lowercasedContainsMatchesASearchOfTheLoweredText() {
        for text in Self.pieces + Self.randomTexts(seed: 0xB0_2204, count: 6_000) {
            let lowered = text.lowercased()
            #expect(TextScan.lowercasedContains(text, "http") == (Self.referencePosition(of: "http", in: lowered, from: 0) != nil), "\(Self.describe(text))")
            #expect(TextScan.lowercasedContains(text, "www.") == (Self.referencePosition(of: "www.", in: lowered, from: 0) != nil), "\(Self.describe(text))")
        }
    }

    @Test func lowerCasingMakesASCIIOnlyOfASCIIAndTwoScalars() {
        // The fact `lowercasedContains` rests on, for every scalar.
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let lowered = String(scalar).lowercased()
            if lowered.utf8.contains(where: { $0 < 0x80 }) {
                #expect(value == 0x130 || value == 0x212A, "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func sameBytesAndByteCountsMatchTheViews() {
        let texts = Self.pieces + Self.randomTexts(seed: 0xB0_2205, count: 1_000)
        var generator = SplitMix64(seed: 0xB0_2206)
        for text in texts {
            let other = generator.next() % 2 == 0 ? text : generator.pick(texts)
            #expect(TextScan.sameBytes(text, other) == text.utf8.elementsEqual(other.utf8))
            #expect(TextScan.sameBytes(text, String(text)))
            #expect(TextScan.count(of: 0x28, in: text) == text.utf8.filter { $0 == 0x28 }.count)
            if TextScan.withSimpleScalars(text, { _ in true }) == true {
                #expect(TextScan.count(of: 0x28, in: text) == text.filter { $0 == "(" }.count, "\(Self.describe(text))")
                #expect(TextScan.count(of: 0x29, in: text) == text.filter { $0 == ")" }.count, "\(Self.describe(text))")
            }
        }
    }

    @Test func certificationNameMatchesTheStringVersion() {
        var texts = Self.pieces + Self.randomTexts(seed: 0xB0_2207, count: 6_000)
        texts += ["PHR (2021)", "PHR, obtained 2021", "SHRM-CP — earned March 2020", "Workday Pro () 2019", "CIPD ( ) Level 5 exp.",
                  "Certified Payroll Professional, since 2018", "PHR obtaİned", "  PHR   issued  ", "Zoë’s cert — awarded 2022",
                  "PHR\r\n obtained", "PHR\u{00A0}obtained", "x\u{301} obtained", "PHR  OBTAINED", " obtained", "obtained"]
        for text in texts {
            let range = DateExpressions.findRange(in: text)
            let name = CertificationReader.nameWithoutDate(text, dateRange: range)
            let expected = Self.referenceNameWithoutDate(text, dateRange: range)
            #expect(Array(name.utf8) == Array(expected.utf8), "\(Self.describe(text))")
            let undated = CertificationReader.nameWithoutDate(text, dateRange: nil)
            #expect(Array(undated.utf8) == Array(Self.referenceNameWithoutDate(text, dateRange: nil).utf8), "\(Self.describe(text))")
        }
    }

    @Test func contactTestMatchesTheLowerCasingVersion() {
        var texts = Self.pieces + Self.randomTexts(seed: 0xB0_2208, count: 6_000) + FieldExtractionPrefilterTests.texts
        texts += ["linkedin.com/in/dana", "HTTPS://dana.dev", "WwW.Dana.dev", "dana@x.com · (317) 585-8468", "a@\u{301}b", "@\u{301}",
                  "HTTP\u{301}", "Visit ww\u{212A}.x", "ẁww.x", "\r\n@", "é@"]
        for text in texts {
            #expect(PersonalDetailsReader.isContact(text) == Self.referenceIsContact(text), "\(Self.describe(text))")
        }
    }

    @Test func certificationWordsAndIDsWithLoweredTextMatch() {
        let texts = Self.pieces + Self.randomTexts(seed: 0xB0_2209, count: 2_000) + CertificationNeedleTableTests.texts
            + ["Certified Compensation Professional", "HR CERTIFICATE", "Licence to practise", "Credentialed", "license", "PHR, SHRM-CP"]
        for text in texts {
            let lowered = TextScan.lowercased(text)
            #expect(CertificationCatalog.ids(in: text, lowered: lowered) == PlaceDegreeAndCertificationFastPathTests.referenceIDs(text),
                    "\(Self.describe(text))")
            let words = ["certified", "certification", "certificate", "licence", "license", "credential"]
            #expect(CertificationCatalog.mentionsCertificationWord(lowered: lowered)
                        == words.contains { Self.referencePosition(of: $0, in: text.lowercased(), from: 0) != nil }, "\(Self.describe(text))")
        }
    }
    /// `JobTitles.isHR` and `isSupervisory` as they were (lower-cased strings, then the phrase sets).
    static func referenceIsHR(_ title: String) -> Bool {
        let lowered = title.lowercased()
        if JobTitles.hrPhrases.containsAny(in: lowered) { return true }
        let words = lowered.split(whereSeparator: { !$0.isLetter && $0 != "&" })
        return words.contains { JobTitles.hrAbbreviations.contains(String($0)) }
    }

    static func referenceIsSupervisory(_ title: String) -> Bool {
        let lowered = title.lowercased() + " "
        if JobTitles.nonSupervisoryManagers.containsAny(in: lowered) && referencePosition(of: "assistant manager", in: lowered, from: 0) == nil { return false }
        if lowered.hasPrefix("vp") { return true }
        return JobTitles.supervisoryWords.containsAny(in: lowered)
    }

    @Test func titleTestsMatchTheLowerCasingVersions() {
        let titlePieces = [
            " ", "-", ",", "&", "/", "(", ")", "HR", "hr", "Hr", "HRBP", "L&D", "l&d", "OD", "TA", "CHRO", "CPO", "RH", "Human", "Resources",
            "Resource", "People", "Operations", "Ops", "Talent", "Acquisition", "Recruiter", "Recruiting", "Payroll", "Manager", "MANAGER",
            "Director", "Supervisor", "Head", "of", "Team", "Lead", "Leader", "VP", "vp", "Vp,", "Vice", "President", "Chief", "Officer",
            "Assistant", "Account", "Product", "Project", "Program", "Trainee", "Management", "Principal", "Foreman", "Analyst",
            "Coordinator", "é", "Ressources", "humaines", "Recursos", "Humanos", "人事", "🎓", "\u{00A0}", "\r\n", "İ", "\u{212A}", "x", "2021",
        ]
        var generator = SplitMix64(seed: 0xB0_220A)
        var titles = ["", " ", "vp", "VP", "vpx", "VP of People", "Assistant Manager", "Account Manager", "HR Manager", "Talent Acquisition Lead",
                      "Recruiter", "Ressources Humaines", "Vice President, HR", "Team Lead\r\n", "Chef d’équipe RH", "Manager (HR)", "hrm"]
        for _ in 0..<8_000 {
            var title = ""
            for index in 0..<Int(generator.next() % 6) {
                if index > 0 && generator.next() % 3 != 0 { title += " " }
                title += generator.pick(titlePieces)
            }
            titles.append(title)
        }
        for title in titles {
            #expect(JobTitles.isHR(title) == Self.referenceIsHR(title), "\(Self.describe(title))")
            #expect(JobTitles.isSupervisory(title) == Self.referenceIsSupervisory(title), "\(Self.describe(title))")
        }
    }
    /// `PersonalDetailsReader.splitName` as it was, every part read through `Character`s.
    static func referenceSplitName(_ text: String) -> (String, String?)? {
        var parts = [text]
        for separator in [" — ", " – ", " - ", " | ", "|", " · ", ": "] where referencePosition(of: separator, in: text, from: 0) != nil {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        var name: String?
        var headline: String?
        for part in parts {
            let candidate = PersonalDetailsReader.nameCandidate(part)
            if name == nil, PersonalDetailsReader.looksLikeName(candidate) {
                name = candidate
            } else if headline == nil, LineFields.classify(candidate, education: false) == .title {
                headline = candidate
            }
        }
        guard let name else { return nil }
        return (name, headline)
    }

    @Test func nameCandidatesMatchTheCharacterVersion() {
        let namePieces = [
            " ", "  ", "\t", "\n", ",", ", ", "-", "'", "’", ".", "Dana", "Whitfield", "DANA", "de", "van", "Jo", "Doe", "PHR", "SHRM-CP",
            "MBA", "Ph.D.", "Jr.", "resume", "Resume", "RESUME", "résumé", "Résumé", "cv", "CV", "curriculum", "vitae", "Curriculum Vitae",
            "of", "for", "Resume of ", "CV of ", "curriculum vitae of ", "Resume for ", "résumé of ", "'s", "’s", "'s Resume", "’s résumé",
            " — ", " | ", "|", " · ", ": ", " - ", "Senior", "HR", "Generalist", "Manager", "Zoë", "Müller", "人事", "🎓", "\u{00A0}", "\r\n",
            "İ", "\u{212A}", "2021", "x\u{301}",
        ]
        var generator = SplitMix64(seed: 0xB0_220B)
        var texts = ["Dana Whitfield", "Résumé of Dana Whitfield", "Resume of Dana Whitfield", "Dana Whitfield, PHR, SHRM-CP", "Jo Doe, MBA",
                     "Dana Whitfield — Senior HR Generalist", "Dana Whitfield's Resume", "Dana Whitfield Resume", "Dana Whitfield CV",
                     "CV of Jo Doe", "Jo Doe's CV", "  Jo Doe ,  MBA , ", "Jo Doe,", ",Jo Doe", "resume", "Resume of ", "Jo Doe Curriculum Vitae",
                     "Jo Doe resume resume", "Jo Doe's resume cv", "Jo's resume", "'s resume", "Zoë Müller, PHR", "Dana\u{00A0}Whitfield"]
        for _ in 0..<6_000 {
            var text = ""
            for index in 0..<Int(generator.next() % 7) {
                if index > 0 && generator.next() % 2 == 0 { text += " " }
                text += generator.pick(namePieces)
            }
            texts.append(text)
        }
        for text in texts {
            if let quick = TextScan.withPlainASCII(text, { PersonalDetailsReader.nameCandidateASCII($0) }) {
                #expect(Array(quick.utf8) == Array(PersonalDetailsReader.nameCandidate(text).utf8), "\(Self.describe(text))")
            }
            let split = PersonalDetailsReader.splitName(text)
            let expected = Self.referenceSplitName(text)
            #expect(split?.0 == expected?.0 && split?.1 == expected?.1, "\(Self.describe(text))")
        }
    }
    /// `EducationReader.fieldOfStudy(inDegree:)` for ASCII degrees as it was (lower-cased copy, `Character`
    /// drops, the generic subjects trimmed with a `Character` set).
    static func referenceFieldOfStudyASCII(_ degree: String) -> String? {
        func clean(_ text: String) -> String? {
            let trimmed = LineFields.trim(text)
            return trimmed.isEmpty ? nil : trimmed
        }
        let lowered = degree.lowercased()
        if let offset = referencePosition(of: " in ", in: lowered, from: 0) {
            return clean(String(degree.dropFirst(offset + 4)))
        }
        if let offset = referencePosition(of: " of ", in: lowered, from: 0) {
            let field = String(degree.dropFirst(offset + 4))
            let generic = ["science", "sciences", "arts", "fine arts", "applied science", "applied sciences", "philosophy", "laws", "education", "engineering"]
            return generic.contains(TextScan.trim(field.lowercased(), [" ", "\t"])) ? nil : clean(field)
        }
        let tokens = degree.split(separator: " ", maxSplits: 1)
        if tokens.count == 2, LineFields.isDegree(String(tokens[0])), !LineFields.isDegree(String(tokens[1])) {
            return clean(String(tokens[1]))
        }
        return nil
    }

    /// `EducationReader.isFieldOfStudy` as it was (one search per noise word).
    static func referenceIsFieldOfStudy(_ text: String) -> Bool {
        let lowered = text.lowercased()
        let bare = TextScan.isPlainASCII(lowered) ? TextScan.trim(lowered, [".", " "]) : lowered.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        if ["hons", "honours", "honors", "hon"].contains(bare) { return false }
        guard !EducationReader.fieldNoise.contains(where: { referencePosition(of: $0, in: lowered, from: 0) != nil }) else { return false }
        guard !text.contains(where: { $0.isNumber || $0 == ":" }) else { return false }
        let words = text.split(separator: " ")
        return !words.isEmpty && words.count <= 8 && LineFields.isCapitalised(text) && !LineFields.isSentenceLike(text)
    }

    @Test func fieldsOfStudyMatchTheStringVersions() {
        let degreePieces = [
            " ", "  ", "\t", ",", ".", "B.S.", "BA", "MBA", "Bachelor", "Master", "of", "OF", "Of", "in", "IN", "In", "Science", "SCIENCE",
            "sciences", "Arts", "Fine Arts", "Applied Science", "Philosophy", "Laws", "Education", "Engineering", "Human", "Resource",
            "Management", "Business", "Administration", "Psychology", "GPA", "3.8", "Hons", "Honours", "cum laude", "Minor", "Thesis:",
            "(MBA)", "Concentration", "Human Resources", "Computer Science", "é", "Zoë", "人事", "\u{00A0}", "\r\n", "x\u{301}", "2021",
        ]
        var generator = SplitMix64(seed: 0xB0_220C)
        var degrees = ["Bachelor of Science in Human Resource Management", "Master of Business Administration", "B.S. Business Administration",
                       "MBA", "Bachelor of Science", "Bachelor of Science ", "Bachelor of  Fine Arts\t", "BA Psychology", "Master of Laws",
                       "B.A. in", "Bachelor of", " in ", " of ", "Doctor of Philosophy in Economics", "MASTER OF SCIENCE IN HR"]
        for _ in 0..<6_000 {
            var degree = ""
            for index in 0..<Int(generator.next() % 7) {
                if index > 0 && generator.next() % 4 != 0 { degree += " " }
                degree += generator.pick(degreePieces)
            }
            degrees.append(degree)
        }
        for degree in degrees {
            if TextScan.isPlainASCII(degree) {
                #expect(EducationReader.fieldOfStudy(inDegree: degree) == Self.referenceFieldOfStudyASCII(degree), "\(Self.describe(degree))")
            }
            #expect(EducationReader.isFieldOfStudy(degree) == Self.referenceIsFieldOfStudy(degree), "\(Self.describe(degree))")
        }
    }

    @Test func pairBitsSetInABufferMatchTheValue() {
        for text in Self.pieces + Self.randomTexts(seed: 0xB0_220D, count: 300) {
            let bits = BytePairBits(text)
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: BytePairBits.wordCount) { words in
                words.initialize(repeating: .max)
                BytePairBits.set(words.baseAddress!, from: text)
                for slot in 0..<1024 {
                    let single = [slot]
                    single.withUnsafeBufferPointer { buffer in
                        #expect(BytePairBits.mayContain(buffer, in: words.baseAddress!) == bits.mayContain(single[...]), "\(Self.describe(text)) \(slot)")
                    }
                }
            }
        }
    }
    /// `TextScan.isPlainASCII` and `isSimpleScalars` of bytes as they were, one byte or scalar at a time.
    static func referenceIsPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 || byte == 0x0D { return false }
        return true
    }

    static func referenceIsSimpleScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x0D { return false }
                index += 1
            } else if lead < 0xE0 {
                guard lead <= 0xCB else { return false }
                index += 2
            } else if lead < 0xF0 {
                guard index + 2 < bytes.count else { return false }
                let value = (UInt32(lead) & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | (UInt32(bytes[index + 2]) & 0x3F)
                guard (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) || (0x20A0...0x20C0).contains(value)
                    || (0x2190...0x2BFF).contains(value) else { return false }
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    @Test func eightByteASCIIRunsMatchTheByteLoops() {
        // Texts of every length around the eight-byte steps, with the odd byte (CR, high byte, a simple
        // or other scalar) at every offset, and random texts.
        var texts = Self.pieces + Self.randomTexts(seed: 0xB0_220E, count: 3_000, maxPieces: 14)
        for length in 0..<20 {
            for odd in ["\r", "\r\n", "é", "—", "\u{301}", "人", "🎓", "\u{7F}", "\u{00A0}", "\u{2BFF}", "\u{2C00}"] {
                for offset in 0...length {
                    texts.append(String(repeating: "a", count: offset) + odd + String(repeating: "b", count: length - offset))
                }
            }
            texts.append(String(repeating: "x", count: length))
        }
        for text in texts {
            var copy = text
            copy.withUTF8 { bytes in
                #expect(TextScan.isPlainASCII(bytes) == Self.referenceIsPlainASCII(bytes), "\(Self.describe(text))")
                #expect(TextScan.isSimpleScalars(bytes) == Self.referenceIsSimpleScalars(bytes), "\(Self.describe(text))")
            }
        }
    }
}
