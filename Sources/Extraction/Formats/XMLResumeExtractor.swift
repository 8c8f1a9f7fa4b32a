import Markup

/// The XML Résumé Library (xmlresume.sourceforge.net): root `resume` (or a `resumes` collection, of
/// which the first is read) in `http://xmlresume.sourceforge.net/resume/0.0` or no namespace. Its DTD
/// defines HTML's named entities (`&eacute;`); the Markup layer resolves them without loading it.
/// `targets` filtering attributes are ignored: every variant of the résumé is read.
struct XMLResumeExtractor: ResumeExtractor {
    static let namespacePrefix = "http://xmlresume.sourceforge.net/"
    /// Children only this vocabulary's `resume` has, for telling it apart from someone else's
    /// un-namespaced `<resume>`.
    static let knownSections: Set<String> = ["header", "history", "academics", "skillareas", "skillarea", "objective", "docpath"]

    var format: ResumeFormat { .xmlResume }

    func recognises(_ document: MarkupDocument) -> Bool {
        guard document.kind == .xml, let root = document.root, let resume = Self.resume(in: root) else { return false }
        if let namespace = resume.namespace { return namespace.hasPrefix(Self.namespacePrefix) }
        return resume.children.contains { Self.knownSections.contains($0.name) }
    }

    static func resume(in root: MarkupElement) -> MarkupElement? {
        switch root.name {
        case "resume": return root
        case "resumes": return root.child("resume")
        default: return nil
        }
    }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        var draft = XMLCandidateDraft(source: context.source, format: format)
        guard let root = document.root, let resume = Self.resume(in: root) else { return draft.finished() }
        if root.name == "resumes", root.children(named: "resume").count > 1 {
            draft.warn("\(root.children(named: "resume").count) résumés in one file: only the first is read")
        }
        if let header = resume.child("header") { readHeader(header, into: &draft) }
        for objective in resume.children(named: "objective") {
            for para in objective.children(named: "para") { draft.addEvidence(para.xmlValue, line: para.line, section: .summary) }
        }
        for job in resume.xmlAll("history", "job") { readJob(job, into: &draft) }
        // `academics` may appear more than once (example2 puts it after the history).
        for degree in resume.xmlAll("academics", "degrees", "degree") { readDegree(degree, into: &draft) }
        let skillAreas = resume.children(named: "skillarea") + resume.xmlAll("skillareas", "skillarea")
        for area in skillAreas {
            for skill in area.descendants(named: "skill") { draft.addSkill(skill.xmlValue, line: skill.line) }
        }
        for clearance in resume.xmlAll("clearances", "clearance") {
            // Security clearances are credentials a reader lists with certifications.
            let period = Self.period(of: clearance)
            draft.addCertification(name: clearance.xmlValue("level"), date: period.start, line: clearance.line)
        }
        for award in resume.xmlAll("awards", "award") {
            let title = award.xmlValue("title")
            if let title, CertificationCatalog.canonicalID(in: title) != nil {
                draft.addCertification(name: title, date: Self.period(of: award).start, line: award.line)
            } else {
                draft.addEvidence(XMLValues.joined([title, award.xmlValue("organization")], separator: ", "), line: award.line, section: .other)
            }
        }
        for membership in resume.xmlAll("memberships", "membership") {
            draft.addEvidence(
                XMLValues.joined([membership.xmlValue("title"), membership.xmlValue("organization")], separator: ", "),
                line: membership.line, section: .other)
            for para in membership.xmlAll("description", "para") { draft.addEvidence(para.xmlValue, line: para.line, section: .other) }
        }
        for para in resume.xmlAll("misc", "para") { draft.addEvidence(para.xmlValue, line: para.line, section: .other) }
        return draft.finished()
    }

    private func readHeader(_ header: MarkupElement, into draft: inout XMLCandidateDraft) {
        var personal = draft.personal
        if let name = header.child("name") {
            personal.name = XMLValues.joined([
                name.xmlValue("firstname"), name.xmlValue("middlenames"), name.xmlValue("surname"), name.xmlValue("suffix"),
            ])
        }
        if let address = header.child("address") {
            personal.location = Self.location(of: address)
        }
        if let birth = header.path("birth", "date"), let date = XMLDates.value(of: birth)?.startDate {
            personal.birthDate = date.description
        }
        if let contact = header.child("contact") {
            personal.email = contact.xmlValue("email")
            personal.phone = contact.xmlValue("phone")
        }
        draft.personal = personal
    }

    /// Tagged addresses give their town, region and country; an untagged one (lines typed by hand)
    /// everything after its first line, which is the street.
    static func location(of address: MarkupElement) -> String? {
        let place = address.child("location") ?? address
        if let tagged = XMLValues.joined(
            [place.xmlValue("city"), place.xmlValue("state") ?? place.xmlValue("province") ?? place.xmlValue("county"), place.xmlValue("country")],
            separator: ", ") {
            return tagged
        }
        let lines = XMLRichText.plainLines(of: address.xmlRawText, startingAtLine: address.line).map(\.value)
        guard !lines.isEmpty else { return nil }
        return lines.count == 1 ? lines[0] : lines.dropFirst().joined(separator: ", ")
    }

    private func readJob(_ job: MarkupElement, into draft: inout XMLCandidateDraft) {
        let period = Self.period(of: job)
        var duties: [MarkupText] = []
        for para in job.xmlAll("description", "para") {
            if let value = para.xmlValue { duties.append(MarkupText(value: value, line: para.line)) }
        }
        for item in job.xmlAll("achievements", "achievement") + job.xmlAll("projects", "project") {
            let title = item.attribute("title").flatMap(XMLValues.meaningful)
            if let value = XMLValues.joined([title.map { $0 + ":" }, item.xmlValue]) {
                duties.append(MarkupText(value: value, line: item.line))
            }
        }
        let location = job.child("location").flatMap {
            XMLValues.joined([$0.xmlValue("city"), $0.xmlValue("state") ?? $0.xmlValue("province"), $0.xmlValue("country")], separator: ", ")
        }
        let title = job.xmlValue("jobtitle")
        if period.currentInferred {
            draft.warn("position \(draft.positions.count + 1) (\(title ?? "untitled")) has a start and no end: read as current")
        }
        draft.addPosition(Position(
            title: title ?? "", employer: job.xmlValue("employer"), location: location,
            start: period.start, end: period.end, current: period.current,
            duties: duties.map { EvidenceText($0.value, line: $0.line, section: .position) }, line: job.line))
    }

    private func readDegree(_ degree: MarkupElement, into draft: inout XMLCandidateDraft) {
        let level = degree.xmlValue("level")
        let majors = degree.children(named: "major").compactMap(\.xmlValue)
        let period = Self.period(of: degree)
        // A degree's lone `date` is when it was awarded, not when study began.
        let hasSpan = degree.child("period") != nil
        draft.addEducation(Education(
            degree: level, level: level.flatMap(EducationLevels.level(ofDegree:)),
            field: majors.isEmpty ? nil : majors.joined(separator: ", "), institution: degree.xmlValue("institution"),
            start: hasSpan ? period.start : nil, end: period.current ? nil : period.end, line: degree.line))
        if let annotation = degree.xmlValue("annotation") {
            draft.addEvidence(annotation, line: degree.line, section: .education)
        }
    }

    /// `period/{from,to}` (each a `date` or `<present/>`) or a lone `date`, which stands for a span
    /// that began and ended then (`<date><month>May</month><year>1993</year></date>`: May 1993).
    static func period(of element: MarkupElement) -> XMLCandidateDraft.Period {
        if let period = element.child("period") {
            let from = period.child("from").flatMap(XMLDates.value(of:))
            let to = period.child("to").flatMap(XMLDates.value(of:))
            return XMLCandidateDraft.period(start: from, end: to, currentFlag: nil)
        }
        if let date = element.child("date").flatMap(XMLDates.value(of:)) {
            if date.isPresent { return XMLCandidateDraft.Period(start: nil, end: nil, current: true) }
            return XMLCandidateDraft.Period(start: date.startDate, end: date.endDate, current: false)
        }
        return .empty
    }
}
