import Extraction

/// Reads `Profiles/<role-id>.yaml` into a `Profile`, failing with the file, the line and the fix.
public enum ProfileLoader {
    static let topLevelKeys: Set<String> = [
        "id", "title", "aliases", "family", "track", "level", "leadsTo", "salary", "compensation", "summary", "duties",
        "education", "experience", "certifications", "competencies", "programOwnership", "tenure", "advice", "sources",
    ]

    public static func load(yaml: String, file: String) throws(RoleFileError) -> Profile {
        let root = try YAMLField.root(yaml: yaml, file: file)
        try root.rejectUnknownKeys(topLevelKeys)
        let id = try root["id"].string()
        try checkIdentifier(id, field: root["id"])
        let trackText = try root["track"].optionalString() ?? "ladder"
        guard let track = Profile.Track(rawValue: trackText) else {
            throw root["track"].fail("track \"\(trackText)\" is not known", fix: "use ladder or specialist")
        }
        let level = try root["level"].integer()
        guard (1...9).contains(level) else { throw root["level"].fail("level \(level) is off the ladder", fix: "use 1 (administrator) … 6 (director)") }

        let salaryField = root["salary"]
        var salary: Profile.Salary?
        if salaryField.exists {
            salary = Profile.Salary(
                min: try salaryField["min"].integer(), max: try salaryField["max"].integer(),
                currency: try salaryField["currency"].optionalString() ?? "USD")
        }

        let educationField = root["education"]
        let education = Profile.EducationRequirement(
            typical: try educationField["typical"].educationLevel(),
            preferred: try educationField["preferred"].educationLevels(),
            fields: try educationField["fields"].strings().map { $0.lowercased() })

        let experience = try loadExperience(root["experience"])
        let certificationsField = root["certifications"]
        try certificationsField.rejectUnknownKeys(["required", "preferred", "atNextLevel"])
        let certifications = Profile.Certifications(
            required: try certificationsField["required"]["anyOf"].strings(),
            preferred: try certificationsField["preferred"].strings(),
            atNextLevel: try certificationsField["atNextLevel"].strings())
        for (id, field) in [certifications.required, certifications.preferred, certifications.atNextLevel].joined().map({ ($0, certificationsField) }) {
            try checkCertification(id, field: field)
        }

        var competencies: [Profile.Competency] = []
        for (groupID, field) in try root["competencies"].entries() {
            try field.rejectUnknownKeys(["label", "kind", "terms", "min"])
            let kindText = try field["kind"].optionalString() ?? "technical"
            guard let kind = Profile.Competency.Kind(rawValue: kindText) else {
                throw field["kind"].fail("competency kind \"\(kindText)\" is not known", fix: "use technical or leadership")
            }
            let terms = try field["terms"].strings()
            guard !terms.isEmpty else { throw field["terms"].fail("competency \(groupID) has no terms", fix: "list the words that evidence it") }
            competencies.append(Profile.Competency(
                id: groupID, label: try field["label"].optionalString() ?? groupID, kind: kind, terms: terms,
                min: try field["min"].optionalNumber().map { Int($0) } ?? 2))
        }

        var programOwnership: Profile.ProgramOwnership?
        let programField = root["programOwnership"]
        if programField.exists {
            programOwnership = Profile.ProgramOwnership(
                programs: try programField["programs"].strings(),
                verbs: try programField["verbs"].strings(),
                min: try programField["min"].optionalNumber().map { Int($0) } ?? 1)
        }

        var tenure: Profile.YearsRange?
        if root["tenure"]["typicalYears"].exists {
            tenure = try yearsRange(root["tenure"]["typicalYears"])
        }

        var advice: [AdviceRule] = []
        for item in try root["advice"].items() {
            let adviceID = try item["id"].string()
            let when = item["when"]
            let condition: AdviceRule.Condition
            if let years = try when["tenureInRoleOverYears"].optionalNumber() {
                condition = .tenureInRoleOverYears(years)
            } else if try when["always"].bool(default: false) || !when.exists {
                condition = .always
            } else {
                throw when.fail("advice \(adviceID) has a condition we do not know", fix: "use when: { always: true } or when: { tenureInRoleOverYears: 3.5 }")
            }
            advice.append(AdviceRule(id: adviceID, condition: condition, text: try item["text"].string()))
        }

        return Profile(
            id: id, title: try root["title"].string(), aliases: try root["aliases"].strings(),
            family: try root["family"].optionalString() ?? "human-resources", track: track, level: level,
            leadsTo: try root["leadsTo"].strings(), salary: salary,
            compensationStep: try root["compensation"]["stepToNext"].optionalString(),
            summary: try root["summary"].optionalString() ?? "", duties: try root["duties"].strings(),
            education: education, experience: experience, certifications: certifications, competencies: competencies,
            programOwnership: programOwnership, typicalTenure: tenure, advice: advice, sources: try root["sources"].strings())
    }

    static func loadExperience(_ field: YAMLField) throws(RoleFileError) -> Profile.Experience {
        try field.rejectUnknownKeys(["hr", "total", "seniorRole", "supervisory"])
        var seniorRole: Profile.SeniorRole?
        if field["seniorRole"].exists {
            seniorRole = Profile.SeniorRole(min: try field["seniorRole"]["min"].number(), titles: try field["seniorRole"]["titles"].strings().map { $0.lowercased() })
        }
        var supervisory: Profile.Supervisory?
        if field["supervisory"].exists {
            supervisory = Profile.Supervisory(
                min: try field["supervisory"]["min"].number(),
                informalCounts: try field["supervisory"]["informalCounts"].bool(default: true))
        }
        return Profile.Experience(
            hr: try yearsRange(field["hr"]),
            total: field["total"].exists ? try yearsRange(field["total"]) : nil,
            seniorRole: seniorRole, supervisory: supervisory)
    }

    static func yearsRange(_ field: YAMLField) throws(RoleFileError) -> Profile.YearsRange {
        let min = try field["min"].number()
        let max = try field["max"].optionalNumber()
        if let max, max < min { throw field["max"].fail("max \(max) is below min \(min)", fix: "make max at least min") }
        return Profile.YearsRange(min: min, max: max)
    }

    static func checkIdentifier(_ id: String, field: YAMLField) throws(RoleFileError) {
        guard id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
            throw field.fail("id \"\(id)\" must be lower-case words joined by hyphens", fix: "write it like hr-manager")
        }
    }

    static func checkCertification(_ id: String, field: YAMLField) throws(RoleFileError) {
        guard CertificationCatalog.entry(for: id) != nil else {
            let known = CertificationCatalog.entries.map(\.id).joined(separator: ", ")
            throw field.fail("certification \"\(id)\" is not a known id", fix: "use one of: \(known)")
        }
    }
}
