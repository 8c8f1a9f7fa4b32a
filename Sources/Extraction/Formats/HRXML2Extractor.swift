import Markup

/// HR-XML 2.x, what applicant tracking systems and commercial résumé parsers (Sovren, …) exchange:
/// `Resume` (`StructuredXMLResume`) and the SEP `Candidate` wrapper (`CandidateProfile`, possibly
/// holding a `Resume`), in the namespaces `http://ns.hr-xml.org/2006-02-28`, `…/2007-04-15` (any
/// `http://ns.hr-xml.org/` one) or none; also a bare `StructuredXMLResume` or `EmploymentHistory`
/// fragment. Element paths: ../shared/corpus/SOURCES.md, "HR-XML 2.x".
struct HRXML2Extractor: ResumeExtractor {
    static let namespacePrefix = "http://ns.hr-xml.org/"

    var format: ResumeFormat { .hrXML2 }

    func recognises(_ document: MarkupDocument) -> Bool {
        guard document.kind == .xml, let root = document.root else { return false }
        if let namespace = root.namespace {
            guard namespace.hasPrefix(Self.namespacePrefix) else { return false }
            return ["Resume", "Candidate", "StructuredXMLResume", "EmploymentHistory"].contains(root.name)
        }
        // Without a namespace the root name alone could be anyone's; ask for the HR-XML structure too.
        switch root.name {
        case "Resume": return root.child("StructuredXMLResume") != nil || root.child("NonXMLResume") != nil
        case "Candidate": return root.child("CandidateProfile") != nil || root.child("Resume") != nil
        case "StructuredXMLResume": return true
        case "EmploymentHistory": return root.child("EmployerOrg") != nil
        default: return false
        }
    }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        var draft = XMLCandidateDraft(source: context.source, format: format)
        guard let root = document.root else { return draft.finished() }
        let reader = HRXML2Reader(context: context)
        switch root.name {
        case "Resume":
            reader.readResume(root, into: &draft)
        case "Candidate":
            reader.readCandidate(root, into: &draft)
        case "StructuredXMLResume":
            reader.readStructured(root, into: &draft)
        case "EmploymentHistory":
            draft.warn("an HR-XML EmploymentHistory fragment, not a whole résumé: no name, contact or education in it")
            reader.readEmployment(root, into: &draft)
        default:
            break
        }
        return draft.finished()
    }
}

/// The HR-XML 2.x components (`ContactInfo`, `EmploymentHistory`, `EducationHistory`,
/// `LicensesAndCertifications`, `Qualifications`, `MilitaryHistory`), shared by `Resume` and `Candidate`.
struct HRXML2Reader {
    let context: ExtractionContext

    func readResume(_ resume: MarkupElement, into draft: inout XMLCandidateDraft) {
        if let structured = resume.child("StructuredXMLResume") {
            readStructured(structured, into: &draft)
        } else if let text = resume.path("NonXMLResume", "TextResume") {
            draft.warn("only an unstructured text résumé (NonXMLResume) is given: read as plain text")
            draft.addEvidence(lines: XMLRichText.lines(of: text, parser: context.parser), section: .other)
        }
    }

    func readCandidate(_ candidate: MarkupElement, into draft: inout XMLCandidateDraft) {
        if let resume = candidate.child("Resume") {
            readResume(resume, into: &draft)
        }
        guard let profile = candidate.child("CandidateProfile") else { return }
        if let personal = profile.child("PersonalData") {
            readPersonalData(personal, into: &draft)
        }
        if let preferred = profile.path("PreferredPosition", "PositionTitle") {
            draft.setHeadline(preferred.xmlValue, line: preferred.line)
        }
        // A Candidate that also holds a Resume usually repeats the same history: read each part once.
        if draft.positions.isEmpty {
            if let employment = profile.child("EmploymentHistory") { readEmployment(employment, into: &draft) }
            if let military = profile.child("MilitaryHistory") { readMilitary(military, into: &draft) }
        }
        if draft.candidate.education.isEmpty, let education = profile.child("EducationHistory") {
            readEducation(education, into: &draft)
        }
        if let licenses = profile.child("LicensesAndCertifications") { readLicenses(licenses, into: &draft) }
        if let qualifications = profile.child("Qualifications") { readQualifications(qualifications, into: &draft) }
    }

    func readStructured(_ structured: MarkupElement, into draft: inout XMLCandidateDraft) {
        if let contact = structured.child("ContactInfo") {
            var personal = draft.personal
            Self.readName(contact.child("PersonName"), into: &personal)
            Self.readContactMethods(contact.xmlChildren(named: "ContactMethod"), into: &personal)
            draft.personal = personal
        }
        for name in ["ExecutiveSummary", "Objective"] {
            guard let element = structured.child(name) else { continue }
            draft.addEvidence(lines: XMLRichText.lines(of: element, parser: context.parser), section: .summary)
        }
        if let employment = structured.child("EmploymentHistory") { readEmployment(employment, into: &draft) }
        if let military = structured.child("MilitaryHistory") { readMilitary(military, into: &draft) }
        if let education = structured.child("EducationHistory") { readEducation(education, into: &draft) }
        if let licenses = structured.child("LicensesAndCertifications") { readLicenses(licenses, into: &draft) }
        if let credentials = structured.child("SecurityCredentials") {
            // Security clearances are credentials a reader lists with certifications.
            for credential in credentials.xmlChildren(named: "SecurityCredential") { readCredential(credential, into: &draft) }
        }
        if let qualifications = structured.child("Qualifications") { readQualifications(qualifications, into: &draft) }
        for language in structured.xmlAll("Languages", "Language") {
            let code = language.xmlValue("LanguageCode")
            draft.addSkill(code.flatMap(XMLLanguageNames.name(ofCode:)) ?? code, line: language.line)
        }
        for achievement in structured.xmlAll("Achievements", "Achievement") {
            if let description = achievement.child("Description") {
                draft.addEvidence(lines: XMLRichText.lines(of: description, parser: context.parser), section: .other)
            }
        }
        for role in structured.xmlAll("Associations", "Association", "Role") {
            draft.addEvidence(role.xmlValue("Name"), line: role.line, section: .other)
        }
    }

    // MARK: - Person

    static func readName(_ name: MarkupElement?, into personal: inout PersonalDetails) {
        guard let name, personal.name == nil else { return }
        personal.name = name.xmlValue("FormattedName")
            ?? XMLValues.joined(values: [name.xmlValue("GivenName"), name.xmlValue("MiddleName"), name.xmlValue("FamilyName"), name.xmlValue("Affix")])
    }

    static func readContactMethods(_ methods: [MarkupElement], into personal: inout PersonalDetails) {
        for method in methods {
            personal.email = personal.email ?? method.xmlValue("InternetEmailAddress")
            for kind in ["Telephone", "Mobile"] {
                guard personal.phone == nil, let number = method.child(kind) else { continue }
                personal.phone = number.xmlValue("FormattedNumber")
                    ?? XMLValues.joined([
                        number.xmlValue("InternationalCountryCode").map { "+" + $0 }, number.xmlValue("AreaCityCode"),
                        number.xmlValue("SubscriberNumber"),
                    ])
            }
            if personal.location == nil, let address = method.child("PostalAddress") {
                personal.location = XMLValues.joined(
                    values: [address.xmlValue("Municipality"), address.xmlValue("Region"), address.xmlValue("CountryCode")], separator: ", ")
            }
        }
    }

    private func readPersonalData(_ data: MarkupElement, into draft: inout XMLCandidateDraft) {
        var personal = draft.personal
        Self.readName(data.child("PersonName"), into: &personal)
        Self.readContactMethods(data.xmlChildren(named: "ContactMethod"), into: &personal)
        if let descriptors = data.child("PersonDescriptors") {
            let demographic = descriptors.child("DemographicDescriptors")
            let biological = descriptors.child("BiologicalDescriptors")
            let nationalities = (demographic?.xmlChildren(named: "Nationality") ?? []).compactMap(\.xmlValue)
                + (descriptors.child("LegalIdentifiers")?.xmlChildren(named: "Citizenship") ?? []).compactMap(\.xmlValue)
            if !nationalities.isEmpty { personal.nationality = nationalities.joined(separator: ", ") }
            personal.maritalStatus = demographic?.xmlValue("MaritalStatus") ?? personal.maritalStatus
            if let birth = biological?.child("DateOfBirth"), let date = XMLDates.value(of: birth)?.startDate {
                personal.birthDate = date.description
            }
            personal.gender = biological?.xmlValue("GenderCode") ?? personal.gender
        }
        draft.personal = personal
    }

    // MARK: - Work

    func readEmployment(_ history: MarkupElement, into draft: inout XMLCandidateDraft) {
        for employer in history.xmlChildren(named: "EmployerOrg") {
            let employerName = employer.xmlValue("EmployerOrgName")
            let summary = employer.path("EmployerContactInfo", "LocationSummary")
            let employerLocation = summary.flatMap {
                XMLValues.joined(values: [$0.xmlValue("Municipality"), $0.xmlValue("Region"), $0.xmlValue("CountryCode")], separator: ", ")
            }
            let histories = employer.xmlChildren(named: "PositionHistory")
            var periods = histories.map { Self.period(start: $0.child("StartDate"), end: $0.child("EndDate")) }
            Self.applyCurrentEmployerFlags(histories, periods: &periods)
            for (position, period) in zip(histories, periods) {
                var title = position.xmlValue("Title")
                // The title the position keeps: `title` is meaningful, as every value `addPosition` is
                // given here is (the location joins meaningful parts with ", ", which makes no placeholder).
                var meaningfulTitle = title
                if title == nil, let type = position.attribute("positionType").flatMap(XMLValues.meaningful) {
                    title = XMLValues.humanised(code: type)
                    // A code made readable can still be a placeholder ("STRING" reads "String").
                    meaningfulTitle = XMLValues.meaningful(title)
                    draft.warn("position \(draft.positions.count + 1) has no title: named from its positionType \"\(type)\"")
                }
                if period.currentInferred {
                    draft.warn("position \(draft.positions.count + 1) (\(title ?? "untitled")) has a start and no end: read as current")
                }
                let location = position.path("OrgInfo", "PositionLocation").flatMap {
                    XMLValues.joined(values: [$0.xmlValue("Municipality"), $0.xmlValue("Region"), $0.xmlValue("CountryCode")], separator: ", ")
                } ?? employerLocation
                let duties = position.child("Description").map { XMLRichText.evidence(of: $0, section: .position, parser: context.parser) } ?? []
                draft.addPosition(Position(
                    title: meaningfulTitle ?? "", employer: employerName ?? position.xmlValue("OrgName", "OrganizationName"),
                    location: location, start: period.start, end: period.end, current: period.current,
                    duties: duties, line: position.line), dutiesAreMeaningful: true, fieldsAreMeaningful: true)
            }
        }
    }

    /// A FlexibleDates start and end.
    static func period(start: MarkupElement?, end: MarkupElement?) -> XMLCandidateDraft.Period {
        let startValue = start.flatMap(XMLDates.value(of:))
        let endValue = end.flatMap(XMLDates.value(of:))
        var period = XMLCandidateDraft.period(start: startValue, end: endValue, currentFlag: nil)
        // An EndDate element that is present but says nothing usable ("notKnown") is no reason to
        // call the job current.
        if end != nil && endValue == nil && period.currentInferred {
            period.current = false
            period.currentInferred = false
        }
        return period
    }

    /// `currentEmployer="true"` marks the employer the person works for now. Parsers such as Sovren
    /// then write the parse date as the EndDate of the current job; trust the flag over that date.
    /// The flag sits on every position at that employer, so only the latest of them (no end, or the
    /// latest end) is the current job; earlier ones there keep their end dates.
    static func applyCurrentEmployerFlags(_ histories: [MarkupElement], periods: inout [XMLCandidateDraft.Period]) {
        let flagged = histories.indices.filter { XMLValues.isTrue(histories[$0].attribute("currentEmployer")) }
        guard !flagged.isEmpty else { return }
        let latest = flagged.max { lhs, rhs in
            let left = periods[lhs], right = periods[rhs]
            let leftEnd = left.current || left.end == nil ? PartialDate(year: 9999) : left.end!
            let rightEnd = right.current || right.end == nil ? PartialDate(year: 9999) : right.end!
            if leftEnd != rightEnd { return leftEnd < rightEnd }
            return (left.start ?? .distantPast) < (right.start ?? .distantPast)
        }!
        periods[latest].current = true
        periods[latest].end = nil
        periods[latest].currentInferred = false
        for index in flagged where index != latest && periods[index].currentInferred {
            // An earlier job at the current employer with no end date: not the one held now.
            periods[index].current = false
            periods[index].currentInferred = false
        }
    }

    func readMilitary(_ history: MarkupElement, into draft: inout XMLCandidateDraft) {
        let country = history.xmlValue("CountryServed")
        for service in history.xmlChildren(named: "ServiceDetail") {
            let branch = service.attribute("branch").flatMap(XMLValues.meaningful)
            let rank = service.xmlValue("RankAchieved", "CurrentOrEndRank") ?? service.xmlValue("RankAchieved", "StartRank")
            let dates = service.child("DatesOfService")
            let period = Self.period(start: dates?.child("StartDate"), end: dates?.child("EndDate"))
            var duties: [MarkupText] = []
            for name in ["AreaOfExpertise", "RecognitionAchieved", "Campaign"] {
                for element in service.xmlChildren(named: name) {
                    duties += XMLRichText.lines(of: element, parser: context.parser)
                }
            }
            let title = rank ?? (branch.map { "\($0) service" } ?? "Military service")
            draft.addPosition(Position(
                title: title, employer: XMLValues.joined([country, branch]),
                location: service.xmlValue("UnitOrDivision"), start: period.start, end: period.end, current: period.current,
                duties: duties.map { EvidenceText($0.value, line: $0.line, section: .position) }, line: service.line),
                dutiesAreMeaningful: true)
        }
    }

    // MARK: - Education

    func readEducation(_ history: MarkupElement, into draft: inout XMLCandidateDraft) {
        for school in history.xmlChildren(named: "SchoolOrInstitution") {
            let schoolName = school.xmlValue("School", "SchoolName") ?? school.xmlValue("SchoolName")
            let degrees = school.xmlChildren(named: "Degree")
            if degrees.isEmpty {
                let attendance = school.child("DatesOfAttendance")
                let period = Self.period(start: attendance?.child("StartDate"), end: attendance?.child("EndDate"))
                draft.addEducation(Education(
                    degree: nil, level: nil, field: school.xmlChildren(named: "Major").compactMap(\.xmlValue).first,
                    institution: schoolName, start: period.start, end: period.current ? nil : period.end, line: school.line))
                continue
            }
            for degree in degrees {
                let name = degree.xmlValue("DegreeName")
                let level = degree.attribute("degreeType").flatMap(EducationLevels.level(ofHRXMLDegreeType:))
                    ?? name.flatMap(EducationLevels.level(ofDegree:))
                let majors = degree.xmlChildren(named: "DegreeMajor").compactMap { $0.xmlValue("Name") }
                let attendance = degree.child("DatesOfAttendance") ?? school.child("DatesOfAttendance")
                let period = Self.period(start: attendance?.child("StartDate"), end: attendance?.child("EndDate"))
                let graduation = degree.child("DegreeDate").flatMap(XMLDates.value(of:))?.endDate
                draft.addEducation(Education(
                    degree: name, level: level, field: majors.isEmpty ? nil : majors.joined(separator: ", "),
                    institution: schoolName, start: period.start, end: graduation ?? (period.current ? nil : period.end),
                    line: degree.line))
            }
        }
    }

    // MARK: - Certifications and skills

    func readLicenses(_ licenses: MarkupElement, into draft: inout XMLCandidateDraft) {
        for credential in licenses.xmlChildren(named: "LicenseOrCertification") {
            readCredential(credential, into: &draft)
        }
    }

    private func readCredential(_ credential: MarkupElement, into draft: inout XMLCandidateDraft) {
        let effective = credential.child("EffectiveDate")
        let date = (effective?.child("FirstIssuedDate") ?? effective?.child("ValidFrom")).flatMap(XMLDates.value(of:))?.startDate
        let id = credential.xmlValue("Id")
        draft.addCertification(name: credential.xmlValue("Name") ?? id, date: date, line: credential.line, alsoLookIn: id)
        if let description = credential.child("Description") {
            draft.addEvidence(lines: XMLRichText.lines(of: description, parser: context.parser), section: .certification)
        }
    }

    func readQualifications(_ qualifications: MarkupElement, into draft: inout XMLCandidateDraft) {
        for summary in qualifications.xmlChildren(named: "QualificationSummary") {
            draft.addEvidence(lines: XMLRichText.lines(of: summary, parser: context.parser), section: .skills)
        }
        for competency in qualifications.descendants(named: "Competency") {
            // `addSkill` makes the name meaningful itself.
            draft.addSkill(competency.attribute("name"), line: competency.line)
        }
    }
}
