import Foundation
import Testing
import TestSupport
@testable import Extraction

/// `EducationLevels.level(ofDegree:)` reads the words of plain ASCII text as byte ranges looked up in one
/// table: it must answer as the code it stands in for (kept here as the reference, word lists and all).
@Suite struct DegreeLevelWordsTests {
    static func reference(_ text: String) -> EducationLevel? {
        let lowered = TextScan.lowercased(text)
        let compact = TextScan.withPlainASCII(lowered) { bytes in
            String(decoding: bytes.filter { TextScan.isASCIILetter($0) || $0 == 0x20 }, as: UTF8.self)
        } ?? lowered.filter { $0.isLetter || $0 == " " }
        let words = Set(compact.split(separator: " ").map(String.init))
        let letters = TextScan.withPlainASCII(compact) { bytes in
            String(decoding: bytes.filter { $0 != 0x20 }, as: UTF8.self)
        } ?? lowered.filter(\.isLetter)
        let plain = HTMLLines.isPlainForSearch(lowered)
        func has(_ phrases: PhraseSet) -> Bool {
            plain ? phrases.containsAny(in: lowered) : phrases.phrases.contains { lowered.contains($0) }
        }
        func word(_ candidates: [String]) -> Bool { candidates.contains { words.contains($0) } }
        if has(EducationLevels.doctoratePhrases) || word(["phd", "dphil", "edd", "dba", "jd", "md"]) { return .doctorate }
        if has(EducationLevels.masterPhrases)
            || word(["mba", "msc", "ms", "ma", "med", "meng", "mphil", "mpa", "mhrm", "mshrm", "mps", "llm", "emba", "master"]) { return .master }
        if has(EducationLevels.bachelorPhrases)
            || word(["bs", "ba", "bsc", "bba", "beng", "bcom", "bfa", "bsba", "ab", "sb", "bas"]) || letters == "bs" || letters == "ba" { return .bachelor }
        if has(EducationLevels.associatePhrases) || word(["aas", "aa", "as", "aos"]) { return .associate }
        if has(EducationLevels.secondaryPhrases) { return .secondary }
        if has(EducationLevels.certificatePhrases) { return .certificate }
        return nil
    }

    static let texts = [
        "", " ", "B.S.", "BA", "b a", "B. A.", "B.A", "BS in HR", "A.A.S.", "MBA", "M.B.A.", "MSc", "PhD", "Ph.D.", "Ph. D.",
        "Bachelor of Science in Human Resource Management", "Master of Business Administration (MBA)", "Doctor of Education",
        "Associate of Applied Science", "High School Diploma", "GED", "Certificate in HR", "Diploma", "Apprenticeship",
        "EdD", "JD", "MD", "DBA", "MS-HRM", "MSHRM", "LLM", "EMBA", "Master", "Masters", "master's degree", "BSBA", "BFA",
        "AB", "SB", "BAS", "AAS", "AA", "AS", "AOS", "HND", "Abitur", "A-Level", "GCSE", "Matura", "Baccalauréat", "Máster en RR.HH.",
        "Licenciatura en Psicología", "Laurea", "B.Sc (Hons)", "BSc.", "b-s", "b\ts", "BS\r\n", "Bs\r", "MBA\u{00A0}2019",
        "Diplôme", "学士", "修士 MBA", "🎓 BA", "Ba\u{301}", "B\u{212A}", "Boss", "Mass Communications", "Jo Doe",
        "Bachelors", "Undergraduate Degree", "Honours Degree", "Licence", "Vocational training", "Foundation Degree",
        "Associates Degree", "associate's", "Secondary School", "a level", "ph d", "p h d", "m s", "M.S.", "M.A.", "MEd", "M.Eng",
        "  BA  ", "BA, MA", "B.A./M.A.", "x bs", "bsx", "mbax", "phd.", "(phd)",
    ]

    @Test func wordTableMatchesTheWordLists() {
        for text in Self.texts {
            #expect(EducationLevels.level(ofDegree: text) == Self.reference(text), "\(text)")
        }
    }

    @Test func wordTableMatchesTheWordListsOnRandomTexts() {
        let pieces = Self.texts.flatMap { $0.split(separator: " ").map(String.init) } + [" ", " ", ".", "-", "(", ")", ",", "of", "in", "é", "\r"]
        var generator = SplitMix64(seed: 0xD6_6E6E)
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 6) { text += generator.pick(pieces) }
            #expect(EducationLevels.level(ofDegree: text) == Self.reference(text), "\(text)")
        }
    }

    @Test func wordsNameTheirLevels() {
        // Read from the lists: a word alone names its level; inside a longer word it does not.
        #expect(EducationLevels.level(ofDegree: "PhD") == .doctorate)
        #expect(EducationLevels.level(ofDegree: "MBA") == .master)
        #expect(EducationLevels.level(ofDegree: "B.S.") == .bachelor)
        #expect(EducationLevels.level(ofDegree: "AAS") == .associate)
        #expect(EducationLevels.level(ofDegree: "Boss") == nil)
        #expect(EducationLevels.level(ofDegree: "Jo Doe") == nil)
    }
}
