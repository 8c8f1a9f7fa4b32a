import Foundation
import Markup

/// One rendered line of an HTML résumé with the markup cues the extractors read: was it a heading, bold,
/// a list item, a "section title" paragraph, which words were emphasised. Built once per document so the
/// rest of the HTML reading is plain string work on values.
struct HTMLLine: Sendable, Equatable {
    /// What a reader sees: whitespace collapsed, Word's conditional-comment debris and leading bullet
    /// characters removed. This is the text evidence cites.
    var text: String
    /// The same line prepared for splitting into fields: Word tab stops (`mso-tab-count` spans) become
    /// " | ", and `<time datetime>` elements are replaced by their machine-readable date.
    var fieldText: String
    /// The source line where the text starts.
    var line: Int
    /// 1–6 when the text sits in `<h1>`…`<h6>`.
    var headingLevel: Int?
    /// Every visible character is bold (`<b>`, `<strong>`, `font-weight: bold`).
    var isBold = false
    var isListItem = false
    /// A bullet character ("•", "·", Word's `mso-list:Ignore` span …) was stripped from the start.
    var hadBullet = false
    /// In `<dt>` or `<th>`: a label cell.
    var isLabelCell = false
    /// In a table cell (`<td>`), where Word and table layouts put section titles in the left column.
    var inTableCell = false
    /// The block (or an inline wrapper) has a class that names a section title (`SectionTitle`,
    /// `section-title`, `resume-section-heading` …).
    var hasSectionTitleClass = false
    /// The block has a heading-ish class (`subheading`, `heading`, `title`), as templates mark job titles
    /// and employers.
    var hasHeadingClass = false
    /// The block has a class naming a person's name (`name`, `fullname`, `p-name`, Word's `Name` style).
    var hasNameClass = false
    /// Texts of `<b>`, `<strong>` and `<a>` inside the line, for telling an organisation name from a tagline.
    var emphasised: [String] = []
    /// `mailto:` and `tel:` targets of links in the line.
    var links: [String] = []
    /// An id for the nearest enclosing entry container (`<article>`, `class="…-item"`), 0 when none.
    var container = 0
    /// The JSON Resume key (`work`, `education` …) of the nearest enclosing element whose id or class is
    /// one, when lines are built for a theme.
    var resumeKey: String?
}

enum HTMLLines {
    /// Top-level keys of the JSON Resume schema, as themes use them for section ids and classes.
    static let resumeKeys: Set<String> = [
        "basics", "work", "volunteer", "education", "awards", "certificates", "publications", "skills", "languages",
        "interests", "references", "projects", "about", "summary", "experience",
    ]

    /// Class names that mark one entry (a job, a degree) in templates.
    static let entryClasses: Set<String> = [
        "resume-item", "timeline-item", "experience-item", "education-item", "work-item", "job", "position", "entry",
        "resume-entry", "job-entry", "cv-entry", "item", "experience-entry", "education-entry",
    ]

    private struct Context {
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

    private struct Chunk {
        var text: String
        var fieldText: String
        var line: Int
        var context: Context
    }

    private enum Step {
        case enter(MarkupElement, Context)
        case text(MarkupText, Context)
        case exitBlock
    }

    /// The lines being gathered and the chunks of the line in progress. A struct with a mutating `flush`
    /// rather than a nested function: the captured variables of a closure were boxed and every access
    /// checked for exclusivity at run time.
    private struct LineBuilder {
        var lines: [HTMLLine] = []
        var chunks: [Chunk] = []
        var emphasised: [String] = []
        var links: [String] = []
        var bullet = false
        // A chunk whose field text differs from its text (a tab stop, a `<time>`): only then is the field
        // text cleaned on its own.
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
            if chunks.count == 1 {
                raw = chunks[0].text
                if fieldsDiffer { rawFields = chunks[0].fieldText }
            } else {
                for index in chunks.indices {
                    raw += chunks[index].text
                    if fieldsDiffer { rawFields += chunks[index].fieldText }
                }
            }
            let (text, strippedBullet) = clean(raw)
            let fieldText = fieldsDiffer ? clean(rawFields).0 : text
            guard !text.isEmpty else { return }
            if !hasLetterOrNumber(text) { return }
            // One pass over the visible (not all-whitespace) chunks, in place.
            var firstVisible = -1
            var headingLevel: Int?
            var isBold = true
            var isListItem = false
            var hasSectionTitleClass = false
            var hasNameClass = true
            for index in chunks.indices {
                let chunkText = chunks[index].text
                // `isAllWhitespace` and `hasLetter` in one pass for plain ASCII.
                let ascii = TextScan.withPlainASCII(chunkText) { bytes -> (whitespace: Bool, letter: Bool) in
                    var whitespace = true
                    var letter = false
                    for byte in bytes {
                        if TextScan.isASCIILetter(byte) { letter = true; whitespace = false; break }
                        if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) { whitespace = false }
                    }
                    return (whitespace, letter)
                }
                if ascii?.whitespace ?? isAllWhitespace(chunkText) { continue }
                if firstVisible < 0 { firstVisible = index }
                let context = chunks[index].context
                if headingLevel == nil { headingLevel = context.headingLevel }
                if isBold, !context.bold, ascii?.letter ?? hasLetter(chunkText) { isBold = false }
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
            line.emphasised = emphasised.contains(where: \.isEmpty) ? emphasised.filter { !$0.isEmpty } : emphasised
            line.links = links
            line.container = first.context.container
            line.resumeKey = first.context.resumeKey
            lines.append(line)
        }
    }

    /// The visible lines under `element`, in reading order. Hidden elements and text are skipped
    /// entirely. Walks with an explicit stack, so depth is no problem.
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
                // Word marks the bullet glyph of a list paragraph with `mso-list:Ignore`.
                if !style.isEmpty, TextScan.contains(style, "mso-list"), TextScan.contains(style, "mso-list:ignore") || TextScan.contains(style, "mso-list: ignore") {
                    builder.bullet = true
                    continue
                }
                // Word's tab stops separate the columns of a line: date, employer, place.
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
                let isBlock = MarkupElement.blockElements.contains(name)
                if isBlock {
                    builder.flush()
                    stack.append(.exitBlock)
                    context.headingClass = false
                    context.nameClass = false
                }
                switch name {
                case "h1", "h2", "h3", "h4", "h5", "h6":
                    context.headingLevel = Int(name.dropFirst())
                case "b", "strong":
                    context.bold = true
                case "li":
                    context.listItem = true
                case "dt", "th":
                    context.labelCell = true
                case "td":
                    context.tableCell = true
                    context.labelCell = false
                case "article":
                    context.container = nextContainer
                    nextContainer += 1
                default:
                    break
                }
                if !style.isEmpty, TextScan.contains(style, "font-weight"),
                   ["font-weight:bold", "font-weight: bold", "font-weight:700", "font-weight: 700", "font-weight:600", "font-weight: 600", "font-weight:800", "font-weight:900"].contains(where: { TextScan.contains(style, $0) }) {
                    context.bold = true
                }
                let classes = child.classNames.map { lowercasedClassName($0) }
                for className in classes {
                    let compact = letters(of: className)
                    // Each of these holds "section": one search rules them all out for most classes.
                    if TextScan.contains(compact, "section"), ["sectiontitle", "sectionhead", "sectionname", "sectionlabel", "sectiontitel"].contains(where: { TextScan.contains(compact, $0) }) {
                        context.sectionTitleClass = true
                    } else if TextScan.contains(compact, "heading") || TextScan.contains(compact, "title") || compact.hasSuffix("header") {
                        context.headingClass = true
                    }
                    if isPersonNameClass(compact) { context.nameClass = true }
                    if entryClasses.contains(className) {
                        context.container = nextContainer
                        nextContainer += 1
                    }
                }
                if readResumeKeys {
                    if let id = child.attribute("id")?.lowercased(), resumeKeys.contains(id) {
                        context.resumeKey = id
                    } else if let key = classes.first(where: { resumeKeys.contains($0) }) {
                        context.resumeKey = key
                    }
                }
                if name == "b" || name == "strong" || name == "a" {
                    builder.emphasised.append(collapseWhitespace(child.text))
                }
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

    /// `name.lowercased()`, returning a class name with no upper-case letter or non-ASCII byte as it is.
    static func lowercasedClassName(_ name: Substring) -> String {
        var copy = String(name)
        let asIs = copy.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 && !TextScan.isASCIIUpper($0) } }
        return asIs ? copy : TextScan.lowercased(copy)
    }

    /// Whether the text has a letter or a number (a byte test for ASCII text).
    static func hasLetterOrNumber(_ text: String) -> Bool {
        TextScan.withPlainASCII(text) { bytes in bytes.contains { TextScan.isASCIILetter($0) || TextScan.isASCIIDigit($0) } }
            ?? text.contains(where: { $0.isLetter || $0.isNumber })
    }

    /// Whether the text has a letter (a byte test for ASCII text).
    static func hasLetter(_ text: String) -> Bool {
        TextScan.withPlainASCII(text) { bytes in bytes.contains { TextScan.isASCIILetter($0) } } ?? text.contains(where: \.isLetter)
    }

    /// Whether every character is whitespace (a byte test for ASCII text).
    static func isAllWhitespace(_ text: String) -> Bool {
        TextScan.withPlainASCII(text) { bytes in bytes.allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) } } ?? text.allSatisfy(\.isWhitespace)
    }

    /// The letters of a class name (a byte filter for ASCII names).
    static func letters(of text: String) -> String {
        TextScan.withPlainASCII(text) { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var count = 0
                for byte in bytes where TextScan.isASCIILetter(byte) {
                    buffer[count] = byte
                    count += 1
                }
                return count
            }
        } ?? text.filter { $0.isLetter }
    }

    /// `name`, `fullname`, `pname`, `candidatename` — but not `companyname`, `jobname`, `schoolname`.
    static func isPersonNameClass(_ compact: String) -> Bool {
        guard compact.hasSuffix("name") else { return false }
        let other = ["company", "job", "school", "org", "employer", "institution", "degree", "file", "user", "class", "tag", "brand", "host", "site", "nick", "position", "title", "section", "place", "city", "country", "field", "skill", "cert", "award", "project", "course", "program", "product", "team", "university", "college"]
        return !other.contains { TextScan.contains(compact, $0) }
    }

    /// Collapses whitespace, removes Word's `<![if !supportLists]>` debris (libxml2 keeps it as text) and
    /// strips leading bullet glyphs. Returns whether a bullet was removed.
    static func clean(_ raw: String) -> (String, Bool) {
        var text = raw
        if TextScan.contains(text, "<![") {
            text = removeDownlevelConditionals(text)
        }
        text = collapseWhitespace(text)
        return stripBullet(text)
    }

    static func removeDownlevelConditionals(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        if isPlainForSearch(text) {
            // Byte search: the same matches as Foundation's in such text (see `isPlainForSearch`). The
            // brackets are ASCII, so cutting at them keeps the UTF-8 whole.
            var copy = text
            return copy.withUTF8 { bytes -> String in
                var kept: [UInt8] = []
                kept.reserveCapacity(bytes.count)
                var index = 0
                while let open = bytePosition(of: 0x3C, 0x21, 0x5B, in: bytes, from: index) {  // "<!["
                    kept.append(contentsOf: bytes[index..<open])
                    let afterOpen = open + 3
                    guard let close = bytePosition(of: 0x5D, 0x3E, nil, in: bytes, from: afterOpen) else {  // "]>"
                        index = afterOpen
                        continue
                    }
                    kept.append(0x20)
                    index = close + 2
                }
                kept.append(contentsOf: bytes[index..<bytes.count])
                return String(decoding: kept, as: UTF8.self)
            }
        }
        // Called only when the text holds "<![", so Foundation's search is fine here.
        while let open = rest.range(of: "<![") {
            result += rest[rest.startIndex..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "]>") else {
                rest = rest[open.upperBound...]
                continue
            }
            result += " "
            rest = rest[close.upperBound...]
        }
        result += rest
        return result
    }

    /// Where the two or three bytes first occur at or after `start`.
    private static func bytePosition(of first: UInt8, _ second: UInt8, _ third: UInt8?, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let length = third == nil ? 2 : 3
        var index = start
        while index + length <= bytes.count {
            if bytes[index] == first, bytes[index + 1] == second, third.map({ bytes[index + 2] == $0 }) ?? true { return index }
            index += 1
        }
        return nil
    }

    /// Text in which Foundation's (canonically equivalent) search for "<![" and "]>" finds what a byte
    /// search finds: only scalars below U+0300 (no combining marks; precomposed letters decompose to
    /// letters and marks, never to these brackets) and the general punctuation and currency signs
    /// (dashes, quotes, bullets, ellipsis, €) Word writes.
    static func isPlainForSearch(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return value < 0x300 || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) || (0x20A0...0x20C0).contains(value)
        }
    }

    static let bulletCharacters: Set<Character> = [
        "•", "·", "▪", "▫", "●", "○", "◦", "■", "□", "♦", "◆", "❖", "➢", "➤", "►", "▸", "▶", "✓", "✔", "§", "⁃", "∙", "⦁", "◘", "‣",
    ]

    static func stripBullet(_ text: String) -> (String, Bool) {
        // An ASCII first byte other than a dash, star or ">" starts no bullet (the bullet glyphs are not
        // ASCII, and a character starting with that byte is not "-", "*" or ">").
        if let lead = text.utf8.first, lead < 0x80, lead != 0x2D, lead != 0x2A, lead != 0x3E { return (text, false) }
        var rest = text[...]
        var stripped = false
        while let first = rest.first {
            let isPrivateUse = first.unicodeScalars.first.map { (0xE000...0xF8FF).contains($0.value) } ?? false
            if bulletCharacters.contains(first) || isPrivateUse {
                rest = rest.dropFirst()
            } else if first == "-" || first == "*" || first == "–" || first == "—" || first == ">" {
                // A dash or star is a bullet only when a space follows ("- Led …", not "-5%").
                let next = rest.dropFirst().first
                guard next == " " else { break }
                rest = rest.dropFirst()
            } else {
                break
            }
            stripped = true
            while rest.first == " " { rest = rest.dropFirst() }
        }
        return (String(rest), stripped)
    }
}
