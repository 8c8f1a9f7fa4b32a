import Foundation
import Markup
import Testing
@testable import Extraction

// Expected values are read off the fixtures (fictitious people) in Fixtures/schema-org by eye.

private enum SchemaOrgFiles {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/schema-org")
    static let asOf = PartialDate(year: 2026, month: 11, day: 1)

    static func fixture(_ name: String) throws -> Candidate {
        try ResumeReader().read(fileAt: fixtures.appendingPathComponent(name).path, asOf: asOf)
    }

    static func document(_ html: String) throws -> MarkupDocument {
        try MarkupParser().parse(Data(html.utf8))
    }

    static func extract(_ html: String) throws -> Candidate {
        SchemaOrgExtractor().extract(from: try document(html), context: ExtractionContext(source: "test.html", asOf: asOf))
    }
}

private func date(_ iso: String) -> PartialDate? { PartialDate(iso: iso) }

@Suite("schema.org: written fixtures")
struct SchemaOrgFixtureTests {
    /// The JSON Resume "microdata" theme's shape: jobs are `alumniOf` an Organization holding EmployeeRoles.
    @Test func microdataThemeStyle() throws {
        let candidate = try SchemaOrgFiles.fixture("microdata-theme-priya-raman.html")
        #expect(candidate.format == .schemaOrg)
        #expect(candidate.personal.name == "Priya Raman")
        #expect(candidate.headline == "HR Assistant Manager")
        #expect(candidate.personal.email == "priya.raman@example.com")
        #expect(candidate.personal.phone == "912-555-0187")
        #expect(candidate.personal.location == "Savannah, GA, US")

        try #require(candidate.positions.count == 3)
        let current = candidate.positions[0]
        #expect(current.title == "HR Assistant Manager")
        #expect(current.employer == "Coastal Home Goods")
        #expect(current.start == date("2022-02"))
        #expect(current.current)
        #expect(current.end == nil)
        #expect(current.duties.map(\.text) == [
            "Runs HR operations for the distribution centre with the HR Manager.",
            "Supervises three HR coordinators.",
            "Cut time-to-fill from 41 to 27 days.",
        ])
        let senior = candidate.positions[1]
        #expect(senior.title == "Senior HR Generalist")
        #expect(senior.employer == "Coastal Home Goods")
        #expect(senior.start == date("2019-06"))
        #expect(senior.end == date("2022-01"))
        #expect(!senior.current)
        let generalist = candidate.positions[2]
        #expect(generalist.title == "HR Generalist")
        #expect(generalist.employer == "Tidewater Logistics")
        #expect(generalist.start == date("2016-08-15"))
        #expect(generalist.end == date("2019-05-31"))

        try #require(candidate.education.count == 1)
        let school = candidate.education[0]
        #expect(school.institution == "Georgia Southern University")
        #expect(school.degree == "Bachelor of Business Administration")
        #expect(school.level == .bachelor)
        #expect(school.field == "Human Resource Management")
        #expect(school.start == date("2012-08"))
        #expect(school.end == date("2016-05"))

        #expect(candidate.certifications.map(\.id) == ["SHRM-CP", "CEBS"])
        #expect(candidate.certifications.map(\.name) == ["SHRM Certified Professional (SHRM-CP)", "Certified Employee Benefit Specialist"])
        #expect(candidate.certifications.map(\.date) == [date("2021-05"), date("2018")])
        #expect(candidate.skills == ["UKG Pro", "Workday", "FMLA", "EEO-1"])
        #expect(!candidate.hiddenText)

        let evidence = candidate.evidence
        #expect(evidence.contains { $0.text.hasPrefix("HR professional with nine years") && $0.section == .summary })
        #expect(evidence.contains { $0.text == "Supervises three HR coordinators." && $0.section == .position })
        #expect(evidence.contains { $0.text == "Georgia Southern University" && $0.section == .education })
        #expect(evidence.contains { $0.text == "SHRM Certified Professional (SHRM-CP)" && $0.section == .certification })
        #expect(evidence.contains { $0.text == "Workday" && $0.section == .skills })
    }

    /// schema.org's own Role pattern, with hidden keyword traps that must not count.
    @Test func microdataRolePattern() throws {
        let candidate = try SchemaOrgFiles.fixture("microdata-roles-jordan-ellis.html")
        #expect(candidate.format == .schemaOrg)
        #expect(candidate.personal.name == "Jordan Ellis")
        #expect(candidate.headline == "HR Manager")
        // The link says "Email me"; the address is in its href.
        #expect(candidate.personal.email == "jordan.ellis@example.org")
        #expect(candidate.personal.phone == "+1 (503) 555-0110")
        #expect(candidate.personal.location == "Portland, OR")

        try #require(candidate.positions.count == 2)
        let manager = candidate.positions[0]
        #expect(manager.title == "HR Manager")
        #expect(manager.employer == "Cascadia Credit Union")
        // <meta itemprop="startDate" content="2020-09">, no end: worksFor is the present.
        #expect(manager.start == date("2020-09"))
        #expect(manager.current)
        #expect(manager.duties.count == 2)
        #expect(manager.duties.first?.text == "Manages a team of four: two HR generalists, a recruiter and an HR assistant.")
        let generalist = candidate.positions[1]
        #expect(generalist.title == "HR Generalist")
        #expect(generalist.employer == "Rose City Health")
        #expect(generalist.start == date("2015-03"))
        #expect(generalist.end == date("2020-08"))
        #expect(!generalist.current)

        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].degree == "M.S. Human Resource Management")
        #expect(candidate.education[0].level == .master)
        #expect(candidate.education[0].institution == "Portland State University")
        #expect(candidate.education[0].end == date("2014-06"))

        // Only the visible credential; the display:none GPHR, the off-screen "skills" and the
        // <meta knowsAbout> keywords are not read.
        #expect(candidate.certifications.map(\.id) == ["SPHR"])
        #expect(candidate.certifications.first?.date == date("2019-11-02"))
        #expect(candidate.skills == ["Employee relations", "Workday HCM", "Compensation"])
        #expect(candidate.hiddenText)
        #expect(!candidate.evidence.contains { $0.text.contains("GPHR") || $0.text.contains("SHRM-SCP") })
    }

    @Test func rdfaLite() throws {
        let candidate = try SchemaOrgFiles.fixture("rdfa-sam-okoro.html")
        #expect(candidate.format == .schemaOrg)
        #expect(candidate.personal.name == "Sam Okoro")
        #expect(candidate.headline == "Talent Acquisition Partner")
        #expect(candidate.personal.email == "sam.okoro@example.net")
        #expect(candidate.personal.location == "Austin, TX")

        try #require(candidate.positions.count == 2)
        #expect(candidate.positions[0].title == "Talent Acquisition Partner")
        #expect(candidate.positions[0].employer == "Lone Star Semiconductors")
        #expect(candidate.positions[0].start == date("2023-03"))
        // "March 2023 – now"
        #expect(candidate.positions[0].current)
        #expect(candidate.positions[0].description == "Full-cycle recruiting for engineering; 60 hires in 2024.")
        // The title from the Occupation the Role holds.
        #expect(candidate.positions[1].title == "Recruiting Coordinator")
        #expect(candidate.positions[1].employer == "Hill Country Staffing")
        #expect(candidate.positions[1].start == date("2021"))
        #expect(candidate.positions[1].end == date("2023"))

        // A credential whose category is a degree is education.
        try #require(candidate.education.count == 1)
        #expect(candidate.education[0].degree == "B.A. in Psychology")
        #expect(candidate.education[0].level == .bachelor)
        #expect(candidate.education[0].field == "Psychology")
        #expect(candidate.education[0].institution == "Texas State University")
        #expect(candidate.education[0].end == date("2020-05"))

        #expect(candidate.certifications.map(\.id) == ["aPHR"])
        #expect(candidate.certifications.first?.date == date("2022-09"))
        #expect(candidate.skills == ["Greenhouse", "LinkedIn Recruiter", "structured interviewing"])
    }
}

@Suite("schema.org: recognition and values")
struct SchemaOrgUnitTests {
    @Test(arguments: [
        // No schema.org at all.
        "<html><body><h1>Jo Park</h1><p>HR Generalist</p></body></html>",
        // An author byline: a Person with only a name is not a résumé.
        "<html><body><article><p itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">Jo Park</span></p></article></body></html>",
        // Not a Person.
        "<html><body><div itemscope itemtype=\"https://schema.org/Organization\"><span itemprop=\"name\">Acme</span></div></body></html>",
        // A hidden Person.
        "<html><body><div style=\"display:none\" itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"jobTitle\">CHRO</span></div></body></html>",
        // Open Graph's `property` is not RDFa schema.org.
        "<html><head><meta property=\"og:type\" content=\"profile\"></head><body><p>Jo</p></body></html>",
    ])
    func doesNotRecogniseOtherPages(html: String) throws {
        #expect(!SchemaOrgExtractor().recognises(try SchemaOrgFiles.document(html)))
    }

    @Test(arguments: [
        "<div itemscope itemtype=\"http://schema.org/Person\"><span itemprop=\"name\">Jo</span> <span itemprop=\"jobTitle\">Recruiter</span></div>",
        "<div itemscope itemtype=\"https://schema.org/Person/\"><span itemprop=\"knowsAbout\">Onboarding</span></div>",
        "<div vocab=\"https://schema.org/\" typeof=\"Person\"><span property=\"jobTitle\">Recruiter</span></div>",
        "<div prefix=\"schema: https://schema.org/\" typeof=\"schema:Person\"><span property=\"schema:jobTitle\">Recruiter</span></div>",
    ])
    func recognisesPersonMarkup(html: String) throws {
        #expect(SchemaOrgExtractor().recognises(try SchemaOrgFiles.document(html)))
    }

    @Test func xmlIsNotSchemaOrgHTML() throws {
        #expect(!SchemaOrgExtractor().recognises(try SchemaOrgFiles.document("<?xml version=\"1.0\"?><r itemscope=\"\" itemtype=\"https://schema.org/Person\"><x itemprop=\"jobTitle\">A</x></r>")))
    }

    @Test func nestedItemsKeepTheirOwnProperties() throws {
        // The organisation's name is not the person's; the role's startDate is not the school's.
        let candidate = try SchemaOrgFiles.extract("""
            <div itemscope itemtype="https://schema.org/Person">
              <div itemprop="worksFor" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Acme Mills</span></div>
              <h1 itemprop="name">Robin Hale</h1>
              <span itemprop="jobTitle">Payroll Manager</span>
            </div>
            """)
        #expect(candidate.personal.name == "Robin Hale")
        try #require(candidate.positions.count == 1)
        // worksFor an organisation with no role: the current job, under the person's jobTitle.
        #expect(candidate.positions[0].title == "Payroll Manager")
        #expect(candidate.positions[0].employer == "Acme Mills")
        #expect(candidate.positions[0].current)
    }

    @Test func itemrefPullsInPropertiesFromElsewhere() throws {
        let candidate = try SchemaOrgFiles.extract("""
            <div itemscope itemtype="https://schema.org/Person" itemref="contact jobs"><h1 itemprop="name">Robin Hale</h1></div>
            <p id="contact"><span itemprop="telephone">555-0100</span></p>
            <div id="jobs"><div itemprop="worksFor" itemscope itemtype="https://schema.org/EmployeeRole">
              <span itemprop="roleName">HR Coordinator</span> at
              <span itemprop="worksFor" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Birch Co</span></span>
              <time itemprop="startDate" datetime="2024-04">April 2024</time>–<time itemprop="endDate" datetime="2025-10">Oct 2025</time></div></div>
            """)
        #expect(candidate.personal.phone == "555-0100")
        try #require(candidate.positions.count == 1)
        #expect(candidate.positions[0].title == "HR Coordinator")
        #expect(candidate.positions[0].employer == "Birch Co")
        #expect(candidate.positions[0].start == date("2024-04"))
        #expect(candidate.positions[0].end == date("2025-10"))
        #expect(!candidate.positions[0].current)
    }

    @Test func machineOnlyValuesCountForDatesNotForScoredWords() throws {
        let candidate = try SchemaOrgFiles.extract("""
            <div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Robin Hale</span>
              <meta itemprop="jobTitle" content="HR Director">
              <meta itemprop="knowsAbout" content="SPHR, SHRM-SCP">
              <div itemprop="hasCredential" itemscope itemtype="https://schema.org/EducationalOccupationalCredential">
                <meta itemprop="name" content="SPHR"></div>
              <div itemprop="alumniOf" itemscope itemtype="https://schema.org/OrganizationRole">
                <span itemprop="roleName">Benefits Analyst</span>
                <span itemprop="alumniOf" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Delta Foods</span></span>
                <meta itemprop="startDate" content="2018-01"><meta itemprop="endDate" content="2021-06">
              </div>
            </div>
            """)
        #expect(candidate.headline == nil)
        #expect(candidate.skills.isEmpty)
        #expect(candidate.certifications.isEmpty)
        try #require(candidate.positions.count == 1)
        #expect(candidate.positions[0].title == "Benefits Analyst")
        #expect(candidate.positions[0].employer == "Delta Foods")
        #expect(candidate.positions[0].start == date("2018-01"))
        #expect(candidate.positions[0].end == date("2021-06"))
    }

    @Test(arguments: [
        ("<time itemprop=\"startDate\" datetime=\"2019-03\">Mar 2019</time> – Present", true),
        ("<time itemprop=\"startDate\" datetime=\"2019-03\">Mar 2019</time> – <span itemprop=\"endDate\">current</span>", true),
        ("<time itemprop=\"startDate\" datetime=\"2019-03\">Mar 2019</time> to date", true),
        ("<time itemprop=\"startDate\" datetime=\"2019-03\">Mar 2019</time> – <time itemprop=\"endDate\" datetime=\"2020\">2020</time>", false),
        ("<time itemprop=\"startDate\" datetime=\"2019-03\">Mar 2019</time>", false),
    ] as [(String, Bool)])
    func pastTenseRolesAreCurrentOnlyWhenThePageSaysSo(dates: String, current: Bool) throws {
        let candidate = try SchemaOrgFiles.extract("""
            <div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Robin Hale</span>
              <div itemprop="alumniOf" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Delta Foods</span>
                <div itemprop="employee" itemscope itemtype="https://schema.org/EmployeeRole"><span itemprop="roleName">HR Assistant</span>
                  <p>\(dates)</p></div></div></div>
            """)
        let position = try #require(candidate.positions.first)
        #expect(position.start == date("2019-03"))
        #expect(position.current == current)
        if current { #expect(position.end == nil) }
    }

    @Test func partialMarkupIsCompletedFromThePageText() throws {
        // Only the header is marked up; the jobs are plain HTML.
        let candidate = try SchemaOrgFiles.extract("""
            <html><body>
            <header itemscope itemtype="https://schema.org/Person"><h1 itemprop="name">Robin Hale</h1>
              <p itemprop="jobTitle">HR Generalist</p></header>
            <h2>Experience</h2>
            <h3>HR Generalist</h3>
            <p>Acme Health — Columbus, OH · January 2024 – Present</p>
            <ul><li>Ran onboarding for 300 new hires.</li></ul>
            <h2>Skills</h2>
            <ul><li>Workday</li><li>FMLA</li></ul>
            </body></html>
            """)
        #expect(candidate.format == .schemaOrg)
        #expect(candidate.personal.name == "Robin Hale")
        #expect(candidate.headline == "HR Generalist")
        #expect(!candidate.positions.isEmpty)
        #expect(candidate.warnings.contains { $0.contains("read from the page text") })
    }
}
