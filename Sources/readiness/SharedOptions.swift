import ArgumentParser
import Extraction
import Foundation

/// Options every command that reads résumés takes.
struct ReadingOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date \"Present\" means (YYYY-MM-DD).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Refuse résumé files larger than this many bytes.", valueName: "BYTES"))
    var maximumFileBytes: Int = 10 * 1024 * 1024

    func asOfDate() throws -> PartialDate {
        guard let asOf else { return Self.today() }
        guard let date = PartialDate(iso: asOf), date.month != nil, date.day != nil, asOf.count == 10 else {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, such as 2026-11-01; got \"\(asOf)\"")
        }
        return date
    }

    func reader() -> ResumeReader {
        ResumeReader(maximumFileBytes: maximumFileBytes)
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
