/// A set of (source line, text) pairs, as a `Set` of both would be, for `ScorableRecord`'s "evidence
/// once" rule; each pair added gets an ordinal (0, 1, 2 … in order of adding), so a caller can keep
/// what it worked out for a text in an array and find it again for a repeat.
///
/// Hashing whole strings was a fifth of building a record, and equal pairs always share the line
/// number: so the texts are chained by line number (an integer hash) and a new text is compared with
/// `==` against the few texts already on its line. A line that gathers many texts (a minified page
/// puts everything on line 1) moves to a dictionary keyed by line and text, so the cost stays linear.
/// `==` and the dictionary both compare by canonical equivalence, so the answers are a `Set`'s.
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
        previousOnLine.reserveCapacity(capacity)
    }

    /// Adds the pair unless present: whether it was new, and the ordinal of the pair (the earlier
    /// equal one's when not new).
    mutating func insert(line: Int, text: String) -> (inserted: Bool, ordinal: Int) {
        if (usedSlots + 1) * 2 > slots.count { grow() }
        let index = self.index(for: line)
        let ordinal = texts.count
        var slot = slots[index]
        if slot.latest < 0 {
            usedSlots += 1
            slot = Slot(line: line, latest: -1, count: 1)
        } else if slot.count < 0 {
            if let earlier = crowded[Key(line: line, text: text)] { return (false, earlier) }
            crowded[Key(line: line, text: text)] = ordinal
        } else {
            var other = slot.latest
            while other >= 0 {
                if texts[other] == text { return (false, other) }
                other = previousOnLine[other]
            }
            slot.count += 1
            if slot.count > Self.longestChain {
                slot.count = -1
                var earlier = slot.latest
                while earlier >= 0 {
                    crowded[Key(line: line, text: texts[earlier])] = earlier
                    earlier = previousOnLine[earlier]
                }
                crowded[Key(line: line, text: text)] = ordinal
            }
        }
        texts.append(text)
        previousOnLine.append(slot.latest)
        slot.latest = ordinal
        slots[index] = slot
        return (true, ordinal)
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
