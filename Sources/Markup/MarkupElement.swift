/// A handle on one element of a `MarkupDocument`, with the navigation extractors need. Cheap to copy:
/// it holds the document's storage by reference and an index.
public struct MarkupElement: Sendable {
    public let document: MarkupDocument
    let index: Int

    init(document: MarkupDocument, index: Int) {
        self.document = document
        self.index = index
    }

    var node: MarkupNode { document.nodes[index] }

    /// Local name (`div`, `PersonName`); lower-case in HTML.
    public var name: String { node.name }
    /// Namespace URI, if the element has one.
    public var namespace: String? { node.namespace }
    /// The line in the source where the element starts (1-based; 0 when unknown).
    public var line: Int { Int(node.line) }
    /// True when styling hides this element or an ancestor from a reader.
    public var isHidden: Bool { node.isHidden }
    public var attributes: [MarkupAttribute] { node.attributes }

    public func attribute(_ name: String) -> String? {
        for attribute in node.attributes where attribute.name == name {
            return attribute.value
        }
        if document.kind == .html {
            let lowered = name.lowercased()
            for attribute in node.attributes where attribute.name.lowercased() == lowered {
                return attribute.value
            }
        }
        return nil
    }

    /// The whitespace-separated tokens of the `class` attribute.
    public var classNames: [Substring] {
        guard let value = attribute("class") else { return [] }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
    }

    public func hasClass(_ name: String) -> Bool {
        classNames.contains { $0 == name }
    }

    public var parent: MarkupElement? {
        let parent = Int(node.parent)
        guard parent > 0 else { return nil }
        return MarkupElement(document: document, index: parent)
    }

    /// Child elements, in order.
    public var children: [MarkupElement] {
        var result: [MarkupElement] = []
        var child = node.firstChild
        while child >= 0 {
            let childNode = document.nodes[Int(child)]
            if childNode.kind == .element {
                result.append(MarkupElement(document: document, index: Int(child)))
            }
            child = childNode.nextSibling
        }
        return result
    }

    /// Child elements and text, in order.
    public var contents: [MarkupContent] {
        var result: [MarkupContent] = []
        var child = node.firstChild
        while child >= 0 {
            let childNode = document.nodes[Int(child)]
            switch childNode.kind {
            case .element:
                result.append(.element(MarkupElement(document: document, index: Int(child))))
            case .text:
                result.append(.text(MarkupText(value: childNode.text, line: Int(childNode.line), isHidden: childNode.isHidden)))
            case .document:
                break
            }
            child = childNode.nextSibling
        }
        return result
    }

    /// Child elements with this local name (any namespace).
    public func children(named name: String) -> [MarkupElement] {
        children.filter { $0.name == name }
    }

    /// The first child element with this local name (any namespace).
    public func child(_ name: String) -> MarkupElement? {
        var child = node.firstChild
        while child >= 0 {
            let childNode = document.nodes[Int(child)]
            if childNode.kind == .element && childNode.name == name {
                return MarkupElement(document: document, index: Int(child))
            }
            child = childNode.nextSibling
        }
        return nil
    }

    /// Follows a path of local names: `element.path("Period", "From")`.
    public func path(_ names: String...) -> MarkupElement? {
        var current: MarkupElement? = self
        for name in names {
            current = current?.child(name)
        }
        return current
    }

    /// Every descendant element in document order, found without recursion.
    public var descendants: [MarkupElement] {
        var result: [MarkupElement] = []
        forEachDescendant { result.append($0) }
        return result
    }

    public func descendants(named name: String) -> [MarkupElement] {
        var result: [MarkupElement] = []
        forEachDescendant { if $0.name == name { result.append($0) } }
        return result
    }

    public func firstDescendant(where predicate: (MarkupElement) -> Bool) -> MarkupElement? {
        var found: MarkupElement?
        forEachDescendant { element in
            if found == nil && predicate(element) { found = element }
        }
        return found
    }

    /// Visits descendants in document order (pre-order), iteratively.
    public func forEachDescendant(_ visit: (MarkupElement) -> Void) {
        var next = node.firstChild
        while next >= 0 {
            let current = Int(next)
            let currentNode = document.nodes[current]
            if currentNode.kind == .element {
                visit(MarkupElement(document: document, index: current))
            }
            if currentNode.firstChild >= 0 {
                next = currentNode.firstChild
                continue
            }
            next = nextInPreorder(after: current)
        }
    }

    private func nextInPreorder(after current: Int) -> Int32 {
        var cursor = current
        while cursor != index {
            let cursorNode = document.nodes[cursor]
            if cursorNode.nextSibling >= 0 { return cursorNode.nextSibling }
            cursor = Int(cursorNode.parent)
            if cursor < 0 { break }
        }
        return -1
    }

    /// Every text node below this element, in order, with its line.
    public var textNodes: [MarkupText] {
        var result: [MarkupText] = []
        var next = node.firstChild
        while next >= 0 {
            let current = Int(next)
            let currentNode = document.nodes[current]
            if currentNode.kind == .text {
                result.append(MarkupText(value: currentNode.text, line: Int(currentNode.line), isHidden: currentNode.isHidden))
            }
            if currentNode.firstChild >= 0 {
                next = currentNode.firstChild
                continue
            }
            next = nextInPreorder(after: current)
        }
        return result
    }

    /// The visible text, whitespace collapsed to single spaces. Hidden text is left out.
    public var text: String {
        var pieces: [String] = []
        for piece in textNodes where !piece.isHidden {
            pieces.append(piece.value)
        }
        return collapseWhitespace(pieces.joined())
    }

    /// The text including what styling hides: for detecting hidden content, never for evidence.
    public var textIncludingHidden: String {
        collapseWhitespace(textNodes.map(\.value).joined())
    }
}

public enum MarkupContent: Sendable {
    case element(MarkupElement)
    case text(MarkupText)
}

public struct MarkupText: Sendable, Equatable {
    public let value: String
    public let line: Int
    public let isHidden: Bool

    public init(value: String, line: Int, isHidden: Bool = false) {
        self.value = value
        self.line = line
        self.isHidden = isHidden
    }
}

/// Collapses runs of whitespace (including no-break spaces) to one space and trims the ends.
///
/// Extractors call this for nearly every line of every file, so it works on UTF-8 bytes: ASCII is
/// judged by byte, other scalars by their Unicode White_Space property, and the kept bytes are copied
/// as they are (appending scalar by scalar to a String was most of its cost).
public func collapseWhitespace(_ text: String) -> String {
    let original = text
    var text = text
    return text.withUTF8 { bytes -> String in
        if isCollapsedASCII(bytes) { return original }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            let isSpace: Bool
            if lead < 0x80 {
                length = 1
                isSpace = lead == 0x20 || (lead >= 0x09 && lead <= 0x0D)
            } else {
                length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length where index + offset < bytes.count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                isSpace = scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{200B}"
            }
            if isSpace {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace {
                    output.append(0x20)
                    pendingSpace = false
                }
                if length == 1 {
                    output.append(lead)
                } else {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<min(index + length, bytes.count)]))
                }
            }
            index += length
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Whether ASCII text is already collapsed: no whitespace but single spaces between words. Most text
/// nodes are, and then `collapseWhitespace` returns them without copying.
private func isCollapsedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return bytes.isEmpty }
    var previousWasSpace = false
    for byte in bytes {
        if byte >= 0x80 || (byte >= 0x09 && byte <= 0x0D) { return false }
        let isSpace = byte == 0x20
        if isSpace && previousWasSpace { return false }
        previousWasSpace = isSpace
    }
    return true
}
