import Extraction

/// Reads and validates `Rubrics/<role-id>.yaml`: weights, kinds, thresholds and vocabulary references,
/// each failure naming the file, the line and the fix.
public enum RubricLoader {
    static let topLevelKeys: Set<String> = ["id", "role", "title", "version", "derivedFrom", "bands", "criteria"]
    static let criterionKeys: Set<String> = [
        "id", "label", "kind", "weight", "mustHave", "scope", "titles", "full", "partial", "fields", "anyOf",
        "partialAnyOf", "group", "terms", "programs", "verbs", "informalCounts",
    ]

    /// - Parameter knownRoles: profile ids a rubric may score for; nil skips that check.
    public static func load(yaml: String, file: String, knownRoles: Set<String>? = nil) throws(RoleFileError) -> Rubric {
        let root = try YAMLField.root(yaml: yaml, file: file)
        try root.rejectUnknownKeys(topLevelKeys)
        let id = try root["id"].string()
        try ProfileLoader.checkIdentifier(id, field: root["id"])
        let role = try root["role"].optionalString() ?? id
        if let knownRoles, !knownRoles.contains(role) {
            throw root["role"].fail("role \"\(role)\" has no profile", fix: "use one of: \(knownRoles.sorted().joined(separator: ", "))")
        }
        let bandsField = root["bands"]
        var bands = Rubric.Bands.standard
        if bandsField.exists {
            try bandsField.rejectUnknownKeys(["readyNow", "oneToTwoYears", "threeToFiveYears"])
            bands = Rubric.Bands(
                readyNow: try bandsField["readyNow"].number(),
                oneToTwoYears: try bandsField["oneToTwoYears"].number(),
                threeToFiveYears: try bandsField["threeToFiveYears"].number())
            guard (0...100).contains(bands.readyNow), bands.readyNow > bands.oneToTwoYears, bands.oneToTwoYears > bands.threeToFiveYears, bands.threeToFiveYears >= 0 else {
                throw bandsField.fail("band floors must fall from readyNow to threeToFiveYears within 0–100", fix: "for example readyNow: 80, oneToTwoYears: 60, threeToFiveYears: 40")
            }
        }
        var criteria: [Criterion] = []
        var seen: Set<String> = []
        let items = try root["criteria"].items()
        guard !items.isEmpty else { throw root["criteria"].fail("the rubric has no criteria", fix: "list criteria under criteria:") }
        for item in items {
            let criterion = try loadCriterion(item)
            guard seen.insert(criterion.id).inserted else {
                throw item["id"].fail("criterion id \"\(criterion.id)\" appears twice", fix: "give each criterion its own id")
            }
            criteria.append(criterion)
        }
        let total = criteria.reduce(0) { $0 + $1.weight }
        guard total > 0 else { throw root["criteria"].fail("the weights add up to 0", fix: "give criteria positive weights") }
        return Rubric(
            id: id, role: role, title: try root["title"].optionalString() ?? id,
            version: try root["version"].optionalString() ?? "1", bands: bands, criteria: criteria,
            sha256: SHA256.hex(of: Array(yaml.utf8)))
    }

    static func loadCriterion(_ item: YAMLField) throws(RoleFileError) -> Criterion {
        try item.rejectUnknownKeys(criterionKeys)
        let id = try item["id"].string()
        try ProfileLoader.checkIdentifier(id, field: item["id"])
        let weight = try item["weight"].number()
        guard weight > 0, weight <= 100 else { throw item["weight"].fail("weight must be above 0 and at most 100, got \(weight)", fix: "write a weight such as 10") }
        let kind = try item["kind"].string()
        let rule: CriterionRule
        switch kind {
        case "experience-years":
            let scopeText = try item["scope"].string()
            guard let scope = ExperienceYearsRule.Scope(rawValue: scopeText) else {
                throw item["scope"].fail("scope \"\(scopeText)\" is not known", fix: "use one of: \(ExperienceYearsRule.Scope.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let (full, partial) = try thresholds(item)
            let titles = try item["titles"].strings().map { $0.lowercased() }
            if scope == .seniorRole && titles.isEmpty {
                throw item["titles"].fail("a senior-role criterion needs the titles that count", fix: "add titles: [senior hr generalist, …]")
            }
            let informalCounts = try item["informalCounts"].bool(default: true)
            if !informalCounts && scope != .supervisory {
                throw item["informalCounts"].fail("informalCounts only applies to scope: supervisory", fix: "remove it or set scope: supervisory")
            }
            rule = .experienceYears(ExperienceYearsRule(scope: scope, full: full, partial: partial, titles: titles, informalCounts: informalCounts))
        case "education":
            let full = try item["full"].educationLevel()
            let partial: EducationLevel? = item["partial"].exists ? try item["partial"].educationLevel() : nil
            if let partial, partial.rank > full.rank {
                throw item["partial"].fail("partial level \(partial.rawValue) is above full level \(full.rawValue)", fix: "make partial a lower level than full")
            }
            rule = .education(EducationRule(full: full, partial: partial, fields: try item["fields"].strings().map { $0.lowercased() }))
        case "certification":
            let anyOf = try item["anyOf"].strings()
            guard !anyOf.isEmpty else { throw item["anyOf"].fail("a certification criterion needs anyOf", fix: "add anyOf: [PHR, SHRM-CP]") }
            let partialAnyOf = try item["partialAnyOf"].strings()
            for certification in anyOf + partialAnyOf {
                try ProfileLoader.checkCertification(certification, field: item["anyOf"])
            }
            rule = .certification(CertificationRule(anyOf: anyOf, partialAnyOf: partialAnyOf))
        case "competency":
            let terms = try item["terms"].strings()
            guard !terms.isEmpty else { throw item["terms"].fail("a competency criterion needs terms", fix: "list the words that evidence it under terms:") }
            let full = try item["full"].integer()
            let partial = try item["partial"].optionalNumber().map { Int($0) } ?? 1
            guard full >= 1, partial >= 0, partial <= full else {
                throw item["full"].fail("competency thresholds must satisfy 0 ≤ partial ≤ full and full ≥ 1", fix: "for example full: 3, partial: 1")
            }
            guard full <= terms.count else {
                throw item["full"].fail("full: \(full) asks for more distinct terms than the \(terms.count) listed", fix: "lower full or add terms")
            }
            rule = .competency(CompetencyRule(group: try item["group"].optionalString() ?? id, terms: terms, full: full, partial: partial))
        case "program-ownership":
            let programs = try item["programs"].strings()
            let verbs = try item["verbs"].strings()
            guard !programs.isEmpty, !verbs.isEmpty else {
                throw item.fail("a program-ownership criterion needs programs and verbs", fix: "add programs: [benefits administration] and verbs: [owned, led]")
            }
            rule = .programOwnership(ProgramOwnershipRule(programs: programs, verbs: verbs, full: try item["full"].optionalNumber().map { Int($0) } ?? 1))
        case "current-level":
            let full = try item["full"].integer()
            let partial = try item["partial"].optionalNumber().map { Int($0) } ?? max(full - 1, 1)
            guard (1...9).contains(full), partial <= full else {
                throw item["full"].fail("current-level thresholds must be ladder levels with partial ≤ full", fix: "for example full: 4, partial: 3")
            }
            rule = .currentLevel(CurrentLevelRule(full: full, partial: partial))
        case "tenure":
            let (full, partial) = try thresholds(item)
            rule = .tenure(TenureRule(full: full, partial: partial))
        default:
            throw item["kind"].fail("kind \"\(kind)\" is not a criterion kind", fix: "use one of: \(CriterionRule.kindNames.joined(separator: ", "))")
        }
        return Criterion(
            id: id, label: try item["label"].optionalString() ?? id, weight: weight,
            mustHave: try item["mustHave"].bool(default: false), rule: rule)
    }

    static func thresholds(_ item: YAMLField) throws(RoleFileError) -> (Double, Double) {
        let full = try item["full"].number()
        let partial = try item["partial"].optionalNumber() ?? full / 2
        guard full > 0, partial >= 0, partial <= full else {
            throw item["partial"].fail("thresholds must satisfy 0 ≤ partial ≤ full and full > 0 (got full \(full), partial \(partial))", fix: "for example full: 6, partial: 4")
        }
        return (full, partial)
    }
}
