import Markup

/// Europass CV XML from Cedefop: v3.x `SkillsPassport` (namespace
/// `http://europass.cedefop.europa.eu/Europass`) and the legacy v1.x/v2.0 `europass:learnerinfo`
/// (namespace `…/Europass/V1.x|V2.0`) whose children are unqualified and lower-case.
///
/// A v3 document may bundle a cover letter (`CoverLetter`), a language passport and attachments
/// (`AttachmentList`, base64 `Data`): only `LearnerInfo` is read, so those are never touched.
struct EuropassV3Extractor: ResumeExtractor {
    static let namespacePrefix = "http://europass.cedefop.europa.eu/Europass"

    var format: ResumeFormat { .europassV3 }

    func recognises(_ document: MarkupDocument) -> Bool {
        guard document.kind == .xml, let root = document.root, let namespace = root.namespace,
              namespace.hasPrefix(Self.namespacePrefix) else { return false }
        return root.name == "SkillsPassport" || root.name == "learnerinfo" || root.name == "LearnerInfo"
    }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        var draft = XMLCandidateDraft(source: context.source, format: format)
        guard let root = document.root else { return draft.finished() }
        if root.name == "learnerinfo" {
            EuropassLegacyReader(context: context).read(root, into: &draft)
        } else {
            let learner = root.name == "LearnerInfo" ? root : root.child("LearnerInfo")
            if let learner {
                readLearner(learner, context: context, into: &draft)
            } else {
                draft.warn("Europass document without LearnerInfo: no CV in it")
            }
        }
        return draft.finished()
    }

    // MARK: - v3

    private func readLearner(_ learner: MarkupElement, context: ExtractionContext, into draft: inout XMLCandidateDraft) {
        if let identification = learner.child("Identification") {
            readIdentification(identification, into: &draft)
        }
        if let headline = learner.path("Headline", "Description") {
            let text = headline.xmlValue("Label") ?? headline.xmlValue
            // Headline types: job_applied_for, position, preferred_job, studies_applied_for, and
            // personal_statement, which is a paragraph about the person rather than a job.
            if learner.xmlValue("Headline", "Type", "Code") == "personal_statement" {
                draft.addEvidence(lines: XMLRichText.lines(of: headline.child("Label") ?? headline, parser: context.parser), section: .summary)
            } else {
                draft.setHeadline(text, line: headline.line)
            }
        }
        // v3.0 wrote the target job as `Occupation/Label`.
        if let occupation = learner.child("Occupation") {
            draft.setHeadline(occupation.xmlValue("Label") ?? occupation.xmlValue, line: occupation.line)
        }
        if let summary = learner.child("ProfileSummary") {
            draft.addEvidence(lines: XMLRichText.lines(of: summary, parser: context.parser), section: .summary)
        }
        for work in learner.xmlAll("WorkExperienceList", "WorkExperience") {
            let read = position(from: work, context: context, draft: &draft)
            draft.addPosition(read)
        }
        for education in learner.xmlAll("EducationList", "Education") {
            readEducation(education, context: context, into: &draft)
        }
        if let skills = learner.child("Skills") {
            readSkills(skills, context: context, into: &draft)
        }
        for achievement in learner.xmlAll("AchievementList", "Achievement") {
            readAchievement(achievement, context: context, into: &draft)
        }
    }

    private func readIdentification(_ identification: MarkupElement, into draft: inout XMLCandidateDraft) {
        var personal = draft.personal
        if let name = identification.child("PersonName") {
            personal.name = XMLValues.joined([name.xmlValue("FirstName"), name.xmlValue("Surname")])
        }
        if let contact = identification.child("ContactInfo") {
            personal.email = contact.xmlValue("Email", "Contact") ?? contact.xmlValue("Email")
            let telephone = contact.xmlAll("TelephoneList", "Telephone").first
            personal.phone = telephone?.xmlValue("Contact") ?? telephone?.xmlValue
            if let address = contact.path("Address", "Contact") {
                personal.location = XMLValues.joined(
                    [address.xmlValue("Municipality"), address.xmlValue("Country", "Label") ?? address.xmlValue("Country", "Code")],
                    separator: ", ")
            }
        }
        if let demographics = identification.child("Demographics") {
            if let birth = demographics.child("Birthdate"), let date = XMLDates.value(of: birth)?.startDate {
                personal.birthDate = date.description
            }
            personal.gender = demographics.xmlValue("Gender", "Label") ?? demographics.xmlValue("Gender", "Code")
            let nationalities = demographics.xmlAll("NationalityList", "Nationality").compactMap { $0.xmlValue("Label") ?? $0.xmlValue("Code") }
            personal.nationality = nationalities.isEmpty ? nil : nationalities.joined(separator: ", ")
        }
        if let photo = identification.child("Photo"), photo.child("Data")?.xmlHasText == true {
            // Only that there is one: the image bytes are never decoded or copied.
            personal.photo = photo.xmlValue("MimeType") ?? "embedded image"
        }
        draft.personal = personal
    }

    private func position(from work: MarkupElement, context: ExtractionContext, draft: inout XMLCandidateDraft) -> Position {
        let period = Self.period(of: work.child("Period"))
        let title = work.xmlValue("Position", "Label") ?? work.child("Position").flatMap { $0.children.isEmpty ? $0.xmlValue : nil }
        let employer = work.child("Employer")
        let employerAddress = employer?.path("ContactInfo", "Address", "Contact")
        let location = XMLValues.joined(
            [employerAddress?.xmlValue("Municipality"), employerAddress?.xmlValue("Country", "Label")], separator: ", ")
        let duties = work.child("Activities").map { XMLRichText.lines(of: $0, parser: context.parser) } ?? []
        if period.currentInferred {
            draft.warn("position \(draft.positions.count + 1) (\(title ?? "untitled")) has a start and no end: read as current")
        }
        return Position(
            title: title ?? "", employer: employer?.xmlValue("Name") ?? employer.flatMap { $0.children.isEmpty ? $0.xmlValue : nil },
            location: location, start: period.start, end: period.end, current: period.current,
            duties: duties.map { EvidenceText($0.value, line: $0.line, section: .position) }, line: work.line)
    }

    /// `Period/{From, To, Current}`; `From`/`To` carry gYear/gMonth/gDay attributes.
    static func period(of element: MarkupElement?) -> XMLCandidateDraft.Period {
        guard let element else { return .empty }
        let from = element.xmlChild(anyOf: ["From", "from"]).flatMap(XMLDates.value(of:))
        let to = element.xmlChild(anyOf: ["To", "to"]).flatMap(XMLDates.value(of:))
        let flag = element.xmlChild(anyOf: ["Current", "current"]).map { XMLValues.isTrue($0.text) }
        return XMLCandidateDraft.period(start: from, end: to, currentFlag: flag)
    }

    private func readEducation(_ education: MarkupElement, context: ExtractionContext, into draft: inout XMLCandidateDraft) {
        let period = Self.period(of: education.child("Period"))
        let title = education.xmlValue("Title")
        var level = education.xmlValue("Level", "Code").flatMap(EducationLevels.level(ofCode:))
        if level == nil, let label = education.xmlValue("Level", "Label"), label.contains(where: \.isNumber) {
            level = EducationLevels.level(ofCode: label)
        }
        draft.addEducation(Education(
            degree: title, level: level, field: education.xmlValue("Field", "Label"),
            institution: education.xmlValue("Organisation", "Name"), start: period.start,
            end: period.current ? nil : period.end, line: education.line))
        if let activities = education.child("Activities") {
            draft.addEvidence(lines: XMLRichText.lines(of: activities, parser: context.parser), section: .education)
        }
    }

    private func readSkills(_ skills: MarkupElement, context: ExtractionContext, into draft: inout XMLCandidateDraft) {
        if let linguistic = skills.child("Linguistic") {
            let languages = linguistic.xmlAll("MotherTongueList", "MotherTongue") + linguistic.xmlAll("ForeignLanguageList", "ForeignLanguage")
            for language in languages {
                let description = language.child("Description")
                let name = description?.xmlValue("Label") ?? description?.xmlValue("Code").flatMap(XMLLanguageNames.name(ofCode:))
                draft.addSkill(name, line: description?.line ?? language.line)
            }
        }
        for area in ["Communication", "Organisational", "JobRelated", "Computer", "Other"] {
            guard let description = skills.path(area, "Description") else { continue }
            draft.addEvidence(lines: XMLRichText.lines(of: description, parser: context.parser), section: .skills)
        }
        // Certificates that verify a skill: language certificates, digital-competence certificates.
        for certificate in skills.descendants(named: "Certificate") where certificate.parent?.name == "VerifiedBy" {
            let date = certificate.child("Date").flatMap(XMLDates.value(of:))?.startDate
            draft.addCertification(name: certificate.xmlValue("Title"), date: date, line: certificate.line)
        }
        for licence in skills.xmlAll("Driving", "Description", "Licence") {
            if let category = licence.xmlValue {
                draft.addCertification(name: "Driving licence \(category)", line: licence.line, canonicalLookup: false)
            }
        }
    }

    private func readAchievement(_ achievement: MarkupElement, context: ExtractionContext, into draft: inout XMLCandidateDraft) {
        let code = achievement.xmlValue("Title", "Code")?.lowercased()
        let label = achievement.xmlValue("Title", "Label")
        let lines = achievement.child("Description").map { XMLRichText.lines(of: $0, parser: context.parser) } ?? []
        if code == "certifications" || (code == nil && label.map(Self.namesCertifications) == true) {
            for line in lines {
                let date = DateExpressions.findRange(in: line.value)?.start
                draft.addCertification(name: line.value, date: date, line: line.line)
            }
        } else {
            draft.addEvidence(lines: lines, section: .other)
        }
    }

    /// A user-defined achievement heading that holds certifications ("Certificates", "Licences and
    /// certifications").
    static func namesCertifications(_ label: String) -> Bool {
        let lowered = label.lowercased()
        return lowered.contains("certif") || lowered.contains("licen")
    }
}
