import Foundation
import Markup

/// hResume (microformats v1: `hresume`, `contact vcard`, `experience vevent`, `dtstart` …) and h-resume
/// (v2: `h-resume`, `p-contact h-card`, `p-experience h-event`, `dt-start` …), including a v2 root holding
/// v1 children. Recognised by the root class anywhere in an HTML document.
///
/// Dates come from the machine value (`<time datetime>`, `<abbr title>`, the value-class pattern) and
/// keep its precision. A start date with no end date is current when the reader sees "Present" (or
/// "current", "to date" …) right after it, as in `<time class="dtstart" …>Jan 2009</time> – Present`.
struct MicroformatsExtractor: ResumeExtractor {
    var format: ResumeFormat { .hResume }

    func recognises(_ document: MarkupDocument) -> Bool {
        guard document.kind == .html, let root = document.root else { return false }
        // No class attribute anywhere holds "hresume" or "h-resume": no need to walk the tree (most
        // documents; templates' "resume-section" classes do not count). A class token equal to either
        // holds its bytes, as `hasClass` compares them. (Both searched for in one pass.)
        guard document.containsAttribute(named: "class", where: RecogniserPrefilters.holdsHResume) else {
            return false
        }
        return !Self.resumeRoots(in: root).isEmpty
    }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        guard let root = document.root, let resumeElement = Self.resumeRoots(in: root).first else {
            return Candidate(source: context.source, format: format)
        }
        let resume = MicroformatItem(resumeElement)
        var candidate = Candidate(source: context.source, format: resume.version == .v2 ? .hResumeV2 : .hResume)
        var sections: [(MarkupElement, EvidenceText.Section)] = []

        // Who: the resume's own name, else the contact card's.
        let contact = resume.items("contact").first ?? resume.unnamedItems.first(where: { $0.hasClass("vcard") || $0.hasClass("h-card") }).map(MicroformatItem.init)
        candidate.personal = personalDetails(resume: resume, contact: contact)
        candidate.headline = contact?.text("job-title", "title", "role") ?? resume.text("job-title", "title", "role")

        for summary in resume.texts("summary") {
            sections.append((summary.element, .summary))
        }

        for experience in resume.items("experience") {
            candidate.positions.append(position(from: experience))
            sections.append((experience.element, .position))
        }
        // A v2 experience written without its own h-event ("p-experience" on plain text) still says
        // something; it has no structure to read, so it is left to evidence.
        for property in resume.properties(named: "experience") where !property.isItem {
            sections.append((property.element, .position))
        }

        // With no experience listed, the contact card's organisation is where the person works now
        // (hCard's `org` and `title` describe the present).
        if candidate.positions.isEmpty, let contact, let organisation = contact.text("org") {
            candidate.positions.append(Position(
                title: contact.text("job-title", "title", "role") ?? "", employer: organisation, current: true,
                line: contact.element.line))
        }

        for entry in resume.items("education") {
            sections.append((entry.element, .education))
            let (education, certification) = self.education(from: entry)
            if let certification {
                candidate.certifications.append(certification)
            } else if let education {
                candidate.education.append(education)
            }
        }

        for skill in resume.texts("skill") {
            sections.append((skill.element, .skills))
            StructuredValues.appendUnique(skill.value, to: &candidate.skills)
            if let certification = StructuredValues.certification(from: skill.value, date: nil, line: skill.element.line),
               !candidate.certifications.contains(where: { $0.id == certification.id }) {
                candidate.certifications.append(certification)
            }
        }

        candidate.evidence = StructuredValues.evidence(of: document, sections: sections)
        let roots = Self.resumeRoots(in: root)
        if roots.count > 1 {
            candidate.warnings.append("the page holds \(roots.count) résumé microformats; only the first (line \(resumeElement.line)) was read")
        }
        return candidate
    }

    /// Visible elements classed `h-resume` or `hresume`, outermost first.
    static func resumeRoots(in root: MarkupElement) -> [MarkupElement] {
        var found: [MarkupElement] = []
        let isRoot: (MarkupElement) -> Bool = { $0.hasClass("h-resume") || $0.hasClass("hresume") }
        if isRoot(root) && !root.isHidden { found.append(root) }
        root.forEachDescendant { element in
            if isRoot(element) && !element.isHidden { found.append(element) }
        }
        return found
    }

    // MARK: - Parts

    private func personalDetails(resume: MicroformatItem, contact: MicroformatItem?) -> PersonalDetails {
        var personal = PersonalDetails()
        personal.name = resume.text("name") ?? contact?.text("name") ?? contact.flatMap(Self.structuredName)
        if let contact {
            personal.email = contact.properties(named: "email").lazy.compactMap { StructuredValues.email(MicroformatItem.urlValue(of: $0.element) ?? "") ?? StructuredValues.email($0.element.text) }.first
            personal.phone = contact.properties(named: "tel").lazy.compactMap { property in
                StructuredValues.telephone(MicroformatItem.textValue(of: property.element) ?? "")
            }.first
            personal.location = Self.location(of: contact)
        }
        if personal.location == nil { personal.location = Self.location(of: resume) }
        return personal
    }

    /// `n` (`given-name family-name`) when a card has no `fn`.
    private static func structuredName(_ card: MicroformatItem) -> String? {
        let given = card.text("given-name")
        let family = card.text("family-name")
        let joined = [given, family].compactMap { $0 }.joined(separator: " ")
        return joined.isEmpty ? nil : joined
    }

    /// City, region, country from an `adr` (or the card's own `locality` …), else a written `location` or `label`.
    private static func location(of item: MicroformatItem) -> String? {
        let address = item.items("adr").first ?? item.unnamedItems.first { $0.hasClass("adr") || $0.hasClass("h-adr") }.map(MicroformatItem.init)
        for source in [address, item].compactMap({ $0 }) {
            if let place = StructuredValues.joinedPlace([source.text("locality"), source.text("region"), source.text("country-name")]) {
                return place
            }
        }
        return item.text("location") ?? address.flatMap { $0.text("label") } ?? item.text("label")
    }

    private func position(from experience: MicroformatItem) -> Position {
        // A bare vcard inside a v1 vevent holds the job title and the employer.
        let cards = experience.unnamedItems.filter { !$0.hasClass("include") }.map(MicroformatItem.init)
        func first(_ names: String...) -> String? {
            for item in [experience] + cards {
                for name in names {
                    if let value = item.text(name) { return value }
                }
            }
            return nil
        }
        let employer = first("org")
        var title = first("job-title", "title", "role")
        if title == nil {
            // v1 writes the job as the event's summary, v2 as its name; when that only repeats the
            // employer it says nothing about the job.
            title = [experience.text("summary"), experience.text("name")].compactMap { $0 }.first { $0 != employer }
        }
        let dates = self.dates(of: experience)
        let descriptions = experience.properties(named: "description").filter { !$0.element.isHidden }
        var duties: [EvidenceText] = []
        for description in descriptions {
            duties += description.element.visibleLines.map { EvidenceText($0.value, line: $0.line, section: .position) }
        }
        if descriptions.isEmpty {
            // Lines that are not the title, employer or dates are what the person did.
            let known = [title, employer, first("location")].compactMap { $0 } + dates.writtenTexts
            for line in experience.element.visibleLines where !known.contains(where: { !$0.isEmpty && line.value.contains($0) }) {
                duties.append(EvidenceText(line.value, line: line.line, section: .position))
            }
        }
        // One line per bullet or paragraph, as the reader sees them.
        let description = descriptions.isEmpty ? nil : duties.map(\.text).joined(separator: "\n")
        return Position(
            title: title ?? "", employer: employer, location: first("location").flatMap { $0 == employer ? nil : $0 },
            start: dates.start, end: dates.current ? nil : dates.end, current: dates.current,
            description: description?.isEmpty == true ? nil : description, duties: duties, line: experience.element.line)
    }

    /// An education entry; one that names a certification and no degree is a certification instead
    /// (hResume has no property for certificates, so people list them under education).
    private func education(from entry: MicroformatItem) -> (Education?, Certification?) {
        let cards = entry.unnamedItems.map(MicroformatItem.init)
        let institution = entry.text("org") ?? cards.lazy.compactMap { $0.text("org") ?? $0.text("name") }.first ?? entry.text("location")
        var degree = entry.text("degree", "description")
        if degree == nil {
            degree = [entry.text("summary"), entry.text("name")].compactMap { $0 }.first { $0 != institution }
        }
        let dates = self.dates(of: entry)
        let level = degree.flatMap(EducationLevels.level(ofDegree:))
        let wording = [degree, entry.text("summary"), entry.text("name")].compactMap { $0 }.joined(separator: " ")
        if level == nil || level == .certificate, let id = CertificationCatalog.canonicalID(in: wording) {
            let name = degree ?? entry.text("name") ?? entry.text("summary") ?? id
            return (nil, Certification(name: name, id: id, date: dates.end ?? dates.start, line: entry.element.line))
        }
        return (Education(
            degree: degree, level: level, field: degree.flatMap(StructuredValues.fieldOfStudy(in:)), institution: institution,
            start: dates.start, end: dates.end, line: entry.element.line), nil)
    }

    private struct Dates {
        var start: PartialDate?
        var end: PartialDate?
        var current = false
        /// The dates as the reader sees them, to tell date lines from duty lines.
        var writtenTexts: [String] = []
    }

    private func dates(of item: MicroformatItem) -> Dates {
        var result = Dates()
        let startProperty = item.properties(named: "start").first
        let endProperty = item.properties(named: "end").first
        if let startProperty {
            result.start = MicroformatItem.dateValue(of: startProperty.element).flatMap(StructuredValues.date)
            result.writtenTexts.append(startProperty.element.text)
        }
        if let endProperty {
            let value = MicroformatItem.dateValue(of: endProperty.element)
            result.end = value.flatMap(StructuredValues.date)
            result.writtenTexts.append(endProperty.element.text)
            if result.end == nil, DateExpressions.isPresent(endProperty.element.text) || value.map(DateExpressions.isPresent) == true {
                result.current = true
            }
        } else if startProperty != nil {
            let isStart: (MarkupElement) -> Bool = { MicroformatItem.propertyNames(of: $0, in: item.version).contains("start") }
            let isStop: (MarkupElement) -> Bool = {
                let names = MicroformatItem.propertyNames(of: $0, in: item.version)
                return names.contains("end") || names.contains("duration") || names.contains("start")
            }
            if let following = StructuredValues.visibleText(after: isStart, stoppingAt: isStop, in: item.element),
               StructuredValues.saysPresent(following) {
                result.current = true
            }
        }
        if let duration = item.properties(named: "duration").first {
            result.writtenTexts.append(duration.element.text)
        }
        result.writtenTexts = result.writtenTexts.filter { !$0.isEmpty }
        return result
    }
}
