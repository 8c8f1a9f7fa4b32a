/// Node-level access for readers that visit every node of a subtree once (the HTML line reader).
///
/// A node is named by its place in the document's node arena (`MarkupElement.NodeIndex`), and its fields
/// are read in place. Walking with `contents` instead built a `MarkupElement` (one retain of the arena)
/// and a `MarkupContent` per node and an array of them per element, all released again at once. The
/// accessors are inlinable: a reader calls them for every node, and a call across the module boundary
/// cost more than the field it reads.
extension MarkupElement {
    /// A node's position in the document's node arena; -1 stands for "none" (no child, no sibling).
    public typealias NodeIndex = Int32

    /// This element's own node.
    @inlinable public var nodeIndex: NodeIndex { NodeIndex(index) }

    /// The first child node (element or text) of `node`, or -1.
    @inlinable public func firstChild(of node: NodeIndex) -> NodeIndex { tree.nodes[Int(node)].firstChild }

    /// The node after `node` under the same parent, or -1.
    @inlinable public func nextSibling(of node: NodeIndex) -> NodeIndex { tree.nodes[Int(node)].nextSibling }

    /// Whether `node` is an element (otherwise text, or the document node).
    @inlinable public func isElement(_ node: NodeIndex) -> Bool { tree.nodes[Int(node)].kind == .element }

    /// Whether `node` is a text node.
    @inlinable public func isText(_ node: NodeIndex) -> Bool { tree.nodes[Int(node)].kind == .text }

    /// Whether `node` is a text node known to be indentation: a line feed followed by only spaces or
    /// only tabs (none at all counts), as an HTML parse wrote it. False does not say it is not: text
    /// libxml2 gave in pieces, and XML documents' texts, are not marked. Lets a walk that skips such
    /// whitespace skip it without reading its bytes.
    @inlinable public func isIndentation(_ node: NodeIndex) -> Bool { tree.nodes[Int(node)].isIndentation }

    /// Whether styling hides `node` (or an ancestor) from a reader.
    @inlinable public func isHidden(_ node: NodeIndex) -> Bool { tree.nodes[Int(node)].isHidden }

    /// The local name of an element node (lower-case in HTML).
    @inlinable public func name(of node: NodeIndex) -> String { tree.name(ofNode: Int(node)) }

    /// The text of a text node ("" for elements).
    @inlinable public func text(of node: NodeIndex) -> String { tree.text(ofNode: Int(node)) }

    /// Calls `body` with the UTF-8 of every text node of the document, one after another (valid UTF-8,
    /// what `text(of:)` gives as a string), and where each node's bytes are: readers that work on bytes
    /// read a text in place, without a string made for it. (An HTML document keeps its texts as these
    /// bytes; an XML document keeps strings, whose bytes are joined for the call.)
    public func withDocumentTextBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>, TextByteRanges) throws -> Result) rethrows -> Result {
        try tree.withTextBytes { bytes, bounds in try body(bytes, TextByteRanges(tree: tree, bounds: bounds)) }
    }

    /// The index of an element node's name in the document's name table. One index stands for one name,
    /// and elements of the same name share an index (but for names past the builder's intern table), so
    /// a reader can keep what a name tells it by this index and work it out about once per name rather
    /// than once per element.
    @inlinable public func nameIndex(of node: NodeIndex) -> Int { Int(tree.nodes[Int(node)].name) }

    /// How many names the document's name table holds (`nameIndex(of:)` is below it).
    @inlinable public var nameCount: Int { tree.names.count }

    /// The name at `nameIndex` in the document's name table.
    @inlinable public func name(atIndex nameIndex: Int) -> String { tree.names[nameIndex] }

    /// The source line where `node` starts (0 when unknown).
    @inlinable public func line(of node: NodeIndex) -> Int { Int(tree.nodes[Int(node)].line) }

    /// The attributes of an element node, as stored (names lower-case in HTML).
    public func attributes(of node: NodeIndex) -> [MarkupAttribute] { Array(tree.attributes[tree.nodes[Int(node)].attributeRange]) }

    /// The attributes of an element node as a slice of the document's attribute table: no array is
    /// made, where `attributes(of:)` copies them into a new one.
    @inlinable public func attributeSlice(of node: NodeIndex) -> ArraySlice<MarkupAttribute> { tree.attributes[tree.nodes[Int(node)].attributeRange] }

    /// Whether an element node has any attributes.
    @inlinable public func hasAttributes(_ node: NodeIndex) -> Bool { tree.nodes[Int(node)].attributeCount > 0 }

    /// A handle on an element node, for the rarer questions only `MarkupElement` answers (`text`,
    /// `attribute(_:)` with its case-folding fallback).
    public func element(at node: NodeIndex) -> MarkupElement {
        MarkupElement(tree: tree, kind: kind, index: Int(node))
    }
}

/// Where each text node's UTF-8 is in the bytes `MarkupElement.withDocumentTextBytes` lends.
public struct TextByteRanges: Sendable {
    @usableFromInline let tree: MarkupTree
    /// Text `t` is `bounds[t] ..< bounds[t + 1]`.
    @usableFromInline let bounds: [Int]

    init(tree: MarkupTree, bounds: [Int]) {
        self.tree = tree
        self.bounds = bounds
    }

    /// The bytes of text node `node` (empty for other nodes).
    @inlinable public func range(of node: MarkupElement.NodeIndex) -> Range<Int> {
        let text = Int(tree.nodes[Int(node)].text)
        return text >= 0 ? bounds[text]..<bounds[text + 1] : 0..<0
    }
}
