import Foundation
import ArgumentParser
import Roles

/// `--profiles DIR` and `--rubrics DIR`: replace the built-in roles.
struct RoleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder of role profiles (*.yaml) to use instead of the built-in ones.", valueName: "DIR"))
    var profiles: String?

    @Option(help: ArgumentHelp("Folder of rubrics (*.yaml) to use instead of the built-in ones.", valueName: "DIR"))
    var rubrics: String?

    func catalog() throws -> RoleCatalog {
        do {
            return try RoleCatalog.load(profilesDirectory: profiles, rubricsDirectory: rubrics)
        } catch {
            FileHandle.standardError.write(Data("readiness: \(error.description)\n".utf8))
            throw ExitCode(64)
        }
    }

    /// The rubric for `roleID`, or a usage error listing the roles there are.
    func rubric(_ roleID: String, in catalog: RoleCatalog) throws -> Rubric {
        guard let rubric = catalog.rubric(for: roleID) else {
            let known = catalog.rubrics.keys.sorted().joined(separator: ", ")
            throw ValidationError("no rubric for role \"\(roleID)\"; roles with rubrics: \(known)")
        }
        return rubric
    }
}
