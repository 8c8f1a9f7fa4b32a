import Foundation
import Testing

@testable import Extraction

/// Every XML résumé in ../shared/corpus, with the fields a person reads off it. Expected values were
/// written by reading the files, not by running the program.
@Suite("XML corpus")
struct XMLCorpusTests {
    typealias T = XMLTestSupport

    static let allXMLFiles: [String] = {
        var files: [String] = []
        for folder in ["europass", "hr-xml", "xml-other"] {
            let url = T.corpus.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            files += names.filter { $0.hasSuffix(".xml") }.sorted().map { "\(folder)/\($0)" }
        }
        return files
    }()

    @Test("the corpus is where the tests expect it")
    func corpusIsPresent() {
        #expect(Self.allXMLFiles.count == 15, "found \(Self.allXMLFiles)")  // 7 Europass, 5 HR-XML, 3 XML Résumé
    }

    @Test("every XML file in the corpus gives a record or a clear error", arguments: allXMLFiles)
    func everyFileParses(_ file: String) {
        do {
            let candidate = try T.readCorpus(file)
            #expect(candidate.format != .html, "\(file) read as HTML")
            #expect(candidate.personal.name != nil || !candidate.positions.isEmpty, "\(file) yielded neither a name nor a position")
        } catch {
            Issue.record("\(file): \(error)")
        }
    }

    // MARK: - Europass

    @Test func cedefopV34ChuckNorris() throws {
        let candidate = try T.readCorpus("europass/cedefop-v3.4-cv-example-chuck-norris.xml")
        #expect(candidate.format == .europassV3)
        #expect(candidate.personal.name == "Chuck NORRIS")
        #expect(candidate.personal.email == "chuck@chucknorrisfacts.com")
        #expect(candidate.personal.phone == "+44 123456789")
        #expect(candidate.personal.location == "London, United Kingdom")
        #expect(candidate.personal.birthDate == "1940-03-10")
        #expect(candidate.personal.gender == "Male")
        #expect(candidate.personal.nationality == "American, Australian, Citizen of the world")
        // `<Data><!-- Photo bytes go here --></Data>`: a photo element with no picture in it.
        #expect(candidate.personal.photo == nil)
        #expect(candidate.headline == "Chuck Norris law enforcement")

        try #require(candidate.positions.count == 1)
        let job = candidate.positions[0]
        #expect(job.title == "Martial Arts Instructor")
        #expect(job.employer == "School of Ninjutsu")
        #expect(job.location == "Japan")
        #expect(job.start == T.date(2001))
        #expect(job.current)
        #expect(job.end == nil)
        // The escaped HTML list in <Activities>: one duty per paragraph and list item.
        #expect(job.duties.count == 9)
        #expect(job.duties.first?.text == "Main activities and responsibilities:")
        #expect(job.duties.contains { $0.text == "Preparing class plans in advance." })
        #expect(job.duties.contains { $0.text == "Administrative duties." })
        #expect(job.duties.last?.text == "Travelling to other clubs to give special workshops.")
        // &apos; inside the escaped HTML, and no stray characters from the U+2028 in the source.
        #expect(job.duties.contains { $0.text.hasPrefix("Monitoring and noting students' progress") && $0.text.hasSuffix("grounds for reward.") })
        // Lines point into the file: <Activities> opens on line 131, the last item is on line 140.
        #expect(job.duties.allSatisfy { $0.section == .position && $0.line >= 131 && $0.line <= 141 })
        #expect(job.duties.first?.line == 131)
        #expect(job.duties.last?.line == 140)
        #expect(job.description?.hasPrefix("Main activities and responsibilities:\nPreparing class plans in advance.") == true)

        try #require(candidate.education.count == 1)
        let study = candidate.education[0]
        #expect(study.degree == "Martial Arts")
        #expect(study.level == .bachelor)  // Level/Code 6 (EQF 6)
        #expect(study.field == "Arts")
        #expect(study.institution == "The University of Plymouth. Department of Martial Arts")
        #expect(study.start == T.date(1995))

        let certificates = candidate.certifications.map(\.name)
        #expect(certificates == [
            "Cambridge Proficiency", "Michigan Proficiency", "ACDL Certificate",
            "Driving licence A", "Driving licence B", "Driving licence BE",
            "Certificate on English Literature",
        ])
        #expect(candidate.certifications.allSatisfy { $0.id == nil })
        #expect(candidate.skills == ["English", "Elvish", "Japanese", "Ancient Greek"])
        #expect(candidate.evidence.contains { $0.text == "Bla bla Human Relations bla bla." && $0.section == .skills })
        #expect(candidate.evidence.contains { $0.text == "Chuck Norris law enforcement" && $0.section == .summary })
        #expect(candidate.warnings.isEmpty)
    }

    @Test func cedefopBundleReadsTheCVOnly() throws {
        let candidate = try T.readCorpus("europass/cedefop-v3.4-bundle-cv-esp-coverletter-attachments.xml")
        #expect(candidate.format == .europassV3)
        #expect(candidate.personal.name == "Chuck NORRIS")
        #expect(candidate.personal.photo == "image/jpeg")
        try #require(candidate.positions.count == 1)
        let job = candidate.positions[0]
        #expect(job.title == "Martial Arts Instructor")
        #expect(job.current && job.start == T.date(2001))
        // `<br />` inside a list item wraps the text; the item is still one duty.
        #expect(job.duties.contains { $0.text == "Preparing class plans in advance." })
        #expect(job.duties.contains { $0.text.hasPrefix("Monitoring and noting students' progress, providing feedback") })
        #expect(job.duties.count == 9)
        #expect(candidate.certifications.map(\.name) == [
            "Cambridge Proficiency", "Michigan Proficiency", "Ptyxion", "ACDL Certificate", "Super User Certificate",
            "Driving licence A", "Driving licence B", "Driving licence BE",
        ])
        #expect(candidate.certifications[0].date == T.date(1988))
        #expect(candidate.certifications[2].date == T.date(1986))
        #expect(candidate.education.map(\.level) == [.bachelor])
        // The cover letter's addressee, its "Human resource manager", the attachments: none of it.
        let everything = T.allText(of: candidate).joined(separator: "\n")
        for foreign in ["John", "Stuart", "Human resource manager", "Clipper", "IT Support Officer", "DiplomaPhD", "/9j/"] {
            #expect(!everything.contains(foreign), "cover letter or attachment text leaked: \(foreign)")
        }
    }

    @Test func cedefopNewlineEscapes() throws {
        let candidate = try T.readCorpus("europass/cedefop-v3-test-newline-escapes.xml")
        #expect(candidate.format == .europassV3)
        #expect(candidate.personal.name == "Chuck NORRIS")
        // v3.0 writes the target job as Occupation/Label.
        #expect(candidate.headline == "Chuck Norris law enforcement")
        let job = try #require(candidate.positions.first)
        #expect(job.duties.map(\.text) == [
            "This is the first line", "whereas this is the second one 2", "but this is line 3",
        ])
        #expect(job.description == "This is the first line\nwhereas this is the second one 2\nbut this is line 3")
        #expect(candidate.evidence.contains { $0.text == "Lorem Ipsum Dolor" && $0.section == .education })
        #expect(candidate.evidence.contains { $0.text == "Sit amet" && $0.section == .education })
        #expect(candidate.evidence.contains { $0.text == "Second line" && $0.section == .other })
        #expect(!T.allText(of: candidate).contains { $0.contains("\\n") })
        // The ProfileSummary is escaped HTML too.
        #expect(candidate.evidence.contains { $0.section == .summary && $0.text.hasPrefix("I an an American martial artist and actor.") })
        #expect(candidate.education.first?.level == .bachelor)
    }

    @Test func cedefopLegacyV2EmptyFields() throws {
        let candidate = try T.readCorpus("europass/cedefop-v2.0-legacy-prefixed-empty-fields.xml")
        #expect(candidate.format == .europassV3)
        #expect(candidate.personal.name == "Τάκης Σουγιάς")
        #expect(candidate.personal.birthDate == "2001-05-02")
        #expect(candidate.personal.gender == nil)  // "NA"
        #expect(candidate.personal.email == nil)
        #expect(candidate.headline == nil)
        #expect(candidate.positions.isEmpty)
        #expect(candidate.education.isEmpty)
        #expect(candidate.certifications.isEmpty)
        #expect(candidate.skills.isEmpty)
        #expect(candidate.warnings.isEmpty)
    }

    @Test func cedefopLegacyBadVersionWarns() throws {
        let candidate = try T.readCorpus("europass/cedefop-v2.0-legacy-bad-version.xml")
        #expect(candidate.format == .europassV3)
        #expect(candidate.personal.name == "Sonia Σουγιάς")
        #expect(candidate.positions.isEmpty)
        #expect(candidate.warnings.contains { $0.contains("BABIS-2-LAKIS-0") })
    }

    @Test func commission2020Sample() throws {
        let candidate = try T.readCorpus("europass/commission-2020-candidate-sample1-john-smith.xml")
        #expect(candidate.format == .europass2020)
        // The supplier's contact person (Johan Garcia, fake@no-reply.com) is not the candidate.
        #expect(candidate.personal.name == "John Smith")
        #expect(candidate.personal.email == nil)
        #expect(candidate.personal.phone == "+34 93 554446776")
        #expect(candidate.personal.location == "BE")
        #expect(candidate.personal.nationality == "FR, CA")
        #expect(candidate.personal.birthDate == "1967-08-13")
        #expect(candidate.personal.gender == "Male")
        #expect(candidate.positions.isEmpty)
        try #require(candidate.education.count == 1)
        let study = candidate.education[0]
        #expect(study.institution == "UFR Amiens")
        #expect(study.degree == "test")
        #expect(study.level == .associate)  // EQF-5: short-cycle tertiary
        #expect(study.start == T.date(2005, 9))
        #expect(study.end == T.date(2010, 7))
    }

    @Test func postulo2020AlexMorgan() throws {
        let candidate = try T.readCorpus("europass/postulo-2020-candidate-alex-morgan.xml")
        #expect(candidate.format == .europass2020)
        #expect(candidate.personal.name == "Alex Morgan")
        #expect(candidate.personal.email == "alex@example.org")
        #expect(candidate.personal.phone == "+351 912345678")
        #expect(candidate.personal.location == "Lisboa, PT")
        #expect(candidate.headline == "Backend engineer")
        try #require(candidate.positions.count == 2)
        let first = candidate.positions[0]
        #expect(first.title == "Senior Engineer")
        #expect(first.employer == "Aperture Science")
        #expect(first.location == "Cambridge, GB")
        #expect(first.start == T.date(2019, 3, 1))
        #expect(first.end == T.date(2023, 6, 30))
        #expect(!first.current)
        // <oa:Description>&lt;p&gt;Built the thing. Kept it running.&lt;/p&gt;</oa:Description>
        #expect(first.duties.map(\.text) == ["Built the thing. Kept it running."])
        #expect(first.description == "Built the thing. Kept it running.")
        let second = candidate.positions[1]
        #expect(second.title == "Principal Engineer")
        #expect(second.employer == "Black Mesa")
        #expect(second.start == T.date(2023, 7))
        #expect(second.current && second.end == nil)
        #expect(candidate.currentPosition?.title == "Principal Engineer")
        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].degree == "Master of Science")
        #expect(candidate.education[0].level == .master)
        #expect(candidate.education[0].field == "Computer Science")
        #expect(candidate.education[0].institution == "Universidade de Lisboa")
        #expect(candidate.education[0].end == T.date(2018, 7))
        #expect(candidate.certifications.isEmpty)
        #expect(candidate.skills == ["English", "Mentoring", "Planning", "Python", "PostgreSQL", "Docker"])
        #expect(candidate.evidence.contains { $0.text == "Maintainer of a thing." })
        // 2019-03…2023-06 and 2023-07 to the as-of date, about 7 years 8 months (the exact month
        // arithmetic is ExperienceCalculator's, tested there).
        #expect((88...94).contains(candidate.experience.totalMonths))
    }

    // MARK: - HR-XML

    @Test func hrxml25ResumeJohnAExample() throws {
        let candidate = try T.readCorpus("hr-xml/hrxml-2.5-ResumeExample-john-a-example.xml")
        #expect(candidate.format == .hrXML2)
        #expect(candidate.personal.name == "John A. Example")
        #expect(candidate.personal.email == "jaexample@cc.gatech.edu")
        #expect(candidate.personal.phone == "+1 404 122 1234")
        #expect(candidate.personal.location == "Atlanta, GA, US")
        try #require(candidate.positions.count == 1)
        let job = candidate.positions[0]
        // <Title/> is empty; positionType="internship" names it.
        #expect(job.title == "Internship")
        #expect(job.employer == "IBM")
        #expect(job.location == "Yorktown Heights, NY")
        #expect(job.start == T.date(1998, 6))
        #expect(job.end == T.date(1998, 8))
        #expect(!job.current)
        #expect(job.description?.hasPrefix("Designed and prototyped extensions to Babble") == true)
        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].degree == "Ph.D.")
        #expect(candidate.education[0].level == .doctorate)
        #expect(candidate.education[0].field == "Computer Science")
        #expect(candidate.education[0].institution == "Georgia Institute of Technology")
        #expect(candidate.education[0].end == T.date(2002, 12))
        try #require(candidate.certifications.count == 2)
        #expect(candidate.certifications[0].name == "Microsoft Certified Systems Engineer")
        #expect(candidate.certifications[0].id == nil)
        #expect(candidate.certifications[0].date == T.date(2002, 1, 1))  // AnyDate 2002-01-01
        #expect(candidate.certifications[1].name == "Top Secret Security Clearance (Active)")
        #expect(candidate.certifications[1].date == T.date(1997, 4, 1))  // StringDate 4/1/1997 (US order)
        #expect(candidate.skills == ["Communication Skills", "Written Communication Skills", "English"])
        #expect(candidate.evidence.contains { $0.section == .summary && $0.text.hasPrefix("Summary of employment and education history") })
        #expect(candidate.warnings.contains { $0.contains("positionType") })
        // Publications, references and the NonXMLResume are not the candidate's record.
        #expect(!T.allText(of: candidate).contains { $0.contains("Amy R. Breck") || $0.contains("The resume text would be entered here") })
    }

    @Test func hrxml25CandidateDropsSchemaPlaceholders() throws {
        let candidate = try T.readCorpus("hr-xml/hrxml-2.5-CandidateExample.xml")
        #expect(candidate.format == .hrXML2)
        #expect(candidate.personal.name == "Ruth Jenre")
        #expect(candidate.headline == "Programmer")
        #expect(!T.allText(of: candidate).contains { $0 == "String" || $0.contains("3.1415926") })
        try #require(candidate.positions.count == 2)
        #expect(candidate.positions[0].title == "Internship")
        #expect(candidate.positions[0].employer == "IBM")
        #expect(candidate.positions[0].start == T.date(1998, 6))
        #expect(candidate.positions[0].end == T.date(1998, 8))
        // MilitaryHistory/ServiceDetail: a rank held from 1995-02-01 to 1998-06-01.
        #expect(candidate.positions[1].title == "Captain")
        #expect(candidate.positions[1].employer == "US Army")
        #expect(candidate.positions[1].location == "Fort Sill, OK")
        #expect(candidate.positions[1].start == T.date(1995, 2, 1))
        #expect(candidate.positions[1].end == T.date(1998, 6, 1))
        #expect(candidate.positions[1].duties.first?.text.hasPrefix("Successfully led field logistics") == true)
        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].institution == "UCLA")
        #expect(candidate.education[0].level == nil)
        // The preferred position's required competencies and pay are not the candidate's.
        #expect(candidate.skills.isEmpty)
        #expect(candidate.certifications.isEmpty)
    }

    @Test func navKlartenktFasade() throws {
        let candidate = try T.readCorpus("hr-xml/nav-eures-hrxml3-candidate-klartenkt-fasade.xml")
        #expect(candidate.format == .hrXML3)
        #expect(candidate.personal.name == "Klartenkt Fasade")
        #expect(candidate.personal.birthDate == "1998-10-21")
        #expect(candidate.personal.gender == nil)  // NotSpecified
        // The supplier's "phone number" is an e-mail address and not the candidate's anyway.
        #expect(candidate.personal.phone == nil)
        try #require(candidate.positions.count == 1)
        let job = candidate.positions[0]
        #expect(job.title == "Anestesisykepleier")
        #expect(job.employer == "Oslo Universitetssykehus")
        #expect(job.start == T.date(2017, 4, 1))
        // NAV leaves the end out for the job held now: read as current, with a warning.
        #expect(job.current)
        #expect(candidate.warnings.contains { $0.contains("read as current") })
        #expect(candidate.certifications.map(\.name) == ["Sveisemetode 111 - Dekkede elektroder", "Fagbrev helsefagarbeider"])
        #expect(candidate.certifications[0].date == T.date(2018, 4, 1))
        #expect(candidate.certifications[1].date == nil)
        #expect(candidate.certifications.allSatisfy { $0.id == nil })
    }

    @Test func navKloktigPotetLicences() throws {
        let candidate = try T.readCorpus("hr-xml/nav-eures-hrxml3-candidate-kloktig-potet-licenses.xml")
        #expect(candidate.format == .hrXML3)
        #expect(candidate.personal.name == "Kløktig Potet")
        #expect(candidate.personal.email == "noreply@nav.no")
        #expect(candidate.personal.phone == "11111111")
        #expect(candidate.personal.birthDate == "1977-06-24")
        #expect(candidate.positions.isEmpty)
        #expect(candidate.education.isEmpty)
        #expect(candidate.certifications.map(\.name) == ["Driving licence A (Tung motorsykkel)", "Driving licence B (Personbil)"])
        #expect(candidate.certifications.allSatisfy { $0.id == nil })
        // The ESCO skill is a URI with no name: not shown as a skill.
        #expect(candidate.skills.isEmpty)
    }

    @Test func sovrenSparseFragment() throws {
        let candidate = try T.readCorpus("hr-xml/sovren-hrxml-2006-employment-sparse-fragment.xml")
        #expect(candidate.format == .hrXML2)
        #expect(candidate.personal.name == nil)
        try #require(candidate.positions.count == 1)
        #expect(candidate.positions[0].title == "Director of Web Applications Development")
        #expect(candidate.positions[0].employer == "Technical Difference")
        #expect(candidate.positions[0].start == nil)
        #expect(!candidate.positions[0].current)
        #expect(candidate.warnings.contains { $0.contains("fragment") })
        #expect(candidate.warnings.contains { $0.contains("no start date") })
        #expect(candidate.experience.totalMonths == 0)
    }

    // MARK: - XML Résumé Library

    @Test func xmlResumeExample1() throws {
        let candidate = try T.readCorpus("xml-other/xmlresume-example1.xml")
        #expect(candidate.format == .xmlResume)
        #expect(candidate.personal.name == "Jo Doe")
        #expect(candidate.personal.email == "doe@doe.doe")
        #expect(candidate.personal.phone == "555.555.5555")
        #expect(candidate.personal.location == "Garbonzoville, NX")
        try #require(candidate.positions.count == 2)
        #expect(candidate.positions[0].title == "Senior Toilet Cleaner")
        #expect(candidate.positions[0].employer == "HM Secret Service")
        #expect(candidate.positions[0].start == T.date(1943, 8))
        #expect(candidate.positions[0].current)  // <to><present/></to>
        #expect(candidate.positions[1].title == "Junior Bedpan Cleaner")
        #expect(candidate.positions[1].employer == "Framingham Palace")
        #expect(candidate.positions[1].start == T.date(1633, 10))
        #expect(candidate.positions[1].end == T.date(1634, 10))
        #expect(candidate.positions[1].description?.contains("soufflés") == true)  // &eacute; from the external DTD
        #expect(candidate.warnings.contains { $0.contains("1633") })
        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].degree == "BA")
        #expect(candidate.education[0].level == .bachelor)
        #expect(candidate.education[0].field == "Renaissance Bedpan Design")
        #expect(candidate.education[0].institution == "Fishbaum del Schloßberg")  // &szlig;
        #expect(candidate.education[0].end == T.date(1631, 2))
        #expect(candidate.skills == ["Speak multiple European languages with no discernable accent", "Able to predict earthquakes"])
        #expect(candidate.evidence.contains { $0.section == .summary && $0.text == "I really, really, really, really want a job." })
    }

    @Test func xmlResumeExample2DTDEntities() throws {
        let candidate = try T.readCorpus("xml-other/xmlresume-example2-alexis-kernighan-dtd-entities.xml")
        #expect(candidate.format == .xmlResume)
        #expect(candidate.personal.name == "Alexis Kernighan")
        #expect(candidate.personal.email == "alexis@finecooks.xyz")
        #expect(candidate.personal.phone == "+1-55-4362-4562")
        #expect(candidate.personal.location == "Cuidad de la Habana, CP 11900, CUBA")
        #expect(candidate.positions.map(\.title) == ["Electrician's Assistant", "Senior System Administrator", "Sous Chef", "Assistant Chef"])
        #expect(candidate.positions.map(\.employer) == ["Mike's Wiring Co.", "SysOps4Cheap.com", "The Four Seasons", "Zolo"])
        // A job with one date: that month (or year) only.
        #expect(candidate.positions[0].start == T.date(1993, 5) && candidate.positions[0].end == T.date(1993, 5))
        #expect(candidate.positions[1].start == T.date(1987) && candidate.positions[1].end == T.date(1987))
        #expect(candidate.positions[2].start == T.date(1997, 3) && candidate.positions[2].current)
        #expect(candidate.positions[3].start == T.date(1993, 4) && candidate.positions[3].end == T.date(1997, 1))
        #expect(candidate.positions[2].duties.contains { $0.text == "Developed 13 new menu items" })
        #expect(candidate.positions[0].duties.contains { $0.text == "Electrify Phoenix: Rewired the city of Phoenix" })
        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].degree == "AA")
        #expect(candidate.education[0].level == .associate)
        #expect(candidate.education[0].field == "Culinary Arts")
        #expect(candidate.education[0].institution == "Culinary Institute of America")
        #expect(candidate.education[0].end == T.date(1995, 5))
        // Entities only the external DTD defines.
        #expect(candidate.skills.contains("Sauté"))
        #expect(candidate.skills.contains("Pâtisserie"))
        #expect(candidate.skills.count == 32)
        // "To achieve my Master Chef certification" is an aim, not a certification; clearances are
        // credentials and are listed.
        #expect(candidate.certifications.map(\.name) == ["Top Secret Cook", "Junior Mothball Inspector"])
        #expect(candidate.certifications[0].date == T.date(1994, 6))
        #expect(candidate.evidence.contains { $0.text.contains("résumé is my sheer level of enthusiasm") })
        // Referees are not the candidate.
        #expect(!T.allText(of: candidate).contains { $0.contains("Indiana") || $0.contains("Melgood") })
    }

    @Test func xmlResumeMaxBensonUTF8BOM() throws {
        let candidate = try T.readCorpus("xml-other/xmlresume-max-benson-utf8bom-relative-dtd.xml")
        #expect(candidate.format == .xmlResume)
        #expect(candidate.personal.name == "Max Benson")
        #expect(candidate.personal.email == "maxbenson@foobar.net")
        #expect(candidate.personal.phone == "212-222-2222")
        #expect(candidate.personal.location == "Anywhere, NY")
        #expect(candidate.positions.map(\.title) == [
            "National Sales Manager", "District Sales Manager", "Senior Sales Representative", "Senior Sales Representative",
        ])
        #expect(candidate.positions.map(\.employer) == ["Arbor Shoe", "Ferguson and Bardwell", "Duffy Vineyards", "LitWare, Inc."])
        // <month/> is empty: years only.
        #expect(candidate.positions.map(\.start) == [T.date(1990), T.date(1985), T.date(1980), T.date(1975)])
        #expect(candidate.positions.map(\.end) == [T.date(1994), T.date(1990), T.date(1984), T.date(1980)])
        #expect(candidate.positions.allSatisfy { !$0.current })
        #expect(candidate.positions[1].duties.map(\.text).contains("Managed 250 sales representatives in 10 Western states."))
        #expect(candidate.positions[3].duties.map(\.text).contains("Received company’s highest sales award four years in a row."))
        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].degree == "B.A.")
        #expect(candidate.education[0].level == .bachelor)
        #expect(candidate.education[0].institution == "South Ridge State University")
        #expect(candidate.education[0].end == T.date(1975, 5))
        #expect(candidate.certifications.isEmpty)
    }
}
