import Extraction
@testable import Scoring
import TestSupport
import Testing

/// The education and current-level texts are written without arrays, joins and interpolation; each must
/// be the text the old expression gave (kept here as the reference) for varied inputs.
@Suite struct CriterionTextsTests {
    static let words = [
        "Human Resources", "HR", "Business Administration", "MBA", "Psychologie du Travail", "İstanbul", "ΣΟΦΙΑ", "Straße",
        "人事管理", "🙂 Emoji", "", " ", "e\u{301}cole", "Zoë", "Line\r\nBreak", "NBSP\u{A0}Field", "ǅ",
    ]
    static let levels: [EducationLevel?] = [nil] + EducationLevel.allCases

    static func referenceFieldText(_ facts: ScorableRecord.EducationFacts) -> String {
        [facts.field, facts.degree].compactMap { $0?.lowercased() }.joined(separator: " ")
    }

    static func referenceEvidenceText(degree: String, level: EducationLevel?) -> String {
        [degree, level.map { "(\($0.rawValue))" }].compactMap { $0 }.joined(separator: " ")
    }

    @Test func educationTextsAreTheJoins() {
        var random = SplitMix64(seed: 0xED0C)
        let optionalWords: [String?] = [nil] + Self.words
        for _ in 0..<2000 {
            let facts = ScorableRecord.EducationFacts(
                level: random.pick(Self.levels), degree: random.pick(optionalWords), field: random.pick(optionalWords), line: 1)
            #expect(EducationCriterion.fieldText(facts) == Self.referenceFieldText(facts), "\(facts)")
            let degree = random.pick(Self.words)
            #expect(EducationCriterion.evidenceText(degree: degree, level: facts.level) == Self.referenceEvidenceText(degree: degree, level: facts.level))
        }
        // Read from the inputs.
        let both = ScorableRecord.EducationFacts(level: nil, degree: "MBA", field: "Human Resources", line: 1)
        #expect(EducationCriterion.fieldText(both) == "human resources mba")
        #expect(EducationCriterion.fieldText(ScorableRecord.EducationFacts(level: nil, degree: nil, field: nil, line: 1)) == "")
        #expect(EducationCriterion.evidenceText(degree: "MBA", level: nil) == "MBA")
    }

    @Test func currentLevelTextsAreTheInterpolations() {
        var random = SplitMix64(seed: 0xC0E1)
        for _ in 0..<1000 {
            let title = random.pick(Self.words)
            let level = Int(random.next() % 20) - 5
            #expect(CurrentLevelCriterion.describe(title: title, level: level) == "\(title), level \(level)")
            let role = random.pick(Self.words)
            #expect(CurrentLevelCriterion.evidenceText(title: title, describedRole: role) == "\(title) — \(role)")
        }
        #expect(CurrentLevelCriterion.describe(title: "HR Manager", level: 5) == "HR Manager, level 5")
    }
}
