import Foundation

/// The parts of a résumé the HTML extractors read differently.
enum ResumeSection: String, Sendable, Equatable {
    /// Before the first section heading: name, headline, contact details.
    case header
    case summary, experience, education, certifications, skills
    /// A section we do not read fields from (interests, references, awards …); its text is still evidence.
    case other

    var evidenceSection: EvidenceText.Section {
        switch self {
        case .summary: .summary
        case .experience: .position
        case .education: .education
        case .certifications: .certification
        case .skills: .skills
        case .header, .other: .other
        }
    }
}

/// Recognises section headings by their words and their markup.
enum SectionHeadings {
    /// Phrases per section, matched as words in a short heading. Order within the text decides mixed
    /// headings ("Education & Certifications" is education; certificates anywhere are still found).
    static let phrases: [(String, ResumeSection)] = [
        ("professional experience", .experience), ("work experience", .experience), ("employment history", .experience),
        ("work history", .experience), ("career history", .experience), ("professional history", .experience),
        ("relevant experience", .experience), ("experience", .experience), ("employment", .experience),
        ("career", .experience), ("professional background", .experience), ("positions held", .experience), ("work", .experience), ("erfahrung", .experience),
        ("berufserfahrung", .experience), ("expérience", .experience), ("experiencia", .experience),
        ("education", .education), ("academic", .education), ("academics", .education), ("degrees", .education),
        ("schooling", .education), ("ausbildung", .education), ("formation", .education), ("educación", .education),
        ("formación", .education), ("studies", .education), ("qualifications", .education),
        ("certifications", .certifications), ("certification", .certifications), ("certificates", .certifications),
        ("certificate", .certifications), ("licenses", .certifications), ("licences", .certifications),
        ("license", .certifications), ("licence", .certifications), ("credentials", .certifications),
        ("accreditations", .certifications), ("zertifikate", .certifications),
        ("skills", .skills), ("skill", .skills), ("competencies", .skills), ("competences", .skills),
        ("expertise", .skills), ("proficiencies", .skills), ("technologies", .skills), ("tools", .skills),
        ("kenntnisse", .skills), ("compétences", .skills), ("strengths", .skills), ("areas of strength", .skills),
        ("summary", .summary), ("profile", .summary), ("objective", .summary), ("about me", .summary), ("about", .summary),
        ("overview", .summary), ("introduction", .summary), ("profil", .summary), ("career objective", .summary),
        ("professional summary", .summary), ("career summary", .summary), ("summary of qualifications", .summary),
    ]

    /// Headings that look like a section word but are not the one we read ("Volunteer Experience",
    /// "References").
    static let otherWords = [
        "volunteer", "interests", "hobbies", "references", "publications", "awards", "honors", "honours", "activities",
        "languages", "projects", "affiliations", "memberships", "tips", "courses", "coursework", "training", "presentations",
        "patents", "personal", "additional information", "contact", "achievements", "accomplishments", "highlights",
        "details", "information", "portfolio", "links", "hobbies", "conferences",
    ]

    /// The section a heading's text names, if it is short enough to be a heading.
    static func section(named text: String) -> ResumeSection? {
        // Most lines are sentences: rule them out before any word matching.
        guard text.utf8.count <= 96 else { return nil }
        let lowered: String
        // (The plain-ASCII test by words: every line of every document comes here.)
        if let ascii = text.withBorrowedUTF8({ bytes -> String?? in HTMLLines.isPlainASCIIByWords(bytes) ? .some(asciiHeadingText(bytes)) : .none }) {
            // Plain ASCII: nil when no run of letters is the first word of a phrase (nothing could match,
            // see below) or when the guards below fail; otherwise the same lower-cased, trimmed text.
            guard let text = ascii else { return nil }
            lowered = text
        } else {
            // Text whose only other scalars are symbols and punctuation: as for ASCII, no phrase can
            // match unless a run of ASCII letters is the first word of one.
            if withSymbolScalars(text, { bytes in !hasFirstWordRun(bytes) }) == true { return nil }
            lowered = TextScan.trim(TextScan.lowercased(text), headingPunctuation)
            guard lowered.count <= 48, !lowered.contains(where: { $0 == "@" || $0.isNumber }) else { return nil }
        }
        // In ASCII text a phrase can sit there as whole words only if its first word is one of the
        // text's runs of letters: only those phrases are searched, in their order in the list. Plain
        // ASCII text (every heading of an ASCII line) is read once by byte: the words counted as
        // `LineFields.lowerWords` cuts them, and the candidate phrases marked in bit sets, with no
        // String per run or per word (building and looking those up was most of this function's cost).
        var wordCount: Int
        var phraseIndices: [Int]?
        var otherIndices: [Int]?
        var candidates: HeadingCandidates?
        if let scanned = TextScan.withPlainASCII(lowered, { bytes in (lowerWordCountASCII(bytes), HeadingCandidates(lowered: bytes)) }) {
            wordCount = scanned.0
            candidates = scanned.1
            if candidates == nil, let runs = TextScan.withPlainASCII(lowered, { letterRuns($0) }) {
                phraseIndices = distinctSorted(runs, phraseIndicesByFirstWord)
                otherIndices = distinctSorted(runs, otherIndicesByFirstWord)
            }
        } else {
            wordCount = lowerWordCount(lowered)
        }
        guard wordCount > 0, wordCount <= 6 else { return nil }
        var best: (position: Int, length: Int, section: ResumeSection)?
        func consider(_ phrase: String, _ section: ResumeSection) {
            guard let position = wordPosition(of: phrase, in: lowered) else { return }
            if best == nil || position < best!.position || (position == best!.position && phrase.count > best!.length) {
                best = (position, phrase.count, section)
            }
        }
        var firstOther: Int?
        func considerOther(_ word: String) {
            if let position = wordPosition(of: word, in: lowered), firstOther == nil || position < firstOther! { firstOther = position }
        }
        if let candidates {
            // Made only for plain ASCII `lowered`: the phrases are found in its bytes
            // (`asciiWordPosition`, what `wordPosition` gives there).
            let lengths = phraseLengths
            let phraseBytes = phraseUTF8
            let otherBytes = otherWordUTF8
            _ = TextScan.withPlainASCII(lowered) { text in
                candidates.phrases.forEach { index in
                    guard let position = asciiWordPosition(of: phraseBytes[index], in: text) else { return }
                    if best == nil || position < best!.position || (position == best!.position && lengths[index] > best!.length) {
                        best = (position, lengths[index], phrases[index].1)
                    }
                }
                candidates.others.forEach { index in
                    if let position = asciiWordPosition(of: otherBytes[index], in: text), firstOther == nil || position < firstOther! {
                        firstOther = position
                    }
                }
            }
        } else {
            for (phrase, section) in phraseIndices.map({ $0.map { phrases[$0] } }) ?? phrases { consider(phrase, section) }
            for word in otherIndices.map({ $0.map { otherWords[$0] } }) ?? otherWords { considerOther(word) }
        }
        // "Volunteer Experience" is not the experience we count; "Awards & Certifications" still holds
        // certifications.
        if let other = firstOther, best == nil || (other < best!.position && best!.section != .certifications) {
            return .other
        }
        // A summary word qualifies others ("Career Summary", "Skills Summary" stays skills).
        if let found = best, found.section == .experience, summaryWordQualifies(lowered) {
            return .summary
        }
        return best?.section
    }

    /// For plain ASCII text: its lower-cased form trimmed of `headingPunctuation` (whose ASCII members
    /// are space : . - | * #), or nil when that is over 48 characters, holds "@" or a digit, or when no
    /// run of letters is the first word of a phrase or other word, so that no phrase can match.
    static func asciiHeadingText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func isPunctuation(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x20, 0x3A, 0x2E, 0x2D, 0x7C, 0x2A, 0x23: true
            default: false
            }
        }
        // The cheap tests first: the length, then "@" and digits. The trimmed ends hold no letters, so
        // the runs of letters are all inside.
        var lower = 0
        var upper = bytes.count
        while lower < upper, isPunctuation(bytes[lower]) { lower += 1 }
        while upper > lower, isPunctuation(bytes[upper - 1]) { upper -= 1 }
        guard upper - lower <= 48 else { return nil }
        for byte in bytes[lower..<upper] where byte == 0x40 || TextScan.isASCIIDigit(byte) { return nil }
        guard hasFirstWordRun(UnsafeBufferPointer(rebasing: bytes[lower..<upper])) else { return nil }
        return TextScan.lowercasedASCII(bytes, lower..<upper)
    }

    /// Whether some maximal run of ASCII letters in the UTF-8 bytes is, lower-cased, the first word of a
    /// phrase or other word (`firstWordsByLetter`). Bytes of other scalars end a run like any non-letter.
    static func hasFirstWordRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most runs are ruled out by their first letter and length alone (one bit test) before any word
        // is compared; the tables are read once per text, not once per run.
        let lengthMasks = firstWordLengthMasks
        return firstWordsByLetter.withUnsafeBufferPointer { buckets in
            var index = 0
            while index < bytes.count {
                guard TextScan.isASCIILetter(bytes[index]) else {
                    index += 1
                    continue
                }
                let start = index
                index += 1
                while index < bytes.count, TextScan.isASCIILetter(bytes[index]) { index += 1 }
                let length = index - start
                let letter = Int(TextScan.lowerASCII(bytes[start]) &- 0x61)
                guard length < 64, lengthMasks[letter] & (1 << UInt64(length)) != 0 else { continue }
                for word in buckets[letter] where word.count == length {
                    var offset = 1
                    while offset < length, word[offset] == TextScan.lowerASCII(bytes[start + offset]) { offset += 1 }
                    if offset == length { return true }
                }
            }
            return false
        }
    }

    /// Runs `body` on the UTF-8 bytes of `text` when every scalar is ASCII or a symbol or punctuation
    /// mark of U+0080–U+00BF (but for the letters ª µ º), U+2000–U+206F, U+20A0–U+20CF or
    /// U+2190–U+2BFF (dashes, quotes, bullets, no-break space, currency, arrows, shapes); nil otherwise.
    /// Lower-casing maps those to scalars of the same ranges (circled Ⓐ to ⓐ; most stay as they are),
    /// never to ASCII or to a letter of a phrase (a test checks each): so the runs of ASCII letters of
    /// the lower-cased text are those of the text, lower-cased, and a phrase can only match at one.
    static func withSymbolScalars<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        text.withBorrowedUTF8 { bytes -> R? in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    index += 1
                } else if lead == 0xC2 {
                    // U+0080–U+00BF.
                    guard index + 1 < bytes.count else { return nil }
                    let value = UInt32(bytes[index + 1] & 0x3F) | 0x80
                    guard value != 0xAA, value != 0xB5, value != 0xBA else { return nil }
                    index += 2
                } else if lead == 0xE2 {
                    guard index + 2 < bytes.count else { return nil }
                    let value = 0x2000 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | (UInt32(bytes[index + 2]) & 0x3F)
                    guard (0x2000...0x206F).contains(value) || (0x20A0...0x20CF).contains(value) || (0x2190...0x2BFF).contains(value) else { return nil }
                    index += 3
                } else {
                    return nil
                }
            }
            return body(bytes)
        }
    }

    /// The first words of the phrases and other words that are ASCII letters (others cannot be a run of
    /// ASCII letters), as bytes, by first letter (a–z).
    static let firstWordsByLetter: [[[UInt8]]] = {
        var buckets = [[[UInt8]]](repeating: [], count: 26)
        for word in Set(Array(phraseIndicesByFirstWord.keys) + Array(otherIndicesByFirstWord.keys)) {
            let bytes = Array(word.utf8)
            guard !bytes.isEmpty, bytes.allSatisfy(TextScan.isASCIILower) else { continue }
            buckets[Int(bytes[0] - 0x61)].append(bytes)
        }
        return buckets
    }()

    /// For each first letter (a–z), bit n set when some word of `firstWordsByLetter` has n letters.
    static let firstWordLengthMasks: [UInt64] = firstWordsByLetter.map { words in
        words.reduce(0) { mask, word in word.count < 64 ? mask | 1 << UInt64(word.count) : mask }
    }

    /// The runs of ASCII letters in the bytes.
    private static func letterRuns(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var runs: [String] = []
        _ = TextScan.firstLetterRun(in: bytes) { range in
            runs.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            return false
        }
        return runs
    }

    /// `Array(Set(runs.flatMap { table[$0] ?? [] })).sorted()`: the indices marked in a bit set of four
    /// words, read back in order (the lists have fewer than 256 entries; larger indices take the Set).
    static func distinctSorted(_ runs: [String], _ table: [String: [Int]]) -> [Int] {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for run in runs {
            guard let indices = table[run] else { continue }
            for index in indices {
                guard index >= 0, index < 256 else { return Array(Set(runs.flatMap { table[$0] ?? [] })).sorted() }
                let bit = UInt64(1) << UInt64(index & 63)
                switch index >> 6 {
                case 0: words.0 |= bit
                case 1: words.1 |= bit
                case 2: words.2 |= bit
                default: words.3 |= bit
                }
            }
        }
        var result: [Int] = []
        for offset in 0..<4 {
            var rest: UInt64
            switch offset {
            case 0: rest = words.0
            case 1: rest = words.1
            case 2: rest = words.2
            default: rest = words.3
            }
            while rest != 0 {
                result.append(offset * 64 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return result
    }

    /// The first word of a phrase: up to its first space.
    private static func firstWord(_ phrase: String) -> String {
        String(phrase.prefix { $0 != " " })
    }

    static let phraseIndicesByFirstWord: [String: [Int]] = Dictionary(grouping: phrases.indices, by: { firstWord(phrases[$0].0) })
    static let otherIndicesByFirstWord: [String: [Int]] = Dictionary(grouping: otherWords.indices, by: { firstWord(otherWords[$0]) })

    static let headingPunctuation: Set<Character> = [" ", ":", ".", "-", "–", "—", "|", "·", "•", "*", "#"]

    /// Where `phrase` occurs in `text` as whole words (an offset for ordering), if it does.
    static func wordPosition(of phrase: String, in text: String) -> Int? {
        TextScan.wordPosition(of: phrase, in: text)
    }

    /// Whether the markup presents the line as a heading: `<h1>`…`<h6>`, a section-title class, a label
    /// cell, or a short line that is bold throughout.
    static func isMarkedHeading(_ line: HTMLLine) -> Bool {
        if line.headingLevel != nil || line.hasSectionTitleClass || line.isLabelCell { return true }
        // (`spaceWordCount` is that split's count, without building the words.)
        return line.isBold && !line.isListItem && TextScan.spaceWordCount(line.text) <= 6
    }

    /// Whether the text is written as a heading on its own: all capitals, or ends with a colon.
    static func looksLikeHeadingText(_ text: String) -> Bool {
        // Plain ASCII: each byte a `Character`, a letter exactly when an ASCII letter, upper-case when
        // A–Z; counted by byte rather than by filtering a copy character by character.
        if let asciiAnswer = TextScan.withPlainASCII(text, { bytes -> Bool in
            var letters = 0
            var allUpper = true
            for byte in bytes where TextScan.isASCIILetter(byte) {
                letters += 1
                if !TextScan.isASCIIUpper(byte) { allUpper = false }
            }
            return (letters >= 4 && letters <= 40 && allUpper) || bytes.last == 0x3A
        }) {
            return asciiAnswer
        }
        let letters = text.filter(\.isLetter)
        return (letters.count >= 4 && letters.count <= 40 && letters.allSatisfy(\.isUppercase)) || text.hasSuffix(":")
    }
}
