import Foundation

/// Decides whether bytes are HTML or XML by looking at them, never at a file name, and rejects what is
/// not markup at all (binary files, plain text) before libxml2 is asked to make sense of it.
enum ContentSniffer {
    struct Verdict: Equatable {
        var kind: MarkupDocument.Kind
    }

    /// Elements that only HTML has at the top of a document or fragment.
    static let htmlRootNames: Set<String> = [
        "html", "head", "body", "meta", "title", "link", "style", "script", "div", "section", "article",
        "header", "main", "nav", "footer", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
        "span", "a", "img", "br", "hr", "dl", "font", "center", "b", "strong", "em", "i", "base",
    ]

    static func sniff(_ bytes: Data) throws(MarkupError) -> Verdict {
        guard !bytes.isEmpty else { throw .empty }
        if let verdict = bytes.prefix(8192).withUnsafeBytes(verdictFromASCIIProlog) { return verdict }
        let prefix = decodedPrefix(bytes)
        // A NUL scalar is a zero byte in the UTF-8 of the decoded prefix: one byte search, not a scalar walk.
        let holdsNUL = prefix.utf8.withContiguousStorageIfAvailable { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
            ?? prefix.utf8.contains(0)
        if holdsNUL {
            throw .notMarkup("it holds NUL bytes: a binary file, not an HTML or XML résumé")
        }
        let trimmed = prefix.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        guard let firstAngle = trimmed.firstIndex(of: "<") else {
            throw .notMarkup("no markup found: the file does not start like HTML or XML")
        }
        // Text before the first tag is normal in a sloppy HTML fragment, not in XML.
        let leading = trimmed[trimmed.startIndex..<firstAngle]
        if leading.count > 512 || !looksLikeText(leading) {
            throw .notMarkup("no markup found: the file does not start like HTML or XML")
        }
        let declaresXML = trimmed[firstAngle...].hasPrefix("<?xml")
        let rootName = firstElementName(in: trimmed[firstAngle...])
        if let rootName { return verdict(rootName: rootName, declaresXML: declaresXML) }
        if trimmed.lowercased().contains("<!doctype html") { return Verdict(kind: .html) }
        return Verdict(kind: declaresXML ? .xml : .html)
    }

    /// HTML when the first element is `html`, or one only HTML has at the top and no XML declaration
    /// came before it; XML otherwise.
    static func verdict(rootName: String, declaresXML: Bool) -> Verdict {
        let local = rootName.split(separator: ":").last.map(String.init) ?? rootName
        if local.lowercased() == "html" || (!declaresXML && htmlRootNames.contains(local.lowercased())) {
            return Verdict(kind: .html)
        }
        return Verdict(kind: .xml)
    }

    /// The first few kilobytes as text, whatever the encoding, good enough to find the first tag.
    static func decodedPrefix(_ bytes: Data) -> String {
        let head = bytes.prefix(8192)
        // Nearly every résumé starts with kilobytes of plain ASCII, which is its own UTF-8 and Latin-1
        // decoding: checked eight bytes at a time and copied once, with no array or validation pass.
        if let ascii = head.withUnsafeBytes({ raw -> String? in
            var index = 0
            while index + 8 <= raw.count {
                guard raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 else { return nil }
                index += 8
            }
            while index < raw.count {
                guard raw[index] < 0x80 else { return nil }
                index += 1
            }
            // A zero byte second or first is UTF-16 without a byte-order mark, decided below.
            if raw.count >= 2 && (raw[0] == 0 || raw[1] == 0) { return nil }
            return String(decoding: raw, as: UTF8.self)
        }) {
            return ascii
        }
        let array = [UInt8](head)
        if array.count >= 2 {
            if array[0] == 0xFF && array[1] == 0xFE { return decodeUTF16(array.dropFirst(2), littleEndian: true) }
            if array[0] == 0xFE && array[1] == 0xFF { return decodeUTF16(array.dropFirst(2), littleEndian: false) }
            // UTF-16 without a byte-order mark: "<" followed or preceded by a zero byte.
            if array[0] == 0x3C && array[1] == 0x00 { return decodeUTF16(array[...], littleEndian: true) }
            if array[0] == 0x00 && array[1] == 0x3C { return decodeUTF16(array[...], littleEndian: false) }
        }
        // UTF-8 when the bytes are valid UTF-8 and hold no U+FFFD; else Latin-1, which keeps every byte as
        // one character, which is all a sniff needs. (Validating once instead of decoding, searching for
        // U+FFFD through Foundation and decoding again: this runs for every file of a batch.)
        if let text = String(validating: array, as: UTF8.self), !containsReplacementCharacter(array) {
            return text
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(array.count * 2)
        for byte in array {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                utf8.append(0xC0 | byte >> 6)
                utf8.append(0x80 | byte & 0x3F)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Whether the bytes hold U+FFFD encoded as UTF-8 (EF BF BD).
    private static func containsReplacementCharacter(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 3 else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            var index = 0
            while index < buffer.count - 2, let found = memchr(base + index, 0xEF, buffer.count - 2 - index) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if buffer[at + 1] == 0xBF && buffer[at + 2] == 0xBD { return true }
                index = at + 1
            }
            return false
        }
    }

    /// The index just past the first `marker` (ASCII) in `text`, found on UTF-8 code units: Foundation's
    /// `range(of:)` would bridge the whole prefix to NSString for each comment or declaration skipped.
    static func index(after marker: String, in text: Substring) -> Substring.Index? {
        let pattern = Array(marker.utf8)
        guard let first = pattern.first else { return text.startIndex }
        let units = text.utf8
        var start = units.startIndex
        while let found = units[start...].firstIndex(of: first) {
            var probe = found
            var matched = 0
            while matched < pattern.count, probe < units.endIndex, units[probe] == pattern[matched] {
                matched += 1
                probe = units.index(after: probe)
            }
            if matched == pattern.count { return probe }
            start = units.index(after: found)
        }
        return nil
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var iterator = bytes.makeIterator()
        while let first = iterator.next(), let second = iterator.next() {
            units.append(littleEndian ? UInt16(first) | UInt16(second) << 8 : UInt16(first) << 8 | UInt16(second))
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static func looksLikeText(_ text: Substring) -> Bool {
        var control = 0
        for scalar in text.unicodeScalars where scalar.value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t" {
            control += 1
        }
        return control == 0
    }

    /// Skips the prolog (declaration, processing instructions, comments, doctype) and returns the first
    /// element's name as written.
    static func firstElementName(in text: Substring) -> String? {
        var rest = text
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("?") {
                guard let end = index(after: "?>", in: rest) else { return nil }
                rest = rest[end...]
            } else if rest.hasPrefix("!--") {
                guard let end = index(after: "-->", in: rest) else { return nil }
                rest = rest[end...]
            } else if rest.hasPrefix("!") {
                guard let end = endOfDoctype(rest) else { return nil }
                rest = rest[end...]
            } else {
                let name = rest.prefix(while: { !$0.isWhitespace && $0 != ">" && $0 != "/" })
                return name.isEmpty ? nil : String(name)
            }
        }
        return nil
    }

    /// The end of `<!DOCTYPE …>`, allowing an internal subset in brackets.
    private static func endOfDoctype(_ text: Substring) -> Substring.Index? {
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            switch text[index] {
            case "[": depth += 1
            case "]": depth -= 1
            case ">" where depth <= 0: return text.index(after: index)
            default: break
            }
            index = text.index(after: index)
        }
        return nil
    }
}
