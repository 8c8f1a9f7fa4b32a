import Extraction
import Roles

/// What one criterion kind concludes about a candidate, before weighting.
struct CriterionOutcome {
    /// Share of the weight earned, 0…1.
    var fraction: Double
    var met: Bool
    var evidence: [Evidence]
    var gap: String?
    var monthsToClose: Int?
}

/// Everything a criterion may read: the scorable record (no protected attributes), the role catalog
/// and the as-of date.
struct ScoringContext {
    var record: ScorableRecord
    var catalog: RoleCatalog
    var asOf: PartialDate
    /// The role the current title maps to, if any.
    var currentRole: Profile?
    /// Ladder level of the current position (catalog role, else read from the title), 0 when unknown.
    var currentLevel: Int
    /// Months in the current position at the as-of date.
    var tenureMonths: Int?
    /// Whether the outcomes carry their explanation: the evidence and the gap text. Without it (a batch
    /// that writes only CSV rows, which read neither) a criterion works out only its figures (fraction,
    /// met, months to close), and may stop searching once more found would change none of them.
    var explaining = true
}

enum Credit {
    /// Full credit at `full`; from half to full credit between `partial` and `full`; below `partial`,
    /// up to half credit in proportion. Continuous, so a month more never lowers a score.
    static func fraction(value: Double, full: Double, partial: Double) -> Double {
        guard full > 0 else { return 1 }
        if value >= full { return 1 }
        if partial > 0 && value >= partial {
            return full == partial ? 1 : 0.5 + 0.5 * (value - partial) / (full - partial)
        }
        return partial > 0 ? max(0, 0.5 * value / partial) : value / full
    }
}

func formatYears(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    return text + (rounded == 1 ? " year" : " years")
}
