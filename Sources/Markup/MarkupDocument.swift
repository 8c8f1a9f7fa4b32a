/// A parsed document copied out of libxml2 into plain values, so it can cross threads and outlive the
/// parse. Nodes live in one array (an arena) and point at each other by index, which keeps a 200,000-deep
/// document walkable without recursion. A node holds only integers: its name, text and attributes are
/// indexes into tables the whole document shares (`MarkupTree`), so building a document costs a few
/// growing arrays rather than several references per node, and freeing it releases no node at all.
public struct MarkupDocument: Sendable {
    public enum Kind: String, Sendable {
        case html
        case xml
    }

    public let kind: Kind
    /// Recoverable problems libxml2 reported ("Opening and ending tag mismatch …"), with their lines.
    public internal(set) var diagnostics: [String]
    /// True when some text is hidden from a reader by styling (display:none, zero font, white on white …).
    public internal(set) var containsHiddenText: Bool
    /// True when elements nested deeper than the parser's depth limit were flattened into their ancestor.
    public internal(set) var wasFlattened: Bool
    /// The HTML `<title>` text (whitespace collapsed), which the element tree leaves out as non-content.
    public internal(set) var title: String?

    /// The nodes and the tables they index, shared (one reference) with every element handed out.
    let tree: MarkupTree

    init(kind: Kind, tree: MarkupTree) {
        self.kind = kind
        self.diagnostics = []
        self.containsHiddenText = false
        self.wasFlattened = false
        self.title = nil
        self.tree = tree
    }

    /// The document element (`<html>`, `<SkillsPassport>` …), if there is one.
    public var root: MarkupElement? {
        MarkupElement(tree: tree, kind: kind, index: 0).children.first
    }

    /// Whether any element, hidden or not, has the attribute `name` (exactly as stored: lower-case for
    /// HTML) with a value `value` accepts. One pass over the document's attribute table, no tree walk:
    /// readers that look for one attribute across the whole tree ask this first and skip the walk when
    /// it cannot succeed.
    public func containsAttribute(named name: String, where value: (String) -> Bool = { _ in true }) -> Bool {
        // Every stored attribute name is an entry of the names table, which holds each distinct name about
        // once: a name missing from it is on no attribute (`itemscope`, `typeof` in most documents), found
        // out without reading the attribute table. (Only while the table is the shorter of the two.)
        if tree.names.count < tree.attributes.count && !tree.names.contains(name) { return false }
        // By index through a buffer: iterating the attributes copied (retained) both strings of each.
        return tree.attributes.withUnsafeBufferPointer { attributes in
            for offset in attributes.indices where attributes[offset].name == name {
                if value(attributes[offset].value) { return true }
            }
            return false
        }
    }

    /// `containsAttribute(named: first, where: value) || containsAttribute(named: second, where: value)`,
    /// in one pass over the attribute table (for a `value` that depends on the value alone).
    public func containsAttribute(named first: String, or second: String, where value: (String) -> Bool) -> Bool {
        let scansAll = tree.names.count >= tree.attributes.count
        let mayHoldFirst = scansAll || tree.names.contains(first)
        let mayHoldSecond = scansAll || tree.names.contains(second)
        if !mayHoldFirst && !mayHoldSecond { return false }
        if !mayHoldSecond { return containsAttribute(named: first, where: value) }
        if !mayHoldFirst { return containsAttribute(named: second, where: value) }
        return tree.attributes.withUnsafeBufferPointer { attributes in
            for offset in attributes.indices where attributes[offset].name == first || attributes[offset].name == second {
                if value(attributes[offset].value) { return true }
            }
            return false
        }
    }

    /// Every element in document order.
    public var elements: [MarkupElement] {
        MarkupElement(tree: tree, kind: kind, index: 0).descendants
    }

    /// The node room a document starts with once its first node past the root is added.
    static var initialNodeCapacity: Int { MarkupArena.initialNodeCapacity }
}

public struct MarkupAttribute: Sendable, Equatable {
    public let name: String
    public let value: String
}

/// One node of the arena: plain integers, so copying, moving and freeing nodes touches no reference count.
@usableFromInline struct MarkupNode: Sendable {
    @usableFromInline enum Kind: UInt8, Sendable {
        case document
        case element
        case text
    }

    @usableFromInline var kind: Kind
    @usableFromInline var isHidden: Bool
    /// A text node known to be indentation: a line feed and then only spaces or only tabs (HTML, when
    /// libxml2 gave it in one piece). False says nothing. (Sits in padding: nodes stay 44 bytes.)
    @usableFromInline var isIndentation: Bool = false
    @usableFromInline var line: Int32
    var parent: Int32
    @usableFromInline var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    @usableFromInline var nextSibling: Int32 = -1
    /// Index of the local name (lower-case for HTML) in `MarkupTree.names`.
    @usableFromInline var name: Int32
    /// Index of the namespace URI in `MarkupTree.names`; -1 for none.
    var namespace: Int32
    /// A text node's index among the texts (`MarkupTree.textBounds`, `texts`); -1 for other nodes.
    @usableFromInline var text: Int32
    /// An element's attributes: `attributeCount` entries of `MarkupTree.attributes` from `firstAttribute`.
    @usableFromInline var firstAttribute: Int32
    @usableFromInline var attributeCount: Int32

    @inlinable var attributeRange: Range<Int> { Int(firstAttribute)..<Int(firstAttribute) + Int(attributeCount) }
}

/// A finished document's nodes and the tables they index. Immutable once built, so documents and the
/// elements handed out share one instance (one reference to retain, whatever the tables hold).
@usableFromInline final class MarkupTree: Sendable {
    @usableFromInline let nodes: [MarkupNode]
    /// Element names and namespace URIs, each stored once per document (or per node past the builder's
    /// intern table); nodes hold indexes. Index 0 is "#document", 1 is "#text".
    @usableFromInline let names: [String]
    /// HTML: the UTF-8 of every text node, in document order, one after another: valid UTF-8 (what
    /// decoding libxml2's bytes gives, repairs included), so any text's bytes make its string as they
    /// are. HTML's line walk reads these in place, and the few strings other readers ask of an HTML
    /// document are made when asked. Empty for XML (see `texts`).
    @usableFromInline let textBytes: [UInt8]
    /// HTML: text `t` is `textBytes[textBounds[t] ..< textBounds[t + 1]]`. (Empty for XML, and for a
    /// document without text.)
    @usableFromInline let textBounds: [Int]
    /// XML: the texts as strings, made once at the parse (empty for HTML). XML readers read a value
    /// element's text as a string, some more than once, and the collapse of a collapsed text gives that
    /// string back without a copy; writing the bytes as well cost the XML build more than it saved.
    @usableFromInline let texts: [String]
    /// Every element's attributes, element after element, in document order.
    @usableFromInline let attributes: [MarkupAttribute]

    init(_ arena: consuming MarkupArena) {
        arena.trimTextBytes()
        nodes = arena.nodes
        names = arena.names
        textBytes = arena.textBytes
        textBounds = arena.textBounds
        texts = arena.texts
        attributes = arena.attributes
    }

    /// Whether `texts` holds the texts as strings (XML documents).
    @inlinable var keepsTextStrings: Bool { !texts.isEmpty }

    /// The text of node `index`; "" for elements and the document.
    @inlinable @inline(__always) func text(ofNode index: Int) -> String {
        let text = nodes[index].text
        return text >= 0 ? string(ofText: Int(text)) : ""
    }

    /// Text `text` as a string: the stored one (XML), else made from its bytes.
    @inlinable func string(ofText text: Int) -> String {
        if keepsTextStrings { return texts[text] }
        let range = textBounds[text]..<textBounds[text + 1]
        if range.isEmpty { return "" }
        return textBytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 of every text, one after another, and where each text starts in it
    /// (as `textBounds`): `textBytes` and `textBounds`, or for a document that keeps strings, their
    /// bytes joined for the call.
    func withTextBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>, [Int]) throws -> Result) rethrows -> Result {
        guard keepsTextStrings else { return try textBytes.withUnsafeBufferPointer { try body($0, textBounds) } }
        var joined: [UInt8] = []
        var bounds = [0]
        bounds.reserveCapacity(texts.count + 1)
        for text in texts {
            joined.append(contentsOf: text.utf8)
            bounds.append(joined.count)
        }
        return try joined.withUnsafeBufferPointer { try body($0, bounds) }
    }

    @inlinable @inline(__always) func name(ofNode index: Int) -> String {
        names[Int(nodes[index].name)]
    }
}

/// The tables of a document while it is built: `DocumentBuilder` appends to them and hands them to a
/// `MarkupTree` at the end.
struct MarkupArena {
    static var documentName: Int32 { 0 }
    static var textName: Int32 { 1 }

    var nodes: [MarkupNode]
    var names: [String] = ["#document", "#text"]
    /// The texts' UTF-8 (see `MarkupTree`), written in place: `textBytes[..<textByteCount]` holds them,
    /// and past that is room (zeros, or bytes taken back), cut off when the tree is made. A piece then
    /// costs a check and a `memmove`, where `Array.append(contentsOf:)` cost some 110 instructions.
    private(set) var textBytes: [UInt8] = []
    private(set) var textByteCount = 0
    /// Where each text starts in `textBytes` (see `MarkupTree`); empty until the first text, so that a
    /// document that keeps strings (XML) makes no array for it.
    private(set) var textBounds: [Int] = []
    /// The texts as strings, kept for XML documents only (see `MarkupTree.texts`).
    var texts: [String] = []
    var attributes: [MarkupAttribute] = []
    /// Added to every known (non-zero) line: a fragment's lines point into the file that holds it.
    let lineShift: Int32
    /// The room each table gets at its first entry (see `init`).
    private let nodeRoom: Int
    private let textRoom: Int
    private let attributeRoom: Int
    private let textByteRoom: Int

    /// Whether texts are kept as strings too (`MarkupTree.texts`).
    let keepsTextStrings: Bool

    /// `sourceBytes` is the size of the markup, when known: the tables' first room is sized from it, so
    /// that a typical document fills them without growing. With a fixed 256 nodes and 128 texts, most
    /// résumés (about 25 bytes of markup a node, 40 a text) outgrew both once, and each growth copied
    /// the whole table to a new block.
    init(lineShift: Int32 = 0, sourceBytes: Int = 0, keepsTextStrings: Bool = false) {
        self.lineShift = lineShift
        self.keepsTextStrings = keepsTextStrings
        nodeRoom = Self.room(forBytes: sourceBytes, bytesPerEntry: 16, minimum: Self.initialNodeCapacity)
        textRoom = Self.room(forBytes: sourceBytes, bytesPerEntry: 24, minimum: Self.initialTextCapacity)
        attributeRoom = Self.room(forBytes: sourceBytes, bytesPerEntry: 48, minimum: Self.initialTextCapacity)
        // As many bytes as the markup, at least 1 KiB: text is a third to most of a résumé's bytes, and
        // the room costs no more than its malloc (see `growTextBytes`). (Not capped as the tables are:
        // the buffer is one block however large.)
        textByteRoom = max(sourceBytes, 1024)
        nodes = [MarkupNode(
            kind: .document, isHidden: false, line: 0, parent: -1, name: Self.documentName, namespace: -1, text: -1,
            firstAttribute: 0, attributeCount: 0)]
    }

    /// The node room a document starts with once its first node past the root is added (at least).
    static var initialNodeCapacity: Int { 256 }

    /// Room for `bytes / bytesPerEntry` entries (about one and a half times what an average résumé
    /// needs), at least `minimum` and at most eight times it: past that a document is large enough for
    /// the usual doubling, and a larger first block would leave malloc's heap for a fresh mapping.
    static func room(forBytes bytes: Int, bytesPerEntry: Int, minimum: Int) -> Int {
        min(max(bytes / bytesPerEntry, minimum), minimum * 8)
    }

    /// Stores a name (or namespace URI) and returns its index.
    mutating func addName(_ name: consuming String) -> Int32 {
        if names.capacity == names.count && names.count < 32 {
            // A document uses a few dozen distinct names: room for them at once rather than growing
            // from the two the table starts with.
            names.reserveCapacity(32)
        }
        names.append(name)
        return Int32(names.count - 1)
    }

    /// Appends one attribute of the element about to be appended.
    mutating func appendAttribute(_ attribute: consuming MarkupAttribute) {
        if attributes.capacity == attributes.count && attributes.count < attributeRoom {
            attributes.reserveCapacity(attributeRoom)
        }
        attributes.append(attribute)
    }

    /// Appends an element whose attributes are the last `attributeCount` of `attributes`.
    mutating func appendElement(name: Int32, namespace: Int32, attributeCount: Int, line: Int, parent: Int32, isHidden: Bool) -> Int32 {
        append(MarkupNode(
            kind: .element, isHidden: isHidden, line: shifted(line), parent: parent, name: name, namespace: namespace, text: -1,
            firstAttribute: Int32(attributes.count - attributeCount), attributeCount: Int32(attributeCount)))
    }

    /// The text and attribute room a document starts with at its first text or attribute.
    static var initialTextCapacity: Int { 128 }

    /// Appends a text node: its string (a document that keeps strings), else its UTF-8.
    mutating func appendText(_ text: consuming String, line: Int, parent: Int32, isHidden: Bool) {
        if keepsTextStrings {
            if texts.capacity == texts.count && texts.count < textRoom {
                // As for nodes: a résumé has a hundred and more texts, and growing from one through two,
                // four … reallocated and moved the table eight times per document.
                texts.reserveCapacity(textRoom)
            }
            texts.append(text)
            appendTextNode(index: texts.count - 1, line: line, parent: parent, isHidden: isHidden)
        } else {
            var text = text
            text.withUTF8 { appendTextBytes($0) }
            finishWrittenText(line: line, parent: parent, isHidden: isHidden)
        }
    }

    /// Appends a text node whose UTF-8 is what `textBytes` holds past the end of the last text (the
    /// caller wrote it there, valid UTF-8), for a document that keeps its texts as bytes.
    mutating func finishWrittenText(line: Int, parent: Int32, isHidden: Bool, isIndentation: Bool = false) {
        if textBounds.isEmpty {
            // The first text: room for a résumé's texts at once, and where text 0 starts.
            textBounds.reserveCapacity(textRoom + 1)
            textBounds.append(0)
        } else if textBounds.capacity == textBounds.count && textBounds.count <= textRoom {
            textBounds.reserveCapacity(textRoom + 1)
        }
        textBounds.append(textByteCount)
        appendTextNode(index: textBounds.count - 2, line: line, parent: parent, isHidden: isHidden, isIndentation: isIndentation)
    }

    /// Appends text node number `index` (in `texts` or `textBounds`).
    private mutating func appendTextNode(index: Int, line: Int, parent: Int32, isHidden: Bool, isIndentation: Bool = false) {
        _ = append(MarkupNode(
            kind: .text, isHidden: isHidden, isIndentation: isIndentation, line: shifted(line), parent: parent, name: Self.textName, namespace: -1,
            text: Int32(index), firstAttribute: Int32(attributes.count), attributeCount: 0))
    }

    /// Writes `bytes` after the texts' bytes (the text in progress).
    @inline(__always)
    mutating func appendTextBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let start = textByteCount
        let end = start + bytes.count
        if end > textBytes.count { growTextBytes(toHold: end) }
        textBytes.withUnsafeMutableBufferPointer { ($0.baseAddress! + start).update(from: source, count: bytes.count) }
        textByteCount = end
    }

    /// Room for at least `count` bytes of text: at the first text as many bytes as the markup has
    /// (`textByteRoom`; text is rarely more), so that documents almost never grow it; past that, twice
    /// the room. The room is left as malloc gives it: UInt8 is trivial, and no byte past
    /// `textByteCount` is ever read (zeroing it cost more than the appends it saved).
    @inline(never)
    private mutating func growTextBytes(toHold count: Int) {
        let room = textBytes.isEmpty ? max(textByteRoom, count) : max(count, textBytes.count * 2)
        let written = textByteCount
        textBytes = textBytes.withUnsafeBufferPointer { old in
            [UInt8](unsafeUninitializedCapacity: room) { buffer, initializedCount in
                if written > 0 { buffer.baseAddress!.initialize(from: old.baseAddress!, count: written) }
                initializedCount = room
            }
        }
    }

    /// Takes back the texts' bytes from `start` on (a text over the limit, or one about to be replaced
    /// by its repair).
    mutating func removeTextBytes(from start: Int) {
        textByteCount = start
    }

    /// Calls `body` with the texts' bytes from `start` on (the text in progress).
    func withTextBytes<Result>(from start: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        textBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<textByteCount])) }
    }

    /// Cuts the room past the written bytes off, for the tree.
    mutating func trimTextBytes() {
        if textBytes.count > textByteCount { textBytes.removeSubrange(textByteCount...) }
    }

    private func shifted(_ line: Int) -> Int32 {
        let clamped = Int32(clamping: line)
        return clamped > 0 ? clamped + lineShift : clamped
    }

    /// Appends a node and links it under its parent.
    private mutating func append(_ node: MarkupNode) -> Int32 {
        let index = Int32(nodes.count)
        if nodes.capacity == nodes.count && nodes.count < nodeRoom {
            // A résumé has a few hundred nodes: room for them at once, rather than growing (and moving
            // every node) from one through two, four … to 256.
            nodes.reserveCapacity(nodeRoom)
        }
        let parentIndex = Int(node.parent)
        nodes.append(node)
        if parentIndex >= 0 {
            nodes.withUnsafeMutableBufferPointer { nodes in
                let last = nodes[parentIndex].lastChild
                if last >= 0 {
                    nodes[Int(last)].nextSibling = index
                } else {
                    nodes[parentIndex].firstChild = index
                }
                nodes[parentIndex].lastChild = index
            }
        }
        return index
    }
}
