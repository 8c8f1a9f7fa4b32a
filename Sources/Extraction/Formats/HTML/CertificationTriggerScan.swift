/// `CertificationReader.mayNameCertification` in one pass over a line's bytes, for every line (not only
/// plain ASCII ones), with the trigger table read once per document rather than once per line.
///
/// Why it is exact for text other than plain ASCII: every trigger word is ASCII lower-case letters
/// (`triggerTableHoldsEveryTriggerWord` checks), and lower-casing gives ASCII only for ASCII, U+0130 and
/// U+212A (a test checks every scalar). So in a text without those two, a trigger word among the
/// lower-cased text's letter words comes from a run of ASCII letters of the text itself, with no ASCII
/// letter after it; before it there is none either, unless a non-ASCII character (a prepended mark such
/// as U+0600) took that one letter into its own character. A text in which no run, nor a run less its
/// first letter after a non-ASCII byte, is a trigger word names no certification; any other text that
/// is not plain ASCII is left to the general code.
struct CertificationTriggerTable: Sendable {
    /// For each first letter a–z, one bit per second letter (a–z, bit 26 for a one-letter word): whether
    /// some ASCII trigger word starts with that pair. Most words of a line are ruled out here.
    let pairBits: [UInt32]
    /// The ASCII trigger words end to end, each one's range in `words`, and per pair (first * 27 +
    /// second) the indices of its words in `words` (`CertificationReader.triggerBuckets`).
    let bytes: [UInt8]
    let words: [Range<Int>]
    let buckets: [Range<Int>]
    /// The longest trigger word in bytes.
    let maxLength: Int
    /// Bit 1 + letter (1 for "a" … 26 for "z") set when some ASCII trigger word starts with that letter:
    /// `pairBits[letter] != 0`, as one word the scan holds in a register.
    let firstLetters: UInt32

    init(buckets table: (bytes: [UInt8], words: [Range<Int>], buckets: [Range<Int>]), maxLength: Int) {
        var pairBits = [UInt32](repeating: 0, count: 26)
        for first in 0..<26 {
            for second in 0..<27 where !table.buckets[first * 27 + second].isEmpty {
                pairBits[first] |= 1 << UInt32(second)
            }
        }
        self.pairBits = pairBits
        var firstLetters: UInt32 = 0
        for first in 0..<26 where pairBits[first] != 0 { firstLetters |= 1 << UInt32(first + 1) }
        self.firstLetters = firstLetters
        bytes = table.bytes
        words = table.words
        buckets = table.buckets
        self.maxLength = maxLength
    }

    /// What the scan can tell about a line.
    enum Verdict {
        /// No trigger word: the line names no known certification.
        case no
        /// Plain ASCII text with a trigger word.
        case yes
        /// Left to the general code.
        case undecided
    }

    /// `body` with the tables as buffers: taken once for all the lines of a document, not once per line.
    func withTables<Result>(_ body: (Tables) -> Result) -> Result {
        pairBits.withUnsafeBufferPointer { pairBits in
            bytes.withUnsafeBufferPointer { wordBytes in
                words.withUnsafeBufferPointer { words in
                    buckets.withUnsafeBufferPointer { buckets in
                        body(Tables(
                            pairBits: pairBits, wordBytes: wordBytes, words: words, buckets: buckets, maxLength: maxLength,
                            firstLetters: firstLetters))
                    }
                }
            }
        }
    }

    /// The verdict on a line's UTF-8 bytes.
    func verdict(_ text: UnsafeBufferPointer<UInt8>) -> Verdict {
        withTables { $0.verdict(text) }
    }

    /// The tables as buffers, for the loop over a line's bytes.
    struct Tables {
        let pairBits: UnsafeBufferPointer<UInt32>
        let wordBytes: UnsafeBufferPointer<UInt8>
        let words: UnsafeBufferPointer<Range<Int>>
        let buckets: UnsafeBufferPointer<Range<Int>>
        let maxLength: Int
        /// `CertificationTriggerTable.firstLetters`.
        let firstLetters: UInt32

        /// The verdict on a line's UTF-8 bytes, read eight at a time: a word's letters and the starts of
        /// its runs of letters come from a few operations on the eight bytes as one integer. A run's first
        /// letter, and its second when it lies in the same eight, are read from that integer too: most
        /// runs are ruled out by their first letter (`firstLetters`, a mask held in a register) and most
        /// others by their first two, without a load; only a run whose pair begins some trigger word is
        /// read further, out of line.
        ///
        /// The answer does not depend on which trigger run is found first (a trigger anywhere makes the
        /// verdict `.yes` for plain ASCII text and `.undecided` otherwise), so the runs right after a
        /// non-ASCII byte, whose first letter may belong to the character before, are read apart, and
        /// whether the text is plain ASCII is asked only once a trigger is found. The whole eights are
        /// read in one loop and the last bytes once after it, so the loop carries only what it needs.
        func verdict(_ text: UnsafeBufferPointer<UInt8>) -> Verdict {
            guard let base = UnsafeRawPointer(text.baseAddress) else { return .no }
            let count = text.count
            // Set when some byte read is C4 or 84, bytes of U+0130 (C4 B0) and U+212A (E2 84 AA): without
            // one, `mayLowerToASCII` is false and is not run (a second pass over most non-ASCII lines).
            // Not E2: the first byte of every dash, curly quote and bullet, in most non-ASCII lines.
            var mayLower: UInt64 = 0
            // The high bit of byte 0 set when the last byte of the previous eight was a letter, and when
            // it was not ASCII.
            var letterBefore: UInt64 = 0
            var highBefore: UInt64 = 0
            var chunk = 0
            let whole = count & ~7
            while chunk < whole {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: chunk, as: UInt64.self))
                if let verdict = scanEight(word, at: chunk, text, &mayLower, &letterBefore, &highBefore) { return verdict }
                chunk &+= 8
            }
            if chunk < count {
                // The last bytes, padded with zero bytes (no letter): the eight bytes that end the text,
                // shifted down past those already read, or the few bytes of a shorter text.
                let word: UInt64
                if count >= 8 {
                    let last = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
                    word = last >> UInt64(8 &* (chunk &+ 8 &- count))
                } else {
                    var tail: UInt64 = 0
                    for offset in 0..<count { tail |= UInt64(text[offset]) << UInt64(8 &* offset) }
                    word = tail
                }
                if let verdict = scanEight(word, at: chunk, text, &mayLower, &letterBefore, &highBefore) { return verdict }
            }
            // Without a byte C4 or 84 no scalar lowers to ASCII (and a plain ASCII text has neither).
            if mayLower == 0 { return .no }
            return Self.mayLowerToASCII(text) ? .undecided : .no
        }

        /// The eight bytes `word` of `text` from `chunk` on: the verdict if a trigger run starts among
        /// them, nil to read on.
        @inline(__always)
        private func scanEight(
            _ word: UInt64, at chunk: Int, _ text: UnsafeBufferPointer<UInt8>,
            _ mayLower: inout UInt64, _ letterBefore: inout UInt64, _ highBefore: inout UInt64
        ) -> Verdict? {
            let high: UInt64 = 0x8080_8080_8080_8080
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs = word & high
            if highs != 0 {
                // A zero byte of `word ^ C4…` or `word ^ 84…` (exact as a whole, though not per byte).
                let c4 = word ^ 0xC4C4_C4C4_C4C4_C4C4, x84 = word ^ 0x8484_8484_8484_8484
                mayLower |= ((c4 &- ones) & ~c4 | (x84 &- ones) & ~x84) & high
            }
            // Per byte, without carries between bytes: the byte lower-cased to seven bits is at least
            // "a" and at most "z", and the byte itself is ASCII.
            let folded = (word | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
            let letters = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505) & ~word & high
            let starts = letters & ~((letters << 8) | letterBefore)
            // (`letters` holds only the high bit of each byte: shifted down, only bit 7 can be left.)
            letterBefore = letters >> 56
            var ordinary = starts
            var afterHigh: UInt64 = 0
            if highs | highBefore != 0 {
                // The starts right after a non-ASCII byte (rare): read apart below.
                afterHigh = starts & ((highs << 8) | highBefore)
                highBefore = highs >> 56
                ordinary = starts ^ afterHigh
            }
            while ordinary != 0 {
                // The start's high bit: bit 8 × i + 7 for the start at byte i of the eight.
                let bit = ordinary.trailingZeroBitCount
                ordinary &= ordinary &- 1
                // The folded letter's low five bits: 1 for "a" … 26 for "z".
                let firstCode = Int(truncatingIfNeeded: folded >> UInt64(bit &- 7)) & 0x1F
                guard firstLetters & (1 << UInt32(firstCode)) != 0 else { continue }
                // The second letter when the next byte is in the same eight (a letter when its bit of
                // `letters` is set; 26 for none); 27 when it is not, for the test out of line to tell.
                let second = bit < 56
                    ? (letters & (1 << UInt64(bit &+ 8)) != 0 ? (Int(truncatingIfNeeded: folded >> UInt64(bit &+ 1)) & 0x1F) &- 1 : 26)
                    : 27
                guard second == 27 || pairBits[firstCode &- 1] & (1 << UInt32(second)) != 0 else { continue }
                if runIsTrigger(text, at: chunk &+ bit >> 3) {
                    return Self.isPlain(text, from: 0) ? .yes : .undecided
                }
            }
            if afterHigh != 0, lateRunIsTrigger(text, chunk, afterHigh) { return .undecided }
            return nil
        }

        /// Whether the run of ASCII letters at `start` is a trigger word (its pair read again). Out of
        /// line: few runs get here, and inlined, the test made the loop over the eights keep its
        /// values on the stack.
        @inline(never)
        private func runIsTrigger(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
            mayStartTrigger(text, at: start) && isTrigger(text, start..<runEnd(text, from: start))
        }

        /// Whether a run at one of the `starts` (high bits of the eight bytes from `chunk`), each right
        /// after a non-ASCII byte, is a trigger word, as written or without its first letter, which may
        /// belong to the character before it.
        @inline(never)
        private func lateRunIsTrigger(_ text: UnsafeBufferPointer<UInt8>, _ chunk: Int, _ starts: UInt64) -> Bool {
            var late = starts
            while late != 0 {
                let start = chunk &+ late.trailingZeroBitCount >> 3
                late &= late &- 1
                if mayStartTrigger(text, at: start), isTrigger(text, start..<runEnd(text, from: start)) { return true }
                let end = runEnd(text, from: start)
                if end &- start > 1, isTrigger(text, (start &+ 1)..<end) { return true }
            }
            return false
        }

        /// Whether some trigger word starts with the first two letters (or the one letter) of the run at `start`.
        @inline(__always)
        private func mayStartTrigger(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
            let first = Int((text[start] | 0x20) &- 0x61)
            let next = start + 1
            let second = next < text.count && TextScan.isASCIILetter(text[next]) ? Int((text[next] | 0x20) &- 0x61) : 26
            return pairBits[first] & (1 << UInt32(second)) != 0
        }

        /// The end of the run of ASCII letters that starts at `start`.
        @inline(__always)
        private func runEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            var end = start + 1
            while end < text.count, TextScan.isASCIILetter(text[end]) { end += 1 }
            return end
        }

        /// Whether the run of ASCII letters, lower-cased, is an ASCII trigger word.
        @inline(__always)
        private func isTrigger(_ text: UnsafeBufferPointer<UInt8>, _ run: Range<Int>) -> Bool {
            guard run.count <= maxLength else { return false }
            let first = Int((text[run.lowerBound] | 0x20) &- 0x61)
            let second = run.count > 1 ? Int((text[run.lowerBound + 1] | 0x20) &- 0x61) : 26
            guard pairBits[first] & (1 << UInt32(second)) != 0 else { return false }
            for wordIndex in buckets[first * 27 + second] {
                let word = words[wordIndex]
                guard word.count == run.count else { continue }
                var offset = 2
                while offset < word.count, wordBytes[word.lowerBound + offset] == text[run.lowerBound + offset] | 0x20 {
                    offset += 1
                }
                if offset >= word.count { return true }
            }
            return false
        }

        /// Whether the bytes from `start` on are plain ASCII (no byte ≥ 0x80, no carriage return).
        private static func isPlain(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
            var index = start
            while index < text.count {
                if text[index] >= 0x80 || text[index] == 0x0D { return false }
                index += 1
            }
            return true
        }

        /// Whether the text holds U+0130 (C4 B0) or U+212A (E2 84 AA), the non-ASCII scalars that
        /// lower-case to ASCII letters.
        static func mayLowerToASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            while index + 1 < text.count {
                switch text[index] {
                case 0xC4 where text[index + 1] == 0xB0: return true
                case 0xE2 where text[index + 1] == 0x84 && index + 2 < text.count && text[index + 2] == 0xAA: return true
                default: index += 1
                }
            }
            return false
        }
    }
}

extension CertificationReader {
    /// The trigger table, built once.
    static let triggerTable = CertificationTriggerTable(buckets: triggerBuckets, maxLength: maxTriggerLength)

    /// `mayNameCertification(text)` with the table read by the caller.
    static func mayNameCertification(_ text: String, table: CertificationTriggerTable) -> Bool {
        table.withTables { mayNameCertification(text, tables: $0) }
    }

    /// `mayNameCertification(text)` with the table's buffers taken by the caller (once per document).
    @inline(__always)
    static func mayNameCertification(_ text: String, tables: CertificationTriggerTable.Tables) -> Bool {
        switch text.withBorrowedUTF8({ tables.verdict($0) }) {
        case .no: return false
        case .yes: return true
        case .undecided: return mayNameCertification(text)
        }
    }

    /// The indices of the lines outside the certifications section that may name a known certification
    /// (`mayNameCertification`): the table's buffers are taken once for the whole document. Not inlined:
    /// inlined into the certification loop, the test made that loop copy each line's optional strings.
    @inline(never)
    static func linesThatMayNameCertifications(_ allLines: [SectionedLine]) -> [Int] {
        triggerTable.withTables { tables in
            var found: [Int] = []
            for index in allLines.indices where allLines[index].section != .certifications {
                // The scan's verdict first, the text read again only for the general code: with the text
                // held for both, every line's string was retained after the scan and released at once.
                switch allLines[index].line.text.withBorrowedUTF8({ tables.verdict($0) }) {
                case .no: continue
                case .yes: found.append(index)
                case .undecided: if mayNameCertification(allLines[index].line.text) { found.append(index) }
                }
            }
            return found
        }
    }
}
