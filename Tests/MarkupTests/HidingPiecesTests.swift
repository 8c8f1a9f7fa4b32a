import Foundation
import Testing
import TestSupport
@testable import Markup

// `hides` parses a lone declaration piece (an element's `style`, or one class or id rule) as it is and
// joins only when there are more; `isFarOffScreen` reads ASCII by byte. The copy below is the
// `Character` code the byte path replaced; the `hides` expectations are read off the styles.

/// `isFarOffScreen` as it was, by `Character`.
private func referenceIsFarOffScreen(_ value: String) -> Bool {
    guard value.hasPrefix("-") else { return false }
    let number = value.dropFirst().prefix(while: { $0.isNumber || $0 == "." })
    guard let size = Double(number) else { return false }
    return size >= 999
}

@Suite struct HidingPiecesTests {
    @Test(arguments: [
        "-9999px", "-999", "-998.9", "-1000.5em", "-.5", "-", "", "9999", "-9999 ", " -9999", "-00999", "-1e5", "-999.9.9",
        "-9999\r\n", "-\r\n9999", "-\u{0663}\u{0663}\u{0663}\u{0663}", "-\u{FF11}\u{FF10}\u{FF10}\u{FF10}", "\u{2212}9999", "-9999é",
        "-😀", "-9999😀", "-1000\u{00A0}px", "-10px", "--9999", "-9999.", "-.", "-履歴",
    ])
    func farOffScreenAgreesWithTheCharacterWalk(value: String) {
        #expect(HidingStyleSheet.isFarOffScreen(value) == referenceIsFarOffScreen(value))
    }

    private func hides(_ sheet: HidingStyleSheet, _ attributes: [(String, String)], name: String = "p") -> Bool {
        var sheet = sheet
        var style = InheritedStyle()
        return sheet.hides(name: name, attributes: attributes.map { MarkupAttribute(name: $0.0, value: $0.1) }, inherited: &style)
    }

    @Test(arguments: [[], [""], ["display:none"], ["color:red", "display:none"], ["; color: white ", "", "top:-1000px", "DISPLAY:none"], ["é:ü", "履歴:x"]])
    func piecesParseAsTheJoinedStringTheyReplaced(pieces: [String]) {
        var joined = HidingStyleSheet.DeclarationPieces()
        var reference = ""
        for piece in pieces {
            joined.add(piece)
            reference += ";" + piece
        }
        #expect(joined.text == (pieces.count == 1 ? pieces[0] : pieces.isEmpty ? nil : reference))
        #expect(HidingStyleSheet.hidingProperties(joined.text ?? "") == HidingStyleSheet.hidingProperties(reference))
    }

    @Test func aLoneStyleIsReadAsItIs() {
        let sheet = HidingStyleSheet()
        #expect(hides(sheet, [("style", "display:none")]))
        #expect(hides(sheet, [("style", "DISPLAY: NONE !important")]))
        #expect(!hides(sheet, [("style", "")]))
        #expect(!hides(sheet, [("style", ";;color:red;;")]))
        #expect(hides(sheet, [("style", "text-indent:-9999px")]))
        #expect(hides(sheet, [("style", "top:-1000px")]))
        #expect(!hides(sheet, [("style", "margin-left:-10px")]))
        #expect(hides(sheet, [("style", "color:#FFF")]))
        #expect(!hides(sheet, [("style", "color:#FFF;background-color:black")]))
    }

    @Test func piecesFromRulesAndStyleAreJoinedInAttributeOrder() {
        var sheet = HidingStyleSheet()
        sheet.add(".w { color: white } .d { display: none } #x { visibility: hidden }")
        // A class rule alone.
        #expect(hides(sheet, [("class", "w")]))
        #expect(hides(sheet, [("class", "other d")]))
        // A rule and a style: the style comes later, so its declarations win.
        #expect(!hides(sheet, [("class", "w"), ("style", "background-color:black")]))
        #expect(!hides(sheet, [("class", "d"), ("style", "display:block")]))
        #expect(hides(sheet, [("style", "display:block"), ("class", "d")]))
        // Two rules and a style.
        #expect(hides(sheet, [("class", "w"), ("id", "x"), ("style", "color:red")]))
        #expect(!hides(sheet, [("class", "w"), ("id", "y"), ("style", "color:red")]))
        #expect(!hides(sheet, [("class", "none"), ("id", "y")]))
    }

    /// A sheet remembers each verdict by declarations and inherited background; a remembered answer must
    /// be the one a fresh sheet reaches, background included, in any order and past the memory's limit.
    @Test func rememberedVerdictsAreTheFreshOnes() {
        var random = SplitMix64(seed: 0x41DE)
        let styles = [
            "color:#fff", "color:white", "color:black", "background-color:black", "background:#000 url(x.png)",
            "background-color:white;color:#ffffff", "display:none", "font-size:0", "font-size:11.0pt", "mso-list:Ignore",
            "margin-left:.25in;text-indent:-.25in", "text-indent:-9999px", "opacity:0", "visibility:hidden", "color:#FFF",
            "background-color:#000;color:black", "font:7.0pt \"Times New Roman\"", "color:rgb(255,255,255)",
            // Remembered as written: upper case, mixed case and non-ASCII text share verdicts with their
            // lower-cased forms.
            "COLOR:WHITE", "Display:None", "BACKGROUND-COLOR:BLACK;COLOR:BLACK", "font-family:履歴書;color:#FFF",
            "FONT-FAMILY:ÉLÉGANT;DISPLAY:NONE", "Color:#FfF",
        ] + (0..<70).map { "margin-left:\($0)px" }
        let backgrounds = ["#ffffff", "#000000", "transparent", "#808080"]
        let css = ".w { color: white } .d { display: none } .n { color: black } #x { background-color: black }"
        var remembering = HidingStyleSheet()
        remembering.add(css)
        for _ in 0..<1_200 {
            // Sometimes with class and id rules, whose declarations join the style's.
            var attributes = [MarkupAttribute(name: "style", value: random.pick(styles))]
            if random.next() % 3 == 0 { attributes.insert(MarkupAttribute(name: "class", value: random.pick(["w", "d", "n", "W"])), at: 0) }
            if random.next() % 4 == 0 { attributes.append(MarkupAttribute(name: "id", value: random.pick(["x", "y"]))) }
            var fresh = HidingStyleSheet()
            fresh.add(css)
            var freshStyle = InheritedStyle(hidden: false, background: random.pick(backgrounds))
            var rememberedStyle = freshStyle
            let expected = fresh.hides(name: "p", attributes: attributes, inherited: &freshStyle)
            #expect(remembering.hides(name: "p", attributes: attributes, inherited: &rememberedStyle) == expected, "\(attributes)")
            #expect(rememberedStyle.background == freshStyle.background, "\(attributes)")
        }
    }

    /// The verdict memory answers only for the exact declarations and background it was told, and keeps
    /// at most 64.
    /// Backgrounds as a sheet indexes them (`HidingStyleSheet.backgrounds`): white first, then as met.
    static let white: Int32 = 0
    static let black: Int32 = 1

    @Test func verdictMemoryAnswersForExactKeys() {
        var memory = HidingStyleSheet.VerdictMemory()
        let hidden = HidingStyleSheet.Verdict(hides: true, background: Self.black)
        let shown = HidingStyleSheet.Verdict(hides: false, background: Self.white)
        memory.remember(hidden, declarations: "color:white", background: Self.white)
        memory.remember(shown, declarations: "color:white", background: Self.black)
        #expect(memory.verdict(declarations: "color:white", background: Self.white)?.hides == true)
        #expect(memory.verdict(declarations: "color:white", background: Self.white)?.background == Self.black)
        #expect(memory.verdict(declarations: "color:white", background: Self.black)?.hides == false)
        #expect(memory.verdict(declarations: "color:whit", background: Self.white) == nil)
        #expect(memory.verdict(declarations: "color:white\u{0}", background: Self.white) == nil)
        #expect(memory.verdict(declarations: "", background: Self.white) == nil)
        for index in 0..<100 {
            memory.remember(shown, declarations: "margin-left:\(index)px", background: Self.white)
        }
        let kept = (0..<100).filter { memory.verdict(declarations: "margin-left:\($0)px", background: Self.white) != nil }
        #expect(kept == Array(0..<62))
    }
}
