import Foundation
import Markup
import Testing
@testable import Extraction

/// Where the generic HTML tests find their files: the repository is three levels above this file and the
/// shared corpus sits next to it.
private enum HTMLTestFiles {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func corpus(_ path: String) -> String { repoRoot.appendingPathComponent("../shared/corpus/" + path).standardized.path }
    static func example(_ name: String) -> String { repoRoot.appendingPathComponent("Examples/" + name).path }
    static func fixture(_ name: String) -> String { repoRoot.appendingPathComponent("Tests/ExtractionTests/Fixtures/html/" + name).path }
    static let asOf = PartialDate(year: 2026, month: 11, day: 1)

    static func read(_ path: String) throws -> Candidate {
        try ResumeReader().read(fileAt: path, asOf: asOf)
    }

    /// Runs the generic extractor alone on a piece of HTML.
    static func extract(_ html: String) throws -> Candidate {
        let document = try MarkupParser().parse(Data(html.utf8))
        return GenericHTMLExtractor().extract(from: document, context: ExtractionContext(source: "snippet.html", asOf: asOf))
    }

    static func date(_ text: String?) -> PartialDate? { text.flatMap { PartialDate(iso: $0) } }
}

// MARK: - Corpus

/// What a person reads off each corpus file, written by reading the files.
@Suite struct GenericHTMLCorpusTests {
    @Test func startBootstrapOnePager() throws {
        let candidate = try HTMLTestFiles.read(HTMLTestFiles.corpus("html/startbootstrap-resume-clarence-taylor.html"))
        #expect(candidate.format == .html)
        #expect(candidate.personal.name == "Clarence Taylor")
        #expect(candidate.personal.email == "name@email.com")
        #expect(candidate.personal.phone == "(317) 585-8468")
        #expect(candidate.personal.location == "Cheyenne Wells, CO 80810")
        #expect(candidate.positions.map(\.title) == ["Senior Web Developer", "Web Developer", "Junior Web Designer", "Web Design Intern"])
        #expect(candidate.positions.map(\.employer) == ["Intelitec Solutions", "Intelitec Solutions", "Shout! Media Productions", "Shout! Media Productions"])
        #expect(candidate.positions.map(\.start) == ["2013-03", "2011-12", "2010-07", "2008-09"].map(HTMLTestFiles.date))
        #expect(candidate.positions.map(\.end) == [nil, "2013-03", "2011-12", "2010-06"].map(HTMLTestFiles.date))
        #expect(candidate.positions.map(\.current) == [true, false, false, false])
        // The description paragraph sits between the title and the dates; it is the duty text.
        #expect(candidate.positions[0].duties.first?.text.hasPrefix("Bring to the table win-win") == true)
        #expect(candidate.positions[0].duties.first?.section == .position)

        #expect(candidate.education.count == 2)
        let university = try #require(candidate.education.first)
        #expect(university.institution == "University of Colorado Boulder")
        #expect(university.degree == "Bachelor of Science")
        #expect(university.level == .bachelor)
        #expect(university.field == "Computer Science - Web Development Track")
        #expect(university.end == PartialDate(year: 2010, month: 5))
        #expect(candidate.education.last?.institution == "James Buchanan High School")
        #expect(candidate.education.last?.level == .secondary)

        // "Awards & Certifications" mixes prizes with certifications: only the certifications count.
        #expect(candidate.certifications.map(\.name) == ["Google Analytics Certified Developer", "Mobile Web Specialist - Google Certification"])
        #expect(candidate.certifications.allSatisfy { $0.id == nil })
        // The language icons have no text; the workflow list is what a reader sees.
        #expect(candidate.skills == ["Mobile-First, Responsive Design", "Cross Browser Testing & Debugging", "Cross Functional Teams", "Agile Development & Scrum"])
        #expect(!candidate.hiddenText)
    }

    struct WordExport: Sendable, CustomTestStringConvertible {
        var file: String
        var email: String
        var location: String
        var employers: [String]
        var jobPlace: String
        var testDescription: String { file }
    }

    static let wordExports = [
        WordExport(
            file: "word2002-professional-resume-template-max-benson-cp1252.htm", email: "maxbenson@foobar.net",
            location: "Anywhere, NY 10280", employers: ["Arbor Shoe", "Ferguson and Bardwell", "Duffy Vineyards", "Lit Ware, Inc."],
            jobPlace: "South Ridge, SC"),
        WordExport(
            file: "word2002-contemporary-resume-template-max-benson-cp1252.htm", email: "max.benson@foobar.net",
            location: "Anywhere, NY 10000", employers: ["Arbor Shoes", "Ferguson and Bardwell", "Duffy Vineyards", "Lit Ware, Inc."],
            jobPlace: "South Ridge, WA"),
    ]

    /// Word 2002 "save as web page": layout tables with the section title in the left cell, date,
    /// employer and place on one line separated by tab stops, the title on the next line.
    @Test(arguments: wordExports)
    func wordExport(_ export: WordExport) throws {
        let candidate = try HTMLTestFiles.read(HTMLTestFiles.corpus("html/" + export.file))
        #expect(candidate.format == .html)
        #expect(candidate.personal.name == "Max Benson")
        #expect(candidate.personal.email == export.email)
        #expect(candidate.personal.phone == "212-222-2222")
        #expect(candidate.personal.location == export.location)
        #expect(candidate.positions.map(\.title) == ["National Sales Manager", "District Sales Manager", "Senior Sales Representative", "Sales Representative"])
        #expect(candidate.positions.map(\.employer) == export.employers)
        #expect(candidate.positions.allSatisfy { $0.location == export.jobPlace })
        #expect(candidate.positions.map(\.start) == [1990, 1985, 1980, 1975].map { PartialDate(year: $0) })
        #expect(candidate.positions.map(\.end) == [1994, 1990, 1984, 1980].map { PartialDate(year: $0) })
        #expect(candidate.positions.allSatisfy { !$0.current })
        #expect(candidate.positions[0].duties.map(\.text) == [
            "Increased sales from $50 million to $100 million.",
            "Doubled sales per representative from $5 million to $10 million.",
            "Suggested new products that increased earnings by 23%.",
        ])
        // Word wraps each letter of "B.A." and "Business" in smart-tag elements; the text still reads whole.
        let education = try #require(candidate.education.first)
        #expect(candidate.education.count == 1)
        #expect(education.degree == "B.A., Business Administration and Computer Science")
        #expect(education.level == .bachelor)
        #expect(education.field == "Business Administration and Computer Science")
        #expect(education.institution == "South Ridge State University")
        #expect(education.start == PartialDate(year: 1971))
        #expect(education.end == PartialDate(year: 1975))
        #expect(candidate.certifications.isEmpty)
        // The template's leftover "Tips" row and the objective are not fields; the conditional-comment
        // debris Word leaves around bullets is not text.
        #expect(candidate.evidence.contains { $0.text.hasPrefix("To enter") && $0.section == .summary })
        #expect(!candidate.evidence.contains { $0.text.contains("<![") || $0.text.contains("supportLists") })
    }

    /// windows-1252 declared only in `<meta>`: 0x96 is an en dash, 0x92 a right quote, 0xA0 a no-break
    /// space — never U+FFFD or mojibake.
    @Test(arguments: wordExports.map(\.file))
    func windows1252Decoding(_ file: String) throws {
        let path = HTMLTestFiles.corpus("html/" + file)
        let candidate = try HTMLTestFiles.read(path)
        #expect(candidate.evidence.contains { $0.text.hasPrefix("1990\u{2013}1994 Arbor Shoe") })
        #expect(candidate.evidence.contains { $0.text.contains("company\u{2019}s highest sales award") })
        #expect(!candidate.evidence.contains { $0.text.contains("\u{FFFD}") || $0.text.contains("Ã") || $0.text.contains("Â") })

        let document = try MarkupParser().parse(Data(contentsOf: URL(fileURLWithPath: path)))
        let root = try #require(document.root)
        let tab = try #require(root.firstDescendant { $0.name == "span" && ($0.attribute("style") ?? "").contains("mso-tab-count") })
        let raw = tab.textNodes.map(\.value).joined()
        #expect(raw.contains("\u{00A0}"))
        #expect(raw.allSatisfy { $0 == "\u{00A0}" || $0 == " " })
    }
}

// MARK: - Examples

/// The résumés written for this project, which the README's main command runs on.
@Suite struct GenericHTMLExampleTests {
    /// The person of the seed cover letter: Senior HR Generalist, five years of HR, informal lead of an
    /// HR coordinator and two assistants since September 2025, owns benefits, led the EEO-1 filing, PHR.
    @Test func seniorHRGeneralist() throws {
        let candidate = try HTMLTestFiles.read(HTMLTestFiles.example("dana-whitfield-senior-hr-generalist.html"))
        #expect(candidate.format == .html)
        #expect(candidate.personal.name == "Dana Whitfield")
        #expect(candidate.headline == "Senior HR Generalist")
        #expect(candidate.personal.email == "dana.whitfield@example.com")
        #expect(candidate.personal.phone == "(614) 555-0142")
        #expect(candidate.personal.location == "Columbus, OH")
        #expect(candidate.positions.map(\.title) == ["Senior HR Generalist", "HR Generalist", "HR Coordinator"])
        #expect(candidate.positions.map(\.employer) == ["Acme Health", "Acme Health", "Brightline Staffing Group"])
        #expect(candidate.positions.map(\.location) == ["Columbus, OH", "Columbus, OH", "Dayton, OH"])
        #expect(candidate.positions.map(\.start) == [PartialDate(year: 2024, month: 3), PartialDate(year: 2022, month: 8), PartialDate(year: 2021, month: 11)])
        #expect(candidate.positions.map(\.end) == [nil, PartialDate(year: 2024, month: 2), PartialDate(year: 2022, month: 7)])
        #expect(candidate.positions.map(\.current) == [true, false, false])
        let lead = try #require(candidate.positions[0].duties.first)
        #expect(lead.text.hasPrefix("Informal team lead for our HR coordinator and two HR assistants since September 2025"))
        #expect(lead.line > 0)
        #expect(candidate.positions[0].duties.contains { $0.text.contains("EEO-1 submission") })
        #expect(candidate.positions[0].description?.contains("Own benefits administration") == true)

        #expect(candidate.education.count == 1)
        #expect(candidate.education.first?.degree == "B.S. in Human Resource Management")
        #expect(candidate.education.first?.level == .bachelor)
        #expect(candidate.education.first?.field == "Human Resource Management")
        #expect(candidate.education.first?.institution == "Wright State University")
        #expect(candidate.education.first?.end == PartialDate(year: 2021))

        // PHR is held (2023); "Planning to sit for the SPHR" is not a certification.
        #expect(candidate.certifications.map(\.id) == ["PHR"])
        #expect(candidate.certifications.first?.date == PartialDate(year: 2023))
        #expect(candidate.skills.contains("Workday"))
        #expect(candidate.skills.contains("EEO-1 reporting"))
        #expect(candidate.skills.count == 10)
        #expect(candidate.evidence.contains { $0.section == .summary && $0.text.contains("informal team lead") })
        #expect(!candidate.hiddenText)
    }

    /// A Word-style table layout in windows-1252: HR Assistant Manager since January 2022 (nearly five
    /// years), three direct reports, SHRM-CP and an MBA.
    @Test func hrAssistantManagerWordTable() throws {
        let candidate = try HTMLTestFiles.read(HTMLTestFiles.example("marcus-oyelaran-hr-assistant-manager.htm"))
        #expect(candidate.personal.name == "Marcus Oyelaran")
        #expect(candidate.headline == "HR Assistant Manager")
        #expect(candidate.personal.phone == "513-555-0187")
        #expect(candidate.personal.email == "marcus.oyelaran@example.net")
        #expect(candidate.positions.map(\.title) == ["HR Assistant Manager", "HR Generalist", "HR Assistant"])
        #expect(candidate.positions.map(\.employer) == ["Northwind Regional Hospital", "Northwind Regional Hospital", "Cedar Valley Foods, Inc."])
        #expect(candidate.positions.map(\.start) == [PartialDate(year: 2022, month: 1), PartialDate(year: 2018, month: 6), PartialDate(year: 2016, month: 5)])
        #expect(candidate.positions.map(\.end) == [nil, PartialDate(year: 2021, month: 12), PartialDate(year: 2018, month: 5)])
        #expect(candidate.positions[0].current)
        #expect(candidate.positions[0].duties.first?.text.hasPrefix("Supervise three direct reports") == true)
        #expect(candidate.education.map(\.level) == [.master, .bachelor])
        #expect(candidate.education.map(\.institution) == ["University of Cincinnati", "Miami University"])
        #expect(candidate.education.first?.degree == "Master of Business Administration (MBA), Human Resources concentration")
        #expect(candidate.education.map(\.end) == [PartialDate(year: 2020), PartialDate(year: 2015)])
        #expect(candidate.certifications.map(\.id) == ["SHRM-CP"])
        #expect(candidate.certifications.first?.date == PartialDate(year: 2019))
        #expect(candidate.skills.first == "UKG Pro")
    }

    /// A site-builder page: bold spans as headings, the employer above the title, dates after the
    /// description, and single-line "Title | Employer | Dates" entries.
    @Test func hrBusinessPartnerSiteBuilder() throws {
        let candidate = try HTMLTestFiles.read(HTMLTestFiles.example("jordan-ellis-hr-business-partner.html"))
        #expect(candidate.personal.name == "Jordan Ellis")
        #expect(candidate.headline == "HR Business Partner")
        #expect(candidate.personal.location == "Toledo, Ohio")
        #expect(candidate.positions.map(\.title) == ["HR Business Partner", "Talent Acquisition Specialist", "Recruiting Coordinator"])
        #expect(candidate.positions.map(\.employer) == ["Harbor Point Credit Union", "Lumen Valley Schools", "Brightline Staffing Group"])
        #expect(candidate.positions.map(\.start) == [PartialDate(year: 2023, month: 4), PartialDate(year: 2019), PartialDate(year: 2017)])
        #expect(candidate.positions.map(\.end) == [nil, PartialDate(year: 2023), PartialDate(year: 2019)])
        #expect(candidate.positions[0].duties.count == 2)
        #expect(candidate.education.first?.degree == "Bachelor of Arts in Communication")
        #expect(candidate.education.first?.institution == "Ohio University")
        #expect(candidate.certifications.map(\.id) == ["SHRM-SCP"])
        #expect(candidate.skills.count == 6)
    }
}

// MARK: - Line layouts

/// One job written in the layouts résumés use, each read to the same kind of record.
@Suite struct GenericHTMLLayoutTests {
    struct Layout: Sendable, CustomTestStringConvertible {
        var name: String
        var html: String
        var title: String
        var employer: String?
        var location: String?
        var start: String
        var end: String?
        var current: Bool
        var testDescription: String { name }
    }

    static let layouts: [Layout] = [
        Layout(name: "employer — place · dates under a title heading",
               html: "<h2>Experience</h2><h3>Senior HR Generalist</h3><p>Acme Health — Columbus, OH · January 2024 – Present</p><ul><li>Own benefits administration for 640 employees.</li></ul>",
               title: "Senior HR Generalist", employer: "Acme Health", location: "Columbus, OH", start: "2024-01", end: nil, current: true),
        Layout(name: "employer | dates under a bold title",
               html: "<h2>Work History</h2><p><b>People Operations Analyst</b></p><p>Google | 2023 - Present</p><p>Built the headcount dashboard used by every HR business partner in the region.</p>",
               title: "People Operations Analyst", employer: "Google", location: nil, start: "2023", end: nil, current: true),
        Layout(name: "title, employer (dates) on one line",
               html: "<h2>Employment</h2><p>Senior HR Generalist, Acme Health (2021–present)</p><ul><li>Ran open enrollment.</li></ul>",
               title: "Senior HR Generalist", employer: "Acme Health", location: nil, start: "2021", end: nil, current: true),
        Layout(name: "employer heading, title below, dates in a sibling span after the description",
               html: """
                   <h2>Experience</h2><div class="entry"><div class="main"><h3>Lakeside Hospital</h3><div class="subheading">Benefits Coordinator</div>
                   <p>Ran open enrollment for two thousand employees and their dependants across four sites.</p></div>
                   <div class="side"><span>Nov 2021 – Dec 2023</span></div></div>
                   """,
               title: "Benefits Coordinator", employer: "Lakeside Hospital", location: nil, start: "2021-11", end: "2023-12", current: false),
        Layout(name: "title at employer, month/year dates",
               html: "<h2>Experience</h2><p>HR Assistant at Cedar Valley Foods, 09/2019 - 10/2021</p>",
               title: "HR Assistant", employer: "Cedar Valley Foods", location: nil, start: "2019-09", end: "2021-10", current: false),
        Layout(name: "dates · employer · place, then the title",
               html: "<h2>Professional Experience</h2><p>2017–2019 · Riverbend Logistics · Dayton, OH</p><p><strong>Recruiting Coordinator</strong></p><ul><li>Scheduled 60 interviews a week.</li></ul>",
               title: "Recruiting Coordinator", employer: "Riverbend Logistics", location: "Dayton, OH", start: "2017", end: "2019", current: false),
        Layout(name: "table row: title, employer, place, dates in cells",
               html: "<table><tr><th>Experience</th></tr><tr><td>Payroll Specialist</td><td>Mercer Plastics LLC</td><td>Akron, OH</td><td>Jun 2015 – Aug 2017</td></tr></table>",
               title: "Payroll Specialist", employer: "Mercer Plastics LLC", location: "Akron, OH", start: "2015-06", end: "2017-08", current: false),
        Layout(name: "definition list with the entry in the dd",
               html: "<dl><dt>Experience</dt><dd><b>HR Manager</b> — Summit County Government, Akron, Ohio, 2012 to 2015</dd></dl>",
               title: "HR Manager", employer: "Summit County Government", location: "Akron, Ohio", start: "2012", end: "2015", current: false),
        Layout(name: "department after a bare title, duration after the dates",
               html: "<h2>Career History</h2><h4>Manager, Human Resources</h4><p>Riverside Medical Center | Jan 2019 – Present · 7 yrs 10 mos</p>",
               title: "Manager, Human Resources", employer: "Riverside Medical Center", location: nil, start: "2019-01", end: nil, current: true),
        Layout(name: "employer and dates first, title second, en dash and 'to date'",
               html: "<h2>EXPERIENCE</h2><p><strong>Northwind Logistics Inc.</strong>, March 2020 to date</p><p>Talent Acquisition Partner</p>",
               title: "Talent Acquisition Partner", employer: "Northwind Logistics Inc.", location: nil, start: "2020-03", end: nil, current: true),
        Layout(name: "employment type beside the title, employer with no cue on its own line",
               html: "<h2>Experience</h2><h3>HR Generalist (Contract)</h3><p>Zappos</p><p>2019 – 2021</p><ul><li>Handled leave cases.</li></ul>",
               title: "HR Generalist", employer: "Zappos", location: nil, start: "2019", end: "2021", current: false),
        Layout(name: "Google Docs export: capitals, spans, dates on their own line",
               html: """
                   <p class="c2"><span class="c5">WORK EXPERIENCE</span></p><p class="c1"><span class="c4">SENIOR HR GENERALIST</span></p>
                   <p class="c1"><span class="c3">Zappos</span><span class="c0"> — Las Vegas, NV</span></p><p class="c1"><span class="c0">MARCH 2024 - PRESENT</span></p>
                   <ul class="c8"><li class="c6"><span class="c0">Own the leave of absence program.</span></li></ul>
                   """,
               title: "SENIOR HR GENERALIST", employer: "Zappos", location: "Las Vegas, NV", start: "2024-03", end: nil, current: true),
    ]

    @Test(arguments: layouts)
    func layout(_ layout: Layout) throws {
        let candidate = try HTMLTestFiles.extract("<html><body><h1>Alex Rivera</h1>" + layout.html + "</body></html>")
        #expect(candidate.positions.count == 1)
        let position = try #require(candidate.positions.first)
        #expect(position.title == layout.title)
        #expect(position.employer == layout.employer)
        #expect(position.location == layout.location)
        #expect(position.start == PartialDate(iso: layout.start))
        #expect(position.end == layout.end.flatMap { PartialDate(iso: $0) })
        #expect(position.current == layout.current)
    }

    /// Several roles under one employer heading each keep the employer.
    @Test func rolesUnderOneEmployer() throws {
        let candidate = try HTMLTestFiles.extract("""
            <html><body><h1>Alex Rivera</h1><h2>Experience</h2>
            <h3>Acme Health — Columbus, OH</h3>
            <p>Senior HR Generalist · Mar 2024 – Present</p><ul><li>Lead benefits administration.</li></ul>
            <p>HR Generalist · Aug 2022 – Feb 2024</p><ul><li>Ran new-hire orientation.</li></ul>
            <h3>Brightline Staffing Group</h3>
            <p>HR Coordinator · Nov 2021 – Jul 2022</p>
            </body></html>
            """)
        #expect(candidate.positions.map(\.title) == ["Senior HR Generalist", "HR Generalist", "HR Coordinator"])
        #expect(candidate.positions.map(\.employer) == ["Acme Health", "Acme Health", "Brightline Staffing Group"])
        #expect(candidate.positions.map(\.location) == ["Columbus, OH", "Columbus, OH", nil])
        #expect(candidate.positions[0].duties.map(\.text) == ["Lead benefits administration."])
    }

    /// Duties that mention a title or a year stay duties; a job heading such as "Education Coordinator"
    /// is not the education section.
    @Test func dutiesAndLookalikeHeadings() throws {
        let candidate = try HTMLTestFiles.extract("""
            <html><body><h1>Alex Rivera</h1><h2>Experience</h2>
            <h3>Education Coordinator</h3><p>Lumen Valley Schools · 2018 – 2022</p>
            <ul><li>Supervised the HR coordinator and two assistants during the 2020 reorganisation.</li>
            <li>Promoted to lead coordinator in 2021.</li></ul>
            <p>Managed onboarding for 300 seasonal staff each summer.</p>
            <h2>Education</h2><p>B.S. Business Administration — Ohio State University (2016)</p>
            </body></html>
            """)
        #expect(candidate.positions.count == 1)
        #expect(candidate.positions.first?.title == "Education Coordinator")
        #expect(candidate.positions.first?.duties.count == 3)
        #expect(candidate.education.first?.field == "Business Administration")
        #expect(candidate.education.first?.institution == "Ohio State University")
    }

    struct EducationLayout: Sendable, CustomTestStringConvertible {
        var html: String
        var degree: String?
        var level: EducationLevel?
        var field: String?
        var institution: String?
        var end: String?
        var testDescription: String { html }
    }

    static let educationLayouts: [EducationLayout] = [
        EducationLayout(html: "<p>MBA, University of Cincinnati, 2020</p>", degree: "MBA", level: .master, field: nil, institution: "University of Cincinnati", end: "2020"),
        EducationLayout(html: "<p>B.S. Business Administration — Ohio State University (2016)</p>", degree: "B.S. Business Administration", level: .bachelor, field: "Business Administration", institution: "Ohio State University", end: "2016"),
        EducationLayout(html: "<p>Associate of Applied Science in Human Services, Sinclair Community College, May 2012</p>", degree: "Associate of Applied Science in Human Services", level: .associate, field: "Human Services", institution: "Sinclair Community College", end: "2012-05"),
        EducationLayout(html: "<h3>Purdue University</h3><p>Ph.D. in Industrial-Organizational Psychology</p><p>2015 – 2019</p>", degree: "Ph.D. in Industrial-Organizational Psychology", level: .doctorate, field: "Industrial-Organizational Psychology", institution: "Purdue University", end: "2019"),
        EducationLayout(html: "<p>High School Diploma — Central High School, 2008</p>", degree: "High School Diploma", level: .secondary, field: nil, institution: "Central High School", end: "2008"),
        EducationLayout(html: "<p><b>University of Dayton</b> | Dayton, OH</p><p>Master of Science in Human Resource Management, expected 2027</p>", degree: "Master of Science in Human Resource Management, expected", level: .master, field: "Human Resource Management", institution: "University of Dayton", end: "2027"),
        EducationLayout(html: "<p>BA (Hons) Human Resource Management, University of Leeds, 2014</p>", degree: "BA (Hons) Human Resource Management", level: .bachelor, field: "Human Resource Management", institution: "University of Leeds", end: "2014"),
    ]

    @Test(arguments: educationLayouts)
    func education(_ layout: EducationLayout) throws {
        let candidate = try HTMLTestFiles.extract("<html><body><h1>Alex Rivera</h1><h2>Education</h2>" + layout.html + "</body></html>")
        #expect(candidate.education.count == 1)
        let entry = try #require(candidate.education.first)
        #expect(entry.degree == layout.degree)
        #expect(entry.level == layout.level)
        #expect(entry.field == layout.field)
        #expect(entry.institution == layout.institution)
        #expect(entry.end == layout.end.flatMap { PartialDate(iso: $0) })
    }
}

// MARK: - Names, contact, certifications, skills, hidden text

@Suite struct GenericHTMLDetailsTests {
    @Test(arguments: [
        ("<html><head><title>Résumé of Avery Quinn</title></head><body><p>avery@example.com</p><h2>Skills</h2><p>Workday, ADP</p></body></html>", "Avery Quinn"),
        ("<html><head><title>Avery Quinn - Resume</title></head><body><h2>Skills</h2><p>Workday, ADP</p></body></html>", "Avery Quinn"),
        ("<html><body><h1>Resume</h1><p>Avery Quinn</p><h2>Skills</h2><p>Workday</p></body></html>", "Avery Quinn"),
        ("<html><body><h1>Avery Quinn, SHRM-CP</h1><h2>Skills</h2><p>Workday</p></body></html>", "Avery Quinn"),
        ("<html><body><p class=\"name\">AVERY QUINN</p><h2>Skills</h2><p>Workday</p></body></html>", "AVERY QUINN"),
        ("<html><body><h1>Avery Quinn — HR Generalist</h1><h2>Skills</h2><p>Workday</p></body></html>", "Avery Quinn"),
        ("<html><body><h1>Avery Quinn Resume</h1><h2>Skills</h2><p>Workday</p></body></html>", "Avery Quinn"),
        ("<html><body><h1>Avery Quinn’s Résumé</h1><h2>Skills</h2><p>Workday</p></body></html>", "Avery Quinn"),
    ])
    func name(_ html: String, _ expected: String) throws {
        #expect(try HTMLTestFiles.extract(html).personal.name == expected)
    }

    /// Names in scripts without capitals, and icons between fields.
    @Test func nonLatinNameAndIconSeparators() throws {
        let candidate = try HTMLTestFiles.extract("<html><body><h1>محمد علي</h1><h2>Experience</h2><p>👩‍💼 HR Generalist 🏥 Acme Health · 2019 – 2021</p></body></html>")
        #expect(candidate.personal.name == "محمد علي")
        #expect(candidate.positions.first?.title == "HR Generalist")
        #expect(candidate.positions.first?.employer == "Acme Health")
    }

    /// Without an experience heading only dated lines that name a job title become positions.
    @Test func noHeadingsNoInventedJobs() throws {
        let loose = try HTMLTestFiles.extract("<html><body><p>Just some text with 2019 – 2020 and PHR</p></body></html>")
        #expect(loose.positions.isEmpty)
        let dated = try HTMLTestFiles.extract("<html><body><h1>Avery Quinn</h1><p>HR Generalist, Summit Health, 2019 – 2023</p></body></html>")
        #expect(dated.positions.map(\.title) == ["HR Generalist"])
        #expect(dated.warnings.contains { $0.contains("no experience heading") })
    }

    @Test func headlineBesideTheName() throws {
        let candidate = try HTMLTestFiles.extract("<html><body><h1>Avery Quinn — HR Generalist</h1><h2>Skills</h2><p>Workday</p></body></html>")
        #expect(candidate.headline == "HR Generalist")
    }

    @Test func contactFromText() throws {
        let candidate = try HTMLTestFiles.extract("""
            <html><body><h1>Avery Quinn</h1><p>Akron, OH 44308 | +1 330 555 0101 | avery.quinn@example.org</p>
            <h2>Experience</h2><p>HR Generalist, Summit Health, 2019 – 2023</p></body></html>
            """)
        #expect(candidate.personal.email == "avery.quinn@example.org")
        #expect(candidate.personal.phone == "+1 330 555 0101")
        #expect(candidate.personal.location == "Akron, OH 44308")
    }

    @Test func certificationsWithYearsAndElsewhere() throws {
        let candidate = try HTMLTestFiles.extract("""
            <html><body><h1>Avery Quinn, PHR</h1>
            <h2>Summary</h2><p>Working toward the SPHR; SHRM-CP holder since 2019.</p>
            <h2>Licenses &amp; Certifications</h2>
            <ul><li>Professional in Human Resources (PHR), HRCI — 2021</li><li>Certified Benefits Professional (CBP)</li>
            <li>Notary Public, State of Ohio</li></ul>
            </body></html>
            """)
        #expect(candidate.certifications.map(\.id) == ["PHR", "CBP", nil])
        #expect(candidate.certifications.first?.date == PartialDate(year: 2021))
        #expect(candidate.certifications.last?.name == "Notary Public, State of Ohio")
        // "Working toward the SPHR" does not claim it; the same line's SHRM-CP would, but the whole line
        // is ruled out, so neither is read from it.
        #expect(!candidate.certifications.contains { $0.id == "SPHR" })
    }

    @Test func skillsAsListed() throws {
        let candidate = try HTMLTestFiles.extract("""
            <html><body><h1>Avery Quinn</h1><h2>Core Competencies</h2>
            <p><strong>HRIS:</strong> Workday, ADP Workforce Now, UKG Pro</p>
            <p>Compliance: FMLA; ADA; FLSA</p>
            <ul><li>Employee relations</li><li>Open enrollment • Benefits administration</li></ul>
            </body></html>
            """)
        #expect(candidate.skills == ["Workday", "ADP Workforce Now", "UKG Pro", "FMLA", "ADA", "FLSA", "Employee relations", "Open enrollment", "Benefits administration"])
    }

    @Test func everyVisibleLineIsEvidenceWithItsSection() throws {
        let candidate = try HTMLTestFiles.read(HTMLTestFiles.example("dana-whitfield-senior-hr-generalist.html"))
        #expect(candidate.evidence.count > 25)
        #expect(candidate.evidence.allSatisfy { $0.line > 0 })
        let benefits = try #require(candidate.evidence.first { $0.text.hasPrefix("Own benefits administration") })
        #expect(benefits.section == .position)
        #expect(candidate.evidence.contains { $0.text == "Workday, ADP Workforce Now, Benefits administration, Open enrollment, FMLA, ADA, EEO-1 reporting, I-9 audits, Onboarding, Employee relations" && $0.section == .skills })
        #expect(candidate.evidence.contains { $0.text.hasPrefix("PHR — Professional") && $0.section == .certification })
        #expect(candidate.evidence.contains { $0.text == "Senior HR Generalist" && $0.section == .other })
        // The name and contact lines prove nothing and must not be quoted in blind reports.
        #expect(!candidate.evidence.contains { $0.text.contains("Whitfield") || $0.text.contains("@") || $0.text.contains("555-0142") })
    }

    /// Text hidden by display:none, visibility:hidden (class rule), zero font size, or a colour equal to
    /// its background never reaches a field or evidence, and the record says the document hides text.
    @Test func hiddenTextNeverFeedsAField() throws {
        let candidate = try HTMLTestFiles.read(HTMLTestFiles.fixture("hidden-text.html"))
        #expect(candidate.hiddenText)
        #expect(candidate.warnings.contains { $0.contains("hidden") })
        #expect(candidate.personal.name == "Robin Castillo")
        #expect(candidate.positions.map(\.title) == ["HR Generalist", "HR Assistant"])
        #expect(candidate.positions.map(\.employer) == ["Maple Street Bakery Co.", "Lansing Community Credit Union"])
        #expect(candidate.positions.first?.duties.map(\.text) == ["Run onboarding and benefits enrollment for 85 employees.", "Keep personnel files audit-ready."])
        #expect(candidate.certifications.map(\.id) == ["aPHR"])
        #expect(candidate.skills == ["Onboarding", "Benefits enrollment", "HRIS data entry"])

        let hiddenWords = ["SPHR", "SHRM", "CHRO", "Workday", "Globex", "Vice President", "Initech", "Chief People", "Umbrella", "forty", "PHR, 2015", "Executive leadership", "Director"]
        var visibleText = candidate.evidence.map(\.text)
        visibleText += candidate.positions.flatMap { [$0.title, $0.employer ?? "", $0.description ?? ""] }
        visibleText += candidate.certifications.map(\.name) + candidate.skills + [candidate.headline ?? ""]
        for word in hiddenWords {
            #expect(!visibleText.contains { $0.contains(word) }, "hidden text \"\(word)\" leaked")
        }
    }
}

// MARK: - Recognition

@Suite struct GenericHTMLRecognitionTests {
    @Test func recognisesAnyHTMLButNotXML() throws {
        let html = try MarkupParser().parse(Data("<html><body><p>Hello</p></body></html>".utf8))
        let xml = try MarkupParser().parse(Data("<?xml version=\"1.0\"?><resume><name>Jo</name></resume>".utf8))
        #expect(GenericHTMLExtractor().recognises(html))
        #expect(!GenericHTMLExtractor().recognises(xml))
    }

    /// A page that is not a résumé gives no record (the reader refuses it), not an empty candidate.
    @Test func notAResume() throws {
        #expect(throws: ResumeReadError.self) {
            try ResumeReader().read(bytes: Data("<html><body><p>Opening hours: 9–5.</p></body></html>".utf8), source: "x.html", asOf: HTMLTestFiles.asOf)
        }
    }
}
