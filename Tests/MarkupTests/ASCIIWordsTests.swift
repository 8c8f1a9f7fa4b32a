import Testing
@testable import Markup

// `ASCIIWords` tests eight bytes at a time what `allSatisfy` tested byte by byte; the byte-by-byte
// tests are kept below as the reference, over texts whose special bytes fall on every position of a word.

private func referenceIsASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { bytes.allSatisfy { $0 < 0x80 } }
private func referenceIsLowerASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { bytes.allSatisfy { $0 < 0x80 && $0 &- 0x41 >= 26 } }

@Suite("Markup: ASCII tests eight bytes at a time") struct ASCIIWordsTests {
    private func check(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            #expect(ASCIIWords.isASCII(bytes) == referenceIsASCII(bytes), "\(Array(text.utf8))")
            #expect(ASCIIWords.isLowerASCII(bytes) == referenceIsLowerASCII(bytes), "\(Array(text.utf8))")
        }
        #expect(HidingStyleSheet.lowercasedText(text) == text.lowercased(), "\(text)")
    }

    @Test func agreesWhereverTheByteFalls() {
        // Every byte value at every offset of texts 1…24 bytes long, the rest lower-case letters: the
        // letters either side of "A"–"Z" ("@", "[") and 0x7F/0x80 are the edges the word test must get right.
        for length in 1...24 {
            for position in 0..<length {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes[position] = UInt8(value)
                    bytes.withUnsafeBufferPointer { buffer in
                        #expect(ASCIIWords.isASCII(buffer) == referenceIsASCII(buffer), "\(bytes)")
                        #expect(ASCIIWords.isLowerASCII(buffer) == referenceIsLowerASCII(buffer), "\(bytes)")
                    }
                }
            }
        }
    }

    @Test func agreesOnTexts() {
        let texts = [
            "", "a", "font-size:0", "FONT-SIZE:0", "color:#FFF;background:white", "display: none !important",
            "font-family:\"Times New Roman\";font-size:12pt", "margin-left:-9999px", "Zoë", "font-family:履歴書",
            "color: red 😀", "abcdefgZ", "Zabcdefg", "abcdefg@[`{", String(repeating: "x", count: 63) + "Y",
        ]
        for text in texts { check(text) }
    }
}

/// `hides` visits class tokens one by one instead of through an array; the visits must be the tokens
/// `split(separator: " ")` gives, in order.
@Suite("Markup: class tokens visited in place") struct ClassTokenVisitTests {
    @Test(arguments: [
        "", " ", "a", "  a  b ", "hidden-text", "x\ty  z", "Zoë  résumé", "履歴 書", "a\u{A0}b c", "😀 😀", "a\r\nb c",
        "one two three four five six seven eight nine ten",
    ])
    func visitsTheSplitTokens(_ value: String) {
        var visited: [String] = []
        HidingStyleSheet.forEachSpaceSeparatedToken(value) { visited.append($0) }
        #expect(visited == value.split(separator: " ").map(String.init))
    }
}
