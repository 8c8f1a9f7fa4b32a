import Foundation
import Testing
@testable import Markup

/// `HidingStyleSheet`'s by-byte paths against the code they stand in for.
@Suite struct HidingPropertiesTests {
    static let declarations = [
        "", ";", "display:none", " display : none !important ; color:#fff", "font-size:0px;font-size:12pt", "font: 0 serif",
        "background:white url(x.png);background-color:#000", "left:-9999px;top:-1000px;margin-left:-2000px;text-indent:-999em",
        "opacity:0;visibility:hidden", "color:red!important", "display:block;display:none", "no colon;;:;x:y",
        "mso-list:l0 level1 lfo1;margin-left:.25in;text-indent:-.25in", "Display:None", "display\t:\tnone\n",
        "color:#fff;x-é:1", "font-size:0;color:“white”", "visibility:collapse !IMPORTANT", "!important:x",
    ]

    @Test func hidingPropertiesAreTheParsedDeclarations() {
        for text in Self.declarations {
            let lowered = text.lowercased()
            #expect(HidingStyleSheet.hidingProperties(text) == .init(HidingStyleSheet.parseDeclarations(text)), "\(text)")
            #expect(HidingStyleSheet.hidingProperties(lowered) == .init(HidingStyleSheet.parseDeclarations(lowered)), "\(text)")
        }
    }

    @Test func mentionsHidingMatchesFoundation() {
        let words = ["display", "visibility", "font-size", "font", "color", "opacity", "indent", "left", "top"]
        for text in Self.declarations + ["margin:0", "fon", "to", "colour:red", "padding:0;é", "opacité:0", "text-align:left"] {
            let lowered = text.lowercased()
            #expect(HidingStyleSheet.mentionsHiding(lowered) == words.contains { lowered.contains($0) }, "\(text)")
        }
    }

    @Test func firstSpaceSeparatedMatchesSplit() {
        for text in ["", " ", "0 serif", "  0px  Arial", "12pt", "é 1", "a\tb c"] {
            #expect(HidingStyleSheet.firstSpaceSeparated(text) == text.split(separator: " ").first.map(String.init), "\(text)")
        }
    }
}
