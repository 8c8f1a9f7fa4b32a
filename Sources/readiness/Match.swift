import ArgumentParser
import Extraction
import Reporting
import Roles
import Scoring

extension ReadinessCommand {
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rank every role by how well a candidate fits it.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "A résumé file (HTML or XML).")
        var file: String

        @Option(help: "Output format.")
        var format: Format = .text

        @Flag(help: "Leave out name and contact details.")
        var blind = false

        @OptionGroup var reading: ReadingOptions
        @OptionGroup var roles: RoleOptions

        func run() throws {
            let asOf = try reading.asOfDate()
            let catalog = try roles.catalog()
            let candidate = try readCandidate(file, with: reading.reader(), asOf: asOf)
            let ranking = RoleMatcher(scorer: Scorer(catalog: catalog)).rank(candidate, asOf: asOf)
            switch format {
            case .json: writeStandardOutput(MatchReport.json(ranking, candidate: candidate, blind: blind))
            case .text: writeStandardOutput(MatchReport.text(ranking, candidate: candidate, blind: blind))
            }
        }
    }
}
