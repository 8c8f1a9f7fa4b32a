import Markup

extension MarkupElement {
    /// Calls `body` with each child element's node and local name, in document order, reading the node
    /// links in place.
    ///
    /// Why: a reader that wants several children of one element by name (HR-XML's `StructuredXMLResume`
    /// holds a dozen sections, a `PositionHistory` its title, dates and description) asked `child(_:)` once
    /// per name, each call walking the children again from the first; one walk that notes the first child
    /// of each name answers them all.
    @inline(__always)
    func forEachChildElement(_ body: (_ node: NodeIndex, _ name: String) -> Void) {
        var node = firstChild(of: nodeIndex)
        while node >= 0 {
            if isElement(node) { body(node, name(of: node)) }
            node = nextSibling(of: node)
        }
    }

    /// The element at `node` (an index a walk noted, -1 for none), or nil.
    @inline(__always)
    func element(orNilAt node: NodeIndex) -> MarkupElement? {
        node >= 0 ? element(at: node) : nil
    }
}
