import Testing
@testable import Markup

// Style sheets, font sizes and colours are read by byte when the text is ASCII. Each fast path is
// checked against the `Character` code it stands in for: the general path still in the product for
// style sheets, and copies of the replaced code below for font sizes and colours.

/// `isInvisibleFontSize` as it was before its ASCII path.
private func referenceIsInvisibleFontSize(_ value: String) -> Bool {
    let number = value.prefix(while: { $0.isNumber || $0 == "." })
    guard let size = Double(number) else { return false }
    let unit = value.dropFirst(number.count)
    switch unit {
    case "", "px": return size <= 1
    case "pt": return size <= 1
    case "em", "rem": return size <= 0.1
    case "%": return size <= 10
    default: return size == 0
    }
}

/// The `#` branch of `CSSColor.normalize` as it was, for an already trimmed and lower-cased value.
private func referenceHexColor(_ value: String) -> String? {
    guard value.hasPrefix("#") else { return nil }
    let hex = value.dropFirst()
    guard hex.allSatisfy(\.isHexDigit) else { return nil }
    if hex.count == 3 { return "#" + hex.map { "\($0)\($0)" }.joined() }
    if hex.count == 6 { return "#" + hex }
    return nil
}

@Suite struct HidingFastPathTests {
    static let styleSheets = [
        "", ".hidden { display: none }", "span.x, #y { COLOR: White; Background: #FFF }",
        "  .a , .b>.c , p:hover, .d .e, , #f\n{ font-size: 0 }\n.g { margin: 0 }",
        ".h{visibility:hidden}.i{opacity:0}#j{text-indent:-9999px}", "a.k.l { left: -5000px }",
        ".m { display: none", "} .n { display:none } {", ".o\r\n{ top: -2000px }\r\n",
        "#p.q { FONT: 1px Arial } .r{}", "\t.s\t,\t#t\t{ color : #fff !important }",
    ]

    @Test(arguments: styleSheets)
    func asciiStyleSheetsGiveTheGeneralRules(css: String) {
        var copy = css
        let ascii = copy.withUTF8 { HidingStyleSheet.asciiRules($0) }
        #expect(ascii == HidingStyleSheet.generalRules(css))
    }

    /// The rules read from the style sheets above, as a reader of CSS would list them.
    @Test func rulesAreTheLoneClassesAndIdsThatHide() {
        let rules = HidingStyleSheet.rules("span.x, #y { COLOR: White } .d .e, .z { display: none } .w { margin: 0 }")
        #expect(rules == [
            .init(target: .className("x"), declarations: " color: white "),
            .init(target: .id("y"), declarations: " color: white "),
            .init(target: .className("z"), declarations: " display: none "),
        ])
    }

    @Test(arguments: ["0", "1px", "1.5px", "0.5pt", "2pt", "0.1em", "0.2em", "0.05rem", "10%", "11%", "0vw", "3vw",
                      "", ".", "1.", ".5", "px", "12px", "1 px", "0.0.1px", "١px", "1PX", "½"])
    func fontSizesAgreeWithTheCharacterCode(value: String) {
        #expect(HidingStyleSheet.isInvisibleFontSize(value) == referenceIsInvisibleFontSize(value))
    }

    @Test(arguments: ["#fff", "#FFF", "#ffffff", "#a1b2c3", "#abcd", "#ggg", "#12345", "#1234567", "#", "#fé0", "#ｆｆｆ"])
    func hexColoursAgreeWithTheCharacterCode(value: String) {
        let lowered = value.lowercased()
        #expect(CSSColor.normalize(value) == referenceHexColor(lowered))
    }

    @Test func namedAndRGBColoursStillNormalise() {
        #expect(CSSColor.normalize(" White ") == "#ffffff")
        #expect(CSSColor.normalize("rgb(255, 0, 0)") == "#ff0000")
        #expect(CSSColor.normalize("#0F0") == "#00ff00")
    }
}
