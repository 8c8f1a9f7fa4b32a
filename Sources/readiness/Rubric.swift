import ArgumentParser
import Foundation
import Roles

extension ReadinessCommand {
    struct RubricCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rubric", abstract: "Derive rubrics from profiles and validate rubric files.",
            subcommands: [Derive.self, Check.self])

        struct Derive: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Write the rubric derived from a role profile (YAML on standard output).")

            @Argument(help: "A profile file, e.g. Profiles/hr-manager.yaml.")
            var profile: String

            @Option(help: ArgumentHelp("Write the rubric to this file instead of standard output.", valueName: "PATH"))
            var output: String?

            @OptionGroup var roles: RoleOptions

            func run() throws {
                let profile: Profile
                do {
                    profile = try ProfileLoader.load(yaml: try readText(self.profile), file: self.profile)
                } catch let error as RoleFileError {
                    FileHandle.standardError.write(Data("readiness: \(error.description)\n".utf8))
                    throw ExitCode(65)
                }
                // The profiles beside it tell which roles lead here (their typical tenure).
                let folder = (self.profile as NSString).deletingLastPathComponent
                let others = RoleCatalog.profilesQuietly(in: roles.profiles ?? (folder.isEmpty ? "." : folder))
                let rubric = RubricDeriver.derive(from: profile, among: others)
                let yaml = RubricWriter.yaml(for: rubric, derivedFrom: "Profiles/\(profile.id).yaml")
                if let output { try writeAtomically(yaml, to: output) } else { writeStandardOutput(yaml) }
            }
        }

        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Validate rubric files: weights, kinds, thresholds and vocabulary.")

            @Argument(help: "Rubric files.")
            var files: [String]

            @OptionGroup var roles: RoleOptions

            func run() throws {
                let known = Set(RoleCatalog.profilesQuietly(in: roles.profiles).map(\.id))
                var failed = false
                for file in files {
                    do {
                        let rubric = try RubricLoader.load(yaml: try readText(file), file: file, knownRoles: known.isEmpty ? nil : known)
                        writeStandardOutput("\(file): ok (\(rubric.criteria.count) criteria, total weight \(Int(rubric.totalWeight)))\n")
                    } catch let error as RoleFileError {
                        FileHandle.standardError.write(Data("readiness: \(error.description)\n".utf8))
                        failed = true
                    }
                }
                if failed { throw ExitCode(65) }
            }
        }
    }
}

/// A text file's contents, or a one-line error naming it.
func readText(_ path: String) throws -> String {
    guard FileManager.default.fileExists(atPath: path) else {
        reportError(path, "no such file")
        throw ExitCode(66)
    }
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        reportError(path, "cannot be read as UTF-8 text")
        throw ExitCode(65)
    }
    return text
}

/// Writes via a temporary file in the same folder and a rename, so the file is whole or absent.
func writeAtomically(_ text: String, to path: String) throws {
    try writeAtomically(to: path) { write in write(text) }
}

/// Writes what `produce` hands its `write` function, piece by piece, to a temporary file beside `path`,
/// then renames it over `path`: the file is either whole or absent, and a large output never has to be
/// held in memory at once. If `produce` throws, nothing is written: the temporary file is removed and the
/// error reported as the reason `path` cannot be written.
func writeAtomically(to path: String, _ produce: ((String) -> Void) throws -> Void) throws {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        var failure: Error?
        do {
            try produce { piece in
                guard failure == nil else { return }
                do { try handle.write(contentsOf: Data(piece.utf8)) } catch { failure = error }
            }
        } catch {
            failure = failure ?? error
        }
        try handle.close()
        if let failure { throw failure }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
        }
    } catch {
        try? FileManager.default.removeItem(at: temporary)
        reportError(path, "cannot be written: \(error.localizedDescription)")
        throw ExitCode(73)
    }
}
