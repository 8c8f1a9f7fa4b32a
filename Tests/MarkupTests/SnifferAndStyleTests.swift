import Foundation
import Testing
@testable import Markup

/// The sniffer and the style-declaration reader run for every file of a batch, so they avoid Foundation's
/// bridging; these pin what they read.
@Suite("Markup: sniffer and style declarations") struct SnifferAndStyleTests {
    @Test(arguments: [
        // A declaration, a comment and a doctype before the root: each skipped to find the root's name.
        ("<?xml version=\"1.0\"?>\n<!-- a comment -->\n<Resume xmlns=\"http://ns.hr-xml.org/2007-04-15\"/>", MarkupDocument.Kind.xml),
        ("<!DOCTYPE html>\n<!-- Synthetic -->\n<html lang=\"en\"><body><p>x</p></body></html>", .html),
        ("<?xml version=\"1.0\"?><!-- x --><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", .html),
        ("<?xml version=\"1.0\"?><div>x</div>", .xml),
        ("<div><p>x</p></div>", .html),
    ])
    func sniffsTheRootAfterTheProlog(text: String, kind: MarkupDocument.Kind) throws {
        #expect(try ContentSniffer.sniff(Data(text.utf8)).kind == kind)
    }

    /// windows-1252 bytes are not UTF-8: the prefix is read as Latin-1, one character per byte.
    @Test func readsNonUTF8BytesAsLatin1() throws {
        let bytes = Data(Array("<html><title>R".utf8) + [0xE9, 0x73, 0x75, 0x6D, 0xE9, 0x20, 0x96, 0x20] + Array("x</title></html>".utf8))
        #expect(ContentSniffer.decodedPrefix(bytes) == "<html><title>Résumé \u{96} x</title></html>")
        #expect(try ContentSniffer.sniff(bytes).kind == .html)
    }

    /// Valid UTF-8 that holds U+FFFD is read as Latin-1 too (as before: a replacement character means the
    /// text was damaged somewhere).
    @Test func readsUTF8HoldingAReplacementCharacterAsLatin1() {
        let bytes = Data("<p>\u{FFFD}</p>".utf8)
        #expect(ContentSniffer.decodedPrefix(bytes) == "<p>\u{EF}\u{BF}\u{BD}</p>")
        #expect(ContentSniffer.decodedPrefix(Data("<p>Zoë</p>".utf8)) == "<p>Zoë</p>")
    }

    @Test func parsesDeclarationsTrimmingWhitespaceAndImportant() {
        let properties = HidingStyleSheet.parseDeclarations("  display :  none  !important ;color:\t#fff\n; ;font-size:0px;no colon here")
        #expect(properties == ["display": "none", "color": "#fff", "font-size": "0px"])
        #expect(HidingStyleSheet.parseDeclarations("") == [:])
        #expect(HidingStyleSheet.parseDeclarations("margin-left:.25in;text-indent:-.25in;mso-list:l0 level1 lfo1")
            == ["margin-left": ".25in", "text-indent": "-.25in", "mso-list": "l0 level1 lfo1"])
    }

    @Test func trimsLikeFoundationCharacterSets() {
        // No-break space and tab are whitespace; a newline is trimmed only when newlines go too.
        #expect(HidingStyleSheet.trimmed("\u{A0}\t x y \n", keepingNewlines: true) == "x y \n")
        #expect(HidingStyleSheet.trimmed("\u{A0}\t x y \n", keepingNewlines: false) == "x y")
        #expect(HidingStyleSheet.trimmed(" \u{2028} ", keepingNewlines: false) == "")
        #expect(HidingStyleSheet.trimmed("é", keepingNewlines: false) == "é")
    }

    /// A style attribute still hides what it says to hide.
    @Test func inlineStylesStillHideText() throws {
        let html = "<html><body><p>Shown</p><p style=\"color: #FFF ; background-color:#ffffff\">white on white</p><p style='display : none !important'>gone</p></body></html>"
        let document = try MarkupParser().parse(Data(html.utf8))
        #expect(document.root?.text == "Shown")
        #expect(document.containsHiddenText)
    }
}

/// `collapseWhitespace` reads UTF-8 bytes; it must say what the scalar-by-scalar version said.
@Suite("Markup: collapsing whitespace") struct CollapseWhitespaceTests {
    /// The earlier implementation, kept as the reference.
    static func reference(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text.unicodeScalars {
            if character.properties.isWhitespace || character == "\u{00A0}" || character == "\u{200B}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace {
                    result.unicodeScalars.append(" ")
                    pendingSpace = false
                }
                result.unicodeScalars.append(character)
            }
        }
        return result
    }

    @Test(arguments: [
        ("  Senior HR\tGeneralist \n", "Senior HR Generalist"),
        ("Zoë\u{00A0}\u{00A0}Ekwueme", "Zoë Ekwueme"),
        ("a\u{200B}b", "a b"),
        ("\u{3000}全角\u{2028}スペース\u{2029}", "全角 スペース"),
        ("e\u{301} \u{1F600}  x", "e\u{301} \u{1F600} x"),
        ("\r\n\u{85}\u{0B}\u{0C}", ""),
        ("", ""),
        ("2019–2021 · Columbus", "2019–2021 · Columbus"),
    ])
    func collapsesAsBefore(text: String, expected: String) {
        #expect(collapseWhitespace(text) == expected)
        #expect(Self.reference(text) == expected)
    }

    @Test func agreesWithTheReferenceOnMixedText() {
        let pieces = ["HR", " ", "\t", "\n", "\u{A0}", "\u{200B}", "é", "e\u{301}", "–", "\u{2003}", "\u{1F469}\u{200D}\u{1F4BC}", "\r\n", "x"]
        var state: UInt64 = 7
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(collapseWhitespace(text) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
