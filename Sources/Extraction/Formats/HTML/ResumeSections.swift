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
        if let ascii = TextScan.withPlainASCII(text, { asciiHeadingText($0) }) {
            // Plain ASCII: nil when no run of letters is the first word of a phrase (nothing could match,
            // see below) or when the guards below fail; otherwise the same lower-cased, trimmed text.
            guard let text = ascii else { return nil }
            lowered = text
        } else {
            lowered = TextScan.trim(TextScan.lowercased(text), headingPunctuation)
            guard lowered.count <= 48, !lowered.contains(where: { $0 == "@" || $0.isNumber }) else { return nil }
        }
        let words = LineFields.lowerWords(lowered)
        guard !words.isEmpty, words.count <= 6 else { return nil }
        // In ASCII text a phrase can sit there as whole words only if its first word is one of the
        // text's runs of letters: only those phrases are searched, in their order in the list.
        var phraseIndices: [Int]?
        var otherIndices: [Int]?
        if let runs = TextScan.withPlainASCII(lowered, { letterRuns($0) }) {
            phraseIndices = Array(Set(runs.flatMap { phraseIndicesByFirstWord[$0] ?? [] })).sorted()
            otherIndices = Array(Set(runs.flatMap { otherIndicesByFirstWord[$0] ?? [] })).sorted()
        }
        var best: (position: Int, length: Int, section: ResumeSection)?
        for (phrase, section) in phraseIndices.map({ $0.map { phrases[$0] } }) ?? phrases {
            guard let position = wordPosition(of: phrase, in: lowered) else { continue }
            if best == nil || position < best!.position || (position == best!.position && phrase.count > best!.length) {
                best = (position, phrase.count, section)
            }
        }
        var firstOther: Int?
        for word in otherIndices.map({ $0.map { otherWords[$0] } }) ?? otherWords {
            if let position = wordPosition(of: word, in: lowered), firstOther == nil || position < firstOther! { firstOther = position }
        }
        // "Volunteer Experience" is not the experience we count; "Awards & Certifications" still holds
        // certifications.
        if let other = firstOther, best == nil || (other < best!.position && best!.section != .certifications) {
            return .other
        }
        // A summary word qualifies others ("Career Summary", "Skills Summary" stays skills).
        if let found = best, found.section == .experience, words.contains(where: { ["summary", "objective", "profile"].contains($0) }),
           !words.contains(where: { ["experience", "employment", "history"].contains($0) }) {
            return .summary
        }
        return best?.section
    }

    /// For plain ASCII text: its lower-cased form trimmed of `headingPunctuation` (whose ASCII members
    /// are space : . - | * #), or nil when that is over 48 characters, holds "@" or a digit, or when no
    /// run of letters is the first word of a phrase or other word, so that no phrase can match.
    private static func asciiHeadingText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let found = TextScan.firstLetterRun(in: bytes) { range in
            let run = UnsafeBufferPointer(rebasing: bytes[range])
            return firstWordsByLetter[Int(TextScan.lowerASCII(run[0]) &- 0x61)].contains { word in
                word.count == run.count && zip(word, run).allSatisfy { $0 == TextScan.lowerASCII($1) }
            }
        }
        guard found else { return nil }
        func isPunctuation(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x20, 0x3A, 0x2E, 0x2D, 0x7C, 0x2A, 0x23: true
            default: false
            }
        }
        var lower = 0
        var upper = bytes.count
        while lower < upper, isPunctuation(bytes[lower]) { lower += 1 }
        while upper > lower, isPunctuation(bytes[upper - 1]) { upper -= 1 }
        guard upper - lower <= 48 else { return nil }
        for byte in bytes[lower..<upper] where byte == 0x40 || TextScan.isASCIIDigit(byte) { return nil }
        return TextScan.lowercasedASCII(bytes, lower..<upper)
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

    /// The runs of ASCII letters in the bytes.
    private static func letterRuns(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var runs: [String] = []
        _ = TextScan.firstLetterRun(in: bytes) { range in
            runs.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            return false
        }
        return runs
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
        return line.isBold && !line.isListItem && line.text.split(separator: " ").count <= 6
    }

    /// Whether the text is written as a heading on its own: all capitals, or ends with a colon.
    static func looksLikeHeadingText(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return (letters.count >= 4 && letters.count <= 40 && letters.allSatisfy(\.isUppercase)) || text.hasSuffix(":")
    }
}
