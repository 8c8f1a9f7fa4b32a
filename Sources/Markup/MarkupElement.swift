/// A handle on one element of a `MarkupDocument`, with the navigation extractors need. Cheap to copy:
/// it holds the document's tree (one reference) and an index. Not the whole document: copying that
/// retained its diagnostics and title too, for every element handed out.
public struct MarkupElement: Sendable {
    @usableFromInline let tree: MarkupTree
    let kind: MarkupDocument.Kind
    @usableFromInline let index: Int

    init(document: MarkupDocument, index: Int) {
        self.init(tree: document.tree, kind: document.kind, index: index)
    }

    init(tree: MarkupTree, kind: MarkupDocument.Kind, index: Int) {
        self.tree = tree
        self.kind = kind
        self.index = index
    }

    /// The arena, read in place (`tree.nodes[i].field` copies one field, not the node).
    var nodes: [MarkupNode] { tree.nodes }

    /// Local name (`div`, `PersonName`); lower-case in HTML.
    public var name: String { tree.name(ofNode: index) }
    /// Namespace URI, if the element has one.
    public var namespace: String? {
        let namespace = tree.nodes[index].namespace
        return namespace >= 0 ? tree.names[Int(namespace)] : nil
    }
    /// The line in the source where the element starts (1-based; 0 when unknown).
    public var line: Int { Int(tree.nodes[index].line) }
    /// True when styling hides this element or an ancestor from a reader.
    public var isHidden: Bool { tree.nodes[index].isHidden }
    public var attributes: [MarkupAttribute] { Array(tree.attributes[tree.nodes[index].attributeRange]) }

    public func attribute(_ name: String) -> String? {
        let range = tree.nodes[index].attributeRange
        guard !range.isEmpty else { return nil }
        return tree.attributes.withUnsafeBufferPointer { all in
            let attributes = UnsafeBufferPointer(rebasing: all[range])
            for offset in attributes.indices where attributes[offset].name == name {
                return attributes[offset].value
            }
            if kind == .html {
                if MarkupBytes.isLowerASCII(name) {
                    // The usual case, a lower-case ASCII name: an ASCII attribute name lower-cases to it
                    // exactly when its bytes match ignoring ASCII case (no lower-cased copies); any other
                    // attribute name is lower-cased and compared as below.
                    for offset in attributes.indices where MarkupBytes.lowercasesToLowerASCII(attributes[offset].name, name) {
                        return attributes[offset].value
                    }
                    return nil
                }
                let lowered = name.lowercased()
                for offset in attributes.indices where attributes[offset].name.lowercased() == lowered {
                    return attributes[offset].value
                }
            }
            return nil
        }
    }

    /// The whitespace-separated tokens of the `class` attribute.
    public var classNames: [Substring] {
        guard let value = attribute("class") else { return [] }
        var copy = value
        // Plain ASCII (no carriage return, which joins a line feed into one `Character`): every byte is
        // a `Character`, so splitting at the separator bytes is the `Character` split.
        if let ranges = copy.withUTF8({ MarkupBytes.isPlainASCII($0) ? MarkupBytes.classTokenRanges($0) : nil }) {
            let utf8 = value.utf8
            return ranges.map { range in
                Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
            }
        }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
    }

    public func hasClass(_ name: String) -> Bool {
        guard let value = attribute("class") else { return false }
        var copy = value
        var target = name
        // Both plain ASCII: a token equals the name exactly when its bytes do (no allocation).
        if let found = copy.withUTF8({ bytes -> Bool? in
            guard MarkupBytes.isPlainASCII(bytes) else { return nil }
            return target.withUTF8 { wanted -> Bool? in
                guard MarkupBytes.isASCII(wanted) else { return nil }
                return MarkupBytes.classTokenRanges(bytes).contains { range in
                    range.count == wanted.count && (range.isEmpty || memcmpBytes(bytes, range.lowerBound, wanted))
                }
            }
        }) {
            return found
        }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).contains { $0 == name }
    }

    public var parent: MarkupElement? {
        let parent = Int(tree.nodes[index].parent)
        guard parent > 0 else { return nil }
        return MarkupElement(tree: tree, kind: kind, index: parent)
    }

    /// Child elements, in order.
    public var children: [MarkupElement] {
        var result: [MarkupElement] = []
        let nodes = tree.nodes
        var child = nodes[index].firstChild
        while child >= 0 {
            if nodes[Int(child)].kind == .element {
                result.append(MarkupElement(tree: tree, kind: kind, index: Int(child)))
            }
            child = nodes[Int(child)].nextSibling
        }
        return result
    }

    /// Child elements and text, in order.
    public var contents: [MarkupContent] {
        var result: [MarkupContent] = []
        let nodes = tree.nodes
        var child = nodes[index].firstChild
        while child >= 0 {
            let current = Int(child)
            switch nodes[current].kind {
            case .element:
                result.append(.element(MarkupElement(tree: tree, kind: kind, index: current)))
            case .text:
                result.append(.text(MarkupText(value: tree.text(ofNode: current), line: Int(nodes[current].line), isHidden: nodes[current].isHidden)))
            case .document:
                break
            }
            child = nodes[current].nextSibling
        }
        return result
    }

    /// Child elements with this local name (any namespace).
    public func children(named name: String) -> [MarkupElement] {
        // One pass over the children (`children.filter` built a second array), each name compared in
        // place in the name table.
        var result: [MarkupElement] = []
        let nodes = tree.nodes
        var child = nodes[index].firstChild
        while child >= 0 {
            if nodes[Int(child)].kind == .element && tree.names[Int(nodes[Int(child)].name)] == name {
                result.append(MarkupElement(tree: tree, kind: kind, index: Int(child)))
            }
            child = nodes[Int(child)].nextSibling
        }
        return result
    }

    /// The first child element with this local name (any namespace).
    public func child(_ name: String) -> MarkupElement? {
        let nodes = tree.nodes
        var child = nodes[index].firstChild
        while child >= 0 {
            if nodes[Int(child)].kind == .element && tree.names[Int(nodes[Int(child)].name)] == name {
                return MarkupElement(tree: tree, kind: kind, index: Int(child))
            }
            child = nodes[Int(child)].nextSibling
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
        let nodes = tree.nodes
        var next = nodes[index].firstChild
        while next >= 0 {
            let current = Int(next)
            if nodes[current].kind == .element {
                visit(MarkupElement(tree: tree, kind: kind, index: current))
            }
            if nodes[current].firstChild >= 0 {
                next = nodes[current].firstChild
                continue
            }
            next = nextInPreorder(after: current, in: nodes)
        }
    }

    private func nextInPreorder(after current: Int, in nodes: [MarkupNode]) -> Int32 {
        var cursor = current
        while cursor != index {
            if nodes[cursor].nextSibling >= 0 { return nodes[cursor].nextSibling }
            cursor = Int(nodes[cursor].parent)
            if cursor < 0 { break }
        }
        return -1
    }

    /// Calls `body` with the `texts` index of every text node below this element, in order.
    private func forEachTextNode(_ body: (_ text: Int, _ node: Int) -> Void) {
        let nodes = tree.nodes
        var next = nodes[index].firstChild
        while next >= 0 {
            let current = Int(next)
            if nodes[current].kind == .text {
                body(Int(nodes[current].text), current)
            }
            if nodes[current].firstChild >= 0 {
                next = nodes[current].firstChild
                continue
            }
            next = nextInPreorder(after: current, in: nodes)
        }
    }

    /// Every text node below this element, in order, with its line.
    public var textNodes: [MarkupText] {
        var result: [MarkupText] = []
        let nodes = tree.nodes
        forEachTextNode { text, node in
            result.append(MarkupText(value: tree.string(ofText: text), line: Int(nodes[node].line), isHidden: nodes[node].isHidden))
        }
        return result
    }

    /// The visible text, whitespace collapsed to single spaces. Hidden text is left out.
    public var text: String {
        joinedText(includingHidden: false)
    }

    /// The text including what styling hides: for detecting hidden content, never for evidence.
    public var textIncludingHidden: String {
        joinedText(includingHidden: true)
    }

    /// The text nodes' texts joined and collapsed, made from the stored texts directly: most elements
    /// readers ask hold one text node, whose text is collapsed as it is (no array of pieces, no join).
    private func joinedText(includingHidden: Bool) -> String {
        guard tree.keepsTextStrings else { return joinedTextFromBytes(includingHidden: includingHidden) }
        let nodes = tree.nodes
        var first = -1
        var joined: String?
        forEachTextNode { text, node in
            guard includingHidden || !nodes[node].isHidden else { return }
            if first < 0 {
                first = text
            } else if joined == nil {
                joined = tree.texts[first] + tree.texts[text]
            } else {
                joined! += tree.texts[text]
            }
        }
        if let joined { return collapseWhitespace(joined) }
        return first >= 0 ? collapseWhitespace(tree.texts[first]) : ""
    }

    /// `joinedText` of a document that keeps its texts as bytes only (HTML): the texts' bytes joined in
    /// a temporary buffer (or one text's bytes read in place) and collapsed into the one string made.
    private func joinedTextFromBytes(includingHidden: Bool) -> String {
        let nodes = tree.nodes
        let bounds = tree.textBounds
        var total = 0
        var pieces = 0
        var only = 0..<0
        forEachTextNode { text, node in
            guard includingHidden || !nodes[node].isHidden else { return }
            only = bounds[text]..<bounds[text + 1]
            total += only.count
            pieces += 1
        }
        guard total > 0 else { return "" }
        return tree.textBytes.withUnsafeBufferPointer { all -> String in
            if pieces == 1 { return collapsedString(of: UnsafeBufferPointer(rebasing: all[only])) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { buffer -> String in
                var written = 0
                forEachTextNode { text, node in
                    guard includingHidden || !nodes[node].isHidden else { return }
                    let range = bounds[text]..<bounds[text + 1]
                    guard !range.isEmpty, let target = buffer.baseAddress, let source = all.baseAddress else { return }
                    (target + written).initialize(from: source + range.lowerBound, count: range.count)
                    written += range.count
                }
                return collapsedString(of: UnsafeBufferPointer(rebasing: buffer[0..<written]))
            }
        }
    }
}

/// Byte helpers for attribute names and class lists.
enum MarkupBytes {
    /// Every byte ASCII and none an upper-case letter: the string is its own `lowercased()`.
    static func isLowerASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && $0 &- 0x41 >= 26 }
    }

    /// Whether `candidate.lowercased() == target`, for a lower-case ASCII `target`.
    static func lowercasesToLowerASCII(_ candidate: String, _ target: String) -> Bool {
        let units = candidate.utf8
        guard units.allSatisfy({ $0 < 0x80 }) else { return candidate.lowercased() == target }
        guard units.count == target.utf8.count else { return false }
        return units.elementsEqual(target.utf8) { ($0 &- 0x41 < 26 ? $0 | 0x20 : $0) == $1 }
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }

    /// ASCII without a carriage return: every byte is one `Character`.
    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 || byte == 0x0D { return false }
        return true
    }

    static func lowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte }
            return bytes.count
        }
    }

    /// Whether ASCII `bytes` lower-case to `lowercased` (ASCII, already lower-case).
    static func equalsIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, lowercased: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == lowercased.count else { return false }
        for offset in 0..<bytes.count {
            let byte = bytes[offset]
            if (byte &- 0x41 < 26 ? byte | 0x20 : byte) != lowercased[offset] { return false }
        }
        return true
    }

    /// The non-empty runs between spaces, tabs, line feeds and carriage returns.
    static func classTokenRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x09, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            ranges.append(index..<end)
            index = end
        }
        return ranges
    }
}

/// Whether `bytes[start...]` begins with `pattern`.
private func memcmpBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
    for offset in 0..<pattern.count where bytes[start + offset] != pattern[offset] { return false }
    return true
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
/// as they are (appending scalar by scalar to a String was most of its cost). Plain ASCII is judged and
/// copied eight bytes at a time (`CollapseWords`).
public func collapseWhitespace(_ text: String) -> String {
    // The contiguous UTF-8 of a native string is read in place; only a bridged string is copied first.
    if let collapsed = text.utf8.withContiguousStorageIfAvailable({ collapsedWhitespace(of: $0, original: text) }) {
        return collapsed
    }
    var copy = text
    return copy.withUTF8 { collapsedWhitespace(of: $0, original: text) }
}

/// `collapseWhitespace(String(decoding: bytes, as: UTF8.self))` for valid UTF-8 `bytes`, with one string
/// made: the bytes as they are when they are collapsed, else their collapse.
public func collapsedString(of bytes: UnsafeBufferPointer<UInt8>) -> String {
    if isCollapsed(bytes) { return String(decoding: bytes, as: UTF8.self) }
    return String(unsafeUninitializedCapacity: bytes.count) { collapseWhitespace(bytes, into: $0) }
}

/// `collapseWhitespace` of `original`, whose UTF-8 is `bytes`.
private func collapsedWhitespace(of bytes: UnsafeBufferPointer<UInt8>, original: String) -> String {
    if isCollapsed(bytes) { return original }
    // The result is never longer than the text: written straight into the new string's storage.
    return String(unsafeUninitializedCapacity: bytes.count) { collapseWhitespace(bytes, into: $0) }
}

/// `collapseWhitespace` on bytes: writes the collapse of the valid UTF-8 `bytes` to `output` (room for
/// `bytes.count` at least) and returns its length. `output` may be the memory of `bytes` itself, for a
/// collapse in place: a byte is written only after it has been read.
public func collapseWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
    var count = 0
    var pendingSpace = false
    var index = 0
    let raw = UnsafeRawBufferPointer(bytes)
    while index < bytes.count {
        // Eight printable ASCII bytes with no whitespace run inside and none at either end are
        // copied as they are (after the pending space, if any): exactly what the byte loop below
        // would write for them. `count <= index` always holds (nothing is written that was not
        // read, and a pending space stands for at least one byte not written), so the store fits.
        if index + 8 <= bytes.count {
            let word = CollapseWords.load(raw, index)
            if CollapseWords.isPlainWord(word) {
                if pendingSpace {
                    output[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                UnsafeMutableRawPointer(output.baseAddress! + count).storeBytes(of: word.littleEndian, as: UInt64.self)
                count += 8
                index += 8
                continue
            }
        }
        let lead = bytes[index]
        let (isSpace, length) = whitespaceScalar(at: index, in: bytes)
        if isSpace {
            pendingSpace = count > 0
        } else {
            if pendingSpace {
                output[count] = 0x20
                count += 1
                pendingSpace = false
            }
            if length == 1 {
                output[count] = lead
                count += 1
            } else {
                for offset in index..<min(index + length, bytes.count) {
                    output[count] = bytes[offset]
                    count += 1
                }
            }
        }
        index += length
    }
    return count
}

/// Whether the scalar starting at `index` is whitespace as `collapseWhitespace` counts it (Unicode
/// White_Space, no-break space, zero-width space), and how many bytes it takes.
@inline(__always)
private func whitespaceScalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (isSpace: Bool, length: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (lead == 0x20 || (lead >= 0x09 && lead <= 0x0D), 1) }
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for offset in 1..<length where index + offset < bytes.count {
        value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
    }
    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
    return (scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{200B}", length)
}

/// Whether `collapseWhitespace` gives the text whose UTF-8 is `bytes` back as it is: no whitespace (as
/// it counts it) but single ASCII spaces between words, none at the ends. Plain ASCII goes eight bytes
/// at a time; other scalars are judged one by one as the collapse judges them, so a line with one "é"
/// or "–" is returned without being rewritten.
func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return bytes.isEmpty }
    let raw = UnsafeRawBufferPointer(bytes)
    var previousWasSpace = false
    var index = 0
    while index < bytes.count {
        if index + 8 <= bytes.count {
            let word = CollapseWords.load(raw, index)
            if word & CollapseWords.highBits == 0 && !CollapseWords.hasByteBelowSpace(word) {
                let spaces = CollapseWords.spaceMask(word)
                if spaces & (spaces >> 8) != 0 { return false }
                if previousWasSpace && spaces & 0x80 != 0 { return false }
                previousWasSpace = spaces >> 63 != 0
                index += 8
                continue
            }
        }
        let (isSpace, length) = whitespaceScalar(at: index, in: bytes)
        // Only a single ASCII space may stand between words.
        if isSpace && (bytes[index] != 0x20 || previousWasSpace) { return false }
        previousWasSpace = isSpace
        index += length
    }
    return true
}

/// Whether ASCII text is already collapsed: ASCII only, no whitespace but single spaces between words.
/// For readers whose own fast path needs ASCII as well.
public func isCollapsedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    ASCIIWords.isASCII(bytes) && isCollapsed(bytes)
}

/// Eight bytes of UTF-8 in one word, first byte lowest, and the exact byte tests `collapseWhitespace`
/// needs on them (no carry crosses from one byte into the next in any of them).
enum CollapseWords {
    static var highBits: UInt64 { 0x8080_8080_8080_8080 }
    private static var lowSevenBits: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }
    private static var ones: UInt64 { 0x0101_0101_0101_0101 }

    /// Bytes `offset ..< offset + 8`, the first in the lowest byte whatever the machine's byte order.
    @inline(__always) static func load(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// 0x80 in each byte of `word` that is zero, 0 in every other byte.
    @inline(__always) static func zeroByteMask(_ word: UInt64) -> UInt64 {
        ~(((word & lowSevenBits) &+ lowSevenBits) | word | lowSevenBits)
    }

    /// 0x80 in each byte that is a space (0x20), 0 elsewhere.
    @inline(__always) static func spaceMask(_ word: UInt64) -> UInt64 {
        zeroByteMask(word ^ (ones &* 0x20))
    }

    /// Whether some byte is below 0x20, for a word without high bits (the subtraction borrows out of
    /// a byte only when that byte is below 0x20, so the first such byte is always flagged).
    @inline(__always) static func hasByteBelowSpace(_ word: UInt64) -> Bool {
        (word &- ones &* 0x20) & ~word & highBits != 0
    }

    /// Printable ASCII or single spaces, with a printable byte first and last: bytes
    /// `collapseWhitespace` keeps as they are, between printable neighbours.
    @inline(__always) static func isPlainWord(_ word: UInt64) -> Bool {
        guard word & highBits == 0, !hasByteBelowSpace(word) else { return false }
        let spaces = spaceMask(word)
        return spaces & (spaces >> 8) == 0 && spaces & 0x8000_0000_0000_0080 == 0
    }
}
