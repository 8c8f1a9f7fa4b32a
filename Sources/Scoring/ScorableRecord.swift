import Extraction

/// The only view of a candidate the scorer sees. It is built without the name, contact details,
/// location, birth date, gender, nationality, marital status, photo, schools or graduation years, so no
/// criterion can read them, and evidence lines that carry the name or contact details are dropped.
struct ScorableRecord: Sendable {
    struct Line: Sendable {
        var text: String
        var lowered: String
        var line: Int
        var section: EvidenceText.Section
        /// The byte pairs of `lowered`, for `TermMatcher`'s quick rejection.
        var loweredPairs: BytePairs

        init(text: String, lowered: String, loweredPairs: BytePairs, line: Int, section: EvidenceText.Section) {
            self.text = text
            self.lowered = lowered
            self.line = line
            self.section = section
            self.loweredPairs = loweredPairs
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

    init(_ candidate: Candidate) {
        let personal = candidate.personal
        let identifying = [personal.name, personal.email, personal.phone, personal.location]
            .compactMap { $0?.lowercased() }.filter { $0.count >= 3 }
            .map { (text: $0, pairs: BytePairs($0)) }
        positions = candidate.positions
        education = candidate.education.map { EducationFacts(level: $0.level, degree: $0.degree, field: $0.field, line: $0.line) }
        certifications = candidate.certifications
        certificationIDs = candidate.certifications.compactMap(\.id)
        experience = candidate.experience
        var seen: Set<LineKey> = []
        var seenAsWritten: Set<LineKey> = []
        // Sized up front: growing a set re-hashes every line so far.
        let most = candidate.evidence.count + candidate.positions.reduce(0) { $0 + 1 + $1.duties.count }
            + candidate.skills.count + candidate.certifications.count + 1
        seen.reserveCapacity(most)
        seenAsWritten.reserveCapacity(most)
        var collected: [Line] = []
        func add(_ text: String, line: Int, section: EvidenceText.Section) {
            // Education lines carry schools and graduation years; the education criterion reads the
            // structured level and field instead.
            guard section != .education else { return }
            // The same text on the same line again (XML readers list each duty as evidence and as the
            // position's duty) ends the same way as the first time: skip it before any work.
            guard seenAsWritten.insert(LineKey(line: line, text: text)).inserted else { return }
            let lowered = TextScan.lowercased(text)  // `lowercased()`, cheaper for accented Latin text
            let loweredPairs = BytePairs(lowered)
            // This runs for every line of every file: the byte-pair test rules most phrases out before
            // a byte search (Foundation's `contains` would bridge to NSString).
            func mentions(_ phrase: (text: String, pairs: BytePairs)) -> Bool {
                loweredPairs.contains(phrase.pairs) && TextScan.contains(lowered, phrase.text)
            }
            guard !identifying.contains(where: mentions), !Self.personalDetailMarkers.contains(where: mentions) else { return }
            guard seen.insert(LineKey(line: line, text: lowered)).inserted else { return }
            collected.append(Line(text: text, lowered: lowered, loweredPairs: loweredPairs, line: line, section: section))
        }
        for evidence in candidate.evidence { add(evidence.text, line: evidence.line, section: evidence.section) }
        for position in candidate.positions {
            add(position.title, line: position.line, section: .position)
            for duty in position.duties { add(duty.text, line: duty.line, section: .position) }
        }
        for skill in candidate.skills { add(skill, line: 0, section: .skills) }
        for certification in candidate.certifications { add(certification.name, line: certification.line, section: .certification) }
        if let headline = candidate.headline { add(headline, line: 0, section: .summary) }
        lines = collected
    }

    /// Labels of lines that state personal details rather than work ("Date of birth: …"). Labels, not
    /// topics: "gender pay gap analysis" is HR work and stays.
    static let personalDetailMarkers = [
        "date of birth", "birth date", "birthdate", "place of birth", "born:", "age:", "gender:", "sex:", "pronouns:",
        "marital status", "family status", "nationality:", "citizenship:", "religion:", "faith:",
    ].map { (text: $0, pairs: BytePairs($0)) }

    /// A line is evidence once, however many fields repeat it.
    private struct LineKey: Hashable {
        var line: Int
        var text: String
    }

    /// The index of the first line `matcher` finds its term in. Through the array's buffer: a
    /// `first(where:)` closure copied each line (two strings retained and released) for every term.
    func firstLine(matching matcher: TermMatcher) -> Int? {
        lines.withUnsafeBufferPointer { lines in lines.indices.first { matcher.matches(lines[$0]) } }
    }

    var currentPosition: Position? {
        let current = positions.filter(\.current)
        let pool = current.isEmpty ? positions : current
        return pool.max { ($0.start ?? .distantPast) < ($1.start ?? .distantPast) }
    }

    var highestEducation: EducationFacts? {
        education.max { ($0.level?.rank ?? -1) < ($1.level?.rank ?? -1) }
    }
}
