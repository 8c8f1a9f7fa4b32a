import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    /// What the enclosing elements say about the text below them. Plain values only (the JSON Resume key
    /// is an index into `resumeKeyList`): the walk copies one per element and per text chunk, and a
    /// context holding a String was retained and released with every copy.
    private struct Context {
        /// The entry container's id (`HTMLLine.container`). First, so the small fields below pack
        /// behind it: a context is copied per element and per text chunk.
        var container = 0
        var bold = false
        /// 1–6 in `<h1>`…`<h6>`, 0 outside any heading.
        var headingLevel: UInt8 = 0
        var listItem = false
        var labelCell = false
        var tableCell = false
        var sectionTitleClass = false
        var headingClass = false
        var nameClass = false
        /// Index into `resumeKeyList`; -1 when no enclosing element names a key.
        var resumeKey: Int8 = -1
    }

    /// `resumeKeys` in a fixed order, so a context can name one by index.
    static let resumeKeyList: [String] = resumeKeys.sorted()

    /// A piece of a line: a text node's bytes in the document's text, read in place, or a text the walk
    /// made (a tab stop, a `<time>`), whose bytes are in the builder's `madeText`. Plain integers only,
    /// so that adding, copying and dropping chunks touches no reference count: a chunk that held its
    /// text node's string retained and released it with every move.
    private struct Chunk {
        /// Where the text's UTF-8 is: in the document's text bytes, or in `madeText` when `isMade`.
        var text: Range<Int>
        /// Where the text for field splitting is, in the same bytes: `text` for a text node; for a tab
        /// stop " | ", for a `<time>` its machine-readable date.
        var fieldText: Range<Int>
        var isMade: Bool
        var line: Int
        var context: Context
        /// `scanPlainASCII` of the text, taken once when the chunk is added.
        var scan: ChunkScan?
    }

    /// One open element of the walk: the next of its children to visit, the context its children get,
    /// and whether it is a block (its end ends a line). The walk keeps one per level of depth, not one
    /// per pending node: the stack of pending nodes grew with every wide element, and its buffers were
    /// large enough to be slow to allocate.
    private struct Frame {
        var next: MarkupElement.NodeIndex
        var context: Context
        var isBlock: Bool
    }

    /// What one pass over a plain ASCII chunk finds.
    struct ChunkScan: Equatable {
        /// Every byte is whitespace (`isAllWhitespace`).
        var whitespace: Bool
        /// Some byte is a letter (`hasLetter`).
        var letter: Bool
        /// Some byte is "<", which Word's conditional-comment debris ("<![if …]>") starts with.
        var lessThan: Bool
        /// `collapseWhitespace` gives the text back as it is (its only whitespace is single spaces
        /// between other bytes).
        var collapsed = false
    }

    /// For plain ASCII text (no byte above 0x7F, no carriage return) what `ChunkScan` records, in one
    /// pass; nil for other text.
    static func plainASCIIScan(_ text: String) -> ChunkScan? {
        text.withBorrowedUTF8 { scanPlainASCII($0) }
    }

    /// No byte above 0x7F.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }

    /// `TextScan.isPlainASCII` (no byte above 0x7F, none a carriage return), eight bytes at a time: every
    /// text node is tested, and most are long runs of indentation and words.
    static func isPlainASCIIByWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            if word & highBits != 0 { return false }
            // A carriage return is a zero byte of `word ^ 0x0D…`; `(v - 0x01…) & ~v & 0x80…` is non-zero
            // exactly when `v` has a zero byte.
            let carriageReturns = word ^ 0x0D0D_0D0D_0D0D_0D0D
            if (carriageReturns &- 0x0101_0101_0101_0101) & ~carriageReturns & highBits != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 || bytes[index] == 0x0D { return false }
            index += 1
        }
        return true
    }

    /// `collapseWhitespace` of the chunks' texts joined, for chunks that are all plain ASCII: written
    /// straight from the chunks, without joining them first. (Collapsing is a left-to-right pass whose
    /// only state is "a space is pending", so it does not matter where one chunk ends.)
    static func collapsedPlainASCII<Texts: Collection<String>>(_ texts: Texts) -> String {
        // One text (most lines): Markup's collapse, which gives collapsed text back as it is.
        if texts.count == 1 { return collapseWhitespace(texts.first!) }
        var total = 0
        for text in texts { total += text.utf8.count }
        return String(unsafeUninitializedCapacity: total) { output in
            var count = 0
            var pendingSpace = false
            for text in texts {
                var text = text
                text.withUTF8 { appendCollapsedPlainASCII($0, to: output, count: &count, pendingSpace: &pendingSpace) }
            }
            return count
        }
    }

    /// Writes the plain ASCII `bytes` to `output` from `count` on, each whitespace run as one space and
    /// none before the first byte written: one piece of the collapse of text given in pieces (its only
    /// state is `count` and whether a space is pending, so where a piece ends does not matter).
    @inline(__always)
    static func appendCollapsedPlainASCII(
        _ bytes: UnsafeBufferPointer<UInt8>, to output: UnsafeMutableBufferPointer<UInt8>, count: inout Int, pendingSpace: inout Bool
    ) {
        for byte in bytes {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = count > 0
            } else {
                if pendingSpace {
                    output[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                output[count] = byte
                count += 1
            }
        }
    }

    /// The lines being gathered and the chunks of the line in progress. A struct with a mutating `flush`
    /// rather than a nested function: the captured variables of a closure were boxed and every access
    /// checked for exclusivity at run time.
    private struct LineBuilder {
        /// The UTF-8 of every text node of the document (`MarkupElement.withDocumentTextBytes`), which
        /// text-node chunks point into; lent for the whole walk.
        let documentText: UnsafeBufferPointer<UInt8>
        var lines: [HTMLLine] = []
        var chunks: [Chunk] = []
        /// The bytes of the chunks the walk made, text and field text, for the line in progress.
        var madeText: [UInt8] = []
        var emphasised: [String] = []
        var links: [String] = []
        var bullet = false
        // A chunk whose field text differs from its text (a tab stop, a `<time>`): only then is the field
        // text cleaned on its own.
        var fieldsDiffer = false
        /// Some chunk is not plain-ASCII whitespace. Most flushes (between blocks) hold only the
        /// indentation between tags; those clean to "" and make no line, so they stop early.
        var anyVisible = false
        /// Some chunk holds an ASCII letter, so the cleaned line does too unless conditional-comment
        /// debris was cut out of it (cleaning removes nothing else that is a letter).
        var anyLetter = false
        /// Every chunk is plain ASCII without a "<" (so without conditional-comment debris).
        var allPlain = true
        /// How many chunks are not plain-ASCII whitespace, and the index of the last of them.
        var visibleChunks = 0
        var lastVisible = 0
        /// The last such chunk is plain ASCII that `collapseWhitespace` gives back as it is.
        var lastVisibleCollapsed = false

        init(documentText: UnsafeBufferPointer<UInt8>) {
            self.documentText = documentText
        }

        /// Calls `body` with the bytes of chunk `index`'s text (its field text, with `fields`).
        @inline(__always)
        func withBytes<Result>(ofChunk index: Int, fields: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            let range = fields ? chunks[index].fieldText : chunks[index].text
            if chunks[index].isMade {
                return madeText.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
            }
            return body(UnsafeBufferPointer(rebasing: documentText[range]))
        }

        /// Adds a chunk the walk made, with its own text and field text.
        mutating func addMade(text: String, fieldText: String, line: Int, context: Context, scan: ChunkScan?) {
            let textStart = madeText.count
            madeText.append(contentsOf: text.utf8)
            let fieldStart = madeText.count
            madeText.append(contentsOf: fieldText.utf8)
            add(Chunk(
                text: textStart..<fieldStart, fieldText: fieldStart..<madeText.count, isMade: true, line: line, context: context,
                scan: scan))
        }

        /// (Taken as `consuming` and inlined: a call that borrowed the chunk copied it into the array,
        /// retaining both its strings.)
        @inline(__always)
        mutating func add(_ chunk: consuming Chunk) {
            if let scan = chunk.scan {
                if !scan.whitespace {
                    anyVisible = true
                    visibleChunks += 1
                    lastVisible = chunks.count
                    lastVisibleCollapsed = scan.collapsed
                }
                if scan.letter { anyLetter = true }
                if scan.lessThan { allPlain = false }
            } else {
                anyVisible = true
                allPlain = false
                visibleChunks += 1
                lastVisible = chunks.count
                lastVisibleCollapsed = false
            }
            chunks.append(chunk)
        }

        /// `clean` of `joinedTexts(fields:)` before its bullet stripping, and whether the joined text
        /// holds "<![", with the join made in a temporary buffer rather than a string
        /// (`collapsedWithoutConditionals`); nil when that leaves the text to the old way.
        func cleanedJoinedTexts(fields: Bool) -> (text: String, hadConditionals: Bool)? {
            let total = joinedByteCount(fields: fields)
            if total == 0 { return ("", false) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { buffer in
                let count = writeJoined(fields: fields, into: buffer)
                return HTMLLines.collapsedWithoutConditionals(joined: UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
            }
        }

        /// The chunks' texts (or, with `fields`, their field texts) joined, copied byte by byte into one
        /// new string of the right size. (Joining valid UTF-8 gives valid UTF-8, the bytes of `+=`.)
        func joinedTexts(fields: Bool) -> String {
            String(unsafeUninitializedCapacity: joinedByteCount(fields: fields)) { output in
                writeJoined(fields: fields, into: output)
            }
        }

        /// The UTF-8 length of the chunks' texts (their field texts, when `fields`).
        private func joinedByteCount(fields: Bool) -> Int {
            var total = 0
            for index in chunks.indices { total += fields ? chunks[index].fieldText.count : chunks[index].text.count }
            return total
        }

        /// Writes the chunks' texts one after another into `buffer` (room for `joinedByteCount`); returns
        /// how many bytes were written.
        private func writeJoined(fields: Bool, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var count = 0
            for index in chunks.indices {
                count = withBytes(ofChunk: index, fields: fields) { HTMLLines.append($0, to: buffer, at: count) }
            }
            return count
        }

        /// `collapsedPlainASCII` of the chunks' texts (all plain ASCII), written straight from their bytes.
        func collapsedPlainASCIIChunks() -> String {
            // One chunk: Markup's collapse, which gives collapsed bytes as they are.
            if chunks.count == 1 { return withBytes(ofChunk: 0) { collapsedString(of: $0) } }
            return String(unsafeUninitializedCapacity: joinedByteCount(fields: false)) { output in
                var count = 0
                var pendingSpace = false
                for index in chunks.indices {
                    withBytes(ofChunk: index) { HTMLLines.appendCollapsedPlainASCII($0, to: output, count: &count, pendingSpace: &pendingSpace) }
                }
                return count
            }
        }

        mutating func flush() {
            // Most flushes (block ends after whitespace that was never kept) have no chunk: only what
            // the deferred reset below would do to a builder without chunks.
            if chunks.isEmpty {
                while emphasised.popLast() != nil {}
                if !links.isEmpty { links = [] }
                bullet = false
                fieldsDiffer = false
                return
            }
            defer {
                // Only when not empty: emptying an empty array still went through `replaceSubrange`.
                // Popped one by one (lines have a chunk or a few): `removeAll(keepingCapacity:)` went
                // through the generic `replaceSubrange`, even for an empty array.
                while chunks.popLast() != nil {}
                if !madeText.isEmpty { madeText.removeAll(keepingCapacity: true) }
                // (Empty when a line took it; kept with its buffer otherwise.)
                while emphasised.popLast() != nil {}
                if !links.isEmpty { links = [] }
                bullet = false
                fieldsDiffer = false
                anyVisible = false
                anyLetter = false
                allPlain = true
                visibleChunks = 0
            }
            guard !chunks.isEmpty, anyVisible else { return }
            let text: String
            let strippedBullet: Bool
            let hadConditionals: Bool
            if allPlain, visibleChunks == 1, lastVisibleCollapsed {
                // One chunk that is not whitespace, already collapsed: the whitespace chunks around it
                // collapse away at the ends of the line, and `collapseWhitespace` would give it back as
                // it is. Its bytes make the line's string.
                let chunkText = withBytes(ofChunk: lastVisible) { String(decoding: $0, as: UTF8.self) }
                if !fieldsDiffer, cannotStartWithBullet(chunkText) {
                    text = chunkText
                    strippedBullet = false
                } else {
                    (text, strippedBullet) = stripBullet(chunkText)
                }
                hadConditionals = false
            } else if allPlain {
                (text, strippedBullet) = stripBullet(collapsedPlainASCIIChunks())
                hadConditionals = false
            } else if case let (collapsed, conditionals)? = cleanedJoinedTexts(fields: false) {
                (text, strippedBullet) = stripBullet(collapsed)
                hadConditionals = conditionals
            } else {
                let raw = joinedTexts(fields: false)
                hadConditionals = TextScan.contains(raw, "<![")
                (text, strippedBullet) = clean(raw, hasConditionals: hadConditionals)
            }
            let fieldText: String
            if fieldsDiffer {
                if case let (collapsed, _)? = cleanedJoinedTexts(fields: true) {
                    fieldText = stripBullet(collapsed).0
                } else {
                    fieldText = clean(joinedTexts(fields: true)).0
                }
            } else {
                fieldText = text
            }
            guard !text.isEmpty else { return }
            if !(anyLetter && !hadConditionals), !hasLetterOrNumber(text) { return }
            // One pass over the visible (not all-whitespace) chunks, in place.
            var firstVisible = -1
            var headingLevel: UInt8 = 0
            var isBold = true
            var isListItem = false
            var hasSectionTitleClass = false
            var hasNameClass = true
            for index in chunks.indices {
                let scan = chunks[index].scan
                if scan?.whitespace ?? withBytes(ofChunk: index, { isAllWhitespace(bytes: $0) }) { continue }
                if firstVisible < 0 { firstVisible = index }
                let context = chunks[index].context
                if headingLevel == 0 { headingLevel = context.headingLevel }
                if isBold, !context.bold, scan?.letter ?? withBytes(ofChunk: index, { hasLetter(bytes: $0) }) { isBold = false }
                if context.listItem { isListItem = true }
                if context.sectionTitleClass { hasSectionTitleClass = true }
                if !context.nameClass { hasNameClass = false }
            }
            guard firstVisible >= 0 else { return }
            // The first visible chunk's plain fields only: a copy of the chunk retained and released its texts.
            let firstLine = chunks[firstVisible].line
            let first = chunks[firstVisible].context
            // The emphasised texts move into the line: a copy shared the buffer, and emptying the
            // builder's array afterwards copied it back out (every string retained) to remove them.
            var lineEmphasised: [String] = []
            if emphasised.contains(where: \.isEmpty) {
                lineEmphasised = emphasised.filter { !$0.isEmpty }
            } else {
                swap(&lineEmphasised, &emphasised)
            }
            var lineLinks: [String] = []
            swap(&lineLinks, &links)
            // Built in the call: a local line was copied into the array and then destroyed.
            lines.append(HTMLLine(
                text: text, fieldText: fieldText.isEmpty ? text : fieldText, line: firstLine, headingLevel: headingLevel == 0 ? nil : Int(headingLevel),
                isBold: isBold, isListItem: isListItem, hadBullet: bullet || strippedBullet, isLabelCell: first.labelCell,
                inTableCell: first.tableCell, hasSectionTitleClass: hasSectionTitleClass,
                hasHeadingClass: first.headingClass, hasNameClass: hasNameClass,
                emphasised: lineEmphasised, links: lineLinks,
                container: first.container,
                resumeKey: first.resumeKey >= 0 ? resumeKeyList[Int(first.resumeKey)] : nil))
        }
    }

    /// The attribute values the line reader asks of an element.
    struct AttributeValues: Equatable {
        var style: String?
        var `class`: String?
        var id: String?
        var href: String?
        var datetime: String?
    }

    /// `element.attribute(_:)` for the five names, in one pass over the attributes when every stored
    /// name is lower-case ASCII (as libxml2's HTML parser stores them): then `attribute` finds the first
    /// attribute with exactly that name, its case-folding fallback finding nothing more. Otherwise it
    /// asks `attribute(_:)` itself.
    static func attributeValues(_ attributes: [MarkupAttribute], of element: @autoclosure () -> MarkupElement) -> AttributeValues {
        var values = AttributeValues()
        // An attribute stored under another spelling ("STYLE") may still be the one asked for.
        var otherSpelling = false
        for attribute in attributes {
            switch attribute.name {
            case "style": if values.style == nil { values.style = attribute.value }
            case "class": if values.class == nil { values.class = attribute.value }
            case "id": if values.id == nil { values.id = attribute.value }
            case "href": if values.href == nil { values.href = attribute.value }
            case "datetime": if values.datetime == nil { values.datetime = attribute.value }
            default: if !otherSpelling, !isLowerASCII(attribute.name) { otherSpelling = true }
            }
        }
        // `attribute(_:)` returns the first exact match when there is one, so only the names without one
        // need its case-folding fallback, and only when some stored name is not lower-case ASCII.
        if otherSpelling {
            let element = element()
            if values.style == nil { values.style = element.attribute("style") }
            if values.class == nil { values.class = element.attribute("class") }
            if values.id == nil { values.id = element.attribute("id") }
            if values.href == nil { values.href = element.attribute("href") }
            if values.datetime == nil { values.datetime = element.attribute("datetime") }
        }
        return values
    }

    /// Where the five attribute values the line reader asks for sit in an element's attribute list: the
    /// walk reads each value from the list when it needs it, instead of copying all five into a struct
    /// per element (five retains, five releases, whether the attribute was there or not).
    struct AttributeSlots: Equatable {
        var style: Int16 = -1
        var `class`: Int16 = -1
        var id: Int16 = -1
        var href: Int16 = -1
        var datetime: Int16 = -1
        /// Some stored name is not lower-case ASCII ("STYLE"): a name without an exact match may still
        /// be found by `attribute(_:)`'s case-folding fallback.
        var otherSpelling = false
    }

    /// The first attribute with exactly each of the five names, as `attributeValues` finds them.
    /// Slots count from the start of `attributes`, which is the element's stretch of the document's
    /// attribute table (so its indices do not start at 0).
    static func attributeSlots(_ attributes: ArraySlice<MarkupAttribute>) -> AttributeSlots {
        var slots = AttributeSlots()
        // (Lists longer than Int16 can count are read through `attributeValues`' fallback instead.)
        guard attributes.count < Int(Int16.max) else {
            slots.otherSpelling = true
            return slots
        }
        for index in attributes.indices {
            let slot = Int16(index - attributes.startIndex)
            switch attributes[index].name {
            case "style": if slots.style < 0 { slots.style = slot }
            case "class": if slots.class < 0 { slots.class = slot }
            case "id": if slots.id < 0 { slots.id = slot }
            case "href": if slots.href < 0 { slots.href = slot }
            case "datetime": if slots.datetime < 0 { slots.datetime = slot }
            default: if !slots.otherSpelling, !isLowerASCII(attributes[index].name) { slots.otherSpelling = true }
            }
        }
        return slots
    }

    /// The value `attributeValues` gives for `name`: the attribute in `slot`, else (when some stored
    /// name is spelled otherwise) what `attribute(_:)` finds.
    @inline(__always)
    static func attributeValue(
        _ slot: Int16, named name: String, in attributes: ArraySlice<MarkupAttribute>, slots: AttributeSlots,
        of element: @autoclosure () -> MarkupElement
    ) -> String? {
        if slot >= 0 { return attributes[attributes.startIndex + Int(slot)].value }
        return slots.otherSpelling ? element().attribute(name) : nil
    }

    /// Every byte ASCII and none an upper-case letter.
    static func isLowerASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && !TextScan.isASCIIUpper($0) }
    }

    /// The visible lines under `element`, in reading order. Hidden elements and text are skipped
    /// entirely. Walks the node arena by index with an explicit stack of open elements, so depth is no
    /// problem.
    static func lines(of element: MarkupElement, readResumeKeys: Bool = false) -> [HTMLLine] {
        // The text nodes are read as bytes in place, for the whole walk: a line's string is made once,
        // from its chunks' bytes, and no text node becomes a string of its own.
        element.withDocumentTextBytes { documentText, textRanges in
            lines(of: element, documentText: documentText, textRanges: textRanges, readResumeKeys: readResumeKeys)
        }
    }

    /// `lines(of:readResumeKeys:)` with the document's text bytes lent.
    private static func lines(
        of element: MarkupElement, documentText: UnsafeBufferPointer<UInt8>, textRanges: TextByteRanges, readResumeKeys: Bool
    ) -> [HTMLLine] {
        var builder = LineBuilder(documentText: documentText)
        // A résumé makes some 30 to 120 lines: growing the array from one element reallocated it seven
        // times, the later ones large enough for malloc's slower path.
        builder.lines.reserveCapacity(64)
        var nextContainer = 1
        // Class and style values repeat from element to element: their cues are read once per value.
        var classCueCache = AttributeCueCache<ClassCues?>()
        var styleCueCache = AttributeCueCache<StyleCues>()
        // What each name tells the walk, by the name's index in the document's name table: worked out
        // once per name, not once per element (which read the name's string and packed its bytes).
        var kindsByName = [ElementKind?](repeating: nil, count: element.nameCount)

        var frames: [Frame] = [Frame(next: element.firstChild(of: element.nodeIndex), context: Context(), isBlock: false)]
        // Room for 16 levels in well under a kilobyte: larger requests went to a slower path of malloc.
        frames.reserveCapacity(16)
        while !frames.isEmpty {
            let node = frames[frames.count - 1].next
            guard node >= 0 else {
                // The element's children are done: the end of a block ends the line.
                if frames.removeLast().isBlock { builder.flush() }
                continue
            }
            frames[frames.count - 1].next = element.nextSibling(of: node)
            if element.isText(node) {
                guard !element.isHidden(node) else { continue }
                // Indentation that starts a line is skipped below once its bytes are scanned; Markup
                // marks most of it (a line feed and spaces or tabs, which the scan finds whitespace),
                // so it is skipped here without a look at its bytes.
                if builder.chunks.isEmpty, element.isIndentation(node) { continue }
                let range = textRanges.range(of: node)
                guard !range.isEmpty else { continue }
                let scan = scanPlainASCII(UnsafeBufferPointer(rebasing: documentText[range]))
                // Whitespace that starts a line collapses away and is skipped by every cue, so it is
                // not kept (most text nodes are the indentation between tags).
                if builder.chunks.isEmpty, scan?.whitespace == true { continue }
                builder.add(Chunk(
                    text: range, fieldText: range, isMade: false, line: element.line(of: node), context: frames[frames.count - 1].context,
                    scan: scan))
            } else if element.isElement(node) {
                var context = frames[frames.count - 1].context
                guard !element.isHidden(node) else { continue }
                let nameIndex = element.nameIndex(of: node)
                let kind: ElementKind
                if let known = kindsByName[nameIndex] {
                    kind = known
                } else {
                    kind = ElementKind(named: element.name(atIndex: nameIndex))
                    kindsByName[nameIndex] = kind
                }
                // A slice of the document's attribute table: `attributes(of:)` would copy it into an array.
                // Asked for only when the element has attributes (fewer than half do): each slice holds
                // a reference to the table, retained and released per element. (No attributes is an
                // empty slice either way.)
                let attributes = element.hasAttributes(node) ? element.attributeSlice(of: node) : ArraySlice()
                let slots = attributes.isEmpty ? AttributeSlots() : attributeSlots(attributes)
                let style = attributeValue(slots.style, named: "style", in: attributes, slots: slots, of: element.element(at: node))
                    .map { styleCueCache.cues(of: $0, styleCues(of:)) } ?? StyleCues()
                // Word marks the bullet glyph of a list paragraph with `mso-list:Ignore`.
                if style.listIgnore {
                    builder.bullet = true
                    continue
                }
                // Word's tab stops separate the columns of a line: date, employer, place.
                if style.tabCount, kind.contains(.span) {
                    builder.addMade(
                        text: " ", fieldText: " | ", line: element.line(of: node), context: context,
                        scan: ChunkScan(whitespace: true, letter: false, lessThan: false))
                    builder.fieldsDiffer = true
                    continue
                }
                if kind.contains(.time),
                   let datetime = attributeValue(slots.datetime, named: "datetime", in: attributes, slots: slots, of: element.element(at: node)),
                   PartialDate(iso: datetime) != nil {
                    let shown = " " + element.element(at: node).text + " "
                    builder.addMade(
                        text: shown, fieldText: " " + TextScan.trimSpaces(datetime) + " ", line: element.line(of: node), context: context,
                        scan: plainASCIIScan(shown))
                    builder.fieldsDiffer = true
                    continue
                }
                if kind.contains(.block) {
                    builder.flush()
                    context.headingClass = false
                    context.nameClass = false
                }
                if kind.headingLevel > 0 { context.headingLevel = kind.headingLevel }
                if kind.contains(.bold) { context.bold = true }
                if kind.contains(.listItem) { context.listItem = true }
                if kind.contains(.labelCell) { context.labelCell = true }
                if kind.contains(.tableCell) {
                    context.tableCell = true
                    context.labelCell = false
                }
                if kind.contains(.article) {
                    context.container = nextContainer
                    nextContainer += 1
                }
                if style.bold { context.bold = true }
                if let classValue = attributeValue(slots.class, named: "class", in: attributes, slots: slots, of: element.element(at: node)) {
                    // Themes need the class names themselves (for the JSON Resume keys); other readers
                    // only the cues, which plain ASCII class lists give by byte.
                    let asciiCues = readResumeKeys ? nil : classCueCache.cues(of: classValue, classCuesIfPlainASCII)
                    let classes = asciiCues == nil ? element.element(at: node).classNames.map { lowercasedClassName($0) } : []
                    let cues = asciiCues ?? classCues(of: classes)
                    if cues.sectionTitle { context.sectionTitleClass = true }
                    if cues.heading { context.headingClass = true }
                    if cues.personName { context.nameClass = true }
                    if cues.entries > 0 {
                        context.container = nextContainer + cues.entries - 1
                        nextContainer += cues.entries
                    }
                    if readResumeKeys {
                        if let id = attributeValue(slots.id, named: "id", in: attributes, slots: slots, of: element.element(at: node))?.lowercased(),
                           let key = resumeKeyList.firstIndex(of: id) {
                            context.resumeKey = Int8(key)
                        } else if let key = classes.lazy.compactMap({ resumeKeyList.firstIndex(of: $0) }).first {
                            context.resumeKey = Int8(key)
                        }
                    }
                } else if readResumeKeys,
                          let id = attributeValue(slots.id, named: "id", in: attributes, slots: slots, of: element.element(at: node))?.lowercased(),
                          let key = resumeKeyList.firstIndex(of: id) {
                    context.resumeKey = Int8(key)
                }
                if kind.contains(.emphasis) {
                    builder.emphasised.append(collapseWhitespace(element.element(at: node).text))
                }
                if kind.contains(.link),
                   let href = attributeValue(slots.href, named: "href", in: attributes, slots: slots, of: element.element(at: node)) {
                    let lowered = href.lowercased()
                    if lowered.hasPrefix("mailto:") || lowered.hasPrefix("tel:") { builder.links.append(href) }
                }
                if kind.contains(.lineBreak) {
                    // (A `<br>` is also a block, whose end would flush again: with nothing in between,
                    // that made no line.)
                    builder.flush()
                    continue
                }
                frames.append(Frame(next: element.firstChild(of: node), context: context, isBlock: kind.contains(.block)))
            }
        }
        builder.flush()
        return builder.lines
    }

    /// What an element's name tells the line reader.
    struct ElementKind: Equatable {
        struct Flags: OptionSet, Equatable {
            var rawValue: UInt16
            /// Starts a new line (`MarkupElement.blockElements`).
            static let block = Flags(rawValue: 1 << 0)
            /// `<b>`, `<strong>`.
            static let bold = Flags(rawValue: 1 << 1)
            static let listItem = Flags(rawValue: 1 << 2)
            /// `<dt>`, `<th>`.
            static let labelCell = Flags(rawValue: 1 << 3)
            /// `<td>`.
            static let tableCell = Flags(rawValue: 1 << 4)
            static let article = Flags(rawValue: 1 << 5)
            /// `<b>`, `<strong>`, `<a>`: their text is kept as emphasised.
            static let emphasis = Flags(rawValue: 1 << 6)
            /// `<a>`.
            static let link = Flags(rawValue: 1 << 7)
            /// `<br>`.
            static let lineBreak = Flags(rawValue: 1 << 8)
            static let span = Flags(rawValue: 1 << 9)
            static let time = Flags(rawValue: 1 << 10)
        }

        var flags: Flags = []
        /// 1–6 for `<h1>`…`<h6>`, else 0.
        var headingLevel: UInt8 = 0

        init() {}

        func contains(_ flag: Flags) -> Bool { flags.contains(flag) }

        /// The kind of the element named `name`. Names of plain ASCII up to eight bytes (nearly all) are
        /// packed into one integer and looked up in a sorted table made from `byName`; that is exact,
        /// since two such names are equal Strings exactly when their bytes are, and every name `byName`
        /// knows of that length is in the table. Other names ask `byName`.
        init(named name: String) {
            if let key = Self.packedNameBytes(name) {
                self = Self.lookUp(key)
            } else {
                self = Self.byName(name)
            }
        }

        /// The kind by comparing the name as a String: the reference the table is built from.
        static func byName(_ name: String) -> ElementKind {
            var kind = ElementKind()
            if MarkupElement.blockElements.contains(name) { kind.flags.insert(.block) }
            switch name {
            case "h1", "h2", "h3", "h4", "h5", "h6":
                kind.headingLevel = UInt8(name.dropFirst())!
            case "b", "strong":
                kind.flags.formUnion([.bold, .emphasis])
            case "li":
                kind.flags.insert(.listItem)
            case "dt", "th":
                kind.flags.insert(.labelCell)
            case "td":
                kind.flags.insert(.tableCell)
            case "article":
                kind.flags.insert(.article)
            case "a":
                kind.flags.formUnion([.emphasis, .link])
            case "br":
                kind.flags.insert(.lineBreak)
            case "span":
                kind.flags.insert(.span)
            case "time":
                kind.flags.insert(.time)
            default:
                break
            }
            return kind
        }

        /// Every name `byName` gives a kind to.
        static let knownNames: Set<String> = MarkupElement.blockElements.union([
            "h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "li", "dt", "th", "td", "article", "a", "br", "span", "time",
        ])

        /// The bytes of a plain ASCII name of one to eight bytes, none of them NUL, little-end first; nil
        /// for any other name.
        static func packedName(_ name: String) -> UInt64? {
            var key: UInt64 = 0
            var shift: UInt64 = 0
            for byte in name.utf8 {
                guard shift < 64, byte != 0, byte < 0x80 else { return nil }
                key |= UInt64(byte) << shift
                shift += 8
            }
            return shift == 0 ? nil : key
        }

        /// (packed name, kind) for the known names that pack, sorted by key.
        static let table: [(key: UInt64, kind: ElementKind)] = knownNames
            .compactMap { name in packedName(name).map { ($0, byName(name)) } }
            .sorted { $0.key < $1.key }

        /// `table` in an open-addressed hash table (linear probing; key 0, which no packed name is,
        /// marks an empty slot). It holds far fewer entries than slots, so every probe for a name it
        /// lacks ends at an empty slot. One multiply and a probe or two per element, where the binary
        /// search over `table` took six steps.
        static let slots: [(key: UInt64, kind: ElementKind)] = {
            var slots = Array(repeating: (key: UInt64(0), kind: ElementKind()), count: slotCount)
            precondition(table.count * 2 <= slotCount)
            for entry in table {
                var slot = slotIndex(of: entry.key)
                while slots[slot].key != 0 { slot = (slot + 1) & (slotCount - 1) }
                slots[slot] = entry
            }
            return slots
        }()

        static var slotCount: Int { 256 }

        /// The first slot to probe for `key`: the top eight bits of a multiplicative hash.
        @inline(__always) static func slotIndex(of key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
        }

        static func lookUp(_ key: UInt64) -> ElementKind {
            slots.withUnsafeBufferPointer { slots in
                var slot = slotIndex(of: key)
                while true {
                    let entry = slots[slot].key
                    if entry == key { return slots[slot].kind }
                    if entry == 0 { return ElementKind() }
                    slot = (slot + 1) & (slotCount - 1)
                }
            }
        }
    }

    /// What an inline style says to the line reader.
    struct StyleCues: Equatable {
        /// `mso-list:Ignore`: Word's bullet glyph of a list paragraph.
        var listIgnore = false
        /// `mso-tab-count`: a Word tab stop (read on a `<span>`).
        var tabCount = false
        /// `font-weight` bold, 600, 700, 800 or 900.
        var bold = false
    }

    /// The cues of a `style` attribute, searched in its lower-cased form.
    static func styleCues(of style: String) -> StyleCues {
        // ASCII: lower-cased byte by byte into a scratch buffer, no String made (`lowercased()` of ASCII
        // is exactly that).
        if let cues = style.withBorrowedUTF8({ styleCuesIfASCII($0) }) {
            return cues
        }
        var lowered = TextScan.lowercased(style)
        return lowered.withUTF8 { styleCues(ofLowercased: $0) }
    }

    /// The cues of a lower-cased style, by byte search (as `TextScan.contains`).
    static func styleCues(ofLowercased style: UnsafeBufferPointer<UInt8>) -> StyleCues {
        var cues = StyleCues()
        cues.listIgnore = bytesContain(style, "mso-list") && (bytesContain(style, "mso-list:ignore") || bytesContain(style, "mso-list: ignore"))
        cues.tabCount = bytesContain(style, "mso-tab-count")
        cues.bold = bytesContain(style, "font-weight") && boldWeights.contains { bytesContain(style, $0) }
        return cues
    }

    static let boldWeights: [StaticString] = [
        "font-weight:bold", "font-weight: bold", "font-weight:700", "font-weight: 700", "font-weight:600", "font-weight: 600",
        "font-weight:800", "font-weight:900",
    ]

    /// What an element's class names say: a section title, a heading-ish class, a person's name, and
    /// how many entry classes (each opens an entry container).
    struct ClassCues: Equatable {
        var sectionTitle = false
        var heading = false
        var personName = false
        var entries = 0
    }

    /// The cues of lower-cased class names (the general path).
    static func classCues(of classes: [String]) -> ClassCues {
        var cues = ClassCues()
        for className in classes {
            let compact = letters(of: className)
            // Each of these holds "section": one search rules them all out for most classes.
            if TextScan.contains(compact, "section"), ["sectiontitle", "sectionhead", "sectionname", "sectionlabel", "sectiontitel"].contains(where: { TextScan.contains(compact, $0) }) {
                cues.sectionTitle = true
            } else if TextScan.contains(compact, "heading") || TextScan.contains(compact, "title") || compact.hasSuffix("header") {
                cues.heading = true
            }
            if isPersonNameClass(compact) { cues.personName = true }
            if entryClasses.contains(className) { cues.entries += 1 }
        }
        return cues
    }

    /// `classCues(ofPlainASCII:)` of a class attribute's bytes when it is plain ASCII, nil otherwise:
    /// `TextScan.withPlainASCII` on the string's own bytes, tested eight bytes at a time
    /// (`isPlainASCIIByWords`). `withPlainASCII` copied the string to read it, a retain and a release per
    /// class attribute.
    static func classCuesIfPlainASCII(_ classValue: String) -> ClassCues? {
        classValue.withBorrowedUTF8 { bytes in isPlainASCIIByWords(bytes) ? classCues(ofPlainASCII: bytes) : nil }
    }

    /// `classCues(of:)` for a plain ASCII class attribute (no byte above 0x7F, no carriage return), by
    /// byte: the tokens split at the same spaces, tabs and line feeds as `classNames`, each lower-cased
    /// and its letters compacted into a scratch buffer, no String made.
    static func classCues(ofPlainASCII bytes: UnsafeBufferPointer<UInt8>) -> ClassCues {
        var cues = ClassCues()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { scratch in
            var index = 0
            while index < bytes.count {
                if isClassSeparator(bytes[index]) {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < bytes.count, !isClassSeparator(bytes[end]) { end += 1 }
                let token = UnsafeBufferPointer(rebasing: bytes[index..<end])
                index = end
                var count = 0
                // Which letters the token holds, a bit each: a word cannot occur in a token that lacks
                // one of its letters, so most tokens ("mb-5", "navbar") skip the searches below.
                var letterSet: UInt32 = 0
                for byte in token where TextScan.isASCIILetter(byte) {
                    let lower = byte | 0x20
                    scratch[count] = lower
                    letterSet |= 1 << UInt32(lower &- 0x61)
                    count += 1
                }
                let compact = UnsafeBufferPointer(rebasing: scratch[0..<count])
                if letterSet & ClassLetters.section == ClassLetters.section, bytesContain(compact, "section"),
                   sectionTitleWords.contains(where: { bytesContain(compact, $0) }) {
                    cues.sectionTitle = true
                } else if (letterSet & ClassLetters.heading == ClassLetters.heading && bytesContain(compact, "heading"))
                            || (letterSet & ClassLetters.title == ClassLetters.title && bytesContain(compact, "title"))
                            || bytesHaveSuffix(compact, "header") {
                    cues.heading = true
                }
                if bytesHaveSuffix(compact, "name"), !personNameExclusions.contains(where: { bytesContain(compact, $0) }) {
                    cues.personName = true
                }
                // Only a token as long as some entry class can be one.
                if token.count < 64, entryClassLengths & (1 << UInt64(token.count)) != 0,
                   entryClassBytes.contains(where: { word in word.count == token.count && equalsLowercased(token, word) }) {
                    cues.entries += 1
                }
            }
        }
        return cues
    }

    private static let sectionTitleWords: [StaticString] = ["sectiontitle", "sectionhead", "sectionname", "sectionlabel", "sectiontitel"]
    private static let entryClassBytes: [[UInt8]] = entryClasses.map { Array($0.utf8) }
    /// Bit n set when some entry class is n bytes long.
    private static let entryClassLengths: UInt64 = entryClasses.reduce(0) { $0 | 1 << UInt64($1.utf8.count) }

    /// The letters of the words `classCues(ofPlainASCII:)` searches for, a bit per letter ("a" lowest).
    enum ClassLetters {
        static func of(_ word: StaticString) -> UInt32 {
            UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount).reduce(0) { $0 | 1 << UInt32($1 &- 0x61) }
        }
        static let section = of("section")
        static let heading = of("heading")
        static let title = of("title")
    }

    @inline(__always) private static func isClassSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether ASCII `bytes` lower-cased equal `word` (lower-case), lengths already equal.
    private static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        for offset in 0..<word.count where TextScan.lowerASCII(bytes[offset]) != word[offset] { return false }
        return true
    }

    /// Whether `needle` (ASCII) occurs in `bytes`.
    static func bytesContain(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard !pattern.isEmpty, pattern.count <= bytes.count else { return false }
        var start = 0
        while start + pattern.count <= bytes.count {
            if bytes[start] == pattern[0] {
                var offset = 1
                while offset < pattern.count, bytes[start + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            start += 1
        }
        return false
    }

    static func bytesHaveSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        guard pattern.count <= bytes.count else { return false }
        let start = bytes.count - pattern.count
        for offset in 0..<pattern.count where bytes[start + offset] != pattern[offset] { return false }
        return true
    }

    /// `name.lowercased()`, returning a class name with no upper-case letter or non-ASCII byte as it is.
    static func lowercasedClassName(_ name: Substring) -> String {
        var copy = String(name)
        let asIs = copy.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 && !TextScan.isASCIIUpper($0) } }
        return asIs ? copy : TextScan.lowercased(copy)
    }

    /// Whether the text has a letter or a number. A byte test settles it when an ASCII letter or digit
    /// starts a character (`someCharacterStarts`) or the text is ASCII; other text asks the characters.
    static func hasLetterOrNumber(_ text: String) -> Bool {
        let (found, allASCII) = text.withBorrowedUTF8 { bytes in
            someCharacterStarts(withASCII: bytes) { TextScan.isASCIILetter($0) || TextScan.isASCIIDigit($0) }
        }
        if found { return true }
        // (ASCII text: every character starts with its only byte, or is a CR-LF, neither a letter nor a number.)
        if allASCII { return false }
        return text.contains(where: { $0.isLetter || $0.isNumber })
    }

    /// Whether the text has a letter, by byte as `hasLetterOrNumber`.
    static func hasLetter(_ text: String) -> Bool {
        let (found, allASCII, anyAlphabetic) = text.withBorrowedUTF8 { bytes -> (Bool, Bool, Bool) in
            let (found, allASCII) = someCharacterStarts(withASCII: bytes) { TextScan.isASCIILetter($0) }
            // Text without a letter scalar (a bullet, a no-break space, a dash) has no letter Character:
            // settled by its scalars rather than by breaking it into Characters.
            return (found, allASCII, found || allASCII || someScalarIsAlphabetic(bytes))
        }
        if found { return true }
        if allASCII || !anyAlphabetic { return false }
        return text.contains(where: \.isLetter)
    }

    /// Whether every character is whitespace: not when an ASCII byte other than whitespace starts a
    /// character; yes for ASCII text without one; other text asks the characters.
    static func isAllWhitespace(_ text: String) -> Bool {
        let (found, allASCII) = text.withBorrowedUTF8 { bytes in
            someCharacterStarts(withASCII: bytes) { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) }
        }
        if found { return false }
        if allASCII { return true }
        return text.allSatisfy(\.isWhitespace)
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
        return !personNameExclusions.contains { TextScan.contains(compact, $0.description) }
    }

    /// Words that make a "…name" class some other thing's name.
    static let personNameExclusions: [StaticString] = [
        "company", "job", "school", "org", "employer", "institution", "degree", "file", "user", "class", "tag", "brand", "host", "site",
        "nick", "position", "title", "section", "place", "city", "country", "field", "skill", "cert", "award", "project", "course",
        "program", "product", "team", "university", "college",
    ]

    /// Collapses whitespace, removes Word's `<![if !supportLists]>` debris (libxml2 keeps it as text) and
    /// strips leading bullet glyphs. Returns whether a bullet was removed.
    static func clean(_ raw: String) -> (String, Bool) {
        clean(raw, hasConditionals: TextScan.contains(raw, "<!["))
    }

    /// `clean(_:)` when the caller has already searched the text for "<![".
    static func clean(_ raw: String, hasConditionals: Bool) -> (String, Bool) {
        var text = raw
        if hasConditionals {
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
            // Written straight into the result's storage (it is never longer than the text): gathering the
            // kept bytes in an array first cost an allocation and a copy per line.
            return text.withBorrowedUTF8 { bytes -> String in
                String(unsafeUninitializedCapacity: bytes.count) { output in
                    guard let target = output.baseAddress, let source = bytes.baseAddress else { return 0 }
                    target.initialize(from: source, count: bytes.count)
                    return removeDownlevelConditionalsInPlace(UnsafeMutableBufferPointer(rebasing: output[0..<bytes.count]))
                }
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

    /// Text in which Foundation's (canonically equivalent) search for "<![" and "]>" finds what a byte
    /// search finds: only scalars below U+0300 (no combining marks; precomposed letters decompose to
    /// letters and marks, never to these brackets) and the general punctuation and currency signs
    /// (dashes, quotes, bullets, ellipsis, €) Word writes.
    static func isPlainForSearch(_ text: String) -> Bool {
        // The scalars decoded from the UTF-8 bytes (a String's UTF-8 is valid): one byte below U+0080,
        // two below U+0800 (below U+0300 exactly when the lead byte is at most 0xCB), three below
        // U+10000, four above, which are all out.
        text.withBorrowedUTF8 { isPlainForSearch($0) }
    }

    /// `isPlainForSearch` of the text whose (valid) UTF-8 is `bytes`.
    static func isPlainForSearch(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
            } else if lead < 0xE0 {
                guard lead <= 0xCB else { return false }
                index += 2
            } else if lead < 0xF0, index + 2 < bytes.count {
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                guard (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) || (0x20A0...0x20C0).contains(value) else {
                    return false
                }
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    static let bulletCharacters: Set<Character> = [
        "•", "·", "▪", "▫", "●", "○", "◦", "■", "□", "♦", "◆", "❖", "➢", "➤", "►", "▸", "▶", "✓", "✔", "§", "⁃", "∙", "⦁", "◘", "‣",
    ]

    /// Whether `stripBullet` gives the text back as it is by its first byte alone: an ASCII first byte
    /// other than a dash, star or ">" starts no bullet (the bullet glyphs are not ASCII, and a character
    /// starting with that byte is not "-", "*" or ">").
    @inline(__always)
    static func cannotStartWithBullet(_ text: String) -> Bool {
        guard let lead = text.utf8.first else { return false }
        return lead < 0x80 && lead != 0x2D && lead != 0x2A && lead != 0x3E
    }

    /// Copies the UTF-8 of `text` into `output` from `offset` (which has room for it); returns the
    /// offset after it.
    @inline(__always)
    static func append(_ text: String, to output: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        text.withBorrowedUTF8 { bytes in
            guard let source = bytes.baseAddress, let target = output.baseAddress, !bytes.isEmpty else { return offset }
            (target + offset).initialize(from: source, count: bytes.count)
            return offset + bytes.count
        }
    }

    /// Copies `bytes` into `output` from `offset` (which has room for them); returns the offset after them.
    @inline(__always)
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        guard let source = bytes.baseAddress, let target = output.baseAddress, !bytes.isEmpty else { return offset }
        (target + offset).initialize(from: source, count: bytes.count)
        return offset + bytes.count
    }

    static func stripBullet(_ text: String) -> (String, Bool) {
        if cannotStartWithBullet(text) { return (text, false) }
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
