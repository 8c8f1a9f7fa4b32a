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

    init(buckets table: (bytes: [UInt8], words: [Range<Int>], buckets: [Range<Int>]), maxLength: Int) {
        var pairBits = [UInt32](repeating: 0, count: 26)
        for first in 0..<26 {
            for second in 0..<27 where !table.buckets[first * 27 + second].isEmpty {
                pairBits[first] |= 1 << UInt32(second)
            }
        }
        self.pairBits = pairBits
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

    /// The verdict on a line's UTF-8 bytes.
    func verdict(_ text: UnsafeBufferPointer<UInt8>) -> Verdict {
        pairBits.withUnsafeBufferPointer { pairBits in
            bytes.withUnsafeBufferPointer { wordBytes in
                words.withUnsafeBufferPointer { words in
                    buckets.withUnsafeBufferPointer { buckets in
                        let tables = Tables(pairBits: pairBits, wordBytes: wordBytes, words: words, buckets: buckets, maxLength: maxLength)
                        return tables.verdict(text)
                    }
                }
            }
        }
    }

    /// The tables as buffers, for the loop over a line's bytes.
    private struct Tables {
        let pairBits: UnsafeBufferPointer<UInt32>
        let wordBytes: UnsafeBufferPointer<UInt8>
        let words: UnsafeBufferPointer<Range<Int>>
        let buckets: UnsafeBufferPointer<Range<Int>>
        let maxLength: Int

        func verdict(_ text: UnsafeBufferPointer<UInt8>) -> Verdict {
            let count = text.count
            // Whether a byte read so far is not ASCII or is a carriage return (what keeps a text from
            // being plain ASCII, `HTMLLines.isPlainASCIIByWords`).
            var plain = true
            var index = 0
            while index < count {
                let byte = text[index]
                guard TextScan.isASCIILetter(byte) else {
                    if byte >= 0x80 || byte == 0x0D { plain = false }
                    index += 1
                    continue
                }
                let start = index
                var end = index + 1
                while end < count, TextScan.isASCIILetter(text[end]) { end += 1 }
                if isTrigger(text, start..<end) {
                    return plain && Self.isPlain(text, from: end) ? .yes : .undecided
                }
                // After a non-ASCII byte the run's first letter may belong to the character before it.
                if start > 0, text[start - 1] >= 0x80, end - start > 1, isTrigger(text, (start + 1)..<end) {
                    return .undecided
                }
                index = end
            }
            if plain { return .no }
            return Self.mayLowerToASCII(text) ? .undecided : .no
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

    /// `mayNameCertification(text)` with the table read by the caller (once per document). Not inlined:
    /// inlined into the certification loop it made that loop copy each line's optional strings.
    @inline(never)
    static func mayNameCertification(_ text: String, table: CertificationTriggerTable) -> Bool {
        switch text.withBorrowedUTF8({ table.verdict($0) }) {
        case .no: return false
        case .yes: return true
        case .undecided: return mayNameCertification(text)
        }
    }
}
