import ArgumentParser

@main
struct ReadinessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readiness",
        abstract: "Match candidates to HR roles and score how ready they are, from HTML and XML résumés.",
        subcommands: [Parse.self, Report.self, Match.self, Batch.self, Audit.self, RolesCommand.self, RubricCommand.self]
    )
}
