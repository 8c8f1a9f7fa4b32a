import Extraction
import Roles

/// Scores one candidate against every role with a rubric and ranks them: best band first, then score,
/// then role id (so ties are stable).
public struct RoleMatcher: Sendable {
    public let scorer: Scorer

    public init(scorer: Scorer) {
        self.scorer = scorer
    }

    public func rank(_ candidate: Candidate, asOf: PartialDate) -> [Assessment] {
        scorer.catalog.profiles.compactMap { profile in
            scorer.catalog.rubric(for: profile.id).map { scorer.assess(candidate, against: $0, asOf: asOf) }
        }
        .sorted { ($0.band, -$0.score, $0.role.id) < ($1.band, -$1.score, $1.role.id) }
    }
}
