import Markup

/// Reading plain values out of XML résumé vocabularies. Element lookups go by local name in any
/// namespace, because the same vocabulary arrives prefixed (`hr:FamilyName`), unprefixed under a
/// default namespace, or with no namespace at all.
enum XMLValues {
    /// Values that schema tools write into every field of a generated sample ("String", "token" …).
    /// A value that is literally one of these was never typed by a person, so it is dropped.
    static let schemaPlaceholders: Set<String> = [
        "String", "string", "token", "normalizedString", "anyURI", "xs:string", "xsd:string",
    ]

    static let longestPlaceholder = schemaPlaceholders.map(\.utf8.count).max() ?? 0

    /// Bit n set when some placeholder is n bytes long.
    static let placeholderLengths: UInt64 = schemaPlaceholders.reduce(0) { $0 | 1 << UInt64($1.utf8.count) }

    /// Whether `text` is one of `schemaPlaceholders`. Two ASCII strings are equal only byte for byte, so
    /// ASCII text of no placeholder's length is answered without hashing it (most values are).
    static func isSchemaPlaceholder(_ text: String) -> Bool {
        let count = text.utf8.count
        if count <= longestPlaceholder && (placeholderLengths >> UInt64(count)) & 1 != 0 { return schemaPlaceholders.contains(text) }
        // Of another length, only text with a non-ASCII character could still equal one.
        let isASCII = text.utf8.withContiguousStorageIfAvailable { bytes in !bytes.contains { $0 >= 0x80 } } ?? false
        return !isASCII && schemaPlaceholders.contains(text)
    }

    /// `text` whitespace-collapsed, or nil when it is empty or a schema placeholder.
    static func meaningful(_ text: String?) -> String? {
        guard let text else { return nil }
        return meaningful(collapsed: collapseWhitespace(text))
    }

    /// `meaningful` of text that is already whitespace-collapsed (`collapseWhitespace` gives it back as
    /// it is), such as an element's `text`: the same answer without scanning the text a second time.
    static func meaningful(collapsed: String) -> String? {
        // Placeholders are short: a long value is never hashed to look it up.
        guard !collapsed.isEmpty,
              collapsed.utf8.count > longestPlaceholder || !isSchemaPlaceholder(collapsed) else { return nil }
        return collapsed
    }

    /// `true`/`1` as XML Schema booleans write them (any case, surrounding space ignored).
    static func isTrue(_ text: String?) -> Bool {
        guard let text else { return false }
        let value = collapseWhitespace(text).lowercased()
        return value == "true" || value == "1" || value == "yes"
    }

    /// Whether `text` is an explicit XML Schema false.
    static func isFalse(_ text: String?) -> Bool {
        guard let text else { return false }
        let value = collapseWhitespace(text).lowercased()
        return value == "false" || value == "0" || value == "no"
    }

    /// Parts joined with `separator`, skipping missing and placeholder ones; nil when nothing is left.
    static func joined(_ parts: [String?], separator: String = " ") -> String? {
        // Appended in place: `compactMap` then `joined` made a list and went through the generic join
        // for two or three short parts (an address, a name).
        var result: String?
        for part in parts {
            guard let kept = meaningful(part) else { continue }
            if result == nil {
                result = kept
            } else {
                result!.append(separator)
                result!.append(kept)
            }
        }
        return result
    }

    /// `joined` of parts that are each nil or their own `meaningful` value already (`xmlValue` results):
    /// the same text, without collapsing each part and checking it against the placeholders again.
    static func joined(values parts: [String?], separator: String = " ") -> String? {
        // The bytes are copied once into a string of the summed size: appended part by part, an address
        // ("Indianapolis, IN, US") grew from a small string through larger ones, each append going the
        // general way (with reserved room too, the appends cost more than the copy).
        var first: String?
        var partCount = 0
        var byteCount = 0
        for case let part? in parts {
            if first == nil { first = part }
            partCount += 1
            byteCount += part.utf8.count
        }
        guard partCount > 1 else { return first }
        var separator = separator
        byteCount += separator.utf8.count * (partCount - 1)
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var offset = 0
            func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard !bytes.isEmpty else { return }
                _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<(offset + bytes.count)]).initialize(from: bytes)
                offset += bytes.count
            }
            var isFirst = true
            for case var part? in parts {
                if !isFirst { separator.withUTF8(copy) }
                isFirst = false
                part.withUTF8(copy)
            }
            return offset
        }
    }

    /// "directHire" → "Direct hire", "internship" → "Internship": a code made readable.
    static func humanised(code: String) -> String {
        var words: [String] = []
        var current = ""
        for character in code {
            if character == "_" || character == "-" || character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isUppercase, !current.isEmpty, current.last?.isLowercase == true {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        let sentence = words.map { $0.lowercased() }.joined(separator: " ")
        return sentence.prefix(1).uppercased() + sentence.dropFirst()
    }
}

extension MarkupElement {
    /// The element's own visible text as a value: collapsed, nil when empty or a schema placeholder.
    var xmlValue: String? {
        // The usual value element holds one visible text node, already collapsed ASCII: that text is what
        // `xmlText` would give (it collapses the one node's text, which gives it back as it is), read from
        // the node links without the text-node walk.
        let first = firstChild(of: nodeIndex)
        if first >= 0 && isText(first) && nextSibling(of: first) < 0 && firstChild(of: first) < 0 && !isHidden(first) {
            var text = text(of: first)
            if text.withUTF8(XMLTextBytes.isCollapsedASCII) { return XMLValues.meaningful(collapsed: text) }
        }
        return XMLValues.meaningful(collapsed: xmlText)
    }

    /// The value of the element at `names` below this one (local names, any namespace).
    func xmlValue(_ names: String...) -> String? {
        var current: MarkupElement? = self
        for name in names { current = current?.child(name) }
        return current?.xmlValue
    }

    /// The first child whose local name is any of `names`, in the order the names are given.
    func xmlChild(anyOf names: [String]) -> MarkupElement? {
        for name in names {
            if let found = child(name) { return found }
        }
        return nil
    }

    /// Every element at the end of `names` (each step may match several children).
    func xmlAll(_ names: String...) -> [MarkupElement] {
        xmlAll(path: names)
    }

    /// `xmlAll` of the names in `names`.
    func xmlAll(path names: [String]) -> [MarkupElement] {
        guard let first = names.first else { return [self] }
        // Most of these paths are absent (a résumé without Achievements): a lookup that builds no list
        // answers that. The first step reads this element's children directly, not through a one-element
        // list of itself and a `flatMap` of it.
        guard child(first) != nil else { return [] }
        var level = children(named: first)
        for name in names.dropFirst() {
            guard level.contains(where: { $0.child(name) != nil }) else { return [] }
            level = level.flatMap { $0.children(named: name) }
        }
        return level
    }

    /// The child elements with local name `name` (any namespace), in order.
    func xmlChildren(named name: String) -> [MarkupElement] {
        // Markup's own one-pass filter now compares names in place and lists only the matches: listing
        // every child and removing the others grew a list for each child.
        children(named: name)
    }

    /// The raw text of the element, untouched (entities resolved, whitespace kept), for text that
    /// holds escaped HTML or hand-made line breaks.
    var xmlRawText: String {
        // The usual `Description`: one text node and nothing else inside. Its text is read from the node
        // links, without the list of text nodes `textNodes` makes (an array and a retain per piece).
        let first = firstChild(of: nodeIndex)
        if first >= 0 && isText(first) && nextSibling(of: first) < 0 && firstChild(of: first) < 0 {
            return isHidden(first) ? "" : text(of: first)
        }
        let nodes = textNodes
        // One text node, a `Description` as written: that node's text, with no list and no joined copy.
        if nodes.count == 1 { return nodes[0].isHidden ? "" : nodes[0].value }
        var pieces: [String] = []
        for piece in nodes where !piece.isHidden { pieces.append(piece.value) }
        return pieces.joined()
    }

    /// Whether the element holds any non-blank text, checked without joining it: for elements such as
    /// base64 `Data` that may hold megabytes.
    var xmlHasText: Bool {
        for piece in textNodes where !piece.isHidden {
            if piece.value.utf8.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) { return true }
        }
        return false
    }
}
