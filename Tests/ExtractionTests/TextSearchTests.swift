import Foundation
import Testing
@testable import Extraction

/// The byte searches that replace Foundation's `contains` on the hot paths must find what a plain
/// substring test finds.
@Suite struct TextSearchTests {
    static let phrases = ["direct report", "supervise", "team lead", "hr", "lead ", "zoë", "eeo-1"]

    @Test(arguments: [
        ("supervised 4 hr generalists as direct reports", "supervise"),  // earliest position wins
        ("4 direct reports; supervised them", "direct report"),
        ("team leader for open enrollment", "team lead"),
        ("lead for our benefits renewal", "lead "),
        ("chro", "hr"),  // inside a word: a substring, not a word, test
        ("zoë ekwueme", "zoë"),
        ("filed the eeo-1 report", "eeo-1"),
        ("payroll and benefits", nil),
        ("", nil),
        ("superv", nil),  // a phrase longer than what is left of the text
    ] as [(String, String?)])
    func findsTheEarliestPhrase(text: String, expected: String?) {
        let set = PhraseSet(Self.phrases)
        #expect(set.firstMatch(in: text) == expected)
        #expect(set.containsAny(in: text) == Self.phrases.contains { text.contains($0) })
    }

    @Test func listedOrderBreaksTiesAtOnePosition() {
        // "team lead" and "team" both start at 0: the one listed first is reported.
        #expect(PhraseSet(["team lead", "team"]).firstMatch(in: "team leader") == "team lead")
        #expect(PhraseSet(["team", "team lead"]).firstMatch(in: "team leader") == "team")
    }

    @Test func anEmptyPhraseMatchesEverything() {
        #expect(PhraseSet(["x", ""]).containsAny(in: "abc"))
        #expect(!PhraseSet([]).containsAny(in: "abc"))
    }

    @Test(arguments: [
        ("open enrollment for 640 employees", "enrollment", 5),
        ("open enrollment", "open", 0),
        ("aaab", "aab", 1),  // a first-byte hit that fails before the real match
        ("abc", "abcd", nil),
        ("résumé review", "review", 9),  // UTF-8 offset: é is two bytes
    ] as [(String, String, Int?)])
    func findsByteOffsets(text: String, needle: String, expected: Int?) {
        #expect(TextScan.position(of: needle, in: text, from: 0) == expected)
    }

    @Test func searchesFromAnOffset() {
        #expect(TextScan.position(of: "a", in: "banana", from: 2) == 3)
        #expect(TextScan.position(of: "a", in: "banana", from: 6) == nil)
        #expect(TextScan.position(of: "", in: "banana", from: 6) == 6)
    }

    @Test(arguments: [
        ("phr and sphr", "phr", true),
        ("sphr", "phr", false),
        ("shrm-cp holder", "shrm-cp", true),
        ("éphr", "phr", false),  // é is a letter
    ])
    func findsWholeWords(text: String, phrase: String, expected: Bool) {
        #expect(TextScan.containsWords(text, phrase) == expected)
    }
}

/// "Present" words are read after trimming what Foundation's white space and punctuation sets trim.
@Suite struct PresentWordTests {
    @Test(arguments: [
        ("Present", true), (" present. ", true), ("(current)", true), ("—Now—", true), ("«heute»", true),
        ("to date", true), ("\tongoing;\n", true), ("present+", false), ("$present", false), ("presently", true),
        ("2024", false), ("", false),
    ])
    func readsPresentWords(text: String, expected: Bool) {
        #expect(DateExpressions.isPresent(text) == expected)
        // The same trimming as Foundation's character sets.
        let foundation = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        #expect(DateExpressions.trimmingSpaceAndPunctuation(text.lowercased()) == foundation)
    }
}
