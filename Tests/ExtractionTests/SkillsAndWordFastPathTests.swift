import Testing
@testable import Extraction

/// The ASCII path of the skills reader and the three-word scan: each must give what the code it stands
/// in for gives (kept here as the reference).
@Suite struct SkillsAndWordFastPathTests {
    static let texts = [
        "", ":", "Technical: Workday, ADP, UKG", "Workday; ADP | UKG", "Mobile-First, Responsive Design", "a,b,c", ",,;|",
        "HRIS: Workday", "Very long label with many words here: ADP, UKG", "Employment law, FMLA, ADA, and leave administration for 400 staff",
        "Recruiting • Onboarding · Payroll", "Zoë: Müller, Ärger", "Led the rollout of a new HRIS across three sites in 2021",
        "Skills:", "x: y: z", "  Spaced ,  items ; here  ", "Payroll\r\nBenefits", "1, 2, 3",
    ]

    @Test func skillsMatchTheCharacterCode() {
        for listItem in [false, true] {
            let lines = Self.texts.enumerated().map { HTMLLine(text: $1, fieldText: $1, line: $0, isListItem: listItem) }
            #expect(SkillsReader.skills(from: lines, labelsAreSkills: false) == Self.referenceSkills(lines))
            for line in lines {
                #expect(SkillsReader.skills(from: [line], labelsAreSkills: false) == Self.referenceSkills([line]), "\(line.text)")
            }
        }
    }

    @Test func firstThreeWordsAreTheFirstThreeSpaceWords() {
        for text in Self.texts + ["a", "a b", " a  b c d ", "   "] {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(LineFields.firstThreeWords(buffer) == TextScan.spaceWords(buffer, limit: 3), "\(text)")
            }
        }
    }

    static func referenceSkills(_ lines: [HTMLLine]) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        func add(_ item: String) {
            let trimmed = LineFields.trim(item)
            guard !trimmed.isEmpty, trimmed.contains(where: \.isLetter) else { return }
            guard trimmed.split(separator: " ").count <= 6, !LineFields.isSentenceLike(trimmed) else { return }
            if seen.insert(trimmed.lowercased()).inserted { result.append(trimmed) }
        }
        for line in lines {
            var text = line.text
            if let colon = text.firstIndex(of: ":"), text[text.startIndex..<colon].split(separator: " ").count <= 4 {
                text = String(text[text.index(after: colon)...])
            }
            var separators: Set<Character> = [";", "•", "·", "|", "▪", "∙"]
            let commaCount = text.filter { $0 == "," }.count
            if !line.isListItem || commaCount >= 2 { separators.insert(",") }
            let pieces = text.split(whereSeparator: { separators.contains($0) }).map(String.init)
            if pieces.count == 1, line.text.split(separator: " ").count > 6 { continue }
            pieces.forEach(add)
        }
        return result
    }
}
