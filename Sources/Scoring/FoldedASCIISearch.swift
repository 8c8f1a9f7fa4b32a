import Extraction

/// Searches of ASCII text as it would read lower-cased, on the text as written. The scorer keeps an
/// ASCII evidence line as it stands rather than lower-casing it into a new string (an allocation, a
/// copy and a release per line of every file), and folds A–Z to a–z while it compares instead.
///
/// Exact by construction for ASCII text only: there lower-casing maps A–Z to a–z and changes nothing
/// else, byte for byte, so a lower-case needle occurs in the lower-cased text exactly where the text's
/// bytes fold to the needle's. Callers keep the lower-cased copy for any other text.
enum FoldedASCIISearch {
    /// Whether `TextScan.contains(lowercased, phrase)` for `lowercased`, the ASCII `text` lower-cased.
    static func contains(_ text: String, _ phrase: String) -> Bool {
        text.withBorrowedUTF8 { textBytes in phrase.withBorrowedUTF8 { phraseBytes in contains(textBytes, phraseBytes) } }
    }

    @inline(__always)
    static func contains(_ textBytes: UnsafeBufferPointer<UInt8>, _ phraseBytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // As `TextScan.position`: the empty phrase occurs in every text.
        phraseBytes.isEmpty || firstMatch(of: phraseBytes, in: textBytes) { _ in true }
    }

    /// Calls `body` with each offset, ascending, at which the bytes of `text` (ASCII) lower-cased equal
    /// `needle`, until it returns true; whether it did. Never true for an empty needle, or for one
    /// holding A–Z or a non-ASCII byte (the lower-cased text holds neither).
    ///
    /// The offsets whose byte may open the needle are found eight at a time: a byte OR-ed with 0x20
    /// equals a letter's lower case exactly when it is that letter in either case (other opening bytes
    /// must be equal as they stand); each candidate is then compared in full, its first eight bytes
    /// lower-cased together in one word where the text has them.
    @inline(__always)
    static func firstMatch(of needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, where body: (Int) -> Bool) -> Bool {
        let length = needle.count
        guard length > 0, length <= text.count, let base = text.baseAddress, let needleBase = needle.baseAddress else { return false }
        let first = needleBase[0]
        let caseBit: UInt8 = first &- 0x61 < 26 ? 0x20 : 0
        let lows: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let firstWord = UInt64(first) &* lows, caseWord = UInt64(caseBit) &* lows
        let lastStart = text.count - length
        // The needle's first (up to) eight bytes as a little-endian word, and the mask of those bytes.
        let prefixLength = min(length, 8)
        var prefix: UInt64 = 0
        for offset in 0..<prefixLength { prefix |= UInt64(needleBase[offset]) << UInt64(offset * 8) }
        let prefixMask: UInt64 = prefixLength == 8 ? ~0 : (UInt64(1) << UInt64(prefixLength * 8)) &- 1
        var block = 0
        while block <= lastStart {
            // One bit (0x80 of the byte) per offset of the block that may open the needle.
            var candidates: UInt64 = 0
            if block + 8 <= text.count {
                let differences = (UnsafeRawPointer(base).loadUnaligned(fromByteOffset: block, as: UInt64.self) | caseWord) ^ firstWord
                // Set for each zero byte (and, through a borrow, perhaps for a byte above one: every
                // candidate is compared in full below).
                candidates = (differences &- lows) & ~differences & highs
            } else {
                for offset in 0..<(text.count - block) where base[block + offset] | caseBit == first {
                    candidates |= UInt64(0x80) << UInt64(offset * 8)
                }
            }
            while candidates != 0 {
                let start = block + candidates.trailingZeroBitCount >> 3
                candidates &= candidates &- 1
                guard start <= lastStart else { return false }
                var matched = true
                var offset = 0
                if start + 8 <= text.count {
                    let word = ASCIILowercasing.lowered(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: start, as: UInt64.self))
                    matched = word & prefixMask == prefix
                    offset = prefixLength
                }
                while matched && offset < length {
                    matched = lowered(base[start + offset]) == needleBase[offset]
                    offset += 1
                }
                if matched && body(start) { return true }
            }
            block += 8
        }
        return false
    }

    /// An ASCII byte lower-cased.
    @inline(__always) static func lowered(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
