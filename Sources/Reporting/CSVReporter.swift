import Scoring

/// `batch --csv`: RFC 4180, one row per input file, columns as DESIGN.md orders them, then one column
/// per criterion. No cell can start a formula in a spreadsheet (OWASP CSV injection).
public struct CSVReporter: Sendable {
    public static let fixedColumns = [
        "rank", "file", "candidate", "current_title", "role", "score", "band", "months_to_ready",
        "missing_must_haves", "top_gaps", "status", "error",
    ]

    public var criterionIDs: [String]
    /// Prefix a UTF-8 byte-order mark so Excel reads the file as UTF-8.
    public var excel: Bool

    public init(criterionIDs: [String], excel: Bool = false) {
        self.criterionIDs = criterionIDs
        self.excel = excel
    }

    public var header: String {
        (excel ? "\u{FEFF}" : "") + record(Self.fixedColumns + criterionIDs.map { "c:\($0)" } + ["hidden_text"])
    }

    /// One data line; `rank` is nil for failed files.
    public func line(_ row: BatchRow, rank: Int?) -> String {
        // Written cell by cell into one string: a batch writes a line per file, and an array of cells
        // joined afterwards cost an allocation per cell and another per joined list.
        var line = CSVLine()
        line.append(rank.map(String.init) ?? "")
        line.append(row.file)
        line.append(row.candidateName ?? "")
        line.append(row.currentTitle ?? "")
        line.append(row.role)
        if let score = row.score { line.appendNumber(score) } else { line.append("") }
        line.append(row.band?.rawValue ?? "")
        line.append(row.monthsToReady.map(String.init) ?? "")
        line.append(joining: row.missingMustHaves, then: nil)
        line.append(joining: row.topGaps, then: row.hiddenText ? "hidden-text" : nil)
        line.append(row.status.rawValue)
        line.append(row.error ?? "")
        for (position, id) in criterionIDs.enumerated() {
            if let earned = row.earned.points(for: id, expectedAt: position) { line.appendNumber(earned) } else { line.append("") }
        }
        line.append(row.status == .ok ? (row.hiddenText ? "true" : "false") : "")
        return line.finished()
    }

    func record(_ cells: [String]) -> String {
        var line = CSVLine()
        for cell in cells { line.append(cell) }
        return line.finished()
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n", "\0"]

    /// Neutralises a leading formula character with `'`, then quotes when RFC 4180 requires it.
    public static func cell(_ raw: String) -> String {
        var value = raw
        if let first = value.unicodeScalars.first, Self.formulaStarts.contains(first) {
            // A negative number is data, not a formula; only text gets the prefix.
            if !(first == "-" && Double(value) != nil) { value = "'" + value }
        }
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
