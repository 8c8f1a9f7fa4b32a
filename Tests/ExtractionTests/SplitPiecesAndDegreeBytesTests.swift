import Foundation
import Testing
import TestSupport
@testable import Extraction

/// `LineFields.split` made from `splitRangesASCII`'s byte ranges (`splitPiecesOfASCIIParts`), `isDegree`
/// read on the bytes of plain ASCII text (`isDegreePlainASCII`), and `PersonalDetailsReader.looksLikeName`
/// asking the word table by byte, against the code they stand in for
/// (`FieldSplitAndClassifyTests.referenceSplit`, `DegreeAndNameBytePathTests.referenceLooksLikeName`, and
/// the `isDegree` before this path, kept below).
@Suite struct SplitPiecesAndDegreeBytesTests {
    /// `isDegree` as it was before the byte path: lower-cased String, `hasSuffix`, phrase set, then the
    /// first token's letters as a String.
    static func referenceDegree(_ text: String) -> Bool {
        let lowered = TextScan.lowercased(text)
        if ["school", "college", "university", "academy", "institute"].contains(where: { lowered.hasSuffix($0) }) { return false }
        if LineFields.degreePhraseSet.containsAny(in: lowered) { return true }
        guard let firstToken = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" }).first else { return false }
        let letters = firstToken.filter { $0.isLetter || $0 == "-" }.lowercased()
        guard LineFields.degreeAbbreviations.contains(letters) else { return false }
        return firstToken.contains(where: { $0 == "." }) || firstToken.filter(\.isLetter).allSatisfy(\.isUppercase) || firstToken.filter(\.isUppercase).count >= 2
    }

    /// Header lines as the personal-details reader splits them: contact rows with bars, middle dots and
    /// dashes, places, and the odd non-ASCII part.
    static let headerLines = [
        "Dana Whitfield", "Senior HR Generalist", "dana@example.org | (614) 555-0100 | Columbus, OH",
        "dana@example.org · (614) 555-0100 · Columbus, OH", "Columbus, OH — dana@example.org", "Columbus, OH – 43215",
        "Louisville, KY • linkedin.com/in/dana", "HR Manager, Acme Health, Inc.", "Zürich, Switzerland · +41 44 000 00 00",
        "München · Deutschland", "東京 | Tokyo, Japan", "👩‍💼 HR Generalist", "Columbus,\u{00A0}OH", "Columbus, OH\r\n",
        "Acme ,Inc. | x", "St. Louis, MO 63101", "Manager, Human Resources | Acme", "", " ", "·", " · · ", "a — b — c",
    ]

    static var splitTexts: [String] {
        headerLines + FieldsOfASCIIPartsTests.texts + randomLines(count: 800)
    }

    /// Pieces and glue drawn at random, ASCII, accented, CJK, emoji, NBSP, CR LF and empty among them.
    static func randomLines(count: Int) -> [String] {
        var random = SplitMix64(seed: 0x5EED_5917)
        let pieces = [
            "HR Manager", "B.S. in Human Resource Management", "MBA", "Mba", "ms", "MS-HRM", "M.S.", "Ph.D.", "AB", "As",
            "University of Texas", "James Buchanan High School", "High School Diploma", "Acme", "Inc.", "LLC", "Columbus", "OH",
            "St. Louis", "Zürich", "Société Générale", "東京大学", "🎓", "", " ", "x", "2019", "Dept.", "Analyst.", "msHRM",
            "Bachelor of Arts", "BACHELOR", "Associate's Degree", "Graduate Certificate in HR", "GED", "a-levels", "MSHRMX",
        ]
        let glue = [", ", ",", " | ", " · ", " — ", " – ", " - ", " @ ", " at ", " / ", "\t", ";", " (", ") ", " ", "\u{00A0}", "\r\n", "\n"]
        return (0..<count).map { _ in
            var text = ""
            for index in 0..<(1 + Int(random.next() % 4)) {
                if index > 0 { text += random.pick(glue) }
                text += random.pick(pieces)
            }
            return text
        }
    }

    @Test func splitMatchesTheCharacterCode() {
        for text in Self.splitTexts {
            #expect(LineFields.split(text) == FieldSplitAndClassifyTests.referenceSplit(text), "\(text)")
        }
    }

    @Test func splitPiecesAreTheRangesOfTheLine() {
        for text in Self.splitTexts {
            let pieces = text.withBorrowedUTF8 { bytes in
                TextScan.isSimpleScalars(bytes) ? LineFields.splitPiecesOfASCIIParts(bytes) : nil
            }
            guard let pieces else { continue }
            #expect(pieces == FieldSplitAndClassifyTests.referenceSplit(text), "\(text)")
        }
    }

    @Test func degreeMatchesTheStringCode() {
        let degrees = [
            "", " ", "MBA", "Mba", "mba", "ms", "MS", "Ms.", "MS-HRM", "ms-hrm", "M.S.", "M.S.H.R.M.", "MSHRM", "MSHRMX", "Ph.D.",
            "PhD Psychology", "BSc (Hons)", "(MBA)", ",MBA", " MBA, Finance", "B.S.B.A. Management", "Master of Arts", "Bachelorette",
            "High School", "James Buchanan High School", "Ohio State University", "Acme Institute", "ACADEMY", "Sixth Form College",
            "High School Diploma", "Graduate Certificate in HR", "GED", "A-Levels", "Abitur", "Ma in English", "MA in English",
            "As", "AS", "AB", "ab", "Mphil", "MPhil", "D.Phil.", "Licenciatura en Derecho", "Diplôme", "Máster en RRHH", "学士",
            "MBA 🎓", "MBA\r\n", "MBA\u{00A0}Finance", "BS\tBiology", "abcdefghij", "-", "--", "x-y",
        ]
        for text in degrees + Self.randomLines(count: 800) {
            #expect(LineFields.isDegree(text) == Self.referenceDegree(text), "\(text)")
            #expect(LineFields.isDegree(text) == PlaceDegreeAndCertificationFastPathTests.referenceDegree(text), "\(text)")
            if let bytes = TextScan.withPlainASCII(text, { LineFields.isDegreePlainASCII($0) }) {
                #expect(bytes == Self.referenceDegree(text), "\(text)")
            }
        }
    }

    @Test func looksLikeNameMatchesTheWordArrays() {
        let names = [
            "Dana Whitfield", "Dana Manager", "Manager Dana", "Acme Health", "Dana Health", "Dana Group", "HR Dana",
            "Dana Recruiter", "Dana-Recruiter Smith", "Dana &Co Smith", "Dana Whitfield-Consulting", "Ana de la Cruz",
            "Dana Director", "Dana Bank", "Dana University", "Dana Lead", "Dana Partners", "Zoë Manager", "Dana Whitfield\r",
            "Education Dana", "Work Experience", "Jo Staffing", "Jo Inc", "Jo Ltd", "Jo-Ann Payroll", "Jo Ann",
        ]
        var random = SplitMix64(seed: 0x4E41_4D45)
        let words = names.flatMap { $0.split(separator: " ").map(String.init) } + ["Coordinator", "Services", "Corp", "van", "Ng"]
        var texts = names
        for _ in 0..<3_000 {
            var text = ""
            for index in 0..<(1 + Int(random.next() % 4)) {
                if index > 0 { text += " " }
                text += random.pick(words)
            }
            texts.append(text)
        }
        for text in texts {
            #expect(PersonalDetailsReader.looksLikeName(text) == DegreeAndNameBytePathTests.referenceLooksLikeName(text), "\(text)")
        }
    }
}
