import Foundation
import Markup
import Testing

@testable import Extraction

/// Fixtures written for these tests (Fixtures/xml, fictitious people): namespace variants, encodings,
/// escaped HTML, DTD-only entities, hostile entities, schema placeholders and the generic fallback.
@Suite("XML fixtures")
struct XMLFixtureTests {
    typealias T = XMLTestSupport

    // MARK: - Europass

    @Test func europassV3HRGeneralist() throws {
        let candidate = try T.readFixture("europass-v3-hr-generalist.xml")
        #expect(candidate.format == .europassV3)
        #expect(candidate.personal.name == "Lucía Fernández Ortega")
        #expect(candidate.personal.email == "lucia.fernandez@example.es")
        #expect(candidate.personal.phone == "+34 600 000 111")
        #expect(candidate.personal.location == "Sevilla, España")
        #expect(candidate.personal.birthDate == "1988-07-21")
        #expect(candidate.personal.gender == "Female")
        #expect(candidate.personal.nationality == "Spanish")
        #expect(candidate.personal.photo == "image/png")
        #expect(candidate.headline == "HR Assistant Manager")

        try #require(candidate.positions.count == 3)
        let current = candidate.positions[0]
        #expect(current.title == "Senior HR Generalist")
        #expect(current.employer == "Hospital Virgen de Ejemplo")
        #expect(current.location == "Sevilla, España")
        #expect(current.start == T.date(2021, 3, 15))
        #expect(current.current && current.end == nil)
        // Escaped HTML with non-ASCII text, a <br /> inside a list item.
        #expect(current.duties.map(\.text) == [
            "Gestión de personas:", "Supervised a team of 3 HR assistants", "Ran payroll in Workday for 450 employees",
        ])
        #expect(current.description == "Gestión de personas:\nSupervised a team of 3 HR assistants\nRan payroll in Workday for 450 employees")
        let previous = candidate.positions[1]
        #expect(previous.title == "HR Generalist")
        #expect(previous.employer == "Clínicas Ejemplo S.L.")
        #expect(previous.start == T.date(2017, 9) && previous.end == T.date(2021, 2) && !previous.current)
        // Literal \n sequences are line breaks; a typed "- " bullet is layout.
        #expect(previous.duties.map(\.text) == [
            "Recruitment for 12 clinics", "Onboarding and FMLA-style leave administration", "Employee relations casework",
        ])
        let first = candidate.positions[2]
        #expect(first.title == "HR Assistant")  // <Position> with text and no <Label>
        #expect(first.employer == nil)  // <Name>String</Name>: a schema placeholder
        #expect(first.start == T.date(2015) && first.end == T.date(2017))

        try #require(candidate.education.count == 2)
        #expect(candidate.education[0].degree == "Máster en Dirección de Recursos Humanos")
        #expect(candidate.education[0].level == .master)  // Level/Code 7
        #expect(candidate.education[0].field == "Business and administration")
        #expect(candidate.education[0].start == T.date(2012))
        #expect(candidate.education[0].end == T.date(2014, 6))
        #expect(candidate.education[1].level == .bachelor)  // Level/Label "EQF 6", no code

        #expect(candidate.certifications.map(\.name) == [
            "Cambridge C1 Advanced", "Workday Pro certification", "Driving licence B",
            "SHRM Certified Professional (SHRM-CP), 2022", "CIPD Level 5 Associate Diploma",
        ])
        #expect(candidate.certifications.map(\.id) == [nil, "Workday-Pro", nil, "SHRM-CP", "CIPD"])
        #expect(candidate.certifications[0].date == T.date(2016, 6))
        #expect(candidate.certifications[3].date == T.date(2022))
        // The attachment's description and the cover letter are not the CV.
        #expect(!candidate.certifications.contains { $0.id == "PHR" || $0.id == "SPHR" })
        #expect(!T.allText(of: candidate).contains { $0.contains("Director of People") || $0.contains("JVBERi0") })

        #expect(candidate.skills == ["Spanish", "English"])
        #expect(candidate.evidence.contains { $0.text == "HRIS administration (Workday, SAP SuccessFactors)" && $0.section == .skills })
        #expect(candidate.evidence.contains { $0.text == "Mentor at a local job club" && $0.section == .other })
        #expect(candidate.evidence.contains { $0.text == "Senior HR Generalist" && $0.section == .position })
        #expect(candidate.evidence.contains { $0.text == "HR Assistant Manager" && $0.section == .summary })
        #expect(candidate.experience.managementMonths > 0)
    }

    @Test func europassLegacyV11() throws {
        let candidate = try T.readFixture("europass-legacy-v1.1.xml")
        #expect(candidate.format == .europassV3)
        #expect(candidate.personal.name == "Camille Dupont-Exemple")
        #expect(candidate.personal.email == "camille@example.fr")
        #expect(candidate.personal.phone == "04 00 00 00 00")
        #expect(candidate.personal.location == "69000 Lyon")
        #expect(candidate.personal.birthDate == "1979-11-02")
        #expect(candidate.personal.nationality == "Française")
        #expect(candidate.headline == "Responsable des ressources humaines")
        try #require(candidate.positions.count == 2)
        #expect(candidate.positions[0].title == "Chargée de recrutement")
        // V1.x writes the employer's name as the first line of its address.
        #expect(candidate.positions[0].employer == "Exemple Intérim SA")
        #expect(candidate.positions[0].start == T.date(2004, 2))
        #expect(candidate.positions[0].current)  // an empty <to>
        #expect(candidate.positions[0].duties.map(\.text) == ["recrutement des cadres", "gestion de la paie"])
        #expect(candidate.positions[1].title == "Assistante RH")
        #expect(candidate.positions[1].employer == "Mairie d'Exemple")
        #expect(candidate.positions[1].end == T.date(2004, 1))
        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].degree == "Master en gestion des ressources humaines")
        // "CITE 5A" is ISCED 1997, whose numbers are not EQF's: the title decides.
        #expect(candidate.education[0].level == .master)
        #expect(candidate.education[0].institution == "Université Lumière Lyon 2")
        #expect(candidate.skills == ["Français", "Anglais"])
        #expect(candidate.certifications.map(\.name) == ["Driving licence B"])
        #expect(candidate.evidence.contains { $0.text == "animation d'une équipe de 4 personnes" && $0.section == .skills })
    }

    @Test func europass2020HRManager() throws {
        let candidate = try T.readFixture("europass-2020-hr-manager.xml")
        #expect(candidate.format == .europass2020)
        #expect(candidate.personal.name == "Jonas Beispiel")
        #expect(candidate.personal.email == "jonas.beispiel@example.de")
        #expect(candidate.personal.phone == "+49 1701234567")
        #expect(candidate.personal.location == "Köln, DE")
        #expect(candidate.personal.nationality == "DE")
        #expect(candidate.personal.birthDate == "1985-02-14")
        #expect(candidate.personal.gender == "Male")
        #expect(candidate.headline == "HR Manager")
        try #require(candidate.positions.count == 3)
        let partner = candidate.positions[0]
        #expect(partner.title == "HR Business Partner")
        #expect(partner.employer == "Beispiel Logistik GmbH")
        // No dates on the position: the employer's period (2018-01, current) stands in.
        #expect(partner.start == T.date(2018, 1) && partner.current)
        #expect(partner.duties.map(\.text) == ["Led a team of 4 recruiters", "Betriebsrat negotiations"])
        let specialist = candidate.positions[1]
        #expect(specialist.title == "HR Specialist" && specialist.employer == "Muster AG")
        #expect(specialist.start == T.date(2014, 4, 1) && specialist.end == T.date(2017, 12, 31) && !specialist.current)
        #expect(specialist.duties.map(\.text) == ["Payroll", "Time and attendance"])
        let trainee = candidate.positions[2]
        #expect(trainee.start == nil && trainee.end == T.date(2014) && !trainee.current)  // DateText "Unknown"
        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].degree == "Bachelor of Arts in Business Administration")
        #expect(candidate.education[0].level == .bachelor)  // ISCED 6
        #expect(candidate.education[0].start == T.date(2009, 10) && candidate.education[0].end == T.date(2013, 9))
        #expect(candidate.certifications.map(\.name) == [
            "Senior Professional in Human Resources – International (SPHRi)", "Driving licence B", "Forklift operator licence",
        ])
        #expect(candidate.certifications.map(\.id) == ["SPHRi", nil, nil])
        #expect(candidate.certifications[0].date == T.date(2020, 5))
        #expect(candidate.certifications[1].date == T.date(2003))
        #expect(candidate.skills == ["German", "SAP SuccessFactors", "Works council negotiation"])
        #expect(candidate.evidence.contains { $0.text == "Negotiated three works agreements." && $0.section == .skills })
        #expect(!T.allText(of: candidate).contains { $0.contains("Supplier") || $0.contains("supplier@example.org") })
    }

    // MARK: - HR-XML

    @Test func hrxml2ParserOutput2006() throws {
        let candidate = try T.readFixture("hrxml2-2006-parser-output.xml")
        #expect(candidate.format == .hrXML2)
        #expect(candidate.personal.name == "Dana R. Example")
        #expect(candidate.personal.phone == "(555) 010-0199")
        #expect(candidate.personal.email == "dana.example@example.com")
        #expect(candidate.personal.location == "Columbus, OH, US")
        try #require(candidate.positions.count == 5)
        let manager = candidate.positions[0]
        #expect(manager.title == "HR Assistant Manager")
        #expect(manager.employer == "Example Health System")
        #expect(manager.start == T.date(2022, 5))
        // currentEmployer="true" and an EndDate that is only the day the parser ran: current.
        #expect(manager.current && manager.end == nil)
        #expect(manager.duties.map(\.text) == ["Supervise two HR coordinators.", "Lead the annual open enrollment."])
        let senior = candidate.positions[1]
        #expect(senior.title == "Senior HR Generalist")
        #expect(!senior.current && senior.start == T.date(2019, 2, 1) && senior.end == T.date(2022, 4, 30))
        #expect(senior.duties.map(\.text) == ["FMLA and ADA case management"])
        let generalist = candidate.positions[2]
        #expect(generalist.start == T.date(2016, 6))  // StringDate "June 2016"
        #expect(generalist.end == T.date(2019, 1, 15))  // StringDate "1/15/2019"
        let intern = candidate.positions[3]
        #expect(intern.start == T.date(2015) && intern.end == nil && !intern.current)  // EndDate notKnown
        #expect(candidate.warnings.contains { $0.contains("HR Intern") && $0.contains("adds no experience") })
        let volunteer = candidate.positions[4]
        #expect(volunteer.current && volunteer.start == T.date(2020, 1))  // StringDate "current"
        #expect(candidate.currentPosition?.title == "HR Assistant Manager")
        try #require(candidate.education.count == 2)
        #expect(candidate.education[0].degree == "BS")
        #expect(candidate.education[0].level == .bachelor)  // degreeType="bachelors"
        #expect(candidate.education[0].field == "Human Resource Management")
        #expect(candidate.education[0].start == T.date(2011))
        #expect(candidate.education[0].end == T.date(2015, 5))
        #expect(candidate.education[1].level == .associate)  // from the name
        #expect(candidate.certifications.map(\.name) == ["Professional in Human Resources", "SHRM-CP"])
        #expect(candidate.certifications.map(\.id) == ["PHR", "SHRM-CP"])
        #expect(candidate.certifications[0].date == T.date(2020, 6))
        #expect(candidate.skills == ["Workday"])
        #expect(candidate.evidence.contains { $0.text == "Workday, Kronos, ADP." && $0.section == .skills })
        #expect(candidate.evidence.contains { $0.text == "HR generalist with eight years in healthcare." && $0.section == .summary })
        #expect(!T.allText(of: candidate).contains("String"))
    }

    @Test func hrxml2CandidateWithoutNamespace() throws {
        let candidate = try T.readFixture("hrxml2-no-namespace-candidate.xml")
        #expect(candidate.format == .hrXML2)
        #expect(candidate.personal.name == "Priya K. Sample")
        #expect(candidate.personal.phone == "+1 312 555-0134")
        #expect(candidate.personal.nationality == "IN")
        #expect(candidate.personal.maritalStatus == "Married")
        #expect(candidate.personal.birthDate == "1990-03-08")
        #expect(candidate.headline == nil)  // PositionTitle "String"
        try #require(candidate.positions.count == 1)
        #expect(candidate.positions[0].title == "Recruiter")
        #expect(candidate.positions[0].start == T.date(2019, 8) && candidate.positions[0].current)
        #expect(candidate.warnings.contains { $0.contains("read as current") })
        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].degree == "MBA" && candidate.education[0].level == .master)
        #expect(candidate.education[0].institution == "Example State University")
    }

    @Test("UTF-16 LE and BE with a byte-order mark and no declaration, UTF-8 with a BOM", arguments: [
        "hrxml3-utf16le-bom-no-declaration.xml", "hrxml3-utf16be-bom-no-declaration.xml", "hrxml3-utf8-bom.xml",
    ])
    func encodings(_ name: String) throws {
        let candidate = try T.readFixture(name)
        #expect(candidate.format == .hrXML3)
        #expect(candidate.personal.name == "Zoë Ñandú-Øster")
        let job = try #require(candidate.positions.first)
        #expect(job.title == "Responsable RH – paie")
        #expect(job.employer == "Société Exemple")
        #expect(job.start == T.date(2020, 2) && job.end == T.date(2024, 8, 31))
    }

    // MARK: - XML Résumé

    @Test func dtdOnlyEntities() throws {
        let candidate = try T.readFixture("xmlresume-dtd-entities.xml")
        #expect(candidate.format == .xmlResume)
        #expect(candidate.personal.name == "Renée François")
        #expect(candidate.personal.location == "Montréal, QC, Canada")
        let job = try #require(candidate.positions.first)
        #expect(job.title == "Maître d’hôtel")
        #expect(job.employer == "Example Bistro")  // an internal entity
        #expect(job.start == T.date(2019, 4) && job.current)
        #expect(job.duties.map(\.text) == ["Trained 6 servers in Crème brûlée plating"])
        #expect(candidate.skills == ["Pâtisserie", "Sauté"])
    }

    @Test("an un-namespaced <resume> that is not the XML Résumé Library falls to the generic reader")
    func otherResumeRoot() throws {
        let xml = "<resume><person><name>Sam Example</name></person><job><title>HR Officer</title><from>2019</from><to>2021</to></job></resume>"
        #expect(try T.extractor(for: xml)?.format == .xml)
        let candidate = try T.read(xml: xml)
        #expect(candidate.personal.name == "Sam Example")
        #expect(candidate.positions.first?.title == "HR Officer")
        #expect(candidate.positions.first?.start == T.date(2019))
        #expect(candidate.positions.first?.end == T.date(2021))
    }

    // MARK: - Hostile input

    /// The host's name as the file says it, if the machine has one worth looking for.
    static var hostname: String? {
        guard let text = try? String(contentsOfFile: "/etc/hostname", encoding: .utf8) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    @Test("an external entity pointing at file:///etc/hostname reads nothing", arguments: [
        "xxe-external-entity.xml", "xxe-parameter-entity.xml",
    ])
    func externalEntitiesReadNothing(_ name: String) throws {
        let candidate = try T.readFixture(name)
        let everything = T.allText(of: candidate)
        if let hostname = Self.hostname {
            #expect(!everything.contains { $0.contains(hostname) }, "the host name leaked from /etc/hostname")
        }
        // Exact values: nothing was spliced in where the entities stood.
        if name.hasPrefix("xxe-external") {
            #expect(candidate.personal.name == "Eve Intruder")
            #expect(candidate.positions.map(\.title) == ["Recruiter"])
            #expect(candidate.positions.first?.employer == "Café Example")  // &eacute; redeclared as SYSTEM: HTML's é
            #expect(candidate.skills == ["Sourcing"])
        } else {
            #expect(candidate.personal.name == "Mallory Example")
            #expect(candidate.positions.map(\.title) == ["HR Generalist"])
        }
    }

    @Test("an external entity pointing at a file of ours reads nothing either")
    func externalEntityToKnownFile() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("readiness-xxe-\(UUID().uuidString).txt")
        try "XXE-SECRET-7f3a".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE resume [ <!ENTITY secret SYSTEM "\(secret.absoluteString)"> ]>
            <resume><header><name><firstname>Eve</firstname><surname>&secret;Example</surname></name></header>
            <history><job><jobtitle>Recruiter &secret;</jobtitle><employer>&secret;</employer>
            <period><from><date><year>2020</year></date></from><to><present/></to></period></job></history></resume>
            """
        let candidate = try T.read(xml: xml)
        #expect(!T.allText(of: candidate).contains { $0.contains("XXE-SECRET") })
        #expect(candidate.personal.name == "Eve Example")
    }

    // MARK: - Generic XML

    @Test func unknownVocabulary() throws {
        let candidate = try T.readFixture("generic-unknown-vocabulary.xml")
        #expect(candidate.format == .xml)
        #expect(candidate.warnings.contains("unknown XML vocabulary cv (urn:example:home-made-cv): read as plain text"))
        #expect(candidate.personal.name == "Morgan Example-Smith")  // not the referee
        #expect(candidate.personal.email == "morgan@example.net")
        #expect(candidate.personal.phone == "+44 20 7946 0000")
        try #require(candidate.positions.count == 2)
        #expect(candidate.positions[0].title == "HR Manager")
        #expect(candidate.positions[0].employer == "Example Foods plc")
        #expect(candidate.positions[0].start == T.date(2020, 3) && candidate.positions[0].current)
        #expect(candidate.positions[0].duties.map(\.text) == ["Led a team of five.", "Owned the HR budget."])
        #expect(candidate.positions[1].title == "HR Advisor")
        #expect(candidate.positions[1].employer == "Example Retail Ltd")
        #expect(candidate.positions[1].start == T.date(2016, 5) && candidate.positions[1].end == T.date(2020, 2))
        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].degree == "BSc Psychology")
        #expect(candidate.education[0].level == .bachelor)
        #expect(candidate.education[0].institution == "University of Example")
        #expect(candidate.education[0].end == T.date(2015))
        // "To earn my SPHR one day" is an aim.
        #expect(candidate.certifications.map(\.name) == ["CIPD Level 7 Advanced Diploma"])
        #expect(candidate.certifications.first?.id == "CIPD")
        #expect(candidate.certifications.first?.date == T.date(2019))
        #expect(candidate.skills == ["Employee relations", "TUPE"])
        #expect(candidate.evidence.contains { $0.text == "To earn my SPHR one day." })
    }

    @Test("the generic reader takes any XML root, never an HTML document")
    func genericRecognition() throws {
        let generic = GenericXMLExtractor()
        #expect(generic.recognises(try T.document("<?xml version=\"1.0\"?><anything><x>1</x></anything>")))
        #expect(generic.recognises(try T.document("<?xml version=\"1.0\"?><p:doc xmlns:p=\"urn:x\"/>")))
        #expect(!generic.recognises(try T.document("<!DOCTYPE html><html><body><p>Jane Doe</p></body></html>")))
        #expect(!generic.recognises(try T.document("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>")))
    }

    @Test("an XML document with nothing résumé-like is a clear error, not an empty record")
    func nothingToRead() {
        #expect(throws: ResumeReadError.self) {
            try T.read(xml: "<?xml version=\"1.0\"?><config><setting>42</setting></config>")
        }
    }

    // MARK: - Recognition by root and namespace

    @Test("each vocabulary is recognised by its root and namespace", arguments: [
        (#"<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass"><LearnerInfo/></SkillsPassport>"#, ResumeFormat.europassV3),
        (#"<europass:learnerinfo xmlns:europass="http://europass.cedefop.europa.eu/Europass/V2.0"/>"#, .europassV3),
        (#"<europass:learnerinfo xmlns:europass="http://europass.cedefop.europa.eu/Europass/V1.2"/>"#, .europassV3),
        (#"<Candidate xmlns="http://www.europass.eu/1.0" xmlns:hr="http://www.hr-xml.org/3"/>"#, .europass2020),
        (#"<Candidate xmlns="http://www.hr-xml.org/3"/>"#, .hrXML3),
        (#"<oa:ProcessCandidate xmlns:oa="http://www.openapplications.org/oagis/9"><oa:DataArea><Candidate xmlns="http://www.hr-xml.org/3"/></oa:DataArea></oa:ProcessCandidate>"#, .hrXML3),
        (#"<Candidate><CandidatePerson/></Candidate>"#, .hrXML3),
        (#"<Resume xmlns="http://ns.hr-xml.org/2007-04-15"/>"#, .hrXML2),
        (#"<Resume xmlns="http://ns.hr-xml.org/2006-02-28"/>"#, .hrXML2),
        (#"<Resume><StructuredXMLResume/></Resume>"#, .hrXML2),
        (#"<Candidate xmlns="http://ns.hr-xml.org/2007-04-15"/>"#, .hrXML2),
        (#"<Candidate><CandidateProfile/></Candidate>"#, .hrXML2),
        (#"<EmploymentHistory><EmployerOrg/></EmploymentHistory>"#, .hrXML2),
        (#"<resume xmlns="http://xmlresume.sourceforge.net/resume/0.0"/>"#, .xmlResume),
        (#"<resume><header/></resume>"#, .xmlResume),
        (#"<resumes><resume><header/></resume></resumes>"#, .xmlResume),
        (#"<Resume xmlns="urn:someone-else"><StructuredXMLResume/></Resume>"#, .xml),
        (#"<SkillsPassport xmlns="urn:someone-else"/>"#, .xml),
        (#"<Candidate/>"#, .xml),
    ])
    func recognition(_ xml: String, _ expected: ResumeFormat) throws {
        #expect(try T.extractor(for: "<?xml version=\"1.0\"?>" + xml)?.format == expected)
    }
}
