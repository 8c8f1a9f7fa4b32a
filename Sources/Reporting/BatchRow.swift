import Extraction
import Scoring

/// One input file's line in a batch: a scored candidate or the reason it could not be scored. Holds only
/// what the CSV needs, so a batch of 100,000 files keeps its rows in memory cheaply.
public struct BatchRow: Sendable, Equatable {
    public enum Status: String, Sendable { case ok, error }

    public var file: String
    public var status: Status
    public var error: String?
    public var candidateName: String?
    public var currentTitle: String?
    public var role: String
    public var score: Double?
    public var band: ReadinessBand?
    public var monthsToReady: Int?
    public var missingMustHaves: [String]
    public var topGaps: [String]
    public var hiddenText: Bool
    /// Points earned per criterion id.
    public var earned: [String: Double]
    /// Ids of the criteria not met, for the HTML overview's per-candidate summary (a met criterion can
    /// still have less than full points, so `earned` alone cannot tell).
    public var unmetCriteria: [String]

    public init(assessment: Assessment, file: String, blind: Bool) {
        self.file = file
        status = .ok
        error = nil
        candidateName = blind ? nil : assessment.candidate.personal.name
        currentTitle = assessment.candidate.currentPosition?.title
        role = assessment.role.id
        score = assessment.score
        band = assessment.band
        monthsToReady = assessment.monthsToReady
        // Ids straight from the criteria, without the filtered and sorted copies of whole results that
        // `missingMustHaves` and `topGaps` make (each result holds strings and an evidence array).
        let criteria = assessment.criteria
        missingMustHaves = criteria.indices.filter { criteria[$0].mustHave && !criteria[$0].met }.map { criteria[$0].id }
        topGaps = Self.topGapIndices(criteria).prefix(3).map { criteria[$0].id }
        hiddenText = assessment.candidate.hiddenText
        var earned = [String: Double](minimumCapacity: criteria.count)
        for index in criteria.indices {
            // As `Dictionary(uniqueKeysWithValues:)`, which this replaces: criterion ids are unique.
            guard earned.updateValue(criteria[index].earned, forKey: criteria[index].id) == nil else {
                preconditionFailure("Duplicate criterion id \(criteria[index].id)")
            }
        }
        self.earned = earned
        unmetCriteria = criteria.indices.filter { !criteria[$0].met }.map { criteria[$0].id }
    }

    /// The indices of `Assessment.topGaps` in `criteria`, in its order: unmet criteria, most points
    /// lost first, ties by id. (Ids are unique, so the order is total and sorting indices gives the
    /// sorted results' order.)
    static func topGapIndices(_ criteria: [CriterionResult]) -> [Int] {
        criteria.indices.filter { !criteria[$0].met }.sorted { left, right in
            (criteria[left].weight - criteria[left].earned, criteria[right].id) > (criteria[right].weight - criteria[right].earned, criteria[left].id)
        }
    }

    public init(failedFile file: String, role: String, reason: String) {
        self.file = file
        status = .error
        error = reason
        candidateName = nil
        currentTitle = nil
        self.role = role
        score = nil
        band = nil
        monthsToReady = nil
        missingMustHaves = []
        topGaps = []
        hiddenText = false
        earned = [:]
        unmetCriteria = []
    }

    /// Highest score first, then file name; failed files last, by name. A total order, so the output is
    /// the same whatever order the workers finished in.
    public static func ranked(_ rows: [BatchRow]) -> [BatchRow] {
        rows.sorted { ranksBefore(score: $0.score, file: $0.file, score: $1.score, file: $1.file) }
    }

    /// The ranking order: scored rows by score, highest first, then failed rows; ties by file path.
    public static func ranksBefore(score lhsScore: Double?, file lhsFile: String, score rhsScore: Double?, file rhsFile: String) -> Bool {
        switch (lhsScore, rhsScore) {
        case let (left?, right?): return left != right ? left > right : lhsFile < rhsFile
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhsFile < rhsFile
        }
    }
}
