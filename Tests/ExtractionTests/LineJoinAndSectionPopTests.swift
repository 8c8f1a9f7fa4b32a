import Foundation
import Markup
import TestSupport
import Testing
@testable import Extraction

/// The line builder's one-pass join of a line's chunks, its move of a lone chunk's text into the line,
/// and `SectionAssigner.byHeadings`' two passes (sections read in place, then the lines popped into the
/// result from the back): each checked against the code it replaced, kept here as the reference, over
/// generated markup whose lines mix many kinds of text, and over the corpus and the examples.
@Suite struct LineJoinAndSectionPopTests {
    /// Inline pieces a generated line is made of: ASCII words, accents, CJK, emoji, NBSP, CR/LF, empty
    /// elements, bullets and dashes, Word's conditional-comment debris kept as text, tab stops and dates.
    static let pieces: [String] = [
        "Acme Corp", " ", "  ", "\n    ", "Zoë Ångström", "日本語の会社", "👩‍💻 hackathons", "&nbsp;", "\u{00A0}Lyon\u{00A0}",
        "line\r\nbreak", "\r\n", "<b>Lead</b>", "<strong> Bold words </strong>", "<i></i>", "<span></span>", "• ", "- ", "-5%",
        "–", "— ", "&lt;![if !supportLists]&gt;", "&lt;![endif]&gt;", "<span style='mso-tab-count:1'> </span>",
        "<time datetime='2020-03'>March 2020</time>", "<a href='mailto:jo@example.com'>mail</a>", "2019 – 2021", "Experience",
        "EDUCATION:", "Skills", "\t", "é", "ｅｘｐ", "Résumé", "x", "Senior HR Generalist, Initech", "<![if !supportLists]>",
    ]

    /// Blocks a generated document is made of, each wrapping a generated line.
    static let blocks: [String] = ["p", "li", "h2", "h3", "div", "td", "dt", "b"]

    /// A document of random blocks of random pieces (the same on every run).
    static func generatedDocument(_ random: inout SplitMix64) throws -> MarkupDocument {
        var html = "<html><body>"
        let blockCount = Int.random(in: 1...14, using: &random)
        for _ in 0..<blockCount {
            let block = blocks.randomElement(using: &random)!
            let wrapped = block == "li" ? ("<ul><li>", "</li></ul>") : block == "td" ? ("<table><tr><td>", "</td></tr></table>")
                : block == "dt" ? ("<dl><dt>", "</dt></dl>") : ("<\(block)>", "</\(block)>")
            html += wrapped.0
            for _ in 0..<Int.random(in: 0...6, using: &random) { html += pieces.randomElement(using: &random)! }
            html += wrapped.1
            if Bool.random(using: &random) { html += pieces.randomElement(using: &random)! }
        }
        html += "</body></html>"
        return try MarkupParser().parse(Data(html.utf8))
    }

    static func bodies() throws -> [MarkupElement] {
        var random = SplitMix64(seed: 0x6C69_6E65_735F_3621)
        var documents = try (0..<400).map { _ in try generatedDocument(&random) }
        documents += try LineMovesAndAttributeSlotsTests.documents()
        return documents.compactMap { document in
            guard document.kind == .html, let root = document.root else { return nil }
            return root.child("body") ?? root
        }
    }

    @Test func linesMatchTheAppendingBuilder() throws {
        var joined = 0
        for body in try Self.bodies() {
            for readKeys in [false, true] {
                let lines = HTMLLines.lines(of: body, readResumeKeys: readKeys)
                #expect(lines == ReferenceLines.lines(of: body, readResumeKeys: readKeys))
                joined += lines.count
            }
        }
        #expect(joined > 1000)
    }

    @Test func byHeadingsMatchesTheFrontToBackMove() throws {
        var compared = 0
        for body in try Self.bodies() {
            let lines = HTMLLines.lines(of: body)
            let sectioned = SectionAssigner.byHeadings(lines)
            let reference = Self.referenceByHeadings(lines)
            #expect(sectioned.count == reference.count)
            for (line, expected) in zip(sectioned, reference) {
                #expect(line.line == expected.line)
                #expect(line.section == expected.section)
                #expect(line.isHeading == expected.isHeading)
                #expect(line.heading == expected.heading)
            }
            compared += lines.count
        }
        #expect(compared > 1000)
        #expect(SectionAssigner.byHeadings([]).isEmpty)
    }

    /// A shared array (another reference to it is alive) is copied once by the pops, and left as it was.
    @Test func byHeadingsLeavesASharedArrayAlone() throws {
        let document = try MarkupParser().parse(Data("<body><h2>Experience</h2><p>Acme Corp</p><h2>Skills</h2><p>Go</p></body>".utf8))
        let lines = HTMLLines.lines(of: document.root!.child("body")!)
        let kept = lines
        let sectioned = SectionAssigner.byHeadings(lines)
        #expect(kept == lines)
        #expect(sectioned.map(\.line.text) == ["Experience", "Acme Corp", "Skills", "Go"])
        #expect(sectioned.map(\.section) == [.experience, .experience, .skills, .skills])
        #expect(sectioned.map(\.heading) == ["Experience", "Experience", "Skills", "Skills"])
        #expect(sectioned.map(\.isHeading) == [true, false, true, false])
    }

    /// The one-chunk path hands the text over only when it starts with no bullet; these read by eye.
    @Test func bulletTestByFirstByte() {
        #expect(HTMLLines.cannotStartWithBullet("Acme"))
        #expect(HTMLLines.cannotStartWithBullet("5 years"))
        #expect(!HTMLLines.cannotStartWithBullet(""))
        #expect(!HTMLLines.cannotStartWithBullet("- Led"))
        #expect(!HTMLLines.cannotStartWithBullet("* Led"))
        #expect(!HTMLLines.cannotStartWithBullet("> Led"))
        #expect(!HTMLLines.cannotStartWithBullet("• Led"))
        #expect(!HTMLLines.cannotStartWithBullet("Émile"))
        for text in ["Acme", "5 years", "", "- Led", "* Led", "> Led", "• Led", "Émile", "-5%"] where HTMLLines.cannotStartWithBullet(text) {
            #expect(HTMLLines.stripBullet(text) == (text, false))
        }
    }

    /// The byte copy that joins a line's chunks gives the bytes of `+=` for every kind of text.
    @Test func appendCopiesTheUTF8() {
        var random = SplitMix64(seed: 0x6A6F_696E)
        let texts = ["", "a", "Zoë", "日本語", "👩‍💻", "\u{00A0}", "\r\n", "<![if !supportLists]>", String(repeating: "word ", count: 9)]
        for _ in 0..<500 {
            let parts = (0..<Int.random(in: 0...6, using: &random)).map { _ in texts.randomElement(using: &random)! }
            let expected = parts.reduce("", +)
            let total = parts.reduce(0) { $0 + $1.utf8.count }
            let joined = String(unsafeUninitializedCapacity: total) { output in
                var count = 0
                for part in parts { count = HTMLLines.append(part, to: output, at: count) }
                return count
            }
            #expect(joined == expected)
            #expect(Array(joined.utf8) == Array(expected.utf8))
        }
    }

    /// `byHeadings` as it was: each line moved out of the array front to back, an empty line left behind.
    static func referenceByHeadings(_ lines: [HTMLLine]) -> [SectionedLine] {
        var lines = lines
        var result: [SectionedLine] = []
        var current = ResumeSection.header
        var currentLevel = 7
        var sawSection = false
        var headingText: String?
        for index in lines.indices {
            let line = SectionAssigner.takeLine(at: index, from: &lines)
            if let (section, level) = SectionAssigner.heading(line, current: current, currentLevel: currentLevel, sawSection: sawSection) {
                current = section
                currentLevel = level
                sawSection = true
                headingText = line.text
                result.append(SectionedLine(line: line, section: section, isHeading: true, heading: headingText))
            } else {
                result.append(SectionedLine(line: line, section: current, isHeading: false, heading: headingText))
            }
        }
        return result
    }
}

/// The class attribute's plain-ASCII gate, tested eight bytes at a time, against the byte loop it replaced.
@Suite struct ClassCuesGateTests {
    @Test func gateMatchesTheByteLoop() {
        var random = SplitMix64(seed: 0x636C_6173_73)
        let tokens = ["resume-item", "SectionTitle", "section-title", "job-title", "p-name", "company-name", "x", "", " ", "  ", "\t", "\n",
                      "\r", "résumé-section-title", "名前", "👩‍💻", "\u{00A0}", "Entry", "timeline-item", "subheading", "MsoTitle", "fullname"]
        var values = ["", " ", "resume-item", "\r\n", "a\u{0080}"]
        for _ in 0..<2000 {
            values.append((0..<Int.random(in: 0...7, using: &random)).map { _ in tokens.randomElement(using: &random)! }.joined(separator: " "))
        }
        for value in values {
            let reference = TextScan.withPlainASCII(value) { HTMLLines.classCues(ofPlainASCII: $0) }
            #expect(HTMLLines.classCuesIfPlainASCII(value) == reference, "\(value.debugDescription)")
        }
        // Read by eye: plain ASCII gives cues, a CR or a byte above 0x7F gives nil.
        #expect(HTMLLines.classCuesIfPlainASCII("SectionTitle")?.sectionTitle == true)
        #expect(HTMLLines.classCuesIfPlainASCII("resume-item job")?.entries == 2)
        #expect(HTMLLines.classCuesIfPlainASCII("name\r") == nil)
        #expect(HTMLLines.classCuesIfPlainASCII("résumé-section-title") == nil)
    }
}
