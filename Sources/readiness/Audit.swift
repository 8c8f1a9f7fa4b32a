import ArgumentParser
import Foundation
import Reporting

extension ReadinessCommand {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a batch's scores for adverse impact by sex, race/ethnicity and both (NYC Local Law 144 method).",
            discussion: """
                Joins SCORES (written by `readiness batch --csv`) with GROUPS, a CSV of self-reported \
                categories with the columns file,sex,race (others are ignored), on the file column. It \
                reports the median score of all scored files and, per category, the share scoring above it \
                (the scoring rate) and that rate divided by the highest category's (the impact ratio); \
                ratios under 0.8 are flagged. Empty, "unknown" and "decline" count as Unknown: reported, \
                not compared. This computes the numbers; it is not an independent bias audit.
                """)

        @Argument(help: ArgumentHelp("A CSV written by `readiness batch --csv`.", valueName: "SCORES.csv"))
        var scores: String

        @Option(help: ArgumentHelp("Self-reported categories: a CSV with the columns file,sex,race.", valueName: "GROUPS.csv"))
        var groups: String

        @Option(help: "Output format.")
        var format: AuditFormat = .text

        @Option(help: ArgumentHelp("Write the audit to this file instead of standard output.", valueName: "PATH"))
        var output: String?

        func run() throws {
            let scoreData = try readAuditInput(scores)
            let groupData = try readAuditInput(groups)
            let audit: AdverseImpactAudit
            do throws(AuditInputError) {
                audit = AdverseImpactAudit(
                    scores: try AuditInputs.scores(from: scoreData, named: scores),
                    groups: try AuditInputs.groups(from: groupData, named: groups))
            } catch {
                reportError(error.file, error.reason)
                throw ExitCode(65)
            }
            let rendered = AuditReport(audit).render(format)
            if let output {
                try writeAtomically(rendered, to: output)
            } else {
                writeStandardOutput(rendered)
            }
        }

        /// The whole file, or its one-line error and exit 66 (EX_NOINPUT).
        func readAuditInput(_ path: String) throws -> Data {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                reportError(path, "no such file")
                throw ExitCode(66)
            }
            guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
                reportError(path, isFolder.boolValue ? "is a folder, not a CSV file" : "cannot be read")
                throw ExitCode(66)
            }
            return data
        }
    }
}

extension AuditFormat: ExpressibleByArgument {}
