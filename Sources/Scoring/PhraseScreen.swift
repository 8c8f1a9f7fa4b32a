#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Extraction

/// Phrases whose presence drops a scorable line (the candidate's name and contact details, the
/// personal-detail labels), tested against every line of every file. It answers as
/// `ScorableRecord.mentionsAny(of:lowered:foldsCase:pairs:)` over the same phrases does, with fewer tests:
///
/// - Phrases holding a byte that is neither a letter, a digit nor a space (the "anchor": ":" of
///   "gender:", "@" or "." of an e-mail address, "(" of a phone number) are grouped by it, and a line
///   without that byte holds none of the group. Both searches (`FoldedASCIISearch.contains`,
///   `TextScan.contains`) compare bytes, and folding case changes no such byte, so a phrase found has
///   its anchor in the line's bytes. Nine of the fifteen labels end in ":", which few lines hold: one
///   `memchr` rules all nine out, where each cost a byte-pair test and about a quarter of the lines
///   passed one of them (short labels like "age:" share most pairs with "manager").
/// - Other phrases are grouped as `BytePairGroups` groups them ("date of birth", "birthdate" …
///   share the pairs of "birth"), a group's shared pairs tested once.
///
/// Only tests are saved: every phrase that could be in the line still gets its byte-pair test and
/// search, so the answer is the old one by construction (the anchor and the shared pairs are both
/// necessary conditions for each member).
struct PhraseScreen: Sendable {
    typealias Phrase = (text: String, pairs: BytePairs)

    private struct Group: Sendable {
        /// The byte every member holds (see `anchor(of:)`); 0 for none.
        var anchor: UInt8
        /// The pairs every member holds.
        var shared: BytePairs
        /// The end of the group's members (each group's follow the previous group's): member `i` is
        /// `first[i]` below `first.count`, else `rest[i - first.count]`.
        var end: Int
    }

    /// The phrases, group by group, in two arrays: a record's screen reads its identifying texts from
    /// the array it was given and the labels from the labels' screen, rather than copying both into
    /// one (fifteen strings retained per record).
    private let first: [Phrase]
    private let rest: [Phrase]
    private let groups: [Group]

    /// Groups `phrases` by anchor, and phrases without one by shared pairs (built once, for the labels).
    init(_ phrases: [Phrase]) {
        var groupOf: [Int] = []
        var groupAnchors: [UInt8] = []
        var groupShared: [BytePairs] = []
        for phrase in phrases {
            let anchor = Self.anchor(of: phrase.text)
            let group = groupAnchors.indices.first { group in
                groupAnchors[group] == anchor
                    && (anchor != 0 || groupShared[group].intersection(phrase.pairs).slotCount >= BytePairGroups.sharedSlotsWanted)
            }
            if let group {
                groupShared[group] = groupShared[group].intersection(phrase.pairs)
                groupOf.append(group)
            } else {
                groupOf.append(groupAnchors.count)
                groupAnchors.append(anchor)
                groupShared.append(phrase.pairs)
            }
        }
        var members: [Phrase] = []
        var groups: [Group] = []
        for group in groupAnchors.indices {
            for index in phrases.indices where groupOf[index] == group { members.append(phrases[index]) }
            groups.append(Group(anchor: groupAnchors[group], shared: groupShared[group], end: members.count))
        }
        first = members
        rest = []
        self.groups = groups
    }

    /// Each of `phrases` a group of its own, with its anchor, then the groups of `grouped` (a screen
    /// made by `init(_:)`): for the few identifying texts of one record, where grouping would cost more
    /// than it saves, ahead of the labels grouped once. One screen per record, so each line is one call.
    init(eachAlone phrases: [Phrase], then grouped: PhraseScreen) {
        precondition(grouped.rest.isEmpty, "a screen made by init(_:)")
        first = phrases
        rest = grouped.first
        var groups: [Group] = []
        groups.reserveCapacity(phrases.count + grouped.groups.count)
        phrases.withUnsafeBufferPointer { phrases in
            for index in phrases.indices {
                groups.append(Group(anchor: Self.anchor(of: phrases[index].text), shared: phrases[index].pairs, end: index + 1))
            }
        }
        for group in grouped.groups.indices {
            var moved = grouped.groups[group]
            moved.end += phrases.count
            groups.append(moved)
        }
        self.groups = groups
    }

    /// How many groups the phrases fell into.
    var groupCount: Int { groups.count }

    /// The first byte of `text` that is ASCII and not a letter, a digit, a space or NUL; 0 for none.
    /// (Letters fold and spaces are everywhere; the others are rare in the lines of a résumé.)
    static func anchor(of text: String) -> UInt8 {
        text.withBorrowedUTF8 { bytes -> UInt8 in
            for byte in bytes where byte < 0x80 && byte != 0 && byte != 0x20 && (byte | 0x20) &- 0x61 >= 26 && byte &- 0x30 >= 10 {
                return byte
            }
            return 0
        }
    }

    /// `ScorableRecord.mentionsAny(of: phrases, lowered:, foldsCase:, pairs:)` for the phrases given.
    func mentionsAny(lowered: String, foldsCase: Bool, pairs: BytePairs) -> Bool {
        lowered.withBorrowedUTF8 { bytes in
            mentionsAny(pairs: pairs, holding: { Self.holds(bytes, $0) }) { phrase in
                foldsCase ? FoldedASCIISearch.contains(lowered, phrase) : TextScan.contains(lowered, phrase)
            }
        }
    }

    /// `mentionsAny(lowered:foldsCase: true, pairs:)` for the ASCII text whose bytes are `bytes`
    /// (the builder has them at hand: reading them from the string again cost about 40 instructions).
    func mentionsAny(foldingASCII bytes: UnsafeBufferPointer<UInt8>, pairs: BytePairs) -> Bool {
        mentionsAny(pairs: pairs, holding: { Self.holds(bytes, $0) }) { phrase in
            phrase.withBorrowedUTF8 { FoldedASCIISearch.contains(bytes, $0) }
        }
    }

    /// Whether any member is found by `search`, asked only of members whose group's pairs and anchor
    /// (`holding`: whether the text holds a byte) and whose own pairs are all there. Most lines fail
    /// every group's pairs test or lack the anchor: the loop does only that, and the rare rest (the
    /// members' tests and searches) is out of line, so the loop keeps its values in registers.
    @inline(__always)
    private func mentionsAny(pairs: BytePairs, holding: (UInt8) -> Bool, search: (String) -> Bool) -> Bool {
        groups.withUnsafeBufferPointer { groups in
            // The anchor looked for last and whether the text holds it: groups with one anchor are
            // few (one per anchor among the labels), so one remembered answer serves.
            var anchorSought: UInt8 = 0
            var anchorFound = false
            var start = 0
            for group in groups.indices {
                let end = groups[group].end
                defer { start = end }
                guard pairs.contains(groups[group].shared) else { continue }
                let anchor = groups[group].anchor
                if anchor != 0 {
                    if anchor != anchorSought {
                        anchorSought = anchor
                        anchorFound = holding(anchor)
                    }
                    guard anchorFound else { continue }
                }
                if mentionsAny(of: start..<end, pairs: pairs, search: search) { return true }
            }
            return false
        }
    }

    /// Whether `bytes` hold `byte`.
    @inline(__always)
    private static func holds(_ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    /// Whether `search` finds any of the members at `range` whose pairs are all there.
    @inline(never)
    private func mentionsAny(of range: Range<Int>, pairs: BytePairs, search: (String) -> Bool) -> Bool {
        first.withUnsafeBufferPointer { first in
            rest.withUnsafeBufferPointer { rest in
                // By pointer: the text is read (and retained) only when the pairs are all there.
                for member in range {
                    let phrase = member < first.count ? first.baseAddress! + member : rest.baseAddress! + (member - first.count)
                    if pairs.contains(phrase.pointee.pairs) && search(phrase.pointee.text) { return true }
                }
                return false
            }
        }
    }
}
