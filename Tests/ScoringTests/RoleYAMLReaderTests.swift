import Foundation
@testable import Roles
import TestSupport
import Testing
import Yams

/// RoleYAMLReader must give exactly the tree Yams gives (strings, node and key lines, key order) or decline.
/// Yams, through the same `YAMLNode.init` copy `YAMLField.root` uses when the reader declines, is the reference.
struct RoleYAMLReaderTests {
    // MARK: Reference and comparison

    /// The tree `YAMLField.root` built before the fast reader existed; nil when Yams fails or finds no document.
    static func yamsTree(_ yaml: String) -> YAMLNode? {
        guard let node = try? Yams.compose(yaml: yaml, .basic) else { return nil }
        return YAMLNode(node, fallbackLine: 1)
    }

    /// Node-by-node equality, naming the first difference.
    static func difference(_ fast: YAMLNode, _ reference: YAMLNode, path: String = "") -> String? {
        switch (fast, reference) {
        case let (.scalar(a, lineA), .scalar(b, lineB)):
            if a != b { return "\(path): scalar \(a.debugDescription) != \(b.debugDescription)" }
            if lineA != lineB { return "\(path): scalar line \(lineA) != \(lineB)" }
            return nil
        case let (.sequence(a, lineA), .sequence(b, lineB)):
            if lineA != lineB { return "\(path): sequence line \(lineA) != \(lineB)" }
            if a.count != b.count { return "\(path): \(a.count) items != \(b.count)" }
            for (index, (x, y)) in zip(a, b).enumerated() {
                if let found = difference(x, y, path: "\(path)[\(index)]") { return found }
            }
            return nil
        case let (.mapping(a, lineA), .mapping(b, lineB)):
            if lineA != lineB { return "\(path): mapping line \(lineA) != \(lineB)" }
            if a.count != b.count { return "\(path): \(a.count) keys != \(b.count)" }
            for (x, y) in zip(a, b) {
                if x.key != y.key { return "\(path): key \(x.key.debugDescription) != \(y.key.debugDescription)" }
                if x.keyLine != y.keyLine { return "\(path).\(x.key): key line \(x.keyLine) != \(y.keyLine)" }
                if let found = difference(x.value, y.value, path: "\(path).\(x.key)") { return found }
            }
            return nil
        default:
            return "\(path): \(fast) is not the same kind as \(reference)"
        }
    }

    /// The reader read `yaml` (did not decline) and its tree is Yams'.
    static func expectReadLikeYams(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let fast = RoleYAMLReader.read(yaml) else {
            Issue.record("declined:\n\(yaml)", sourceLocation: sourceLocation)
            return
        }
        guard let reference = yamsTree(yaml) else {
            Issue.record("read what Yams rejects:\n\(yaml)", sourceLocation: sourceLocation)
            return
        }
        if let found = difference(fast, reference) {
            Issue.record("\(found) in:\n\(yaml)", sourceLocation: sourceLocation)
        }
    }

    static func expectDeclined(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(RoleYAMLReader.read(yaml) == nil, "read:\n\(yaml)", sourceLocation: sourceLocation)
    }

    // MARK: The files

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func yamlFiles(under folder: String) -> [URL] {
        let root = repository.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }

    @Test func everyDefaultRoleFileIsReadAsYamsReadsIt() throws {
        let files = Self.yamlFiles(under: "Sources/Roles/Defaults")
        #expect(files.count == 22)
        for file in files {
            let yaml = try String(contentsOf: file, encoding: .utf8)
            // None may be declined: that would send start-up back to Yams.
            Self.expectReadLikeYams(yaml)
        }
    }

    @Test func derivedRubricsAreReadAsYamsReadsThem() throws {
        let catalog = try RoleCatalog.builtIn()
        for profile in catalog.profiles {
            let derived = RubricDeriver.derive(from: profile, among: catalog.profiles)
            Self.expectReadLikeYams(RubricWriter.yaml(for: derived, derivedFrom: "Profiles/\(profile.id).yaml"))
        }
    }

    /// Each default file with its lines cut off one at a time from the end: truncated documents are valid or
    /// invalid in many different ways, and the reader must match Yams or decline on each.
    @Test func truncatedDefaultFilesAreReadAsYamsReadsThemOrDeclined() throws {
        for file in Self.yamlFiles(under: "Sources/Roles/Defaults").prefix(4) {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for count in stride(from: lines.count, to: 0, by: -1) {
                let yaml = lines.prefix(count).joined(separator: "\n")
                guard let fast = RoleYAMLReader.read(yaml) else { continue }
                guard let reference = Self.yamsTree(yaml) else {
                    Issue.record("\(file.lastPathComponent) cut to \(count) lines: read what Yams rejects")
                    continue
                }
                #expect(Self.difference(fast, reference) == nil, "\(file.lastPathComponent) cut to \(count) lines")
            }
        }
    }

    /// Snippets of the default files with random edits drawn from YAML's special characters: each must be
    /// read as Yams reads it, or declined. A fixed seed keeps failures reproducible.
    @Test func editedSnippetsAreReadAsYamsReadsThemOrDeclined() throws {
        let files = try Self.yamlFiles(under: "Sources/Roles/Defaults").map {
            try String(contentsOf: $0, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let edits: [String] = [" ", "  ", ":", ": ", "#", " #", "-", "- ", "'", "''", "\"", "\\", "[", "]", "{", "}", ",",
                               ">-", "\n", "\n  ", "\n    ", "~", "é", "—", "&", "*", "!", "|", "?", "\t", "\r"]
        var random = SplitMix64(seed: 7)
        var read = 0
        for round in 0..<5000 {
            let lines = files[Int(random.next() % UInt64(files.count))]
            // Start at a top-level key, so that the snippet is a document until it is edited.
            let keyLines = lines.indices.filter { lines[$0].first.map { $0.isLetter } ?? false }
            let start = keyLines[Int(random.next() % UInt64(keyLines.count))]
            var text = Array(lines[start..<min(lines.count, start + 12)].joined(separator: "\n"))
            for _ in 0...(random.next() % 3) where !text.isEmpty {
                let at = Int(random.next() % UInt64(text.count))
                switch random.next() % 3 {
                case 0: text.remove(at: at)
                case 1: text.insert(contentsOf: edits[Int(random.next() % UInt64(edits.count))], at: at)
                default: text.replaceSubrange(at...at, with: edits[Int(random.next() % UInt64(edits.count))])
                }
            }
            let yaml = String(text)
            guard let fast = RoleYAMLReader.read(yaml) else { continue }
            read += 1
            guard let reference = Self.yamsTree(yaml) else {
                Issue.record("round \(round): read what Yams rejects:\n\(yaml)")
                continue
            }
            if let found = Self.difference(fast, reference) {
                Issue.record("round \(round): \(found) in:\n\(yaml)")
            }
        }
        // Many edits make the snippet invalid or leave the subset; enough must be read for the test to mean something.
        #expect(read > 1000)
    }

    // MARK: Constructs read

    @Test(arguments: [
        // Block mappings, sequences, `- key: value` items, comments and blank lines.
        "id: hr-manager\ntitle: HR Manager\n",
        "# a comment\n\nid: x   # trailing comment\n\n\n  # indented comment\ntitle: y",
        "a:\n  b:\n    c: d\n  e: f\ng: h\n",
        "list:\n  - one\n  - two # comment\n  -   three\nnext: 1\n",
        "advice:\n  - id: a\n    when: { always: true }\n    text: t\n  - id: b\n    text: u\n",
        "advice:\n  -   id: a\n      text: t\n",
        "a:\n    - x\n    - y\nb:\n  - z\n",
        "outer:\n  inner:\n    - id: a\n      deep:\n        k: v\n  after: 2\n",
        // Empty values, nulls, booleans and numbers stay text.
        "a:\nb: ~\nc: null\nd: true\ne: 1.5\n",
        "a:   # nothing here\nb: x\n",
        "a:\n# comment at column 0\nb:\n",
        "last:",
        "a: 1\nlast:\n",
        "a: 1\nlast:\n\n# trailing comment\n",
        // Colons inside values.
        "url: http://x\ntime: 10:30\nratio: a:b\n",
        "quoted: \"a: b\"\nsingle: 'c: d'\n",
        "a: text with # not a comment#\n",
        "a: C# and F#\n",
        "a: value   \n",
        // Quotes: `''`, `#` inside, escapes, empty strings, spaces kept.
        "a: 'it''s'\nb: ''\nc: '  padded  '\n",
        "a: \"# not a comment\"\nb: '# nor this' # but this\n",
        "a: \"say \\\"hi\\\" \\\\ back\"\nb: \"\"\n",
        "list:\n  - \"Manager, Human Resources\"\n  - 'O''Brien'\n",
        // Unicode.
        "title: Réviseur — niveau 2 · 人事 🙂\nterms: [café, naïve, 日本語, \"🙂 emoji\"]\nnbsp: a\u{00A0}b\n",
        "clé: valeur\n",
        // Flow sequences and mappings, across lines, with trailing commas and comments.
        "terms: [a, b, c]\nempty: []\nmap: {}\n",
        "terms: [a, b,\n        c, d]\n",
        "terms: [a, b,   # first line\n        c,\n        # a whole comment line\n\n        d,]\nnext: x\n",
        "terms: [\n  a,\n  b,\n  ]\n",
        "range: { min: 5, max: 9 }\nnested: { anyOf: [PHR, SHRM-CP], n: { k: v } }\n",
        "m: {a: 1,\n    b: 2}\n",
        "m: { a: 'x', b: \"y\" , c: [1, 2] }\n",
        "s: [ 'a''b', \"c\", [d, e], {f: g} ]\n",
        "s: [a , b ]\n",
        "s: [24/7, a-b, a.b, C#]\n",
        // Folded scalars: single and multiple lines, blank lines, more-indented lines, trailing blank lines.
        "text: >-\n  one\n  two\n  three\nnext: x\n",
        "text: >-\n  para one\n  continues\n\n  para two\n\n\n  para three\n",
        "text: >-\n  normal\n    more indented\n  normal again\nnext: x\n",
        "text: >-\n  a\n\n    indented after blank\n\n  b\n",
        "text: >-\n  trailing blank lines\n\n\nnext: x\n",
        "text: >-   # comment after indicator\n  x\n",
        "text: >-\n  # not a comment\n  x\n",
        "text: >-\n      deep indent\n      kept\n",
        "text: >-\n  x\n# comment at column 0\nnext: y\n",
        "text: >-\n  x\n   \n  y\n",
        "text: >-\n  x\n      \n  y\n",
        "text: >-\n  ends at the end",
        "list:\n  - id: a\n    text: >-\n      one\n      two\n  - id: b\n",
        "text: >-\n  Ünïcödé — 人事\n  🙂\n",
    ])
    func readsLikeYams(_ yaml: String) {
        Self.expectReadLikeYams(yaml)
    }

    // MARK: Trees read by hand

    @Test func foldedScalarFoldsAsTheSpecSays() throws {
        let tree = try #require(RoleYAMLReader.read("a: >-\n  one\n  two\n\n  three\n    four\n  five\n\nb: c\n"))
        let entries = try #require(tree.mapping)
        #expect(entries.map(\.key) == ["a", "b"])
        #expect(entries[0].value.scalar == "one two\nthree\n  four\nfive")
        #expect(entries[0].value.line == 1)
        #expect(entries[1].keyLine == 9)
    }

    @Test func flowSequenceAcrossLinesKeepsEachItemsLine() throws {
        let tree = try #require(RoleYAMLReader.read("# c\nterms: [a, 'b''s',   # note\n        \"c: d\",\n        é,]\n"))
        let terms = try #require(tree.mapping?.first?.value)
        #expect(terms.line == 2)
        let items = try #require(terms.sequence)
        #expect(items.map(\.scalar) == ["a", "b's", "c: d", "é"])
        #expect(items.map(\.line) == [2, 2, 3, 4])
    }

    @Test func emptyValuesAreEmptyTextOnTheKeysLine() throws {
        let tree = try #require(RoleYAMLReader.read("a:\nb: ~\n\nc:   # none\n"))
        let entries = try #require(tree.mapping)
        #expect(entries.map(\.key) == ["a", "b", "c"])
        #expect(entries.map(\.value.scalar) == ["", "~", ""])
        #expect(entries.map(\.value.line) == [1, 2, 4])
    }

    @Test func sequenceOfMappingsTakesItsLinesFromTheDashes() throws {
        let tree = try #require(RoleYAMLReader.read("x:\n\n  - id: a\n    n: 1\n  - id: b\n"))
        let list = try #require(tree.mapping?.first?.value)
        #expect(list.line == 3)
        let items = try #require(list.sequence)
        #expect(items.map(\.line) == [3, 5])
        #expect(items[0].mapping?.map(\.key) == ["id", "n"])
        #expect(items[0].mapping?.map(\.keyLine) == [3, 4])
    }

    // MARK: Constructs declined

    @Test(arguments: [
        // Empty documents (the loaders' own "file is empty" error comes from Yams' nil).
        "", "\n\n", "# only a comment\n",
        // Not a mapping at the root, or not at column 0.
        "- a\n- b\n", "plain\n", "  a: b\n", "[a, b]\n",
        // Anchors, aliases, tags, merge keys.
        "a: &x 1\nb: *x\n", "a: !!str 1\n", "base: {k: v}\nm:\n  <<: {k: w}\n",
        // Other block scalars and indicators.
        "a: |\n  x\n", "a: >\n  x\n", "a: >+\n  x\n", "a: >2-\n  x\n", "a: >-2\n  x\n", "a: |-\n  x\n",
        "list:\n  - >-\n    x\n",
        // Escapes other than \" and \\.
        "a: \"tab\\there\"\n", "a: \"\\u00e9\"\n", "a: \"line\\nbreak\"\n",
        // Tabs, carriage returns, byte-order marks, control and separator characters.
        "a:\tb\n", "a: b\r\nc: d\r\n", "\u{FEFF}a: b\n", "a: b\u{0085}c\n", "a: b\u{2028}c\n", "a: b\u{0007}\n",
        // Document markers and directives.
        "---\na: b\n", "a: b\n...\n", "%YAML 1.1\n---\na: b\n", "a: b\n---\nc: d\n",
        // Complex, quoted and flow keys; duplicate keys.
        "? a\n: b\n", "\"a\": b\n", "'a': b\n", "[a]: b\n", "a: 1\na: 2\n", "m: {a: 1, a: 2}\n", "key : value\n",
        // Plain scalars continued on the next line, in block and flow context.
        "a: one\n  two\n", "list:\n  - one\n    two\n", "s: [a\n    b]\n", "s: [a, b\n    ]\n",
        // Multi-line quoted scalars.
        "a: \"one\n  two\"\n", "a: 'one\n  two'\n",
        // Indentless sequences, nested compact sequences, empty items.
        "list:\n- a\n- b\n", "list:\n  - - a\n", "list:\n  -\n  - b\n", "list:\n  - # c\n",
        // A plain scalar below a key instead of a mapping or sequence.
        "a:\n  text\n",
        // Values and items starting with indicators (some valid, some not).
        "a: -5\n", "a: - b\n", "a: @x\n", "a: `x`\n", "a: %x\n", "a: ?x\n", "a: :x\n",
        // Colons that libyaml treats differently by context.
        "a: b: c\n", "s: [a: b]\n", "s: [http://x]\n", "m: {a:b}\n", "m: {a}\n", "m: {a: }\n",
        // Comments not preceded by a space.
        "a: 'x'#c\n", "s: [a,#c\n  b]\n",
        // Flow continuation lines at or left of the block's indentation.
        "s: [a,\nb]\n", "m:\n  s: [a,\n  b]\n",
        // Invalid YAML: bad indentation, unclosed collections and quotes, stray text.
        "a: b\n  c: d\n", "a:\n    b: 1\n  c: 2\n", "s: [a, b\n", "m: {a: b\n", "a: \"open\n", "a: 'open\n",
        "s: [a,, b]\n", "s: [a b] c\n", "a: x\n b: y\n", "a: [a]]\n",
    ])
    func declines(_ yaml: String) {
        Self.expectDeclined(yaml)
    }

    /// Declining invalid YAML keeps Yams' error, with its line.
    @Test func invalidYAMLStillFailsWithYamsError() {
        do {
            _ = try YAMLField.root(yaml: "id: x\ntitle: a: b\n", file: "Rubrics/bad.yaml")
            Issue.record("no error")
        } catch {
            #expect(error.file == "Rubrics/bad.yaml")
            #expect(error.line == 2)
            #expect(error.problem.hasPrefix("not valid YAML: "))
        }
    }
}
