import Extraction

/// The candidate record of `readiness parse --format json`, field for field as DESIGN.md gives it.
public enum CandidateJSON {
    public static func value(of candidate: Candidate, blind: Bool = false) -> JSONValue {
        let personal = blind ? PersonalDetails() : candidate.personal
        return .object([
            ("source", .string(candidate.source)),
            ("format", .string(candidate.format.rawValue)),
            ("name", .optional(personal.name)),
            ("headline", .optional(candidate.headline)),
            ("email", .optional(personal.email)),
            ("phone", .optional(personal.phone)),
            ("location", .optional(personal.location)),
            ("positions", .array(candidate.positions.map(position))),
            ("education", .array(candidate.education.map { education($0, blind: blind) })),
            ("certifications", .array(candidate.certifications.map(certification))),
            ("skills", .array(candidate.skills.map(JSONValue.string))),
            ("experience", experience(candidate.experience)),
            ("hiddenText", .bool(candidate.hiddenText)),
            ("warnings", .array(candidate.warnings.map(JSONValue.string))),
        ])
    }

    static func position(_ position: Position) -> JSONValue {
        .object([
            ("title", .string(position.title)),
            ("employer", .optional(position.employer)),
            ("location", .optional(position.location)),
            ("start", .optional(position.start?.description)),
            ("end", .optional(position.current ? nil : position.end?.description)),
            ("current", .bool(position.current)),
            ("description", .optional(position.description)),
        ])
    }

    static func education(_ education: Education, blind: Bool) -> JSONValue {
        .object([
            ("degree", .optional(education.degree)),
            ("level", .optional(education.level?.rawValue)),
            ("field", .optional(education.field)),
            ("institution", .optional(education.institution)),
            // The graduation year is an age proxy: blind mode drops it.
            ("end", .optional(blind ? nil : education.end?.description)),
        ])
    }

    static func certification(_ certification: Certification) -> JSONValue {
        .object([
            ("name", .string(certification.name)),
            ("id", .optional(certification.id)),
            ("date", .optional(certification.date?.description)),
        ])
    }

    public static func experience(_ summary: ExperienceSummary) -> JSONValue {
        .object([
            ("totalMonths", .int(summary.totalMonths)),
            ("hrMonths", .int(summary.hrMonths)),
            ("managementMonths", .int(summary.managementMonths)),
            ("asOf", .string(summary.asOf.description)),
        ])
    }
}
