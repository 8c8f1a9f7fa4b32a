import Foundation

/// Counts the attributes on each start tag before libxml2 sees the bytes.
///
/// Why: libxml2 2.9 checks a start tag for duplicate attributes and appends each new attribute to the
/// element's list in time quadratic in that tag's attribute count (`xmlParseStartTag2`,
/// `xmlNewNsPropEatName`, `htmlParseStartTag`), inside one call nothing can interrupt: a 10 MB tag of
/// `a=1 b=1 …` would run for hours. The node budget (`MarkupParser.maximumNodes`) cannot help, as libxml2
/// only reports the element once the whole tag is done. So one linear pass over the bytes bounds it.
///
/// The count is an upper bound of what libxml2 will find: every word after a space inside a tag counts,
/// a word right after a closing quote counts too (HTML needs no space there), a value is only skipped when
/// its quote follows `=` (as libxml2 reads it), and comments are not skipped.
/// NUL bytes are ignored, which reads UTF-16 and UTF-32 markup as its ASCII; the pass runs once with
/// ASCII's bytes and once with EBCDIC's, the one ASCII-incompatible family libxml2 detects by itself.
enum StartTagScan {
    /// The bytes that matter to the scan in one character set.
    struct Alphabet {
        var open: UInt8, close: UInt8, equals: UInt8, slash: UInt8, bang: UInt8, question: UInt8
        var doubleQuote: UInt8, singleQuote: UInt8
        var spaces: [UInt8]

        static let ascii = Alphabet(
            open: 0x3C, close: 0x3E, equals: 0x3D, slash: 0x2F, bang: 0x21, question: 0x3F,
            doubleQuote: 0x22, singleQuote: 0x27, spaces: [0x20, 0x09, 0x0A, 0x0D, 0x0C])
        /// IBM037 and its relatives agree on all of these.
        static let ebcdic = Alphabet(
            open: 0x4C, close: 0x6E, equals: 0x7E, slash: 0x61, bang: 0x5A, question: 0x6F,
            doubleQuote: 0x7F, singleQuote: 0x7D, spaces: [0x40, 0x05, 0x25, 0x15, 0x0D, 0x0C])
    }

    /// The largest attribute count on one start tag in either alphabet, stopping as soon as one passes
    /// `limit` (the returned count is then `limit + 1`).
    static func mostAttributes(in bytes: Data, limit: Int) -> Int {
        bytes.withUnsafeBytes { raw in
            let ascii = mostAttributes(in: raw, limit: limit, alphabet: .ascii)
            if ascii > limit { return ascii }
            return max(ascii, mostAttributes(in: raw, limit: limit, alphabet: .ebcdic))
        }
    }

    /// What a byte means inside a start tag, looked up once per byte instead of compared with each of
    /// the alphabet's bytes in turn.
    private enum Role: UInt8 {
        case other, space, close, equals, quote, slash, nul
    }

    private static func roles(of alphabet: Alphabet) -> [Role] {
        var roles = [Role](repeating: .other, count: 256)
        for byte in alphabet.spaces { roles[Int(byte)] = .space }
        roles[Int(alphabet.close)] = .close
        roles[Int(alphabet.equals)] = .equals
        roles[Int(alphabet.doubleQuote)] = .quote
        roles[Int(alphabet.singleQuote)] = .quote
        roles[Int(alphabet.slash)] = .slash
        roles[0] = .nul
        return roles
    }

    static func mostAttributes(in raw: UnsafeRawBufferPointer, limit: Int, alphabet: Alphabet) -> Int {
        guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        let end = raw.count
        // Plain locals: reading them through the struct costs a retain and release per byte in debug builds.
        let open = alphabet.open, bang = alphabet.bang, question = alphabet.question, slash = alphabet.slash
        return roles(of: alphabet).withUnsafeBufferPointer { roles in
            var most = 0
            var index = 0
            while index < end {
                // Text: jump to the next `<` (memchr keeps this fast even in a debug build).
                guard let found = memchr(base + index, Int32(open), end - index) else { break }
                index = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
                // The tag's first character: `<!`, `<?`, `</` and `< ` open no start tag.
                while index < end && (base[index] == 0 || base[index] == open) { index += 1 }
                guard index < end else { break }
                let first = base[index]
                if first == bang || first == question || first == slash || roles[Int(first)] == .space { continue }
                // Inside a start tag, up to `>`.
                var count = 0
                var afterSpace = false
                var afterEquals = false
                tag: while index < end {
                    let byte = base[index]
                    index += 1
                    switch roles[Int(byte)] {
                    case .nul:
                        continue
                    case .close:
                        break tag
                    case .space:
                        afterSpace = true
                        continue
                    case .equals:
                        afterSpace = false
                        afterEquals = true
                        continue
                    case .quote where afterEquals:
                        // A quoted value (most of a tag's bytes): jump past its closing quote. libxml2's
                        // HTML parser takes a name right after a closing quote as the next attribute.
                        guard let found = memchr(base + index, Int32(byte), end - index) else {
                            index = end
                            break tag
                        }
                        index = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
                        afterSpace = true
                        afterEquals = false
                        continue
                    case .slash:
                        break
                    case .other, .quote:
                        if afterSpace {
                            count += 1
                            if count > limit { return count }
                        }
                    }
                    afterSpace = false
                    afterEquals = false
                }
                most = max(most, count)
            }
            return most
        }
    }
}
