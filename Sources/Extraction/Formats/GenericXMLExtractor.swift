import Markup

/// Any XML document no other extractor recognises (it is last in the registry): a generic walk that
/// reads what element names and text make plain — a person's name, records that hold a date range
/// (jobs and studies), certifications, degrees and skills — and keeps every text as evidence, with a
/// warning that says the vocabulary was unknown. HTML documents are never taken.
struct GenericXMLExtractor: ResumeExtractor {
    var format: ResumeFormat { .xml }

    func recognises(_ document: MarkupDocument) -> Bool {
        guard document.kind == .xml, let root = document.root else { return false }
        return root.name.lowercased() != "html"
    }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        var draft = XMLCandidateDraft(source: context.source, format: format)
        guard let root = document.root else { return draft.finished() }
        draft.warn("unknown XML vocabulary \(root.name) (\(root.namespace ?? "no namespace")): read as plain text")
        let walk = GenericXMLWalk(root: root, context: context)
        walk.read(into: &draft)
        return draft.finished()
    }
}

/// The heuristics of the generic walk, by lower-cased local element name.
struct GenericXMLWalk {
    let root: MarkupElement
    let context: ExtractionContext

    func read(into draft: inout XMLCandidateDraft) {
        var personal = draft.personal
        personal.name = personName()
        personal.email = firstLeaf { name, value in name.contains("email") || (name == "contact" && value.contains("@")) }
        personal.phone = firstLeaf { name, _ in name.contains("phone") || name.contains("mobile") || name == "tel" || name == "telephone" }
        draft.personal = personal

        readRecordsAndItems(into: &draft)
        readCertifications(into: &draft)
        readEvidence(into: &draft)
    }

    // MARK: - Name

    static let fullNameElements: Set<String> = ["formattedname", "fullname", "personname", "candidatename", "name", "displayname"]
    static let givenNameElements: Set<String> = ["firstname", "givenname", "forename", "first", "given", "first_name", "given_name"]
    static let familyNameElements: Set<String> = ["surname", "lastname", "familyname", "last", "family", "last_name", "family_name"]
    /// Names under these belong to someone other than the candidate (referees, employers, authors …).
    static let otherPeople = ["refer", "supplier", "employer", "company", "organi", "school", "institution", "recruit", "author", "agent", "contactperson", "manager"]

    func personName() -> String? {
        var found: String?
        root.forEachDescendant { element in
            guard found == nil else { return }
            let name = element.name.lowercased()
            guard Self.fullNameElements.contains(name) || Self.givenNameElements.contains(name) else { return }
            guard !Self.belongsToSomeoneElse(element) else { return }
            if Self.givenNameElements.contains(name), let parent = element.parent {
                let family = parent.children.first { Self.familyNameElements.contains($0.name.lowercased()) }
                if let joined = XMLValues.joined([element.xmlValue, family?.xmlValue]), family?.xmlValue != nil {
                    found = joined
                }
                return
            }
            if element.children.isEmpty {
                if let value = element.xmlValue, Self.looksLikePersonName(value) { found = value }
                return
            }
            let given = element.children.first { Self.givenNameElements.contains($0.name.lowercased()) }?.xmlValue
            let family = element.children.first { Self.familyNameElements.contains($0.name.lowercased()) }?.xmlValue
            if given != nil || family != nil { found = XMLValues.joined([given, family]) }
        }
        return found
    }

    static func belongsToSomeoneElse(_ element: MarkupElement) -> Bool {
        var ancestor = element.parent
        while let current = ancestor {
            let name = current.name.lowercased()
            if otherPeople.contains(where: { name.contains($0) }) { return true }
            ancestor = current.parent
        }
        return false
    }

    /// Two to five capitalised words of letters (hyphens, apostrophes, dots allowed), under 60 characters.
    static func looksLikePersonName(_ text: String) -> Bool {
        guard text.count <= 60 else { return false }
        let words = text.split(separator: " ")
        guard (2...5).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "." || $0 == "’" }
        }
    }

    func firstLeaf(where matches: (String, String) -> Bool) -> String? {
        var found: String?
        root.forEachDescendant { element in
            guard found == nil, element.children.isEmpty, !Self.belongsToSomeoneElse(element), let value = element.xmlValue else { return }
            if matches(element.name.lowercased(), value) { found = value }
        }
        return found
    }

    // MARK: - Records: jobs and studies

    enum Role { case start, end, current, range, title, employer, degree, institution, field, description, location }

    static func role(of name: String) -> Role? {
        if name == "current" || name == "iscurrent" || name.hasSuffix("currentindicator") || name == "ongoing" { return .current }
        if name.contains("start") || name.contains("begin") || name == "from" || name.hasPrefix("from") || name.contains("since") { return .start }
        if name.hasPrefix("end") || name.hasSuffix("end") || name.contains("enddate") || name == "to" || name.hasPrefix("todate")
            || name.contains("until") || name.contains("finish") { return .end }
        if ["period", "dates", "date", "duration", "timeperiod", "daterange", "years"].contains(name) { return .range }
        if name.contains("degree") || name.contains("qualification") || name.contains("diploma") { return .degree }
        if name.contains("school") || name.contains("institution") || name.contains("university") || name.contains("college") { return .institution }
        if name.contains("major") || name.contains("field") || name.contains("subject") || name.contains("discipline") { return .field }
        if name.contains("employer") || name.contains("company") || name.contains("organi") || name.contains("firm") || name == "orgname" || name.contains("workplace") {
            return .employer
        }
        if name.contains("title") || name.contains("position") || name == "role" || name.contains("jobtitle") || name.contains("occupation") || name.contains("designation") {
            return .title
        }
        if name.contains("description") || name.contains("dut") || name.contains("responsibilit") || name.contains("achievement")
            || name.contains("activit") || name.contains("task") || name.contains("detail") || name.contains("summary") {
            return .description
        }
        if name.contains("location") || name.contains("city") || name == "place" { return .location }
        return nil
    }

    static let educationContexts = ["edu", "school", "academ", "stud", "degree", "qualification", "training", "course"]
    static let workContexts = ["job", "position", "experience", "employ", "work", "career", "role"]

    private struct RecordFields {
        var start: XMLDateValue?
        var end: XMLDateValue?
        var current: Bool?
        var range: XMLDateValue?
        var values: [Role: String] = [:]
        var duties: [MarkupText] = []
    }

    /// The fields of a would-be record. Duties are read (escaped HTML parsed) only when asked, once the
    /// element is known to be a record.
    private func fields(of record: MarkupElement, readingDuties: Bool = false) -> RecordFields {
        var fields = RecordFields()
        var leaves: [MarkupElement] = []
        for child in record.children {
            if child.children.isEmpty {
                leaves.append(child)
            } else if let role = Self.role(of: child.name.lowercased()), role == .range || role == .start || role == .end {
                // <period><from>…</from><to>…</to></period>, <StartDate><Year>…</Year></StartDate>
                if role == .range {
                    leaves.append(contentsOf: child.children)
                } else {
                    leaves.append(child)
                }
            }
        }
        for leaf in leaves {
            guard let role = Self.role(of: leaf.name.lowercased()) else { continue }
            switch role {
            case .start: fields.start = fields.start ?? XMLDates.value(of: leaf)
            case .end: fields.end = fields.end ?? XMLDates.value(of: leaf)
            case .current: fields.current = fields.current ?? (XMLValues.isTrue(leaf.text) ? true : XMLValues.isFalse(leaf.text) ? false : nil)
            case .range:
                if fields.range == nil, let text = leaf.xmlValue, let found = DateExpressions.findRange(in: text) {
                    fields.range = .range(start: found.start, end: found.end, current: found.isCurrent)
                }
            case .description:
                if readingDuties { fields.duties += XMLRichText.lines(of: leaf, parser: context.parser) }
            default:
                if fields.values[role] == nil, let value = leaf.xmlValue { fields.values[role] = value }
            }
        }
        return fields
    }

    /// Walks the tree once, in document order: an element that reads as a record (a job or a study)
    /// is taken whole and its subtree skipped; leaves outside records may be loose degrees or skills.
    private func readRecordsAndItems(into draft: inout XMLCandidateDraft) {
        var stack: [MarkupElement] = [root]
        while let element = stack.popLast() {
            let children = element.children
            if children.isEmpty {
                readLooseItem(element, into: &draft)
                continue
            }
            if element.parent != nil, isRecord(element) {
                readRecord(element, into: &draft)
                continue
            }
            stack.append(contentsOf: children.reversed())
        }
    }

    private func isRecord(_ element: MarkupElement) -> Bool {
        let fields = fields(of: element)
        let dated = fields.start != nil || fields.range != nil || fields.current == true
        let hasWhat = fields.values[.title] != nil || fields.values[.employer] != nil || fields.values[.degree] != nil
            || fields.values[.institution] != nil
        guard hasWhat else { return false }
        if dated { return true }
        let context = Self.contextNames(of: element)
        return (Self.workContexts + Self.educationContexts).contains { key in context.contains { $0.contains(key) } }
    }

    private func readRecord(_ record: MarkupElement, into draft: inout XMLCandidateDraft) {
        let fields = fields(of: record, readingDuties: true)
        var period = XMLCandidateDraft.period(start: fields.start ?? fields.range, end: fields.end, currentFlag: fields.current)
        if fields.start == nil, case .range(let start, let end, let current)? = fields.range {
            period = XMLCandidateDraft.Period(start: start, end: current ? nil : end, current: current)
        }
        let context = Self.contextNames(of: record)
        let isEducation = fields.values[.degree] != nil || fields.values[.institution] != nil
            || (fields.values[.employer] == nil && Self.educationContexts.contains { key in context.contains { $0.contains(key) } })
        if isEducation {
            let degree = fields.values[.degree] ?? fields.values[.title]
            draft.addEducation(Education(
                degree: degree, level: degree.flatMap(EducationLevels.level(ofDegree:)), field: fields.values[.field],
                institution: fields.values[.institution] ?? fields.values[.employer], start: period.start,
                end: period.current ? nil : period.end, line: record.line))
            draft.addEvidence(lines: fields.duties, section: .education)
        } else {
            if period.currentInferred {
                draft.warn("position \(draft.positions.count + 1) (\(fields.values[.title] ?? "untitled")) has a start and no end: read as current")
            }
            draft.addPosition(Position(
                title: fields.values[.title] ?? "", employer: fields.values[.employer], location: fields.values[.location],
                start: period.start, end: period.end, current: period.current,
                duties: fields.duties.map { EvidenceText($0.value, line: $0.line, section: .position) }, line: record.line))
        }
    }

    private func readLooseItem(_ leaf: MarkupElement, into draft: inout XMLCandidateDraft) {
        guard let value = leaf.xmlValue else { return }
        let name = leaf.name.lowercased()
        let parentName = leaf.parent?.name.lowercased() ?? ""
        if Self.role(of: name) == .degree {
            draft.addEducation(Education(degree: value, level: EducationLevels.level(ofDegree: value), line: leaf.line))
        } else if (name == "skill" || name.hasSuffix("skill") || parentName.contains("skill")) && value.count <= 80 {
            draft.addSkill(value, line: leaf.line)
        }
    }

    /// The lower-cased names of the element and its ancestors, nearest first.
    static func contextNames(of element: MarkupElement) -> [String] {
        var names: [String] = []
        var current: MarkupElement? = element
        while let element = current {
            names.append(element.name.lowercased())
            current = element.parent
        }
        return names
    }

    // MARK: - Certifications, degrees, skills

    static func isCertificationName(_ name: String) -> Bool {
        name.contains("cert") || name.contains("licen") || name.contains("credential") || name.contains("accredit")
    }

    /// Leaves that name something else about a certificate rather than the certificate itself.
    static func isCertificationDetail(_ name: String) -> Bool {
        ["issuer", "authority", "date", "number", "id", "expir", "valid", "url", "link", "body"].contains { name.contains($0) }
    }

    private func readCertifications(into draft: inout XMLCandidateDraft) {
        root.forEachDescendant { element in
            let name = element.name.lowercased()
            guard Self.isCertificationName(name), !Self.isCertificationDetail(name) else { return }
            if element.children.isEmpty {
                let lines = XMLRichText.lines(of: element, parser: context.parser)
                for line in lines where line.value.count <= 200 {
                    draft.addCertification(name: line.value, date: DateExpressions.findRange(in: line.value)?.start, line: line.line)
                }
                return
            }
            // A container of certificates: its children are read one by one.
            if element.children.contains(where: { Self.isCertificationName($0.name.lowercased()) && !Self.isCertificationDetail($0.name.lowercased()) }) {
                return
            }
            let leaves = element.children.filter { $0.children.isEmpty }
            // A list of certificates as same-named leaves: <certifications><item>PHR</item><item>…</item>.
            if leaves.count > 1, leaves.count == element.children.count, Set(leaves.map(\.name)).count == 1 {
                for leaf in leaves {
                    draft.addCertification(name: leaf.xmlValue, date: leaf.xmlValue.flatMap { DateExpressions.findRange(in: $0)?.start }, line: leaf.line)
                }
                return
            }
            let title = leaves.first { let leafName = $0.name.lowercased(); return leafName.contains("name") || leafName.contains("title") }?.xmlValue
                ?? leaves.first { !Self.isCertificationDetail($0.name.lowercased()) && XMLDates.value(of: $0) == nil }?.xmlValue
            let date = leaves.lazy.filter { $0.name.lowercased().contains("date") }.compactMap { XMLDates.value(of: $0)?.startDate }.first
            draft.addCertification(name: title, date: date, line: element.line)
        }
        // Known certifications named in short texts anywhere but in aims ("to achieve my PHR").
        root.forEachDescendant { element in
            guard element.children.isEmpty, let value = element.xmlValue, value.count <= 100,
                  CertificationCatalog.canonicalID(in: value) != nil else { return }
            let context = Self.contextNames(of: element)
            guard !context.contains(where: { $0.contains("objective") || $0.contains("goal") || $0 == "aim" || $0 == "aims" }) else { return }
            draft.addCertification(name: value, line: element.line)
        }
    }

    // MARK: - Evidence

    /// Leaves that hold binary payloads, never text.
    static let binaryElements: Set<String> = ["data", "binary", "base64", "photo", "image", "picture", "attachment", "signature"]

    private func readEvidence(into draft: inout XMLCandidateDraft) {
        root.forEachDescendant { element in
            guard element.children.isEmpty, !Self.binaryElements.contains(element.name.lowercased()) else { return }
            if let first = element.textNodes.first?.value, first.utf8.count > 4096, !first.utf8.prefix(256).contains(0x20) { return }
            draft.addEvidence(lines: XMLRichText.lines(of: element, parser: context.parser), section: .other)
        }
    }
}
