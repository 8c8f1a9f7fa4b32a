import Foundation
import Markup

/// Long texts in XML résumés (Europass `Activities`, `oa:Description`, HR-XML `Description`) come as
/// HTML escaped inside the XML (`&lt;ul&gt;&lt;li&gt;…`), as plain text with real line breaks, or with
/// literal two-character `\n` sequences where a line break was meant. This reads all three into the
/// lines a reader sees, each with the line of the file it comes from.
enum XMLRichText {
    /// The rendered lines of `element`'s text.
    static func lines(of element: MarkupElement, parser: MarkupParser) -> [MarkupText] {
        lines(ofText: element.xmlRawText, startingAtLine: max(element.line, 1), parser: parser)
    }

    static func lines(ofText raw: String, startingAtLine line: Int, parser: MarkupParser) -> [MarkupText] {
        guard raw.utf8.contains(where: { $0 > 0x20 }) else { return [] }
        if looksLikeHTML(raw) {
            // A literal "\n" inside HTML is a line break the author typed in a form field.
            // Non-ASCII characters go in as character references, so the fragment means the same
            // whatever encoding the HTML parser assumes for it.
            let html = asciiOnly(replacingLiteralNewlines(in: raw, with: "<br>"))
            guard let fragment = parser.parseFragment(html, startingAtLine: line), let root = fragment.root else {
                return plainLines(of: raw, startingAtLine: line)
            }
            return renderedLines(of: root)
        }
        return plainLines(of: raw, startingAtLine: line)
    }

    /// The lines of an HTML fragment as a reader takes them: a new line at every block element, and at
    /// `<br>` except inside a list item, where editors insert `<br>` to wrap long text and the item is
    /// still one duty. Hidden text is left out.
    static func renderedLines(of root: MarkupElement) -> [MarkupText] {
        enum Step {
            case enter(MarkupElement, inListItem: Bool)
            case text(MarkupText)
            case close
        }
        var lines: [MarkupText] = []
        var buffer = ""
        var bufferLine = 0
        func flush() {
            if let value = XMLValues.meaningful(buffer) { lines.append(MarkupText(value: value, line: bufferLine)) }
            buffer = ""
            bufferLine = 0
        }
        var steps: [Step] = [.enter(root, inListItem: false)]
        while let step = steps.popLast() {
            switch step {
            case .close:
                flush()
            case .text(let text):
                guard !text.isHidden else { continue }
                if bufferLine == 0 && text.value.contains(where: { !$0.isWhitespace }) { bufferLine = text.line }
                buffer += text.value
            case .enter(let element, let inListItem):
                guard !element.isHidden else { continue }
                if element.name == "br" {
                    if inListItem { buffer += " " } else { flush() }
                    continue
                }
                let isBlock = element.name != root.name && MarkupElement.blockElements.contains(element.name)
                if isBlock {
                    flush()
                    steps.append(.close)
                }
                let nested = inListItem || element.name == "li"
                for content in element.contents.reversed() {
                    switch content {
                    case .element(let child): steps.append(.enter(child, inListItem: nested))
                    case .text(let text): steps.append(.text(text))
                    }
                }
            }
        }
        flush()
        return lines
    }

    /// Plain text split at real line breaks and at literal `\n`; each line whitespace-collapsed. The
    /// source line advances only at real breaks.
    static func plainLines(of raw: String, startingAtLine line: Int) -> [MarkupText] {
        plainLines(of: raw, startingAtLine: line) { MarkupText(value: $0, line: $1) }
    }

    /// `lines(of:parser:)` as evidence of `section`, each made as its line is read: listing the lines
    /// first and copying them into a second list cost an array and a retain and release per line.
    static func evidence(of element: MarkupElement, section: EvidenceText.Section, parser: MarkupParser) -> [EvidenceText] {
        let raw = element.xmlRawText
        let line = max(element.line, 1)
        guard raw.utf8.contains(where: { $0 > 0x20 }) else { return [] }
        if looksLikeHTML(raw) {
            return lines(ofText: raw, startingAtLine: line, parser: parser).map { EvidenceText($0.value, line: $0.line, section: section) }
        }
        return plainLines(of: raw, startingAtLine: line) { EvidenceText($0, line: $1, section: section) }
    }

    /// The plain lines, each made into a `Line` from its text and source line.
    static func plainLines<Line>(of raw: String, startingAtLine line: Int, _ make: (String, Int) -> Line) -> [Line] {
        var text = raw
        // On UTF-8 bytes: every separator is ASCII, so each line is a slice between separators (a
        // `Character` loop cost more than the rest of the HR-XML reader). The list lives inside the
        // closure: captured from outside, every use was an exclusivity check.
        return text.withUTF8 { bytes -> [Line] in
            var result: [Line] = []
            // Room for a line per 40 bytes, up to 24 lines: a Description of five to ten duties fits at
            // once instead of growing through four lists; capped so the list stays a small allocation.
            result.reserveCapacity(min(bytes.count / 40 + 1, 24))
            forEachPlainLine(in: bytes, startingAtLine: line) { value, _, sourceLine in
                result.append(make(value, sourceLine))
            }
            return result
        }
    }

    /// `evidence(of:section:parser:)` and, for plain text, the duties' texts joined with line feeds (what
    /// `XMLCandidateDraft.joinedLines` makes of them, the description of a position that gives none), written
    /// as each line is read. Nil instead of the joined text when the text is HTML or gives no duty.
    ///
    /// Why: the joined text was made afterwards from the duties' strings, each read again (a retain and a
    /// release per duty); here a duty kept as a range of the raw text is copied from the bytes just scanned.
    static func duties(of element: MarkupElement, section: EvidenceText.Section, parser: MarkupParser) -> (duties: [EvidenceText], joined: String?) {
        duties(ofText: element.xmlRawText, startingAtLine: max(element.line, 1), section: section, parser: parser)
    }

    /// `duties(of:section:parser:)` of an element's raw text.
    static func duties(
        ofText raw: String, startingAtLine line: Int, section: EvidenceText.Section, parser: MarkupParser
    ) -> (duties: [EvidenceText], joined: String?) {
        guard raw.utf8.contains(where: { $0 > 0x20 }) else { return ([], nil) }
        if looksLikeHTML(raw) {
            return (lines(ofText: raw, startingAtLine: line, parser: parser).map { EvidenceText($0.value, line: $0.line, section: section) }, nil)
        }
        var text = raw
        return text.withUTF8 { bytes in
            var duties: [EvidenceText] = []
            duties.reserveCapacity(min(bytes.count / 40 + 1, 24))
            // The joined text is never longer than the raw text: each duty is at most the bytes of its own
            // line (cut, trimmed or collapsed, never lengthened), and between two duties' lines there is at
            // least one break byte for the line feed that joins them.
            let joined = String(unsafeUninitializedCapacity: bytes.count) { output -> Int in
                var written = 0
                forEachPlainLine(in: bytes, startingAtLine: line) { value, kept, sourceLine in
                    if !duties.isEmpty {
                        output[written] = UInt8(ascii: "\n")
                        written += 1
                    }
                    if let kept {
                        written = UnsafeMutableBufferPointer(rebasing: output[written...]).initialize(fromContentsOf: UnsafeBufferPointer(rebasing: bytes[kept])) + written
                    } else {
                        var copy = value
                        copy.withUTF8 { valueBytes in
                            written = UnsafeMutableBufferPointer(rebasing: output[written...]).initialize(fromContentsOf: valueBytes) + written
                        }
                    }
                    duties.append(EvidenceText(value, line: sourceLine, section: section))
                }
                return written
            }
            return (duties, duties.isEmpty ? nil : joined)
        }
    }

    /// Calls `body` with each plain line of `bytes` that is kept (whitespace-collapsed, bullet cut, not empty
    /// and no schema placeholder), the range of `bytes` it is exactly when it was kept without the general
    /// path, and its source line.
    @inline(__always)
    static func forEachPlainLine(
        in bytes: UnsafeBufferPointer<UInt8>, startingAtLine line: Int, _ body: (_ value: String, _ kept: Range<Int>?, _ sourceLine: Int) -> Void
    ) {
        var sourceLine = line
        /// Adds the line `kept` (bytes `collapsedASCIIValue` keeps of it) unless it is empty or a placeholder.
        func append(kept: Range<Int>) {
            // The common line, "• Plain ASCII duty.": one string, made once.
            guard !kept.isEmpty else { return }
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)
            guard kept.count > XMLValues.longestPlaceholder || !XMLValues.isSchemaPlaceholder(value) else { return }
            body(value, kept, sourceLine)
        }
        func flush(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            if let kept = collapsedASCIIValue(of: bytes, in: range) {
                append(kept: kept)
                return
            }
            let slice = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            if let value = XMLValues.meaningful(withoutBullet(slice)) {
                body(value, nil, sourceLine)
            }
        }
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var lineStart = 0
        while true {
            // One pass finds where the line ends and whether it is plain collapsed ASCII after its
            // bullet; only a line that is not goes through `collapsedASCIIValue` and the general path.
            let scan = scanLine(in: bytes, from: lineStart)
            if let kept = scan.kept { append(kept: kept) } else { flush(lineStart..<scan.end) }
            guard scan.end < bytes.count else { break }
            let byte = bytes[scan.end]
            if byte == newline || byte == carriageReturn {
                sourceLine += 1
                lineStart = scan.end + 1
                // CR LF is one break.
                if byte == carriageReturn && lineStart < bytes.count && bytes[lineStart] == newline { lineStart += 1 }
            } else {
                // A literal "\n" written into the text breaks the line but not the source line.
                lineStart = scan.end + 2
            }
        }
    }

    /// The index of the first line feed, carriage return or backslash at or after `start`, or
    /// `bytes.count`: what the line split stops at, found eight bytes at a time.
    static func firstBreakCandidate(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let found = XMLTextBytes.bytesEqual(word, to: 0x0A) | XMLTextBytes.bytesEqual(word, to: 0x0D)
                    | XMLTextBytes.bytesEqual(word, to: 0x5C)
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D || byte == 0x5C { return index }
            index += 1
        }
        return index
    }

    /// The bytes `XMLValues.meaningful(withoutBullet(line))` keeps of the line at `range`, before its
    /// placeholder check, when that needs no work beyond cutting: the line after its bullet is ASCII with
    /// single spaces between words. Nil when it is anything else, for the general path to read.
    ///
    /// Why: a duty line was a string, a whitespace-collapsed copy of it and a copy without its bullet,
    /// the collapse going through the slow path only because of the leading tabs and the "•".
    static func collapsedASCIIValue(of bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Range<Int>? {
        let end = range.upperBound
        var start = range.lowerBound
        // `withoutBullet` looks past spaces and tabs only; `collapseWhitespace` trims them anyway.
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        guard start < end else { return start..<start }
        let bulletLength = scalarLength(leadByte: bytes[start])
        if start + bulletLength < end, bytes[start + bulletLength] == 0x20 || bytes[start + bulletLength] == 0x09,
           isBullet(scalar(in: bytes, at: start, length: bulletLength)) {
            start += bulletLength
        }
        func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var last = end
        while start < last && isASCIIWhitespace(bytes[start]) { start += 1 }
        while last > start && isASCIIWhitespace(bytes[last - 1]) { last -= 1 }
        // Trimmed, the rest is collapsed ASCII exactly when it has no byte over 0x7F, no tab, line feed,
        // vertical tab, form feed or carriage return and no two spaces side by side.
        guard XMLTextBytes.isCollapsedASCII(UnsafeBufferPointer(rebasing: bytes[start..<last])) else { return nil }
        return start..<last
    }

    /// The length of the UTF-8 sequence `leadByte` starts (the text comes from a `String`, so it is valid).
    static func scalarLength(leadByte: UInt8) -> Int {
        leadByte < 0x80 ? 1 : leadByte >= 0xF0 ? 4 : leadByte >= 0xE0 ? 3 : 2
    }

    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Unicode.Scalar {
        let lead = bytes[index]
        guard length > 1 else { return Unicode.Scalar(lead) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// A typed list marker ("- ", "• ", "* ") is layout, not part of the duty.
    static func withoutBullet(_ line: String) -> String {
        // On scalars, not Characters: a bullet followed by a space or tab is a character of its own (no
        // combining mark can follow it and be followed by a space in the same character), and the
        // `Character` walk was a visible share of reading HR-XML.
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              isBullet(scalars[first]) else { return line }
        let afterBullet = scalars.index(after: first)
        guard afterBullet < scalars.endIndex, scalars[afterBullet] == " " || scalars[afterBullet] == "\t" else { return line }
        return String(scalars[afterBullet...])
    }

    static let bulletScalars: Set<Unicode.Scalar> = ["-", "•", "*", "·", "–", "—", "▪", "►", "‣", "o"]

    /// Whether the scalar is one of `bulletScalars`, by comparison rather than hashing (asked of every
    /// duty line).
    static func isBullet(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "•", "*", "·", "–", "—", "▪", "►", "‣", "o": return true
        default: return false
        }
    }

    /// Whether the text holds an HTML tag: `<` followed by a letter, `/` or `!`, with a `>` after it.
    static func looksLikeHTML(_ text: String) -> Bool {
        // Most texts hold no "<" at all: one vectorised search answers them.
        guard text.utf8.withContiguousStorageIfAvailable({ bytes in
            bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "<")), bytes.count) != nil } ?? false
        }) ?? true else { return false }
        var sawOpen = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "<") {
                let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                if isLetter || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") { sawOpen = true }
            }
            if sawOpen && byte == UInt8(ascii: ">") { return true }
            previous = byte
        }
        return false
    }

    static func asciiOnly(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else {
                result += "&#\(scalar.value);"
            }
        }
        return result
    }

    static func replacingLiteralNewlines(in text: String, with replacement: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if character == "\\" {
                let next = iterator.next()
                if next == "n" || next == "r" {
                    result += replacement
                } else {
                    result.append(character)
                    pending = next
                }
            } else {
                result.append(character)
            }
        }
        return result
    }
}
