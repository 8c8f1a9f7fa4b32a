import Testing
import TestSupport
@testable import Extraction

/// The byte-level paths of section assignment and of `ExperienceReader.role`'s first test against the
/// code they replace, kept here as the reference: `SectionHeadings.section(named:)` as it was (letter
/// runs as Strings, looked up in the first-word tables), the first-word candidates, the word count, and
/// the past-verb test by byte.
@Suite struct ExperienceAndHeadingByteTests {
    // MARK: - Inputs

    /// Headings and near-headings: every phrase and other word in several casings and with punctuation,
    /// mixed headings, job titles, accented, CJK, emoji, NBSP, CR/LF, hyphen runs, long and empty text.
    static let headings: [String] = {
        var texts: [String] = [
            "", " ", "-", "--", "- -", "&", "Work Experience", "WORK EXPERIENCE:", "Experience & Skills", "Volunteer Experience",
            "Awards & Certifications", "Education & Training", "Skills Summary", "Career Summary", "Career Objective",
            "Professional Summary", "Employment History", "Summary of Qualifications", "Areas of Strength", "Areas of Expertise",
            "Academic Background", "Licenses & Certifications", "Core Competencies", "Skills & Systems", "HR Assistant",
            "Education Coordinator", "Career Coach", "About Me", "About", "Experience Profile", "Work History Summary",
            "Profile — Experience", "Experiencia", "Expérience professionnelle", "Educación", "Formación", "Compétences",
            "Berufserfahrung", "Zertifikate", "Kenntnisse", "EXPÉRIENCE", "Expe\u{301}rience", "経験 Experience", "職歴",
            "📚 Education", "Education 📚", "• Skills •", "Skills\u{00A0}", "\u{00A0}Skills", "Skills\r\n", "Work\r\nHistory",
            "Skills:", ":Skills:", "## Skills ##", "| Education |", "*Experience*", "Experience.", "Experience -", "- Experience",
            "Experience 2019", "Experience @ Acme", "Work-Experience", "Work--Experience", "-Work-", "Workshop", "Workday",
            "Networking", "Skillset", "Tools & Technologies", "Links", "Contact Details", "Personal Information",
            "Additional Information", "Projects and Publications", "Hobbies & Interests", "Courses", "Training & Courses",
            "Technologies Used In Recent Work", "A B C D E F G", "Experience Experience Experience Experience Experience Experience",
            "Experience a b c d e f", String(repeating: "Experience ", count: 10), String(repeating: "x", count: 97),
            "\u{212A}ills", "Ski\u{212A}ls", "ſkills", "Ｓｋｉｌｌｓ", "Skills\u{301}", "Summary ‖ Profile", "Career ∙ Summary",
            "Experience — Summary", "Experience\u{2014}Summary", "Profil", "Profile:", "Objective", "Overview & Introduction",
        ]
        for (phrase, _) in SectionHeadings.phrases {
            texts += [phrase, phrase.uppercased(), phrase.capitalized, phrase + ":", "My " + phrase, phrase + " & Skills", "Other " + phrase]
        }
        for word in SectionHeadings.otherWords {
            texts += [word, word.capitalized, word + " & Experience", "Experience & " + word, word.uppercased() + ":"]
        }
        return texts
    }()

    /// Random lines drawn from words, marks and separators of every kind.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        let pieces = [
            "Experience", "experience", "EXPERIENCE", "Work", "work", "History", "Summary", "summary", "Skills", "Education",
            "of", "and", "&", "-", "--", "–", "—", "•", "·", ":", ".", "|", "*", "#", "@", "2019", "7", " ", " ", " ", "  ",
            "\u{00A0}", "\r\n", "\n", "\t", "é", "e\u{301}", "中文", "👩‍💼", "\u{212A}", "Led", "led", "Managed", "managed",
            "Certified", "certified", "built", "Oversaw", "ran", "the", "team", "$5M", "Acme", "Health", "Inc.", "a", "b",
            "Detailed", "detailed", "seasoned", "Consolidated", "Ran", "RAN", "Wed", "ed", "Ed", "Accredited", "tools",
            "career", "Career", "profile", "Objective", "ABOUT", "about", "me", "Volunteer", "awards", "Links",
        ]
        return (0..<count).map { _ in
            let length = Int(generator.next() % 9)
            return (0..<length).map { _ in generator.pick(pieces) }.joined(separator: generator.next() % 3 == 0 ? "" : " ")
        }
    }

    // MARK: - Section headings

    @Test func sectionNamedMatchesTheReference() {
        for text in Self.headings + Self.randomTexts(count: 4000, seed: 0x5EC7_1015) {
            #expect(SectionHeadings.section(named: text) == Self.referenceSection(named: text), "\(text.debugDescription)")
        }
    }

    @Test func candidatesMatchTheFirstWordTables() {
        for text in Self.headings + Self.randomTexts(count: 4000, seed: 0xCA4D_1DA7) {
            let lowered = TextScan.lowercased(text)
            guard let result = TextScan.withPlainASCII(lowered, { bytes in (HeadingCandidates(lowered: bytes), Self.referenceLetterRuns(bytes)) })
            else { continue }
            let (candidates, runs) = result
            #expect(candidates?.phrases.sorted == SectionHeadings.distinctSorted(runs, SectionHeadings.phraseIndicesByFirstWord), "\(text)")
            #expect(candidates?.others.sorted == SectionHeadings.distinctSorted(runs, SectionHeadings.otherIndicesByFirstWord), "\(text)")
        }
        // Read from the lists: "work experience" starts with "work", as do "work history" and "work".
        let workOnly = TextScan.withPlainASCII("work") { HeadingCandidates(lowered: $0) }!!
        let expected = SectionHeadings.phrases.indices.filter { SectionHeadings.phrases[$0].0.hasPrefix("work") && !SectionHeadings.phrases[$0].0.hasPrefix("works") }
        #expect(workOnly.phrases.sorted == expected)
        #expect(workOnly.others.isEmpty)
    }

    @Test func lowerWordCountMatchesLowerWords() {
        for text in Self.headings + Self.randomTexts(count: 4000, seed: 0x10E3_3D5) {
            guard let count = TextScan.withPlainASCII(text, { SectionHeadings.lowerWordCountASCII($0) }) else { continue }
            #expect(count == LineFields.lowerWords(text).count, "\(text.debugDescription)")
        }
        // Counted by reading: "-" alone and "--" trim to nothing; "Work-Experience" is one word.
        let counts = ["", "-", "-- --", "a", "Work-Experience", "HR & Payroll", "x-", "a b  c"].map { text in
            TextScan.withPlainASCII(text) { SectionHeadings.lowerWordCountASCII($0) }
        }
        #expect(counts == [0, 0, 0, 1, 1, 3, 1, 3])
    }

    @Test func asciiWordPositionMatchesTextScan() {
        var generator = SplitMix64(seed: 0x3A0D)
        let phrases = SectionHeadings.phrases.map(\.0) + SectionHeadings.otherWords + ["", "a", "ab", "work", "x y", "é"]
        let pieces = ["work", "history", "workshop", "a", "ab", " ", "  ", "-", "&", "1", "x", "y", "of", "experience", "_", "@"]
        var texts = Self.headings.map { TextScan.lowercased($0) }
        for _ in 0..<3000 { texts.append((0..<Int(generator.next() % 8)).map { _ in generator.pick(pieces) }.joined()) }
        for text in texts {
            _ = TextScan.withPlainASCII(text) { bytes in
                for phrase in phrases {
                    #expect(SectionHeadings.asciiWordPosition(of: Array(phrase.utf8), in: bytes) == TextScan.wordPosition(of: phrase, in: text),
                            "\(phrase) in \(text.debugDescription)")
                }
            }
        }
        // Read from the text: "work" as a word at 9 in "workshop work", not inside "workshop".
        _ = TextScan.withPlainASCII("workshop work") { #expect(SectionHeadings.asciiWordPosition(of: Array("work".utf8), in: $0) == 9) }
    }

    @Test func indexBitsReadBackSortedAndDistinct() {
        var generator = SplitMix64(seed: 0xB175)
        for _ in 0..<500 {
            let indices = (0..<Int(generator.next() % 20)).map { _ in Int(generator.next() % UInt64(IndexBits.capacity)) }
            var bits = IndexBits()
            indices.forEach { bits.insert($0) }
            #expect(bits.sorted == Array(Set(indices)).sorted())
            #expect(bits.isEmpty == indices.isEmpty)
        }
    }

    /// No first word or set word holds the one non-ASCII scalar that is canonically equal to an ASCII
    /// letter, so leaving out the non-ASCII words loses no match.
    @Test func noWordHoldsTheKelvinSign() {
        let words = Array(SectionHeadings.phraseIndicesByFirstWord.keys) + Array(SectionHeadings.otherIndicesByFirstWord.keys)
            + Array(LineFields.irregularPastVerbs) + Array(LineFields.pastParticipleAdjectives)
        for word in words {
            #expect(!word.unicodeScalars.contains("\u{212A}"), "\(word)")
        }
    }

    // MARK: - Past verbs and the first test of `role`

    @Test func pastVerbTestMatchesTheSetLookUps() {
        var words: [String] = []
        for word in LineFields.irregularPastVerbs.union(LineFields.pastParticipleAdjectives) {
            words += [word, word.uppercased(), word.capitalized, word + "s", String(word.dropLast()), word + ",", "x" + word]
        }
        words += ["ed", "Ed", "wed", "Shed", "Managed", "negotiated", "REDUCED", "ran", "Ran.", "a", "", "led-", "abcdefghijklmnopqrstuvwxyzed"]
        var generator = SplitMix64(seed: 0x9A57)
        let letters = Array("abcdeEDlLrRnNstuw-.,$1")
        for _ in 0..<3000 {
            words.append(String((0..<Int(generator.next() % 14)).map { _ in generator.pick(letters) }))
        }
        for word in words {
            var copy = word
            copy.withUTF8 { bytes in
                #expect(ExperienceLineScan.isPastVerbASCII(bytes, 0..<bytes.count) == LineFields.isPastVerbASCII(bytes, 0..<bytes.count), "\(word)")
            }
        }
    }

    @Test func wordCountAndVerbFirstMatchesLineFields() {
        let lines = Self.headings + Self.randomTexts(count: 6000, seed: 0x7E2B_F125) + [
            "Led the HR team of five", "led the team", "Managed payroll for 200 staff", "Certified trainer for the team",
            "Oversaw $5M budget", "Built 3 programs", "Ran\u{00A0}the desk", "Ran the desk\r\n", "Négocié les contrats",
            "Managed 中文 team", "Led 👩‍💼 teams", "   Led the team   ", "Led", "Led the", "HR Generalist, Acme Health, 2019–2021",
        ]
        for line in lines {
            let fast = ExperienceLineScan.wordCountAndVerbFirst(line)
            let reference = LineFields.wordCountAndVerbFirst(line)
            #expect(fast.wordCount == reference.wordCount && fast.verbFirst == reference.verbFirst, "\(line.debugDescription)")
        }
    }

    @Test func verbFirstTestMatchesLineFieldsOnPlainASCII() {
        let lines = Self.headings + Self.randomTexts(count: 6000, seed: 0xF125_7E2B) + [
            "Led the HR team", "Led  the  team", "  Led the team", "Led the", "Led\tthe team", "Led the\r\nteam", "Led the team ",
            "Managed 5 people", "Managed $5M budget", "Managed Payroll team", "Certified trainer for staff", "Détaillé the team",
            "Managed payroll \u{301}for", "Managed payroll e\u{301}", "Managed payroll 中文", "Managed payroll 👩‍💼 staff",
            "Managed e\u{301}quipe for", "Managed payroll\u{00A0}for staff", "Managed\u{00A0}payroll for", "Led the\r\nteam now",
            "Led the \r\nteam", "Led \u{301}the team", "Led the team\u{301}", "Led the t\u{301}",
        ]
        for line in lines {
            let reference = LineFields.wordCountAndVerbFirst(line).verbFirst
            let fast = ExperienceLineScan.isVerbFirstByOpening(line)
            // True only when the reference says so; on plain ASCII lines it decides every line.
            #expect(!fast || reference, "\(line.debugDescription)")
            if TextScan.isPlainASCII(line) { #expect(fast == reference, "\(line.debugDescription)") }
        }
        // Read from the words: a past verb, a lower-case second word, a third word.
        #expect(ExperienceLineScan.isVerbFirstByOpening("Managed payroll for"))
        #expect(ExperienceLineScan.isVerbFirstByOpening("Managed payroll for café"))
        #expect(ExperienceLineScan.isVerbFirstByOpening("  Led  the  team"))
        #expect(!ExperienceLineScan.isVerbFirstByOpening("Managed payroll"))
        #expect(!ExperienceLineScan.isVerbFirstByOpening("Managed Payroll for"))
        #expect(!ExperienceLineScan.isVerbFirstByOpening("Certified trainer for"))
        // A combining mark on the space before the third word joins the words as `Character`s.
        #expect(!ExperienceLineScan.isVerbFirstByOpening("Managed payroll \u{301}for"))
        #expect(!LineFields.wordCountAndVerbFirst("Managed payroll \u{301}for").verbFirst)
        #expect(!ExperienceLineScan.isVerbFirstByOpening("Managed payroll\r\nfor"))
    }

    @Test func summaryRuleMatchesTheWords() {
        let extra = ["career summary", "experience summary", "work history summary", "summary-", "-profile-", "profile&", "objectives",
                     "summary of experience", "employment objective", "profilé", "summary é", "history", ""]
        for text in Self.headings + Self.randomTexts(count: 4000, seed: 0x5A3A) + extra {
            let lowered = TextScan.lowercased(text)
            let words = LineFields.lowerWords(lowered)
            let expected = words.contains(where: { ["summary", "objective", "profile"].contains($0) })
                && !words.contains(where: { ["experience", "employment", "history"].contains($0) })
            #expect(SectionHeadings.summaryWordQualifies(lowered) == expected, "\(lowered.debugDescription)")
        }
    }

    @Test func isCapitalisedMatchesLineFields() {
        let texts = Self.headings + Self.randomTexts(count: 6000, seed: 0xCA91_7A15) + [
            "Acme Health", "acme health", "Acme health of the Midwest", "The Acme Group", "THE AND OF", "of the", "3M Company",
            "Acme  Health ", " Acme", "Acme\tHealth inc", "Acme\r\nHealth", "Zoë Health", "Acme & Co", "A B c", "With A Team", "",
        ]
        for text in texts {
            #expect(ExperienceLineScan.isCapitalised(text) == LineFields.isCapitalised(text), "\(text.debugDescription)")
        }
        // Read from the words: 2 of 2 content words capitalised; 1 of 3 (stop words left out) is not enough.
        #expect(ExperienceLineScan.isCapitalised("Acme Health of the Midwest"))
        #expect(!ExperienceLineScan.isCapitalised("Acme health services for the region"))
    }

    // MARK: - Date tokens

    /// The marks the byte tokeniser answers without a `Character` are neither whitespace nor letters.
    @Test func commonMarksAreNeitherSpaceNorLetter() {
        for value: UInt32 in 0...0x2FFF where DateTokenizer.isCommonMark(value) {
            let character = Character(Unicode.Scalar(value)!)
            #expect(!character.isWhitespace && !character.isLetter && value != 0xA0, "\(value)")
        }
        #expect([0x2013, 0x2014, 0x2022, 0x00B7, 0x2018, 0x2019, 0x201C, 0x201D].allSatisfy { DateTokenizer.isCommonMark($0) })
        #expect(!DateTokenizer.isCommonMark(0x2D) && !DateTokenizer.isCommonMark(0xA0) && !DateTokenizer.isCommonMark(0x2212))
    }

    // MARK: - The leadership search's skip table

    /// Random ASCII duties built from pieces of the leadership phrases (so that near-misses and matches
    /// at every offset occur), against searching the lower-cased copy.
    @Test func foldedSearchWithSkipsMatchesLowerCasedSearch() {
        var generator = SplitMix64(seed: 0x1EAD_E25)
        let phrases = JobTitles.leadershipPhrases.phrases
        let pieces = phrases.flatMap { phrase -> [String] in
            let cut = phrase.index(phrase.startIndex, offsetBy: phrase.count / 2)
            return [phrase, phrase.uppercased(), String(phrase[..<cut]), String(phrase[cut...]), String(phrase.dropFirst()), String(phrase.dropLast())]
        } + ["a", "the", " ", "  ", "of", "x", "Z", "@", "[", "`", "{", "-", "\t", "\r\n", "payroll", "recruiting", "STAFF", "Team"]
        let search = FoldedPhraseSearch(phrases)
        let reference = JobTitles.leadershipPhrases
        var texts: [String] = []
        for _ in 0..<6000 {
            let length = Int(generator.next() % 12)
            texts.append((0..<length).map { _ in generator.pick(pieces) }.joined(separator: generator.next() % 2 == 0 ? " " : ""))
        }
        for text in texts {
            #expect(search.containsAny(inASCII: text) == reference.containsAny(in: TextScan.lowercased(text)), "\(text.debugDescription)")
        }
        // Read from the phrase list: "supervised" sits at the very end, and one byte short of it.
        #expect(search.containsAny(inASCII: "Payroll and benefits, SUPERVISED") == true)
        #expect(search.containsAny(inASCII: "Payroll and benefits, supervise") == true)
        #expect(search.containsAny(inASCII: "Payroll and benefits, supervis") == false)
    }

    /// The eight-bytes-at-a-time digit test against a byte loop, over random bytes of every value and
    /// every length and alignment up to 40.
    @Test func digitTestByWordsMatchesByteLoop() {
        var generator = SplitMix64(seed: 0xD161_7)
        let interesting: [UInt8] = [0x2F, 0x30, 0x35, 0x39, 0x3A, 0x00, 0x7F, 0x80, 0xAF, 0xB0, 0xB9, 0xBA, 0xFF, 0x20, 0x61]
        for _ in 0..<20000 {
            let length = Int(generator.next() % 41)
            let bytes: [UInt8] = (0..<length).map { _ in
                generator.next() % 2 == 0 ? generator.pick(interesting) : UInt8(truncatingIfNeeded: generator.next())
            }
            let offset = Int(generator.next() % 4)
            let padded = [UInt8](repeating: 0x20, count: offset) + bytes
            padded.withUnsafeBufferPointer { buffer in
                let slice = UnsafeBufferPointer(rebasing: buffer[offset...])
                #expect(DateExpressions.containsASCIIDigit(slice) == bytes.contains { $0 >= 0x30 && $0 <= 0x39 }, "\(bytes)")
            }
        }
        // Read from the bytes: "2" is a digit, "/" and ":" either side are not, nor is 0xB2 (a digit's byte with the high bit).
        for (bytes, expected) in [([UInt8]("abcdefgh2".utf8), true), ([0x2F, 0x3A, 0x2F, 0x3A, 0x2F, 0x3A, 0x2F, 0x3A, 0x2F], false), ([0xB2, 0xB2, 0xB2, 0xB2, 0xB2, 0xB2, 0xB2, 0xB2], false)] {
            bytes.withUnsafeBufferPointer { #expect(DateExpressions.containsASCIIDigit($0) == expected) }
        }
    }

    /// The first-letter-and-length test never rules out a run the packed-key table holds.
    @Test func dateWordPretestKeepsEveryTableWord() {
        var generator = SplitMix64(seed: 0xDA7E)
        var runs = DateWord.packableWords.flatMap { [$0, $0.uppercased(), $0.capitalized] }
        let letters = Array("abcdefghijklmnopqrstuvwxyzJANFEBMARPRESNTOWD")
        for _ in 0..<20000 {
            runs.append(String((0..<(1 + Int(generator.next() % 12))).map { _ in generator.pick(letters) }))
        }
        DateWord.lengthsByFirstLetter.withUnsafeBufferPointer { masks in
            for run in runs {
                var copy = run
                copy.withUTF8 { bytes in
                    let inTable = DateWord.packed(bytes, 0..<bytes.count).flatMap { DateWord.byPackedKey[$0] } != nil
                    #expect(!inTable || DateWord.mayBeWord(bytes, 0..<bytes.count, masks), "\(run)")
                }
            }
        }
        // Read from the word list: "january" (7 letters) and "present" (7) pass; "manager" (7) and "acme" (4) do not.
        for (run, expected) in [("January", true), ("PRESENT", true), ("Manager", false), ("Acme", false), ("to", true)] {
            var copy = run
            copy.withUTF8 { bytes in
                DateWord.lengthsByFirstLetter.withUnsafeBufferPointer { masks in
                    #expect(DateWord.mayBeWord(bytes, 0..<bytes.count, masks) == expected, "\(run)")
                }
            }
        }
    }

    // MARK: - The reference: `section(named:)` as it was

    /// The runs of ASCII letters as Strings (the old `letterRuns`).
    static func referenceLetterRuns(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var runs: [String] = []
        _ = TextScan.firstLetterRun(in: bytes) { range in
            runs.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            return false
        }
        return runs
    }

    static func referenceSection(named text: String) -> ResumeSection? {
        typealias H = SectionHeadings
        guard text.utf8.count <= 96 else { return nil }
        let lowered: String
        if let ascii = text.withBorrowedUTF8({ bytes -> String?? in HTMLLines.isPlainASCIIByWords(bytes) ? .some(H.asciiHeadingText(bytes)) : .none }) {
            guard let text = ascii else { return nil }
            lowered = text
        } else {
            if H.withSymbolScalars(text, { bytes in !H.hasFirstWordRun(bytes) }) == true { return nil }
            lowered = TextScan.trim(TextScan.lowercased(text), H.headingPunctuation)
            guard lowered.count <= 48, !lowered.contains(where: { $0 == "@" || $0.isNumber }) else { return nil }
        }
        let words = LineFields.lowerWords(lowered)
        guard !words.isEmpty, words.count <= 6 else { return nil }
        var phraseIndices: [Int]?
        var otherIndices: [Int]?
        if let runs = TextScan.withPlainASCII(lowered, { referenceLetterRuns($0) }) {
            phraseIndices = H.distinctSorted(runs, H.phraseIndicesByFirstWord)
            otherIndices = H.distinctSorted(runs, H.otherIndicesByFirstWord)
        }
        var best: (position: Int, length: Int, section: ResumeSection)?
        for (phrase, section) in phraseIndices.map({ $0.map { H.phrases[$0] } }) ?? H.phrases {
            guard let position = H.wordPosition(of: phrase, in: lowered) else { continue }
            if best == nil || position < best!.position || (position == best!.position && phrase.count > best!.length) {
                best = (position, phrase.count, section)
            }
        }
        var firstOther: Int?
        for word in otherIndices.map({ $0.map { H.otherWords[$0] } }) ?? H.otherWords {
            if let position = H.wordPosition(of: word, in: lowered), firstOther == nil || position < firstOther! { firstOther = position }
        }
        if let other = firstOther, best == nil || (other < best!.position && best!.section != .certifications) {
            return .other
        }
        if let found = best, found.section == .experience, words.contains(where: { ["summary", "objective", "profile"].contains($0) }),
           !words.contains(where: { ["experience", "employment", "history"].contains($0) }) {
            return .summary
        }
        return best?.section
    }
}
