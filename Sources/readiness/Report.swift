import ArgumentParser
import Extraction
import Foundation
import Reporting
import Roles
import Scoring

extension ReadinessCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score one candidate against one role, with evidence, gaps and advice.",
            discussion: "Without --role, the candidate is scored for the next role up from their current one.")

        @Argument(help: "A résumé file (HTML or XML).")
        var file: String

        @Option(help: ArgumentHelp("The role to score for (see `readiness roles`).", valueName: "ID"))
        var role: String?

        @Option(help: "Output format.")
        var format: ReportFormat = .text

        @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "PATH"))
        var output: String?

        @Flag(help: "Leave out name, contact details, photo, birth date and graduation years.")
        var blind = false

        @OptionGroup var reading: ReadingOptions
        @OptionGroup var roles: RoleOptions

        func run() throws {
            let asOf = try reading.asOfDate()
            let catalog = try roles.catalog()
            if let role { _ = try roles.rubric(role, in: catalog) }
            let candidate = try readCandidate(file, with: reading.reader(), asOf: asOf)
            let scorer = Scorer(catalog: catalog)
            let roleID = role ?? scorer.defaultTargetRole(for: candidate)?.id
            guard let roleID, let rubric = catalog.rubric(for: roleID) else {
                throw ValidationError("cannot tell which role to score for; name one with --role (see `readiness roles`)")
            }
            let assessment = scorer.assess(candidate, against: rubric, asOf: asOf)
            let rendered = format.reporter.render(assessment, blind: blind)
            if let output {
                try writeAtomically(rendered, to: output)
            } else {
                writeStandardOutput(rendered)
            }
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// Reads one résumé for a single-file command, turning a failure into its one-line error and exit code.
func readCandidate(_ file: String, with reader: ResumeReader, asOf: PartialDate) throws -> Candidate {
    do {
        return try reader.read(fileAt: file, asOf: asOf)
    } catch {
        reportError(file, error.description)
        throw ExitCode(error.exitCode)
    }
}
