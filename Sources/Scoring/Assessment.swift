import Extraction
import Roles

/// One candidate scored against one role's rubric at an as-of date: the score, the band, and every
/// criterion with its points, evidence and gap, so the result can be explained line by line.
public struct Assessment: Sendable {
    public var candidate: Candidate
    public var role: RoleReference
    public var rubric: RubricReference
    public var asOf: PartialDate
    /// The role the candidate's current title maps to, if any.
    public var currentRole: RoleReference?
    /// 0–100: points earned over points possible.
    public var score: Double
    public var band: ReadinessBand
    /// How long the missing requirements take to close; 0 when ready now.
    public var monthsToReady: Int
    public var criteria: [CriterionResult]
    public var advice: [Advice]

    public var missingMustHaves: [CriterionResult] { criteria.filter { $0.mustHave && !$0.met } }
    /// Unmet criteria, most points lost first.
    public var topGaps: [CriterionResult] {
        criteria.filter { !$0.met }.sorted { ($0.weight - $0.earned, $1.id) > ($1.weight - $1.earned, $0.id) }
    }
}

public struct RoleReference: Sendable, Equatable {
    public var id: String
    public var title: String
}

public struct RubricReference: Sendable, Equatable {
    public var id: String
    public var version: String
    public var sha256: String
}

/// The succession-planning convention (SAP SuccessFactors' default scale, hr-facts.md §3).
public enum ReadinessBand: String, Sendable, CaseIterable, Comparable {
    case readyNow = "ready-now"
    case oneToTwoYears = "ready-1-2-years"
    case threeToFiveYears = "ready-3-5-years"
    case notReady = "not-ready"

    public var label: String {
        switch self {
        case .readyNow: "Ready now"
        case .oneToTwoYears: "Ready in 1–2 years"
        case .threeToFiveYears: "Ready in 3–5 years"
        case .notReady: "Not ready"
        }
    }

    /// Ready now is best (0), not ready worst (3).
    var order: Int {
        switch self {
        case .readyNow: 0
        case .oneToTwoYears: 1
        case .threeToFiveYears: 2
        case .notReady: 3
        }
    }

    public static func < (lhs: ReadinessBand, rhs: ReadinessBand) -> Bool { lhs.order < rhs.order }
}

public struct CriterionResult: Sendable, Equatable {
    public var id: String
    public var label: String
    public var kind: String
    public var weight: Double
    public var earned: Double
    public var met: Bool
    public var mustHave: Bool
    public var evidence: [Evidence]
    /// What is missing, in words; nil when met.
    public var gap: String?
    /// How long closing the gap takes, in months; nil when met.
    public var monthsToClose: Int?
}

public struct Evidence: Sendable, Equatable, Hashable {
    public var text: String
    /// Source line in the résumé, 0 when unknown.
    public var line: Int

    public var location: String { line > 0 ? "line \(line)" : "derived" }
}

/// Advice with a stable id: `gap:<criterion-id>`, `certification-eligible:<CERT>`, `stagnation-risk`,
/// `compensation-step`, `hidden-text`.
public struct Advice: Sendable, Equatable {
    public var id: String
    public var text: String
}
