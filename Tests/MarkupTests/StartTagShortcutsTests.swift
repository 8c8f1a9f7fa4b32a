import Foundation
import Testing
import TestSupport
@testable import Markup

// Round 8's shortcuts in the start-tag and text callbacks, each checked against what it replaced:
// `mayHide` against `hides` itself, name traits matched by packed key against the string switches, the
// line feeds of indentation against a search, the attribute value table against
// `String(cString:)`, and `containsAttribute`'s names-table test against a scan of every element.

@Suite struct StartTagShortcutsTests {
    // MARK: mayHide

    private static let attributeNames = [
        "class", "id", "style", "hidden", "type", "href", "title", "lang", "STYLE", "Class", "ID", "Hidden", "TYPE",
        "data-x", "", "stylé", "ıd", "ſtyle", "履歴", "😀",
    ]
    private static let attributeValues = [
        "", "x", "hide", "gone", "display:none", "color:white", "font-size:0", "MsoNormal hide", "hidden", "HIDDEN",
        "text", "é", "履歴", "😀", "a\r\nb", "\u{00A0}",
    ]

    /// Whenever `mayHide` says no, `hides` finds nothing and leaves the inherited style as it was: the
    /// build may skip it. Sheets with and without class and id rules, random attribute lists.
    @Test func mayHideNeverSkipsAnElementHidesWouldHide() {
        var random = SplitMix64(seed: 8)
        let sheets: [HidingStyleSheet] = {
            var withClass = HidingStyleSheet()
            withClass.add(".hide { display: none } .gone{color:white}")
            var withID = HidingStyleSheet()
            withID.add("#hide { display: none }")
            var withBoth = withClass
            withBoth.add("#gone { visibility: hidden }")
            var irrelevant = HidingStyleSheet()
            irrelevant.add(".x { font-weight: bold } p { display: none }")
            return [HidingStyleSheet(), withClass, withID, withBoth, irrelevant]
        }()
        var skipped = 0
        for round in 0..<4000 {
            var sheet = sheets[round % sheets.count]
            let elementName = random.pick(["p", "input", "span", "div", "INPUT"])
            let attributes = (0..<Int(random.next() % 4)).map { _ in
                MarkupAttribute(name: random.pick(Self.attributeNames), value: random.pick(Self.attributeValues))
            }
            var present = HidingAttributeSet()
            for attribute in attributes { present.insert(HidingStyleSheet.hidingAttribute(attribute.name)) }
            let background = random.pick(["#ffffff", "#000000", "transparent"])
            var style = InheritedStyle(hidden: false, background: background)
            let hides = sheet.hides(name: elementName, attributes: attributes, inherited: &style)
            if !sheet.mayHide(given: present) {
                skipped += 1
                #expect(!hides, "\(attributes)")
                #expect(style.background == background, "\(attributes)")
            }
        }
        // The draw makes both kinds of element often.
        #expect(skipped > 500)
    }

    @Test func mayHideFollowsTheSheetsRules() {
        var sheet = HidingStyleSheet()
        var classOnly = HidingAttributeSet()
        classOnly.insert(.className)
        classOnly.insert(.other)
        var idOnly = HidingAttributeSet()
        idOnly.insert(.id)
        #expect(!sheet.mayHide(given: HidingAttributeSet()))
        #expect(!sheet.mayHide(given: classOnly))
        #expect(!sheet.mayHide(given: idOnly))
        #expect(sheet.mayHide(given: .all))
        for attribute in [HidingStyleSheet.HidingAttribute.style, .hidden, .type] {
            var set = HidingAttributeSet()
            set.insert(attribute)
            #expect(sheet.mayHide(given: set))
        }
        sheet.add(".a { display: none }")
        #expect(sheet.mayHide(given: classOnly))
        #expect(!sheet.mayHide(given: idOnly))
        sheet.add("#b { display: none }")
        #expect(sheet.mayHide(given: idOnly))
    }

    /// Documents whose hiding depends on attributes the pre-test classifies, built by streaming: the
    /// hidden text stays out of the visible text.
    @Test func streamedDocumentsStillHideWhatTheirAttributesHide() throws {
        let html = """
            <html><head><style>.gone { display: none } #away { visibility: hidden }</style></head><body>
            <p>seen one</p><p class="x gone">class hidden</p><p id="away">id hidden</p>
            <p STYLE="DISPLAY:NONE">upper style hidden</p><p Hidden>attribute hidden</p>
            <input TYPE="HIDDEN" value="v"><p href="#" lang="en">seen two</p></body></html>
            """
        let document = try MarkupParser().parse(Data(html.utf8))
        let text = try #require(document.root).text
        #expect(text == "seen one seen two")
        #expect(document.containsHiddenText)
    }

    // MARK: name traits by key

    /// The traits matched on a packed key are those the string switches give its name, for the names
    /// with traits (in any case), their neighbours and random short names.
    @Test func traitsByKeyAgreeWithTheStringSwitches() {
        var random = SplitMix64(seed: 88)
        let special = [
            "style", "title", "br", "script", "noscript", "template", "head", "object", "svg", "iframe", "class", "id",
            "hidden", "type",
        ]
        var names = special + special.map { $0.uppercased() } + special.map { $0 + "s" } + special.map { String($0.dropLast()) }
        names += ["", "p", "div", "span", "a", "href", "b", "bR", "STYLE", "Script", "typeof", "itemscope", "o:p", "data-x",
                  "abcdefghijklmnop", "abcdefghijklmnopq", "scripts", "i", "d"]
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-:_".utf8)
        for _ in 0..<3000 {
            let length = Int(random.next() % 18)
            names.append(String(decoding: (0..<length).map { _ in random.pick(alphabet) }, as: UTF8.self))
        }
        var checked = 0
        for name in names {
            let key = name.withCString { ShortASCIIName(UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self)) }
            guard let key else {
                #expect(name.utf8.count > 16, "\(name)")
                continue
            }
            checked += 1
            #expect(key.string == name.lowercased())
            #expect(DocumentBuilder.HTMLNameTraits.ofLowercasedASCII(key) == DocumentBuilder.HTMLNameTraits(key.string), "\(name)")
        }
        #expect(checked > 2000)
        // Each listed name does have a trait the default lacks.
        for name in special {
            let key = ShortASCIIName(lowercasedASCII: name)
            #expect(DocumentBuilder.HTMLNameTraits.ofLowercasedASCII(key) != DocumentBuilder.HTMLNameTraits(""), "\(name)")
        }
    }

    // MARK: text pieces

    /// A piece `indentationSlot` accepts, cut at no NUL, holds exactly one line feed: `streamCharacters`
    /// counts it so without searching.
    @Test func indentationHoldsOneLineFeed() {
        var random = SplitMix64(seed: 88888)
        let pieces: [[UInt8]] = [
            [0x0A], [0x0D, 0x0A], [0x0D], [0x00], Array("    ".utf8), Array("\t\t".utf8), Array(" ".utf8), Array("\t".utf8),
            Array("word".utf8), Array("é".utf8), Array("\u{00A0}".utf8),
        ]
        var indentations = 0
        for round in 0..<6000 {
            var bytes: [UInt8] = round % 2 == 0 ? [0x0A] : []
            for _ in 0..<Int(random.next() % 12) { bytes += random.pick(pieces) }
            bytes.withUnsafeBufferPointer { piece in
                let text = DocumentBuilder.upToNUL(piece)
                guard DocumentBuilder.indentationSlot(text) != nil, text.count == piece.count else { return }
                indentations += 1
                #expect(DocumentBuilder.lineFeeds(in: piece) == 1, "\(bytes)")
                #expect(bytes.count(where: { $0 == 0x0A }) == 1, "\(bytes)")
            }
        }
        #expect(indentations > 300)
    }

    // MARK: attribute values

    /// The table gives every value's `String(cString:)`, byte for byte, whether it is short, long, repeated,
    /// invalid UTF-8 or past the table's limits.
    @Test func attributeValuesAreWhatCStringMakes() {
        var random = SplitMix64(seed: 8888)
        let pieces: [[UInt8]] = [
            Array("width:1.6in;padding:0in 5.4pt".utf8), Array("MsoNormal".utf8), Array("é".utf8), Array("履歴書".utf8),
            Array("😀".utf8), Array("\r\n".utf8), Array("\u{00A0}".utf8), [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80],
            Array(" ".utf8), Array("a".utf8), Array(String(repeating: "x", count: 300).utf8),
        ]
        // A pool of values that repeat, and fresh ones: more distinct long values than the table keeps.
        var pool: [[UInt8]] = []
        for _ in 0..<200 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 6) { bytes += random.pick(pieces) }
            pool.append(bytes)
        }
        var table = AttributeValueTable()
        for round in 0..<5000 {
            let bytes = round % 3 == 0 ? random.pick(pieces) + random.pick(pieces) : random.pick(pool)
            let terminated = bytes + [0]
            let (made, expected) = terminated.withUnsafeBufferPointer { buffer in
                (table.value(buffer.baseAddress!), String(cString: buffer.baseAddress!))
            }
            #expect(Array(made.utf8) == Array(expected.utf8), "\(bytes)")
        }
    }

    /// A value stops at its first NUL, as `String(cString:)` reads it.
    @Test func attributeValuesStopAtNUL() {
        var table = AttributeValueTable()
        let bytes = Array("a long value of thirty bytes!!".utf8) + [0] + Array("tail".utf8) + [0]
        let made = bytes.withUnsafeBufferPointer { table.value($0.baseAddress!) }
        #expect(made == "a long value of thirty bytes!!")
        let again = bytes.withUnsafeBufferPointer { table.value($0.baseAddress!) }
        #expect(again == made)
    }

    // MARK: containsAttribute

    /// A plain scan of every element's attributes, which `containsAttribute` must agree with.
    private func referenceContains(_ document: MarkupDocument, _ name: String, _ value: (String) -> Bool) -> Bool {
        document.elements.contains { element in element.attributes.contains { $0.name == name && value($0.value) } }
    }

    @Test func containsAttributeAgreesWithAScanOfEveryElement() throws {
        var random = SplitMix64(seed: 888)
        let names = ["class", "id", "itemscope", "typeof", "href", "data-a", "data-b", "style", "lang", "x-é"]
        let elementNames = ["div", "p", "span", "section", "article", "a", "li", "ul"]
        for _ in 0..<60 {
            var html = "<html><body>"
            // Few attributes (the names table is the longer) and many (it is the shorter).
            for _ in 0..<Int(random.next() % 40) {
                let element = random.pick(elementNames)
                html += "<\(element)"
                for _ in 0..<Int(random.next() % 4) {
                    html += " \(random.pick(names))=\"\(random.pick(["a", "b c", "resume", "履歴", ""]))\""
                }
                html += ">t</\(element)>"
            }
            html += "</body></html>"
            let document = try MarkupParser().parse(Data(html.utf8))
            for name in names + ["absent", "CLASS", ""] {
                #expect(document.containsAttribute(named: name) == referenceContains(document, name, { _ in true }), "\(name) \(html)")
                let holdsB: (String) -> Bool = { $0.contains("b") }
                #expect(document.containsAttribute(named: name, where: holdsB) == referenceContains(document, name, holdsB), "\(name)")
                let other = random.pick(names + ["absent"])
                #expect(
                    document.containsAttribute(named: name, or: other, where: holdsB)
                        == (referenceContains(document, name, holdsB) || referenceContains(document, other, holdsB)), "\(name) \(other)")
            }
        }
    }

    /// XML keeps names as written, prefixes included.
    @Test func containsAttributeInXML() throws {
        let xml = #"<r xmlns:x="urn:x"><a x:k="1" k="2"/><b typeof="t"/></r>"#
        let document = try MarkupParser().parse(Data(xml.utf8))
        for name in ["k", "x:k", "typeof", "itemscope", "xmlns:x"] {
            #expect(document.containsAttribute(named: name) == referenceContains(document, name, { _ in true }), "\(name)")
        }
        #expect(document.containsAttribute(named: "typeof"))
        #expect(!document.containsAttribute(named: "itemscope"))
    }
}
