import ArgumentParser
import Roles

extension ReadinessCommand {
    struct RolesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "roles", abstract: "List the roles known and the ladder between them.")

        @OptionGroup var roles: RoleOptions

        func run() throws {
            let catalog = try roles.catalog()
            var lines = ["Ladder (who is promoted to what)", ""]
            for profile in catalog.profiles where profile.track == .ladder {
                let next = profile.leadsTo.compactMap { catalog.profile($0)?.title }.joined(separator: ", ")
                lines.append("  \(profile.level). \(profile.title) [\(profile.id)]" + (next.isEmpty ? "" : " → \(next)") + salary(profile))
            }
            lines.append("")
            lines.append("Specialist and side roles")
            lines.append("")
            for profile in catalog.profiles where profile.track == .specialist {
                let next = profile.leadsTo.compactMap { catalog.profile($0)?.title }.joined(separator: ", ")
                lines.append("  ~\(profile.level). \(profile.title) [\(profile.id)]" + (next.isEmpty ? "" : " → \(next)") + salary(profile))
            }
            let missing = catalog.profiles.filter { catalog.rubric(for: $0.id) == nil }.map(\.id)
            if !missing.isEmpty {
                lines.append("")
                lines.append("No rubric yet (derive one with `readiness rubric derive`): \(missing.joined(separator: ", "))")
            }
            writeStandardOutput(lines.joined(separator: "\n") + "\n")
        }

        private func salary(_ profile: Profile) -> String {
            guard let salary = profile.salary else { return "" }
            return "  (\(salary.currency) \(salary.min / 1000)K–\(salary.max / 1000)K)"
        }
    }
}
