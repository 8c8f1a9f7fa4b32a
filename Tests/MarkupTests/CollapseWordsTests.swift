import TestSupport
import Testing
@testable import Markup

// `collapseWhitespace` and `isCollapsedASCII` judge and copy plain ASCII eight bytes at a time. The copies
// below are the byte-by-byte versions they replaced, kept as the reference; every input is checked
// against them, with the eight-byte boundaries falling everywhere (lengths 0…40, every shift).

/// `collapseWhitespace` as it was: one byte or scalar at a time.
private func referenceCollapse(_ text: String) -> String {
    let original = text
    var text = text
    return text.withUTF8 { bytes -> String in
        if referenceIsCollapsedASCII(bytes) { return original }
        return String(unsafeUninitializedCapacity: bytes.count) { output in
            var count = 0
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let length: Int
                let isSpace: Bool
                if lead < 0x80 {
                    length = 1
                    isSpace = lead == 0x20 || (lead >= 0x09 && lead <= 0x0D)
                } else {
                    length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length where index + offset < bytes.count {
                        value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                    }
                    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                    isSpace = scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{200B}"
                }
                if isSpace {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace {
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    if length == 1 {
                        output[count] = lead
                        count += 1
                    } else {
                        for offset in index..<min(index + length, bytes.count) {
                            output[count] = bytes[offset]
                            count += 1
                        }
                    }
                }
                index += length
            }
            return count
        }
    }
}

/// `isCollapsedASCII` as it was.
private func referenceIsCollapsedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return bytes.isEmpty }
    var previousWasSpace = false
    for byte in bytes {
        if byte >= 0x80 || (byte >= 0x09 && byte <= 0x0D) { return false }
        let isSpace = byte == 0x20
        if isSpace && previousWasSpace { return false }
        previousWasSpace = isSpace
    }
    return true
}

/// Pieces the inputs are made of: letters, the spaces and controls the tests tell apart, and non-ASCII
/// spaces and text.
private let pieces: [String] = [
    "a", "b", "Z", "7", ".", "~", "\u{7F}", " ", " ", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}",
    "\u{01}", "\u{08}", "\u{0E}", "\u{1F}", "\u{00}", "\u{A0}", "\u{200B}", "\u{3000}", "\u{2003}", "\u{85}", "é", "Zoë",
    "履歴書", "😀", "👩‍💻", "word", "Senior Engineer", "x y z",
]

@Suite("Markup: collapsing whitespace eight bytes at a time") struct CollapseWordsTests {
    private func check(_ text: String) {
        #expect(collapseWhitespace(text) == referenceCollapse(text), "\(Array(text.utf8))")
        var copy = text
        copy.withUTF8 { bytes in
            #expect(isCollapsedASCII(bytes) == referenceIsCollapsedASCII(bytes), "\(Array(text.utf8))")
            // `isCollapsed` is exactly "the collapse gives the bytes back", non-ASCII text included.
            #expect(isCollapsed(bytes) == (Array(referenceCollapse(text).utf8) == Array(text.utf8)), "\(Array(text.utf8))")
        }
    }

    @Test func collapsedChecksByHand() {
        func collapsed(_ text: String) -> (ascii: Bool, any: Bool) {
            var copy = text
            return copy.withUTF8 { (isCollapsedASCII($0), isCollapsed($0)) }
        }
        #expect(collapsed("") == (true, true))
        #expect(collapsed("Ran payroll for 300 staff across four sites.") == (true, true))
        #expect(collapsed("Ran payroll for 300 staff  across four sites.") == (false, false))
        // Two spaces astride the first eight-byte boundary (bytes 7 and 8).
        #expect(collapsed("abcdefg  hijklmnop") == (false, false))
        #expect(collapsed("abcdefghijklmno\tp") == (false, false))
        #expect(collapsed(" leading space here") == (false, false))
        #expect(collapsed("trailing space here ") == (false, false))
        // Not ASCII, yet nothing for the collapse to change: given back without a copy.
        #expect(collapsed("Résumé review of files") == (false, true))
        #expect(collapsed("B.S. in HR (Human Resources) – Sinclair Community College") == (false, true))
        // A no-break space is white space to the collapse.
        #expect(collapsed("Renée\u{A0}Müller") == (false, false))
        #expect(collapsed("Renée \u{200B}Müller") == (false, false))
    }

    @Test func agreesOnFixedTexts() {
        let texts = [
            "", " ", "        ", "         ", "abcdefgh", "abcdefg ", " bcdefgh", "abc  fgh", "abcdefg h", "abcdefgh ijklmnop",
            "abcdefg  ijklmnop", "abcdefgh  jklmnop", "abcdefghijklmnop ", "abcdefg\u{01}ijklmnop", "abcdefg\tijklmnop",
            "Senior Software Engineer at Example Corp", "Senior Software Engineer at\nExample Corp",
            "  Senior   Software\tEngineer \r\n at  Example\u{A0}Corp  ", "Zoë Müller, Ingénieure logicielle",
            "履歴書 山田 太郎", "Team lead 😀 since 2019", "a\u{0}b\u{0}c\u{0}d\u{0}e\u{0}f", String(repeating: "x", count: 64),
            String(repeating: "ab ", count: 30), String(repeating: "ab  ", count: 30), String(repeating: "\u{7F}", count: 17),
        ]
        for text in texts { check(text) }
    }

    @Test func agreesAtEveryShift() {
        // The same text behind 0…8 leading letters, so each space falls on every byte of a word.
        for base in ["one two  three\tfour five six seven", "ab cd ef gh ij kl mn op qr st", "abcdefgh ijklmnop qrstuvwx"] {
            for shift in 0...8 {
                let text = String(repeating: "q", count: shift) + base
                check(text)
                check(" " + text)
                check(text + " ")
            }
        }
    }

    @Test func agreesOnGeneratedTexts() {
        var random = SplitMix64(seed: 0x5EED)
        for _ in 0..<4000 {
            let length = Int(random.next() % 41)
            var text = ""
            for _ in 0..<length { text += random.pick(pieces) }
            check(text)
        }
        // Mostly printable ASCII with the odd space run, as most real text is.
        let plain = ["a", "b", "c", "d", "e", "f", "1", "-", ",", " ", " ", "  "]
        for _ in 0..<4000 {
            let length = Int(random.next() % 48)
            var text = ""
            for _ in 0..<length { text += random.pick(plain) }
            check(text)
        }
    }

    @Test func wordTestsReadTheBytes() {
        // Plain: printable ASCII, single spaces inside only. "abcdéfg" is eight bytes, one of them high.
        for (text, plain) in [("abcdefgh", true), ("ab defgh", true), (" bcdefgh", false), ("abcdefg ", false),
                              ("ab  efgh", false), ("abc\tefgh", false), ("abcdéfg", false), ("a\u{7F}cdefgh", true)] {
            let bytes = Array(text.utf8)
            guard bytes.count >= 8 else { continue }
            let isPlain = bytes.withUnsafeBytes { CollapseWords.isPlainWord(CollapseWords.load($0, 0)) }
            #expect(isPlain == plain, "\(text)")
        }
    }
}
