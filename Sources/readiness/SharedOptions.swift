import ArgumentParser
import Extraction
import Foundation
import Markup

/// Options every command that reads résumés takes.
struct ReadingOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date \"Present\" means (YYYY-MM-DD).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Refuse résumé files larger than this many bytes.", valueName: "BYTES"))
    var maximumFileBytes: Int = 10 * 1024 * 1024

    @Option(name: .customLong("max-text"), help: ArgumentHelp("Read at most this many bytes of text from one résumé; the rest is ignored, with a warning.", valueName: "BYTES"))
    var maximumTextBytes: Int = MarkupParser().maximumTextBytes

    @Option(name: .customLong("max-nodes"), help: ArgumentHelp("Refuse résumés with more elements, attributes and entity references than this.", valueName: "COUNT"))
    var maximumNodes: Int = MarkupParser().maximumNodes

    func validate() throws {
        if maximumFileBytes < 1 { throw ValidationError("--max-file-size must be at least 1") }
        if maximumTextBytes < 1 { throw ValidationError("--max-text must be at least 1") }
        if maximumNodes < 1 { throw ValidationError("--max-nodes must be at least 1") }
    }

    func asOfDate() throws -> PartialDate {
        guard let asOf else { return Self.today() }
        guard let date = PartialDate(iso: asOf), date.month != nil, date.day != nil, asOf.count == 10 else {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, such as 2026-11-01; got \"\(asOf)\"")
        }
        return date
    }

    func reader() -> ResumeReader {
        let parser = MarkupParser(maximumTextBytes: maximumTextBytes, maximumNodes: maximumNodes)
        return ResumeReader(parser: parser, maximumFileBytes: maximumFileBytes)
    }

    static func today() -> PartialDate {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return PartialDate(year: components.year ?? 1970, month: components.month, day: components.day)
    }
}

/// One line on stderr: `readiness: FILE: reason`.
func reportError(_ file: String, _ reason: String) {
    FileHandle.standardError.write(Data("readiness: \(file): \(reason)\n".utf8))
}

func writeStandardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
