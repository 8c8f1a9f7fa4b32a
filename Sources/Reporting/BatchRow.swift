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
    public var earned: CriterionPoints
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
        // The unmet criteria's indices found once, in an array sized for them all, for the three
        // lists below: each `filter` grew an array of its own (two or three allocations per file).
        let criteria = assessment.criteria
        var unmet: [Int] = []
        unmet.reserveCapacity(criteria.count)
        for index in criteria.indices where !criteria[index].met { unmet.append(index) }
        var missingMustHaves: [String] = []
        for index in unmet where criteria[index].mustHave { missingMustHaves.append(criteria[index].id) }
        self.missingMustHaves = missingMustHaves
        topGaps = Self.topGapIndices(criteria, unmet: unmet).prefix(3).map { criteria[$0].id }
        hiddenText = assessment.candidate.hiddenText
        earned = CriterionPoints(ids: criteria.map(\.id), points: criteria.map(\.earned))
        unmetCriteria = unmet.map { criteria[$0].id }
    }

    /// The indices of `Assessment.topGaps` in `criteria`, in its order: unmet criteria, most points
    /// lost first, ties by id. (Ids are unique, so the order is total and sorting indices gives the
    /// sorted results' order.)
    static func topGapIndices(_ criteria: [CriterionResult]) -> [Int] {
        topGapIndices(criteria, unmet: criteria.indices.filter { !criteria[$0].met })
    }

    /// `topGapIndices(criteria)` given the indices of the unmet criteria, ascending.
    static func topGapIndices(_ criteria: [CriterionResult], unmet: [Int]) -> [Int] {
        unmet.sorted { left, right in
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
        earned = CriterionPoints()
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

/// Points earned per criterion id, in the rubric's order. Written once per file and read once per CSV
/// cell: a rubric has a dozen criteria or so, and comparing ids (the same strings as the rubric's, so
/// most compare equal or unequal at their first word) cost less than a dictionary's building and hashing
/// each id twice, once per file.
public struct CriterionPoints: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public private(set) var ids: [String]
    public private(set) var points: [Double]

    public init() {
        ids = []
        points = []
    }

    /// `ids` must be unique, as a rubric's criterion ids are (RubricLoader rejects a repeated one).
    public init(ids: [String], points: [Double]) {
        precondition(ids.count == points.count, "one figure per criterion")
        self.ids = ids
        self.points = points
    }

    public init(dictionaryLiteral elements: (String, Double)...) {
        precondition(Set(elements.map(\.0)).count == elements.count, "Duplicate criterion id")
        self.init(ids: elements.map(\.0), points: elements.map(\.1))
    }

    public subscript(id: String) -> Double? {
        ids.firstIndex(of: id).map { points[$0] }
    }

    /// `self[id]`, looked for first at `position`: the CSV asks for the rubric's criteria in the order
    /// the assessment lists them, so the first guess is right and the other ids are not compared.
    public func points(for id: String, expectedAt position: Int) -> Double? {
        position < ids.count && ids[position] == id ? points[position] : self[id]
    }

    public var count: Int { ids.count }

    /// As dictionaries compare: the same ids with the same points, in any order.
    public static func == (lhs: CriterionPoints, rhs: CriterionPoints) -> Bool {
        lhs.count == rhs.count && lhs.ids.indices.allSatisfy { rhs[lhs.ids[$0]] == lhs.points[$0] }
    }
}
