import Extraction
import Foundation
@testable import Scoring
import Testing

/// The byte-scanning word search must find exactly what the Foundation (`Character`) search found.
@Suite struct TermMatcherTests {
    @Test(arguments: [
        ("administered benefits for 640 employees", "benefits", true),
        ("administered benefits for 640 employees", "benefit", true),  // plural "s"
        ("benefitsadministration", "benefits", false),
        ("ran quarterly i-9 audits", "audit", true),
        ("ran quarterly i-9 audits.", "audits", true),
        ("auditors reviewed the file", "audit", false),
        ("eeo-1 reporting", "eeo-1", true),
        ("eeo-10 reporting", "eeo-1", false),
        ("deeo-1", "eeo-1", false),
        ("workday", "workday", true),
        ("workdays", "workday", true),
        ("workdayss", "workday", false),
        ("led the hris (workday) migration", "workday", true),
        ("supports ADA accommodations", "ADA", true),
        ("Ada Lovelace", "ADA", false),
        ("ADAPT programme", "ADA", false),
        ("zoë led open enrollment", "open enrollment", true),
        ("zoëopen enrollment", "open enrollment", false),  // ë is a letter
        ("résumé open enrollment", "open enrollment", true),
        ("2019–2021 payroll", "payroll", true),
        ("payroll·benefits", "payroll", true),
        ("cafe\u{301} staff", "cafe", false),  // the match would end inside "é"
        ("x\u{301}payroll", "payroll", false),  // "x́" is a letter before the term
        ("payroll", "payroll", true),
        ("pay", "payroll", false),
        ("", "payroll", false),
        ("payroll", "", false),
        ("ssss", "ss", false),
        ("s ss", "ss", true),
        ("process owner", "owner", true),
        ("owners", "owner", true),
        ("owners1", "owner", false),
        ("payrolls\u{301}", "payroll", false),  // "ś" is not a plural "s"
    ])
    func findsWholeWords(haystack: String, term: String, expected: Bool) {
        #expect(TermMatcher.containsWord(haystack, term) == expected)
        #expect(TermMatcher.foundationContainsWord(haystack, term) == expected)
    }

    /// Agreement on many ordinary HR lines and terms, including non-ASCII terms (which keep Foundation).
    @Test func agreesWithTheFoundationSearch() {
        let lines = [
            "led open enrollment for 640 employees in workday and adp workforce now",
            "coordinated fmla, ada and eeo-1 compliance; filed the annual eeo-1 report on time.",
            "supervised 4 hr generalists as direct reports; set goals and ran their performance reviews.",
            "investigated 35 employee relations cases a year and recommended corrective action.",
            "managed an hr budget of $900k and 3 benefits vendor contracts.",
            "senior hr generalist · phr · shrm-cp",
            "january 2024 – present | columbus, oh",
            "owned the merit cycle, salary bands and compensation benchmarking (mercer, radford)",
            "zoë ekwueme — résumé — benefits/payroll/hris",
            "trained 120 managers on flsa and the employee handbook",
            "Supports ADA, ADP and SAP rollouts; Ada and Sap are names",
        ]
        let terms = [
            "open enrollment", "workday", "adp", "ADP", "ADA", "SAP", "fmla", "eeo-1", "eeo", "direct reports",
            "direct report", "performance review", "employee relations", "budget", "vendor", "phr", "shrm-cp",
            "present", "merit", "salary band", "compensation", "résumé", "benefit", "payroll", "hris", "flsa",
            "handbook", "led", "owned", "managed", "supervised", "trained", "investigated", "manager", "hr",
        ]
        for line in lines {
            let scorable = ScorableRecord.Line(text: line, lowered: line.lowercased(), loweredPairs: BytePairs(line.lowercased()), line: 1, section: .position)
            for term in terms {
                #expect(
                    TermMatcher.containsWord(line, term) == TermMatcher.foundationContainsWord(line, term),
                    "\(term) in \(line)")
                // The byte-pair filter in front of the search never rejects a line the search would find.
                let matcher = TermMatcher(term)
                let caseSensitive = term.count <= 4 && term == term.uppercased()
                #expect(
                    matcher.matches(scorable) == TermMatcher.containsWord(caseSensitive ? line : line.lowercased(), caseSensitive ? term : term.lowercased()),
                    "\(term) in \(line) through the matcher")
            }
        }
    }

    @Test(arguments: [
        ("date of birth: 1990", "date of birth", true),
        ("dana whitfield, phr", "dana whitfield", true),
        ("(614) 555-0142", "555-0142", true),
        ("led benefits", "benefit", true),
        ("led benefits", "payroll", false),
        ("short", "longer than the text", false),
        ("zoë ekwueme", "zoë", true),
        ("anything", "", true),
    ])
    func findsSubstrings(haystack: String, needle: String, expected: Bool) {
        #expect(TextScan.contains(haystack, needle) == expected)
        if !needle.isEmpty { #expect((haystack.range(of: needle) != nil) == expected) }
    }
}
