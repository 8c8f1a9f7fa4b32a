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
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length where index + offset < bytes.count {
                value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            }
            // (A malformed sequence cannot occur in a String's UTF-8; if one did, it is not ruled out.)
            guard let scalar = Unicode.Scalar(value) else { return true }
            if scalar.properties.isAlphabetic { return true }
            index += length
        }
        return false
    }
}
