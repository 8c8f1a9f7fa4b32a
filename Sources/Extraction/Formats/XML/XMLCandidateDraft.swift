import Markup

/// Collects what an XML extractor reads into a `Candidate`, keeping the evidence list in step with the
/// fields (every title, duty, skill text and certificate is also evidence, with its line) and applying
/// the rules every XML vocabulary shares: placeholders dropped, certifications given canonical ids and
/// not repeated, skills not repeated, implausible years flagged.
struct XMLCandidateDraft {
    private(set) var candidate: Candidate
    /// The evidence so far as a set, once the list reaches `linearEvidenceLimit` lines (see
    /// `evidenceListHolds`); empty, and never allocated, before.
    private var seenEvidence: Set<EvidenceText> = []
    /// The highest line of any evidence in the list (`Int.min` while it is empty).
    private var highestEvidenceLine = Int.min
    private var seenSkills = SeenKeys()
    private var seenCertifications = SeenKeys()

    /// Up to this many evidence lines, a new one is checked against the list itself.
    static let linearEvidenceLimit = 128

    /// The room a list of positions or skills is given when its first entry comes: a résumé names some
    /// four to eight of each, so one allocation holds them where growing the list took three or four.
    static let initialListCapacity = 8

    init(source: String, format: ResumeFormat) {
        candidate = Candidate(source: source, format: format)
        // An HR-XML résumé gives some fifty to a hundred evidence lines (every title and duty): room
        // for the usual count at once, rather than growing the list through six smaller ones.
        candidate.evidence.reserveCapacity(64)
    }

    var personal: PersonalDetails {
        get { candidate.personal }
        set { candidate.personal = newValue }
    }

    var positions: [Position] { candidate.positions }

    mutating func warn(_ message: String) {
        if !candidate.warnings.contains(message) { candidate.warnings.append(message) }
    }

    mutating func setHeadline(_ text: String?, line: Int) {
        guard candidate.headline == nil, let value = XMLValues.meaningful(text) else { return }
        candidate.headline = value
        addEvidence(meaningful: value, line: line, section: .summary)
    }

    mutating func addEvidence(_ text: String?, line: Int, section: EvidenceText.Section) {
        guard let value = XMLValues.meaningful(text) else { return }
        addEvidence(meaningful: value, line: line, section: section)
    }

    /// `addEvidence` of a text that is `XMLValues.meaningful` already (its own result): a title, skill or
    /// duty just made meaningful is not collapsed and checked against the placeholders a second time.
    private mutating func addEvidence(meaningful value: String, line: Int, section: EvidenceText.Section) {
        let evidence = EvidenceText(value, line: line, section: section)
        if candidate.evidence.count < Self.linearEvidenceLimit {
            guard !evidenceListHolds(evidence) else { return }
            highestEvidenceLine = max(highestEvidenceLine, evidence.line)
            candidate.evidence.append(evidence)
            if candidate.evidence.count == Self.linearEvidenceLimit { seenEvidence = Set(candidate.evidence) }
        } else if seenEvidence.insert(evidence).inserted {
            candidate.evidence.append(evidence)
        }
    }

    /// Whether the evidence list holds one equal to `evidence`. Equal evidence has the same line, so
    /// the scan compares line numbers first: a résumé gives a few dozen lines, and hashing each text
    /// (and allocating a set's table, which cost more than reading a position) was most of adding one.
    /// Past `linearEvidenceLimit` lines the set answers instead, so a huge document stays linear.
    ///
    /// Evidence past the highest line listed so far cannot be in the list, and is answered without the
    /// scan: readers go through a document in order, so most new lines are such (every duty of a position).
    private func evidenceListHolds(_ evidence: EvidenceText) -> Bool {
        guard evidence.line <= highestEvidenceLine else { return false }
        return candidate.evidence.withUnsafeBufferPointer { list in
            for index in list.indices where list[index].line == evidence.line {
                if list[index].section == evidence.section && list[index].text == evidence.text { return true }
            }
            return false
        }
    }

    mutating func addEvidence(lines: [MarkupText], section: EvidenceText.Section) {
        for line in lines { addEvidence(line.value, line: line.line, section: section) }
    }

    /// Adds a position with its title and duties as evidence. The duties' joined text becomes the
    /// description when none is given. `dutiesAreMeaningful` says each duty's text is its own
    /// `XMLValues.meaningful` already, as `XMLRichText.evidence` and `XMLRichText.lines` make them: they
    /// are then added as evidence without collapsing each again (a duty line was read twice over).
    /// `fieldsAreMeaningful` says the same of the title (or "" for none), employer and location, as a
    /// reader that takes them from `xmlValue` and `XMLValues.joined` has them: they are kept as given.
    mutating func addPosition(_ position: consuming Position, dutiesAreMeaningful: Bool = false, fieldsAreMeaningful: Bool = false) {
        // The position is read here and moved into the list last: appended first, it was copied (every
        // string and the duties retained) because the checks below still read it.
        if !fieldsAreMeaningful {
            // Set only when it changes: setting the title works out its facts again (`Position.titleIsHR`).
            let title = XMLValues.meaningful(position.title) ?? ""
            if title != position.title { position.title = title }
            position.employer = XMLValues.meaningful(position.employer)
            position.location = XMLValues.meaningful(position.location)
        }
        if position.current { position.end = nil }
        if position.description == nil, !position.duties.isEmpty {
            position.description = Self.joinedLines(position.duties)
        }
        let number = candidate.positions.count + 1
        if position.title.isEmpty {
            warn("position \(number)\(position.employer.map { " at \($0)" } ?? "") has no title")
        }
        // The title was made meaningful above (or is empty, which adds nothing).
        if !position.title.isEmpty { addEvidence(meaningful: position.title, line: position.line, section: .position) }
        if dutiesAreMeaningful {
            for duty in position.duties { addEvidence(meaningful: duty.text, line: duty.line, section: .position) }
        } else {
            for duty in position.duties { addEvidence(duty.text, line: duty.line, section: .position) }
        }
        if position.start != nil && position.end == nil && !position.current {
            warn("position \(number) (\(position.title)) has a start, no end and is not marked current: it adds no experience")
        }
        var implausibleYear: Int?
        if let start = position.start, !Self.isPlausible(start) {
            implausibleYear = start.year
        } else if let end = position.end, !Self.isPlausible(end) {
            implausibleYear = end.year
        }
        if let implausibleYear {
            warn("position \(number) (\(position.title)) has the implausible year \(implausibleYear)")
        }
        // Room for the usual handful of positions at once, not a list grown from one through two and four.
        if candidate.positions.isEmpty { candidate.positions.reserveCapacity(Self.initialListCapacity) }
        candidate.positions.append(position)
    }

    /// The duties' texts joined with line feeds, copied into one string of the right size: the generic
    /// `joined` grew its result duty by duty, after a list of the texts was made for it.
    static func joinedLines(_ duties: [EvidenceText]) -> String {
        var byteCount = duties.count - 1
        for index in duties.indices { byteCount += duties[index].text.utf8.count }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var offset = 0
            for index in duties.indices {
                if index > 0 {
                    buffer[offset] = UInt8(ascii: "\n")
                    offset += 1
                }
                var text = duties[index].text
                text.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<(offset + bytes.count)]).initialize(from: bytes)
                    offset += bytes.count
                }
            }
            return offset
        }
    }

    /// Adds an education entry with its summary as evidence. `fieldsAreMeaningful` says the degree, field
    /// and institution are each nil or their own `XMLValues.meaningful` already (as `xmlValue` gives them):
    /// they are kept as given rather than collapsed and checked against the placeholders again.
    mutating func addEducation(_ education: Education, fieldsAreMeaningful: Bool = false) {
        var education = education
        if !fieldsAreMeaningful {
            education.degree = XMLValues.meaningful(education.degree)
            education.field = XMLValues.meaningful(education.field)
            education.institution = XMLValues.meaningful(education.institution)
        }
        guard education.degree != nil || education.institution != nil || education.field != nil || education.level != nil else { return }
        if education.level == nil {
            education.level = [education.degree, education.field].compactMap { $0 }.lazy.compactMap(EducationLevels.level(ofDegree:)).first
        }
        candidate.education.append(education)
        // Each part is meaningful and keeps its ends ("(" + field + ")", "– " + institution), so the parts
        // are joined as they are, and the summary is meaningful too: no placeholder holds a bracket or a
        // space. (The general `joined` and `addEvidence` collapsed every part and the summary again.)
        if let summary = Self.educationSummary(degree: education.degree, field: education.field, institution: education.institution) {
            addEvidence(meaningful: summary, line: education.line, section: .education)
        }
    }

    /// `XMLValues.joined(values: [degree, field.map { "(\($0))" }, institution.map { "– \($0)" }])`, the
    /// parts copied once into a string of the summed size: the bracketed field and the dashed institution
    /// were strings of their own (two allocations) in a list (a third) before the join copied them again.
    static func educationSummary(degree: String?, field: String?, institution: String?) -> String? {
        var partCount = 0
        var byteCount = 0
        if let degree {
            partCount += 1
            byteCount += degree.utf8.count
        }
        if let field {
            partCount += 1
            byteCount += field.utf8.count + 2
        }
        if let institution {
            partCount += 1
            byteCount += institution.utf8.count + Self.institutionDash.utf8.count
        }
        guard partCount > 0 else { return nil }
        byteCount += partCount - 1
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var offset = 0
            func append(_ byte: UInt8) {
                buffer[offset] = byte
                offset += 1
            }
            func append(_ text: String) {
                var text = text
                text.withUTF8 { bytes in
                    offset += UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: bytes)
                }
            }
            if let degree { append(degree) }
            if let field {
                if degree != nil { append(0x20) }
                append(UInt8(ascii: "("))
                append(field)
                append(UInt8(ascii: ")"))
            }
            if let institution {
                if degree != nil || field != nil { append(0x20) }
                append(Self.institutionDash)
                append(institution)
            }
            return offset
        }
    }

    /// What stands before the institution in an education summary: an en dash and a space.
    static var institutionDash: String { "– " }

    /// Adds a certification (canonical id looked up from its name, then from `alsoLookIn` such as an
    /// HR-XML `Id`, unless `canonicalLookup` is false, as for driving licences), unless one with the
    /// same name is already there.
    mutating func addCertification(
        name: String?, date: PartialDate? = nil, line: Int, canonicalLookup: Bool = true, alsoLookIn: String? = nil
    ) {
        guard let name = XMLValues.meaningful(name) else { return }
        // `TextScan.lowercased` is `lowercased()`, without a new string for ASCII already in lower case.
        let key = TextScan.lowercased(name)
        guard seenCertifications.insert(key) else { return }
        let id = canonicalLookup
            ? CertificationCatalog.firstID(in: name) ?? alsoLookIn.flatMap(CertificationCatalog.firstID(in:))
            : nil
        candidate.certifications.append(Certification(name: name, id: id, date: date, line: line))
        addEvidence(meaningful: name, line: line, section: .certification)
    }

    mutating func addSkill(_ name: String?, line: Int) {
        guard let name = XMLValues.meaningful(name) else { return }
        guard seenSkills.insert(TextScan.lowercased(name)) else { return }
        if candidate.skills.isEmpty { candidate.skills.reserveCapacity(Self.initialListCapacity) }
        candidate.skills.append(name)
        addEvidence(meaningful: name, line: line, section: .skills)
    }

    /// The candidate as read, in document order.
    func finished() -> Candidate {
        candidate
    }

    static func isPlausible(_ date: PartialDate) -> Bool {
        (1900...2100).contains(date.year)
    }
}

extension XMLCandidateDraft {
    /// Start, end and current flag of a period, whatever the vocabulary calls its parts.
    struct Period {
        var start: PartialDate?
        var end: PartialDate?
        var current: Bool
        /// True when `current` was concluded from a start without an end rather than stated.
        var currentInferred = false

        static let empty = Period(start: nil, end: nil, current: false)
        var isEmpty: Bool { start == nil && end == nil && !current }
    }

    /// Builds a period from the values of a start and an end element and an explicit current flag
    /// (`Current`, `CurrentIndicator`, `Ongoing`): nil when the flag is absent.
    ///
    /// A start with no end and no flag is read as running to the present: structured exports leave the
    /// end empty for the job a person holds now (NAV's EURES export, Europass editors), and a job with
    /// a start and no end cannot be counted any other way. The caller warns when that was inferred.
    static func period(start: XMLDateValue?, end: XMLDateValue?, currentFlag: Bool?) -> Period {
        var period = Period.empty
        period.start = start?.startDate
        if start?.isPresent == true { period.current = true }
        if case .range(let rangeStart, let rangeEnd, let rangeCurrent)? = start, end == nil {
            // "2001-2002" written in the start field alone.
            period.start = rangeStart
            period.end = rangeEnd
            period.current = rangeCurrent
        }
        if let end {
            if end.isPresent { period.current = true } else if let date = end.endDate { period.end = date }
        }
        if let currentFlag {
            period.current = currentFlag || (period.current && period.end == nil)
        } else if period.start != nil, period.end == nil, !period.current, end == nil {
            period.current = true
            period.currentInferred = true
        }
        if period.current { period.end = nil }
        return period
    }
}

/// The lower-cased names of the skills (or certifications) added so far, to add each once. A résumé
/// names a handful: a list compared string by string answers sooner than a set that hashes each name
/// and grows its table from one through two, four and eight. Past `linearLimit` names a set takes over.
struct SeenKeys {
    private var list: [String] = []
    private var set: Set<String> = []
    static let linearLimit = 32

    /// Adds `key`; false when it was there already (as `Set.insert(_:).inserted`).
    mutating func insert(_ key: String) -> Bool {
        guard list.count < Self.linearLimit else { return set.insert(key).inserted }
        if list.contains(key) { return false }
        // Room for the usual handful of names at once (see `XMLCandidateDraft.initialListCapacity`).
        if list.isEmpty { list.reserveCapacity(XMLCandidateDraft.initialListCapacity) }
        list.append(key)
        if list.count == Self.linearLimit { set = Set(list) }
        return true
    }
}
