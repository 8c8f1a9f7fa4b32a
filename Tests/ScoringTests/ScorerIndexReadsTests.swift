import Extraction
@testable import Roles
@testable import Scoring
import Testing
import TestSupport

/// `Scorer.monthsToReady` reads the results by index: against the code it replaced, kept here.
@Suite struct ScorerIndexReadsTests {
    /// `Scorer.monthsToReady` as it was written, filtering and sorting copies of the results.
    static func referenceMonthsToReady(_ results: [CriterionResult], score: Double, rubric: Rubric) -> Int {
        let total = rubric.totalWeight
        guard total > 0 else { return 0 }
        let mustHaves = results.filter { $0.mustHave && !$0.met }
        if mustHaves.isEmpty && score >= rubric.bands.readyNow { return 0 }
        var months = mustHaves.map { $0.monthsToClose ?? 0 }.max() ?? 0
        var projected = score + mustHaves.reduce(0) { $0 + ($1.weight - $1.earned) } / total * 100
        let others = results.filter { !$0.met && !$0.mustHave && $0.monthsToClose != nil }
            .sorted { ($0.monthsToClose!, -($0.weight - $0.earned), $0.id) < ($1.monthsToClose!, -($1.weight - $1.earned), $1.id) }
        for gap in others where projected < rubric.bands.readyNow {
            projected += (gap.weight - gap.earned) / total * 100
            months = max(months, gap.monthsToClose ?? 0)
        }
        return months
    }

    /// Random results for every rubric of the catalog (and one without weight): met or not, must-haves,
    /// months to close missing, tied and varied, points earned from none to all, ids in any order and
    /// repeated.
    @Test func monthsToReadyAgreesWithTheReference() {
        var random = SplitMix64(seed: 0x3047)
        var rubrics = SharedCatalog.builtIn.rubrics.values.sorted { $0.id < $1.id }
        rubrics.append(Rubric(id: "none", role: "none", title: "None", version: "1", bands: .standard, criteria: [], sha256: ""))
        for rubric in rubrics {
            for _ in 0..<300 {
                let count = rubric.criteria.isEmpty ? Int(random.next() % 4) : rubric.criteria.count
                let results = (0..<count).map { index -> CriterionResult in
                    let weight = Double(random.next() % 30)
                    let met = random.next() % 3 == 0
                    return CriterionResult(
                        id: random.next() % 5 == 0 ? "same" : "c\(random.next() % 100)-\(index)", label: "Label", kind: "competency",
                        weight: weight, earned: met ? weight : random.pick([0, 0.5, 0.8]) * weight, met: met, mustHave: random.next() % 4 == 0,
                        evidence: [], gap: nil, monthsToClose: met ? nil : random.pick([nil, 0, 3, 6, 6, 12, 24, 48] as [Int?]))
                }
                let score = Double(random.next() % 1001) / 10
                #expect(Scorer.monthsToReady(results, score: score, rubric: rubric) == Self.referenceMonthsToReady(results, score: score, rubric: rubric))
            }
        }
    }
}
