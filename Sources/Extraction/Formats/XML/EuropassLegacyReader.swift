import Markup

/// The Europass CV of 2004–2012 (schemas V1.0 to V2.0): root `europass:learnerinfo`, children
/// unqualified and lower-case. V1.x writes most fields as plain text (`<position>Artisan</position>`,
/// the employer's name as the first line of `<employer>`); V2.0 wraps them in `label`/`name` elements.
/// Both are read by taking the wrapped value when there is one and the first text line otherwise.
struct EuropassLegacyReader {
    let context: ExtractionContext

    /// The schema versions Cedefop published for this layout.
    static func isKnownVersion(_ version: String) -> Bool {
        ["V1.0", "V1.1", "V1.2", "V1.3", "V2.0"].contains(version)
    }

    func read(_ root: MarkupElement, into draft: inout XMLCandidateDraft) {
        let version = root.xmlValue("docinfo", "xsdversion")
        if let version, !Self.isKnownVersion(version) {
            draft.warn("Europass xsdversion \"\(version)\" is not a published Europass version: read as the V1/V2 layout, fields may be missing")
        }
        if let identification = root.child("identification") {
            readIdentification(identification, into: &draft)
        }
        if let application = root.child("application") {
            draft.setHeadline(Self.value(of: application), line: application.line)
        }
        for work in root.xmlAll("workexperiencelist", "workexperience") {
            let period = Self.period(of: work.child("period"))
            let title = work.child("position").flatMap(Self.value(of:))
            if period.currentInferred {
                draft.warn("position \(draft.positions.count + 1) (\(title ?? "untitled")) has a start and no end: read as current")
            }
            let employer = work.child("employer")
            let duties = work.child("activities").map { XMLRichText.lines(of: $0, parser: context.parser) } ?? []
            let position = Position(
                title: title ?? "", employer: employer.flatMap { $0.xmlValue("name") ?? Self.firstLine(of: $0) },
                location: employer.flatMap { $0.xmlValue("address", "municipality") },
                start: period.start, end: period.end, current: period.current,
                duties: duties.map { EvidenceText($0.value, line: $0.line, section: .position) }, line: work.line)
            guard !position.title.isEmpty || position.employer != nil || position.start != nil else { continue }
            draft.addPosition(position)
        }
        for education in root.xmlAll("educationlist", "education") {
            let period = Self.period(of: education.child("period"))
            let title = education.child("title").flatMap(Self.value(of:))
            let levelText = education.child("level").flatMap(Self.value(of:))
            // Legacy levels are free text: national levels ("Niveau V") or ISCED 1997 ("CITE 5A"), whose
            // numbers do not mean what EQF's do (ISCED 97 level 6 is a doctorate, EQF 6 a bachelor). The
            // title says more; a number is used only when it is said to be EQF.
            var level = title.flatMap(EducationLevels.level(ofDegree:))
            if level == nil, let text = levelText, ["EQF", "CEC", "EQR", "QEQ"].contains(where: { text.uppercased().contains($0) }) {
                level = EducationLevels.level(ofCode: text)
            }
            draft.addEducation(Education(
                degree: title, level: level, field: education.child("educationalfield").flatMap(Self.value(of:)),
                institution: education.child("organisation").flatMap { $0.xmlValue("name") ?? Self.firstLine(of: $0) },
                start: period.start, end: period.current ? nil : period.end, line: education.line))
            if let skills = education.child("skills") {
                draft.addEvidence(lines: XMLRichText.lines(of: skills, parser: context.parser), section: .education)
            }
        }
        for language in root.xmlAll("languagelist", "language") {
            let name = language.xmlValue("label") ?? language.xmlValue("name")
            draft.addSkill(name, line: language.line)
        }
        for skill in root.xmlAll("skilllist", "skill") {
            if skill.attribute("type") == "driving" {
                readDriving(skill, into: &draft)
            } else {
                draft.addEvidence(lines: XMLRichText.lines(of: skill, parser: context.parser), section: .skills)
            }
        }
        // `xsi:type="europass:driving"`: attributes are stored by local name.
        for structured in root.xmlAll("skilllist", "structured-skill") where structured.attribute("type")?.hasSuffix("driving") == true {
            readDriving(structured, into: &draft)
        }
    }

    private func readIdentification(_ identification: MarkupElement, into draft: inout XMLCandidateDraft) {
        var personal = draft.personal
        personal.name = XMLValues.joined([identification.xmlValue("firstname"), identification.xmlValue("lastname")])
        if let contact = identification.child("contactinfo") {
            personal.email = contact.xmlValue("email")
            personal.phone = contact.xmlValue("telephone") ?? contact.xmlValue("mobile")
            if let address = contact.child("address") {
                if address.children.isEmpty {
                    // V1.x: the address as typed, lines and all; the last line names the town.
                    personal.location = XMLRichText.plainLines(of: address.xmlRawText, startingAtLine: address.line).last?.value
                } else {
                    personal.location = XMLValues.joined(
                        [address.xmlValue("municipality"), address.xmlValue("country", "label")], separator: ", ")
                }
            }
        }
        if let demographics = identification.child("demographics") {
            if let birth = demographics.child("birthdate"), let date = XMLDates.value(of: birth)?.startDate {
                personal.birthDate = date.description
            }
            // "NA" is the V2.0 code for "not stated".
            personal.gender = demographics.xmlValue("gender").flatMap { $0 == "NA" ? nil : $0 }
            let nationalities = demographics.children(named: "nationality").compactMap { $0.xmlValue("label") ?? Self.value(of: $0) }
            personal.nationality = nationalities.isEmpty ? nil : nationalities.joined(separator: ", ")
        }
        draft.personal = personal
    }

    private func readDriving(_ element: MarkupElement, into draft: inout XMLCandidateDraft) {
        let categories = element.children.isEmpty
            ? (element.xmlValue ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init)
            : element.descendants.filter { $0.children.isEmpty }.compactMap(\.xmlValue)
        for category in categories where !category.isEmpty {
            draft.addCertification(name: "Driving licence \(category)", line: element.line, canonicalLookup: false)
        }
    }

    /// `period/{from,to}` with `year`/`month`/`day` children (months as `--02`).
    static func period(of element: MarkupElement?) -> XMLCandidateDraft.Period {
        guard let element else { return .empty }
        let from = element.child("from").flatMap(XMLDates.value(of:))
        let to = element.child("to").flatMap(XMLDates.value(of:))
        let flag = element.child("current").map { XMLValues.isTrue($0.text) }
        return XMLCandidateDraft.period(start: from, end: to, currentFlag: flag)
    }

    /// V2.0 wraps values in `label` (or `name`); V1.x writes them directly.
    static func value(of element: MarkupElement) -> String? {
        if let wrapped = element.xmlValue("label") ?? element.xmlValue("name") { return wrapped }
        return element.children.isEmpty ? firstLine(of: element) : nil
    }

    /// The first non-empty line of a text that V1.x fills with a name and then an address.
    static func firstLine(of element: MarkupElement) -> String? {
        guard element.children.isEmpty else { return nil }
        return XMLRichText.plainLines(of: element.xmlRawText, startingAtLine: element.line).first?.value
    }
}
