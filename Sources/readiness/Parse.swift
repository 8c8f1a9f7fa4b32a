import ArgumentParser
import Extraction
import Reporting

extension ReadinessCommand {
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the candidate record extracted from each résumé.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, text
        }

        @Argument(help: "Résumé files (HTML or XML).")
        var files: [String]

        @Option(help: "Output format.")
        var format: Format = .json

        @Flag(help: "Leave out name, contact details and graduation years.")
        var blind = false

        @OptionGroup var reading: ReadingOptions

        func run() throws {
            let asOf = try reading.asOfDate()
            let reader = reading.reader()
            var worstExit: Int32 = 0
            var outputs: [String] = []
            for file in files {
                do {
                    let candidate = try reader.read(fileAt: file, asOf: asOf)
                    switch format {
                    case .json: outputs.append(CandidateJSON.value(of: candidate, blind: blind).serialized(pretty: true))
                    case .text: outputs.append(CandidateText.render(candidate, blind: blind))
                    }
                } catch {
                    reportError(file, error.description)
                    worstExit = max(worstExit, error.exitCode)
                }
            }
            if format == .json && files.count > 1 {
                writeStandardOutput("[\n" + outputs.joined(separator: ",\n") + "\n]\n")
            } else {
                writeStandardOutput(outputs.map { $0 + "\n" }.joined())
            }
            if worstExit != 0 { throw ExitCode(worstExit) }
        }
    }
}
