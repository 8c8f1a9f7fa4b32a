/// A parsed document copied out of libxml2 into plain values, so it can cross threads and outlive the
/// parse. Nodes live in one array (an arena) and point at each other by index, which keeps a 200,000-deep
/// document walkable without recursion and costs one allocation per node rather than one per link.
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

    var nodes: [MarkupNode]

    init(kind: Kind) {
        self.kind = kind
        self.diagnostics = []
        self.containsHiddenText = false
        self.wasFlattened = false
        self.title = nil
        self.nodes = [MarkupNode(kind: .document, name: "#document", namespace: nil, attributes: [], text: "", line: 0, parent: -1)]
    }

    /// The document element (`<html>`, `<SkillsPassport>` …), if there is one.
    public var root: MarkupElement? {
        MarkupElement(document: self, index: 0).children.first
    }

    /// Whether any element, hidden or not, has the attribute `name` (exactly as stored: lower-case for
    /// HTML) with a value `value` accepts. One pass over the arena, no tree walk: readers that look for
    /// one attribute across the whole tree ask this first and skip the walk when it cannot succeed.
    public func containsAttribute(named name: String, where value: (String) -> Bool = { _ in true }) -> Bool {
        // Through a buffer, by index: `nodes.contains { … }` copied every node (four references).
        nodes.withUnsafeBufferPointer { nodes in
            for index in nodes.indices where !nodes[index].attributes.isEmpty {
                // The attributes by index too: `for attribute in` retained the array and each attribute's
                // strings, and the readers ask this of every node several times per document.
                let found = nodes[index].attributes.withUnsafeBufferPointer { attributes in
                    for offset in attributes.indices where attributes[offset].name == name {
                        if value(attributes[offset].value) { return true }
                    }
                    return false
                }
                if found { return true }
            }
            return false
        }
    }

    /// Every element in document order.
    public var elements: [MarkupElement] {
        MarkupElement(document: self, index: 0).descendants
    }

    /// The node room a document starts with once its first node past the root is added.
    static var initialNodeCapacity: Int { 256 }

    /// Appends a node built from its fields, linked under `parent`. The node is made inside the append:
    /// a node handed in as a value was copied (four references retained, then released) on the way.
    /// The strings and attributes are consumed, so the caller's copies move into the node.
    mutating func appendNode(
        kind: MarkupNode.Kind, name: consuming String, namespace: consuming String?, attributes: consuming [MarkupAttribute], text: consuming String,
        line: Int, parent: Int32, isHidden: Bool
    ) -> Int32 {
        let index = Int32(nodes.count)
        if nodes.capacity == nodes.count && nodes.count < Self.initialNodeCapacity {
            // A résumé has a few hundred nodes: room for them at once, rather than growing (and moving
            // every node) from one through two, four … to 256.
            nodes.reserveCapacity(Self.initialNodeCapacity)
        }
        nodes.append(MarkupNode(kind: kind, name: name, namespace: namespace, attributes: attributes, text: text, line: line, parent: parent, isHidden: isHidden))
        let parentIndex = Int(parent)
        if parentIndex >= 0 {
            // Through the buffer: `nodes[parentIndex].lastChild` read a copy of the whole node (four
            // references retained, then released) to get one integer.
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

public struct MarkupAttribute: Sendable, Equatable {
    public let name: String
    public let value: String
}

struct MarkupNode: Sendable {
    enum Kind: UInt8, Sendable {
        case document
        case element
        case text
    }

    var kind: Kind
    /// Local name; lower-case for HTML.
    var name: String
    var namespace: String?
    var attributes: [MarkupAttribute]
    var text: String
    var line: Int32
    var parent: Int32
    var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    var nextSibling: Int32 = -1
    var isHidden = false

    init(kind: Kind, name: String, namespace: String?, attributes: [MarkupAttribute], text: String, line: Int, parent: Int32, isHidden: Bool = false) {
        self.isHidden = isHidden
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.text = text
        self.line = Int32(clamping: line)
        self.parent = parent
    }
}
