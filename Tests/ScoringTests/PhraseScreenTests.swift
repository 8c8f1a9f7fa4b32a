import Extraction
@testable import Scoring
import TestSupport
import Testing

/// `PhraseScreen` (phrases grouped by anchor byte and shared pairs) against searching every phrase, as
/// `ScorableRecord.mentionsAny` did for each line before the screen.
@Suite struct PhraseScreenTests {
    /// The old test, kept as the reference: every phrase searched for (the pairs only a shortcut there).
    static func reference(_ phrases: [PhraseScreen.Phrase], lowered: String, foldsCase: Bool) -> Bool {
        phrases.contains { phrase in
            foldsCase ? TextScan.contains(TextScan.lowercased(lowered), phrase.text) : TextScan.contains(lowered, phrase.text)
        }
    }

    static func phrases(_ texts: [String]) -> [PhraseScreen.Phrase] {
        texts.map { (text: $0, pairs: BytePairs($0)) }
    }

    /// Identifying texts of several kinds: a name, an e-mail address, a phone number, a place, an
    /// accented name, a name holding a combining mark, one with NUL, a semicolon and the Greek question
    /// mark (canonically ";"), and the empty text.
    static let identifyingSets: [[String]] = [
        ["ada lovelace", "ada@example.org", "(814) 555-0126", "louisville, ky"],
        ["zoë ekwueme", "zoe+cv@example.co.uk", "+44 20 7946 0000", "leeds"],
        ["zoe\u{308} e", "o'brien", "x\u{0}y", "a;b", "a\u{037E}b"],
        [""], [],
    ]

    /// Pieces of lines: labels in both cases and without their colon, the identifying texts in other
    /// cases, topics that share pairs with labels ("manager", "stage"), accented, CJK, emoji, CR/LF,
    /// NBSP, a Kelvin sign, the Greek question mark.
    static let pieces = [
        "Date of Birth", "date of birth:", "Birthdate", "born:", "Born", "Age:", "age", "manager:", "stage", "Gender pay gap",
        "GENDER:", "sex: ", "Pronouns:", "Marital Status", "family status", "nationality", "Nationality:", "Citizenship:",
        "religion:", "Faith:", "faith", " ", ":", ",", "(", ")", "@", ".", "-", "+", "'", ";", "\u{037E}", "\u{0}",
        "Ada Lovelace", "ADA@EXAMPLE.ORG", "(814) 555-0126", "Louisville, KY", "Zoë Ekwueme", "Zoe\u{308} E", "ZOË",
        "O'Brien", "Leeds", "café", "人事", "🙂", "\r\n", "\u{00A0}", "\u{212A}", "Payroll", "benefits", "a", "",
    ]

    static func line(_ random: inout SplitMix64) -> String {
        (0..<Int(random.next() % 6)).map { _ in random.pick(pieces) }.joined(separator: random.next() % 3 == 0 ? "" : " ")
    }

    @Test func answersAsSearchingEveryPhrase() {
        var random = SplitMix64(seed: 0x5C4EE4)
        let markers = ScorableRecord.personalDetailMarkers
        for identifying in Self.identifyingSets {
            let identifyingPhrases = Self.phrases(identifying)
            let screens = [
                (PhraseScreen(eachAlone: identifyingPhrases, then: PhraseScreen([])), identifyingPhrases),
                (PhraseScreen(identifyingPhrases), identifyingPhrases),
                (ScorableRecord.personalDetailScreen, markers),
                (PhraseScreen(eachAlone: markers, then: PhraseScreen([])), markers),
                (PhraseScreen(identifyingPhrases + markers), identifyingPhrases + markers),
                // As the builder holds them: the identifying texts alone, then the labels grouped.
                (PhraseScreen(eachAlone: identifyingPhrases, then: ScorableRecord.personalDetailScreen), identifyingPhrases + markers),
            ]
            for _ in 0..<400 {
                let text = Self.line(&random)
                let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
                // As the builder hands lines over: ASCII text as written (folding case), other text lower-cased.
                let lowered = isASCII ? text : TextScan.lowercased(text)
                let pairs = BytePairs(TextScan.lowercased(text))
                for (screen, phrases) in screens {
                    let expected = Self.reference(phrases, lowered: lowered, foldsCase: isASCII)
                    #expect(screen.mentionsAny(lowered: lowered, foldsCase: isASCII, pairs: pairs) == expected, "\(text.debugDescription)")
                    if isASCII {
                        #expect(text.withBorrowedUTF8 { screen.mentionsAny(foldingASCII: $0, pairs: pairs) } == expected, "\(text.debugDescription)")
                    }
                    // The lower-cased copy of an ASCII line, searched as written.
                    if isASCII {
                        let copy = TextScan.lowercased(text)
                        #expect(screen.mentionsAny(lowered: copy, foldsCase: false, pairs: pairs) == Self.reference(phrases, lowered: copy, foldsCase: false))
                    }
                }
            }
        }
    }

    /// Read from the texts: the first byte that is not a letter, a digit or a space.
    @Test(arguments: [
        ("gender:", UInt8(ascii: ":")), ("ada@example.org", UInt8(ascii: "@")), ("(814) 555-0126", UInt8(ascii: "(")),
        ("louisville, ky", UInt8(ascii: ",")), ("date of birth", 0), ("zoë ekwueme", 0), ("x\u{0}y", 0), ("", 0),
        ("o'brien", UInt8(ascii: "'")), ("a\u{037E}b", 0), ("12 3", 0),
    ])
    func anchors(text: String, anchor: UInt8) {
        #expect(PhraseScreen.anchor(of: text) == anchor)
    }

    /// The labels fall into fewer groups than there are labels: the nine ending in ":" share one, the
    /// four about birth another, the two statuses a third.
    @Test func labelsGroupByColonAndSharedWords() {
        #expect(ScorableRecord.personalDetailMarkers.count == 15)
        #expect(ScorableRecord.personalDetailScreen.groupCount == 3)
    }

    /// Read from the lines: labels are found with or without other text around them, topics are not.
    @Test(arguments: [
        ("Date of Birth: 1 January 1990", true), ("Gender: female", true), ("NATIONALITY: British", true), ("age: 34", true),
        ("Gender pay gap analysis", false), ("Manager: Ada", false), ("Stage 3 of the marital status survey", true),
        ("Led open enrollment for 640 employees", false), ("", false),
    ])
    func labelsNotTopics(line: String, expected: Bool) {
        let pairs = BytePairs(TextScan.lowercased(line))
        #expect(ScorableRecord.personalDetailScreen.mentionsAny(lowered: line, foldsCase: true, pairs: pairs) == expected)
    }

    /// `hasThreeCharacters` against the `dropFirst(2)` it replaced, over short texts of ASCII letters,
    /// CR, LF, combining marks, accented letters, CJK, emoji (with ZWJ and regional indicators) and NBSP.
    @Test func threeCharactersAsDropFirst() {
        let pieces = ["a", "B", "7", " ", "\r", "\n", "\r\n", "\u{301}", "\u{308}", "é", "人", "🙂", "👩\u{200D}💻", "🇬🇧", "\u{00A0}", "@", "", "\u{0}"]
        var random = SplitMix64(seed: 0x3C4A)
        for _ in 0..<3000 {
            let text = (0..<Int(random.next() % 6)).map { _ in random.pick(pieces) }.joined()
            #expect(ScorableRecord.hasThreeCharacters(text) == !text.dropFirst(2).isEmpty, "\(text.debugDescription)")
        }
        for (text, expected) in [("abc", true), ("ab", false), ("a\r\n", false), ("a\r\nb", true), ("ab\r\n", true), ("ab\u{301}", false), ("ab\u{301}c", true), ("", false)] {
            #expect(ScorableRecord.hasThreeCharacters(text) == expected, "\(text.debugDescription)")
        }
    }
}
