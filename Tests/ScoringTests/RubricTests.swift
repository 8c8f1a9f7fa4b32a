import Foundation
import Roles
import Testing

@Suite struct RubricTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let profilesFolder = repositoryRoot.appendingPathComponent("Profiles").path
    static let rubricsFolder = repositoryRoot.appendingPathComponent("Rubrics").path
    static let roles = [
        "hr-administrator", "hr-generalist", "senior-hr-generalist", "hr-assistant-manager", "hr-supervisor-ii",
        "hr-manager", "hr-director", "hr-business-partner", "executive-recruiter", "hr-consultant", "hris-trainer",
    ]

    @Test func everyRoleHasAProfileAndARubric() throws {
        let catalog = try RoleCatalog.load(profilesDirectory: Self.profilesFolder, rubricsDirectory: Self.rubricsFolder)
        for role in Self.roles {
            #expect(catalog.profile(role) != nil, "missing profile \(role)")
            #expect(catalog.rubric(for: role) != nil, "missing rubric \(role)")
        }
    }

    @Test func theBuiltInCatalogIsTheRepositoryOne() throws {
        let builtIn = try RoleCatalog.builtIn()
        let repository = try RoleCatalog.load(profilesDirectory: Self.profilesFolder, rubricsDirectory: Self.rubricsFolder)
        #expect(builtIn.profiles.map(\.id) == repository.profiles.map(\.id))
        #expect(builtIn.rubrics.mapValues(\.sha256) == repository.rubrics.mapValues(\.sha256))
    }

    @Test(arguments: roles)
    func committedRubricKeepsEveryDerivedCriterion(role: String) throws {
        let catalog = try RoleCatalog.load(profilesDirectory: Self.profilesFolder, rubricsDirectory: Self.rubricsFolder)
        let profile = try #require(catalog.profile(role))
        let derived = RubricDeriver.derive(from: profile, among: catalog.profiles)
        let committed = try #require(catalog.rubric(for: role))
        for criterion in derived.criteria {
            let match = committed.criteria.first { $0.id == criterion.id }
            #expect(match != nil, "Rubrics/\(role).yaml lost criterion \(criterion.id); re-derive with `readiness rubric derive Profiles/\(role).yaml`")
            #expect(match?.rule.kindName == criterion.rule.kindName)
        }
    }

    @Test func derivedRubricReadsBackUnchanged() throws {
        let catalog = try RoleCatalog.builtIn()
        for profile in catalog.profiles {
            let derived = RubricDeriver.derive(from: profile, among: catalog.profiles)
            let yaml = RubricWriter.yaml(for: derived, derivedFrom: "Profiles/\(profile.id).yaml")
            let loaded = try RubricLoader.load(yaml: yaml, file: "derived.yaml")
            #expect(loaded.criteria == derived.criteria)
        }
    }

    @Test func theLadderRunsFromAdministratorToDirector() throws {
        let catalog = try RoleCatalog.builtIn()
        var role = try #require(catalog.profile("hr-administrator"))
        var path = [role.id]
        while let next = catalog.nextRole(after: role), path.count < 10 {
            path.append(next.id)
            role = next
        }
        #expect(path == ["hr-administrator", "hr-generalist", "senior-hr-generalist", "hr-assistant-manager", "hr-manager", "hr-director"])
    }

    @Test(arguments: [
        ("Senior HR Generalist", "senior-hr-generalist"),
        ("Sr. HR Generalist", "senior-hr-generalist"),
        ("HR Generalist", "hr-generalist"),
        ("Assistant HR Manager", "hr-assistant-manager"),
        ("HR Manager", "hr-manager"),
        ("Director of Human Resources", "hr-director"),
    ])
    func titlesMapToRoles(title: String, role: String) throws {
        #expect(try RoleCatalog.builtIn().role(forTitle: title)?.id == role)
    }

    static let validCriterion = """
        id: test
        role: hr-manager
        criteria:
          - id: hr-experience
            kind: experience-years
            scope: hr
            full: 6
            partial: 4
            weight: 20
        """

    @Test(arguments: [
        ("weight: 20", "weight: heavy", 9, "weight must be a number"),
        ("kind: experience-years", "kind: vibes", 5, "kind \"vibes\" is not a criterion kind"),
        ("partial: 4", "partial: 8", 8, "thresholds must satisfy"),
        ("scope: hr", "scope: galaxy", 6, "scope \"galaxy\" is not known"),
        ("role: hr-manager", "role: astronaut", 2, "role \"astronaut\" has no profile"),
        ("    weight: 20", "    weight: 20\n    colour: blue", 10, "unknown key \"colour\""),
    ])
    func invalidRubricsNameTheLineAndTheFix(original: String, replacement: String, line: Int, problem: String) throws {
        let yaml = Self.validCriterion.replacingOccurrences(of: original, with: replacement)
        do {
            _ = try RubricLoader.load(yaml: yaml, file: "Rubrics/test.yaml", knownRoles: ["hr-manager"])
            Issue.record("expected an error for \(replacement)")
        } catch {
            #expect(error.file == "Rubrics/test.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.problem.contains(problem), "\(error)")
            #expect(!error.fix.isEmpty)
        }
    }

    @Test func aValidRubricLoadsWithItsHash() throws {
        let rubric = try RubricLoader.load(yaml: Self.validCriterion, file: "Rubrics/test.yaml", knownRoles: ["hr-manager"])
        #expect(rubric.criteria.count == 1)
        #expect(rubric.sha256.count == 64)
    }

    @Test func sha256MatchesTheStandardTestVector() throws {
        // FIPS 180-2 example: SHA-256("abc").
        let rubric = try RubricLoader.load(yaml: Self.validCriterion, file: "x", knownRoles: nil)
        #expect(rubric.sha256 != "")
        #expect(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
