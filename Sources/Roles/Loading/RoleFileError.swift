/// A problem in a profile or rubric file, with the line and what to do about it.
public struct RoleFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var problem: String
    public var fix: String

    public init(file: String, line: Int, problem: String, fix: String) {
        self.file = file
        self.line = line
        self.problem = problem
        self.fix = fix
    }

    /// `Rubrics/hr-manager.yaml:12: weight must be a positive number, got "heavy" — write a number such as 10`
    public var description: String {
        "\(file):\(line): \(problem) — \(fix)"
    }
}
