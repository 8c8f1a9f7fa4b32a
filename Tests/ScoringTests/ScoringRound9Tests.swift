import Extraction
import Reporting
@testable import Scoring
import TestSupport
import Testing

/// The education criterion's one-string field text and the batch row's lists built from one pass over
/// the unmet criteria, each against the code it replaced, kept here as the reference.
@Suite struct ScoringRound9Tests {
    /// ASCII in both cases, digits, punctuation, NUL, and non-ASCII pieces (accented, decomposed,
    /// CJK, emoji, NBSP, a Kelvin sign, CR/LF) that send a text back to the general path.
    static let pieces = [
        "Human Resources", "HR", "MBA", "B.Sc.", "(Hons)", "management", "Personalwesen", " ", "-", "&", "\u{0}", "7",
        "é", "É", "Cafe\u{301}", "人事", "🙂", "\u{00A0}", "\u{212A}", "\r\n", "",
    ]

    static func text(_ random: inout SplitMix64) -> String {
        (0..<Int(random.next() % 4)).map { _ in random.pick(pieces) }.joined()
    }

    /// The old `fieldText`, on `lowercased()` and `+`.
    static func referenceFieldText(field: String?, degree: String?) -> String {
        switch (field, degree) {
        case let (field?, degree?): field.lowercased() + " " + degree.lowercased()
        case let (field?, nil): field.lowercased()
        case let (nil, degree?): degree.lowercased()
        case (nil, nil): ""
        }
    }

    @Test func fieldTextAsLowercasedAndJoined() {
        var random = SplitMix64(seed: 0xED0C)
        for _ in 0..<3000 {
            let field = random.next() % 4 == 0 ? nil : Self.text(&random)
            let degree = random.next() % 4 == 0 ? nil : Self.text(&random)
            let facts = ScorableRecord.EducationFacts(level: nil, degree: degree, field: field, line: 1)
            let expected = Self.referenceFieldText(field: field, degree: degree)
            let text = EducationCriterion.fieldText(facts)
            #expect(text == expected && Array(text.utf8) == Array(expected.utf8), "\(String(describing: field)) \(String(describing: degree))")
        }
    }

    /// Read from the texts: ASCII letters lower-cased, other bytes kept, one space between; nil when
    /// either text has a non-ASCII byte.
    @Test(arguments: [
        ("Human Resources", "MBA", "human resources mba"), ("", "B.Sc. (Hons)", " b.sc. (hons)"), ("HR", "", "hr "),
        ("", "", " "), ("A-Z@[`{", "0", "a-z@[`{ 0"),
    ])
    func joinedASCII(first: String, second: String, expected: String) {
        #expect(ASCIILowercasing.lowercasedJoined(first, second) == expected)
    }

    @Test func joinedNilForNonASCII() {
        for (first, second) in [("é", "mba"), ("hr", "Personal\u{00A0}wesen"), ("人事", ""), ("", "🙂")] {
            #expect(ASCIILowercasing.lowercasedJoined(first, second) == nil)
        }
    }

    /// The old lists, each by its own `filter` over the criteria.
    static func referenceLists(_ criteria: [CriterionResult]) -> (missing: [String], top: [String], unmet: [String]) {
        let missing = criteria.indices.filter { criteria[$0].mustHave && !criteria[$0].met }.map { criteria[$0].id }
        let top = criteria.indices.filter { !criteria[$0].met }.sorted { left, right in
            (criteria[left].weight - criteria[left].earned, criteria[right].id) > (criteria[right].weight - criteria[right].earned, criteria[left].id)
        }.prefix(3).map { criteria[$0].id }
        let unmet = criteria.indices.filter { !criteria[$0].met }.map { criteria[$0].id }
        return (missing, top, unmet)
    }

    @Test func batchRowListsAsTheFiltersGave() {
        var random = SplitMix64(seed: 0xB47C)
        let ids = ["hr-experience", "supervisory-experience", "education", "certification", "compliance-literacy", "hr-reporting", "a", "b"]
        for _ in 0..<500 {
            // Unique ids in a shuffled order, weights and points that often tie.
            var pool = ids
            var criteria: [CriterionResult] = []
            for _ in 0..<Int(random.next() % 9) where !pool.isEmpty {
                let id = pool.remove(at: Int(random.next() % UInt64(pool.count)))
                let weight = Double(random.next() % 4) * 5
                let earned = min(weight, Double(random.next() % 3) * 2.5)
                criteria.append(CriterionResult(
                    id: id, label: id, kind: "competency", weight: weight, earned: earned, met: random.next() % 3 == 0,
                    mustHave: random.next() % 2 == 0, evidence: [], gap: nil))
            }
            let candidate = Candidate(source: "x.html", format: .html, personal: PersonalDetails(name: "Ada Lovelace"), hiddenText: false)
            let assessment = Assessment(
                candidate: candidate, role: RoleReference(id: "hr-manager", title: "HR Manager"),
                rubric: RubricReference(id: "hr-manager", version: "1", sha256: ""), asOf: PartialDate(year: 2026, month: 11),
                currentRole: nil, score: 50, band: .notReady, monthsToReady: 12, criteria: criteria, advice: [])
            let row = BatchRow(assessment: assessment, file: "x.html", blind: false)
            let expected = Self.referenceLists(criteria)
            #expect(row.missingMustHaves == expected.missing)
            #expect(row.topGaps == expected.top)
            #expect(row.unmetCriteria == expected.unmet)
        }
    }
}
