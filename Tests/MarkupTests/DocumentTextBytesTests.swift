import Foundation
@testable import Markup
import Testing
import TestSupport

// An HTML document keeps its text as one buffer of UTF-8 with a range per text node (strings are made
// when asked); an XML document keeps a string per text node. The build checks each text node's bytes
// as UTF-8 (`UTF8Validation`) instead of decoding them into a string. The references here are the code
// that was replaced: a text was `String(decoding:as:)` of its pieces joined up to the first NUL, kept
// exactly when its UTF-8 equals the bytes decoded.

/// Whether decoding the bytes gives them back unchanged: what the build used to find out by decoding.
private func referenceIsValid(_ bytes: [UInt8]) -> Bool {
    Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
}

/// Every text node of the document, as the node-level API gives it.
private func textsOfNodes(_ document: MarkupDocument) -> [String] {
    let tree = document.tree
    return tree.nodes.indices.filter { tree.nodes[$0].kind == .text }.map { tree.text(ofNode: $0) }
}

@Suite struct DocumentTextBytesTests {
    static let samples: [String] = [
        "", "plain ASCII text", "Zoë Ørsted, Müller & Søn", "履歴書 职位 東京", "😀 emoji 👩‍💻 🇫🇷", "line\r\nbreak\rand\nfeeds",
        "no\u{00A0}break\u{2009}thin\u{3000}ideographic", "\u{FEFF}bom", "a\u{0301}e\u{0308}", "\u{10FFFF}\u{E000}\u{FFFD}",
        "– — ’ “ ” • … €",
    ]

    @Test func validationAgreesWithDecodingOnValidText() {
        for sample in Self.samples {
            let bytes = Array(sample.utf8)
            #expect(UTF8Validation.isValid(bytes.withUnsafeBufferPointer { $0 }) == true)
            // Every cut of valid text: a cut inside a character leaves a truncated sequence at the end.
            for cut in 0...bytes.count {
                let prefix = Array(bytes[..<cut])
                #expect(prefix.withUnsafeBufferPointer { UTF8Validation.isValid($0) } == referenceIsValid(prefix), "\(sample) cut at \(cut)")
                let suffix = Array(bytes[cut...])
                #expect(suffix.withUnsafeBufferPointer { UTF8Validation.isValid($0) } == referenceIsValid(suffix), "\(sample) from \(cut)")
            }
        }
    }

    @Test func validationAgreesWithDecodingOnEveryShortSequence() {
        // Every lead byte with second bytes around each boundary (overlong forms, surrogates, past
        // U+10FFFF) and a third and fourth byte in or out of 80…BF, behind ASCII so that the word path
        // and the byte path both see them.
        let seconds: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        let continuations: [UInt8] = [0x80, 0xBF, 0x41, 0xC0]
        for lead in 0...255 {
            for second in seconds {
                for third in continuations {
                    for fourth in continuations {
                        for prefixLength in [0, 3, 9] {
                            let bytes = Array(repeating: UInt8(ascii: "a"), count: prefixLength) + [UInt8(lead), second, third, fourth]
                            for length in prefixLength + 1...bytes.count {
                                let cut = Array(bytes[..<length])
                                #expect(cut.withUnsafeBufferPointer { UTF8Validation.isValid($0) } == referenceIsValid(cut), "\(cut)")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func validationAgreesWithDecodingOnRandomBytes() {
        var random = SplitMix64(seed: 0x7E47_B17E)
        for _ in 0..<4_000 {
            let length = Int(random.next() % 40)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                // Mostly ASCII and valid characters, with stray bytes among them.
                switch random.next() % 4 {
                case 0: bytes.append(UInt8(truncatingIfNeeded: random.next()))
                case 1: bytes.append(contentsOf: random.pick(Self.samples).utf8.prefix(Int(random.next() % 6)))
                default: bytes.append(UInt8(ascii: "a") + UInt8(random.next() % 26))
                }
            }
            #expect(bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } == referenceIsValid(bytes), "\(bytes)")
        }
    }

    /// A text libxml2 hands over in several pieces (long runs, entity references between runs) with
    /// multi-byte characters on every side of the cuts: the node's text is the join of the pieces, read
    /// off the input, and the same from the streaming build as from the tree copy.
    @Test(arguments: ["é", "東", "😀", "\u{00A0}"])
    func textInSeveralPiecesIsJoinedWhole(_ character: String) throws {
        for runLength in [990, 995, 999, 1000, 1001, 1004, 2003] {
            let run = String(repeating: "a", count: runLength)
            let written = run + character + run + "&amp;" + character + "&eacute;" + run + character
            let expected = run + character + run + "&" + character + "é" + run + character
            let html = "<html><body><p>" + written + "</p></body></html>"
            for streaming in [true, false] {
                let document = try MarkupParser().parse(Data(html.utf8), as: .html, lineShift: 0, streaming: streaming)
                #expect(textsOfNodes(document) == [expected], "run \(runLength), streaming \(streaming)")
                let paragraph = try #require(document.root?.child("body")?.child("p"))
                #expect(paragraph.text == collapseWhitespace(expected))
            }
        }
    }

    /// Bytes that are not UTF-8 in a document that says it is, and a NUL: whatever libxml2 hands over,
    /// the streaming build's texts are the tree copy's (each decoded with repairs, up to a NUL).
    @Test func invalidBytesAndNULGiveTheTreeCopysTexts() throws {
        let insides: [[UInt8]] = [
            [0xC3], [0xE6, 0x9D], [0xF0, 0x9F, 0x98], [0xFF, 0xFE], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80],
            Array("caf".utf8) + [0xE9] + Array(" au lait".utf8), Array("a".utf8) + [0] + Array("b".utf8), [0x80, 0x80, 0x41],
        ]
        for prolog in ["<meta charset=\"utf-8\">", ""] {
            for inside in insides {
                let bytes = Data(Array("<html><head>\(prolog)</head><body><p>x ".utf8) + inside + Array(" y</p><p>".utf8) + inside
                    + Array("</p></body></html>".utf8))
                let streamed = try MarkupParser().parse(bytes, as: .html, lineShift: 0, streaming: true)
                let copied = try MarkupParser().parse(bytes, as: .html, lineShift: 0, streaming: false)
                #expect(textsOfNodes(streamed) == textsOfNodes(copied), "\(inside)")
                #expect(streamed.root?.text == copied.root?.text)
            }
        }
    }

    /// Each text node's bytes, read at its range in the buffer the document lends, are its text, for
    /// HTML (the stored buffer) and XML (its strings joined for the call).
    @Test(arguments: [
        ("<html><body><p>One <b>two</b>  three</p><div>\r\n  Zoë\u{00A0}Ünal \r\n</div><p>履歴書 😀</p><br><p>a<br>b</p></body></html>", MarkupDocument.Kind.html),
        ("<r xmlns=\"urn:a\"><n k=\"v\">x</n><m>  spaced   out  </m><m/><m>y<![CDATA[ z ]]>é</m>\n  <o>東京</o></r>", .xml),
    ])
    func textByteRangesHoldEachText(_ markup: String, _ kind: MarkupDocument.Kind) throws {
        let document = try MarkupParser().parse(Data(markup.utf8), as: kind)
        let root = try #require(document.root)
        let nodes = document.tree.nodes
        var seen = 0
        root.withDocumentTextBytes { bytes, ranges in
            for index in nodes.indices {
                let node = MarkupElement.NodeIndex(index)
                let range = ranges.range(of: node)
                if nodes[index].kind == .text {
                    #expect(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) == root.text(of: node))
                    seen += 1
                } else {
                    #expect(range.isEmpty)
                }
            }
        }
        #expect(seen > 3)
    }

    /// Elements of one name share a name index, and the index gives that name back.
    @Test func nameIndexesStandForNames() throws {
        let markup = "<html><body><div><p>a</p><P>b</P><div><span>c</span><p>d</p></div></div></body></html>"
        let document = try MarkupParser().parse(Data(markup.utf8), as: .html)
        let root = try #require(document.root)
        var indexByName: [String: Int] = [:]
        root.forEachDescendant { element in
            let index = root.nameIndex(of: element.nodeIndex)
            #expect(index < root.nameCount)
            #expect(root.name(atIndex: index) == element.name)
            if let known = indexByName[element.name] { #expect(known == index) }
            indexByName[element.name] = index
        }
        #expect(Set(indexByName.keys) == ["body", "div", "p", "span"])
    }

    /// Hidden text that is only whitespace (ASCII, CR LF, no-break and ideographic spaces) does not mark
    /// the document as holding hidden text; hidden words do. Read off the input.
    @Test(arguments: [
        (" \t\r\n ", false), ("\u{00A0}\u{3000}", false), ("\r\n\u{2003}", false), ("x", true), (" \u{00A0}é", true), ("\u{200B}", true),
    ])
    func hiddenWhitespaceIsNotHiddenText(_ hidden: String, _ isHiddenText: Bool) throws {
        let markup = "<html><body><p>shown</p><p style=\"display:none\">\(hidden)</p></body></html>"
        let document = try MarkupParser().parse(Data(markup.utf8), as: .html)
        #expect(document.containsHiddenText == isHiddenText)
    }
}
