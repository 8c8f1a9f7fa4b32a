import Foundation
import Markup
import TestSupport
import Testing
@testable import Extraction

/// The one-pass scans of `HTMLLineScans.swift`, each checked against the passes it replaced (kept here
/// as the reference) over hand-picked and seeded random inputs.
@Suite struct HTMLLineScansTests {
    /// Pieces random texts are made of: ASCII words, every kind of ASCII whitespace, "<", carriage
    /// returns, accented, CJK and emoji text, NBSP and other Unicode spaces, control bytes.
    static let pieces = [
        "a", "Z", "word", "Led hiring", " ", "  ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "\r\n", "<", "<![if", "]>", "é", "Zoë",
        "日本", "👩‍💻", "\u{00A0}", "\u{2003}", "\u{200B}", "\u{01}", "\u{1F}", "\u{7F}", "-", "•", "7", "@", "[", "`", "{",
    ]

    static func randomTexts(seed: UInt64, count: Int) -> [String] {
        var generator = SplitMix64(seed: seed)
        var texts = ["", " ", "x", "abcdefgh", "abcdefg ", " bcdefgh", "abcdefgh ijklmnop", "abcdefg  hijklmn", "abcdefgh\nijklmnop",
                     "        ", "\n\n\n\n\n\n\n\n\n", "aaaaaaa <", "aaaaaaaa@[`{AZaz", "café au lait", "x\r\ny"]
        for _ in 0..<count {
            let length = Int(generator.next() % 12)
            texts.append((0..<length).map { _ in generator.pick(pieces) }.joined())
        }
        return texts
    }

    /// `plainASCIIScan` as it was: three passes (the plain-ASCII word test, a letter loop, memchr).
    static func referenceScan(_ text: String) -> HTMLLines.ChunkScan? {
        var copy = text
        return copy.withUTF8 { bytes -> HTMLLines.ChunkScan? in
            guard HTMLLines.isPlainASCIIByWords(bytes), let base = bytes.baseAddress else {
                return bytes.isEmpty ? HTMLLines.ChunkScan(whitespace: true, letter: false, lessThan: false) : nil
            }
            var whitespace = true
            var letter = false
            for byte in bytes {
                if TextScan.isASCIILetter(byte) { letter = true; whitespace = false; break }
                if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) { whitespace = false }
            }
            return HTMLLines.ChunkScan(whitespace: whitespace, letter: letter, lessThan: memchr(base, 0x3C, bytes.count) != nil)
        }
    }

    /// `collapsed` only when Markup's collapse gives the text back unchanged, and always then for text
    /// without a byte below 0x20 (which the scan leaves to the general path).
    static func expectCollapsedAgrees(_ scan: HTMLLines.ChunkScan, _ text: String) {
        let unchanged = collapseWhitespace(text) == text
        if scan.collapsed { #expect(unchanged, "\(text.debugDescription)") }
        if !text.utf8.contains(where: { $0 < 0x20 }) { #expect(scan.collapsed == unchanged, "\(text.debugDescription)") }
    }

    @Test func oneScanMatchesTheThreePassesAndTheCollapse() {
        for text in Self.randomTexts(seed: 51, count: 6000) {
            let scan = HTMLLines.plainASCIIScan(text)
            let reference = Self.referenceScan(text)
            #expect((scan == nil) == (reference == nil), "\(text.debugDescription)")
            guard let scan, let reference else { continue }
            #expect(scan.whitespace == reference.whitespace, "\(text.debugDescription)")
            #expect(scan.letter == reference.letter, "\(text.debugDescription)")
            #expect(scan.lessThan == reference.lessThan, "\(text.debugDescription)")
            Self.expectCollapsedAgrees(scan, text)
        }
    }

    @Test func scanReadsEveryByteOfLongTexts() {
        // A byte that decides the answer, at every offset of texts longer than a word or two.
        for length in 1...40 {
            for offset in 0..<length {
                for byte: UInt8 in [0x20, 0x0A, 0x0D, 0x3C, 0x41, 0xC3] {
                    var bytes = [UInt8](repeating: 0x2E, count: length)  // "."
                    bytes[offset] = byte
                    if byte == 0xC3 {
                        bytes[offset] = 0xC3
                        if offset + 1 < length { bytes[offset + 1] = 0xA9 } else { continue }
                    }
                    let text = String(decoding: bytes, as: UTF8.self)
                    let scan = HTMLLines.plainASCIIScan(text)
                    let reference = Self.referenceScan(text)
                    #expect((scan == nil) == (reference == nil))
                    guard let scan, let reference else { continue }
                    #expect(scan.whitespace == reference.whitespace && scan.letter == reference.letter && scan.lessThan == reference.lessThan)
                    Self.expectCollapsedAgrees(scan, text)
                }
            }
        }
        // Spaces at the seams of two words, and two spaces in a row across them.
        for text in ["abcdefg  hijklmno", "abcdefgh hijklmno", "abcdefg \u{20}ijklmnop", "       a", "a       ", "abcdefgh        "] {
            Self.expectCollapsedAgrees(try! #require(HTMLLines.plainASCIIScan(text)), text)
        }
    }

    /// `styleCues` of ASCII as it was: the style lower-cased into a buffer, then searched once per needle.
    static func referenceStyleCues(_ style: String) -> HTMLLines.StyleCues {
        let lowered = Array(style.utf8).map(TextScan.lowerASCII)
        return lowered.withUnsafeBufferPointer { HTMLLines.styleCues(ofLowercased: $0) }
    }

    @Test func foldingStyleScanMatchesTheLowerCasedSearch() {
        let parts = ["mso-list", "MSO-List", ":", ": ", " ", "ignore", "Ignore", "mso-tab-count", "MSO-TAB-COUNT", "font-weight", "Font-Weight",
                     "bold", "BOLD", "700", "600", "800", "900", "normal", ";", "m", "f", "mso-", "font-", "-", "x"]
        var styles = ["", "m", "f", "mso-list:ignore", "mso-list: Ignore", "mmso-list:ignore", "ffont-weight:bold", "font-weight:800",
                      "font-weight: 800", "font-weight:normal;font-weight:bold", "mso-tab-coun", "font-weigh", "mso-list:ignor"]
        var generator = SplitMix64(seed: 52)
        for _ in 0..<5000 {
            styles.append((0..<Int(1 + generator.next() % 7)).map { _ in generator.pick(parts) }.joined())
        }
        for style in styles {
            var copy = style
            let cues = copy.withUTF8 { HTMLLines.styleCuesIfASCII($0) }
            #expect(cues == Self.referenceStyleCues(style), "\(style)")
            // Not ASCII: left to the general path, wherever the byte is.
            for suffix in ["é", "\u{212A}"] {
                var wide = style + suffix + style
                #expect(wide.withUTF8 { HTMLLines.styleCuesIfASCII($0) } == nil)
            }
        }
    }

    /// `lookUp` as it was: a binary search of the sorted table.
    static func referenceLookUp(_ key: UInt64) -> HTMLLines.ElementKind {
        let table = HTMLLines.ElementKind.table
        var low = 0
        var high = table.count
        while low < high {
            let middle = (low + high) / 2
            if table[middle].key == key { return table[middle].kind }
            if table[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return HTMLLines.ElementKind()
    }

    @Test func hashedKindsMatchTheBinarySearch() {
        var keys = HTMLLines.ElementKind.table.map(\.key) + [0, 1, UInt64.max]
        var generator = SplitMix64(seed: 57)
        for _ in 0..<20000 { keys.append(generator.next()) }
        // Names one letter away from known ones, and every name of one or two lower-case letters.
        for name in HTMLLines.ElementKind.knownNames {
            for letter in ["a", "z", "1", "-"] { keys.append(HTMLLines.ElementKind.packedName(name + letter) ?? 0) }
        }
        for first in UInt8(0x61)...0x7A {
            keys.append(UInt64(first))
            for second in UInt8(0x30)...0x7A { keys.append(UInt64(first) | UInt64(second) << 8) }
        }
        for key in keys {
            #expect(HTMLLines.ElementKind.lookUp(key) == Self.referenceLookUp(key), "\(key)")
        }
        #expect(HTMLLines.ElementKind.slots.filter { $0.key != 0 }.count == HTMLLines.ElementKind.table.count)
    }

    /// `packedName` as it was, walking `name.utf8`.
    static func referencePackedName(_ name: String) -> UInt64? {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for byte in name.utf8 {
            guard shift < 64, byte != 0, byte < 0x80 else { return nil }
            key |= UInt64(byte) << shift
            shift += 8
        }
        return shift == 0 ? nil : key
    }

    @Test func packedNameBytesMatchTheUTF8Walk() {
        var names = ["", "a", "b", "h1", "li", "span", "article", "blockquo", "blockquote", "abcdefgh", "abcdefghi", "é", "aé", "\u{0}", "a\u{0}b",
                     "日本", "👍", "figcaption", "x-custom", "SPAN", "\u{7F}"]
        var generator = SplitMix64(seed: 53)
        let letters = ["a", "z", "1", "-", "é", "\u{0}", "日", "B"]
        for _ in 0..<2000 {
            names.append((0..<Int(generator.next() % 11)).map { _ in generator.pick(letters) }.joined())
        }
        for name in names {
            #expect(HTMLLines.ElementKind.packedNameBytes(name) == Self.referencePackedName(name), "\(name.debugDescription)")
            // A name built at run time (not a literal) too.
            let copy = String(decoding: Array(name.utf8), as: UTF8.self)
            #expect(HTMLLines.ElementKind.packedNameBytes(copy) == Self.referencePackedName(name))
        }
    }

    @Test func leadingWhitespaceAndLoneCollapsedChunksMakeTheSameLines() throws {
        // Expected lines read off the markup: indentation before and after the text of a block goes,
        // a lone already collapsed text node is the line, and text around inline elements is joined.
        let html = """
        <body>
          <div>
            <p>
              Hello there
            </p>
            <p>Plain text</p>
            <p>  Two   spaces  </p>
            <p>
              <b>Bold</b> and <i>italic</i>
            </p>
            <h2>
              Heading
            </h2>
          </div>
        </body>
        """
        let document = try MarkupParser().parse(Data(html.utf8))
        let body = try #require(document.root?.child("body"))
        let lines = HTMLLines.lines(of: body)
        #expect(lines.map(\.text) == ["Hello there", "Plain text", "Two spaces", "Bold and italic", "Heading"])
        #expect(lines.map(\.headingLevel) == [nil, nil, nil, nil, 2])
        #expect(lines.map(\.isBold) == [false, false, false, false, false])
        #expect(lines[3].emphasised == ["Bold"])
        // The line number is the one where the first text that is not whitespace starts.
        #expect(lines[1].line == 6)
    }

    @Test func characterTestsByByteMatchTheCharacters() {
        // Combining marks, a prepended mark (U+0600) before a letter, CR-LF, ZWJ sequences, NBSP.
        let extra = ["\u{301}", "\u{0600}", "\u{0600}a", "e\u{301}", "\u{200D}", "\u{0300}1", "٣", "Ⅻ", "\u{3000}", "\u{2028}", "\r\n", "\r", "1", "_"]
        var generator = SplitMix64(seed: 54)
        var texts = ["", "a", " ", "\r\n", "\u{0600}a", "\u{0600}1", "\u{0600} ", "é", "\u{00A0}", " \u{00A0}\t", "日本", "👍", "-", "\u{0600}\u{0600}"]
        for _ in 0..<6000 {
            texts.append((0..<Int(generator.next() % 8)).map { _ in generator.next() % 3 == 0 ? generator.pick(extra) : generator.pick(Self.pieces) }.joined())
        }
        for text in texts {
            #expect(HTMLLines.hasLetter(text) == text.contains(where: \.isLetter), "\(text.debugDescription)")
            #expect(HTMLLines.hasLetterOrNumber(text) == text.contains(where: { $0.isLetter || $0.isNumber }), "\(text.debugDescription)")
            #expect(HTMLLines.isAllWhitespace(text) == text.allSatisfy(\.isWhitespace), "\(text.debugDescription)")
        }
    }
}
