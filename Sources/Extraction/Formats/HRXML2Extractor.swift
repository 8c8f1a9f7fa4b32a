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
        // The sections, found in one walk over the children (the first child of each name, as `child(_:)`
        // answers); a dozen `child(_:)` calls walked them a dozen times. They are read in the order below,
        // whatever their order in the document.
        typealias Node = MarkupElement.NodeIndex
        var contact: Node = -1, executiveSummary: Node = -1, objective: Node = -1, employment: Node = -1
        var military: Node = -1, education: Node = -1, licenses: Node = -1, credentials: Node = -1
        var qualifications: Node = -1, languages: Node = -1, achievements: Node = -1, associations: Node = -1
        var hasSeveralLanguages = false
        structured.forEachChildElement { node, name in
            func note(_ slot: inout Node) { if slot < 0 { slot = node } }
            switch name {
            case "ContactInfo": note(&contact)
            case "ExecutiveSummary": note(&executiveSummary)
            case "Objective": note(&objective)
            case "EmploymentHistory": note(&employment)
            case "EducationHistory": note(&education)
            case "LicensesAndCertifications": note(&licenses)
            case "Qualifications": note(&qualifications)
            case "Languages":
                if languages >= 0 { hasSeveralLanguages = true }
                note(&languages)
            case "MilitaryHistory": note(&military)
            case "SecurityCredentials": note(&credentials)
            case "Achievements": note(&achievements)
            case "Associations": note(&associations)
            default: break
            }
        }
        if let contact = structured.element(orNilAt: contact) {
            var personal = draft.personal
            Self.readName(contact.child("PersonName"), into: &personal)
            Self.readContactMethods(contact.xmlChildren(named: "ContactMethod"), into: &personal)
            draft.personal = personal
        }
        if let summary = structured.element(orNilAt: executiveSummary) {
            draft.addEvidence(lines: XMLRichText.lines(of: summary, parser: context.parser), section: .summary)
        }
        if let objective = structured.element(orNilAt: objective) {
            draft.addEvidence(lines: XMLRichText.lines(of: objective, parser: context.parser), section: .summary)
        }
        if let employment = structured.element(orNilAt: employment) { readEmployment(employment, into: &draft) }
        if let military = structured.element(orNilAt: military) { readMilitary(military, into: &draft) }
        if let education = structured.element(orNilAt: education) { readEducation(education, into: &draft) }
        if let licenses = structured.element(orNilAt: licenses) { readLicenses(licenses, into: &draft) }
        if let credentials = structured.element(orNilAt: credentials) {
            // Security clearances are credentials a reader lists with certifications.
            for credential in credentials.xmlChildren(named: "SecurityCredential") { readCredential(credential, into: &draft) }
        }
        if let qualifications = structured.element(orNilAt: qualifications) { readQualifications(qualifications, into: &draft) }
        if languages >= 0 {
            // One `Languages` (the usual): its `Language` children are what the path gives.
            let found = hasSeveralLanguages
                ? structured.xmlAll("Languages", "Language") : structured.element(at: languages).children(named: "Language")
            for language in found {
                let code = language.xmlValue("LanguageCode")
                draft.addSkill(code.flatMap(XMLLanguageNames.name(ofCode:)) ?? code, line: language.line)
            }
        }
        if achievements >= 0 {
            for achievement in structured.xmlAll("Achievements", "Achievement") {
                if let description = achievement.child("Description") {
                    draft.addEvidence(lines: XMLRichText.lines(of: description, parser: context.parser), section: .other)
                }
            }
        }
        if associations >= 0 {
            for role in structured.xmlAll("Associations", "Association", "Role") {
                draft.addEvidence(role.xmlValue("Name"), line: role.line, section: .other)
            }
        }
    }

    // MARK: - Person

    static func readName(_ name: MarkupElement?, into personal: inout PersonalDetails) {
        guard let name, personal.name == nil else { return }
        // The parts, the first child of each name, found in one walk over the children.
        var formatted: MarkupElement.NodeIndex = -1, given: MarkupElement.NodeIndex = -1, middle: MarkupElement.NodeIndex = -1
        var family: MarkupElement.NodeIndex = -1, affix: MarkupElement.NodeIndex = -1
        name.forEachChildElement { node, local in
            func note(_ slot: inout MarkupElement.NodeIndex) { if slot < 0 { slot = node } }
            switch local {
            case "GivenName": note(&given)
            case "FamilyName": note(&family)
            case "FormattedName": note(&formatted)
            case "MiddleName": note(&middle)
            case "Affix": note(&affix)
            default: break
            }
        }
        personal.name = name.element(orNilAt: formatted)?.xmlValue
            ?? XMLValues.joined(values: [
                name.element(orNilAt: given)?.xmlValue, name.element(orNilAt: middle)?.xmlValue, name.element(orNilAt: family)?.xmlValue,
                name.element(orNilAt: affix)?.xmlValue,
            ])
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
                personal.location = placeName(of: address)
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

    /// The children of a `PositionHistory` the reader takes, the first of each name (as `child(_:)` finds
    /// them), noted in one walk over its children: the six lookups walked them six times.
    struct PositionParts {
        typealias Node = MarkupElement.NodeIndex
        let title: Node, orgName: Node, orgInfo: Node, description: Node, startDate: Node, endDate: Node

        init(of position: MarkupElement) {
            var title: Node = -1, orgName: Node = -1, orgInfo: Node = -1, description: Node = -1, startDate: Node = -1, endDate: Node = -1
            position.forEachChildElement { node, name in
                func note(_ slot: inout Node) { if slot < 0 { slot = node } }
                switch name {
                case "Title": note(&title)
                case "OrgName": note(&orgName)
                case "Description": note(&description)
                case "StartDate": note(&startDate)
                case "EndDate": note(&endDate)
                case "OrgInfo": note(&orgInfo)
                default: break
                }
            }
            (self.title, self.orgName, self.orgInfo, self.description, self.startDate, self.endDate) = (title, orgName, orgInfo, description, startDate, endDate)
        }
    }

    func readEmployment(_ history: MarkupElement, into draft: inout XMLCandidateDraft) {
        for employer in history.xmlChildren(named: "EmployerOrg") {
            // The employer's name, contact and positions in one walk over its children.
            var nameNode: MarkupElement.NodeIndex = -1, contactNode: MarkupElement.NodeIndex = -1
            var histories: [MarkupElement] = []
            var parts: [PositionParts] = []
            employer.forEachChildElement { node, name in
                switch name {
                case "PositionHistory":
                    let position = employer.element(at: node)
                    histories.append(position)
                    parts.append(PositionParts(of: position))
                case "EmployerOrgName": if nameNode < 0 { nameNode = node }
                case "EmployerContactInfo": if contactNode < 0 { contactNode = node }
                default: break
                }
            }
            let employerName = employer.element(orNilAt: nameNode)?.xmlValue
            let summary = employer.element(orNilAt: contactNode)?.child("LocationSummary")
            let employerLocation = summary.flatMap(Self.placeName(of:))
            var periods: [XMLCandidateDraft.Period] = []
            periods.reserveCapacity(histories.count)
            for index in histories.indices {
                let position = histories[index]
                periods.append(Self.period(start: position.element(orNilAt: parts[index].startDate), end: position.element(orNilAt: parts[index].endDate)))
            }
            Self.applyCurrentEmployerFlags(histories, periods: &periods)
            for index in histories.indices {
                let position = histories[index], period = periods[index], found = parts[index]
                var title = position.element(orNilAt: found.title)?.xmlValue
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
                let location = position.element(orNilAt: found.orgInfo)?.child("PositionLocation").flatMap(Self.placeName(of:)) ?? employerLocation
                // The duties' joined text, written as they are read, is the description `addPosition` would
                // join from them (nil for HTML duties, which it then joins itself).
                let (duties, joinedDuties) = position.element(orNilAt: found.description)
                    .map { XMLRichText.duties(of: $0, section: .position, parser: context.parser) } ?? ([], nil)
                draft.addPosition(Position(
                    title: meaningfulTitle ?? "", employer: employerName ?? position.element(orNilAt: found.orgName)?.xmlValue("OrganizationName"),
                    location: location, start: period.start, end: period.end, current: period.current,
                    description: joinedDuties, duties: duties, line: position.line), dutiesAreMeaningful: true, fieldsAreMeaningful: true)
            }
        }
    }

    /// "Municipality, Region, CountryCode" of an HR-XML address (`LocationSummary`, `PositionLocation`), the
    /// parts present and meaningful; nil when none is. Each part is the first child of its name, found in
    /// one walk over the address's children.
    static func placeName(of address: MarkupElement) -> String? {
        var municipality: MarkupElement.NodeIndex = -1, region: MarkupElement.NodeIndex = -1, country: MarkupElement.NodeIndex = -1
        address.forEachChildElement { node, name in
            switch name {
            case "Municipality": if municipality < 0 { municipality = node }
            case "Region": if region < 0 { region = node }
            case "CountryCode": if country < 0 { country = node }
            default: break
            }
        }
        return XMLValues.joined(
            values: [address.element(orNilAt: municipality)?.xmlValue, address.element(orNilAt: region)?.xmlValue, address.element(orNilAt: country)?.xmlValue],
            separator: ", ")
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

    /// Every value handed to `addEducation` is meaningful already: `xmlValue` results, and majors (each
    /// one) joined with ", ", which keeps them collapsed and can be no placeholder.
    func readEducation(_ history: MarkupElement, into draft: inout XMLCandidateDraft) {
        for school in history.xmlChildren(named: "SchoolOrInstitution") {
            // The school's parts and degrees, and each degree's parts, found in one walk over the children
            // (the first child of each name, as `child(_:)` finds it; every `Degree` and `DegreeMajor`).
            typealias Node = MarkupElement.NodeIndex
            var schoolNode: Node = -1, schoolNameNode: Node = -1, schoolAttendance: Node = -1
            var degrees: [MarkupElement] = []
            school.forEachChildElement { node, name in
                func note(_ slot: inout Node) { if slot < 0 { slot = node } }
                switch name {
                case "Degree": degrees.append(school.element(at: node))
                case "School": note(&schoolNode)
                case "DatesOfAttendance": note(&schoolAttendance)
                case "SchoolName": note(&schoolNameNode)
                default: break
                }
            }
            let schoolName = school.element(orNilAt: schoolNode)?.xmlValue("SchoolName") ?? school.element(orNilAt: schoolNameNode)?.xmlValue
            if degrees.isEmpty {
                let attendance = school.element(orNilAt: schoolAttendance)
                let period = Self.period(start: attendance?.child("StartDate"), end: attendance?.child("EndDate"))
                draft.addEducation(Education(
                    degree: nil, level: nil, field: school.xmlChildren(named: "Major").compactMap(\.xmlValue).first,
                    institution: schoolName, start: period.start, end: period.current ? nil : period.end, line: school.line),
                    fieldsAreMeaningful: true)
                continue
            }
            for degree in degrees {
                var nameNode: Node = -1, attendanceNode: Node = -1, dateNode: Node = -1
                var majors: [String] = []
                degree.forEachChildElement { node, local in
                    func note(_ slot: inout Node) { if slot < 0 { slot = node } }
                    switch local {
                    case "DegreeName": note(&nameNode)
                    case "DegreeDate": note(&dateNode)
                    case "DegreeMajor": if let major = degree.element(at: node).xmlValue("Name") { majors.append(major) }
                    case "DatesOfAttendance": note(&attendanceNode)
                    default: break
                    }
                }
                let name = degree.element(orNilAt: nameNode)?.xmlValue
                let level = degree.attribute("degreeType").flatMap(EducationLevels.level(ofHRXMLDegreeType:))
                    ?? name.flatMap(EducationLevels.level(ofDegree:))
                let attendance = degree.element(orNilAt: attendanceNode) ?? school.element(orNilAt: schoolAttendance)
                let period = Self.period(start: attendance?.child("StartDate"), end: attendance?.child("EndDate"))
                let graduation = degree.element(orNilAt: dateNode).flatMap(XMLDates.value(of:))?.endDate
                draft.addEducation(Education(
                    degree: name, level: level, field: majors.isEmpty ? nil : majors.joined(separator: ", "),
                    institution: schoolName, start: period.start, end: graduation ?? (period.current ? nil : period.end),
                    line: degree.line), fieldsAreMeaningful: true)
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
        // Its parts, the first child of each name, found in one walk over the children.
        var effectiveNode: MarkupElement.NodeIndex = -1, idNode: MarkupElement.NodeIndex = -1
        var nameNode: MarkupElement.NodeIndex = -1, descriptionNode: MarkupElement.NodeIndex = -1
        credential.forEachChildElement { node, local in
            func note(_ slot: inout MarkupElement.NodeIndex) { if slot < 0 { slot = node } }
            switch local {
            case "Name": note(&nameNode)
            case "Id": note(&idNode)
            case "EffectiveDate": note(&effectiveNode)
            case "Description": note(&descriptionNode)
            default: break
            }
        }
        let effective = credential.element(orNilAt: effectiveNode)
        let date = (effective?.child("FirstIssuedDate") ?? effective?.child("ValidFrom")).flatMap(XMLDates.value(of:))?.startDate
        let id = credential.element(orNilAt: idNode)?.xmlValue
        draft.addCertification(name: credential.element(orNilAt: nameNode)?.xmlValue ?? id, date: date, line: credential.line, alsoLookIn: id)
        if let description = credential.element(orNilAt: descriptionNode) {
            draft.addEvidence(lines: XMLRichText.lines(of: description, parser: context.parser), section: .certification)
        }
    }

    func readQualifications(_ qualifications: MarkupElement, into draft: inout XMLCandidateDraft) {
        for summary in qualifications.xmlChildren(named: "QualificationSummary") {
            draft.addEvidence(lines: XMLRichText.lines(of: summary, parser: context.parser), section: .skills)
        }
        // Visited in place, in document order as `descendants(named:)` lists them: the list was made only
        // to be read once.
        qualifications.forEachDescendant { element in
            // `addSkill` makes the name meaningful itself.
            if element.name == "Competency" { draft.addSkill(element.attribute("name"), line: element.line) }
        }
    }
}
