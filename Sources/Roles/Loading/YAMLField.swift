import Extraction
import Yams

/// A YAML node with the file and key path it came from, so every read can fail with a line number
/// and a fix.
struct YAMLField {
    let node: Node?
    let file: String
    let key: String
    /// Line of the node, or of its parent when the key is missing.
    let line: Int

    static func root(yaml: String, file: String) throws(RoleFileError) -> YAMLField {
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw RoleFileError(file: file, line: 1, problem: "the file is empty", fix: "write the YAML document")
            }
            return YAMLField(node: node, file: file, key: "", line: node.mark?.line ?? 1)
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

    var exists: Bool { node != nil && node?.scalar?.string != "~" && !(node?.scalar?.string == "null") }

    subscript(_ name: String) -> YAMLField {
        let child = node?.mapping?[name]
        let path = key.isEmpty ? name : "\(key).\(name)"
        return YAMLField(node: child, file: file, key: path, line: child?.mark?.line ?? line)
    }

    /// The mapping's keys, for "unknown key" checks.
    var keys: [(String, Int)] {
        guard let mapping = node?.mapping else { return [] }
        return mapping.keys.compactMap { key in key.string.map { ($0, key.mark?.line ?? line) } }
    }

    func rejectUnknownKeys(_ allowed: Set<String>) throws(RoleFileError) {
        for (name, keyLine) in keys where !allowed.contains(name) {
            let known = allowed.sorted().joined(separator: ", ")
            throw RoleFileError(file: file, line: keyLine, problem: "unknown key \"\(name)\"\(key.isEmpty ? "" : " in \(key)")", fix: "use one of: \(known)")
        }
    }

    func string() throws(RoleFileError) -> String {
        guard let node else { throw fail("\(key) is missing", fix: "add \(key): <text>") }
        guard let value = node.scalar?.string, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
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
        guard let scalar = node.scalar, let value = Double(scalar.string) else {
            throw fail("\(key) must be a number, got \"\(node.scalar?.string ?? "a list or mapping")\"", fix: "write a number such as 10")
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
        guard exists, let text = node?.scalar?.string else { return fallback }
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
                guard let text = item.scalar?.string else {
                    throw RoleFileError(file: file, line: item.mark?.line ?? line, problem: "\(key) must be a list of texts", fix: "write \(key): [a, b, c]")
                }
                result.append(text)
            }
            return result
        }
        if let text = node.scalar?.string { return [text] }
        throw fail("\(key) must be a list", fix: "write \(key): [a, b, c]")
    }

    /// Items of a sequence, each as a field with its own line.
    func items() throws(RoleFileError) -> [YAMLField] {
        guard exists, let node else { return [] }
        guard let sequence = node.sequence else { throw fail("\(key) must be a list", fix: "write each entry on a line starting with \"- \"") }
        return sequence.enumerated().map { index, item in
            YAMLField(node: item, file: file, key: "\(key)[\(index)]", line: item.mark?.line ?? line)
        }
    }

    /// Entries of a mapping in file order, as (key, field).
    func entries() throws(RoleFileError) -> [(String, YAMLField)] {
        guard exists, let node else { return [] }
        guard let mapping = node.mapping else { throw fail("\(key) must be a mapping", fix: "write \(key): followed by indented name: value lines") }
        var result: [(String, YAMLField)] = []
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { continue }
            let path = key.isEmpty ? name : "\(key).\(name)"
            result.append((name, YAMLField(node: value, file: file, key: path, line: value.mark?.line ?? keyNode.mark?.line ?? line)))
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
