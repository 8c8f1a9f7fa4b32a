import Foundation
import Testing
import TestSupport
@testable import Extraction

/// The byte paths of `EducationReader.degreeAsWritten` (now also for text plain for search, such as a
/// line with a dash), its whitespace trimming, and `PersonalDetailsReader.looksLikeName` on plain ASCII:
/// each must answer as the code it stands in for (kept here as the reference).
@Suite struct DegreeAndNameBytePathTests {
    // MARK: - degreeAsWritten

    /// `degreeAsWritten` for text other than plain ASCII as it was: Foundation's search, replacement
    /// and trimming.
    static func referenceDegreeAsWritten(in text: String, fields: [LineField], range: DateRange?) -> String? {
        guard let degree = fields.first(where: { $0.kind == .degree }), let degreeRange = text.range(of: degree.text) else { return nil }
        var bounds: [Range<String.Index>] = []
        if let range { bounds.append(range.matched) }
        for field in fields where [.institution, .location, .employer].contains(field.kind) {
            if let found = text.range(of: field.text) { bounds.append(found) }
        }
        var lower = text.startIndex
        var upper = text.endIndex
        for bound in bounds {
            if bound.upperBound <= degreeRange.lowerBound, bound.upperBound > lower { lower = bound.upperBound }
            if bound.lowerBound >= degreeRange.upperBound, bound.lowerBound < upper { upper = bound.lowerBound }
        }
        var written = String(text[lower..<upper])
        written = written.replacingOccurrences(of: " | ", with: " ")
        let opens = written.filter { $0 == "(" }.count
        let closes = written.filter { $0 == ")" }.count
        if opens > closes, let last = written.lastIndex(of: "(") { written = String(written[..<last]) }
        if closes > opens, let first = written.firstIndex(of: ")") { written.remove(at: first) }
        let trimmed = LineFields.trim(written.trimmingCharacters(in: .whitespaces))
        return trimmed.isEmpty ? nil : trimmed
    }

    static let degreeLines = [
        "B.S. in Human Resource Management — University of Dayton (2016)",
        "Master of Business Administration (MBA), Human Resources concentration – Ohio State University, Columbus, OH | 2019",
        "MBA — Université de Montréal — Montréal, QC · 2015–2017", "Licenciatura en Psicología | Universidad de Chile (2012",
        "BA Psychology\u{00A0}— Kent State University 2010)", "M.Sc. Human Resources — Zürich\u{2009}2018", "Diplôme — École 2011",
        "BSc (Hons) Business – University of Leeds – 2009", "MBA – 2020 – Acme University", "MBA\r\n— Acme University",
        "MBA — e\u{301}cole normale", "MBA 🎓 — Acme University", "学士 — 東京大学 (2010)", "MBA \u{3000}— Acme University\u{3000}",
        " MBA — ", "— MBA —", "MBA (( — Acme", "MBA )) — Acme", "MBA | HR | — Acme | 2019",
    ]

    /// Fields as the line reader gives them (each a piece of the line) and some that are not in the line.
    static func fields(of line: String, generator: inout SplitMix64) -> [LineField] {
        let pieces = line.components(separatedBy: CharacterSet(charactersIn: "—–|·,()")).map { $0.trimmingCharacters(in: .whitespaces) }
        let kinds: [FieldKind] = [.degree, .institution, .location, .employer, .unknown, .title]
        var fields: [LineField] = []
        for piece in pieces where !piece.isEmpty || generator.next() % 4 == 0 {
            fields.append(LineField(text: piece, kind: generator.pick(kinds), emphasised: false, sentenceLike: false))
        }
        if generator.next() % 3 == 0 { fields.append(LineField(text: generator.pick(["Nowhere", "Montreal", "e\u{301}cole", "ｍｂａ"]), kind: generator.pick(kinds), emphasised: false, sentenceLike: false)) }
        if generator.next() % 2 == 0, !fields.isEmpty { fields[0].kind = .degree }
        return fields
    }

    @Test func degreeAsWrittenMatchesFoundation() {
        var generator = SplitMix64(seed: 0xDE_6EEE)
        for line in Self.degreeLines {
            for _ in 0..<40 {
                let fields = Self.fields(of: line, generator: &generator)
                let range = DateExpressions.findRange(in: line)
                // Plain ASCII lines keep their own path (checked by its own tests); the rest against Foundation.
                guard !(TextScan.isPlainASCII(line) && fields.allSatisfy({ TextScan.isPlainASCII($0.text) })) else { continue }
                #expect(EducationReader.degreeAsWritten(in: line, fields: fields, range: range)
                    == Self.referenceDegreeAsWritten(in: line, fields: fields, range: range), "\(line) \(fields.map(\.text))")
            }
        }
    }

    @Test func plainForByteSearchIsReadFromTheScalars() {
        #expect(EducationReader.isPlainForByteSearch("MBA — Université de Montréal · 2015–2017"))
        #expect(!EducationReader.isPlainForByteSearch("MBA — e\u{301}cole"))
        #expect(!EducationReader.isPlainForByteSearch("MBA\r\nAcme"))
        #expect(!EducationReader.isPlainForByteSearch("学士"))
    }

    @Test func whitespaceTrimmingMatchesFoundation() {
        let pieces = [" ", "\t", "\u{00A0}", "\u{2009}", "\u{3000}", "\u{1680}", "\u{202F}", "\u{205F}", "\u{200B}", "\n", "\r\n",
                      "a", "MBA", "é", "e\u{301}", "\u{301}", "🎓", "👩‍💼", "学士", "—", "(", ")", ""]
        var generator = SplitMix64(seed: 0x7E1A)
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 6) { text += generator.pick(pieces) }
            #expect(EducationReader.trimmingWhitespaceScalars(text) == text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map(\.value))")
            #expect(EducationReader.trimmingWhitespaces(text) == text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map(\.value))")
        }
    }

    // MARK: - looksLikeName

    /// `looksLikeName` as it was: words split as characters.
    static func referenceLooksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...5).contains(words.count), text.count <= 60 else { return false }
        let lowered = text.lowercased()
        guard !PersonalDetailsReader.resumeWords.contains(where: { SectionHeadings.wordPosition(of: $0, in: lowered) != nil }) else { return false }
        for word in words {
            guard word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }) else { return false }
            guard let first = word.first else { return false }
            if first.isLowercase && !PersonalDetailsReader.nameParticles.contains(word.lowercased()) { return false }
        }
        let lowerWords = LineFields.lowerWords(text)
        if lowerWords.contains(where: { LineFields.titleWords.contains($0) || LineFields.organisationWords.contains($0) }) { return false }
        if SectionHeadings.section(named: text) != nil { return false }
        return true
    }

    static let names = [
        "", " ", "Dana Whitfield", "Dana  Whitfield", " Dana Whitfield ", "dana whitfield", "Ludwig van Beethoven", "Jo Doe-Smith",
        "O'Brien Kelly", "J. R. R. Tolkien", "Ana Maria de la Cruz Soto", "A B C D E F", "Dana", "Dana Whitfield, PHR",
        "Dana Whitfield 2", "Dana_Whitfield Jr", "Résumé of Dana", "Dana Whitfield Resume", "Dana Whitfield CV", "Dana Whitfield\r",
        "Senior HR Generalist", "Acme Health", "Work Experience", "Education", "Zoë Müller", "Dana O’Brien", "محمد علي",
        "张 伟", "Dana\tWhitfield", "Dana Whitfield.", "Dana Von Trapp", "Dana von Trapp", "Dana bin Trapp", "Dana Van", "Van Dana",
        "Dana vAN Trapp", "X Y", "Dana Whitfield Whitfield Whitfield Whitfield", String(repeating: "Abcdefghij ", count: 6),
        "Curriculum Vitae", "Dana Vitae", "Dana-Whitfield Consulting", "Dana Manager", "Dana &Whitfield",
    ]

    @Test func looksLikeNameMatchesTheCharacterWords() {
        for name in Self.names {
            #expect(PersonalDetailsReader.looksLikeName(name) == Self.referenceLooksLikeName(name), "\(name)")
        }
        var generator = SplitMix64(seed: 0x4A4E)
        let pieces = Self.names.flatMap { $0.split(separator: " ").map(String.init) } + [" ", " ", "-", ".", "'", "de", "la"]
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 7) { text += generator.pick(pieces) }
            #expect(PersonalDetailsReader.looksLikeName(text) == Self.referenceLooksLikeName(text), "\(text)")
        }
    }

    @Test func namesReadFromTheirWords() {
        #expect(PersonalDetailsReader.looksLikeName("Dana Whitfield"))
        #expect(PersonalDetailsReader.looksLikeName("Ludwig van Beethoven"))
        #expect(!PersonalDetailsReader.looksLikeName("dana whitfield"))
        #expect(!PersonalDetailsReader.looksLikeName("Dana"))
        #expect(!PersonalDetailsReader.looksLikeName("Dana Whitfield 2"))
    }
}
