/// `LineFields.isDegree` for plain ASCII text, read on its bytes. The general test lower-cases the text
/// into a new String, builds an array of the five school words and asks `hasSuffix` of each (a Unicode
/// comparison), then copies the first token's letters into an array and a String to hash; it is asked
/// of every field of every education line.
///
/// Exact for plain ASCII (`TextScan.isPlainASCII`: no byte ≥ 0x80, no carriage return): lower-casing
/// maps A–Z to a–z and nothing else, every byte is a `Character`, so a suffix of characters is a suffix
/// of bytes, and the phrase set matches byte for byte either way.
extension LineFields {
    /// The school words a degree does not end with, as bytes ("James Buchanan High School").
    static let schoolSuffixBytes: [[UInt8]] = ["school", "college", "university", "academy", "institute"].map { Array($0.utf8) }

    /// `degreeAbbreviations` asked by byte (all lower-case ASCII letters and "-", at most 16 bytes).
    static let degreeAbbreviationWords = LowerCaseASCIIWords(degreeAbbreviations)

    /// `isDegree(text)` for the bytes of plain ASCII `text`.
    static func isDegreePlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        for suffix in schoolSuffixBytes where endsWithLowered(bytes, suffix) { return false }
        let phrase = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { lowered -> Bool in
            for index in bytes.indices { lowered[index] = TextScan.lowerASCII(bytes[index]) }
            return degreePhraseSet.containsAny(inBytes: UnsafeBufferPointer(lowered))
        }
        if phrase { return true }
        return isDegreeAbbreviationPlainASCII(bytes)
    }

    /// Whether the bytes, lower-cased, end with `suffix` (lower-case ASCII).
    @inline(__always) static func endsWithLowered(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        guard bytes.count >= suffix.count else { return false }
        let start = bytes.count - suffix.count
        for offset in suffix.indices where TextScan.lowerASCII(bytes[start + offset]) != suffix[offset] { return false }
        return true
    }

    /// The abbreviation test of `isDegree` for plain ASCII text: the first token between spaces, commas
    /// and "(", its letters and hyphens lower-cased into a small buffer and looked up without a String.
    static func isDegreeAbbreviationPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x2C || byte == 0x28 }
        var start = 0
        while start < bytes.count, isSeparator(bytes[start]) { start += 1 }
        guard start < bytes.count else { return false }
        var end = start
        while end < bytes.count, !isSeparator(bytes[end]) { end += 1 }
        let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let limit = longestDegreeAbbreviation
        let known = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: limit + 1) { letters -> Bool in
            // Initialised whole: the key is packed from the buffer, which may read past the letters.
            letters.initialize(repeating: 0)
            var count = 0
            for byte in token where TextScan.isASCIILetter(byte) || byte == 0x2D {
                // No abbreviation is longer than `limit`.
                guard count < limit else { return false }
                letters[count] = TextScan.lowerASCII(byte)
                count += 1
            }
            return degreeAbbreviationWords.contains(UnsafeBufferPointer(letters), 0..<count)
        }
        guard known else { return false }
        return token.contains(0x2E) || token.allSatisfy({ !TextScan.isASCIILower($0) })
            || token.count(where: TextScan.isASCIIUpper) >= 2
    }
}
