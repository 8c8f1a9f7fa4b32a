import Testing
import TestSupport
@testable import Markup

/// The document build keeps each open element's inherited background as an index into its style sheet's
/// `backgrounds` (`IndexedStyle`); these check that it hides and passes on backgrounds exactly as the
/// background as text does.
@Suite struct IndexedStyleTests {
    @Test func whiteIsIndexZeroAndEachBackgroundKeepsItsIndex() {
        var sheet = HidingStyleSheet()
        #expect(sheet.backgroundIndex("#ffffff") == 0)
        let black = sheet.backgroundIndex("#000000")
        let gray = sheet.backgroundIndex("#808080")
        #expect(black != 0 && gray != 0 && black != gray)
        #expect(sheet.backgroundIndex("#000000") == black)
        #expect(sheet.backgroundIndex("#ffffff") == 0)
        #expect(sheet.backgrounds[Int(black)] == "#000000")
        #expect(sheet.backgrounds[Int(gray)] == "#808080")
        #expect(sheet.backgrounds[0] == "#ffffff")
    }

    /// Random nestings of styled elements, each inheriting its parent's style: one sheet for the whole
    /// walk with indexed styles (remembering verdicts and backgrounds as a document build does) against a
    /// fresh sheet for every element with the background as text.
    @Test func nestedElementsAgreeWithTheBackgroundAsText() {
        var random = SplitMix64(seed: 0x1DE5_7E1E)
        let styles = [
            "background-color:black", "background:#000 url(x.png)", "color:black", "color:white", "color:#FFF",
            "background-color: rgb(0, 0, 0)", "background-color:rgba(0,0,0,0)", "color:transparent",
            "BACKGROUND-COLOR:Gray;color:grey", "background-color:#80808", "font-family:履歴書;color:#ffffff",
            "background-color:ｆｆｆ", "display:none", "margin-left:-1000px", "font-weight:bold", "",
            "background-color:snow\r\n;color:snow", "background:  navy  ;color:#000080", "color:\u{00A0}white",
        ]
        let css = ".dark { background-color: black } .w { color: white } #gone { display: none }"
        var sheet = HidingStyleSheet()
        sheet.add(css)
        for _ in 0..<300 {
            var indexed = IndexedStyle()
            var reference = InheritedStyle()
            for _ in 0..<Int(random.next() % 8) {
                var attributes = [MarkupAttribute(name: "style", value: random.pick(styles))]
                if random.next() % 3 == 0 { attributes.append(MarkupAttribute(name: "class", value: random.pick(["dark", "w", "x dark"]))) }
                if random.next() % 5 == 0 { attributes.append(MarkupAttribute(name: "id", value: random.pick(["gone", "here"]))) }
                var fresh = HidingStyleSheet()
                fresh.add(css)
                let expected = fresh.hides(name: "span", attributes: attributes, inherited: &reference)
                let hides = sheet.hides(name: "span", attributes: attributes[...], inherited: &indexed)
                #expect(hides == expected, "\(attributes)")
                #expect(sheet.backgrounds[Int(indexed.background)] == reference.background, "\(attributes)")
                indexed.hidden = indexed.hidden || hides
                reference.hidden = reference.hidden || expected
            }
        }
    }
}

/// `hides` given each attribute's kind (as the streaming build knows it from the interned name) against
/// `hides` classifying the names itself.
@Suite struct HidingAttributeKindsTests {
    @Test func kindsComeBackInOrderAndOnlyTheFirst21() {
        let all: [HidingStyleSheet.HidingAttribute] = [.className, .id, .style, .hidden, .type, .other]
        var kinds = HidingAttributeKinds()
        var appended: [HidingStyleSheet.HidingAttribute] = []
        for index in 0..<30 {
            let kind = all[(index * 5) % all.count]
            kinds.append(kind)
            appended.append(kind)
        }
        for index in 0..<21 { #expect(kinds.kind(at: index) == appended[index]) }
        for index in 21..<30 { #expect(kinds.kind(at: index) == nil) }
        #expect(kinds.kind(at: -1) == nil)
        #expect(HidingAttributeKinds().kind(at: 0) == nil)
    }

    @Test func givenKindsHideAsClassifiedNames() {
        var random = SplitMix64(seed: 0x4B1D_5EED)
        let names = ["class", "id", "style", "hidden", "type", "href", "CLASS", "Style", "ＳＴＹＬＥ", "", "data-x", "typé"]
        let values = ["display:none", "color:white", "hidden", "HIDDEN", "x", "w d", "gone", "", "履歴書", "font-size:0"]
        let css = ".w { color: white } .d { display: none } #gone { visibility: hidden }"
        for round in 0..<2000 {
            var sheet = HidingStyleSheet()
            if round % 2 == 0 { sheet.add(css) }
            var other = sheet
            let element = random.pick(["p", "input", "span"])
            // Up to 25 attributes, so that some tags have more than the kinds hold.
            let count = round % 10 == 0 ? 20 + Int(random.next() % 6) : Int(random.next() % 5)
            let attributes = (0..<count).map { _ in MarkupAttribute(name: random.pick(names), value: random.pick(values)) }
            var kinds = HidingAttributeKinds()
            for attribute in attributes { kinds.append(HidingStyleSheet.hidingAttribute(attribute.name)) }
            // Attributes at the end of a longer table, as the build's slice is.
            let table = [MarkupAttribute(name: "style", value: "display:none")] + attributes
            var given = IndexedStyle()
            var classified = IndexedStyle()
            let expected = other.hides(name: element, attributes: table[1...], inherited: &classified)
            #expect(sheet.hides(name: element, attributes: table[1...], kinds: kinds, inherited: &given) == expected, "\(attributes)")
            #expect(given.background == classified.background)
        }
    }
}
