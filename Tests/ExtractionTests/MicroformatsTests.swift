import Foundation
import Markup
import Testing
@testable import Extraction

// Expected values are read off the files by eye: the corpus under ../shared/corpus/microformats and the
// fictitious people in Fixtures/microformats.

private enum MicroformatFiles {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The repository root is three levels up from Tests/ExtractionTests/<file>; the corpus sits beside it.
    static let corpus = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/microformats")
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures/microformats")

    static let asOf = PartialDate(year: 2026, month: 11, day: 1)

    static func read(_ url: URL) throws -> Candidate {
        try ResumeReader().read(fileAt: url.path, asOf: asOf)
    }

    static func corpusFile(_ name: String) throws -> Candidate { try read(corpus.appendingPathComponent(name)) }
    static func fixture(_ name: String) throws -> Candidate { try read(fixtures.appendingPathComponent(name)) }
}

private func date(_ iso: String) -> PartialDate? { PartialDate(iso: iso) }

@Suite("Microformats: the corpus")
struct MicroformatsCorpusTests {
    @Test func everyCorpusPageIsReadAsAResumeMicroformat() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: MicroformatFiles.corpus.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(names.count == 6)
        for name in names {
            let candidate = try MicroformatFiles.corpusFile(name)
            #expect([.hResume, .hResumeV2].contains(candidate.format), "\(name)")
            #expect(candidate.personal.name == "Tim Berners-Lee", "\(name)")
            #expect(!candidate.hiddenText, "\(name)")
        }
    }

    @Test func v1WorkPresent() throws {
        let candidate = try MicroformatFiles.corpusFile("mf-tests-v1-hresume-work-present.html")
        #expect(candidate.format == .hResume)
        #expect(candidate.headline == "Director of the World Wide Web Foundation")
        try #require(candidate.positions.count == 1)
        let position = candidate.positions[0]
        #expect(position.title == "Director")
        #expect(position.employer == "World Wide Web Foundation")
        #expect(position.start == date("2009-01-18"))
        #expect(position.start?.description == "2009-01-18")
        #expect(position.end == nil)
        #expect(position.current)
        #expect(candidate.education.isEmpty)
    }

    @Test func v1Education() throws {
        let candidate = try MicroformatFiles.corpusFile("mf-tests-v1-hresume-education.html")
        #expect(candidate.format == .hResume)
        #expect(candidate.headline == "Director of the World Wide Web Foundation")
        // The card has a title but no organisation, and there is no experience: no position to report.
        #expect(candidate.positions.isEmpty)
        try #require(candidate.education.count == 1)
        let education = candidate.education[0]
        #expect(education.institution == "The Queen's College, Oxford University")
        #expect(education.degree == "BA Hons (I) Physics")
        #expect(education.level == .bachelor)
        #expect(education.start == date("1973-09"))
        #expect(education.end == date("1976-06"))
    }

    @Test func v1ContactWithAddress() throws {
        let candidate = try MicroformatFiles.corpusFile("mf-tests-v1-hresume-contact-adr.html")
        #expect(candidate.format == .hResume)
        #expect(candidate.personal.email == "timbl@w3.org")
        #expect(candidate.personal.phone == "+1 (617) 253 5702")
        #expect(candidate.personal.location == "Cambridge, MA, USA")
        // The card's organisation is where he works now; no title or dates are given.
        try #require(candidate.positions.count == 1)
        #expect(candidate.positions[0].employer == "MIT")
        #expect(candidate.positions[0].title == "")
        #expect(candidate.positions[0].current)
        #expect(candidate.positions[0].start == nil)
        #expect(candidate.evidence.contains { $0.text == "Invented the World Wide Web." && $0.section == .summary })
    }

    @Test func mixedRootsAreV2WithV1Children() throws {
        let candidate = try MicroformatFiles.corpusFile("mf-tests-mixed-h-resume-mixedroots.html")
        #expect(candidate.format == .hResumeV2)
        #expect(candidate.headline == "Director of the World Wide Web Foundation")
        try #require(candidate.positions.count == 1)
        #expect(candidate.positions[0].title == "Director")
        #expect(candidate.positions[0].employer == "World Wide Web Foundation")
        #expect(candidate.positions[0].start == date("2009-01-18"))
        #expect(candidate.positions[0].current)
    }

    @Test func v2WorkAgreesWithTheParsersExpectedJSON() throws {
        let candidate = try MicroformatFiles.corpusFile("mf-tests-v2-h-resume-work.html")
        let data = try Data(contentsOf: MicroformatFiles.corpus.appendingPathComponent("mf-tests-v2-h-resume-work.expected.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(json["items"] as? [[String: Any]])
        let resume = try #require(items.first)
        #expect((resume["type"] as? [String]) == ["h-resume"])
        let properties = try #require(resume["properties"] as? [String: Any])
        let experience = try #require((properties["experience"] as? [[String: Any]])?.first?["properties"] as? [String: [Any]])
        let contact = try #require((properties["contact"] as? [[String: Any]])?.first?["properties"] as? [String: [Any]])

        #expect(candidate.format == .hResumeV2)
        #expect(candidate.personal.name == (properties["name"] as? [String])?.first)
        #expect(candidate.headline == contact["title"]?.first as? String)
        try #require(candidate.positions.count == (properties["experience"] as? [Any])?.count)
        let position = candidate.positions[0]
        #expect(position.title == experience["title"]?.first as? String)
        #expect(position.employer == experience["org"]?.first as? String)
        #expect(position.start?.description == experience["start"]?.first as? String)
        // The parsers' JSON has no end; the page says "– Present".
        #expect(experience["end"] == nil)
        #expect(position.current)
        #expect(candidate.evidence.contains { $0.text == (properties["summary"] as? [String])?.first && $0.section == .summary })
    }

    @Test func unclosedListStillParses() throws {
        let candidate = try MicroformatFiles.corpusFile("any23-h-resume-test-unclosed-ul.html")
        #expect(candidate.format == .hResumeV2)
        try #require(candidate.positions.count == 1)
        let position = candidate.positions[0]
        // "Experiance : Jan 2009  Present (2 years 11 month)": a start, no title or employer, still running.
        #expect(position.start == date("2009-01-18"))
        #expect(position.current)
        #expect(position.end == nil)
        #expect(position.title == "")
        #expect(position.employer == nil)
        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].start == date("1973-09"))
        #expect(candidate.education[0].end == date("1976-06"))
        #expect(candidate.education[0].institution == nil)
        #expect(candidate.skills == ["information systems", "advocacy", "leadership"])
        #expect(candidate.experience.totalMonths > 0)
    }
}

@Suite("Microformats: written fixtures")
struct MicroformatsFixtureTests {
    @Test func hResumeV1() throws {
        let candidate = try MicroformatFiles.fixture("hresume-v1-marisol-vega.html")
        #expect(candidate.format == .hResume)
        #expect(candidate.personal.name == "Marisol Vega")
        #expect(candidate.headline == "Senior HR Generalist")
        #expect(candidate.personal.email == "marisol.vega@example.org")
        #expect(candidate.personal.phone == "(614) 555-0142")
        // abbr's title is the value: OH is written, Ohio is meant.
        #expect(candidate.personal.location == "Columbus, Ohio")

        try #require(candidate.positions.count == 3)
        let senior = candidate.positions[0]
        #expect(senior.title == "Senior HR Generalist")
        #expect(senior.employer == "Brightwater Health")
        #expect(senior.location == "Columbus, OH")
        #expect(senior.start == date("2021-03"))
        #expect(senior.current)
        #expect(senior.end == nil)
        #expect(senior.duties.map(\.text) == [
            "Team lead for our HR coordinator and two assistants.", "Ran FMLA and ADA accommodation cases for 1,200 staff.",
        ])
        #expect(senior.duties.allSatisfy { $0.section == .position && $0.line > 0 })

        let generalist = candidate.positions[1]
        #expect(generalist.title == "HR Generalist")
        #expect(generalist.employer == "Lakeside Clinics")
        // Value-class pattern: <span class="value">2018-06</span>, and a value-title for the end.
        #expect(generalist.start == date("2018-06"))
        #expect(generalist.end == date("2021-02-26"))
        #expect(!generalist.current)
        #expect(generalist.description == "Recruiting, onboarding and benefits enrolment for four clinics.")

        let assistant = candidate.positions[2]
        #expect(assistant.title == "HR Assistant")
        #expect(assistant.employer == "Lakeside Clinics")
        #expect(assistant.start == date("2016-09-01"))
        #expect(assistant.end == date("2018-05-31"))

        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].degree == "B.S. in Human Resource Management")
        #expect(candidate.education[0].level == .bachelor)
        #expect(candidate.education[0].field == "Human Resource Management")
        #expect(candidate.education[0].institution == "Ohio State University")
        #expect(candidate.education[0].end == date("2016-05"))

        // The certificate listed as an education entry, with its date; the hidden SPHR/SHRM-SCP are not read.
        #expect(candidate.certifications.map(\.id) == ["PHR"])
        #expect(candidate.certifications.first?.date == date("2020-04"))
        #expect(candidate.skills == ["Workday", "FMLA", "Employee relations"])
        #expect(candidate.hiddenText)
        #expect(!candidate.evidence.contains { $0.text.contains("SHRM-SCP") || $0.text.contains("SPHR") })
    }

    @Test func hResumeV2InsidePageLayout() throws {
        let candidate = try MicroformatFiles.fixture("h-resume-v2-devon-achterberg.html")
        #expect(candidate.format == .hResumeV2)
        #expect(candidate.personal.name == "Devon Achterberg")
        #expect(candidate.headline == "HR Manager")
        #expect(candidate.personal.email == "devon.a@example.net")
        #expect(candidate.personal.phone == "+1 253 555 0199")
        #expect(candidate.personal.location == "Tacoma, WA, USA")

        try #require(candidate.positions.count == 2)
        let manager = candidate.positions[0]
        #expect(manager.title == "HR Manager")
        #expect(manager.employer == "Harbor Freight Logistics")
        #expect(manager.start == date("2022-01-10"))
        #expect(manager.current)
        #expect(manager.duties.map(\.text) == [
            "Supervised a team of five HR generalists and coordinators.", "Led the move to UKG Pro for 2,400 employees.",
        ])
        let specialist = candidate.positions[1]
        #expect(specialist.title == "Benefits Specialist")
        #expect(specialist.employer == "Puget Sound Foods")
        #expect(specialist.start == date("2017-04"))
        #expect(specialist.end == date("2021-12"))
        #expect(!specialist.current)
        #expect(specialist.description == "Ran open enrolment and leave administration for 900 staff.")

        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].degree == "Master of Arts in Human Resources")
        #expect(candidate.education[0].level == .master)
        #expect(candidate.education[0].field == "Human Resources")
        #expect(candidate.education[0].institution == "University of Puget Sound")
        #expect(candidate.education[0].end == date("2019"))

        #expect(candidate.skills == ["UKG Pro", "Benefits administration", "SHRM-CP"])
        #expect(candidate.certifications.map(\.id) == ["SHRM-CP"])
        #expect(!candidate.hiddenText)

        // Evidence is every visible line, tagged by where it sits; navigation and footer are "other".
        let evidence = candidate.evidence
        #expect(evidence.contains { $0.text == "People leader for distribution and logistics teams." && $0.section == .summary })
        #expect(evidence.contains { $0.text == "Supervised a team of five HR generalists and coordinators." && $0.section == .position })
        #expect(evidence.contains { $0.text == "UKG Pro" && $0.section == .skills })
        #expect(evidence.contains { $0.text == "Master of Arts in Human Resources, University of Puget Sound, 2019" && $0.section == .education })
        #expect(evidence.contains { $0.text == "© Devon Achterberg" && $0.section == .other })
        #expect(evidence.allSatisfy { $0.line > 0 })
    }
}

@Suite("Microformats: recognition and values")
struct MicroformatsUnitTests {
    private func document(_ html: String) throws -> MarkupDocument {
        try MarkupParser().parse(Data(html.utf8))
    }

    private func extract(_ html: String) throws -> Candidate {
        MicroformatsExtractor().extract(from: try document(html), context: ExtractionContext(source: "test.html", asOf: MicroformatFiles.asOf))
    }

    @Test(arguments: [
        "<html><body><div class=\"resume\"><h1>Jo</h1></div></body></html>",
        "<html><body><div class=\"vcard\"><span class=\"fn\">Jo</span></div></body></html>",
        "<html><body><div class=\"hresume\" style=\"display:none\"><p class=\"summary\">x</p></div></body></html>",
        "<html><body><div class=\"h-resumes\">x</div></body></html>",
    ])
    func doesNotRecogniseOtherPages(html: String) throws {
        #expect(!MicroformatsExtractor().recognises(try document(html)))
    }

    @Test(arguments: [
        "<div class=\"hresume\"></div>",
        "<html><body><section><div class=\"wrapper\"><div class=\"x h-resume\"></div></div></section></body></html>",
    ])
    func recognisesTheRootAnywhere(html: String) throws {
        #expect(MicroformatsExtractor().recognises(try document(html)))
    }

    @Test func xmlIsNotMicroformats() throws {
        #expect(!MicroformatsExtractor().recognises(try document("<?xml version=\"1.0\"?><r class=\"h-resume\"/>")))
    }

    /// Date markup and what the reader sees after it.
    @Test(arguments: [
        ("<abbr class=\"dtstart\" title=\"2019-03\">March 2019</abbr> - <abbr class=\"dtend\" title=\"2021\">2021</abbr>", "2019-03", "2021", false),
        ("<time class=\"dtstart\" datetime=\"2019-03-04T09:00:00Z\">Mar 2019</time> to date", "2019-03-04", nil, true),
        ("<span class=\"dtstart\">Jan 2019</span> — <span class=\"dtend\">Current</span>", "2019-01", nil, true),
        ("<span class=\"dtstart\"><span class=\"value-title\" title=\"2015-07\"> </span>Summer 2015</span>", "2015-07", nil, false),
        ("<span class=\"dtstart\"><span class=\"value\">2014-02-01</span> <span class=\"value\">10:00</span></span> until now", "2014-02-01", nil, true),
        ("<data class=\"dtstart\" value=\"2012\">twenty twelve</data> – <data class=\"dtend\" value=\"2013-08\">August</data>", "2012", "2013-08", false),
        ("<time class=\"dtstart\" datetime=\"2010-05\">May 2010</time> – <span style=\"display:none\">Present</span>", "2010-05", nil, false),
    ] as [(String, String, String?, Bool)])
    func v1Dates(markup: String, start: String, end: String?, current: Bool) throws {
        let candidate = try extract("<div class=\"hresume\"><div class=\"experience vevent\"><span class=\"title\">HR Coordinator</span> <p>\(markup)</p></div></div>")
        let position = try #require(candidate.positions.first)
        #expect(position.start?.description == start)
        #expect(position.end?.description == end)
        #expect(position.current == current)
    }

    @Test func v2PropertiesOfNestedItemsStayWithThem() throws {
        // The event's p-name and the nested card's p-name are not the person's name.
        let candidate = try extract("""
            <div class="h-resume">
              <div class="p-experience h-event"><span class="p-name">Payroll Lead</span>
                <span class="p-org h-card"><span class="p-name">Acme Mills</span> <span class="p-locality">Dayton</span></span>
                <time class="dt-start" datetime="2020-02">Feb 2020</time></div>
              <div class="p-contact h-card"><span class="p-name">Avery Quinn</span></div>
            </div>
            """)
        #expect(candidate.personal.name == "Avery Quinn")
        #expect(candidate.positions.first?.title == "Payroll Lead")
        #expect(candidate.positions.first?.employer == "Acme Mills")
    }

    @Test func v1NamesMeanNothingInsideAV2Item() throws {
        // A CSS class "title" inside an h-event is not a job title; p-job-title is.
        let candidate = try extract("""
            <div class="h-resume"><p class="p-name">Sam Reyes</p>
              <div class="p-experience h-event"><h3 class="title">Role</h3><span class="p-job-title">Recruiter</span>
                <span class="p-org">Tri-County Staffing</span></div></div>
            """)
        #expect(candidate.positions.first?.title == "Recruiter")
    }

    @Test func hiddenPropertiesAreNotRead() throws {
        let candidate = try extract("""
            <div class="h-resume"><p class="p-name">Sam Reyes</p>
              <p class="p-skill" style="font-size:0">SPHR</p><p class="p-skill">Onboarding</p>
              <div class="p-experience h-event" style="display:none"><span class="p-job-title">HR Director</span></div>
            </div>
            """)
        #expect(candidate.skills == ["Onboarding"])
        #expect(candidate.certifications.isEmpty)
        #expect(candidate.positions.isEmpty)
    }

    @Test func aSecondResumeOnThePageIsNamedInAWarning() throws {
        let candidate = try extract("<div class=\"h-resume\"><p class=\"p-name\">One</p></div><div class=\"h-resume\"><p class=\"p-name\">Two</p></div>")
        #expect(candidate.personal.name == "One")
        #expect(candidate.warnings.contains { $0.contains("2 résumé microformats") })
    }
}
