import Foundation
import Testing
@testable import Markup

// A document keeps its names, texts and attributes in tables shared by all nodes (`MarkupTree`), and
// `text` joins the stored texts itself. The references below are the code the accessors replaced,
// written against the public per-node API, and both must agree over varied documents; the expected
// names, attributes and lines are read off the inputs.

/// `text` as it was: the visible text nodes joined, then collapsed.
private func referenceText(_ element: MarkupElement) -> String {
    var pieces: [String] = []
    for piece in element.textNodes where !piece.isHidden {
        pieces.append(piece.value)
    }
    return collapseWhitespace(pieces.joined())
}

/// `textIncludingHidden` as it was.
private func referenceTextIncludingHidden(_ element: MarkupElement) -> String {
    collapseWhitespace(element.textNodes.map(\.value).joined())
}

@Suite struct MarkupTreeTablesTests {
    static let pages = [
        "<html><body><p>One <b>two</b>  three</p><p></p><div>\r\n  Zoë\u{00A0}Ünal \r\n</div></body></html>",
        "<html><body><p style=\"display:none\">gone</p><p>kept <span style=\"display:none\">hidden</span> here</p></body></html>",
        "<html><body><ul><li>履歴書 <i>职位</i></li><li>😀 emoji 👩‍💻</li><li></li></ul><br><p>a<br>b</p></body></html>",
        "<html><body><div class=\"x y\" ID=\"Top\" data-x=\"ü\"><p lang=\"fr\" style=\"color:red\">Très long texte qui dépasse seize octets</p></div></body></html>",
        "<r xmlns=\"urn:a\" xmlns:b=\"urn:b\"><b:n k=\"v\">x</b:n><m>  spaced   out   text that is long  </m><m/><m>y<![CDATA[ z ]]></m></r>",
        "<?xml version=\"1.0\"?>\n<Resume>\n  <Name>\n    <First>Ann</First>\n    <Last>Lee</Last>\n  </Name>\n  <Note>line one\r\nline two</Note>\n</Resume>",
        "<r/>",
    ]

    @Test(arguments: pages)
    func textAgreesWithTheJoinOfTheTextNodes(page: String) throws {
        let document = try MarkupParser().parse(Data(page.utf8))
        for element in document.elements {
            #expect(element.text == referenceText(element))
            #expect(element.textIncludingHidden == referenceTextIncludingHidden(element))
        }
    }

    @Test(arguments: pages)
    func childrenNamedAgreesWithFilteringTheChildren(page: String) throws {
        let document = try MarkupParser().parse(Data(page.utf8))
        for element in document.elements {
            for name in ["p", "li", "m", "n", "First", "nothing"] {
                #expect(element.children(named: name).map(\.nodeIndex) == element.children.filter { $0.name == name }.map(\.nodeIndex))
                #expect(element.child(name)?.nodeIndex == element.children.first { $0.name == name }?.nodeIndex)
            }
        }
    }

    @Test(arguments: pages)
    func attributeAccessorsAgree(page: String) throws {
        let document = try MarkupParser().parse(Data(page.utf8))
        for element in document.elements {
            let node = element.nodeIndex
            #expect(element.attributes(of: node) == element.attributes)
            #expect(Array(element.attributeSlice(of: node)) == element.attributes)
            #expect(element.hasAttributes(node) == !element.attributes.isEmpty)
            for attribute in element.attributes {
                #expect(element.attribute(attribute.name) == element.attributes.first { $0.name == attribute.name }?.value)
            }
        }
    }

    @Test func eachElementKeepsItsOwnNamesAndAttributes() throws {
        let document = try MarkupParser().parse(Data(Self.pages[3].utf8))
        let div = try #require(document.elements.first { $0.name == "div" })
        #expect(div.attributes == [
            MarkupAttribute(name: "class", value: "x y"), MarkupAttribute(name: "id", value: "Top"), MarkupAttribute(name: "data-x", value: "ü"),
        ])
        #expect(div.attribute("ID") == "Top")
        let paragraph = try #require(div.child("p"))
        #expect(paragraph.attributes == [MarkupAttribute(name: "lang", value: "fr"), MarkupAttribute(name: "style", value: "color:red")])
        #expect(paragraph.text == "Très long texte qui dépasse seize octets")
        #expect(paragraph.text(of: paragraph.firstChild(of: paragraph.nodeIndex)) == "Très long texte qui dépasse seize octets")
        #expect(paragraph.name(of: paragraph.firstChild(of: paragraph.nodeIndex)) == "#text")
        #expect(paragraph.text(of: paragraph.nodeIndex) == "")
        #expect(document.elements.first { $0.name == "body" }?.attributes == [])
    }

    @Test func namespacesComeFromTheNameTable() throws {
        let document = try MarkupParser().parse(Data(Self.pages[4].utf8))
        let root = try #require(document.root)
        #expect(root.namespace == "urn:a")
        #expect(root.child("n")?.namespace == "urn:b")
        #expect(root.child("n")?.attributes == [MarkupAttribute(name: "k", value: "v")])
        #expect(root.children(named: "m").map(\.text) == ["spaced out text that is long", "", "y z"])
        let plain = try MarkupParser().parse(Data("<r><s/></r>".utf8))
        #expect(plain.root?.namespace == nil)
        #expect(plain.root?.child("s")?.namespace == nil)
    }

    @Test func linesAndParentsAreKept() throws {
        let document = try MarkupParser().parse(Data(Self.pages[5].utf8))
        let root = try #require(document.root)
        #expect(root.line == 2)
        let first = try #require(root.path("Name", "First"))
        #expect(first.line == 4)
        #expect(first.text == "Ann")
        #expect(first.parent?.name == "Name")
        #expect(root.parent == nil)
        #expect(root.child("Note")?.textNodes == [MarkupText(value: "line one\nline two", line: 7)])
    }

    @Test func aFlattenedElementLeavesNoAttributesBehind() throws {
        let parser = MarkupParser(maximumDepth: 2)
        let document = try parser.parse(Data("<a x=\"1\"><b y=\"2\"><c z=\"3\">t</c></b><d w=\"4\">u</d></a>".utf8), as: .xml)
        #expect(document.wasFlattened)
        #expect(!document.containsAttribute(named: "z"))
        #expect(document.containsAttribute(named: "w", where: { $0 == "4" }))
        let b = try #require(document.root?.child("b"))
        #expect(b.attributes == [MarkupAttribute(name: "y", value: "2")])
        #expect(b.children.isEmpty)
        #expect(b.text == "t")
        #expect(document.root?.child("d")?.attributes == [MarkupAttribute(name: "w", value: "4")])
    }

    @Test func fragmentLinesAreShiftedAsTheyAreMade() throws {
        let fragment = try #require(MarkupParser().parseFragment("<p>One</p>\n<p>Two</p>", startingAtLine: 10))
        let paragraphs = fragment.elements.filter { $0.name == "p" }
        #expect(paragraphs.map(\.line) == [10, 11])
        #expect(paragraphs.map { $0.textNodes.map(\.line) } == [[10], [11]])
        #expect(fragment.diagnostics.isEmpty)
    }
}
