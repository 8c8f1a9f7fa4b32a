import Foundation
import Testing
@testable import Extraction

/// The byte paths of `EducationLevels.level(ofDegree:)` and `PersonalDetailsReader.phone(in:)` against
/// the code they stand in for.
@Suite struct DegreeLevelAndPhoneFastPathTests {
    /// `level(ofDegree:)` as written before its byte paths (Foundation search, `Character` filters).
    static func reference(_ text: String) -> EducationLevel? {
        let lowered = text.lowercased()
        let compact = lowered.filter { $0.isLetter || $0 == " " }
        let words = Set(compact.split(separator: " ").map(String.init))
        let letters = lowered.filter(\.isLetter)
        func has(_ phrases: [String]) -> Bool { phrases.contains { lowered.range(of: $0) != nil } }
        func word(_ candidates: [String]) -> Bool { candidates.contains { words.contains($0) } }
        if has(["doctor of", "doctorate", "doctoral", "ph.d", "ph. d"]) || word(["phd", "dphil", "edd", "dba", "jd", "md"]) { return .doctorate }
        if has(["master of", "master's", "masters", "magister", "mestrado", "máster", "master in", "master degree", "m.b.a", "m.s.", "m.a.", "m.sc", "m.ed", "m.eng"])
            || word(["mba", "msc", "ms", "ma", "med", "meng", "mphil", "mpa", "mhrm", "mshrm", "mps", "llm", "emba", "master"]) { return .master }
        if has(["bachelor", "baccalaureate", "b.s.", "b.a.", "b.sc", "b.b.a", "b.eng", "b.com", "licenciatura", "laurea", "undergraduate degree", "honours degree", "licence"])
            || word(["bs", "ba", "bsc", "bba", "beng", "bcom", "bfa", "bsba", "ab", "sb", "bas"]) || letters == "bs" || letters == "ba" { return .bachelor }
        if has(["associate of", "associate's", "associate degree", "associates degree", "a.a.s", "a.a.", "a.s.", "foundation degree", "hnd"]) || word(["aas", "aa", "as", "aos"]) { return .associate }
        if has(["high school", "secondary", "ged", "diploma of secondary", "a-level", "a level", "abitur", "baccalauréat", "matura", "gcse"]) { return .secondary }
        if has(["certificate", "certification", "diploma", "vocational", "apprenticeship"]) { return .certificate }
        return nil
    }

    @Test func degreeLevelsMatchTheReference() {
        for text in [
            "B.S., Business Administration", "Bachelor of Science in HR", "MBA", "Master's degree", "Máster en Recursos Humanos",
            "Ma\u{301}ster en RRHH", "Ph.D. Psychology", "A.A.S. Paralegal", "High School Diploma", "Baccalauréat général",
            "Baccalaure\u{301}at", "B – S", "B.A", "Certificate in HR Management", "Abitur", "M. Sc. — Organisational Psychology",
            "Associate’s Degree", "HND Business", "Licence professionnelle", "Doctor of Education (Ed.D.)", "Zoë’s Diploma\r\nx", "",
            "İSTANBUL ÜNİVERSİTESİ LİSANS",
        ] {
            #expect(EducationLevels.level(ofDegree: text) == Self.reference(text), "\(text)")
        }
    }

    @Test func phonesOfASCIITextMatchTheCharacterScan() {
        // The appended combining mark keeps the `Character` scan without changing any digit run.
        for text in [
            "+1 (614) 555-0100", "Phone: 614.555.0100 | Email x@y.z", "2019-2021 2020-2022", "Call 0044 20 7946 0958 now",
            "(555) 123 4567 / 555 765 4321", "no digits here", "1234567890123456789", "12 34 56 78 90", "tel 555-0100",
            "2019 - 2021 / 2022 - 2023 +",
        ] {
            #expect(PersonalDetailsReader.phone(in: text) == PersonalDetailsReader.phone(in: text + " x\u{301}"), "\(text)")
        }
    }
}
