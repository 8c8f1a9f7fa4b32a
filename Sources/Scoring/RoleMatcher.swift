import Extraction
import Roles

/// Scores one candidate against every role with a rubric and ranks them by fit: best band first; within
/// a band, roles at or above the current level before roles below it (being "ready" for a step down is
/// not a fit); then score, then role id, so ties are stable.
public struct RoleMatcher: Sendable {
    public let scorer: Scorer

    public init(scorer: Scorer) {
        self.scorer = scorer
    }

    public struct Match: Sendable {
        public enum Direction: String, Sendable {
            case stepUp = "step-up"
            case lateral
            case stepDown = "step-down"
        }

        public var assessment: Assessment
        public var direction: Direction
    }

    public func rank(_ candidate: Candidate, asOf: PartialDate) -> [Match] {
        let currentLevel = scorer.makeContext(ScorableRecord(candidate), asOf: asOf).currentLevel
        let matches = scorer.catalog.profiles.compactMap { profile -> Match? in
            guard let rubric = scorer.catalog.rubric(for: profile.id) else { return nil }
            let direction: Match.Direction = currentLevel == 0 || profile.level == currentLevel ? .lateral
                : (profile.level > currentLevel ? .stepUp : .stepDown)
            return Match(assessment: scorer.assess(candidate, against: rubric, asOf: asOf), direction: direction)
        }
        return matches.sorted { lhs, rhs in
            let left = (lhs.assessment.band, lhs.direction == .stepDown ? 1 : 0, -lhs.assessment.score, lhs.assessment.role.id)
            let right = (rhs.assessment.band, rhs.direction == .stepDown ? 1 : 0, -rhs.assessment.score, rhs.assessment.role.id)
            return left < right
        }
    }
}
