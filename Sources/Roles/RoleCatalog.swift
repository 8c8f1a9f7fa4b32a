import Extraction
import Foundation
import Synchronization

/// The roles known: profiles, their rubrics and the ladder between them. The built-in set ships inside
/// the package (so it works from any directory with no set-up); `--profiles` and `--rubrics` replace it.
public struct RoleCatalog: Sendable {
    /// Profiles in ladder order (level, then id).
    public let profiles: [Profile]
    public let rubrics: [String: Rubric]
    /// Every profile's title and aliases, normalised and padded with spaces, with the index of its
    /// profile: `role(forTitle:)` runs once per résumé in a batch, so the aliases are normalised once.
    private let titlePhrases: [TitlePhrase]

    public init(profiles: [Profile], rubrics: [Rubric]) throws(RoleCatalogError) {
        self.profiles = profiles.sorted { ($0.level, $0.track == .ladder ? 0 : 1, $0.id) < ($1.level, $1.track == .ladder ? 0 : 1, $1.id) }
        titlePhrases = self.profiles.enumerated().flatMap { index, profile in
            ([profile.title] + profile.aliases).map { TitlePhrase($0, profileIndex: index) }
        }
        var byRole: [String: Rubric] = [:]
        for rubric in rubrics { byRole[rubric.role] = rubric }
        self.rubrics = byRole
        let ids = Set(profiles.map(\.id))
        for profile in profiles {
            for next in profile.leadsTo where !ids.contains(next) {
                throw .inconsistent("profile \(profile.id) leads to \"\(next)\", which has no profile — add Profiles/\(next).yaml or fix leadsTo")
            }
        }
        for rubric in rubrics where !ids.contains(rubric.role) {
            throw .inconsistent("rubric \(rubric.id) scores for role \"\(rubric.role)\", which has no profile — fix its role: line")
        }
    }

    /// The catalog built into the package.
    public static func builtIn() throws(RoleCatalogError) -> RoleCatalog {
        guard let defaults = Bundle.module.url(forResource: "Defaults", withExtension: nil) else {
            throw .missingDirectory("the built-in roles (resource bundle not found next to the executable)")
        }
        return try load(
            profilesDirectory: defaults.appendingPathComponent("Profiles").path,
            rubricsDirectory: defaults.appendingPathComponent("Rubrics").path)
    }

    /// Loads `*.yaml` from the two folders. Either may be nil to use the built-in one.
    public static func load(profilesDirectory: String?, rubricsDirectory: String?) throws(RoleCatalogError) -> RoleCatalog {
        let defaults = Bundle.module.url(forResource: "Defaults", withExtension: nil)
        guard let profilesPath = profilesDirectory ?? defaults?.appendingPathComponent("Profiles").path,
              let rubricsPath = rubricsDirectory ?? defaults?.appendingPathComponent("Rubrics").path else {
            throw .missingDirectory("the built-in roles (resource bundle not found next to the executable)")
        }
        let profiles = try loadAll(try yamlFiles(in: profilesPath)) { file throws(RoleFileError) in
            try ProfileLoader.load(yaml: try read(file), file: file)
        }
        guard !profiles.isEmpty else { throw .missingDirectory("\(profilesPath) (no profiles in it)") }
        let known = Set(profiles.map(\.id))
        let rubrics = try loadAll(try yamlFiles(in: rubricsPath)) { file throws(RoleFileError) in
            try RubricLoader.load(yaml: try read(file), file: file, knownRoles: known)
        }
        return try RoleCatalog(profiles: profiles, rubrics: rubrics)
    }

    /// Loads every file on all cores: YAML parsing is most of a single `readiness report`'s start-up.
    /// Results keep file order, and the error reported is the first file's in that order, so the
    /// outcome does not depend on which thread finishes first.
    private static func loadAll<Value: Sendable>(
        _ files: [String], _ load: @Sendable (String) throws(RoleFileError) -> Value
    ) throws(RoleCatalogError) -> [Value] {
        let results = Mutex([Result<Value, RoleFileError>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result: Result<Value, RoleFileError>
            do throws(RoleFileError) {
                result = .success(try load(files[index]))
            } catch {
                result = .failure(error)
            }
            results.withLock { $0[index] = result }
        }
        var values: [Value] = []
        for result in results.withLock({ $0 }) {
            switch result {
            case .success(let value): values.append(value)
            case .failure(let error): throw .invalidFile(error)
            case nil: break
            }
        }
        return values
    }

    /// The profiles in a folder (the built-in ones for nil) that load; for context, never for scoring.
    public static func profilesQuietly(in directory: String?) -> [Profile] {
        guard let path = directory ?? Bundle.module.url(forResource: "Defaults", withExtension: nil)?.appendingPathComponent("Profiles").path,
              let files = try? yamlFiles(in: path) else { return [] }
        return files.compactMap { file in (try? read(file)).flatMap { try? ProfileLoader.load(yaml: $0, file: file) } }
    }

    static func yamlFiles(in directory: String) throws(RoleCatalogError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingDirectory(directory)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { directory + "/" + $0 }
    }

    static func read(_ file: String) throws(RoleFileError) -> String {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw RoleFileError(file: file, line: 0, problem: "cannot be read as UTF-8 text", fix: "check the file exists and is saved as UTF-8")
        }
        return text
    }

    public func profile(_ id: String) -> Profile? {
        profiles.first { $0.id == id }
    }

    public func rubric(for roleID: String) -> Rubric? {
        rubrics[roleID]
    }

    /// The role a job title means, by the longest alias or title found in it ("Senior HR Generalist" is
    /// senior-hr-generalist, not hr-generalist).
    public func role(forTitle title: String) -> Profile? {
        let best = withPaddedNormalizedTitle(title) { lowered -> (profileIndex: Int, length: Int)? in
            let pairs = TitleBytePairs(lowered)
            var best: (profileIndex: Int, length: Int)?
            // Through the buffer, by index: iterating the array retained each phrase's bytes. A phrase
            // lacking one of the title's byte pairs cannot occur in it, so most are never searched for.
            titlePhrases.withUnsafeBufferPointer { phrases in
                for index in phrases.indices where phrases[index].bytes.count > (best?.length ?? 0) && pairs.contains(phrases[index].pairs) {
                    if phrases[index].occurs(in: lowered) {
                        best = (phrases[index].profileIndex, phrases[index].bytes.count)
                    }
                }
            }
            return best
        }
        return best.map { profiles[$0.profileIndex] }
    }

    /// The next role up from `profile`: the first it leads to on the ladder, else the first it leads to.
    public func nextRole(after profile: Profile) -> Profile? {
        let next = profile.leadsTo.compactMap { self.profile($0) }
        return next.first { $0.track == .ladder } ?? next.first
    }

    /// The roles that lead to `profile`.
    public func predecessors(of profile: Profile) -> [Profile] {
        profiles.filter { $0.leadsTo.contains(profile.id) }
    }
}

/// "Sr. H.R. Generalist" and "senior hr generalist" compare equal.
func normalizedTitle(_ title: String) -> String {
    var text = title.lowercased()
    for (abbreviation, word) in [("sr.", "senior"), ("sr ", "senior "), ("asst.", "assistant"), ("asst ", "assistant "), ("mgr", "manager"), ("h.r.", "hr"), ("human resources", "hr"), ("human resource", "hr")] {
        text = TextScan.replacing(abbreviation, with: word, in: text)
    }
    let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" })
    return words.joined(separator: " ")
}

public enum RoleCatalogError: Error, Sendable, CustomStringConvertible {
    case missingDirectory(String)
    case invalidFile(RoleFileError)
    case inconsistent(String)

    public var description: String {
        switch self {
        case .missingDirectory(let path): return "\(path): no such folder of role files — check the path given to --profiles or --rubrics"
        case .invalidFile(let error): return error.description
        case .inconsistent(let message): return message
        }
    }
}
