import Testing
import TestSupport
@testable import Extraction

/// `FoldedPhraseSearch` reads only the byte pairs every `span - 1` positions (`span`: the shortest
/// phrase of two bytes or more, at most eight) and rules starts out by the offsets at which phrases hold
/// those pairs and by the phrases' opening pairs, before looking a phrase up. Those filters must never
/// hide a match: over random texts made of pieces of the phrases (cut anywhere, any letter upper-cased),
/// the answer is what searching the lower-cased copy with `PhraseSet` gives, for phrase lists of every
/// span from one to seven, with one-byte, short (two to seven bytes) and long phrases, and phrases that
/// share pairs, an opening pair or a prefix.
@Suite struct FoldedPhraseStridedPairTests {
    static let phraseLists: [[String]] = [
        JobTitles.leadershipPhrases.phrases,
        ["x"], ["ab", "b"], ["st", "staff of", "stage"], ["abcdefgh", "abcdefghi", "abcdefgx", "ab"],
        ["a", "team lead", "te"], ["@[", "[`", "z{"], ["Upper", "lower case"], ["é", "ok"], ["", "never"],
        ["abc", "bcab", "cabcabca"], ["abcd", "bcde", "cdefgh", "dddd"], ["staff", "stage", "tages", "agest"],
        ["a team", "team a", "mate"], ["manage", "anagem", "nagement"], ["lead a", "a lead", "leader"],
    ]

    static let fillers = [
        " ", "  ", "\t", "\r\n", "-", ".", "@", "[", "`", "{", "Z", "z", "A", "e", "s", "st", "te", "ea", "0", "9",
        "é", "\u{00A0}", "人事", "🚀", "\u{212A}", "e\u{0301}",
    ]

    /// A random text from phrase pieces and fillers, with letters randomly upper-cased.
    static func text(from phrases: [String], using random: inout SplitMix64) -> String {
        var pieces: [String] = []
        for _ in 0..<Int(random.next() % 7) {
            if random.next() % 3 != 0, let phrase = phrases.isEmpty ? nil : random.pick(phrases), !phrase.isEmpty {
                let bytes = Array(phrase.utf8)
                let start = random.next() % 4 == 0 ? Int(random.next() % UInt64(bytes.count)) : 0
                let end = random.next() % 4 == 0 ? start + Int(random.next() % UInt64(bytes.count - start + 1)) : bytes.count
                pieces.append(String(decoding: bytes[start..<end], as: UTF8.self))
            } else {
                pieces.append(random.pick(fillers))
            }
        }
        return String(pieces.joined().map { character in
            character.isASCII && character.isLetter && random.next() % 2 == 0 ? Character(character.uppercased()) : character
        })
    }

    @Test func agreesWithSearchingTheLowerCasedCopy() {
        var random = SplitMix64(seed: 0x5C0_2E05)
        for phrases in Self.phraseLists {
            let search = FoldedPhraseSearch(phrases)
            let reference = PhraseSet(phrases)
            for _ in 0..<3000 {
                let text = Self.text(from: phrases, using: &random)
                let answer = search.containsAny(inASCII: text)
                if text.utf8.allSatisfy({ $0 < 0x80 }) {
                    #expect(answer == reference.containsAny(in: TextScan.lowercased(text)), "\(phrases) \(text.debugDescription)")
                } else {
                    #expect(answer == nil, "\(text.debugDescription)")
                }
            }
        }
    }

    /// Read from the phrases: a match at the very start, at the very end, at each offset from a read
    /// pair, and a one-byte phrase.
    @Test func readExamples() {
        #expect(FoldedPhraseSearch(["supervised"]).containsAny(inASCII: "SUpervised x") == true)
        #expect(FoldedPhraseSearch(["supervised"]).containsAny(inASCII: "x sUPERVISED") == true)
        #expect(FoldedPhraseSearch(["supervised"]).containsAny(inASCII: "x sUPERVISE") == false)
        #expect(FoldedPhraseSearch(["of"]).containsAny(inASCII: "staff OF") == true)
        #expect(FoldedPhraseSearch(["of"]).containsAny(inASCII: "o f") == false)
        #expect(FoldedPhraseSearch(["q"]).containsAny(inASCII: "Q") == true)
        #expect(FoldedPhraseSearch(["q"]).containsAny(inASCII: "p") == false)
        #expect(FoldedPhraseSearch(["q", "ab"]).containsAny(inASCII: "a") == false)
        #expect(FoldedPhraseSearch(["ab"]).containsAny(inASCII: "") == false)
        // Span 8 (pairs read at 0, 7, 14 …): the phrase at every start from 0 to 8.
        for start in 0...8 {
            #expect(FoldedPhraseSearch(["staff of", "line-manage"]).containsAny(inASCII: String(repeating: "x", count: start) + "STAFF OF") == true)
            #expect(FoldedPhraseSearch(["staff of", "line-manage"]).containsAny(inASCII: String(repeating: "x", count: start) + "STAFF O") == false)
        }
    }
}
