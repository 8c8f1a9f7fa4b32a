import Foundation
import Markup
import TestSupport
import Testing
@testable import Extraction

/// The arena walk of the HTML line reader and its byte paths, each checked against the code it replaced
/// (kept here as the reference), over the corpus, the examples and hand-made markup.
@Suite struct HTMLLinesWalkTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every HTML file of the shared corpus and the examples that can be found from here.
    static let htmlFiles: [String] = {
        let folders = [repoRoot.appendingPathComponent("../shared/corpus").standardized, repoRoot.appendingPathComponent("Examples")]
        var files: [String] = []
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            while let name = walker.nextObject() as? String {
                if name.hasSuffix(".html") || name.hasSuffix(".htm") { files.append(folder.appendingPathComponent(name).path) }
            }
        }
        return files.sorted()
    }()

    static let snippets: [String] = [
        "<html><body><h2>Experience</h2><p>Acme Corp &ndash; <b>Lead</b> engineer</p><br><p>2019 - 2021</p></body></html>",
        "<body><div class='resume-item Entry'><h3 class='SectionTitle'>Work History</h3><span style='mso-tab-count:2'>  </span>Boston</div></body>",
        "<body><p class=MsoListParagraph><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span>Led a team</p></body>",
        "<body><p><![if !supportLists]>• <![endif]>Word debris line</p><p>Plain\r\nwith CRLF\r\n</p></body>",
        "<body><ul><li>• Bullet one</li><li>- Bullet two</li><li>-5% costs</li></ul><dl><dt>Name</dt><dd>Jo Bloggs</dd></dl></body>",
        "<body><table><tr><th>Skills</th><td>Swift, <strong>Go</strong></td></tr><tr><td><b>Education</b></td></tr></table></body>",
        "<body><article><p class='p-name fullname'>Zoë Ångström</p><p class='company-name'>日本語の会社</p></article><article><p>第二</p></p></article></body>",
        "<body><p>Emoji 👩‍💻 line <a href='mailto:a@b.example'>mail me</a> <a href='TEL:+1 555'>call</a></p><p><time datetime='2020-03'>March 2020</time> – now</p></body>",
        "<body><p style='display:none'>hidden words</p><p style='font-weight: 700'>Bold by style</p><p style='FONT-WEIGHT:bold'>Bold caps</p></body>",
        "<body><section id='work'><h2>Work</h2><div class='item'>Job A</div></section><section class='education'><h2>Schools</h2></section></body>",
        "<body><div class='résumé-section-title'>Compétences</div><div class='section-heading subheading'>Header</div><div class='job-title'>Title</div></body>",
        "<body>\n\n   <p>   </p>\n\t<div>&nbsp;</div><p>\u{200B}</p><p>Text after blanks</p>   </body>",
        "<body><h1>Name</h1><h4>Tips</h4><h6>Small</h6><p>a<b>b</b>c<i>d</i> e</p><blockquote>Quote</blockquote><figcaption>Fig</figcaption></body>",
        "<body><div class='x'><p>Un<span>finished <b>nest<i>ing</b> tags</p></div><center>Old</center><SPAN STYLE='mso-tab-count:1'> </SPAN>x</body>",
        "<html></html>",
    ]

    static func documents() throws -> [MarkupDocument] {
        var documents = try snippets.map { try MarkupParser().parse(Data($0.utf8)) }
        for file in htmlFiles {
            documents.append(try MarkupParser().parse(Data(contentsOf: URL(fileURLWithPath: file))))
        }
        return documents
    }

    @Test func linesMatchTheElementWalk() throws {
        var compared = 0
        for document in try Self.documents() where document.kind == .html {
            guard let root = document.root else { continue }
            let body = root.child("body") ?? root
            for readKeys in [false, true] {
                let lines = HTMLLines.lines(of: body, readResumeKeys: readKeys)
                let reference = ReferenceLines.lines(of: body, readResumeKeys: readKeys)
                #expect(lines == reference)
                compared += lines.count
            }
        }
        #expect(compared > 0)
    }

    @Test func sectionsMatchTheReference() throws {
        var texts = Self.headingTexts
        for document in try Self.documents() where document.kind == .html {
            guard let root = document.root else { continue }
            texts += HTMLLines.lines(of: root.child("body") ?? root).map(\.text)
        }
        for text in texts {
            #expect(SectionHeadings.section(named: text) == ReferenceSections.section(named: text), "\(text)")
            #expect(SectionHeadings.looksLikeHeadingText(text) == ReferenceSections.looksLikeHeadingText(text), "\(text)")
        }
    }

    static let headingTexts: [String] = [
        "Experience", "EXPERIENCE:", "Work History", "  Professional Experience  ", "Volunteer Experience", "Awards & Certifications",
        "Skills Summary", "Career Summary", "Education – 2019", "• Skills", "Skills ·", "Expérience", "Compétences clés", "Educación",
        "Experience\u{00A0}", "Experience 2020", "mail@experience.example", "\u{212A}ey Skills", "Ⓔxperience", "ｅｘｐｅｒｉｅｎｃｅ",
        "Lead Engineer at Experience Inc", "Summary of Qualifications", "About me", "Tools & technologies", "References available",
        "Work\r\nHistory", "経験", "Skills 🚀", "Experience‑based", "Experi\u{0301}ence", "Certificates — Licences", "", " ", "—",
        String(repeating: "experience ", count: 10), "Qualifications\u{2022}Education", "Languages: English", "Profile", "PROFIL",
        "ª Skills", "µ Education", "º Work", "Skills\u{00B7}Tools", "Career Objective:", "Experiencia laboral",
    ]

    /// Lower-casing maps every scalar `withSymbolScalars` accepts to scalars it accepts too: never to an
    /// ASCII letter, nor to any letter of a section phrase or other word.
    @Test func symbolScalarsLowerCaseToSymbols() {
        let phraseScalars = Set((SectionHeadings.phrases.map(\.0) + SectionHeadings.otherWords).flatMap(\.unicodeScalars))
        let ranges: [ClosedRange<UInt32>] = [0x80...0xBF, 0x2000...0x206F, 0x20A0...0x20CF, 0x2190...0x2BFF]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(scalar) + "b"
            let accepted = SectionHeadings.withSymbolScalars(text) { _ in true } ?? false
            #expect(accepted == ![0xAA, 0xB5, 0xBA].contains(value))
            if accepted {
                let lowered = String(scalar).lowercased()
                #expect(SectionHeadings.withSymbolScalars(lowered) { _ in true } == true, "U+\(String(value, radix: 16))")
                #expect(!lowered.unicodeScalars.contains { $0.isASCII || phraseScalars.contains($0) }, "U+\(String(value, radix: 16))")
            }
        }
        #expect(SectionHeadings.withSymbolScalars("caf\u{E9}") { _ in true } == nil)
        #expect(SectionHeadings.withSymbolScalars("\u{212A}") { _ in true } == nil)
        #expect(SectionHeadings.withSymbolScalars("👩‍💻") { _ in true } == nil)
        #expect(SectionHeadings.withSymbolScalars("plain – text") { _ in true } == true)
    }

    @Test func elementKindsMatchTheNames() {
        var names = Array(HTMLLines.ElementKind.knownNames)
        names += ["", "B", "DIV", "h7", "h0", "hh", "b\u{0}", "spam", "times", "blockquotes", "figcaption", "blockquote",
                  "timeline", "abcdefgh", "abcdefghi", "héader", "spän", "表", "😀", "a\u{301}", "li ", " li", "strongest"]
        for name in names {
            #expect(HTMLLines.ElementKind(named: name) == HTMLLines.ElementKind.byName(name), "\(name)")
        }
        #expect(HTMLLines.ElementKind(named: "h3").headingLevel == 3)
        #expect(HTMLLines.ElementKind(named: "br").contains(.lineBreak) && HTMLLines.ElementKind(named: "br").contains(.block))
        #expect(HTMLLines.ElementKind(named: "strong").contains(.bold) && HTMLLines.ElementKind(named: "strong").contains(.emphasis))
        #expect(HTMLLines.ElementKind(named: "em") == HTMLLines.ElementKind())
    }

    @Test func classCuesMatchTheClassNames() {
        let parts = ["section", "Title", "-", "_", "head", "heading", "name", "Name", "company", "job", "item", "resume", "Entry",
                     "header", "p", "full", "2", "label", "titel", "position", "x", "SECTION", "nick", "timeline", "cv", "work"]
        var values = ["", " ", "\t\n", "resume-item", "SectionTitle", "section-title resume-section-heading", "p-name", "fullname",
                      "companyName", "job-title", "Job  POSITION\tentry\nitem", "MsoTitle", "x-header", "headerx", "name",
                      "candidate_name", "section-name", "cv-entry cv-entry", "Experience-Item education-entry"]
        var generator = SplitMix64(seed: 1)
        for _ in 0..<2000 {
            var value = ""
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                for _ in 0..<Int.random(in: 1...3, using: &generator) { value += parts.randomElement(using: &generator)! }
                value += [" ", "\t", "\n", "  "].randomElement(using: &generator)!
            }
            values.append(value)
        }
        for value in values {
            var copy = value
            let cues = copy.withUTF8 { HTMLLines.classCues(ofPlainASCII: $0) }
            let classes = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map { $0.lowercased() }
            #expect(cues == ReferenceLines.classCues(classes), "\(value)")
            #expect(HTMLLines.classCues(of: classes) == ReferenceLines.classCues(classes), "\(value)")
        }
    }

    @Test func attributeValuesMatchAttributeLookup() throws {
        let html = """
            <body><p style="a" class="b" id="c">x</p><a href="mailto:x@y.example" HREF="other" data-x="1">y</a>
            <time datetime="2020-01" class="d" class="e">z</time><span STYLE="font-weight:bold" Class="f">w</span><div>v</div></body>
            """
        let document = try MarkupParser().parse(Data(html.utf8))
        let root = try #require(document.root)
        for element in root.descendants {
            let values = HTMLLines.attributeValues(element.attributes, of: element)
            #expect(values == HTMLLines.AttributeValues(
                style: element.attribute("style"), class: element.attribute("class"), id: element.attribute("id"),
                href: element.attribute("href"), datetime: element.attribute("datetime")))
        }
    }

    @Test func plainASCIIScanMatchesTheCharacterTests() {
        let texts = ["", " ", "\n\t  ", "abc", "  a ", "123", "<![if", "a<b", "x\r\ny", "café", "\u{00A0}", "日本", "👍", "--", "\u{0B}\u{0C}"]
        for text in texts {
            let scan = HTMLLines.plainASCIIScan(text)
            let plain = text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
            #expect((scan != nil) == plain, "\(text)")
            if let scan {
                #expect(scan.whitespace == text.allSatisfy(\.isWhitespace))
                #expect(scan.letter == text.contains(where: \.isLetter))
                #expect(scan.lessThan == text.contains("<"))
            }
        }
    }

    @Test func styleCuesMatchTheLowerCasedSearch() {
        let parts = ["mso-list", ":", " ", "Ignore", "IGNORE", "mso-tab-count", "1", "font-weight", "bold", "700", "600", "800", "900",
                     "400", ";", "MSO-LIST", "Font-Weight", "é", "İ", "\u{212A}", "color:red", "\r\n", "-"]
        var styles = ["", "mso-list:Ignore", "mso-list: ignore", "MSO-TAB-COUNT:2", "font-weight: bold", "FONT-WEIGHT:700", "font-weight:normal",
                      "font-weight:900;mso-list:ignore", "mso-list:l0 level1 lfo1", "ﬀont-weight:bold"]
        var generator = SplitMix64(seed: 2)
        for _ in 0..<3000 {
            styles.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined())
        }
        for style in styles {
            let lowered = TextScan.lowercased(style)
            let expected = HTMLLines.StyleCues(
                listIgnore: !lowered.isEmpty && TextScan.contains(lowered, "mso-list") && (TextScan.contains(lowered, "mso-list:ignore") || TextScan.contains(lowered, "mso-list: ignore")),
                tabCount: !lowered.isEmpty && TextScan.contains(lowered, "mso-tab-count"),
                bold: !lowered.isEmpty && TextScan.contains(lowered, "font-weight")
                    && ["font-weight:bold", "font-weight: bold", "font-weight:700", "font-weight: 700", "font-weight:600", "font-weight: 600", "font-weight:800", "font-weight:900"].contains { TextScan.contains(lowered, $0) })
            #expect(HTMLLines.styleCues(of: style) == expected, "\(style)")
        }
    }

    @Test func plainASCIIByWordsMatchesTheByteTest() {
        var generator = SplitMix64(seed: 3)
        let alphabet: [UInt8] = [0x20, 0x0A, 0x0D, 0x09, 0x41, 0x7A, 0x7F, 0x80, 0xC3, 0xA9, 0xFF, 0x0C, 0x0E, 0x8D, 0x00]
        for length in 0..<40 {
            for _ in 0..<200 {
                // Mostly plain bytes, with now and then one of the bytes that matter, anywhere.
                let bytes = (0..<length).map { _ in
                    Int.random(in: 0..<8, using: &generator) == 0 ? alphabet.randomElement(using: &generator)! : UInt8.random(in: 0x20...0x7E, using: &generator)
                }
                let expected = bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
                #expect(bytes.withUnsafeBufferPointer { HTMLLines.isPlainASCIIByWords($0) } == expected, "\(bytes)")
            }
        }
    }

    @Test func collapsingChunksEqualsCollapsingTheirJoin() {
        let pieces = ["", " ", "a", "  b  ", "\n\t", "c d", " e\n", "fg", "\u{0B}", "h  i"]
        var generator = SplitMix64(seed: 4)
        for _ in 0..<3000 {
            let chunks = (0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            #expect(HTMLLines.collapsedPlainASCII(chunks) == collapseWhitespace(chunks.joined()), "\(chunks)")
        }
    }
}

/// `HTMLLines.lines` as it was before the arena walk: the reference.
enum ReferenceLines {
    struct Context {
        var bold = false
        var headingLevel: Int?
        var listItem = false
        var labelCell = false
        var tableCell = false
        var sectionTitleClass = false
        var headingClass = false
        var nameClass = false
        var container = 0
        var resumeKey: String?
    }

    struct Chunk {
        var text: String
        var fieldText: String
        var line: Int
        var context: Context
    }

    enum Step {
        case enter(MarkupElement, Context)
        case text(MarkupText, Context)
        case exitBlock
    }

    struct LineBuilder {
        var lines: [HTMLLine] = []
        var chunks: [Chunk] = []
        var emphasised: [String] = []
        var links: [String] = []
        var bullet = false
        var fieldsDiffer = false

        mutating func flush() {
            defer {
                chunks.removeAll(keepingCapacity: true)
                emphasised.removeAll(keepingCapacity: true)
                if !links.isEmpty { links = [] }
                bullet = false
                fieldsDiffer = false
            }
            guard !chunks.isEmpty else { return }
            var raw = ""
            var rawFields = ""
            for index in chunks.indices {
                raw += chunks[index].text
                if fieldsDiffer { rawFields += chunks[index].fieldText }
            }
            let (text, strippedBullet) = HTMLLines.clean(raw)
            let fieldText = fieldsDiffer ? HTMLLines.clean(rawFields).0 : text
            guard !text.isEmpty else { return }
            if !HTMLLines.hasLetterOrNumber(text) { return }
            var firstVisible = -1
            var headingLevel: Int?
            var isBold = true
            var isListItem = false
            var hasSectionTitleClass = false
            var hasNameClass = true
            for index in chunks.indices {
                let chunkText = chunks[index].text
                if HTMLLines.isAllWhitespace(chunkText) { continue }
                if firstVisible < 0 { firstVisible = index }
                let context = chunks[index].context
                if headingLevel == nil { headingLevel = context.headingLevel }
                if isBold, !context.bold, HTMLLines.hasLetter(chunkText) { isBold = false }
                if context.listItem { isListItem = true }
                if context.sectionTitleClass { hasSectionTitleClass = true }
                if !context.nameClass { hasNameClass = false }
            }
            guard firstVisible >= 0 else { return }
            let first = chunks[firstVisible]
            var line = HTMLLine(text: text, fieldText: fieldText.isEmpty ? text : fieldText, line: first.line)
            line.headingLevel = headingLevel
            line.isBold = isBold
            line.isListItem = isListItem
            line.hadBullet = bullet || strippedBullet
            line.isLabelCell = first.context.labelCell
            line.inTableCell = first.context.tableCell
            line.hasSectionTitleClass = hasSectionTitleClass
            line.hasHeadingClass = first.context.headingClass
            line.hasNameClass = hasNameClass
            line.emphasised = emphasised.filter { !$0.isEmpty }
            line.links = links
            line.container = first.context.container
            line.resumeKey = first.context.resumeKey
            lines.append(line)
        }
    }

    static func lines(of element: MarkupElement, readResumeKeys: Bool = false) -> [HTMLLine] {
        var builder = LineBuilder()
        var nextContainer = 1
        var stack: [Step] = []
        for content in element.contents.reversed() {
            switch content {
            case .element(let child): stack.append(.enter(child, Context()))
            case .text(let text): stack.append(.text(text, Context()))
            }
        }
        while let step = stack.popLast() {
            switch step {
            case .exitBlock:
                builder.flush()
            case .text(let text, let context):
                guard !text.isHidden, !text.value.isEmpty else { continue }
                builder.chunks.append(Chunk(text: text.value, fieldText: text.value, line: text.line, context: context))
            case .enter(let child, var context):
                guard !child.isHidden else { continue }
                let name = child.name
                let style = child.attribute("style").map { TextScan.lowercased($0) } ?? ""
                if !style.isEmpty, TextScan.contains(style, "mso-list"), TextScan.contains(style, "mso-list:ignore") || TextScan.contains(style, "mso-list: ignore") {
                    builder.bullet = true
                    continue
                }
                if !style.isEmpty, name == "span", TextScan.contains(style, "mso-tab-count") {
                    builder.chunks.append(Chunk(text: " ", fieldText: " | ", line: child.line, context: context))
                    builder.fieldsDiffer = true
                    continue
                }
                if name == "time", let datetime = child.attribute("datetime"), PartialDate(iso: datetime) != nil {
                    let shown = child.text
                    builder.chunks.append(Chunk(text: " " + shown + " ", fieldText: " " + TextScan.trimSpaces(datetime) + " ", line: child.line, context: context))
                    builder.fieldsDiffer = true
                    continue
                }
                if MarkupElement.blockElements.contains(name) {
                    builder.flush()
                    stack.append(.exitBlock)
                    context.headingClass = false
                    context.nameClass = false
                }
                switch name {
                case "h1", "h2", "h3", "h4", "h5", "h6": context.headingLevel = Int(name.dropFirst())
                case "b", "strong": context.bold = true
                case "li": context.listItem = true
                case "dt", "th": context.labelCell = true
                case "td":
                    context.tableCell = true
                    context.labelCell = false
                case "article":
                    context.container = nextContainer
                    nextContainer += 1
                default: break
                }
                if !style.isEmpty, TextScan.contains(style, "font-weight"),
                   ["font-weight:bold", "font-weight: bold", "font-weight:700", "font-weight: 700", "font-weight:600", "font-weight: 600", "font-weight:800", "font-weight:900"].contains(where: { TextScan.contains(style, $0) }) {
                    context.bold = true
                }
                let classes = child.classNames.map { HTMLLines.lowercasedClassName($0) }
                for className in classes {
                    let compact = HTMLLines.letters(of: className)
                    if TextScan.contains(compact, "section"), ["sectiontitle", "sectionhead", "sectionname", "sectionlabel", "sectiontitel"].contains(where: { TextScan.contains(compact, $0) }) {
                        context.sectionTitleClass = true
                    } else if TextScan.contains(compact, "heading") || TextScan.contains(compact, "title") || compact.hasSuffix("header") {
                        context.headingClass = true
                    }
                    if isPersonNameClass(compact) { context.nameClass = true }
                    if HTMLLines.entryClasses.contains(className) {
                        context.container = nextContainer
                        nextContainer += 1
                    }
                }
                if readResumeKeys {
                    if let id = child.attribute("id")?.lowercased(), HTMLLines.resumeKeys.contains(id) {
                        context.resumeKey = id
                    } else if let key = classes.first(where: { HTMLLines.resumeKeys.contains($0) }) {
                        context.resumeKey = key
                    }
                }
                if name == "b" || name == "strong" || name == "a" { builder.emphasised.append(collapseWhitespace(child.text)) }
                if name == "a", let href = child.attribute("href") {
                    let lowered = href.lowercased()
                    if lowered.hasPrefix("mailto:") || lowered.hasPrefix("tel:") { builder.links.append(href) }
                }
                if name == "br" {
                    builder.flush()
                    continue
                }
                for content in child.contents.reversed() {
                    switch content {
                    case .element(let grandchild): stack.append(.enter(grandchild, context))
                    case .text(let text): stack.append(.text(text, context))
                    }
                }
            }
        }
        builder.flush()
        return builder.lines
    }

    static func isPersonNameClass(_ compact: String) -> Bool {
        guard compact.hasSuffix("name") else { return false }
        let other = ["company", "job", "school", "org", "employer", "institution", "degree", "file", "user", "class", "tag", "brand", "host", "site", "nick", "position", "title", "section", "place", "city", "country", "field", "skill", "cert", "award", "project", "course", "program", "product", "team", "university", "college"]
        return !other.contains { TextScan.contains(compact, $0) }
    }

    static func classCues(_ classes: [String]) -> HTMLLines.ClassCues {
        var cues = HTMLLines.ClassCues()
        for className in classes {
            let compact = HTMLLines.letters(of: className)
            if TextScan.contains(compact, "section"), ["sectiontitle", "sectionhead", "sectionname", "sectionlabel", "sectiontitel"].contains(where: { TextScan.contains(compact, $0) }) {
                cues.sectionTitle = true
            } else if TextScan.contains(compact, "heading") || TextScan.contains(compact, "title") || compact.hasSuffix("header") {
                cues.heading = true
            }
            if isPersonNameClass(compact) { cues.personName = true }
            if HTMLLines.entryClasses.contains(className) { cues.entries += 1 }
        }
        return cues
    }
}

/// `SectionHeadings.section(named:)` and `looksLikeHeadingText` without their byte paths: the reference.
enum ReferenceSections {
    static func section(named text: String) -> ResumeSection? {
        guard text.utf8.count <= 96 else { return nil }
        let lowered = TextScan.trim(TextScan.lowercased(text), SectionHeadings.headingPunctuation)
        guard lowered.count <= 48, !lowered.contains(where: { $0 == "@" || $0.isNumber }) else { return nil }
        let words = LineFields.lowerWords(lowered)
        guard !words.isEmpty, words.count <= 6 else { return nil }
        var best: (position: Int, length: Int, section: ResumeSection)?
        for (phrase, section) in SectionHeadings.phrases {
            guard let position = SectionHeadings.wordPosition(of: phrase, in: lowered) else { continue }
            if best == nil || position < best!.position || (position == best!.position && phrase.count > best!.length) {
                best = (position, phrase.count, section)
            }
        }
        var firstOther: Int?
        for word in SectionHeadings.otherWords {
            if let position = SectionHeadings.wordPosition(of: word, in: lowered), firstOther == nil || position < firstOther! { firstOther = position }
        }
        if let other = firstOther, best == nil || (other < best!.position && best!.section != .certifications) {
            return .other
        }
        if let found = best, found.section == .experience, words.contains(where: { ["summary", "objective", "profile"].contains($0) }),
           !words.contains(where: { ["experience", "employment", "history"].contains($0) }) {
            return .summary
        }
        return best?.section
    }

    static func looksLikeHeadingText(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return (letters.count >= 4 && letters.count <= 40 && letters.allSatisfy(\.isUppercase)) || text.hasSuffix(":")
    }
}
