/// Node-level access for readers that visit every node of a subtree once (the HTML line reader).
///
/// A node is named by its place in the document's node arena (`MarkupElement.NodeIndex`), and its fields
/// are read in place. Walking with `contents` instead built a `MarkupElement` (one retain of the arena)
/// and a `MarkupContent` per node and an array of them per element, all released again at once.
extension MarkupElement {
    /// A node's position in the document's node arena; -1 stands for "none" (no child, no sibling).
    public typealias NodeIndex = Int32

    /// This element's own node.
    public var nodeIndex: NodeIndex { NodeIndex(index) }

    /// The first child node (element or text) of `node`, or -1.
    public func firstChild(of node: NodeIndex) -> NodeIndex { nodes[Int(node)].firstChild }

    /// The node after `node` under the same parent, or -1.
    public func nextSibling(of node: NodeIndex) -> NodeIndex { nodes[Int(node)].nextSibling }

    /// Whether `node` is an element (otherwise text, or the document node).
    public func isElement(_ node: NodeIndex) -> Bool { nodes[Int(node)].kind == .element }

    /// Whether `node` is a text node.
    public func isText(_ node: NodeIndex) -> Bool { nodes[Int(node)].kind == .text }

    /// Whether styling hides `node` (or an ancestor) from a reader.
    public func isHidden(_ node: NodeIndex) -> Bool { nodes[Int(node)].isHidden }

    /// The local name of an element node (lower-case in HTML).
    public func name(of node: NodeIndex) -> String { nodes[Int(node)].name }

    /// The text of a text node ("" for elements).
    public func text(of node: NodeIndex) -> String { nodes[Int(node)].text }

    /// The source line where `node` starts (0 when unknown).
    public func line(of node: NodeIndex) -> Int { Int(nodes[Int(node)].line) }

    /// The attributes of an element node, as stored (names lower-case in HTML).
    public func attributes(of node: NodeIndex) -> [MarkupAttribute] { nodes[Int(node)].attributes }

    /// A handle on an element node, for the rarer questions only `MarkupElement` answers (`text`,
    /// `attribute(_:)` with its case-folding fallback).
    public func element(at node: NodeIndex) -> MarkupElement {
        MarkupElement(nodes: nodes, kind: kind, index: Int(node))
    }
}
