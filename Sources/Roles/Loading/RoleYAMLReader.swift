/// Reads the part of YAML the role files are written in straight into a `YAMLNode` tree, giving the same
/// strings, lines and key order as Yams' `compose` followed by `YAMLNode.init`. Yams spends about 500
/// instructions per byte (libyaml's event stream, Yams' `Node` tree, then our copy), which was most of
/// `readiness report`'s start-up; this reader walks the bytes once.
///
/// It reads: a block mapping at the root; block mappings and sequences nested by indentation, including
/// `- key: value` items; flow sequences and mappings, which may span lines; plain, single-quoted and
/// double-quoted scalars on one line; `>-` folded block scalars; comments and blank lines. Anything else —
/// anchors, aliases, tags, `|` and other block-scalar indicators, escapes other than `\"` and `\\`, tabs,
/// carriage returns, byte-order marks, document markers and directives, complex or quoted keys, duplicate
/// keys, scalars continued on the next line, and every kind of invalid YAML — makes `read` return nil, so the
/// caller uses Yams, whose answer (or error message, with its line) is then the one the user sees.
struct RoleYAMLReader {
    /// Thrown to give up on a construct this reader does not handle; `read` turns it into nil.
    private struct Unsupported: Error {}

    private let bytes: [UInt8]
    /// Index of the next byte to read.
    private var position = 0
    /// 1-based line of `position`, as Yams numbers them.
    private var line = 1
    /// Index of the first byte of the current line, so `position - lineStart` is the column.
    private var lineStart = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The document's tree, or nil when the text uses anything outside the subset described above.
    static func read(_ yaml: String) -> YAMLNode? {
        var reader = RoleYAMLReader(bytes: Array(yaml.utf8))
        do {
            return try reader.document()
        } catch {
            return nil
        }
    }

    // MARK: Document

    private mutating func document() throws(Unsupported) -> YAMLNode {
        try rejectUnusualCharacters()
        try skipToContent()
        // An empty document is an error the loaders word themselves (through Yams' nil); a root that is not a
        // mapping at column 0 is not a role file.
        guard !atEnd, column == 0 else { throw Unsupported() }
        let root = try blockMapping(indent: 0)
        guard atEnd else { throw Unsupported() }
        return root
    }

    /// libyaml rejects control characters, treats NEL, LS and PS as line breaks and skips byte-order marks
    /// at the start of any line; tabs and carriage returns change indentation and folding. None of these
    /// appear in role files, so any of them sends the file to Yams.
    private func rejectUnusualCharacters() throws(Unsupported) {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != UInt8(ascii: "\n") { throw Unsupported() }
            } else if byte == 0x7F {
                throw Unsupported()
            } else if byte == 0xC2 {
                // U+0080–U+009F: C1 controls and NEL.
                if index + 1 < count, bytes[index + 1] < 0xA0 { throw Unsupported() }
            } else if byte == 0xE2 {
                // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR.
                if index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { throw Unsupported() }
            } else if byte == 0xEF {
                // U+FEFF byte-order mark, U+FFFE and U+FFFF non-characters.
                if index + 2 < count {
                    let second = bytes[index + 1], third = bytes[index + 2]
                    if second == 0xBB && third == 0xBF { throw Unsupported() }
                    if second == 0xBF && (third == 0xBE || third == 0xBF) { throw Unsupported() }
                }
            }
            index += 1
        }
    }

    // MARK: Block context

    /// A block mapping whose keys start at column `indent`; the reader is at the first key. Returns at the
    /// first content of a line less indented than the keys, or at the end.
    private mutating func blockMapping(indent: Int) throws(Unsupported) -> YAMLNode {
        var entries: [(key: String, keyLine: Int, value: YAMLNode)] = []
        let mappingLine = line
        repeat {
            let keyLine = line
            let key = try blockKey()
            // Yams rejects duplicate keys; let it word the error.
            if entries.contains(where: { $0.key == key }) { throw Unsupported() }
            let value = try blockMappingValue(indent: indent, keyLine: keyLine)
            entries.append((key, keyLine, value))
        } while !atEnd && column == indent
        // A more-indented line here would continue a scalar or be an error.
        if !atEnd && column > indent { throw Unsupported() }
        return .mapping(entries, line: mappingLine)
    }

    /// A plain key on one line, ending at `:` followed by a space or the line's end; the reader is left just
    /// after the `:`.
    private mutating func blockKey() throws(Unsupported) -> String {
        let start = position
        guard start < bytes.count, !Self.startsSpecially(bytes[start]) else { throw Unsupported() }
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: ":"):
                if index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: " ") || bytes[index + 1] == UInt8(ascii: "\n") {
                    // Trailing spaces before the colon would be trimmed by libyaml; role files have none.
                    guard bytes[index - 1] != UInt8(ascii: " "), index - start <= 1000 else { throw Unsupported() }
                    let key = String(decoding: bytes[start..<index], as: UTF8.self)
                    if key == "<<" { throw Unsupported() }
                    position = index + 1
                    return key
                }
            case UInt8(ascii: "\n"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                 UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "'"):
                throw Unsupported()
            default:
                break
            }
            index += 1
        }
        throw Unsupported()
    }

    /// The value after `key:` in a block mapping at column `indent`.
    private mutating func blockMappingValue(indent: Int, keyLine: Int) throws(Unsupported) -> YAMLNode {
        skipSpaces()
        if atEnd || bytes[position] == UInt8(ascii: "\n") || bytes[position] == UInt8(ascii: "#") {
            try finishLine()
            if atEnd || column < indent {
                return .scalar("", line: keyLine)
            }
            if column == indent {
                // `key:` followed by `- item` at the key's own column is an indentless sequence.
                if bytes[position] == UInt8(ascii: "-") { throw Unsupported() }
                return .scalar("", line: keyLine)
            }
            if isSequenceEntry { return try blockSequence(indent: column) }
            return try blockMapping(indent: column)
        }
        switch bytes[position] {
        case UInt8(ascii: ">"):
            return try foldedScalar(parentIndent: indent)
        default:
            return try inlineBlockValue(indent: indent)
        }
    }

    /// A value that starts and, for scalars, ends on the current line: a flow collection, a quoted scalar or
    /// a plain scalar. The rest of the line may only hold a comment.
    private mutating func inlineBlockValue(indent: Int) throws(Unsupported) -> YAMLNode {
        let value: YAMLNode
        switch bytes[position] {
        case UInt8(ascii: "["):
            value = try flowSequence(blockIndent: indent)
        case UInt8(ascii: "{"):
            value = try flowMapping(blockIndent: indent)
        case UInt8(ascii: "\""):
            value = try doubleQuoted()
        case UInt8(ascii: "'"):
            value = try singleQuoted()
        default:
            value = try blockPlainScalar()
        }
        try finishLine()
        return value
    }

    /// A plain scalar in block context, ending at the line's end or at ` #`. A `: ` inside would make it a
    /// key (or an error), so it is declined, as is any line that would continue it.
    private mutating func blockPlainScalar() throws(Unsupported) -> YAMLNode {
        let start = position
        guard !Self.startsSpecially(bytes[start]) else { throw Unsupported() }
        var index = start
        var end = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: " ") {
                if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "#") { break }
            } else {
                if byte == UInt8(ascii: ":") && (index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: " ") || bytes[index + 1] == UInt8(ascii: "\n")) {
                    throw Unsupported()
                }
                end = index + 1
            }
            index += 1
        }
        let node = YAMLNode.scalar(String(decoding: bytes[start..<end], as: UTF8.self), line: line)
        position = end
        return node
    }

    private var isSequenceEntry: Bool {
        bytes[position] == UInt8(ascii: "-") && position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: " ")
    }

    /// A block sequence whose `- ` markers are at column `indent`.
    private mutating func blockSequence(indent: Int) throws(Unsupported) -> YAMLNode {
        var items: [YAMLNode] = []
        let sequenceLine = line
        repeat {
            guard isSequenceEntry else { throw Unsupported() }
            position += 1
            skipSpaces()
            guard !atEnd else { throw Unsupported() }
            let byte = bytes[position]
            // An empty item, a nested `- - x` or a block scalar item: not in role files.
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "|") {
                throw Unsupported()
            }
            if Self.startsSpecially(byte) || !lineHoldsKey() {
                items.append(try inlineBlockValue(indent: indent))
            } else {
                items.append(try blockMapping(indent: column))
            }
        } while !atEnd && column == indent
        if !atEnd && column > indent { throw Unsupported() }
        return .sequence(items, line: sequenceLine)
    }

    /// Whether the rest of the line, up to a comment, holds `: ` or ends with `:`, which makes a plain
    /// sequence item the first key of a mapping.
    private func lineHoldsKey() -> Bool {
        var index = position
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { return false }
            if byte == UInt8(ascii: " ") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "#") { return false }
            if byte == UInt8(ascii: ":") && (index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: " ") || bytes[index + 1] == UInt8(ascii: "\n")) {
                return true
            }
            index += 1
        }
        return false
    }

    /// A `>-` folded scalar (strip chomping, indentation detected), following libyaml's
    /// `yaml_parser_scan_block_scalar` step by step so blank and more-indented lines fold as there.
    /// `parentIndent` is the column of the mapping holding it. The node's line is the indicator's.
    private mutating func foldedScalar(parentIndent: Int) throws(Unsupported) -> YAMLNode {
        let scalarLine = line
        guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "-") else { throw Unsupported() }
        position += 2
        // Only spaces and a comment may follow the indicator (`>-2` and the like are declined here).
        let afterIndicator = position
        skipSpaces()
        if !atEnd && bytes[position] == UInt8(ascii: "#") && position == afterIndicator { throw Unsupported() }
        skipComment()
        guard !atEnd, bytes[position] == UInt8(ascii: "\n") else { throw Unsupported() }
        startNextLine()

        var indent = 0
        var text: [UInt8] = []
        var leadingBreak = false
        var leadingBlank = false
        var trailingBreaks = blockScalarBreaks(indent: &indent, parentIndent: parentIndent)
        while !atEnd && column == indent {
            let trailingBlank = bytes[position] == UInt8(ascii: " ")
            if leadingBreak && !leadingBlank && !trailingBlank {
                // A single line break between two ordinary lines folds into a space; blank lines stay breaks.
                if trailingBreaks == 0 { text.append(UInt8(ascii: " ")) }
            } else if leadingBreak {
                text.append(UInt8(ascii: "\n"))
            }
            leadingBreak = false
            for _ in 0..<trailingBreaks { text.append(UInt8(ascii: "\n")) }
            leadingBlank = trailingBlank
            let start = position
            while !atEnd && bytes[position] != UInt8(ascii: "\n") { position += 1 }
            text.append(contentsOf: bytes[start..<position])
            if !atEnd {
                startNextLine()
                leadingBreak = true
            }
            trailingBreaks = blockScalarBreaks(indent: &indent, parentIndent: parentIndent)
        }
        // Strip chomping drops the final break and trailing blank lines. The reader is now at the first
        // non-space byte of a less-indented line (possibly a comment), or at the end.
        try skipToContent()
        return .scalar(String(decoding: text, as: UTF8.self), line: scalarLine)
    }

    /// libyaml's `yaml_parser_scan_block_scalar_breaks`: eats indentation and empty lines, counting the
    /// line breaks, and fixes the indentation from the first content line when it is still 0.
    private mutating func blockScalarBreaks(indent: inout Int, parentIndent: Int) -> Int {
        var breaks = 0
        var maxIndent = 0
        while true {
            while (indent == 0 || column < indent) && !atEnd && bytes[position] == UInt8(ascii: " ") {
                position += 1
            }
            if column > maxIndent { maxIndent = column }
            guard !atEnd, bytes[position] == UInt8(ascii: "\n") else { break }
            startNextLine()
            breaks += 1
        }
        if indent == 0 {
            indent = max(maxIndent, parentIndent + 1, 1)
        }
        return breaks
    }

    // MARK: Flow context

    /// `[a, b, …]`, possibly over several lines (each continuation indented past `blockIndent`), with an
    /// optional trailing comma. The reader is left after the `]`.
    private mutating func flowSequence(blockIndent: Int) throws(Unsupported) -> YAMLNode {
        let sequenceLine = line
        position += 1
        var items: [YAMLNode] = []
        while true {
            try skipFlowSpace(blockIndent: blockIndent)
            guard !atEnd else { throw Unsupported() }
            if bytes[position] == UInt8(ascii: "]") { break }
            items.append(try flowNode(blockIndent: blockIndent))
            // `[a: b]` (a single-pair mapping) and anything else but `,` or `]` is declined.
            if try flowItemEnds(closing: UInt8(ascii: "]"), blockIndent: blockIndent) { break }
        }
        position += 1
        return .sequence(items, line: sequenceLine)
    }

    /// `{key: value, …}` with plain keys, possibly over several lines. The reader is left after the `}`.
    private mutating func flowMapping(blockIndent: Int) throws(Unsupported) -> YAMLNode {
        let mappingLine = line
        position += 1
        var entries: [(key: String, keyLine: Int, value: YAMLNode)] = []
        while true {
            try skipFlowSpace(blockIndent: blockIndent)
            guard !atEnd else { throw Unsupported() }
            if bytes[position] == UInt8(ascii: "}") { break }
            let keyLine = line
            let key = try flowPlainText()
            // The key must end at `: `; `{a}`, `{a:b}` and a key running into the line's end are declined.
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: ":"), bytes[position + 1] == UInt8(ascii: " ") else {
                throw Unsupported()
            }
            if key == "<<" || entries.contains(where: { $0.key == key }) { throw Unsupported() }
            position += 1
            skipSpaces()
            guard !atEnd, bytes[position] != UInt8(ascii: "\n"), bytes[position] != UInt8(ascii: "#") else { throw Unsupported() }
            let value = try flowNode(blockIndent: blockIndent)
            entries.append((key, keyLine, value))
            if try flowItemEnds(closing: UInt8(ascii: "}"), blockIndent: blockIndent) { break }
        }
        position += 1
        return .mapping(entries, line: mappingLine)
    }

    /// After a flow item: true at the collection's closing bracket (left under the reader), false after a
    /// `,` (skipped); anything else is declined.
    private mutating func flowItemEnds(closing: UInt8, blockIndent: Int) throws(Unsupported) -> Bool {
        try skipFlowSpace(blockIndent: blockIndent)
        guard !atEnd else { throw Unsupported() }
        if bytes[position] == closing { return true }
        guard bytes[position] == UInt8(ascii: ",") else { throw Unsupported() }
        position += 1
        return false
    }

    private mutating func flowNode(blockIndent: Int) throws(Unsupported) -> YAMLNode {
        switch bytes[position] {
        case UInt8(ascii: "["):
            return try flowSequence(blockIndent: blockIndent)
        case UInt8(ascii: "{"):
            return try flowMapping(blockIndent: blockIndent)
        case UInt8(ascii: "\""):
            return try doubleQuoted()
        case UInt8(ascii: "'"):
            return try singleQuoted()
        default:
            let scalarLine = line
            let text = try flowPlainText()
            // A colon would start a mapping entry or be part of the scalar, depending on what follows.
            if !atEnd && bytes[position] == UInt8(ascii: ":") { throw Unsupported() }
            return .scalar(text, line: scalarLine)
        }
    }

    /// A plain scalar in flow context, ending before `,`, `[`, `]`, `{`, `}`, `:` or ` #`, with trailing
    /// spaces trimmed. One that reaches the line's end could continue on the next line, so it is declined.
    private mutating func flowPlainText() throws(Unsupported) -> String {
        let start = position
        guard !Self.startsSpecially(bytes[start]) else { throw Unsupported() }
        var index = start
        var end = start
        scan: while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ":"):
                break scan
            case UInt8(ascii: "\n"):
                throw Unsupported()
            case UInt8(ascii: " "):
                if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "#") { break scan }
            default:
                end = index + 1
            }
            index += 1
        }
        guard index < bytes.count else { throw Unsupported() }
        position = end
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Spaces, line breaks and comments between flow tokens. Continuation lines must be indented past the
    /// enclosing block (libyaml versions differ on what they accept there) and may not be document markers.
    private mutating func skipFlowSpace(blockIndent: Int) throws(Unsupported) {
        while !atEnd {
            let byte = bytes[position]
            if byte == UInt8(ascii: " ") {
                position += 1
            } else if byte == UInt8(ascii: "\n") {
                startNextLine()
                skipSpaces()
                if !atEnd && bytes[position] != UInt8(ascii: "\n") && bytes[position] != UInt8(ascii: "#") && column <= blockIndent {
                    throw Unsupported()
                }
            } else if byte == UInt8(ascii: "#") {
                // libyaml takes `#` right after a token as a comment; YAML wants a space first. Decline the doubt.
                guard position > lineStart, bytes[position - 1] == UInt8(ascii: " ") else { throw Unsupported() }
                skipComment()
            } else {
                return
            }
        }
    }

    // MARK: Quoted scalars

    /// `'…'` on one line, `''` standing for a quote.
    private mutating func singleQuoted() throws(Unsupported) -> YAMLNode {
        let scalarLine = line
        position += 1
        var text: [UInt8] = []
        var start = position
        while true {
            guard !atEnd, bytes[position] != UInt8(ascii: "\n") else { throw Unsupported() }
            if bytes[position] == UInt8(ascii: "'") {
                text.append(contentsOf: bytes[start..<position])
                if position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "'") {
                    text.append(UInt8(ascii: "'"))
                    position += 2
                    start = position
                    continue
                }
                position += 1
                break
            }
            position += 1
        }
        return .scalar(String(decoding: text, as: UTF8.self), line: scalarLine)
    }

    /// `"…"` on one line, with the escapes `\"` and `\\` only.
    private mutating func doubleQuoted() throws(Unsupported) -> YAMLNode {
        let scalarLine = line
        position += 1
        var text: [UInt8] = []
        var start = position
        while true {
            guard !atEnd, bytes[position] != UInt8(ascii: "\n") else { throw Unsupported() }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                text.append(contentsOf: bytes[start..<position])
                position += 1
                break
            }
            if byte == UInt8(ascii: "\\") {
                guard position + 1 < bytes.count else { throw Unsupported() }
                let escaped = bytes[position + 1]
                guard escaped == UInt8(ascii: "\"") || escaped == UInt8(ascii: "\\") else { throw Unsupported() }
                text.append(contentsOf: bytes[start..<position])
                text.append(escaped)
                position += 2
                start = position
                continue
            }
            position += 1
        }
        return .scalar(String(decoding: text, as: UTF8.self), line: scalarLine)
    }

    // MARK: Lines and spaces

    private var atEnd: Bool { position >= bytes.count }

    private var column: Int { position - lineStart }

    /// Steps over the line break at `position`.
    private mutating func startNextLine() {
        position += 1
        line += 1
        lineStart = position
    }

    private mutating func skipSpaces() {
        while position < bytes.count && bytes[position] == UInt8(ascii: " ") { position += 1 }
    }

    /// Moves to the line break (or end) when at a `#`.
    private mutating func skipComment() {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "#") else { return }
        while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
    }

    /// After a value: only spaces and a comment (after a space) may remain on the line. Then moves to the
    /// next content.
    private mutating func finishLine() throws(Unsupported) {
        let valueEnd = position
        skipSpaces()
        if !atEnd && bytes[position] == UInt8(ascii: "#") {
            guard position > valueEnd || bytes[position - 1] == UInt8(ascii: " ") else { throw Unsupported() }
            skipComment()
        }
        guard atEnd || bytes[position] == UInt8(ascii: "\n") else { throw Unsupported() }
        try skipToContent()
    }

    /// Skips blank lines, comment lines and indentation up to the first byte of the next content (or the
    /// end). Document markers and directives at column 0 are declined.
    private mutating func skipToContent() throws(Unsupported) {
        while true {
            skipSpaces()
            guard !atEnd else { return }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                startNextLine()
            } else if byte == UInt8(ascii: "#") {
                skipComment()
            } else {
                if column == 0 && (byte == UInt8(ascii: "%") || startsLine(with: UInt8(ascii: "-")) || startsLine(with: UInt8(ascii: "."))) {
                    throw Unsupported()
                }
                return
            }
        }
    }

    /// Whether the line starts with three copies of `byte` (`---` or `...`).
    private func startsLine(with byte: UInt8) -> Bool {
        position + 2 < bytes.count && bytes[position] == byte && bytes[position + 1] == byte && bytes[position + 2] == byte
    }

    /// Bytes that cannot start a plain scalar, or that start one only in cases this reader leaves to Yams
    /// (`-x`, `?x`, `:x`), plus space.
    private static func startsSpecially(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
             UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
             UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: " "),
             UInt8(ascii: "\n"):
            true
        default:
            false
        }
    }
}
