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

    /// The least byte value from which every byte means `.other` in this alphabet (0x3F in ASCII): a word
    /// with no byte below it is all name or value characters.
    private static func leastOtherByte(_ roles: [Role]) -> UInt8 {
        UInt8(roles.lastIndex { $0 != .other }.map { $0 + 1 } ?? 0)
    }

    static func mostAttributes(in raw: UnsafeRawBufferPointer, limit: Int, alphabet: Alphabet) -> Int {
        guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        let end = raw.count
        // Plain locals: reading them through the struct costs a retain and release per byte in debug builds.
        let open = alphabet.open, bang = alphabet.bang, question = alphabet.question, slash = alphabet.slash
        let roleTable = roles(of: alphabet)
        // Above 0x80 the word test below no longer holds (it needs the bound's high bit clear).
        let otherFrom = leastOtherByte(roleTable)
        let canSkipWords = otherFrom <= 0x80
        return roleTable.withUnsafeBufferPointer { roles in
            var most = 0
            var index = 0
            while index < end {
                // Text: jump to the next `<`.
                guard let found = ByteSearch.firstIndex(of: open, in: base, from: index, to: end) else { break }
                index = found + 1
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
                        guard let closing = ByteSearch.firstIndex(of: byte, in: base, from: index, to: end) else {
                            index = end
                            break tag
                        }
                        index = closing + 1
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
                        // The rest of a run of `.other` bytes (a name's letters) changes nothing: go to
                        // the run's end a word at a time.
                        if canSkipWords { index = ByteSearch.firstIndex(below: otherFrom, in: base, from: index, to: end) }
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

/// Byte searches of the scan: a run of name characters is passed a word (eight bytes) at a time, which
/// took a third off the scan of an HR-XML file (long element names); single bytes are found with
/// `memchr`, which measured cheaper than a word-at-a-time search even over the short distances of
/// indented XML.
enum ByteSearch {
    private static var ones: UInt64 { 0x0101_0101_0101_0101 }
    private static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// Marks (high bit) the bytes of `word` below `bound` (at most 0x80); the lowest mark is exactly the
    /// first such byte: a byte at or above the bound borrows nothing from the bytes above it, and one
    /// below it with its high bit clear always keeps its mark.
    @inline(__always) static func bytes(below bound: UInt8, in word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(bound)) & ~word & highBits
    }

    /// The eight bytes at `offset`, the first in the lowest bits whatever the machine's byte order.
    @inline(__always) static func word(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// The first index in `start..<end` holding `byte`, if any.
    @inline(__always) static func firstIndex(of byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }

    /// The first index in `start..<end` holding a byte below `bound` (at most 0x80), or `end`.
    @inline(__always) static func firstIndex(below bound: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        while index + 8 <= end {
            let marks = bytes(below: bound, in: word(base, at: index))
            if marks != 0 { return index + marks.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end && base[index] >= bound { index += 1 }
        return index
    }
}
