/// Whole-text ASCII tests read eight bytes at a time: style attributes are checked once or twice per
/// styled element, and byte by byte that was most of the cost of finding they need no work.
enum ASCIIWords {
    private static var ones: UInt64 { 0x0101_0101_0101_0101 }
    private static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// Every byte below 0x80.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        var seen: UInt64 = 0
        while index + 8 <= bytes.count {
            seen |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            seen |= UInt64(bytes[index])
            index += 1
        }
        return seen & highBits == 0
    }

    /// Every byte ASCII and none an upper-case letter (0x41–0x5A): the text is its own `lowercased()`.
    static func isLowerASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if word & highBits != 0 || hasUpperCase(word) { return false }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 || byte &- 0x41 < 26 { return false }
            index += 1
        }
        return true
    }

    /// Whether a word without high bits holds a byte in 0x41–0x5A. Each byte plus 0x3F reaches 0x80
    /// exactly when the byte is at least 0x41, plus 0x25 exactly when it is at least 0x5B; no sum passes
    /// 0xFF, so no carry reaches the next byte.
    @inline(__always) static func hasUpperCase(_ word: UInt64) -> Bool {
        let atLeastA = word &+ ones &* 0x3F
        let pastZ = word &+ ones &* 0x25
        return atLeastA & ~pastZ & highBits != 0
    }
}
