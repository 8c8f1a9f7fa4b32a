/// Why a file gave no candidate record. `description` is the one-line reason; the caller names the file.
public enum ResumeReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path does not exist (exit 66).
    case missingFile
    /// The path exists but cannot be read as a file: a directory, a FIFO, no permission (exit 66 for a
    /// directory given where a file was expected is still "no such file": we use 65, input not readable).
    case notReadable(String)
    /// The bytes are not a résumé we can read (exit 65).
    case notAResume(String)

    public var description: String {
        switch self {
        case .missingFile: return "no such file"
        case .notReadable(let reason): return reason
        case .notAResume(let reason): return reason
        }
    }

    /// The process exit code DESIGN.md assigns: 66 for a missing file, 65 for input that is not a résumé.
    public var exitCode: Int32 {
        switch self {
        case .missingFile: return 66
        case .notReadable, .notAResume: return 65
        }
    }
}
