import CLibXML2

/// Copies a libxml2 tree into a `MarkupDocument` without recursion, resolving what we allow of entities
/// and working out which text styling hides.
struct DocumentBuilder {
    let kind: MarkupDocument.Kind
    let maximumDepth: Int
    let maximumTextBytes: Int

    var arena: MarkupArena
    var containsHiddenText = false
    var wasFlattened = false
    var title: String?
    var diagnostics: [String] = []
    /// XML names and namespace URIs by libxml2's pointer, as indexes into `arena.names`.
    private var names = InternTable<PointerKey, Int32>()
    private var htmlNames = InternTable<ShortASCIIName, InternedName>()
    var styleSheet = HidingStyleSheet()
    private var textBytes = 0
    var textWasTruncated = false
    private var unexpandedEntities: Set<String> = []
    /// Each entity's text, worked out at its first reference: a document may reference one large entity
    /// a million times ("quadratic blow-up"), and each reference must cost a look-up, not a copy and scan.
    private var entityTexts: [String: String?] = [:]

    /// `lineShift` is added to every known line (see `MarkupArena.lineShift`); `sourceBytes`, the size of
    /// the markup, sizes the arena's tables.
    init(kind: MarkupDocument.Kind, maximumDepth: Int, maximumTextBytes: Int, lineShift: Int32 = 0, sourceBytes: Int = 0) {
        self.kind = kind
        self.maximumDepth = maximumDepth
        self.maximumTextBytes = maximumTextBytes
        self.arena = MarkupArena(lineShift: lineShift, sourceBytes: sourceBytes, keepsTextStrings: kind == .xml)
    }

    struct Frame {
        var index: Int32
        var style: IndexedStyle
        var depth: Int
        var skipsContent: Bool
    }

    /// The open elements, the document's own frame first.
    var frames: [Frame] = [Frame(index: 0, style: IndexedStyle(), depth: 0, skipsContent: false)]
    /// What building from SAX events keeps between events (`DocumentBuilder+Streaming`).
    var streaming = StreamingState()

    /// Elements whose content is never résumé text. Asked once per distinct name (`InternedName` keeps
    /// the answer), not once per element.
    private static func isContentlessHTML(_ name: String) -> Bool {
        switch name {
        case "script", "style", "noscript", "template", "head", "title", "object", "svg", "iframe": true
        default: false
        }
    }

    /// Copies a libxml2 tree: the path for documents the streaming build (`DocumentBuilder+Streaming`)
    /// hands back, with the same steps in the same order.
    consuming func build(from doc: xmlDocPtr) -> MarkupDocument {
        var cursor: xmlNodePtr? = doc.pointee.children
        while let node = cursor {
            let top = frames.count - 1
            let parent = frames[top].index
            let skipsContent = frames[top].skipsContent
            let hidden = frames[top].style.hidden
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let interned = internedNameEntry(node.pointee.name)
                if interned.role == .style {
                    styleSheet.add(cssText(of: node))
                }
                if interned.role == .title && title == nil {
                    noteTitle(cssText(of: node))
                }
                // The attributes go straight into the document's table; a flattened element's are taken
                // out again by `openElement`.
                let attributeCount = readAttributes(node)
                openElement(interned, namespace: namespaceOf(node), attributeCount: attributeCount, line: readiness_lineOf(node))
                descend = true
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if !skipsContent, let content = node.pointee.content {
                    appendText(String(cString: content), line: readiness_lineOf(node), parent: parent, isHidden: hidden)
                }
            case XML_ENTITY_REF_NODE:
                if !skipsContent, !textWasTruncated, let text = resolveEntity(node, in: doc) {
                    appendText(text, line: readiness_lineOf(node), parent: parent, isHidden: hidden)
                }
            default:
                break
            }
            // Entity references are resolved above, never walked: their children are the entity's
            // shared expansion, which is where "billion laughs" lives.
            if descend, node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children {
                cursor = child
                continue
            }
            if descend { frames.removeLast() }
            cursor = nextSibling(of: node)
        }
        return finish()
    }

    /// Opens an element whose attributes are the last `attributeCount` of the document's attribute table:
    /// works out whether styling hides it, and flattens it into its parent past the depth limit.
    /// `hidingAttributes` says which attributes the style sheet reads are among them (all, when unknown),
    /// `hidingKinds` what each of them is (none, when unknown). (Inlined into its callers: once the
    /// nodes gained a field the optimiser called it, ~1 M instructions more over 200 HTML files.)
    @inline(__always)
    mutating func openElement(
        _ interned: InternedName, namespace: Int32, attributeCount: Int, line: Int,
        hidingAttributes: HidingAttributeSet = .all, hidingKinds: HidingAttributeKinds = HidingAttributeKinds()
    ) {
        // The open element's fields, read in place (a frame holds no reference: see `IndexedStyle`).
        let top = frames.count - 1
        let parent = frames[top].index
        let depth = frames[top].depth
        var style = frames[top].style
        if kind == .html && attributeCount > 0 && styleSheet.mayHide(given: hidingAttributes) {
            let hides = styleSheet.hides(
                name: arena.names[Int(interned.index)], attributes: arena.attributes[(arena.attributes.count - attributeCount)...],
                kinds: hidingKinds, inherited: &style)
            style.hidden = style.hidden || hides
        }
        let skips = frames[top].skipsContent || interned.isContentlessHTML
        if depth >= maximumDepth {
            wasFlattened = true
            arena.attributes.removeLast(attributeCount)
            frames.append(Frame(index: parent, style: style, depth: depth + 1, skipsContent: skips))
        } else {
            let index = arena.appendElement(
                name: interned.index, namespace: namespace, attributeCount: attributeCount,
                line: line, parent: parent, isHidden: style.hidden)
            let isHidden = style.hidden
            frames.append(Frame(index: index, style: style, depth: depth + 1, skipsContent: skips))
            if interned.role == .lineBreak { appendText("\n", line: Int(Int32(clamping: line)), parent: index, isHidden: isHidden) }
        }
    }

    /// The first `<title>` with text gives the document's title.
    mutating func noteTitle(_ text: String) {
        guard title == nil else { return }
        let collapsed = collapseWhitespace(text)
        if !collapsed.isEmpty { title = collapsed }
    }

    /// The document, with what the build noticed on the way.
    consuming func finish() -> MarkupDocument {
        if textWasTruncated {
            diagnostics.append("text past \(maximumTextBytes) bytes was ignored (raise it with --max-text)")
        }
        if !unexpandedEntities.isEmpty {
            let list = unexpandedEntities.sorted().map { "&\($0);" }.joined(separator: ", ")
            diagnostics.append("entities not expanded (external or unknown): \(list)")
        }
        var document = MarkupDocument(kind: kind, tree: MarkupTree(arena))
        document.diagnostics = diagnostics
        document.containsHiddenText = containsHiddenText
        document.wasFlattened = wasFlattened
        document.title = title
        return document
    }

    /// Moves to the next node in document order, closing the frames of the elements it leaves.
    private mutating func nextSibling(of node: xmlNodePtr) -> xmlNodePtr? {
        var current = node
        while true {
            if let next = current.pointee.next { return next }
            guard let parent = current.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
            frames.removeLast()
            current = parent
        }
    }

    /// Appends a text node under `parent`, hidden when its element is.
    mutating func appendText(_ text: consuming String, line: Int, parent: Int32, isHidden: Bool) {
        guard !textWasTruncated else { return }
        textBytes += text.utf8.count
        if textBytes > maximumTextBytes {
            textWasTruncated = true
            return
        }
        if isHidden && !text.allSatisfy({ $0.isWhitespace }) {
            containsHiddenText = true
        }
        arena.appendText(text, line: line, parent: parent, isHidden: isHidden)
    }

    /// `appendText` for a text of a document that keeps its texts as bytes, whose UTF-8 the caller has
    /// written to the end of `arena.textBytes` (from `start`, valid UTF-8): the same checks on the bytes,
    /// and the bytes taken back out when the text is over the limit.
    mutating func appendWrittenText(from start: Int, line: Int, parent: Int32, isHidden: Bool, isIndentation: Bool = false) {
        let count = arena.textByteCount - start
        guard !textWasTruncated else {
            arena.removeTextBytes(from: start)
            return
        }
        textBytes += count
        if textBytes > maximumTextBytes {
            textWasTruncated = true
            arena.removeTextBytes(from: start)
            return
        }
        if isHidden && !containsHiddenText && !arena.withTextBytes(from: start, { Self.isAllWhitespace($0) }) {
            containsHiddenText = true
        }
        arena.finishWrittenText(line: line, parent: parent, isHidden: isHidden, isIndentation: isIndentation)
    }

    /// `text.allSatisfy { $0.isWhitespace }` for the text whose (valid) UTF-8 is `text`: by byte for
    /// ASCII (where only a CR LF joins two bytes into one `Character`, itself whitespace), through a
    /// string otherwise.
    static func isAllWhitespace(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var ascii = true
        for byte in text {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) { return false }
        }
        return ascii || String(decoding: text, as: UTF8.self).allSatisfy { $0.isWhitespace }
    }

    mutating func internedName(_ pointer: UnsafePointer<xmlChar>?) -> String {
        arena.names[Int(internedNameEntry(pointer).index)]
    }

    /// An element or attribute name, stored once in the document's name table (lower-case in HTML),
    /// with what the walk needs to know about it worked out once per distinct name rather than once
    /// per element.
    struct InternedName {
        /// Where the name is in `arena.names`.
        var index: Int32
        var isContentlessHTML: Bool
        var role: HTMLRole
        /// What the style sheet reads this name as, when it names an attribute (HTML only).
        var hidingAttribute: HidingStyleSheet.HidingAttribute = .other
    }

    /// The HTML elements the walk treats specially.
    enum HTMLRole: Equatable {
        case style, title, lineBreak, other
    }

    /// Stores an HTML name and works out what the walk needs to know about it.
    private mutating func htmlEntry(_ name: String) -> InternedName {
        let traits = HTMLNameTraits(name)
        return InternedName(
            index: arena.addName(name), isContentlessHTML: traits.isContentlessHTML, role: traits.role,
            hidingAttribute: traits.hidingAttribute)
    }

    /// `htmlEntry(key.string)`, with the traits matched on the packed key: the string comparisons of the
    /// three switches cost some 900 instructions per name, for each distinct name of every document.
    private mutating func htmlEntry(_ key: ShortASCIIName) -> InternedName {
        let traits = HTMLNameTraits.ofLowercasedASCII(key)
        return InternedName(
            index: arena.addName(key.string), isContentlessHTML: traits.isContentlessHTML, role: traits.role,
            hidingAttribute: traits.hidingAttribute)
    }

    /// What the walk needs to know about an HTML element or attribute name.
    struct HTMLNameTraits: Equatable {
        var isContentlessHTML = false
        var role = HTMLRole.other
        var hidingAttribute = HidingStyleSheet.HidingAttribute.other

        /// The traits of any name (lower-cased, as stored).
        init(_ name: String) {
            role = switch name {
            case "style": .style
            case "title": .title
            case "br": .lineBreak
            default: .other
            }
            isContentlessHTML = DocumentBuilder.isContentlessHTML(name)
            hidingAttribute = HidingStyleSheet.hidingAttribute(name)
        }

        private init() {}

        /// Every name with a trait other than the default, by its key. A name a key stands for is ASCII
        /// and lower-case, so its traits are exactly those of the switches above: one of these names', or
        /// none (a lower-case ASCII name the switches do not list has none).
        private static let special: [(key: ShortASCIIName, traits: HTMLNameTraits)] = [
            "style", "title", "br", "script", "noscript", "template", "head", "object", "svg", "iframe",
            "class", "id", "hidden", "type",
        ].map { name in (ShortASCIIName(lowercasedASCII: name), HTMLNameTraits(name)) }

        /// `HTMLNameTraits(key.string)`.
        static func ofLowercasedASCII(_ key: ShortASCIIName) -> HTMLNameTraits {
            for entry in special where entry.key == key { return entry.traits }
            return HTMLNameTraits()
        }
    }

    mutating func internedNameEntry(_ pointer: UnsafePointer<xmlChar>?) -> InternedName {
        guard let pointer else {
            return kind == .html ? htmlEntry("") : InternedName(index: arena.addName(""), isContentlessHTML: false, role: .other)
        }
        if kind == .html {
            // libxml2's HTML parser copies every element and attribute name (its XML parser shares them
            // through a dictionary), so pointers never repeat: short ASCII names are looked up by their
            // lower-cased bytes instead.
            guard let key = ShortASCIIName(pointer) else {
                return htmlEntry(String(cString: pointer).lowercased())
            }
            if let known = htmlNames[key] { return known }
            let entry = htmlEntry(key)
            htmlNames[key] = entry
            return entry
        }
        return InternedName(index: xmlNameIndex(pointer), isContentlessHTML: false, role: .other)
    }

    /// The index in `arena.names` of an XML name or namespace URI (interned by libxml2's pointer).
    mutating func xmlNameIndex(_ pointer: UnsafePointer<xmlChar>) -> Int32 {
        let key = PointerKey(pointer)
        if let known = names[key] { return known }
        let index = arena.addName(String(cString: pointer))
        names[key] = index
        return index
    }

    private mutating func namespaceOf(_ node: xmlNodePtr) -> Int32 {
        guard let ns = node.pointee.ns, let href = ns.pointee.href else { return -1 }
        return xmlNameIndex(href)
    }

    /// Appends the element's attributes to `arena.attributes` and returns how many there are.
    private mutating func readAttributes(_ node: xmlNodePtr) -> Int {
        var count = 0
        var attribute = node.pointee.properties
        while let current = attribute {
            count += 1
            let name = internedName(current.pointee.name)
            var value = ""
            if let child = current.pointee.children {
                if child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
                    value = String(cString: content)
                } else if let joined = xmlNodeListGetString(node.pointee.doc, child, 1) {
                    value = String(cString: joined)
                    readiness_xmlFree(joined)
                }
            }
            arena.appendAttribute(MarkupAttribute(name: name, value: value))
            attribute = current.pointee.next
        }
        return count
    }

    private func cssText(of node: xmlNodePtr) -> String {
        var text = ""
        var child = node.pointee.children
        while let current = child {
            if let content = current.pointee.content { text += String(cString: content) }
            child = current.pointee.next
        }
        return text
    }

    /// The text of an entity reference that libxml2 left unexpanded (we never ask it to substitute).
    /// HTML's named entities, which résumé DTDs define externally, come from libxml2's own table;
    /// small internal entities from the document's DTD are used as written; anything external is not.
    private mutating func resolveEntity(_ node: xmlNodePtr, in doc: xmlDocPtr) -> String? {
        guard let namePointer = node.pointee.name else { return nil }
        let key = String(cString: namePointer)
        if let known = entityTexts[key] { return known }
        let text = entityText(named: namePointer, in: doc)
        entityTexts[key] = text
        return text
    }

    private mutating func entityText(named namePointer: UnsafePointer<xmlChar>, in doc: xmlDocPtr) -> String? {
        if let entity = xmlGetDocEntity(doc, namePointer) {
            if entity.pointee.etype == XML_INTERNAL_PREDEFINED_ENTITY || entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY,
               let content = entity.pointee.content, entity.pointee.length < 4096 {
                let text = String(cString: content)
                if !text.contains("&") && !text.contains("<") { return text }
            }
        }
        if let known = htmlEntityLookup(namePointer), let scalar = Unicode.Scalar(known.pointee.value) {
            return String(Character(scalar))
        }
        unexpandedEntities.insert(String(cString: namePointer))
        return nil
    }
}

/// A key with a hash that costs a multiplication or two.
protocol InternKey: Equatable {
    var cheapHash: UInt64 { get }
}

/// The strings a document repeats (element and attribute names, namespaces) by key, in a small
/// open-addressing table: a `Dictionary`'s SipHash cost more than the rest of copying a name. It holds
/// at most 192 keys; past that, lookups miss and callers make the string again, which bounds a hostile
/// document's names without slowing real ones.
struct InternTable<Key: InternKey, Value> {
    private static var capacity: Int { 256 }
    private var slots: [(key: Key, value: Value)?] = []
    private var count = 0

    subscript(key: Key) -> Value? {
        get {
            guard !slots.isEmpty else { return nil }
            var index = Self.slot(of: key)
            while let slot = slots[index] {
                if slot.key == key { return slot.value }
                index = (index + 1) & (Self.capacity - 1)
            }
            return nil
        }
        set {
            guard let newValue, count < Self.capacity * 3 / 4 else { return }
            if slots.isEmpty { slots = Array(repeating: nil, count: Self.capacity) }
            var index = Self.slot(of: key)
            while let slot = slots[index] {
                if slot.key == key {
                    slots[index] = (key, newValue)
                    return
                }
                index = (index + 1) & (Self.capacity - 1)
            }
            slots[index] = (key, newValue)
            count += 1
        }
    }

    private static func slot(of key: Key) -> Int {
        Int(truncatingIfNeeded: (key.cheapHash &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }
}

/// libxml2's address of an interned string: the XML parser's names come from one dictionary.
struct PointerKey: InternKey {
    let address: UInt

    init(_ pointer: UnsafePointer<UInt8>) {
        address = UInt(bitPattern: pointer)
    }

    var cheapHash: UInt64 { UInt64(address) ^ UInt64(address) >> 29 }
}

/// An HTML element or attribute name of at most 16 ASCII bytes, lower-cased, packed into two words: a
/// cheap key for the names a document repeats hundreds of times.
struct ShortASCIIName: InternKey {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var count: Int = 0

    /// nil when the name is longer than 16 bytes or not ASCII.
    init?(_ pointer: UnsafePointer<UInt8>) {
        var index = 0
        while true {
            let byte = pointer[index]
            if byte == 0 { break }
            guard index < 16, byte < 0x80 else { return nil }
            let lowered = UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)
            if index < 8 { low |= lowered << (8 * UInt64(index)) } else { high |= lowered << (8 * UInt64(index - 8)) }
            index += 1
        }
        count = index
    }

    /// The key of a name already lower-case ASCII of at most 16 bytes (a name `HTMLNameTraits` lists).
    init(lowercasedASCII name: String) {
        precondition(name.utf8.count <= 16 && name.utf8.allSatisfy { $0 < 0x80 && $0 &- 0x41 >= 26 }, "a short lower-case name")
        for (index, byte) in name.utf8.enumerated() {
            if index < 8 { low |= UInt64(byte) << (8 * UInt64(index)) } else { high |= UInt64(byte) << (8 * UInt64(index - 8)) }
        }
        count = name.utf8.count
    }

    var cheapHash: UInt64 { low ^ (high &* 0xFF51_AFD7_ED55_8CCD) ^ UInt64(count) }

    /// The lower-cased name (what `String(cString:).lowercased()` gives for ASCII).
    var string: String {
        String(unsafeUninitializedCapacity: count) { buffer in
            for index in 0..<count {
                let word = index < 8 ? low : high
                buffer[index] = UInt8(truncatingIfNeeded: word >> (8 * UInt64(index % 8)))
            }
            return count
        }
    }
}
