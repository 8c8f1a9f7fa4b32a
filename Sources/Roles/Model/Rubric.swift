import Extraction

/// The weighted, tunable scoring form of a profile: `Rubrics/<role-id>.yaml`.
public struct Rubric: Sendable, Equatable {
    public struct Bands: Sendable, Equatable {
        /// Score floors; must-haves and months to ready decide too.
        public var readyNow: Double
        public var oneToTwoYears: Double
        public var threeToFiveYears: Double

        public static let standard = Bands(readyNow: 80, oneToTwoYears: 60, threeToFiveYears: 40)
    }

    public var id: String
    /// The role the rubric scores for (a profile id).
    public var role: String
    public var title: String
    public var version: String
    public var bands: Bands
    public var criteria: [Criterion]
    /// SHA-256 of the rubric file's bytes, so a report says exactly which rubric scored it.
    public var sha256: String

    public init(id: String, role: String, title: String, version: String, bands: Bands, criteria: [Criterion], sha256: String) {
        self.id = id
        self.role = role
        self.title = title
        self.version = version
        self.bands = bands
        self.criteria = criteria
        self.sha256 = sha256
    }

    public var totalWeight: Double { criteria.reduce(0) { $0 + $1.weight } }
}

public struct Criterion: Sendable, Equatable {
    public var id: String
    public var label: String
    public var weight: Double
    public var mustHave: Bool
    public var rule: CriterionRule

    public init(id: String, label: String, weight: Double, mustHave: Bool = false, rule: CriterionRule) {
        self.id = id
        self.label = label
        self.weight = weight
        self.mustHave = mustHave
        self.rule = rule
    }
}

/// What a criterion measures, one case per kind. The rubric file's `kind` names them.
public enum CriterionRule: Sendable, Equatable {
    case experienceYears(ExperienceYearsRule)
    case education(EducationRule)
    case certification(CertificationRule)
    case competency(CompetencyRule)
    case programOwnership(ProgramOwnershipRule)
    case currentLevel(CurrentLevelRule)
    case tenure(TenureRule)

    public var kindName: String {
        switch self {
        case .experienceYears: "experience-years"
        case .education: "education"
        case .certification: "certification"
        case .competency: "competency"
        case .programOwnership: "program-ownership"
        case .currentLevel: "current-level"
        case .tenure: "tenure"
        }
    }

    public static let kindNames = ["experience-years", "education", "certification", "competency", "program-ownership", "current-level", "tenure"]
}

public struct ExperienceYearsRule: Sendable, Equatable {
    public enum Scope: String, Sendable, CaseIterable {
        case total, hr, supervisory
        /// Years in positions whose titles match `titles` (e.g. senior generalist).
        case seniorRole = "senior-role"
    }

    public var scope: Scope
    public var full: Double
    public var partial: Double
    public var titles: [String]
    /// For `supervisory`: whether informal leads ("team lead for our coordinators") count.
    public var informalCounts: Bool

    public init(scope: Scope, full: Double, partial: Double, titles: [String] = [], informalCounts: Bool = true) {
        self.scope = scope
        self.full = full
        self.partial = partial
        self.titles = titles
        self.informalCounts = informalCounts
    }
}

public struct EducationRule: Sendable, Equatable {
    public var full: EducationLevel
    public var partial: EducationLevel?
    /// Fields of study that fit the role; empty means any field.
    public var fields: [String]

    public init(full: EducationLevel, partial: EducationLevel?, fields: [String]) {
        self.full = full
        self.partial = partial
        self.fields = fields
    }
}

public struct CertificationRule: Sendable, Equatable {
    public var anyOf: [String]
    /// Certifications that earn half credit (e.g. aPHR where PHR is wanted).
    public var partialAnyOf: [String]

    public init(anyOf: [String], partialAnyOf: [String] = []) {
        self.anyOf = anyOf
        self.partialAnyOf = partialAnyOf
    }
}

public struct CompetencyRule: Sendable, Equatable {
    public var group: String
    public var terms: [String]
    /// Distinct terms evidenced for full credit; repetition of one term does not count twice.
    public var full: Int
    public var partial: Int

    public init(group: String, terms: [String], full: Int, partial: Int) {
        self.group = group
        self.terms = terms
        self.full = full
        self.partial = partial
    }
}

public struct ProgramOwnershipRule: Sendable, Equatable {
    public var programs: [String]
    public var verbs: [String]
    public var full: Int

    public init(programs: [String], verbs: [String], full: Int) {
        self.programs = programs
        self.verbs = verbs
        self.full = full
    }
}

public struct CurrentLevelRule: Sendable, Equatable {
    /// Ladder level of the current role for full credit, and for half.
    public var full: Int
    public var partial: Int

    public init(full: Int, partial: Int) {
        self.full = full
        self.partial = partial
    }
}

public struct TenureRule: Sendable, Equatable {
    /// Years in the current role for full credit, and for half.
    public var full: Double
    public var partial: Double

    public init(full: Double, partial: Double) {
        self.full = full
        self.partial = partial
    }
}
