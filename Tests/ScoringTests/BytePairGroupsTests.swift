import Extraction
@testable import Scoring
import TestSupport
import Testing

/// `BytePairGroups.containsAny(in:)` must answer as testing every phrase's pairs in turn (the old
/// `formalSupervisionPairs.contains { pairs.contains($0) }`, kept here as the reference), whatever the
/// grouping.
@Suite struct BytePairGroupsTests {
    static let pieces = [
        "supervise", "supervised", "Supervising", "direct report", "directly reports", "line-manage", "line manage",
        "people manager", "managed a team", "manage staff", "MANAGING STAFF", "manages a team", "payroll", "report",
        "manag", "supervi", "direct", "team", "staff", " ", ", ", "é", "e\u{301}", "\u{00A0}", "人事", "🙂", "\r\n", "",
        "date of birth", "born:", "age:", "marital status", "nationality:", "zoë",
    ]

    static func text(_ random: inout SplitMix64) -> String {
        (0..<Int(random.next() % 7)).map { _ in random.pick(pieces) }.joined(separator: random.pick(["", " ", "-"]))
    }

    static func reference(_ phrases: [BytePairs], _ pairs: BytePairs) -> Bool {
        phrases.contains { pairs.contains($0) }
    }

    @Test func groupsAnswerAsEveryPhraseInTurn() {
        var random = SplitMix64(seed: 0x6A0B)
        let phraseSets: [[String]] = [
            JobTitles.formalSupervisionPhrases.phrases,
            ScorableRecord.personalDetailMarkers.map(\.text),
            ["supervise", "supervised", "supervising"],
            ["a", "ab", "abc", "x", ""],
            [],
        ] + (0..<20).map { _ in (0..<Int(random.next() % 12)).map { _ in TextScan.lowercased(Self.text(&random)) } }
        for phrases in phraseSets {
            let pairs = phrases.map(BytePairs.init)
            let groups = BytePairGroups(pairs)
            #expect(groups.groupCount <= phrases.count)
            for _ in 0..<400 {
                let text = BytePairs(TextScan.lowercased(Self.text(&random)))
                #expect(groups.containsAny(in: text) == Self.reference(pairs, text), "\(phrases)")
            }
            // Each phrase itself, and each phrase inside other text, holds its own pairs.
            for phrase in phrases {
                #expect(groups.containsAny(in: BytePairs(phrase)))
                #expect(groups.containsAny(in: BytePairs("had " + phrase + " duties")))
            }
        }
    }

    /// Read from the phrases: the three share the pairs of "supervis" (seven pairs), so they form one
    /// group; no phrases, no group and no match.
    @Test func phrasesSharingAStemFormOneGroup() {
        #expect(BytePairGroups(["supervise", "supervised", "supervising"].map(BytePairs.init)).groupCount == 1)
        let none = BytePairGroups([])
        #expect(none.groupCount == 0)
        #expect(!none.containsAny(in: BytePairs("direct reports")))
    }

    @Test func intersectionAndSlotCountReadTheBits() {
        let first = BytePairs("ab"), second = BytePairs("abc")
        // "ab" is one pair; "abc" adds "bc".
        #expect(first.slotCount == 1)
        #expect(second.intersection(first) == first)
        #expect(first.intersection(BytePairs("")).slotCount == 0)
    }
}
