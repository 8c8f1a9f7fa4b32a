import Extraction
import Yams

/// A YAML document as plain values with their lines. Every scalar stays text (the loaders read numbers
/// and booleans themselves, with their own errors), so the document is composed with Yams' basic
/// resolver and copied once: Yams' default resolver runs a regular expression per scalar on every
/// mapping lookup, which was most of `readiness report`'s start-up.
indirect enum YAMLNode {
    case scalar(String, line: Int)
    case sequence([YAMLNode], line: Int)
    case mapping([(key: String, keyLine: Int, value: YAMLNode)], line: Int)

    init(_ node: Node, fallbackLine: Int) {
        let line = node.mark?.line ?? fallbackLine
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string, line: line)
        case .sequence(let sequence):
            self = .sequence(sequence.map { YAMLNode($0, fallbackLine: line) }, line: line)
        case .mapping(let mapping):
            self = .mapping(mapping.compactMap { key, value in
                // Keys that are not text (a list as a key) cannot name a field; they are ignored.
                guard let name = key.scalar?.string else { return nil }
                return (name, key.mark?.line ?? line, YAMLNode(value, fallbackLine: key.mark?.line ?? line))
            }, line: line)
        case .alias:
            self = .scalar("", line: line)
        }
    }

    var line: Int {
        switch self {
        case .scalar(_, let line), .sequence(_, let line), .mapping(_, let line): line
        }
    }

    var scalar: String? {
        if case .scalar(let text, _) = self { return text }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    var mapping: [(key: String, keyLine: Int, value: YAMLNode)]? {
        if case .mapping(let entries, _) = self { return entries }
        return nil
    }
}

/// A YAML node with the file and key path it came from, so every read can fail with a line number
/// and a fix.
struct YAMLField {
    let node: YAMLNode?
    let file: String
    let key: String
    /// Line of the node, or of its parent when the key is missing.
    let line: Int

    static func root(yaml: String, file: String) throws(RoleFileError) -> YAMLField {
        // The role files use a small part of YAML, which RoleYAMLReader reads into the same tree at a small
        // fraction of Yams' cost; it declines everything else, including every invalid file, so Yams still
        // gives those their tree or their error.
        if let root = RoleYAMLReader.read(yaml) {
            return YAMLField(node: root, file: file, key: "", line: root.line)
        }
        do {
            guard let node = try Yams.compose(yaml: yaml, .basic) else {
                throw RoleFileError(file: file, line: 1, problem: "the file is empty", fix: "write the YAML document")
            }
            let root = YAMLNode(node, fallbackLine: 1)
            return YAMLField(node: root, file: file, key: "", line: root.line)
        } catch let error as RoleFileError {
            throw error
        } catch let error as YamlError {
            throw RoleFileError(file: file, line: Self.line(of: error), problem: "not valid YAML: \(Self.problem(of: error))", fix: "fix the indentation or quoting at this line")
        } catch {
            throw RoleFileError(file: file, line: 1, problem: "not valid YAML: \(error)", fix: "fix the YAML syntax")
        }
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 1
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)"
        }
    }

    func fail(_ problem: String, fix: String) -> RoleFileError {
        RoleFileError(file: file, line: line, problem: problem, fix: fix)
    }

    var exists: Bool { node != nil && node?.scalar != "~" && node?.scalar != "null" }

    subscript(_ name: String) -> YAMLField {
        let child = node?.mapping?.first { $0.key == name }?.value
        let path = key.isEmpty ? name : "\(key).\(name)"
        return YAMLField(node: child, file: file, key: path, line: child?.line ?? line)
    }

    /// The mapping's keys, for "unknown key" checks.
    var keys: [(String, Int)] {
        guard let mapping = node?.mapping else { return [] }
        return mapping.map { ($0.key, $0.keyLine) }
    }

    func rejectUnknownKeys(_ allowed: Set<String>) throws(RoleFileError) {
        for (name, keyLine) in keys where !allowed.contains(name) {
            let known = allowed.sorted().joined(separator: ", ")
            throw RoleFileError(file: file, line: keyLine, problem: "unknown key \"\(name)\"\(key.isEmpty ? "" : " in \(key)")", fix: "use one of: \(known)")
        }
    }

    func string() throws(RoleFileError) -> String {
        guard let node else { throw fail("\(key) is missing", fix: "add \(key): <text>") }
        guard let value = node.scalar, value.contains(where: { !$0.isWhitespace }) else {
            throw fail("\(key) must be text", fix: "write \(key): <text>")
        }
        return value
    }

    func optionalString() throws(RoleFileError) -> String? {
        guard exists else { return nil }
        return try string()
    }

    func number() throws(RoleFileError) -> Double {
        guard let node else { throw fail("\(key) is missing", fix: "add \(key): <number>") }
        guard let scalar = node.scalar, let value = Double(scalar) else {
            throw fail("\(key) must be a number, got \"\(node.scalar ?? "a list or mapping")\"", fix: "write a number such as 10")
        }
        return value
    }

    func optionalNumber() throws(RoleFileError) -> Double? {
        guard exists else { return nil }
        return try number()
    }

    func integer() throws(RoleFileError) -> Int {
        let value = try number()
        guard value == value.rounded() else { throw fail("\(key) must be a whole number, got \(value)", fix: "write a whole number such as 2") }
        return Int(value)
    }

    func bool(default fallback: Bool) throws(RoleFileError) -> Bool {
        guard exists, let text = node?.scalar else { return fallback }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw fail("\(key) must be true or false, got \"\(text)\"", fix: "write true or false")
        }
    }

    func strings() throws(RoleFileError) -> [String] {
        guard exists, let node else { return [] }
        if let sequence = node.sequence {
            var result: [String] = []
            for item in sequence {
                guard let text = item.scalar else {
                    throw RoleFileError(file: file, line: item.line, problem: "\(key) must be a list of texts", fix: "write \(key): [a, b, c]")
                }
                result.append(text)
            }
            return result
        }
        if let text = node.scalar { return [text] }
        throw fail("\(key) must be a list", fix: "write \(key): [a, b, c]")
    }

    /// Items of a sequence, each as a field with its own line.
    func items() throws(RoleFileError) -> [YAMLField] {
        guard exists, let node else { return [] }
        guard let sequence = node.sequence else { throw fail("\(key) must be a list", fix: "write each entry on a line starting with \"- \"") }
        return sequence.enumerated().map { index, item in
            YAMLField(node: item, file: file, key: "\(key)[\(index)]", line: item.line)
        }
    }

    /// Entries of a mapping in file order, as (key, field).
    func entries() throws(RoleFileError) -> [(String, YAMLField)] {
        guard exists, let node else { return [] }
        guard let mapping = node.mapping else { throw fail("\(key) must be a mapping", fix: "write \(key): followed by indented name: value lines") }
        var result: [(String, YAMLField)] = []
        for (name, _, value) in mapping {
            let path = key.isEmpty ? name : "\(key).\(name)"
            result.append((name, YAMLField(node: value, file: file, key: path, line: value.line)))
        }
        return result
    }

    func educationLevel() throws(RoleFileError) -> EducationLevel {
        let text = try string()
        guard let level = EducationLevel(rawValue: text.lowercased()) else {
            throw fail("\(key) \"\(text)\" is not an education level", fix: "use one of: \(EducationLevel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return level
    }

    func educationLevels() throws(RoleFileError) -> [EducationLevel] {
        var levels: [EducationLevel] = []
        for text in try strings() {
            // "mba" is a master's degree; profiles may name it.
            let normalized = text.lowercased() == "mba" ? "master" : text.lowercased()
            guard let level = EducationLevel(rawValue: normalized) else {
                throw fail("\(key) has \"\(text)\", not an education level", fix: "use: \(EducationLevel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !levels.contains(level) { levels.append(level) }
        }
        return levels
    }
}
