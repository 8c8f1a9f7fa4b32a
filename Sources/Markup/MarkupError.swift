/// Why a file could not be read as markup. Each case's description is one line a user can act on.
public enum MarkupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has no bytes.
    case empty
    /// The bytes are not HTML or XML (binary, plain text).
    case notMarkup(String)
    /// libxml2 could not build a document; its own message is kept.
    case unreadable(String)
    /// The file is larger than the configured limit.
    case tooLarge(bytes: Int, limit: Int)
    /// The markup holds far more structure than any résumé (see `MarkupParser.maximumNodes` and
    /// `maximumAttributesPerElement`); the reason says which limit and how to raise it.
    case tooComplex(String)

    public var description: String {
        switch self {
        case .empty:
            return "the file is empty"
        case .notMarkup(let reason):
            return reason
        case .unreadable(let message):
            return "not readable as HTML or XML: \(message)"
        case .tooLarge(let bytes, let limit):
            return "the file is \(bytes) bytes, over the \(limit)-byte limit (raise it with --max-file-size)"
        case .tooComplex(let reason):
            return "too complex to be a résumé: \(reason)"
        }
    }
}
