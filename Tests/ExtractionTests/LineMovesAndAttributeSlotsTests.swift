import Foundation
import Markup
import Testing
@testable import Extraction

/// The HTML reading that moves lines instead of copying them, reads attribute values from their slots,
/// and collapses one-chunk lines without the general scalar loop, and the smaller replacements beside
/// it: each checked against the code it replaced (kept here as the reference) over the corpus, the
/// examples and hand-made markup, or against Foundation and the standard library.
@Suite struct LineMovesAndAttributeSlotsTests {
    /// Hand-made résumés for the section readers: certifications with dates and labels, skills, a
    /// document without an experience heading, mixed headings, non-ASCII and CR/LF text.
    static let resumes: [String] = [
        """
        <html><body><h1>Dana Whitfield, PHR</h1><p>Senior HR Generalist</p><p>dana@example.com · (317) 585-8468</p>
        <p>Indianapolis, IN</p><h2>Experience</h2><h3>HR Manager</h3><p>Acme Corp | Boston, MA | Jan 2020 – Present</p>
        <ul><li>Led open enrollment for 1,200 employees</li><li>SHRM-CP certified; preparing for the SPHR exam</li></ul>
        <h2>Education</h2><p>B.S. in Human Resource Management — University of Dayton (2016)</p><p>Human Resources</p>
        <h2>Awards &amp; Certifications</h2><p>PHR (2019) obtained</p><p>Certified Compensation Professional earned</p>
        <p>HRCI</p><p>2021</p><p>Employee of the Year 2018</p><h2>Skills</h2><p>Technical: Workday, ADP, UKG Pro</p>
        <ul><li>Mobile-First, Responsive Design</li><li>Payroll; FMLA | ADA</li></ul></body></html>
        """,
        """
        <html><body><p><b>Zoë Ångström</b></p><p>Recruiter — Lyon</p><p>HR Business Partner, Initech, 2015 - 2019</p>
        <p>Recruiter at Globex 2012 – 2015</p><p>GPHR, SHRM-SCP</p><h2>Certificates</h2><p>• aPHR\u{00A0}(2014)</p>
        <p>CEBS — expires 2027</p><p>Working toward CCP</p><h2>Compétences</h2><p>Recrutement · Paie · 日本語</p></body></html>
        """,
        """
        <html><body><h1>Jo Bloggs</h1><p>Phone +44 20 7946 0958</p><h2>Interests</h2><p>Chess, 👩‍💻 hackathons</p>
        <h2>Work History</h2><p><b>HRIS Analyst</b></p><p>Umbrella Ltd\r\nLondon\r\n2018-03 – 2021-06</p>
        <h2>Licenses</h2><p>SPHR since 2017</p><p>()</p><h2>Education</h2><p>MBA, Human Resources concentration</p>
        <p>London Business School</p></body></html>
        """,
        "<html><body></body></html>",
    ]

    static func documents() throws -> [MarkupDocument] {
        try HTMLLinesWalkTests.documents() + resumes.map { try MarkupParser().parse(Data($0.utf8)) }
    }

    static func bodies() throws -> [MarkupElement] {
        try documents().compactMap { document in
            guard document.kind == .html, let root = document.root else { return nil }
            return root.child("body") ?? root
        }
    }

    // MARK: - Attribute slots

    @Test func attributeSlotsGiveTheAttributeValues() throws {
        let html = """
            <body><p style="a" class="b" id="c">x</p><a href="mailto:x@y.example" HREF="other" data-x="1">y</a>
            <time datetime="2020-01" class="d" class="e">z</time><span STYLE="font-weight:bold" Class="f">w</span><div>v</div>
            <p ID="Work" id="work">u</p><p Data-Role="x" style="">t</p><p class="ç" title="é">s</p></body>
            """
        var documents = try Self.documents()
        documents.append(try MarkupParser().parse(Data(html.utf8)))
        var compared = 0
        var slicesNotAtZero = 0
        for document in documents {
            guard let root = document.root else { continue }
            for element in [root] + root.descendants {
                // As the line walk reads them: the element's stretch of the document's attribute table,
                // whose indices start where the element's attributes start, not at 0.
                let attributes = element.attributeSlice(of: element.nodeIndex)
                #expect(Array(attributes) == element.attributes)
                if attributes.startIndex > 0 && !attributes.isEmpty { slicesNotAtZero += 1 }
                let expected = HTMLLines.attributeValues(element.attributes, of: element)
                let slots = HTMLLines.attributeSlots(attributes)
                func value(_ slot: Int16, _ name: String) -> String? {
                    HTMLLines.attributeValue(slot, named: name, in: attributes, slots: slots, of: element)
                }
                let found = HTMLLines.AttributeValues(
                    style: value(slots.style, "style"), class: value(slots.class, "class"), id: value(slots.id, "id"),
                    href: value(slots.href, "href"), datetime: value(slots.datetime, "datetime"))
                #expect(found == expected)
                compared += 1
            }
        }
        #expect(compared > 100)
        #expect(slicesNotAtZero > 10, "slots must be checked on slices that start past the table's first attribute")
    }

    @Test func slotsNameTheFirstExactAttribute() throws {
        let document = try MarkupParser().parse(Data("<body><p class='a' id='x' class='b' STYLE='s' style='t'>x</p></body>".utf8))
        let paragraph = try #require(document.root?.descendants.first { $0.name == "p" })
        let slots = HTMLLines.attributeSlots(paragraph.attributes[...])
        // libxml2 keeps the first of two equal names; "STYLE" is stored lower-case by the HTML parser.
        let names = paragraph.attributes.map(\.name)
        #expect(slots.class == Int16(try #require(names.firstIndex(of: "class"))))
        #expect(slots.id == Int16(try #require(names.firstIndex(of: "id"))))
        #expect(slots.href == -1 && slots.datetime == -1)
        #expect(slots.otherSpelling == false)
    }

    // MARK: - Moving lines into sections

    @Test func byHeadingsKeepsEveryLineInOrder() throws {
        var compared = 0
        for body in try Self.bodies() {
            let lines = HTMLLines.lines(of: body)
            let sectioned = SectionAssigner.byHeadings(lines)
            #expect(sectioned.map(\.line) == lines)
            // A heading line names itself; the others name the heading above them.
            var heading: String?
            for line in sectioned {
                if line.isHeading { heading = line.line.text }
                #expect(line.heading == heading)
            }
            compared += lines.count
        }
        #expect(compared > 100)
    }

    @Test func builderMatchesTheCopyingBuilder() throws {
        var compared = 0
        for document in try Self.documents() where document.kind == .html {
            guard let root = document.root else { continue }
            let body = root.child("body") ?? root
            for (readKeys, groupNamesAreSkills) in [(false, false), (true, true)] {
                let lines = HTMLLines.lines(of: body, readResumeKeys: readKeys)
                let sectioned = readKeys ? SectionAssigner.byResumeKeys(lines) : SectionAssigner.byHeadings(lines)
                let builder = HTMLResumeBuilder(format: .html, groupNamesAreSkills: groupNamesAreSkills)
                let reference = ReferenceBuilder.build(sectioned, builder: builder, source: "x.html", documentTitle: document.title)
                #expect(builder.build(sectioned, source: "x.html", documentTitle: document.title) == reference)
                #expect(CertificationReader.certifications(in: sectioned) == reference.certifications)
                compared += 1
            }
        }
        #expect(compared > 20)
    }

    @Test func builderReadsTheHandMadeResumes() throws {
        // What the hand-made résumés say, read by eye.
        let documents = try Self.resumes.map { try MarkupParser().parse(Data($0.utf8)) }
        let extractor = GenericHTMLExtractor()
        let first = extractor.extract(from: documents[0], context: ExtractionContext(source: "a.html", asOf: PartialDate(year: 2026, month: 11)))
        #expect(first.personal.name == "Dana Whitfield")
        #expect(first.certifications.map(\.id).contains("PHR"))
        #expect(first.skills.contains("Workday") && first.skills.contains("Mobile-First, Responsive Design"))
        #expect(first.education.first?.institution == "University of Dayton")
        let second = extractor.extract(from: documents[1], context: ExtractionContext(source: "b.html", asOf: PartialDate(year: 2026, month: 11)))
        #expect(second.warnings.contains("no experience heading found; positions were read from dated lines with job titles"))
        #expect(!second.positions.isEmpty)
    }

    @Test func certificationNameFromAGivenRangeMatchesItsOwnSearch() {
        let texts = [
            "", "PHR (2019)", "SHRM-CP — January 2020", "SPHR since 2017", "aPHR\u{00A0}(2014) obtained", "CEBS — expires 2027",
            "Certified Compensation Professional earned", "日本語 2019 – 2021", "👩‍💻 GPHR 03/2018", "PHR ( ) 2019", "x\r\n2019",
        ]
        for text in texts {
            #expect(CertificationReader.nameWithoutDate(text, dateRange: DateExpressions.findRange(in: text))
                == ReferenceBuilder.nameWithoutDate(text), "\(text)")
        }
    }

    @Test func certificationNamesLoseTheirDateLabels() {
        // The date and the label after it go; a label inside the name stays.
        #expect(CertificationReader.nameWithoutDate("Certified Compensation Professional earned") == "Certified Compensation Professional")
        #expect(CertificationReader.nameWithoutDate("Earned Value Professional") == "Earned Value Professional")
        #expect(CertificationReader.nameWithoutDate("PHR ()") == "PHR")
    }

    // MARK: - Small replacements

    @Test func foundationWhitespaceMatchesTheSet() {
        let whitespaces = CharacterSet.whitespaces
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(EducationReader.isFoundationWhitespace(scalar) == whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 1_000_000)
    }

    @Test func borrowedUTF8IsTheStringsUTF8() {
        let long = String(repeating: "Senior HR Generalist ", count: 20)
        let texts = ["", "a", "short ascii", long, "café", "Zoë Ångström", "日本語の会社", "👩‍💻 emoji", "x\r\ny", "\u{00A0}nbsp", "e\u{301}"]
        for text in texts + texts.map({ String($0.dropFirst()) }) + [String(long[long.startIndex...])] {
            #expect(text.withBorrowedUTF8 { Array($0) } == Array(text.utf8), "\(text)")
        }
    }

    @Test func plainForSearchByByteMatchesTheScalarTest() {
        /// `HTMLLines.isPlainForSearch` as it was: by scalar.
        func reference(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy { scalar in
                let value = scalar.value
                return value < 0x300 || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) || (0x20A0...0x20C0).contains(value)
            }
        }
        // Every scalar around the edges of the ranges and of the UTF-8 lengths, alone and between letters.
        var values: [UInt32] = [0x7F, 0x80, 0xA0, 0x7FF, 0x800, 0xFFFD, 0xFFFF, 0x10000, 0x1F469, 0x10FFFF]
        for edge: UInt32 in [0x300, 0x2010, 0x2027, 0x2030, 0x205E, 0x20A0, 0x20C0] { values += (edge - 2)...(edge + 2) }
        values += (0...0x3FF).map { UInt32($0) }
        values += (0x2000...0x20FF).map { UInt32($0) }
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "a\(scalar)b", "\(scalar)\(scalar)"] {
                #expect(HTMLLines.isPlainForSearch(text) == reference(text), "U+\(String(value, radix: 16))")
            }
        }
        for text in ["", "plain", "Word’s “quotes” – dash…", "café <![if !supportLists]>", "e\u{301}", "日本", "👩‍💻", "x\r\ny", "€5"] {
            #expect(HTMLLines.isPlainForSearch(text) == reference(text), "\(text)")
        }
    }

    @Test func colonAndSpaceTrimMatchesTheCharacterTrim() {
        let set: Set<Character> = [":", " "]
        let texts = [
            "", " ", ":", " : ", "Experience", "Experience:", " Skills: ", "::a::", "a b", "Education :  ", "x\r\n:",
            "Compétences :", "日本 :", ": 👩‍💻", " \u{301}Work", "Work \u{301}", "\u{00A0}Work:", "Work:\t",
        ]
        for text in texts {
            #expect(SectionAssigner.trimmingColonsAndSpaces(text) == TextScan.trim(text, set), "\(text)")
        }
    }

    @Test func distinctSortedMatchesTheSet() {
        let table: [String: [Int]] = ["a": [3, 70, 3], "b": [255, 0, 64, 63], "c": [], "d": [128, 191, 192, 127]]
        let runLists: [[String]] = [[], ["a"], ["b", "a"], ["a", "a", "z"], ["d", "c", "b", "a"], ["z"]]
        for runs in runLists {
            #expect(SectionHeadings.distinctSorted(runs, table) == Array(Set(runs.flatMap { table[$0] ?? [] })).sorted(), "\(runs)")
        }
        // An index past the bit set goes to the Set.
        #expect(SectionHeadings.distinctSorted(["x", "a"], ["x": [300, 2], "a": [2, 1]]) == [1, 2, 300])
        for table in [SectionHeadings.phraseIndicesByFirstWord, SectionHeadings.otherIndicesByFirstWord] {
            let keys = table.keys.sorted()
            for runs in [keys, Array(keys.prefix(3)), Array(keys.suffix(4)) + ["nothing"], ["work", "experience", "work"]] {
                #expect(SectionHeadings.distinctSorted(runs, table) == Array(Set(runs.flatMap { table[$0] ?? [] })).sorted())
            }
        }
    }
}

/// `HTMLResumeBuilder.build` as it was before the lines moved out: the sections' content copied out
/// with a filter, the certification section filtered into an array of its own.
enum ReferenceBuilder {
    /// `CertificationReader.nameWithoutDate` as it was: its own date search, each label joined to its space.
    static func nameWithoutDate(_ lineText: String) -> String {
        var text = lineText
        if let range = DateExpressions.findRange(in: text) {
            text = String(text[text.startIndex..<range.matched.lowerBound]) + String(text[range.matched.upperBound...])
        }
        text = TextScan.replacing("( )", with: "", in: TextScan.replacing("()", with: "", in: text))
        var lowered = TextScan.lowercased(text)
        for label in ["obtained", "earned", "issued", "awarded", "since", "expires", "exp."] where lowered.hasSuffix(" " + label) {
            text = String(text.dropLast(label.count + 1))
            lowered = TextScan.lowercased(text)
        }
        return LineFields.trim(CertificationReader.collapseSpaces(text))
    }

    static func build(_ lines: [SectionedLine], builder: HTMLResumeBuilder, source: String, documentTitle: String?) -> Candidate {
        var candidate = Candidate(source: source, format: builder.format)
        let details = PersonalDetailsReader.read(lines, documentTitle: documentTitle)
        candidate.personal = details.personal
        candidate.headline = details.headline
        candidate.evidence = lines.indices.compactMap { index in
            let text = lines[index].line.text
            let section = lines[index].section
            if section == .header {
                if index == details.nameIndex || PersonalDetailsReader.isContact(text) { return nil }
                if let location = details.personal.location, TextScan.contains(text, location) { return nil }
            }
            return EvidenceText(text, line: lines[index].line.line, section: section.evidenceSection)
        }
        func content(_ section: ResumeSection) -> [HTMLLine] {
            lines.filter { $0.section == section && !$0.isHeading }.map(\.line)
        }
        if lines.contains(where: { $0.section == .experience }) {
            candidate.positions = ExperienceReader.positions(from: content(.experience))
        } else {
            let rest = lines.indices.filter { index in
                index != details.nameIndex && !lines[index].isHeading && (lines[index].section == .header || lines[index].section == .other)
            }.map { lines[$0].line }
            candidate.positions = ExperienceReader.positions(from: rest, strict: true)
            if !candidate.positions.isEmpty {
                candidate.warnings.append("no experience heading found; positions were read from dated lines with job titles")
            }
        }
        candidate.education = EducationReader.entries(from: content(.education))
        candidate.certifications = CertificationReader.certifications(
            inSection: lines.filter { $0.section == .certifications && !$0.isHeading }, everywhere: lines)
        candidate.skills = SkillsReader.skills(from: content(.skills), labelsAreSkills: builder.groupNamesAreSkills)
        for (index, position) in candidate.positions.enumerated() where position.title.isEmpty {
            candidate.warnings.append("position \(index + 1) (line \(position.line)) has no recognisable job title")
        }
        if candidate.personal.name == nil {
            candidate.warnings.append("no name found")
        }
        return candidate
    }
}
