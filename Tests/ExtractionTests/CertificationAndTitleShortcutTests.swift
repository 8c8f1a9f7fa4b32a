import Foundation
import Testing
import TestSupport
@testable import Extraction

/// Shortcuts of the certification reader and the title vocabulary: the trigger lines found with the
/// text read again only for the general code, the catalog's byte-pair test that spares most trigger lines
/// the catalog walk (`CertificationCatalog.mayFindID`), and the HR abbreviations of a title compared as
/// packed bytes instead of strings looked up in a set.
@Suite struct CertificationAndTitleShortcutTests {
    static func described(_ text: String) -> String {
        text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
    }

    // MARK: - Trigger lines

    @Test func triggerLinesAreTheLinesOutsideTheSectionWithATriggerWord() {
        // The reference: the lower-cased letter words looked up in `triggerWords`, for every line that is
        // not in the certifications section.
        func reference(_ text: String) -> Bool {
            text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).contains { CertificationReader.triggerWords.contains($0) }
        }
        var generator = SplitMix64(seed: 0x7219_6E25)
        let sections: [ResumeSection] = [.header, .summary, .experience, .education, .skills, .certifications, .other]
        let pieces = Self.catalogPieces + ["İ", "\u{600}xphr", "\u{212A}", "shrm\u{301}"]
        for _ in 0..<300 {
            var lines: [SectionedLine] = []
            for number in 0..<Int(generator.next() % 40) {
                var text = ""
                for _ in 0..<Int(generator.next() % 6) { text += generator.pick(pieces) }
                let line = HTMLLine(text: text, fieldText: text, line: number)
                lines.append(SectionedLine(line: line, section: generator.pick(sections), isHeading: false, heading: nil))
            }
            let expected = lines.indices.filter { lines[$0].section != .certifications && reference(lines[$0].line.text) }
            #expect(CertificationReader.linesThatMayNameCertifications(lines) == expected)
        }
    }

    // MARK: - The catalog's byte-pair test

    /// Lines résumés hold, with and without certifications, in every case.
    static let catalogPieces: [String] = {
        var pieces = [" ", ", ", " - ", " (", ")", " | ", "2021", "é", "\u{00A0}", "\r\n", "人事", "🎓", "Senior", "HR", "Generalist",
                      "Workday", "San Diego, CA", "Professional", "in", "Human", "Resources", "Certified", "Payroll", "Global",
                      "Associate", "Chartered", "Institute", "of", "Personnel", "and", "Development", "Level", "pro", "level",
                      "Society", "for", "Resource", "Management", "California", "International", "–", "Benefits", "Specialist"]
        for entry in CertificationCatalog.entries {
            pieces += entry.abbreviations + entry.aliases + entry.aliases.map { $0.uppercased() } + [entry.fullName]
        }
        return pieces
    }()

    @Test func pairTestNeverRulesOutALineWithAnID() {
        var generator = SplitMix64(seed: 0xCA7A_1065)
        var ruledOut = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 8) { text += generator.pick(Self.catalogPieces) }
            if !CertificationCatalog.mayFindID(in: text) {
                ruledOut += 1
                #expect(CertificationCatalog.ids(in: text).isEmpty, "\(Self.described(text))")
            }
        }
        // The test is worth its cost only if it rules lines out.
        #expect(ruledOut > 1_000)
    }

    @Test func pairTestOnReadLines() {
        // Every needle of the catalog in ASCII, alone or in a line, and every alias in capitals: its own
        // pairs are there.
        for entry in CertificationCatalog.entries {
            for needle in entry.aliases + entry.abbreviations where needle.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(CertificationCatalog.mayFindID(in: needle), "\(needle)")
                #expect(CertificationCatalog.mayFindID(in: "Held: " + needle + " (2021)"), "\(needle)")
            }
            for alias in entry.aliases where alias.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(CertificationCatalog.mayFindID(in: alias.uppercased()), "\(alias)")
            }
        }
        // Text that is not ASCII is left to the catalog walk.
        for text in ["Résumé", "人事", "Senior HR Generalist — Acme", "\u{212A}"] {
            #expect(CertificationCatalog.mayFindID(in: text), "\(text)")
        }
        // Without two bytes there is no pair, so no needle.
        for text in ["", "x", "P"] {
            #expect(!CertificationCatalog.mayFindID(in: text), "\(text)")
        }
    }

    // MARK: - HR abbreviations in titles

    /// `JobTitles.isHR` as its general path reads any title: the phrases searched in the lower-cased
    /// title, then its words (runs of letters and "&") looked up in the set of abbreviations.
    static func referenceIsHR(_ title: String) -> Bool {
        let lowered = TextScan.lowercased(title)
        if JobTitles.hrPhrases.phrases.contains(where: { TextScan.contains(lowered, $0) }) { return true }
        let words = lowered.split(whereSeparator: { !$0.isLetter && $0 != "&" })
        return words.contains { JobTitles.hrAbbreviations.contains(String($0)) }
    }

    static let titlePieces = ["HR", "hr", "Hr", "HRBP", "HRIS", "HRM", "L&D", "l&d", "OD", "TA", "CHRO", "CPO", "RH", "HRD", "H", "R",
                              "Manager", "Assistant", "Generalist", "Director", "of", "People", "Operations", "Payroll", "Talent",
                              "Acquisition", "Sales", "Ta", "Odd", "Chrome", "Staffing", "&", " ", "  ", "-", "/", ",", "(", ")", "2021",
                              "é", "Ä", "İ", "\u{212A}", "人事", "🎓", "\r\n", "\u{00A0}", "x"]

    @Test func isHRMatchesTheGeneralReadingOnRandomTitles() {
        var generator = SplitMix64(seed: 0x4812_7E55)
        for _ in 0..<20_000 {
            var title = ""
            for _ in 0..<Int(generator.next() % 6) { title += generator.pick(Self.titlePieces) }
            #expect(JobTitles.isHR(title) == Self.referenceIsHR(title), "\(Self.described(title))")
        }
    }

    @Test func isHROnReadTitles() {
        for title in ["HR Coordinator", "Senior HRBP", "L&D Partner", "Head of OD", "TA Lead", "CHRO", "Recruiter", "Payroll Specialist"] {
            #expect(JobTitles.isHR(title), "\(title)")
        }
        for title in ["Sales Manager", "Chrome Developer", "Odd Jobs", "Taxi Driver", "H R", "HRD", ""] {
            #expect(!JobTitles.isHR(title), "\(title)")
        }
    }
}
