import Foundation
import Testing
import TestSupport
@testable import Extraction

/// `EducationReader.isFieldOfStudy` and `PersonalDetailsReader.isContact` read plain ASCII text by byte:
/// each must answer as the code it stands in for (kept here as the reference).
@Suite struct FieldOfStudyAndContactBytePathTests {
    static func referenceIsFieldOfStudy(_ text: String) -> Bool {
        let lowered = text.lowercased()
        let bare = TextScan.isPlainASCII(lowered) ? TextScan.trim(lowered, EducationReader.periodAndSpace) : lowered.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        if ["hons", "honours", "honors", "hon"].contains(bare) { return false }
        let noise = ["gpa", "grade", "honor", "honour", "cum laude", "dean", "thesis", "course", "graduated", "award", "scholarship", "minor", "activities", "relevant", "magna", "summa"]
        guard !noise.contains(where: { TextScan.contains(lowered, $0) }), !text.contains(where: { $0.isNumber || $0 == ":" }) else { return false }
        let words = text.split(separator: " ")
        return !words.isEmpty && words.count <= 8 && LineFields.isCapitalised(text) && !LineFields.isSentenceLike(text)
    }

    static func referenceIsContact(_ text: String) -> Bool {
        if TextScan.containsByte(text, 0x40), text.contains(where: { $0 == "@" }) { return true }
        let lowered = text.lowercased()
        return TextScan.contains(lowered, "http") || TextScan.contains(lowered, "www.") || PersonalDetailsReader.phone(in: text) != nil
    }

    static let texts = [
        "", " ", "Computer Science", "Human Resources", "human resources", "Human Resource Management", "GPA 3.8", "Hons", "Hons.",
        " honours ", "Minor: Psychology", "Business Administration 2", "Magna Cum Laude", "Thesis on pay equity", "Psychology",
        "Organizational Behavior and Human Resource Management Studies Track", "A B C D E F G H", "A B C D E F G H I",
        "Relevant coursework", "Économie", "Psychologie du travail", "Ciencias ٣", "Labor Relations\r\n", "Labor\u{00A0}Relations",
        "Ａｒｔ", "Arts & Sciences", "Arts, Sciences", "Led a team of five recruiters.", "Data Science 🎓", "Math²",
        "dana@example.org", "Dana Whitfield · dana@example.org", "@handle", "a@b", "é@exämple.org", "Jo\u{301}@example.org",
        "www.example.org", "HTTP://EXAMPLE.ORG", "Visit Www.Acme.com", "(317) 585-8468", "+1 212 222 2222", "2019-2021 2022-2024",
        "Senior HR Generalist", "Tel.\u{00A0}814 555 0126", "@\r\n", "\r\n@",
    ]

    @Test func fieldOfStudyMatchesTheCharacterTests() {
        var texts = Self.texts
        var generator = SplitMix64(seed: 0xF1E1D)
        let pieces = Self.texts.flatMap { $0.split(separator: " ").map(String.init) } + [" ", " ", ":", "1", ".", "of"]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 10) { text += generator.pick(pieces) }
            texts.append(text)
        }
        for text in texts {
            #expect(EducationReader.isFieldOfStudy(text) == Self.referenceIsFieldOfStudy(text), "\(text)")
            #expect(PersonalDetailsReader.isContact(text) == Self.referenceIsContact(text), "\(text)")
        }
    }

    @Test func fieldsReadFromTheirText() {
        #expect(EducationReader.isFieldOfStudy("Human Resource Management"))
        #expect(!EducationReader.isFieldOfStudy("GPA 3.8"))
        #expect(!EducationReader.isFieldOfStudy("Minor: Psychology"))
        #expect(PersonalDetailsReader.isContact("dana@example.org"))
        #expect(!PersonalDetailsReader.isContact("Senior HR Generalist"))
    }
}
