import Foundation
@testable import Markup
import Testing
import TestSupport

// The build writes an HTML document's text bytes into room it manages (a count of bytes written, room
// past it, cut off when the tree is made) and marks the text nodes that are indentation. Expected texts
// here are the strings the documents were made from; the indentation rule is the one stated on
// `MarkupNode.isIndentation`, checked on each node's own text.

/// Every text node of the document and its text, in document order.
private func textNodes(_ document: MarkupDocument) -> [(node: Int, text: String)] {
    let tree = document.tree
    return tree.nodes.indices.filter { tree.nodes[$0].kind == .text }.map { ($0, tree.text(ofNode: $0)) }
}

/// A line feed followed by only spaces or only tabs (or nothing).
private func isLineFeedIndentation(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.first == 0x0A else { return false }
    let rest = bytes.dropFirst()
    return rest.allSatisfy { $0 == 0x20 } || rest.allSatisfy { $0 == 0x09 }
}

private func parse(_ markup: String) throws -> MarkupDocument {
    try MarkupParser().parse(Data(markup.utf8))
}

@Suite struct TextBufferAndIndentationTests {
    @Test func textLongerThanTheFirstRoomGrowsTheBuffer() throws {
        // Text is nearly all of this markup: the room (half the markup) is outgrown, several times
        // over by entities' expansions being short of nothing. Each paragraph's text comes back whole.
        var paragraphs: [String] = []
        var random = SplitMix64(seed: 91)
        let words = ["Zoë", "履歴書", "😀", "plain", "Müller", "–", "\u{00A0}", "engineer", "👩‍💻"]
        for index in 0..<60 {
            var text = "P\(index)"
            for _ in 0..<(20 + Int(random.next() % 40)) { text += " " + words[Int(random.next() % UInt64(words.count))] }
            paragraphs.append(text)
        }
        let markup = "<html><body>" + paragraphs.map { "<p>\($0)</p>" }.joined() + "</body></html>"
        let document = try parse(markup)
        #expect(textNodes(document).map(\.text) == paragraphs)
    }

    @Test func repairedTextLeavesLaterTextsIntact() throws {
        // An invalid sequence is repaired (its node's bytes replaced in place); the texts after it must
        // start where the repair ended, and be the tree copy's texts (each decoded with repairs).
        for inside: [UInt8] in [[0xFF, 0xC3], [0xE6, 0x9D], Array("caf".utf8) + [0xE9]] {
            var bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>before</p><p>bad ".utf8) + inside
            bytes += Array(" end</p><p>after Zoë</p>".utf8)
            bytes += Array(String(repeating: "<p>more text here 東京</p>", count: 80).utf8) + Array("</body></html>".utf8)
            let streamed = try MarkupParser().parse(Data(bytes), as: .html, lineShift: 0, streaming: true)
            let copied = try MarkupParser().parse(Data(bytes), as: .html, lineShift: 0, streaming: false)
            let texts = textNodes(streamed).map(\.text)
            #expect(texts == textNodes(copied).map(\.text), "\(inside)")
            #expect(texts.count == 83)
            #expect(streamed.root?.text == copied.root?.text)
        }
    }

    @Test func repairsLongerThanTheMarkupGrowTheBuffer() throws {
        // Each invalid byte is repaired into U+FFFD, three bytes: the text outgrows the room (as many
        // bytes as the markup), and comes out as the tree copy's.
        for prolog in ["<meta charset=\"utf-8\">", ""] {
            var bytes = Array("<html><head>\(prolog)</head><body><p>start Zoë</p><p>".utf8)
            bytes += [UInt8](repeating: 0xFF, count: 3000) + Array("</p><p>after 東京</p>".utf8)
            bytes += [UInt8](repeating: 0xC3, count: 2000) + Array("<p>end</p></body></html>".utf8)
            let streamed = try MarkupParser().parse(Data(bytes), as: .html, lineShift: 0, streaming: true)
            let copied = try MarkupParser().parse(Data(bytes), as: .html, lineShift: 0, streaming: false)
            #expect(textNodes(streamed).map(\.text) == textNodes(copied).map(\.text))
            #expect(textNodes(streamed).map(\.text).joined().utf8.count > bytes.count)
            #expect(streamed.root?.text == copied.root?.text)
        }
    }

    @Test func documentsWithoutTextHaveNoBounds() throws {
        // (libxml2 may add a line feed text to HTML: the bounds then hold it and nothing else.)
        let html = try parse("<html><body><br><img src='x'></body></html>")
        let htmlTexts = textNodes(html)
        #expect(html.tree.textBounds.count == (htmlTexts.isEmpty ? 0 : htmlTexts.count + 1))
        #expect(htmlTexts.allSatisfy { $0.text.allSatisfy(\.isWhitespace) })
        let xml = try parse("<?xml version='1.0'?><r><a>one</a><b> two </b></r>")
        #expect(xml.tree.textBounds.isEmpty)
        #expect(textNodes(xml).map(\.text) == ["one", " two "])
    }

    @Test func indentationIsMarkedOnlyWhereTheRuleHolds() throws {
        let markups = [
            "<html><body><div>\n  <p>a</p>\n\t\t<p>b</p>\r\n  <p>c</p> \n<p>d</p>\n<p>e</p>\n \t<p>f</p>\n\n  </div></body></html>",
            "<html>\n<body>\n    <ul>\n      <li>One</li>\n      <li>Two\n      </li>\n    </ul>\n  </body>\n</html>\n",
            "<html><body><p>\n" + String(repeating: " ", count: 70) + "</p><p>\n  x</p><p>\u{00A0}\n</p></body></html>",
        ]
        var marked = 0
        for markup in markups {
            let document = try parse(markup)
            for (node, text) in textNodes(document) {
                let isIndentation = document.tree.nodes[node].isIndentation
                // Sound: a marked node is indentation by the rule.
                if isIndentation { #expect(isLineFeedIndentation(text), "\(text.debugDescription) in \(markup.debugDescription)") }
                // And these small documents come in one piece: short indentation is marked.
                if isLineFeedIndentation(text) && text.utf8.count < 64 {
                    #expect(isIndentation, "\(text.debugDescription) in \(markup.debugDescription)")
                }
                if isIndentation { marked += 1 }
            }
        }
        #expect(marked >= 10)
        // The public view agrees with the node.
        let document = try parse(markups[1])
        let root = try #require(document.root)
        let tree = document.tree
        for node in tree.nodes.indices where tree.nodes[node].kind == .text {
            #expect(root.isIndentation(MarkupElement.NodeIndex(node)) == tree.nodes[node].isIndentation)
        }
    }

    @Test func xmlTextsAreNeverMarked() throws {
        let document = try parse("<?xml version='1.0'?>\n<r>\n  <a>one</a>\n  <b>two</b>\n</r>")
        let tree = document.tree
        #expect(tree.nodes.allSatisfy { !$0.isIndentation })
        #expect(textNodes(document).contains { $0.text == "\n  " })
    }
}
