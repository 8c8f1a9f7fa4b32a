import Markup

/// Reads an HR Open Standards (HR-XML 3.x) `Candidate`, which the Europass CV of 2020 onwards also is.
/// The two differ only in namespaces: Europass puts the root in `http://www.europass.eu/1.0` and
/// prefixes the shared parts (`hr:`, `oa:`, `eures:`); producers such as NAV's EURES export write the
/// same paths unprefixed in `http://www.hr-xml.org/3`. Lookups go by local name, so one reader serves
/// both. Element paths: ../shared/corpus/SOURCES.md, "Europass 2020+".
struct HROpenCandidateReader {
    let context: ExtractionContext

    func read(_ candidate: MarkupElement, into draft: inout XMLCandidateDraft) {
        if let person = candidate.child("CandidatePerson") {
            readPerson(person, into: &draft)
        }
        // "If the master is not mentioned, it will take the first instance of the CV" (Europass BR-COM-02).
        let profiles = candidate.children(named: "CandidateProfile")
        if profiles.count > 1 {
            draft.warn("\(profiles.count) candidate profiles: only the first is read")
        }
        guard let profile = profiles.first else {
            draft.warn("no CandidateProfile: no work history, education or skills in this document")
            return
        }
        readProfile(profile, into: &draft)
    }

    // MARK: - Person

    private func readPerson(_ person: MarkupElement, into draft: inout XMLCandidateDraft) {
        var personal = draft.personal
        if let name = person.child("PersonName") {
            personal.name = name.xmlValue("FormattedName")
                ?? XMLValues.joined([name.xmlValue("GivenName"), name.xmlValue("MiddleName"), name.xmlValue("FamilyName")])
        }
        for communication in person.children(named: "Communication") {
            let channel = communication.xmlValue("ChannelCode")?.lowercased() ?? ""
            if let uri = communication.xmlValue("URI") {
                if channel == "email" || (channel.isEmpty && uri.contains("@")) {
                    personal.email = personal.email ?? uri.replacingPrefix("mailto:")
                }
            }
            if let number = communication.xmlValue("DialNumber") ?? communication.xmlValue("FormattedNumber") {
                let country = communication.xmlValue("CountryDialing").map { "+" + $0.drop(while: { $0 == "+" }) }
                personal.phone = personal.phone ?? XMLValues.joined([country, communication.xmlValue("AreaDialing"), number])
            }
            if let address = communication.child("Address"), personal.location == nil {
                personal.location = Self.location(of: address)
            }
        }
        if personal.location == nil, let country = person.xmlValue("ResidencyCountryCode") {
            personal.location = country
        }
        personal.birthDate = person.xmlValue("BirthDate").flatMap { XMLDates.parse($0)?.startDate?.description ?? $0 }
        personal.gender = person.xmlValue("GenderCode").flatMap { ["NotSpecified", "NotKnown", "Unknown"].contains($0) ? nil : $0 }
        let nationalities = person.children(named: "NationalityCode").compactMap(\.xmlValue)
        personal.nationality = nationalities.isEmpty ? nil : nationalities.joined(separator: ", ")
        draft.personal = personal
    }

    static func location(of address: MarkupElement) -> String? {
        XMLValues.joined(
            [address.xmlValue("CityName"), address.xmlValue("CountrySubDivisionCode"), address.xmlValue("CountryCode")],
            separator: ", ")
    }

    // MARK: - Profile

    private func readProfile(_ profile: MarkupElement, into draft: inout XMLCandidateDraft) {
        if let preferences = profile.child("CandidatePositionPreferences") {
            let title = preferences.xmlValue("PositionTitle") ?? preferences.xmlValue("Description")
            draft.setHeadline(title, line: preferences.line)
        }
        if let summary = profile.child("ExecutiveSummary") {
            draft.addEvidence(lines: XMLRichText.lines(of: summary, parser: context.parser), section: .summary)
        }
        for employer in profile.xmlAll("EmploymentHistory", "EmployerHistory") {
            readEmployer(employer, into: &draft)
        }
        for attendance in profile.xmlAll("EducationHistory", "EducationOrganizationAttendance") {
            readEducation(attendance, into: &draft)
        }
        for certification in profile.xmlAll("Certifications", "Certification") {
            readCertification(certification, into: &draft)
        }
        for license in profile.xmlAll("Licenses", "License") {
            readLicense(license, into: &draft)
        }
        for competency in profile.xmlAll("PersonQualifications", "PersonCompetency") {
            readCompetency(competency, into: &draft)
        }
        // Europass 2020 skill groups: DigitalSkills, OrganisationalSkills, ManagementAndLeadershipSkills,
        // CommunicationAndInterpersonalSkills, JobRelatedSkills, OtherSkills …
        for group in profile.children where group.name.hasSuffix("Skills") {
            readSkillGroup(group, into: &draft)
        }
        for project in profile.xmlAll("Projects", "Project") {
            draft.addEvidence(project.xmlValue("Title"), line: project.line, section: .other)
            if let description = project.child("Description") {
                draft.addEvidence(lines: XMLRichText.lines(of: description, parser: context.parser), section: .other)
            }
        }
    }

    private func readEmployer(_ employer: MarkupElement, into draft: inout XMLCandidateDraft) {
        let employerName = employer.xmlValue("OrganizationName")
        let employerPeriod = Self.period(of: employer.child("EmploymentPeriod"))
        let employerLocation = employer.path("OrganizationContact", "Communication", "Address").flatMap(Self.location(of:))
        let positions = employer.children(named: "PositionHistory")
        if positions.isEmpty {
            // An employer with dates and no position: keep the time worked, untitled.
            guard !employerPeriod.isEmpty || employerName != nil else { return }
            addPosition(title: nil, employer: employerName, location: employerLocation, period: employerPeriod, duties: [], line: employer.line, into: &draft)
            return
        }
        for position in positions {
            var period = Self.period(of: position.child("EmploymentPeriod"))
            if period.start == nil && period.end == nil && !period.current {
                // An employer-level period stands in for missing position dates (one position only:
                // with several, the employer's span is not any one of theirs).
                if positions.count == 1 { period = employerPeriod }
            }
            let title = position.xmlValue("PositionTitle") ?? position.child("JobCategoryCode")?.attribute("name").flatMap(XMLValues.meaningful)
            let location = XMLValues.joined([position.xmlValue("City"), position.xmlValue("CountrySubDivisionCode"), position.xmlValue("Country")], separator: ", ")
                ?? employerLocation
            let duties = position.child("Description").map { XMLRichText.lines(of: $0, parser: context.parser) } ?? []
            addPosition(
                title: title, employer: employerName ?? position.xmlValue("OrganizationName"), location: location, period: period,
                duties: duties, line: position.line, into: &draft)
        }
    }

    private func addPosition(
        title: String?, employer: String?, location: String?, period: XMLCandidateDraft.Period, duties: [MarkupText], line: Int,
        into draft: inout XMLCandidateDraft
    ) {
        if period.currentInferred {
            draft.warn("position \(draft.positions.count + 1) (\(title ?? "untitled")) has a start and no end: read as current")
        }
        draft.addPosition(Position(
            title: title ?? "", employer: employer, location: location, start: period.start, end: period.end, current: period.current,
            duties: duties.map { EvidenceText($0.value, line: $0.line, section: .position) }, line: line))
    }

    /// `EmploymentPeriod`/`AttendancePeriod`/`FreeFormPeriod`: `StartDate`, `EndDate` (each holding
    /// `FormattedDateTime` or `DateText`) and `CurrentIndicator` or `Ongoing`.
    static func period(of element: MarkupElement?) -> XMLCandidateDraft.Period {
        guard let element else { return .empty }
        let start = element.child("StartDate").flatMap(XMLDates.value(of:))
        let end = element.child("EndDate").flatMap(XMLDates.value(of:))
        let flag = element.xmlChild(anyOf: ["CurrentIndicator", "Ongoing"]).map { XMLValues.isTrue($0.text) }
        return XMLCandidateDraft.period(start: start, end: end, currentFlag: flag)
    }

    private func readEducation(_ attendance: MarkupElement, into draft: inout XMLCandidateDraft) {
        let period = Self.period(of: attendance.child("AttendancePeriod"))
        let degree = attendance.child("EducationDegree")
        let degreeName = degree?.xmlValue("DegreeName")
        let program = attendance.xmlValue("ProgramName")
        var level: EducationLevel?
        for code in attendance.children(named: "EducationLevelCode") {
            guard let value = code.xmlValue else { continue }
            let list = code.attribute("listName") ?? ""
            level = EducationLevels.level(ofCode: list.uppercased().contains("ISCED") ? "ISCED \(value)" : value)
            if level != nil { break }
        }
        if level == nil, let type = degree?.xmlValue("DegreeTypeCode") {
            level = EducationLevels.level(ofHRXMLDegreeType: type) ?? EducationLevels.level(ofDegree: type)
        }
        let field = degreeName != nil && program != degreeName ? program.map(Self.withoutDegreePrefix) : nil
        let graduation = degree?.child("DegreeDate").flatMap(XMLDates.value(of:))?.endDate
        draft.addEducation(Education(
            degree: degreeName ?? program, level: level, field: field,
            institution: attendance.xmlValue("OrganizationName"), start: period.start,
            end: graduation ?? (period.current ? nil : period.end), line: attendance.line))
        if let skills = degree?.child("OccupationalSkillsCovered") {
            draft.addEvidence(lines: XMLRichText.lines(of: skills, parser: context.parser), section: .education)
        }
    }

    /// "MSc Computer Science" → "Computer Science": the programme name without the degree it leads to,
    /// when the degree is given separately.
    static func withoutDegreePrefix(_ program: String) -> String {
        guard let space = program.firstIndex(of: " ") else { return program }
        let first = String(program[..<space])
        guard EducationLevels.level(ofDegree: first) != nil else { return program }
        let rest = program[program.index(after: space)...].drop(while: { $0 == " " || $0 == "-" || $0 == "," })
        let trimmed = rest.hasPrefix("in ") ? rest.dropFirst(3) : rest
        return trimmed.isEmpty ? program : String(trimmed)
    }

    private func readCertification(_ certification: MarkupElement, into draft: inout XMLCandidateDraft) {
        let name = certification.xmlValue("CertificationName")
            ?? certification.xmlValue("CertificationTypeCode")
            ?? certification.child("Description").flatMap { XMLRichText.lines(of: $0, parser: context.parser).first?.value }
        let date = certification.child("FirstIssuedDate").flatMap(XMLDates.value(of:))?.startDate
            ?? Self.period(of: certification.child("FreeFormEffectivePeriod")).start
        draft.addCertification(name: name, date: date, line: certification.line)
    }

    /// Licences are read as certifications. A driving-licence category (`LicenseTypeCode` A, B, BE …,
    /// as Europass and EURES code them) becomes "Driving licence B (…name…)" with no canonical id;
    /// any other licence keeps its name and is looked up like a certification.
    private func readLicense(_ license: MarkupElement, into draft: inout XMLCandidateDraft) {
        let code = license.xmlValue("LicenseTypeCode")
        let name = license.xmlValue("LicenseName") ?? license.xmlValue("Description")
        let date = license.child("FirstIssuedDate").flatMap(XMLDates.value(of:))?.startDate
            ?? Self.period(of: license.child("FreeFormPeriod")).start
        if let code, Self.drivingLicenceCategories.contains(code.uppercased()) {
            let label = "Driving licence \(code)" + (name.map { " (\($0))" } ?? "")
            draft.addCertification(name: label, date: date, line: license.line, canonicalLookup: false)
        } else {
            draft.addCertification(name: name ?? code, date: date, line: license.line)
        }
    }

    /// EU driving-licence categories (Directive 2006/126/EC), which Europass and EURES use as codes.
    static let drivingLicenceCategories: Set<String> = [
        "AM", "A1", "A2", "A", "B1", "B", "BE", "B96", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE", "T",
    ]

    private func readCompetency(_ competency: MarkupElement, into draft: inout XMLCandidateDraft) {
        let taxonomy = competency.xmlValue("TaxonomyID")?.lowercased()
        let identifier = competency.xmlValue("CompetencyID")
        var name = competency.xmlValue("CompetencyName")
        if name == nil, let identifier {
            if taxonomy == "language" {
                name = XMLLanguageNames.name(ofCode: identifier) ?? (identifier.contains("/") ? nil : identifier)
            } else if !identifier.contains("://") {
                // A URI (ESCO skill, …) is no name a reader can use; a plain identifier may be.
                name = identifier
            }
        }
        draft.addSkill(name, line: competency.line)
    }

    private func readSkillGroup(_ group: MarkupElement, into draft: inout XMLCandidateDraft) {
        group.forEachDescendant { element in
            guard element.children.isEmpty else { return }
            switch element.name {
            case "Title", "Name", "DigitalSkill", "Skill":
                draft.addSkill(element.xmlValue, line: element.line)
            case "Description":
                draft.addEvidence(lines: XMLRichText.lines(of: element, parser: context.parser), section: .skills)
            default:
                break
            }
        }
    }
}

private extension String {
    func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
