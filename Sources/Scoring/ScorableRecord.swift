import Extraction

/// The only view of a candidate the scorer sees. It is built without the name, contact details,
/// location, birth date, gender, nationality, marital status, photo, schools or graduation years, so no
/// criterion can read them, and evidence lines that carry the name or contact details are dropped.
struct ScorableRecord: Sendable {
    struct Line: Sendable {
        var text: String
        /// The text lower-cased, or, when `foldsCase`, the text as written.
        var lowered: String
        var line: Int
        var section: EvidenceText.Section
        /// The byte pairs of the lower-cased text, for `TermMatcher`'s quick rejection.
        var loweredPairs: BytePairs
        /// Whether `lowered` is the ASCII text as written, standing for its lower-cased form: searches
        /// fold A–Z as they compare (`FoldedASCIISearch`) instead of reading a lower-cased copy, which
        /// cost an allocation per line of every file.
        var foldsCase: Bool

        init(text: String, lowered: String, loweredPairs: BytePairs, line: Int, section: EvidenceText.Section, foldsCase: Bool = false) {
            self.text = text
            self.lowered = lowered
            self.line = line
            self.section = section
            self.loweredPairs = loweredPairs
            self.foldsCase = foldsCase
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
    /// Which lines may hold which terms, built once for all the criteria's terms.
    let pairIndex: LinePairIndex
    /// For each position, the byte pairs of each duty's lower-cased text (as `positions[p].duties[d]`),
    /// so a duty phrase test can rule most duties out without lower-casing them again.
    let dutyPairs: [[BytePairs]]

    init(_ candidate: Candidate) {
        let personal = candidate.personal
        let identifying = [personal.name, personal.email, personal.phone, personal.location]
            .compactMap { $0?.lowercased() }.filter { $0.count >= 3 }
            .map { (text: $0, pairs: BytePairs($0)) }
        // Any of these in a line drops it: the name and contact details, then the personal-detail labels,
        // in one table read in place for every line.
        let excluded = identifying + Self.personalDetailMarkers
        positions = candidate.positions
        education = candidate.education.map { EducationFacts(level: $0.level, degree: $0.degree, field: $0.field, line: $0.line) }
        certifications = candidate.certifications
        certificationIDs = candidate.certifications.compactMap(\.id)
        experience = candidate.experience
        // Sized up front: one entry per `add` at most.
        let most = candidate.evidence.count + candidate.positions.reduce(0) { $0 + 1 + $1.duties.count }
            + candidate.skills.count + candidate.certifications.count + 1
        var seen = SeenLineTexts(capacity: most)
        var seenAsWritten = SeenLineTexts(capacity: most)
        // The lower-cased pairs of each text as written, by its ordinal in `seenAsWritten`: a repeat
        // has the pairs of its first occurrence (the same text lower-cases the same way).
        var pairsAsWritten: [BytePairs] = []
        pairsAsWritten.reserveCapacity(most)
        var collected: [Line] = []
        collected.reserveCapacity(most)
        /// The byte pairs of `text` lower-cased (nil for education lines, never lower-cased).
        @discardableResult
        func add(_ text: String, line: Int, section: EvidenceText.Section) -> BytePairs? {
            // Education lines carry schools and graduation years; the education criterion reads the
            // structured level and field instead.
            guard section != .education else { return nil }
            // The same text on the same line again (XML readers list each duty as evidence and as the
            // position's duty) ends the same way as the first time: skip it before any work.
            let asWritten = seenAsWritten.insert(line: line, text: text)
            guard asWritten.inserted else { return pairsAsWritten[asWritten.ordinal] }
            // ASCII text stands for its lower-cased form (see `Line.foldsCase`); other text is lower-cased.
            let loweredPairs: BytePairs
            let lowered: String
            let foldsCase: Bool
            if let pairs = ASCIILowercasing.pairsOfLowercased(text) {
                (loweredPairs, lowered, foldsCase) = (pairs, text, true)
            } else {
                lowered = TextScan.lowercased(text)
                (loweredPairs, foldsCase) = (BytePairs(lowered), false)
            }
            pairsAsWritten.append(loweredPairs)
            guard !excluded.withUnsafeBufferPointer({ Self.mentionsAny(of: $0, lowered: lowered, foldsCase: foldsCase, pairs: loweredPairs) }) else { return loweredPairs }
            guard seen.insert(line: line, text: lowered, foldsCase: foldsCase).inserted else { return loweredPairs }
            collected.append(Line(text: text, lowered: lowered, loweredPairs: loweredPairs, line: line, section: section, foldsCase: foldsCase))
            return loweredPairs
        }
        for evidence in candidate.evidence { add(evidence.text, line: evidence.line, section: evidence.section) }
        var dutyPairs: [[BytePairs]] = []
        dutyPairs.reserveCapacity(candidate.positions.count)
        for position in candidate.positions {
            add(position.title, line: position.line, section: .position)
            dutyPairs.append(position.duties.map { duty in
                add(duty.text, line: duty.line, section: .position) ?? BytePairs(TextScan.lowercased(duty.text))
            })
        }
        for skill in candidate.skills { add(skill, line: 0, section: .skills) }
        for certification in candidate.certifications { add(certification.name, line: certification.line, section: .certification) }
        if let headline = candidate.headline { add(headline, line: 0, section: .summary) }
        lines = collected
        pairIndex = LinePairIndex(collected.map(\.loweredPairs))
        self.dutyPairs = dutyPairs
    }

    /// Labels of lines that state personal details rather than work ("Date of birth: …"). Labels, not
    /// topics: "gender pay gap analysis" is HR work and stays.
    static let personalDetailMarkers = [
        "date of birth", "birth date", "birthdate", "place of birth", "born:", "age:", "gender:", "sex:", "pronouns:",
        "marital status", "family status", "nationality:", "citizenship:", "religion:", "faith:",
    ].map { (text: $0, pairs: BytePairs($0)) }

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

    /// The latest-starting current position, else the latest-starting position (the first of equals,
    /// as `max(by:)` gives). Read in place: the scorer asks four times per assessment, and the array of
    /// current positions this was once picked from cost an allocation and a copy of each.
    var currentPosition: Position? {
        positions.withUnsafeBufferPointer { positions -> Position? in
            var anyCurrent = false
            for index in positions.indices where positions[index].current {
                anyCurrent = true
                break
            }
            var best = -1
            for index in positions.indices where !anyCurrent || positions[index].current {
                if best < 0 || (positions[best].start ?? .distantPast) < (positions[index].start ?? .distantPast) { best = index }
            }
            return best < 0 ? nil : positions[best]
        }
    }

    var highestEducation: EducationFacts? {
        education.max { ($0.level?.rank ?? -1) < ($1.level?.rank ?? -1) }
    }
}
