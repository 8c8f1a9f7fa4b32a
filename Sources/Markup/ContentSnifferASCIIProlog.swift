import Foundation

extension ContentSniffer {
    /// The verdict `sniff` gives, read straight from the first bytes when everything it looks at there is
    /// plain ASCII; nil when it is not sure, and `sniff` then decodes the prefix and reads it as text.
    ///
    /// Why: generated HR-XML and Europass files carry "résumé" in a comment before the root, so their
    /// first 8 KB are not ASCII and the sniff validated, copied and walked them by `Character` just to
    /// find a root name that sits a hundred bytes in.
    ///
    /// Exact by construction: with no zero byte and an ASCII first byte the prefix decodes as UTF-8 or
    /// Latin-1, and both keep ASCII bytes as the same characters and every other byte non-ASCII. Every
    /// place where `sniff` compares characters is required to be ASCII here, and to be followed by an
    /// ASCII byte, so that no combining mark can join it into a longer `Character`; the comment and
    /// declaration ends `sniff` finds on UTF-8 code units are found on the same bytes here. Anything
    /// else (leading text, a byte-order mark, UTF-16, non-ASCII next to a tag) answers nil.
    static func verdictFromASCIIProlog(_ head: UnsafeRawBufferPointer) -> Verdict? {
        guard let base = head.baseAddress?.assumingMemoryBound(to: UInt8.self), head.count > 0,
              memchr(base, 0, head.count) == nil else { return nil }
        let count = head.count
        let open = UInt8(ascii: "<"), close = UInt8(ascii: ">")
        /// Whether the byte at `index` exists and is ASCII, so the character before it ends there.
        func endsCharacter(before index: Int) -> Bool { index < count && base[index] < 0x80 }
        /// Whether the ASCII `literal` is at `index`, as `hasPrefix` on characters would answer: nil when a
        /// non-ASCII byte right after it could join its last character.
        func hasLiteral(_ literal: StaticString, at index: Int) -> Bool? {
            let length = literal.utf8CodeUnitCount
            for offset in 0..<length {
                guard index + offset < count, base[index + offset] == literal.utf8Start[offset] else { return false }
            }
            return endsCharacter(before: index + length) ? true : nil
        }
        /// The index just past the first `marker` at or after `index`, as `index(after:in:)` finds it.
        func end(of marker: StaticString, from index: Int) -> Int? {
            let length = marker.utf8CodeUnitCount
            var start = index
            while start + length <= count {
                guard let found = memchr(base + start, Int32(marker.utf8Start[0]), count - start) else { return nil }
                let at = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                guard at + length <= count else { return nil }
                if memcmp(base + at, marker.utf8Start, length) == 0 { return at + length }
                start = at + 1
            }
            return nil
        }
        func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

        // Leading whitespace, then the first tag at once: text before it, or a byte-order mark, is left to `sniff`.
        var index = 0
        while index < count && isASCIIWhitespace(base[index]) { index += 1 }
        guard index < count, base[index] == open, endsCharacter(before: index + 1) else { return nil }
        guard let declaresXML = hasLiteral("<?xml", at: index) else { return nil }

        // `firstElementName`, on bytes.
        while true {
            // At a `<` that is a character of its own.
            let afterOpen = index + 1
            let next: Int
            if base[afterOpen] == UInt8(ascii: "?") {
                guard endsCharacter(before: afterOpen + 1), let end = end(of: "?>", from: afterOpen) else { return nil }
                next = end
            } else if let isComment = hasLiteral("!--", at: afterOpen), isComment {
                guard let end = end(of: "-->", from: afterOpen) else { return nil }
                next = end
            } else if base[afterOpen] == UInt8(ascii: "!") {
                guard endsCharacter(before: afterOpen + 1), hasLiteral("!--", at: afterOpen) != nil else { return nil }
                // The doctype, with brackets around an internal subset, all ASCII.
                var depth = 0
                var probe = afterOpen
                var end: Int? = nil
                while probe < count {
                    let byte = base[probe]
                    guard byte < 0x80 else { return nil }
                    if byte == UInt8(ascii: "[") {
                        depth += 1
                    } else if byte == UInt8(ascii: "]") {
                        depth -= 1
                    } else if byte == close && depth <= 0 {
                        end = probe + 1
                        break
                    }
                    probe += 1
                }
                guard let end, endsCharacter(before: end) else { return nil }
                next = end
            } else {
                // The root's name: up to whitespace, `>` or `/`, which must be a character of its own.
                var probe = afterOpen
                while probe < count {
                    let byte = base[probe]
                    guard byte < 0x80 else { return nil }
                    if isASCIIWhitespace(byte) || byte == close || byte == UInt8(ascii: "/") { break }
                    probe += 1
                }
                guard probe > afterOpen, endsCharacter(before: probe + 1) else { return nil }
                let name = String(decoding: UnsafeBufferPointer(start: base + afterOpen, count: probe - afterOpen), as: UTF8.self)
                return verdict(rootName: name, declaresXML: declaresXML)
            }
            // Text between prolog parts, up to the next `<`: ASCII only.
            guard next < count, base[next] < 0x80 else { return nil }
            var probe = next
            while probe < count && base[probe] != open {
                guard base[probe] < 0x80 else { return nil }
                probe += 1
            }
            guard probe < count, endsCharacter(before: probe + 1) else { return nil }
            index = probe
        }
    }
}
