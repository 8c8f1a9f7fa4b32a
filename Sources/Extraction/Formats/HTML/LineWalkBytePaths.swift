import Markup

/// Byte paths of the HTML line reader for work it did with Strings: collapsing the whitespace of a line
/// that is not plain ASCII, asking whether a chunk holds a letter. Each gives the answer of the code it
/// stands in for on any valid UTF-8 (the tests keep that code as the reference).
extension HTMLLines {
    /// Markup's `collapseWhitespace` of the valid UTF-8 in `buffer`, written over it (Markup's byte
    /// collapse, which may write where it reads); returns the length of the result.
    static func collapseWhitespaceInPlace(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        collapseWhitespace(UnsafeBufferPointer(buffer), into: buffer)
    }

    /// Whether some scalar of the (valid) UTF-8 bytes has the Unicode Alphabetic property. A text with none
    /// has no letter `Character` (`Character.isLetter` asks its first scalar, one of the text's).
    static func someScalarIsAlphabetic(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if TextScan.isASCIILetter(lead) { return true }
                index += 1
                continue
            }
            let (scalar, length) = TextScan.scalar(at: index, in: bytes)
            if scalar.properties.isAlphabetic { return true }
            index += length
        }
        return false
    }

    /// `isAllWhitespace` of the text whose (valid) UTF-8 is `bytes`: settled by byte as there, and only
    /// otherwise through a string.
    static func isAllWhitespace(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (found, allASCII) = someCharacterStarts(withASCII: bytes) { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) }
        if found { return false }
        if allASCII { return true }
        return String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace)
    }

    /// `hasLetter` of the text whose (valid) UTF-8 is `bytes`: settled by byte as there, and only
    /// otherwise through a string.
    static func hasLetter(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (found, allASCII) = someCharacterStarts(withASCII: bytes) { TextScan.isASCIILetter($0) }
        if found { return true }
        if allASCII || !someScalarIsAlphabetic(bytes) { return false }
        return String(decoding: bytes, as: UTF8.self).contains(where: \.isLetter)
    }
}
