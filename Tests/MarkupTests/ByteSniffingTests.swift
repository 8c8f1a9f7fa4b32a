import Foundation
import Testing
@testable import Markup

// The encoding sniff, the UTF-8 check, the sniffer's prefix and HTML name interning work on bytes in
// place. Each is checked against what it must give, read from the rules, or against the code it replaced.

/// The byte-at-a-time check `MarkupParser.isUTF8` had before its eight-byte ASCII skip, kept as the
/// reference: well-formed UTF-8, allowing a sequence cut off at the very end.
private func referenceIsUTF8(_ bytes: [UInt8]) -> Bool {
    let count = bytes.count
    var index = 0
    while index < count {
        let lead = bytes[index]
        if lead < 0x80 { index += 1; continue }
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return false
        }
        if index + length > count {
            return (index + 1..<count).allSatisfy { bytes[$0] & 0xC0 == 0x80 }
        }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
        let second = bytes[index + 1]
        if lead == 0xE0 && second < 0xA0 { return false }
        if lead == 0xED && second > 0x9F { return false }
        if lead == 0xF0 && second < 0x90 { return false }
        if lead == 0xF4 && second > 0x8F { return false }
        index += length
    }
    return true
}

@Suite struct ByteSniffingTests {
    static let samples: [[UInt8]] = {
        let texts = [
            "", "a", "plain ASCII résumé text that runs past eight bytes",
            "Zoë Müller – HR manager", "採用担当マネージャー", "emoji 👩🏽‍💼 at the end👍",
            String(repeating: "x", count: 15) + "é", String(repeating: "y", count: 16) + "€" + String(repeating: "z", count: 9),
        ]
        var samples = texts.map { Array($0.utf8) }
        samples.append([0x41, 0x42, 0x96, 0x43])                        // windows-1252 dash
        samples.append(Array(repeating: 0x41, count: 8) + [0xC3])      // cut-off two-byte sequence
        samples.append(Array(repeating: 0x41, count: 9) + [0xE2, 0x82]) // cut-off three-byte sequence
        samples.append([0xE0, 0x80, 0x80])                              // overlong
        samples.append([0xED, 0xA0, 0x80])                              // surrogate
        samples.append([0xF4, 0x90, 0x80, 0x80])                        // past U+10FFFF
        samples.append([0xC0, 0xAF])                                    // overlong slash
        samples.append(Array(repeating: 0x20, count: 24) + [0xFF] + Array(repeating: 0x20, count: 7))
        return samples
    }()

    @Test(arguments: samples)
    func utf8CheckAgreesWithTheByteAtATimeCheck(bytes: [UInt8]) {
        #expect(MarkupParser.isUTF8(Data(bytes)) == referenceIsUTF8(bytes))
    }

    @Test(arguments: [
        ("<META CHARSET=\"UTF-8\">", "utf-8"),
        ("<meta http-equiv=Content-Type content='text/html; CharSet=Windows-1252'>", "windows-1252"),
        ("<p>a charset without equals sign, then</p><meta charset=utf8>", "utf8"),
        ("charset", nil),
        ("<p>no declaration</p>", nil),
    ] as [(String, String?)])
    func declaredCharsetIgnoresASCIICase(markup: String, expected: String?) {
        #expect(MarkupParser.declaredCharset(Array(markup.utf8)) == expected)
    }

    /// An undeclared page is UTF-8 when its bytes are, windows-1252 when not, ISO-8859-1 when it holds a
    /// byte windows-1252 leaves undefined; a declared or XML-declared non-UTF-8 charset is left to libxml2.
    @Test(arguments: [
        (Array("<html><body>Zoë</body></html>".utf8), "UTF-8"),
        (Array("<html><body>Zo".utf8) + [0xEB] + Array("</body></html>".utf8), "windows-1252"),
        (Array("<html><body>".utf8) + [0x81] + Array("</body></html>".utf8), "ISO-8859-1"),
        (Array("<HTML><META CHARSET=UTF-8><body>Zoë</body></HTML>".utf8), "UTF-8"),
        (Array("<html><meta charset=windows-1252><body>x</body></html>".utf8), nil),
        (Array("<?XML version='1.0' ENCODING='iso-8859-1'?><html></html>".utf8), nil),
    ] as [([UInt8], String?)])
    func undeclaredHTMLEncoding(bytes: [UInt8], expected: String?) {
        #expect(MarkupParser.encodingForUndeclaredHTML(Data(bytes)) == expected)
    }

    @Test func asciiPrefixIsTheBytesAsText() {
        let page = "<!DOCTYPE html>\n<html><body><p>Plain ASCII</p></body></html>"
        #expect(ContentSniffer.decodedPrefix(Data(page.utf8)) == page)
        // Past 8 KB only the first 8,192 bytes are read.
        let long = String(repeating: "<p>abcdefg</p>\n", count: 1_000)
        #expect(ContentSniffer.decodedPrefix(Data(long.utf8)) == String(long.prefix(8_192)))
        // "<" then a zero byte is UTF-16 without a byte-order mark, not ASCII with a NUL.
        #expect(ContentSniffer.decodedPrefix(Data([0x3C, 0x00, 0x70, 0x00, 0x3E, 0x00])) == "<p>")
    }

    @Test(arguments: ["div", "DIV", "Span", "h1", "blockquote", "xml:lang", "data-section-id1", "ABCDEFGHIJKLMNOP"])
    func shortASCIINamesLowerCase(name: String) throws {
        let key = try #require(name.withCString { ShortASCIIName(UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self)) })
        #expect(key.string == name.lowercased())
        let other = try #require(name.lowercased().withCString { ShortASCIIName(UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self)) })
        #expect(key == other)
    }

    @Test(arguments: ["abcdefghijklmnopq", "naïve", ""])
    func longOrNonASCIINamesAreNotPacked(name: String) {
        let key = name.withCString { ShortASCIIName(UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self)) }
        if name.isEmpty {
            #expect(key?.string == "")
        } else {
            #expect(key == nil)
        }
    }

    /// Names that differ only past the eighth byte, or in length, are different keys.
    @Test func packedNamesKeepEveryByte() throws {
        func key(_ name: String) throws -> ShortASCIIName {
            try #require(name.withCString { ShortASCIIName(UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self)) })
        }
        #expect(try key("abcdefghX") != key("abcdefghY"))
        #expect(try key("abc") != key("abcd"))
    }

    /// Element names in mixed case come out of the parser lower-cased, as before.
    @Test func htmlElementAndAttributeNamesAreLowerCase() throws {
        let document = try MarkupParser().parse(Data("<HTML><BODY><DIV CLASS='x' Data-Long-Attribute-Name='y'><SpAn>t</SpAn></DIV></BODY></HTML>".utf8))
        let div = try #require(document.root?.child("body")?.child("div"))
        #expect(div.attribute("class") == "x")
        #expect(div.attributes.map(\.name) == ["class", "data-long-attribute-name"])
        #expect(div.children.map(\.name) == ["span"])
    }
}

/// A key whose hash is its value, to force collisions in the table.
private struct CollidingKey: InternKey {
    let value: Int
    var cheapHash: UInt64 { 7 }
}

@Suite struct InternTableTests {
    @Test func findsWhatWasStoredAndNothingElse() {
        var table = InternTable<CollidingKey, String>()
        #expect(table[CollidingKey(value: 1)] == nil)
        for value in 0..<50 { table[CollidingKey(value: value)] = "v\(value)" }
        for value in 0..<50 { #expect(table[CollidingKey(value: value)] == "v\(value)") }
        #expect(table[CollidingKey(value: 50)] == nil)
        table[CollidingKey(value: 3)] = "three"
        #expect(table[CollidingKey(value: 3)] == "three")
    }

    /// A hostile document's thousands of distinct names: the table stops taking them at three quarters
    /// full and keeps answering for those it holds.
    @Test func stopsGrowingWhenFull() {
        var table = InternTable<CollidingKey, Int>()
        for value in 0..<1_000 { table[CollidingKey(value: value)] = value }
        let held = (0..<1_000).filter { table[CollidingKey(value: $0)] == $0 }
        #expect(held == Array(0..<192))
    }
}
