import Extraction

/// The only view of a candidate the scorer sees. It is built without the name, contact details,
/// location, birth date, gender, nationality, marital status, photo, schools or graduation years, so no
/// criterion can read them, and evidence lines that carry the name or contact details are dropped.
struct ScorableRecord: Sendable {
    struct Line: Sendable {
        var text: String
        /// The text lower-cased, or nil when the text is ASCII and stands for its lower-cased form:
        /// searches fold A–Z as they compare (`FoldedASCIISearch`) instead of reading a lower-cased copy,
        /// which cost an allocation per line of every file. (Nil rather than the text again: a second
        /// reference was a retain and a release of the text per line.)
        let loweredCopy: String?
        var line: Int
        var section: EvidenceText.Section
        /// The byte pairs of the lower-cased text, for `TermMatcher`'s quick rejection.
        var loweredPairs: BytePairs
        /// Whether `lowered` is the ASCII text as written, standing for its lower-cased form (`loweredCopy`
        /// is nil). Stored, not worked out from `loweredCopy`: the criteria's searches read it through a
        /// pointer to the line, where testing the optional string retained and released it.
        let foldsCase: Bool
        /// Where the UTF-8 bytes of `lowered` sit in the record's `loweredBytes`, so the criteria's
        /// searches read them without touching either string (each read of a string through a pointer
        /// was a retain and a release). Empty for a line made outside a record.
        let loweredByteRange: Range<Int>

        /// The text lower-cased, or, when `foldsCase`, the text as written.
        var lowered: String { loweredCopy ?? text }

        init(
            text: String, loweredCopy: String?, loweredPairs: BytePairs, line: Int, section: EvidenceText.Section,
            loweredByteRange: Range<Int> = 0..<0
        ) {
            self.text = text
            self.loweredCopy = loweredCopy
            self.line = line
            self.section = section
            self.loweredPairs = loweredPairs
            foldsCase = loweredCopy == nil
            self.loweredByteRange = loweredByteRange
        }

        /// `foldsCase`: `text` is ASCII and `lowered` is `text` (see `lowered`).
        init(text: String, lowered: String, loweredPairs: BytePairs, line: Int, section: EvidenceText.Section, foldsCase: Bool = false) {
            self.init(text: text, loweredCopy: foldsCase ? nil : lowered, loweredPairs: loweredPairs, line: line, section: section)
        }
    }

    struct EducationFacts: Sendable {
        var level: EducationLevel?
        var degree: String?
        var field: String?
        var line: Int
    }

    var positions: [Position]
    var education: [EducationFacts]
    var certificationIDs: [String]
    var certifications: [Certification]
    var experience: ExperienceSummary
    /// Visible text for competency and program evidence: duties, summary, skills, certifications.
    let lines: [Line]
    /// The UTF-8 bytes of every line's `lowered` text, back to back (line `i`'s at
    /// `lines[i].loweredByteRange`): the criteria search these rather than the lines' strings.
    let loweredBytes: [UInt8]
    /// Which lines may hold which terms, built once for all the criteria's terms.
    let pairIndex: LinePairIndex
    /// The byte pairs of each duty's lower-cased text, position by position and duty by duty (the
    /// first position's duties first), so a duty phrase test can rule most duties out without
    /// lower-casing them again. One array: an array per position was an allocation per position.
    let dutyPairs: [BytePairs]

    /// `dutyPairs` split by position (as `positions[p].duties[d]`).
    var dutyPairsByPosition: [[BytePairs]] {
        var first = 0
        return positions.map { position in
            defer { first += position.duties.count }
            return Array(dutyPairs[first..<first + position.duties.count])
        }
    }

    init(_ candidate: Candidate) {
        let personal = candidate.personal
        // Any of these in a line drops it: the name and contact details, then the personal-detail labels.
        // At least three characters: the two-character walk answers as `count >= 3` without counting
        // the whole text.
        var identifying: [ScorableLinesBuilder.Phrase] = []
        for detail in [personal.name, personal.email, personal.phone, personal.location] {
            guard let detail else { continue }
            let lowered = ASCIILowercasing.lowercased(detail) ?? detail.lowercased()
            if Self.hasThreeCharacters(lowered) { identifying.append((lowered, BytePairs(lowered))) }
        }
        positions = candidate.positions
        education = candidate.education.map { EducationFacts(level: $0.level, degree: $0.degree, field: $0.field, line: $0.line) }
        certifications = candidate.certifications
        certificationIDs = candidate.certifications.compactMap(\.id)
        experience = candidate.experience
        // Sized up front: one entry per `add` at most.
        let most = candidate.evidence.count + candidate.positions.reduce(0) { $0 + 1 + $1.duties.count }
            + candidate.skills.count + candidate.certifications.count + 1
        var builder = ScorableLinesBuilder(capacity: most, identifying: identifying, markerScreen: Self.personalDetailScreen)
        // By index rather than `for … in`: the iterator copied each evidence text, position and duty out
        // of its array (a retain and a release of each of their strings) only for one text to be read.
        // Education lines carry schools and graduation years; the education criterion reads the
        // structured level and field instead.
        for index in candidate.evidence.indices where candidate.evidence[index].section != .education {
            builder.add(candidate.evidence[index].text, line: candidate.evidence[index].line, section: candidate.evidence[index].section)
        }
        var dutyPairs: [BytePairs] = []
        dutyPairs.reserveCapacity(candidate.positions.reduce(0) { $0 + $1.duties.count })
        for position in candidate.positions.indices {
            builder.add(candidate.positions[position].title, line: candidate.positions[position].line, section: .position)
            for duty in candidate.positions[position].duties.indices {
                let line = candidate.positions[position].duties[duty].line
                dutyPairs.append(builder.add(candidate.positions[position].duties[duty].text, line: line, section: .position))
            }
        }
        for index in candidate.skills.indices { builder.add(candidate.skills[index], line: 0, section: .skills) }
        for index in candidate.certifications.indices {
            builder.add(candidate.certifications[index].name, line: candidate.certifications[index].line, section: .certification)
        }
        if let headline = candidate.headline { builder.add(headline, line: 0, section: .summary) }
        lines = builder.lines
        loweredBytes = builder.takeLoweredBytes()
        pairIndex = LinePairIndex(lines: lines)
        self.dutyPairs = dutyPairs
    }

    /// Whether `text` has at least three characters (`!text.dropFirst(2).isEmpty`), read from its first
    /// bytes when they are ASCII: `dropFirst` walked grapheme clusters (about 400 instructions per detail
    /// of every file). Three ASCII bytes, none a carriage return, open three characters: among ASCII
    /// only CR + LF is one cluster of two bytes, and no byte of a later character (a combining mark,
    /// say) joins the character before across an ASCII byte that is not CR. Text of fewer than three
    /// bytes has fewer than three characters. Anything else asks `dropFirst`.
    static func hasThreeCharacters(_ text: String) -> Bool {
        let opening = text.withBorrowedUTF8 { bytes -> Bool? in
            guard bytes.count >= 3 else { return false }
            for index in 0..<3 where bytes[index] >= 0x80 || bytes[index] == 0x0D { return nil }
            return true
        }
        return opening ?? !text.dropFirst(2).isEmpty
    }

    /// Labels of lines that state personal details rather than work ("Date of birth: …"). Labels, not
    /// topics: "gender pay gap analysis" is HR work and stays.
    static let personalDetailMarkers = [
        "date of birth", "birth date", "birthdate", "place of birth", "born:", "age:", "gender:", "sex:", "pronouns:",
        "marital status", "family status", "nationality:", "citizenship:", "religion:", "faith:",
    ].map { (text: $0, pairs: BytePairs($0)) }

    /// `personalDetailMarkers` grouped for the test every line gets (`PhraseScreen`), built once.
    static let personalDetailScreen = PhraseScreen(personalDetailMarkers)

    /// Whether `lowered` (with byte pairs `pairs`) holds any of `phrases`. This runs for every line of
    /// every file: the byte-pair test rules most phrases out before a byte search (Foundation's
    /// `contains` would bridge to NSString), and the table is read in place, so a phrase's text is only
    /// touched (and retained) when its pairs are all there.
    static func mentionsAny(of phrases: UnsafeBufferPointer<(text: String, pairs: BytePairs)>, lowered: String, pairs: BytePairs) -> Bool {
        mentionsAny(of: phrases, lowered: lowered, foldsCase: false, pairs: pairs)
    }

    /// `mentionsAny(of:lowered:pairs:)` where `lowered` may be ASCII text standing for its lower-cased
    /// form (`foldsCase`, see `Line`).
    static func mentionsAny(of phrases: UnsafeBufferPointer<(text: String, pairs: BytePairs)>, lowered: String, foldsCase: Bool, pairs: BytePairs) -> Bool {
        for index in phrases.indices where pairs.contains(phrases[index].pairs) {
            if foldsCase ? FoldedASCIISearch.contains(lowered, phrases[index].text) : TextScan.contains(lowered, phrases[index].text) { return true }
        }
        return false
    }

    /// The position held now (`Position.current(in:)`, the rule `Candidate.currentPosition` follows).
    var currentPosition: Position? { Position.current(in: positions) }

    var highestEducation: EducationFacts? {
        education.max { ($0.level?.rank ?? -1) < ($1.level?.rank ?? -1) }
    }
}
