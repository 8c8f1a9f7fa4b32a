import Extraction

/// A role as HR describes it: `Profiles/<role-id>.yaml`. The source of truth a rubric is derived from.
public struct Profile: Sendable, Equatable {
    public enum Track: String, Sendable { case ladder, specialist }

    public struct YearsRange: Sendable, Equatable {
        public var min: Double
        public var max: Double?
    }

    public struct SeniorRole: Sendable, Equatable {
        public var min: Double
        public var titles: [String]
    }

    public struct Supervisory: Sendable, Equatable {
        public var min: Double
        public var informalCounts: Bool
    }

    public struct Experience: Sendable, Equatable {
        public var hr: YearsRange
        public var total: YearsRange?
        public var seniorRole: SeniorRole?
        public var supervisory: Supervisory?
    }

    public struct EducationRequirement: Sendable, Equatable {
        public var typical: EducationLevel
        public var preferred: [EducationLevel]
        public var fields: [String]
    }

    public struct Certifications: Sendable, Equatable {
        public var required: [String]
        public var preferred: [String]
        public var atNextLevel: [String]
    }

    public struct Competency: Sendable, Equatable {
        public enum Kind: String, Sendable { case technical, leadership }
        public var id: String
        public var label: String
        public var kind: Kind
        public var terms: [String]
        public var min: Int
    }

    public struct ProgramOwnership: Sendable, Equatable {
        public var programs: [String]
        public var verbs: [String]
        public var min: Int
    }

    public struct Salary: Sendable, Equatable {
        public var min: Int
        public var max: Int
        public var currency: String
    }

    public var id: String
    public var title: String
    public var aliases: [String]
    public var family: String
    public var track: Track
    public var level: Int
    public var leadsTo: [String]
    public var salary: Salary?
    public var compensationStep: String?
    public var summary: String
    public var duties: [String]
    public var education: EducationRequirement
    public var experience: Experience
    public var certifications: Certifications
    public var competencies: [Competency]
    public var programOwnership: ProgramOwnership?
    public var typicalTenure: YearsRange?
    public var advice: [AdviceRule]
    public var sources: [String]
}

/// Advice a profile gives, with a stable id spreadsheets can filter on.
public struct AdviceRule: Sendable, Equatable {
    public enum Condition: Sendable, Equatable {
        case always
        /// The candidate has held their current role for more than this many years.
        case tenureInRoleOverYears(Double)
    }

    public var id: String
    public var condition: Condition
    public var text: String
}
