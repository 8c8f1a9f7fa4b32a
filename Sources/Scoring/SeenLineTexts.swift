/// A set of (source line, text) pairs, as a `Set` of both would be, for `ScorableRecord`'s "evidence
/// once" rule; each pair added gets an ordinal (0, 1, 2 … in order of adding), so a caller can keep
/// what it worked out for a text in an array and find it again for a repeat.
///
/// Hashing whole strings was a fifth of building a record, and equal pairs always share the line
/// number: so the texts are chained by line number (an integer hash) and a new text is compared with
/// `==` against the few texts already on its line. A line that gathers many texts (a minified page
/// puts everything on line 1) moves to a dictionary keyed by line and text, so the cost stays linear.
/// `==` and the dictionary both compare by canonical equivalence, so the answers are a `Set`'s.
///
/// A text may also be added as an ASCII text standing for its own lower-cased form (`foldsCase`), as
/// the scorer keeps ASCII lines: two such texts are equal when their bytes are equal with A–Z folded
/// (their lower-cased forms are ASCII, where `==` compares bytes); any comparison or key involving
/// another text uses the lower-cased form itself, so the answers are those of a `Set` of the
/// lower-cased texts.
struct SeenLineTexts {
    private struct Key: Hashable {
        var line: Int
        var text: String
    }

    /// One line number's place in the table.
    private struct Slot {
        var line = 0
        /// The ordinal of the line's latest text; -1 while the slot is empty.
        var latest = -1
        /// How many texts the line has; -1 once they moved to `crowded`.
        var count = 0
    }

    /// Past this many texts, a line's texts move to `crowded`.
    static let longestChain = 16

    /// Every text added, by ordinal, with the ordinal of the text added before it on the same line
    /// (-1 for none).
    private var texts: [String] = []
    /// For each text, whether it stands for its lower-cased form (see above).
    private var foldsCase: [Bool] = []
    private var previousOnLine: [Int] = []
    /// Open addressing on the line number, at most half full.
    private var slots: [Slot]
    private var usedSlots = 0
    private var crowded: [Key: Int] = [:]

    /// `capacity`: about how many pairs will be added (the table grows past it).
    init(capacity: Int) {
        var size = 16
        while size < capacity { size <<= 1 }
        slots = Array(repeating: Slot(), count: size)
        texts.reserveCapacity(capacity)
        foldsCase.reserveCapacity(capacity)
        previousOnLine.reserveCapacity(capacity)
    }

    /// Adds the pair unless present: whether it was new, and the ordinal of the pair (the earlier
    /// equal one's when not new). `foldsCase`: `text` is ASCII and stands for its lower-cased form.
    mutating func insert(line: Int, text: String, foldsCase folds: Bool = false) -> (inserted: Bool, ordinal: Int) {
        if (usedSlots + 1) * 2 > slots.count { grow() }
        let index = self.index(for: line)
        let ordinal = texts.count
        var slot = slots[index]
        if slot.latest < 0 {
            usedSlots += 1
            slot = Slot(line: line, latest: -1, count: 1)
        } else if slot.count < 0 {
            let key = Key(line: line, text: Self.standing(text, foldsCase: folds))
            if let earlier = crowded[key] { return (false, earlier) }
            crowded[key] = ordinal
        } else {
            var other = slot.latest
            while other >= 0 {
                if folds || foldsCase[other] ? Self.same(texts[other], foldsCase: foldsCase[other], text, foldsCase: folds) : texts[other] == text {
                    return (false, other)
                }
                other = previousOnLine[other]
            }
            slot.count += 1
            if slot.count > Self.longestChain {
                slot.count = -1
                var earlier = slot.latest
                while earlier >= 0 {
                    crowded[Key(line: line, text: Self.standing(texts[earlier], foldsCase: foldsCase[earlier]))] = earlier
                    earlier = previousOnLine[earlier]
                }
                crowded[Key(line: line, text: Self.standing(text, foldsCase: folds))] = ordinal
            }
        }
        texts.append(text)
        foldsCase.append(folds)
        previousOnLine.append(slot.latest)
        slot.latest = ordinal
        slots[index] = slot
        return (true, ordinal)
    }

    /// The text a stored text stands for: its lower-cased form when it folds case.
    private static func standing(_ text: String, foldsCase: Bool) -> String {
        foldsCase ? ASCIILowercasing.lowercased(text) ?? text : text
    }

    /// Whether the texts stand for equal texts (see the type's comment).
    private static func same(_ first: String, foldsCase firstFolds: Bool, _ second: String, foldsCase secondFolds: Bool) -> Bool {
        guard firstFolds || secondFolds else { return first == second }
        guard firstFolds && secondFolds else { return standing(first, foldsCase: firstFolds) == standing(second, foldsCase: secondFolds) }
        // Two ASCII texts: equal lengths, then the bytes with A–Z folded.
        guard first.utf8.count == second.utf8.count else { return false }
        var first = first, second = second
        return first.withUTF8 { firstBytes in
            second.withUTF8 { secondBytes in
                for index in 0..<firstBytes.count where FoldedASCIISearch.lowered(firstBytes[index]) != FoldedASCIISearch.lowered(secondBytes[index]) {
                    return false
                }
                return true
            }
        }
    }

    /// The index of the slot holding `line`, or of the empty slot where it goes.
    private func index(for line: Int) -> Int {
        let mask = slots.count - 1
        // Fibonacci hashing: consecutive line numbers spread over the table.
        var index = Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: line) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while slots[index].latest >= 0 && slots[index].line != line { index = (index + 1) & mask }
        return index
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        for slot in old where slot.latest >= 0 { slots[index(for: slot.line)] = slot }
    }
}
