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

    /// Fewer lines than this in a block of 64 are entered slot by slot; this many or more, the block is
    /// transposed (`transposeBlock`), whose cost does not depend on how many lines or slots it holds
    /// (about as much as entering 35 lines' 30-odd slots each, one at a time).
    static let fewestLinesToTranspose = 36

    /// The index of `count` lines, line `line` holding the slots of `pairs(line)`.
    @inline(__always)
    private init(count: Int, pairs: (Int) -> BytePairs) {
        lineCount = count
        let wordCount = (count + 63) / 64
        // Left uninitialized: a transposed block writes all its 256 words, so only a block entered slot
        // by slot is cleared first (clearing the whole array was 2 KB of memset per 64 lines).
        let bits = [UInt64](unsafeUninitializedCapacity: 256 * wordCount) { bits, initializedCount in
            var first = 0
            while first < count {
                let slotWords = bits.baseAddress! + (first >> 6) &* 256
                let end = min(first + 64, count)
                if end - first >= Self.fewestLinesToTranspose {
                    Self.transposeBlock(lines: first..<end, pairs: pairs, into: slotWords)
                } else {
                    slotWords.initialize(repeating: 0, count: 256)
                    for line in first..<end {
                        let bit = UInt64(1) << UInt64(line & 63)
                        pairs(line).forEachSlot { slotWords[$0] |= bit }
                    }
                }
                first = end
            }
            initializedCount = 256 * wordCount
        }
        self.wordCount = wordCount
        self.bits = bits
    }

    /// Enters `lines` (at most 64, starting at a multiple of 64) into their block's 256 slot words at
    /// `slotWords` (all 256 written, whatever they held) by transposing the bit matrix of their pairs: row `r` holds the
    /// pairs of line `r` of the block, four words wide; transposed, row `s` of word `w` holds, bit `r`
    /// for line `r`, slot `64 * w + s`. Setting each slot's bit one at a time cost about 160
    /// instructions a line (a loop step per slot); the transpose is six rounds of 32 swaps of four
    /// words at once, whatever the lines hold. Exact by construction: it only moves bits.
    @inline(__always)
    private static func transposeBlock(lines: Range<Int>, pairs: (Int) -> BytePairs, into slotWords: UnsafeMutablePointer<UInt64>) {
        withUnsafeTemporaryAllocation(of: SIMD4<UInt64>.self, capacity: 64) { rows in
            let base = lines.lowerBound
            for row in 0..<64 {
                if base + row < lines.upperBound {
                    let words = pairs(base + row).words
                    rows[row] = SIMD4(words.0, words.1, words.2, words.3)
                } else {
                    rows[row] = SIMD4(repeating: 0)
                }
            }
            transpose(rows.baseAddress!)
            for slot in 0..<64 {
                let row = rows[slot]
                slotWords[slot] = row[0]
                slotWords[64 + slot] = row[1]
                slotWords[128 + slot] = row[2]
                slotWords[192 + slot] = row[3]
            }
        }
    }

    /// Transposes four 64×64 bit matrices at once, lane `w` of the 64 rows at `rows` being matrix `w`
    /// (bit `c` of row `r` moves to bit `r` of row `c`): each round swaps the off-diagonal quarters of
    /// every block of `2 * width` rows and columns, halving `width` from 32 to 1.
    @inline(__always)
    static func transpose(_ rows: UnsafeMutablePointer<SIMD4<UInt64>>) {
        var width = 32
        // The columns of the lower half of each block of `2 * width` columns.
        var mask: UInt64 = 0x0000_0000_FFFF_FFFF
        while width != 0 {
            let shift = SIMD4<UInt64>(repeating: UInt64(width))
            let lanes = SIMD4<UInt64>(repeating: mask)
            var row = 0
            while row < 64 {
                // Row `row` (bit `width` clear) swaps its upper-half columns with the lower-half
                // columns of row `row + width`.
                let swapped = ((rows[row] &>> shift) ^ rows[row + width]) & lanes
                rows[row] ^= swapped &<< shift
                rows[row + width] ^= swapped
                row = (row + width + 1) & ~width
            }
            width >>= 1
            mask ^= mask << UInt64(width)
        }
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
