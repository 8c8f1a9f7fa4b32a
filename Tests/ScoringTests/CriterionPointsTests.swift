import Testing

@testable import Reporting

/// `BatchRow.earned` answers as the dictionary it replaced: by id, whatever position is guessed, and
/// equal when the same ids carry the same points in any order.
@Suite struct CriterionPointsTests {
    static let ids = ["hr-experience", "education", "phr-or-shrm-cp", "employee-relations-and-investigations", "x", ""]
    static let points: [Double] = [20, 7.5, 0, 12.25, -1, 3]

    @Test func looksUpEveryIdWhereverThePositionGuessPoints() {
        let earned = CriterionPoints(ids: Self.ids, points: Self.points)
        for (index, id) in Self.ids.enumerated() {
            #expect(earned[id] == Self.points[index])
            for guess in [0, index, index + 1, Self.ids.count, Self.ids.count + 5] {
                #expect(earned.points(for: id, expectedAt: guess) == Self.points[index], "\(id) guessed at \(guess)")
            }
        }
        for missing in ["missing", "Education", "hr-experience "] {
            #expect(earned[missing] == nil)
            #expect(earned.points(for: missing, expectedAt: 0) == nil)
        }
        #expect(CriterionPoints().points(for: "x", expectedAt: 0) == nil)
    }

    @Test func equalityIgnoresOrderAsADictionaryDoes() {
        let earned = CriterionPoints(ids: Self.ids, points: Self.points)
        let reversed = CriterionPoints(ids: Self.ids.reversed(), points: Self.points.reversed())
        #expect(earned == reversed)
        var changed = Self.points
        changed[1] = 7.25
        #expect(earned != CriterionPoints(ids: Self.ids, points: changed))
        #expect(earned != CriterionPoints(ids: Array(Self.ids.dropLast()), points: Array(Self.points.dropLast())))
        #expect(CriterionPoints() == [:])
        let literal: CriterionPoints = ["education": 7.5, "hr-experience": 20]
        #expect(literal == CriterionPoints(ids: ["hr-experience", "education"], points: [20, 7.5]))
    }
}
