import CLibXML2

/// Building the document straight from libxml2's SAX callbacks, without letting libxml2 build its own
/// tree first: the tree cost as much to build and free as our copy of it did, and the copy itself goes.
///
/// The events are replayed into the same steps `build(from:)` takes over a finished tree, so what comes out
/// is the same document. Where libxml2's tree is more than the sum of the events, the build mirrors it:
/// consecutive text pieces are one text node (with the line of its first piece), an element libxml2 pops
/// without an end event is closed when its name stack shrinks, a `<style>` or `<title>` is read once its
/// content is in, and a prefixed HTML name is split as libxml2 splits it. What it does not mirror (entity
/// declarations and references in XML; an element opened inside a title or style, or after the root has
/// closed; an `xml:` or non-compliant prefix) sets `needsTree`: the parser stops, and the caller parses
/// again and copies libxml2's tree as before.
extension DocumentBuilder {
    struct StreamingState {
        /// HTML (texts kept as bytes, `MarkupArena.keepsTextStrings` false): where the text pieces since
        /// the last structural event, which libxml2 would have joined into one node, start in
        /// `arena.textBytes`. Each piece is written there as it comes (up to a NUL), and the whole is
        /// checked as UTF-8 once it is complete. -1 when there are none.
        var pendingStart = -1
        /// HTML: the pending text is one piece of indentation (`indentationSlot`), which is ASCII.
        var pendingIsIndentation = false
        /// HTML: that indentation starts with a line feed, not a CR LF (the node's `isIndentation`).
        var pendingIsLineFeedIndentation = false
        /// XML (texts kept as strings): text pieces since the last structural event, which libxml2 would
        /// have joined into one node, as bytes: once a second piece comes, or when the first did not
        /// decode as it is. Never holds an empty piece.
        var pendingText: [UInt8] = []
        /// The first piece already decoded, while it is the only one: most text comes in one piece, which
        /// then becomes its node's string without being copied into `pendingText` and out again.
        var pendingPiece: String?
        /// Whether `pendingPiece` (XML), or a piece written from `pendingStart` (HTML), stopped at a NUL
        /// byte, where the joined text stops too.
        var pendingPieceStoppedAtNUL = false
        /// Indentation recently made into strings in this document, each under its `indentationSlot`,
        /// filed by the slot's low bits: between tags, most text nodes of an XML résumé are one of a few
        /// such runs. A few entries only, as the table is made and freed with every document.
        var indentations: [(slot: Int, text: String)] = []
        /// The line the pending text starts on.
        var pendingLine = 0
        /// The `<style>` or `<title>` being read, whose content its element's handling needs whole.
        var rawText: RawTextElement?
        /// Something the streaming build does not mirror was seen; the document must be built from a tree.
        var needsTree = false
        /// Whether any element was opened: libxml2's tree has a root exactly then.
        var sawElement = false
        /// HTML names by libxml2's address. In SAX events the HTML parser's element and attribute names
        /// come from its dictionary (or are libxml2's static names of implied elements), so during one
        /// parse an address always holds the same name: one look-up by address instead of packing and
        /// hashing the bytes of every name.
        var htmlNamesByAddress = InternTable<PointerKey, InternedName>()
        /// The HTML attribute values that repeat, made into strings once (`AttributeValueTable`).
        var attributeValues = AttributeValueTable()
    }

    struct RawTextElement {
        var role: HTMLRole
        /// `frames.count` while the element is the innermost open one.
        var frameCount: Int
        /// The element's node, or -1 when it was flattened into its parent.
        var node: Int32
        var content: [UInt8] = []
    }

    // MARK: Events

    /// An HTML start tag: `attributes` is libxml2's NULL-terminated list of name/value pairs.
    mutating func streamStartHTMLElement(
        _ context: xmlParserCtxtPtr, name: UnsafePointer<xmlChar>?, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        // libxml2 pushes the name before it reports the element.
        closeElementsPoppedWithoutEvent(context, openCount: Int(context.pointee.nameNr) - 1)
        guard !streaming.needsTree else { return }
        // Not mirrored: an element opened inside a title or style; an element after the root has closed
        // (libxml2 files it under whatever node the document starts with).
        guard streaming.rawText == nil, !(frames.count == 1 && streaming.sawElement),
              let localName = Self.htmlLocalName(name)
        else { return needTree(context) }
        flushPendingText()
        streaming.sawElement = true
        let interned = streamedHTMLName(localName)
        var attributeCount = 0
        var hidingAttributes = HidingAttributeSet()
        var hidingKinds = HidingAttributeKinds()
        if let attributes {
            var index = 0
            while let attributeName = attributes[index] {
                let attributeValue = attributes[index + 1]
                index += 2
                attributeCount += 1
                let value: String
                if let attributeValue {
                    value = streaming.attributeValues.value(attributeValue)
                } else if htmlIsBooleanAttr(attributeName) != 0 {
                    // libxml2 gives a bare boolean attribute (`checked`) its own name as value.
                    value = String(cString: attributeName)
                } else {
                    value = ""
                }
                let attributeEntry = streamedHTMLName(attributeName)
                hidingAttributes.insert(attributeEntry.hidingAttribute)
                hidingKinds.append(attributeEntry.hidingAttribute)
                arena.appendAttribute(MarkupAttribute(name: arena.names[Int(attributeEntry.index)], value: value))
            }
        }
        openStreamedElement(
            interned, namespace: -1, attributeCount: attributeCount, line: currentLine(context), hidingAttributes: hidingAttributes,
            hidingKinds: hidingKinds)
    }

    /// `internedNameEntry` for an HTML name of a SAX event, looked up by address first.
    private mutating func streamedHTMLName(_ pointer: UnsafePointer<xmlChar>) -> InternedName {
        let key = PointerKey(pointer)
        if let known = streaming.htmlNamesByAddress[key] { return known }
        let entry = internedNameEntry(pointer)
        streaming.htmlNamesByAddress[key] = entry
        return entry
    }

    /// An XML start tag in SAX2 form: `attributes` holds five pointers per attribute (local name, prefix,
    /// URI, value start, value end).
    mutating func streamStartXMLElement(
        _ context: xmlParserCtxtPtr, localName: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?,
        uri: UnsafePointer<xmlChar>?, attributeCount: Int, defaultedCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        // libxml2 pushes the name after it reports the element.
        closeElementsPoppedWithoutEvent(context, openCount: Int(context.pointee.nameNr))
        guard !streaming.needsTree else { return }
        flushPendingText()
        streaming.sawElement = true
        guard let name = qualifiedName(context, localName: localName, prefix: prefix, uri: uri) else { return needTree(context) }
        let interned = internedNameEntry(name)
        let namespace = uri.map { xmlNameIndex($0) } ?? -1
        // Attributes defaulted from the DTD are left out of libxml2's tree (we never ask for
        // XML_COMPLETE_ATTRS); they come last.
        let kept = max(attributeCount - defaultedCount, 0)
        if let attributes {
            for index in 0..<kept {
                let base = index * 5
                guard let attributeName = qualifiedName(
                    context, localName: attributes[base], prefix: attributes[base + 1], uri: attributes[base + 2])
                else { return needTree(context) }
                let value = xmlAttributeValue(context, start: attributes[base + 3], end: attributes[base + 4])
                arena.appendAttribute(MarkupAttribute(name: internedName(attributeName), value: value))
            }
        }
        openStreamedElement(interned, namespace: namespace, attributeCount: kept, line: currentLine(context))
    }

    /// An end tag (HTML or XML). Both parsers pop the element's name after they report its end.
    mutating func streamEndElement(_ context: xmlParserCtxtPtr) {
        closeElementsPoppedWithoutEvent(context, openCount: Int(context.pointee.nameNr))
        guard !streaming.needsTree else { return }
        flushPendingText()
        guard frames.count > 1 else { return }
        closeStreamedElement()
    }

    /// A piece of text. libxml2 drops text outside every element and joins consecutive pieces.
    mutating func streamCharacters(_ context: xmlParserCtxtPtr, _ bytes: UnsafePointer<xmlChar>?, count: Int32) {
        closeElementsPoppedWithoutEvent(context, openCount: Int(context.pointee.nameNr))
        guard !streaming.needsTree, let bytes, count > 0 else { return }
        let piece = UnsafeBufferPointer(start: bytes, count: Int(count))
        appendRawText(piece)
        guard frames.count > 1, !frames[frames.count - 1].skipsContent else { return }
        guard arena.keepsTextStrings else { return pendHTMLText(context, piece) }
        if let first = streaming.pendingPiece {
            // A second piece: from here the pieces are joined as bytes, unless the first stopped at a NUL
            // (the joined text stops there as well).
            guard !streaming.pendingPieceStoppedAtNUL else { return }
            streaming.pendingPiece = nil
            streaming.pendingText.append(contentsOf: first.utf8)
            streaming.pendingText.append(contentsOf: piece)
        } else if streaming.pendingText.isEmpty {
            let text = Self.upToNUL(piece)
            let slot = Self.indentationSlot(text)
            // Indentation holds exactly one line feed (most first pieces are indentation): counted
            // without searching the piece again, unless a NUL cut the piece short.
            let lineFeeds = slot != nil && text.count == piece.count ? 1 : Self.lineFeeds(in: piece)
            streaming.pendingLine = textStartLine(context, lineFeedsInFirstPiece: lineFeeds)
            if let slot {
                streaming.pendingPiece = indentation(slot, text)
                streaming.pendingPieceStoppedAtNUL = text.count < piece.count
                return
            }
            let decoded = String(decoding: text, as: UTF8.self)
            // Kept as a string only if it holds the bytes exactly (valid UTF-8; ASCII always is), so that
            // joining it with a later piece as bytes gives what joining the raw pieces would.
            if ASCIIWords.isASCII(text) || Self.holds(decoded, exactly: text) {
                streaming.pendingPiece = decoded
                streaming.pendingPieceStoppedAtNUL = text.count < piece.count
            } else {
                streaming.pendingText.append(contentsOf: piece)
            }
        } else {
            streaming.pendingText.append(contentsOf: piece)
        }
    }

    /// A piece of text of a document that keeps its texts as bytes (HTML): written straight to the
    /// document's text bytes, where the pieces of one text node join.
    private mutating func pendHTMLText(_ context: xmlParserCtxtPtr, _ piece: UnsafeBufferPointer<UInt8>) {
        if streaming.pendingStart >= 0 {
            // A later piece: joined as bytes, unless an earlier one stopped at a NUL (the joined text
            // stops there as well).
            guard !streaming.pendingPieceStoppedAtNUL else { return }
            streaming.pendingIsIndentation = false
            streaming.pendingIsLineFeedIndentation = false
        } else {
            // Indentation holds exactly one line feed (most first pieces are indentation): counted
            // without searching the piece again. (Indentation holds no NUL.)
            let slot = Self.indentationSlot(piece)
            let isIndentation = slot != nil
            streaming.pendingLine = textStartLine(context, lineFeedsInFirstPiece: isIndentation ? 1 : Self.lineFeeds(in: piece))
            streaming.pendingIsIndentation = isIndentation
            // Slots from 128 on are those after a CR LF.
            streaming.pendingIsLineFeedIndentation = slot.map { $0 < 128 } ?? false
            streaming.pendingStart = arena.textByteCount
        }
        let text = Self.upToNUL(piece)
        arena.appendTextBytes(text)
        if text.count < piece.count { streaming.pendingPieceStoppedAtNUL = true }
    }

    /// A CDATA piece (HTML `<script>` and `<style>` content; XML's are text, as we ask for NOCDATA).
    /// libxml2 keeps it in a node of its own, never joined with text.
    mutating func streamCDATA(_ context: xmlParserCtxtPtr, _ bytes: UnsafePointer<xmlChar>?, count: Int32) {
        closeElementsPoppedWithoutEvent(context, openCount: Int(context.pointee.nameNr))
        guard !streaming.needsTree else { return }
        flushPendingText()
        if let bytes, count > 0 { appendRawText(UnsafeBufferPointer(start: bytes, count: Int(count))) }
        // Text under a CDATA node's parent only ever sits in script and style, which are never content:
        // nothing else to record.
    }

    /// A comment or processing instruction: a node of its own (which ends a run of text); its text counts
    /// towards a title's or style sheet's content, as the tree walk reads every child's content.
    mutating func streamOtherNode(_ context: xmlParserCtxtPtr, content: UnsafePointer<xmlChar>?) {
        closeElementsPoppedWithoutEvent(context, openCount: Int(context.pointee.nameNr))
        guard !streaming.needsTree else { return }
        flushPendingText()
        if let content {
            appendRawText(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
        }
    }

    /// Stops the streaming build: the caller parses again and copies libxml2's tree.
    mutating func needTree(_ context: xmlParserCtxtPtr) {
        guard !streaming.needsTree else { return }
        streaming.needsTree = true
        xmlStopParser(context)
    }

    /// The document once the parse is over.
    consuming func finishStreaming() -> MarkupDocument {
        flushPendingText()
        // A style or title still open at the end (the tree walk read it when it began).
        if let raw = streaming.rawText {
            streaming.rawText = nil
            finishRawText(raw)
        }
        return finish()
    }

    // MARK: Steps

    private mutating func openStreamedElement(
        _ interned: InternedName, namespace: Int32, attributeCount: Int, line: Int, hidingAttributes: HidingAttributeSet = .all,
        hidingKinds: HidingAttributeKinds = HidingAttributeKinds()
    ) {
        let nodeCount = arena.nodes.count
        openElement(
            interned, namespace: namespace, attributeCount: attributeCount, line: line, hidingAttributes: hidingAttributes,
            hidingKinds: hidingKinds)
        let node: Int32 = arena.nodes.count > nodeCount ? frames[frames.count - 1].index : -1
        if interned.role == .style || (interned.role == .title && title == nil) {
            streaming.rawText = RawTextElement(role: interned.role, frameCount: frames.count, node: node)
        }
    }

    private mutating func closeStreamedElement() {
        if let raw = streaming.rawText, raw.frameCount == frames.count {
            streaming.rawText = nil
            finishRawText(raw)
        }
        frames.removeLast()
    }

    /// What the tree walk does at a `<style>` or `<title>` start, now that its content is known. A style
    /// sheet's rules may hide the `<style>` element itself, so its hidden flag is worked out again.
    private mutating func finishRawText(_ raw: RawTextElement) {
        let text = String(decoding: raw.content, as: UTF8.self)
        switch raw.role {
        case .style:
            styleSheet.add(text)
            let element = Int(raw.node)
            guard kind == .html, element >= 0, arena.nodes[element].attributeCount > 0 else { return }
            var style = frames[frames.count - 2].style
            let hides = styleSheet.hides(
                name: arena.names[Int(arena.nodes[element].name)], attributes: arena.attributes[arena.nodes[element].attributeRange],
                inherited: &style)
            arena.nodes[element].isHidden = style.hidden || hides
        case .title:
            noteTitle(text)
        case .lineBreak, .other:
            break
        }
    }

    private mutating func appendRawText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard streaming.rawText != nil, streaming.rawText!.frameCount == frames.count else { return }
        streaming.rawText!.content.append(contentsOf: bytes)
    }

    private mutating func flushPendingText() {
        guard arena.keepsTextStrings else { return flushPendingHTMLText() }
        if let piece = streaming.pendingPiece {
            streaming.pendingPiece = nil
            let top = frames.count - 1
            appendText(piece, line: streaming.pendingLine, parent: frames[top].index, isHidden: frames[top].style.hidden)
            return
        }
        guard !streaming.pendingText.isEmpty else { return }
        let text = streaming.pendingText.withUnsafeBufferPointer { bytes in
            String(decoding: Self.upToNUL(bytes), as: UTF8.self)
        }
        streaming.pendingText.removeAll(keepingCapacity: true)
        let top = frames.count - 1
        appendText(text, line: streaming.pendingLine, parent: frames[top].index, isHidden: frames[top].style.hidden)
    }

    /// `flushPendingText` for a document that keeps its texts as bytes: the pending bytes become a text
    /// node as they are when they are valid UTF-8 (as nearly all are), else repaired as decoding them
    /// repairs them. Checked as a whole, so a character cut between two pieces is whole again.
    private mutating func flushPendingHTMLText() {
        let start = streaming.pendingStart
        guard start >= 0 else { return }
        streaming.pendingStart = -1
        streaming.pendingPieceStoppedAtNUL = false
        if !streaming.pendingIsIndentation, !arena.withTextBytes(from: start, { UTF8Validation.isValid($0) }) {
            var repaired = arena.withTextBytes(from: start) { String(decoding: $0, as: UTF8.self) }
            arena.removeTextBytes(from: start)
            repaired.withUTF8 { arena.appendTextBytes($0) }
        }
        let top = frames.count - 1
        appendWrittenText(
            from: start, line: streaming.pendingLine, parent: frames[top].index, isHidden: frames[top].style.hidden,
            isIndentation: streaming.pendingIsLineFeedIndentation)
    }

    /// Closes the elements libxml2 ended without an end event ("Couldn't find end of Start Tag" pops the
    /// element silently), so that what follows lands where libxml2's tree would put it.
    private mutating func closeElementsPoppedWithoutEvent(_ context: xmlParserCtxtPtr, openCount: Int) {
        guard frames.count - 1 != openCount, !streaming.needsTree else { return }
        guard frames.count - 1 > openCount else {
            // libxml2 holds names we never saw open: nothing here mirrors that.
            return needTree(context)
        }
        flushPendingText()
        while frames.count - 1 > openCount { closeStreamedElement() }
    }

    /// The name libxml2's tree gives an HTML element: it splits a prefixed name (Word's `o:p`) as
    /// `xmlSplitQName` does and keeps what follows the first colon. nil where that would do more than
    /// split (bind `xml:` to the XML namespace, or report a name that is not namespace-compliant).
    static func htmlLocalName(_ name: UnsafePointer<xmlChar>?) -> UnsafePointer<xmlChar>? {
        guard let name else { return nil }
        guard name[0] != 0x3A, let found = strchr(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), 0x3A) else {
            return name
        }
        let colon = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self)
        let afterColon = colon[1]
        if afterColon == 0 { return name }
        let prefixLength = colon - name
        if prefixLength == 3 && name[0] == 0x78 && name[1] == 0x6D && name[2] == 0x6C { return nil }  // "xml"
        let startsName = (afterColon | 0x20) &- 0x61 < 26 || afterColon == 0x5F || afterColon == 0x3A
        return startsName ? colon + 1 : nil
    }

    /// Where indentation text is kept in `indentations`: a line feed (or CR LF) followed by up to 63
    /// spaces, or by up to 63 tabs. nil for any other text.
    static func indentationSlot(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0
        var slot = 0
        if text.count >= 2 && text[0] == 0x0D && text[1] == 0x0A {
            start = 2
            slot = 128
        } else if text.first == 0x0A {
            start = 1
        } else {
            return nil
        }
        let run = text.count - start
        guard run < 64 else { return nil }
        if run > 0 {
            let fill = text[start]
            guard fill == 0x20 || fill == 0x09 else { return nil }
            for index in start..<text.count where text[index] != fill { return nil }
            if fill == 0x09 { slot += 64 }
        }
        return slot + run
    }

    /// The indentation text in `slot`, made into a string unless it was recently.
    private mutating func indentation(_ slot: Int, _ text: UnsafeBufferPointer<UInt8>) -> String {
        if streaming.indentations.isEmpty { streaming.indentations = Array(repeating: (-1, ""), count: 16) }
        let entry = slot & 15
        if streaming.indentations[entry].slot == slot { return streaming.indentations[entry].text }
        let made = String(decoding: text, as: UTF8.self)
        streaming.indentations[entry] = (slot, made)
        return made
    }

    /// Whether the string's UTF-8 is exactly these bytes (it is unless decoding repaired them).
    /// (`String(validating:as:)` would answer both at once, but it is not specialised: it cost five
    /// times the decode.)
    private static func holds(_ string: String, exactly bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var string = string
        return string.withUTF8 { utf8 in
            utf8.count == bytes.count && (bytes.isEmpty || memcmp(utf8.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
    }

    /// The bytes before the first NUL, as `String(cString:)` read libxml2's nodes.
    static func upToNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) else { return bytes }
        return UnsafeBufferPointer(start: base, count: UnsafeRawPointer(nul) - UnsafeRawPointer(base))
    }

    /// The line libxml2 gives an element: where the parser stands when it reports the start tag.
    private func currentLine(_ context: xmlParserCtxtPtr) -> Int {
        guard context.pointee.linenumbers != 0, let input = context.pointee.input else { return 0 }
        return Int(input.pointee.line)
    }

    /// The line a text starts on: the parser stands at the end of the first piece (see
    /// `readiness_charactersWithStartLine`, which re-stamps libxml2's own text nodes the same way).
    private func textStartLine(_ context: xmlParserCtxtPtr, lineFeedsInFirstPiece lineFeeds: Int) -> Int {
        guard let input = context.pointee.input else { return 0 }
        return max(Int(input.pointee.line) - lineFeeds, 1)
    }

    /// The line feeds in `bytes`, found with `memchr`.
    static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var cursor = bytes.baseAddress else { return 0 }
        let end = cursor + bytes.count
        var count = 0
        while cursor < end, let feed = memchr(cursor, 0x0A, end - cursor) {
            count += 1
            cursor = UnsafePointer(feed.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }

    /// The name libxml2's tree gives an element or attribute: its local name, or "prefix:local" when the
    /// prefix is bound to no namespace. nil if libxml2 could not make the latter.
    private func qualifiedName(
        _ context: xmlParserCtxtPtr, localName: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?
    ) -> UnsafePointer<xmlChar>? {
        guard let localName else { return nil }
        guard let prefix, uri == nil else { return localName }
        return xmlDictQLookup(context.pointee.dict, prefix, localName)
    }

    /// An XML attribute's value as the tree walk read it from libxml2's attribute node. libxml2 hands a
    /// value that holds entity references as its own NUL-terminated copy, which the tree turns into text
    /// and reference nodes; the same libxml2 calls give the same string here.
    private func xmlAttributeValue(_ context: xmlParserCtxtPtr, start: UnsafePointer<xmlChar>?, end: UnsafePointer<xmlChar>?) -> String {
        guard let start, let end else { return "" }
        let count = end - start
        if end.pointee != 0 {
            return String(decoding: Self.upToNUL(UnsafeBufferPointer(start: start, count: count)), as: UTF8.self)
        }
        let document = UnsafePointer(context.pointee.myDoc)
        guard let list = xmlStringLenGetNodeList(document, start, Int32(clamping: count)) else { return "" }
        defer { xmlFreeNodeList(list) }
        if list.pointee.next == nil, list.pointee.type == XML_TEXT_NODE, let content = list.pointee.content {
            return String(cString: content)
        }
        guard let joined = xmlNodeListGetString(context.pointee.myDoc, UnsafePointer(list), 1) else { return "" }
        defer { readiness_xmlFree(joined) }
        return String(cString: joined)
    }
}
