import Foundation

/// A small RFC 4180 reader for the CSV files the audit joins: quoted fields, doubled quotes inside them,
/// CRLF or LF line ends, line breaks inside quoted fields, and the UTF-8 byte-order mark Excel writes.
/// The first record is the header. It scans bytes, not characters: the delimiters are ASCII, so splitting
/// the UTF-8 bytes is safe and a 100,000-row batch file reads quickly.
public struct CSVTable: Sendable, Equatable {
    /// One data record and the line of the file it starts on, for error messages.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]

        /// The field in `column`, or "" when the record is shorter than the header (a lenient reading:
        /// spreadsheets drop trailing empty cells).
        public subscript(column: Int) -> String {
            column < fields.count ? fields[column] : ""
        }
    }

    public enum ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        case notUTF8
        case empty
        case unterminatedQuote(line: Int)

        public var description: String {
            switch self {
            case .notUTF8: "is not UTF-8 text (save it as \"CSV UTF-8\")"
            case .empty: "is empty; a header line is required"
            case .unterminatedQuote(let line): "line \(line): a quoted field is never closed"
            }
        }
    }

    public var header: [String]
    public var records: [Record]

    public init(header: [String], records: [Record]) {
        self.header = header
        self.records = records
    }

    public init(data: Data) throws(ReadError) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(data: Data(bytes), encoding: .utf8) != nil else { throw .notUTF8 }
        var all = try Self.records(in: bytes)
        guard !all.isEmpty else { throw .empty }
        header = all.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces) }
        records = all
    }

    public init(text: String) throws(ReadError) {
        try self.init(data: Data(text.utf8))
    }

    /// The index of the header column named `name`, ignoring case and surrounding spaces.
    public func column(_ name: String) -> Int? {
        let wanted = name.lowercased()
        return header.firstIndex { $0.lowercased() == wanted }
    }

    /// Undoes the OWASP CSV-injection guard `CSVReporter` applies: a `'` put in front of a cell that starts
    /// with `=`, `+`, `-`, `@`, tab, CR, LF or NUL. Only that exact pattern is undone, so any other value
    /// that happens to start with `'` is kept as written.
    public static func removingFormulaGuard(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard scalars.first == "'", scalars.count >= 2 else { return cell }
        let second = scalars[scalars.index(after: scalars.startIndex)]
        guard ["=", "+", "-", "@", "\t", "\r", "\n", "\0"].contains(second) else { return cell }
        return String(scalars.dropFirst())
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    /// Splits the bytes into records. Lines with nothing on them are skipped (a trailing line break must
    /// not make an empty record). A stray quote inside an unquoted field, or text after a closing quote,
    /// is kept as text rather than refused: hand-edited files do that, and the value is still clear.
    /// Unquoted fields, nearly all of a batch file, become strings straight from their byte range; only
    /// quoted ones are copied byte by byte, to undo doubled quotes.
    private static func records(in bytes: [UInt8]) throws(ReadError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var quoted: [UInt8] = []
        var fieldStart = 0
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var index = 0

        func endField(at end: Int) {
            if fieldWasQuoted {
                // Bytes after the closing quote (tolerated) follow the quoted text.
                quoted.append(contentsOf: bytes[fieldStart..<end])
                fields.append(String(decoding: quoted, as: UTF8.self))
                quoted.removeAll(keepingCapacity: true)
            } else {
                fields.append(String(decoding: bytes[fieldStart..<end], as: UTF8.self))
            }
            fieldWasQuoted = false
        }
        func endRecord(at end: Int) {
            endField(at: end)
            let blank = fields.count == 1 && fields[0].isEmpty
            if !blank { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < bytes.count && bytes[index + 1] == quote {
                        quoted.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                        fieldStart = index + 1
                    }
                } else {
                    if byte == lineFeed { line += 1 }
                    quoted.append(byte)
                }
            } else if byte == quote && index == fieldStart && !fieldWasQuoted {
                inQuotes = true
                fieldWasQuoted = true
            } else if byte == comma {
                endField(at: index)
                fieldStart = index + 1
            } else if byte == carriageReturn || byte == lineFeed {
                // CRLF, a lone LF, or a lone CR each end one record.
                endRecord(at: index)
                if byte == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == lineFeed { index += 1 }
                fieldStart = index + 1
                line += 1
                recordLine = line
            }
            index += 1
        }
        if inQuotes { throw .unterminatedQuote(line: recordLine) }
        if fieldStart < bytes.count || !fields.isEmpty || fieldWasQuoted { endRecord(at: bytes.count) }
        return records
    }
}
