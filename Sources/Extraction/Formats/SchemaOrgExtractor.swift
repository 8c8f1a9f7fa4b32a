import Foundation
import Markup

/// schema.org `Person` markup, in microdata or RDFa: name, jobTitle, contact and address; jobs as
/// `worksFor`/`hasOccupation`/`alumniOf` pointing at an `OrganizationRole`/`EmployeeRole` (`roleName`,
/// `startDate`, `endDate`) or at an `Organization` holding such a role (as the JSON Resume "microdata"
/// theme writes it); schools as `alumniOf` an `EducationalOrganization`; `hasCredential` /
/// `hasCertification`; `knowsAbout` / `skills`.
///
/// Pages often mark up only part of the résumé (the header, say). Whatever the markup leaves out is read
/// from the page's text the way generic HTML is, and a warning says which parts came from where.
struct SchemaOrgExtractor: ResumeExtractor {
    var format: ResumeFormat { .schemaOrg }

    /// Person properties that make the markup a résumé rather than an author byline.
    static let resumeProperties: Set<String> = [
        "worksFor", "hasOccupation", "alumniOf", "hasCredential", "hasCertification", "knowsAbout", "skills", "jobTitle",
    ]

    func recognises(_ document: MarkupDocument) -> Bool {
        guard document.kind == .html, let root = document.root else { return false }
        // Items need `itemscope` (microdata) or `typeof` (RDFa) somewhere: no need to walk the tree without.
        guard document.containsAttribute(named: "itemscope") || document.containsAttribute(named: "typeof") else { return false }
        return Self.person(in: root) != nil
    }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        guard let root = document.root, let person = Self.person(in: root) else {
            return Candidate(source: context.source, format: format)
        }
        var reading = PersonReading(person: person)
        reading.read()
        var candidate = reading.candidate(source: context.source)
        candidate.evidence = StructuredValues.evidence(of: document, sections: reading.sections)
        fillGaps(in: &candidate, from: document, context: context)
        return candidate
    }

    /// The outermost `Person` with résumé properties (a page may also mark up, say, a reference's name).
    static func person(in root: MarkupElement) -> SchemaOrgItem? {
        for item in SchemaOrgItem.topLevelItems(in: root) {
            let isResumePerson: (SchemaOrgItem) -> Bool = { candidate in
                candidate.is(["Person"]) && candidate.properties.contains { $0.names.contains(where: resumeProperties.contains) }
            }
            if let person = item.allItems.first(where: isResumePerson) {
                return person
            }
        }
        return nil
    }

    /// Parts the markup does not cover, read from the page text as generic HTML would, when the markup
    /// has no jobs at all.
    private func fillGaps(in candidate: inout Candidate, from document: MarkupDocument, context: ExtractionContext) {
        // Markup that lists jobs is taken as the whole résumé; markup without any (a header, a card) is
        // only part of the page.
        guard candidate.positions.isEmpty else { return }
        let fromText = GenericHTMLExtractor().extract(from: document, context: context)
        var filled: [String] = []
        if candidate.positions.isEmpty && !fromText.positions.isEmpty {
            candidate.positions = fromText.positions
            filled.append("positions")
        }
        if candidate.education.isEmpty && !fromText.education.isEmpty {
            candidate.education = fromText.education
            filled.append("education")
        }
        if candidate.certifications.isEmpty && !fromText.certifications.isEmpty {
            candidate.certifications = fromText.certifications
            filled.append("certifications")
        }
        if candidate.skills.isEmpty && !fromText.skills.isEmpty {
            candidate.skills = fromText.skills
            filled.append("skills")
        }
        if candidate.headline == nil { candidate.headline = fromText.headline }
        if candidate.personal.email == nil { candidate.personal.email = fromText.personal.email }
        if candidate.personal.phone == nil { candidate.personal.phone = fromText.personal.phone }
        if candidate.personal.location == nil { candidate.personal.location = fromText.personal.location }
        if !filled.isEmpty {
            candidate.warnings.append("schema.org markup has no \(filled.joined(separator: ", ")); read from the page text instead")
        }
    }
}

/// Reads one `Person` item into candidate fields, remembering which elements hold which section.
private struct PersonReading {
    let person: SchemaOrgItem
    var personal = PersonalDetails()
    var headline: String?
    var positions: [Position] = []
    var education: [Education] = []
    var certifications: [Certification] = []
    var skills: [String] = []
    var sections: [(MarkupElement, EvidenceText.Section)] = []

    static let educationalTypes: Set<String> = [
        "EducationalOrganization", "CollegeOrUniversity", "School", "HighSchool", "MiddleSchool", "ElementarySchool", "Preschool",
    ]
    static let roleTypes: Set<String> = ["Role", "OrganizationRole", "EmployeeRole", "LinkRole", "PerformanceRole"]
    static let credentialTypes: Set<String> = ["EducationalOccupationalCredential", "Certification", "Credential"]

    init(person: SchemaOrgItem) {
        self.person = person
    }

    func candidate(source: String) -> Candidate {
        Candidate(
            source: source, format: .schemaOrg, personal: personal, headline: headline, positions: positions,
            education: education, certifications: certifications, skills: skills)
    }

    mutating func read() {
        readPersonal()
        for description in person.properties(named: "description") {
            sections.append((description.element, .summary))
        }
        for relation in ["worksFor", "hasOccupation", "alumniOf"] {
            for property in person.properties(named: relation) {
                read(property, relation: relation)
            }
        }
        for relation in ["hasCredential", "hasCertification"] {
            for property in person.properties(named: relation) {
                readCredential(property)
            }
        }
        for relation in ["knowsAbout", "skills"] {
            for property in person.properties(named: relation) {
                readSkill(property)
            }
        }
        if headline == nil {
            headline = positions.first(where: \.current)?.title.nilIfEmpty
        }
    }

    private mutating func readPersonal() {
        personal.name = person.text("name") ?? joinedName()
        headline = person.text("jobTitle")
        personal.email = person.texts("email").lazy.compactMap { StructuredValues.email($0.value) }.first
        personal.phone = person.texts("telephone").lazy.compactMap { StructuredValues.telephone($0.value) }.first
        for property in person.properties(named: "address") + person.properties(named: "homeLocation") where personal.location == nil {
            personal.location = place(property)
        }
    }

    private func joinedName() -> String? {
        let parts = [person.text("givenName"), person.text("additionalName"), person.text("familyName")].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// City, region, country of a `PostalAddress` (or a `Place` holding one), else the text as written.
    private func place(_ property: SchemaOrgItem.Property) -> String? {
        guard let item = property.item else { return property.text }
        let address = item.items("address").first ?? item
        return StructuredValues.joinedPlace([address.text("addressLocality"), address.text("addressRegion"), address.text("addressCountry")])
            ?? address.text("name") ?? StructuredValues.joinedPlace([address.element.text])
    }

    // MARK: - Jobs and schools

    private mutating func read(_ property: SchemaOrgItem.Property, relation: String) {
        guard let item = property.item else {
            // worksFor "Acme": an employer and nothing more, in the present tense.
            if relation == "worksFor", let employer = property.text {
                positions.append(Position(title: headline ?? "", employer: employer, current: true, line: property.element.line))
                sections.append((property.element, .position))
            } else if relation == "hasOccupation", let title = property.text, headline == nil {
                headline = title
            }
            return
        }
        if item.is(Self.roleTypes) {
            readRole(item, relation: relation)
        } else if item.is(Self.educationalTypes) {
            readSchool(item, role: nil)
        } else if item.is(["Occupation"]) {
            // An occupation without a role says what the person does, not where or when.
            if headline == nil { headline = item.text("name") }
        } else {
            readOrganization(item, relation: relation)
        }
    }

    /// An organisation: its `employee`/`member` roles are jobs there (the microdata theme's shape);
    /// with none, `worksFor` it means a current job under the person's `jobTitle`.
    private mutating func readOrganization(_ organization: SchemaOrgItem, relation: String) {
        let employer = organization.text("name") ?? organization.element.visibleLines.first?.value
        let roles = ["employee", "member", "employees", "members"].flatMap { organization.items($0) }.filter { $0.is(Self.roleTypes) }
        if roles.isEmpty {
            if relation == "worksFor" {
                positions.append(Position(title: headline ?? "", employer: employer, current: true, line: organization.element.line))
                sections.append((organization.element, .position))
            }
            return
        }
        for role in roles {
            positions.append(position(of: role, employer: employer, relation: relation, organization: organization))
            sections.append((organization.element, .position))
        }
    }

    /// A role: its organisation is the property of the same name (`worksFor` inside `worksFor`), or any
    /// organisation it names.
    private mutating func readRole(_ role: SchemaOrgItem, relation: String) {
        let organizations = role.properties.compactMap(\.item).filter { !$0.is(Self.roleTypes) && !$0.is(["Occupation", "PostalAddress", "Place", "DefinedTerm"]) }
        let sameRelation = role.items(relation).first { !$0.is(["Occupation"]) }
        let organization = sameRelation ?? organizations.first
        if let organization, organization.is(Self.educationalTypes) {
            readSchool(organization, role: role)
            return
        }
        let employer = organization.flatMap { $0.text("name") } ?? role.properties(named: relation).first?.text
        positions.append(position(of: role, employer: employer, relation: relation, organization: organization))
        sections.append((role.element, .position))
    }

    private func position(of role: SchemaOrgItem, employer: String?, relation: String, organization: SchemaOrgItem?) -> Position {
        let occupation = role.items("hasOccupation").first
        let title = role.text("roleName", "jobTitle", "namedPosition") ?? occupation?.text("name") ?? ""
        let dates = self.dates(of: role, openMeansCurrent: relation == "worksFor")
        var duties: [EvidenceText] = []
        for name in ["description", "disambiguatingDescription"] {
            for property in role.properties(named: name) {
                duties += property.element.visibleLines.map { EvidenceText($0.value, line: $0.line, section: .position) }
            }
        }
        let location = role.text("location") ?? organization.flatMap { $0.properties(named: "location").first.flatMap(place) }
        return Position(
            title: title, employer: employer, location: location, start: dates.start, end: dates.current ? nil : dates.end,
            current: dates.current, description: duties.isEmpty ? nil : duties.map(\.text).joined(separator: "\n"),
            duties: duties, line: role.element.line)
    }

    /// A school, with the degree from its role or from the programme it offers (the theme's `owns`).
    private mutating func readSchool(_ school: SchemaOrgItem, role: SchemaOrgItem?) {
        let programs = school.items("owns") + school.items("hasEducationalProgram") + school.items("hasCourse")
        let program = programs.first { $0.is(["EducationalOccupationalProgram", "Course", "Program"]) } ?? programs.first
        let degree = role?.text("roleName", "educationalCredentialAwarded", "name")
            ?? program?.text("educationalCredentialAwarded", "educationalProgramMode", "name")
        var field = program?.text("occupationalCategory", "about")
        if field == nil, let degree { field = StructuredValues.fieldOfStudy(in: degree) }
        let dated = role ?? program ?? school
        let dates = self.dates(of: dated, openMeansCurrent: false)
        education.append(Education(
            degree: degree, level: degree.flatMap(EducationLevels.level(ofDegree:)), field: field,
            institution: school.text("name") ?? school.element.visibleLines.first?.value,
            start: dates.start, end: dates.end, line: (role ?? school).element.line))
        sections.append(((role ?? school).element, .education))
    }

    // MARK: - Credentials and skills

    private mutating func readCredential(_ property: SchemaOrgItem.Property) {
        guard let item = property.item else {
            if let name = property.text {
                certifications.append(Certification(name: name, id: CertificationCatalog.canonicalID(in: name), line: property.element.line))
                sections.append((property.element, .certification))
            }
            return
        }
        // The theme names the certificate in a plain <dt>; its first visible line is the name then.
        let name = item.text("name") ?? item.element.visibleLines.first?.value ?? ""
        guard !name.isEmpty else { return }
        let date = ["dateCreated", "validFrom", "dateIssued", "datePublished"].lazy.compactMap { item.text($0).flatMap(StructuredValues.date) }.first
        let category = item.text("credentialCategory")?.lowercased() ?? ""
        if category.contains("degree") || category.contains("diploma"), CertificationCatalog.canonicalID(in: name) == nil {
            let issuer = item.items("recognizedBy").first ?? item.items("issuedBy").first
            education.append(Education(
                degree: name, level: EducationLevels.level(ofDegree: name) ?? EducationLevels.level(ofDegree: category),
                field: StructuredValues.fieldOfStudy(in: name), institution: issuer?.text("name"), end: date, line: item.element.line))
            sections.append((item.element, .education))
            return
        }
        certifications.append(Certification(name: name, id: CertificationCatalog.canonicalID(in: name), date: date, line: item.element.line))
        sections.append((item.element, .certification))
    }

    private mutating func readSkill(_ property: SchemaOrgItem.Property) {
        sections.append((property.element, .skills))
        guard let item = property.item else {
            guard let text = property.text else { return }
            // "Workday, FMLA; onboarding" written as one value.
            let pieces = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "·" || $0 == "|" })
            for piece in pieces { StructuredValues.appendUnique(String(piece), to: &skills) }
            return
        }
        // A Thing (or DefinedTerm) per skill; the theme gives a group its description and a name per keyword.
        let names = item.texts("name")
        if names.isEmpty, let description = item.text("description") {
            StructuredValues.appendUnique(description, to: &skills)
        }
        for name in names { StructuredValues.appendUnique(name.value, to: &skills) }
    }

    // MARK: - Dates

    private struct Dates {
        var start: PartialDate?
        var end: PartialDate?
        var current = false
    }

    /// Start and end of an item (or the first nested item that has them). An open end is current when
    /// the relation is present tense (`worksFor`) or the reader sees "Present" after the start.
    private func dates(of item: SchemaOrgItem, openMeansCurrent: Bool) -> Dates {
        let dated = ([item] + item.allItems).first { !$0.properties(named: "startDate").isEmpty || !$0.properties(named: "endDate").isEmpty } ?? item
        var result = Dates()
        let startProperty = dated.properties(named: "startDate").first
        let endProperty = dated.properties(named: "endDate").first
        result.start = startProperty?.text.flatMap(StructuredValues.date)
        if let endProperty {
            result.end = endProperty.text.flatMap(StructuredValues.date)
            if result.end == nil, DateExpressions.isPresent(endProperty.element.text) || endProperty.text.map(DateExpressions.isPresent) == true {
                result.current = true
            }
        } else if startProperty != nil {
            let isStart: (MarkupElement) -> Bool = { SchemaOrgItem.propertyNames(of: $0).contains("startDate") }
            let isStop: (MarkupElement) -> Bool = { element in
                let names = SchemaOrgItem.propertyNames(of: element)
                return names.contains("endDate") || names.contains("startDate")
            }
            let following = StructuredValues.visibleText(after: isStart, stoppingAt: isStop, in: dated.element)
            result.current = openMeansCurrent || following.map(StructuredValues.saysPresent) == true
        }
        return result
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
