import Extraction
import Scoring

/// `report --format json`, as DESIGN.md gives it; also one line of `batch --jsonl`.
public struct JSONReporter: AssessmentReporter {
    public init() {}

    public func render(_ assessment: Assessment, blind: Bool) -> String {
        Self.value(of: assessment, blind: blind).serialized(pretty: true) + "\n"
    }

    public static func value(of assessment: Assessment, blind: Bool) -> JSONValue {
        let candidate = assessment.candidate
        return .object([
            ("candidate", .object([
                ("source", .string(candidate.source)),
                ("format", .string(candidate.format.rawValue)),
                ("name", .optional(blind ? nil : candidate.personal.name)),
                ("currentTitle", .optional(candidate.currentPosition?.title)),
                ("currentRole", .optional(assessment.currentRole?.id)),
                ("experience", CandidateJSON.experience(candidate.experience)),
                ("hiddenText", .bool(candidate.hiddenText)),
                ("warnings", .array(candidate.warnings.map(JSONValue.string))),
            ])),
            ("role", .object([("id", .string(assessment.role.id)), ("title", .string(assessment.role.title))])),
            ("rubric", .object([
                ("id", .string(assessment.rubric.id)), ("version", .string(assessment.rubric.version)),
                ("sha256", .string(assessment.rubric.sha256)),
            ])),
            ("asOf", .string(assessment.asOf.description)),
            ("score", .double(assessment.score)),
            ("band", .string(assessment.band.rawValue)),
            ("monthsToReady", .int(assessment.monthsToReady)),
            ("criteria", .array(assessment.criteria.map(criterion))),
            ("advice", .array(assessment.advice.map { .object([("id", .string($0.id)), ("text", .string($0.text))]) })),
        ])
    }

    static func criterion(_ result: CriterionResult) -> JSONValue {
        .object([
            ("id", .string(result.id)),
            ("label", .string(result.label)),
            ("kind", .string(result.kind)),
            ("weight", .double(result.weight)),
            ("earned", .double(result.earned)),
            ("met", .bool(result.met)),
            ("mustHave", .bool(result.mustHave)),
            ("evidence", .array(result.evidence.map { .object([("text", .string($0.text)), ("location", .string($0.location))]) })),
            ("gap", .optional(result.gap)),
            ("monthsToClose", result.monthsToClose.map(JSONValue.int) ?? .null),
        ])
    }
}
