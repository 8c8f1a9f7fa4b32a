/// For each of the 256 byte-pair slots of `BytePairs`, the scorable lines whose lower-cased text holds
/// that slot, one bit per line. A term can only occur in a line holding every slot of its needle, so
/// the lines worth a word search are the AND of a few bit sets: scoring asks about a hundred terms of
/// every file, and testing each term's pairs against each line was most of the competency criterion.
/// The candidates are exactly the lines `BytePairs.contains` lets through, so the answers are too.
struct LinePairIndex: Sendable {
    let lineCount: Int
    /// Words per slot: `(lineCount + 63) / 64`.
    let wordCount: Int
    /// Bit `line % 64` of `bits[(line / 64) * 256 + slot]` is set when line `line` holds `slot`: the
    /// 256 slot words of each 64 lines back to back, so building finds a slot's word by adding the slot
    /// (slot-major, it was a multiplication by `wordCount` for every slot of every line).
    private let bits: [UInt64]

    init(_ pairs: [BytePairs]) {
        self.init(count: pairs.count) { pairs[$0] }
    }

    /// The index of the lines' `loweredPairs`, read in place (no array of the pairs alone).
    init(lines: [ScorableRecord.Line]) {
        self = lines.withUnsafeBufferPointer { lines in LinePairIndex(count: lines.count) { lines[$0].loweredPairs } }
    }

    /// The index of `count` lines, line `line` holding the slots of `pairs(line)`.
    @inline(__always)
    private init(count: Int, pairs: (Int) -> BytePairs) {
        lineCount = count
        let wordCount = (count + 63) / 64
        var bits = [UInt64](repeating: 0, count: 256 * wordCount)
        bits.withUnsafeMutableBufferPointer { bits in
            for line in 0..<count {
                let slotWords = bits.baseAddress! + (line >> 6) &* 256
                let bit = UInt64(1) << UInt64(line & 63)
                pairs(line).forEachSlot { slotWords[$0] |= bit }
            }
        }
        self.wordCount = wordCount
        self.bits = bits
    }

    /// Word `word` of the set of lines holding every slot in `slots` (every line when `slots` is empty).
    func lines(holding slots: [Int], word: Int) -> UInt64 {
        slots.withUnsafeBufferPointer { lines(holding: $0, word: word) }
    }

    /// `lines(holding:word:)` for slots in a buffer (a matcher's, read in place).
    func lines(holding slots: UnsafeBufferPointer<Int>, word: Int) -> UInt64 {
        let remaining = lineCount - word * 64
        var result: UInt64 = remaining >= 64 ? ~0 : (UInt64(1) << UInt64(remaining)) &- 1
        bits.withUnsafeBufferPointer { bits in
            for slot in slots {
                result &= bits[word &* 256 &+ slot]
                if result == 0 { break }
            }
        }
        return result
    }

    /// `lines(holding: pairs.slots, word: word)`, the slots read from `pairs` in place.
    func lines(holding pairs: BytePairs, word: Int) -> UInt64 {
        let remaining = lineCount - word * 64
        var result: UInt64 = remaining >= 64 ? ~0 : (UInt64(1) << UInt64(remaining)) &- 1
        bits.withUnsafeBufferPointer { bits in
            _ = pairs.allSlots { slot in
                result &= bits[word &* 256 &+ slot]
                return result != 0
            }
        }
        return result
    }

    /// Calls `body` with each line set in `word`, word `index` of a line set, in ascending order until
    /// it returns true; that line, or nil.
    static func firstLine(in word: UInt64, ofWord index: Int, where body: (Int) -> Bool) -> Int? {
        var rest = word
        while rest != 0 {
            let line = index * 64 + rest.trailingZeroBitCount
            if body(line) { return line }
            rest &= rest &- 1
        }
        return nil
    }
}
