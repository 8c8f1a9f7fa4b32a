import Foundation
import Testing
@testable import Markup

// `HidingStyleSheet.hidingAttribute` stands in for the switch `hides` made on `lowercasedText(name)`;
// the copy below is that switch, and both must name the same attribute for any name. The arena test
// checks that nodes appended past the capacity `appendNode` reserves still link in document order.

/// The attribute `hides` read, as it chose it before `hidingAttribute`.
private func referenceHidingAttribute(_ name: String) -> HidingStyleSheet.HidingAttribute {
    switch HidingStyleSheet.lowercasedText(name) {
    case "class": .className
    case "id": .id
    case "style": .style
    case "hidden": .hidden
    case "type": .type
    default: .other
    }
}

@Suite struct HidingAttributeTests {
    @Test(arguments: [
        "class", "id", "style", "hidden", "type", "href", "lang", "", "CLASS", "Class", "ID", "Style", "HIDDEN", "tYpE",
        "classes", "cla ss", "data-class", "ids", "i", "stylé", "STYLÉ", "ĳd", "İD", "\u{212A}", "cla\u{0301}ss",
        "类", "类class", "😀", "style\u{00A0}", "\r\nid", "hidden\n", "type\u{200B}", "ＣＬＡＳＳ", "ſtyle", "\u{212A}lass",
    ])
    func agreesWithTheSwitchOnTheLowerCasedName(name: String) {
        #expect(HidingStyleSheet.hidingAttribute(name) == referenceHidingAttribute(name))
    }

    @Test func readsEachAttributeWhateverItsCase() {
        #expect(HidingStyleSheet.hidingAttribute("class") == .className)
        #expect(HidingStyleSheet.hidingAttribute("CLASS") == .className)
        #expect(HidingStyleSheet.hidingAttribute("Style") == .style)
        #expect(HidingStyleSheet.hidingAttribute("hidden") == .hidden)
        #expect(HidingStyleSheet.hidingAttribute("href") == .other)
        #expect(HidingStyleSheet.hidingAttribute("stylé") == .other)
    }

    @Test func hidesAsBeforeForUpperCaseAndLowerCaseNames() {
        var sheet = HidingStyleSheet()
        var style = InheritedStyle()
        #expect(sheet.hides(name: "p", attributes: [MarkupAttribute(name: "HIDDEN", value: "")], inherited: &style))
        #expect(sheet.hides(name: "p", attributes: [MarkupAttribute(name: "style", value: "display:none")], inherited: &style))
        #expect(sheet.hides(name: "input", attributes: [MarkupAttribute(name: "Type", value: "HIDDEN")], inherited: &style))
        #expect(!sheet.hides(name: "a", attributes: [MarkupAttribute(name: "type", value: "hidden")], inherited: &style))
        #expect(!sheet.hides(name: "p", attributes: [MarkupAttribute(name: "class", value: "x"), MarkupAttribute(name: "href", value: "#")], inherited: &style))
    }
}

@Suite struct NodeArenaTests {
    @Test func linksChildrenInOrderPastTheReservedCapacity() throws {
        // 600 list items of one word each: past the first reservation, so the arena grows while linking.
        let count = MarkupDocument.initialNodeCapacity * 2 + 88
        let items = (0..<count).map { "<li>item\($0)</li>" }.joined()
        let document = try MarkupParser().parse(Data("<html><body><ul>\(items)</ul></body></html>".utf8))
        let list = try #require(document.elements.first { $0.name == "ul" })
        let children = list.children
        #expect(children.count == count)
        #expect(children.map(\.text) == (0..<count).map { "item\($0)" })
    }

    @Test func aDocumentWithOneElementHasItAsRoot() throws {
        let document = try MarkupParser().parse(Data("<r>text</r>".utf8))
        #expect(document.root?.name == "r")
        #expect(document.root?.text == "text")
    }
}

/// `containsAttribute` as a walk over every element's attributes (what it was before the document kept
/// one attribute table).
private func referenceContainsAttribute(_ document: MarkupDocument, named name: String, where value: (String) -> Bool) -> Bool {
    for element in document.elements where !element.attributes.isEmpty {
        for attribute in element.attributes where attribute.name == name && value(attribute.value) { return true }
    }
    return false
}

@Suite struct ContainsAttributeTests {
    static let pages = [
        #"<html><body><div class="h-resume x" id="top"><p>a</p></div></body></html>"#,
        #"<html><body><p CLASS="Hresume">é</p><span itemscope data-x="1">😀</span></body></html>"#,
        #"<html><body><p>no attributes at all</p></body></html>"#,
        #"<html><body><p class="">empty</p><p class="work experience" id="work">CJK 履歴書</p></body></html>"#,
        #"<r xmlns="urn:x"><a class="hresume" typeof="Person">x</a><b id="é">y</b></r>"#,
    ]
    static let questions: [(String, @Sendable (String) -> Bool)] = [
        ("class", { $0.contains("hresume") || $0.contains("h-resume") }), ("class", { _ in true }), ("id", { $0 == "work" }),
        ("itemscope", { _ in true }), ("typeof", { _ in true }), ("id", { $0 == "é" }), ("class", { $0.isEmpty }), ("href", { _ in true }),
    ]

    @Test(arguments: pages)
    func agreesWithTheLoopItReplaced(page: String) throws {
        let document = try MarkupParser().parse(Data(page.utf8))
        for (name, value) in Self.questions {
            #expect(document.containsAttribute(named: name, where: value) == referenceContainsAttribute(document, named: name, where: value))
        }
    }

    @Test func findsAnAttributeOnAnyElement() throws {
        let document = try MarkupParser().parse(Data(Self.pages[1].utf8))
        #expect(document.containsAttribute(named: "itemscope"))
        #expect(!document.containsAttribute(named: "typeof"))
        #expect(document.containsAttribute(named: "class", where: { $0 == "Hresume" }))
    }
}
