import Foundation
import Testing
@testable import Markup

/// Attribute and class look-ups on bytes must find what the Character comparisons found.
@Suite struct AttributeLookupTests {
    @Test func attributeAndClassLookUpsMatchTheCharacterCode() throws {
        let html = """
        <html><body><div CLASS="  Job\tentry\nItem  " Data-X="1" id="a">x</div><p class="h-resume  p-name">y</p><span class="x\r\ny">z</span></body></html>
        """
        let document = try MarkupParser().parse(Data(html.utf8))
        let elements = try #require(document.root).descendants
        for element in elements {
            let value = element.attributes.first { $0.name.lowercased() == "class" }?.value
            let expected = value?.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) ?? []
            #expect(element.classNames == expected)
            for name in expected { #expect(element.hasClass(String(name))) }
            #expect(!element.hasClass("jo"))
            #expect(element.attribute("data-x") == element.attributes.first { $0.name.lowercased() == "data-x" }?.value)
            #expect(element.attribute("DATA-X") == element.attributes.first { $0.name.lowercased() == "data-x" }?.value)
        }
        #expect(elements.contains { $0.hasClass("Job") && $0.hasClass("Item") })
    }

    @Test func collapseWhitespaceKeepsTextAndCollapsesRuns() {
        #expect(collapseWhitespace("  a \n\t b\u{00A0}\u{200B}c  ") == "a b c")
        #expect(collapseWhitespace("Zoë\u{2003}–\u{3000}x") == "Zoë – x")
        #expect(collapseWhitespace(" \n ") == "")
        #expect(collapseWhitespace("plain text") == "plain text")
    }

    @Test func declarationsParseAsciiAsTheScalarPath() {
        let css = " Display : none !important; color:#FFF ;; font-size: 0px\t; left:-9999px;opacity:0"
        let ascii = HidingStyleSheet.parseDeclarations(css)
        // A non-ASCII comment-free tail keeps the scalar path; it adds one property.
        var general = HidingStyleSheet.parseDeclarations(css + ";x-é:1")
        general["x-é"] = nil
        #expect(ascii == general)
        #expect(ascii["Display"] == "none")
    }
}
