import Foundation
@testable import Markup
import Testing
import TestSupport

/// The document built from SAX events must be the document copied from libxml2's tree, node for node:
/// both are parsed here, the streaming build first and then the tree copy (`streaming: false`), and
/// compared by everything a reader can see.
@Suite struct StreamingBuildTests {
    /// Every node's kind, name, namespace, line, hidden flag, text and attributes, in document order,
    /// then the document's own facts.
    static func describe(_ document: MarkupDocument) -> [String] {
        let tree = document.tree
        var lines: [String] = []
        for (index, node) in tree.nodes.enumerated() {
            let namespace = node.namespace >= 0 ? tree.names[Int(node.namespace)] : "-"
            let attributes = tree.attributes[node.attributeRange].map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            lines.append(
                "\(index) \(node.kind) parent=\(node.parent) first=\(node.firstChild) next=\(node.nextSibling) "
                    + "name=\(tree.name(ofNode: index)) ns=\(namespace) line=\(node.line) hidden=\(node.isHidden) "
                    + "text=\(tree.text(ofNode: index).debugDescription) [\(attributes)]")
        }
        lines.append("title=\(document.title ?? "nil") hiddenText=\(document.containsHiddenText) flattened=\(document.wasFlattened)")
        lines.append(contentsOf: document.diagnostics.map { "diagnostic: \($0)" })
        return lines
    }

    static func outcome(_ parser: MarkupParser, _ bytes: Data, _ kind: MarkupDocument.Kind, streaming: Bool, lineShift: Int32 = 0) -> [String] {
        do {
            return describe(try parser.parse(bytes, as: kind, lineShift: lineShift, streaming: streaming))
        } catch {
            return ["error: \(error)"]
        }
    }

    static func expectSameDocument(
        _ text: String, as kind: MarkupDocument.Kind, parser: MarkupParser = MarkupParser(), lineShift: Int32 = 0,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectSameDocument(Data(text.utf8), as: kind, parser: parser, lineShift: lineShift, sourceLocation: sourceLocation)
    }

    static func expectSameDocument(
        _ bytes: Data, as kind: MarkupDocument.Kind, parser: MarkupParser = MarkupParser(), lineShift: Int32 = 0,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let streamed = outcome(parser, bytes, kind, streaming: true, lineShift: lineShift)
        let copied = outcome(parser, bytes, kind, streaming: false, lineShift: lineShift)
        #expect(streamed == copied, "\(String(decoding: bytes.prefix(300), as: UTF8.self))", sourceLocation: sourceLocation)
    }

    /// Whether the document is built from SAX events, rather than handed back to the tree copy: the
    /// comparisons above would pass trivially if every document fell back.
    static func streams(_ text: String, as kind: MarkupDocument.Kind) -> Bool {
        let bytes = Data(text.utf8)
        let encoding = kind == .html ? MarkupParser.encodingForUndeclaredHTML(bytes) : nil
        return MarkupParser().parseOnce(bytes, as: kind, lineShift: 0, htmlEncoding: encoding, streaming: true) != nil
    }

    @Test func ordinaryDocumentsAreStreamed() {
        #expect(Self.streams("<html><head><title>T</title><style>.h{display:none}</style></head><body><p>a<b>b</b></p></body></html>", as: .html))
        #expect(Self.streams("<p>a<o:p></o:p>b</p><div><p>one<div>two</p></span></div>", as: .html))
        #expect(Self.streams("<?xml version=\"1.0\"?><r xmlns=\"urn:a\"><a b=\"x &amp; y\">t &eacute;</a><!-- c --></r>", as: .xml))
        #expect(Self.streams("<!DOCTYPE r [<!ATTLIST a kind CDATA \"default\">]><r><a>no entities</a></r>", as: .xml))
    }

    @Test func whatIsNotMirroredFallsBackToTheTree() {
        #expect(!Self.streams("<!DOCTYPE r [<!ENTITY co \"Acme\">]><r>&co;</r>", as: .xml))
        #expect(!Self.streams("<html><body><p>x</p></body></html><p>after the root</p>", as: .html))
        #expect(!Self.streams("<p>e<xml:lang>x</xml:lang></p>", as: .html))
    }

    static let htmlCases: [String] = [
        "<html><head><title> Dana  Whitfield </title></head><body><p>Hello</p></body></html>",
        // Blank text between blocks and inside inline elements, which libxml2's tree keeps or drops by
        // what precedes it.
        "<html><body>\n  <div>\n    <p>a</p>\n    <p>b</p>\n  </div>\n  <b> </b> <i>x</i>\n</body></html>\n\n",
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><html><body>\n <p>x</p>\n </body></html>",
        // Text with no element around it: libxml2 opens the elements it implies.
        "just text & more &amp; &eacute;t&eacute; &#233; &#x1F600; &unknown; &",
        "  \n <p>one<br>two<br/>three</p> after",
        // Comments and processing instructions split text nodes.
        "<p>a<!-- c -->b<?php echo 1 ?>c</p>",
        "<title>a<!--x-->b</title><title>second</title><p>body</p>",
        "<title>  </title><title>Real title</title>",
        "<head><title>T</title><style>.h{display:none} #i{visibility:hidden}</style></head><body><p class=h>hid</p><p id=i>den</p><p>seen</p></body>",
        "<style class=\"s\">.s{display:none}</style><p class=s>x</p>",
        "<style>p{color:red}</style><p style=\"display:none\">gone</p><p style=\"color:#fff;background:#fff\">white</p>",
        "<body style=\"background:#000\"><p style=\"color:#000\">black on black</p></body>",
        "<script>var a = '<p>not</p>';</script><noscript><p>no</p></noscript><p>yes</p>",
        // Boolean, empty and unquoted attributes.
        "<input checked disabled foo bar=\"\" baz=qux><option selected>o</option>",
        "<p CLASS=\"A\" Id=B DATA-X='y'>case</p>",
        // Broken markup: a start tag without its end, stray end tags, misplaced html/head/body.
        "<div><p>one<div>two</p></span></div>three",
        "<p>a<b c=\"d\"<i>e</i></p><p>f",
        "<html><body><p>x</p><html lang=en><body class=c><head><p>y</p></body></html>",
        "<table><tr><td>a<td>b<tr><td>c</table>",
        "<ul><li>one<li>two</ul><dl><dt>t<dd>d</dl>",
        "<p>a</p></html>trailing<p>more</p>",
        "<a href=\"x\">link</a> <b>bold</b> <i>it</i>\r\n<p>crlf\r\nline</p>",
        "<p>tab\there  and\u{00A0}nbsp</p><p>Zoë Ørsted 東京 🙂</p>",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><svg xmlns=\"http://www.w3.org/2000/svg\"><text>s</text></svg><p>x</p></div>",
        "<?xml version=\"1.0\"?><html><body><p>xml declaration in html</p></body></html>",
        "<p>\u{0}nul</p>",
        "",
        "<",
        "<!-- only a comment -->",
        "<p/>text<br/>",
        "<textarea>a<b>c</b></textarea><pre>\n  pre\n</pre><xmp><b>x</b></xmp>",
        "<frameset><frame src=a></frameset><iframe>i</iframe><object>o</object><template><p>t</p></template>",
        // Word's prefixed elements, and prefixed attributes, which libxml2's HTML parser keeps whole.
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body><p class=MsoNormal>a<o:p></o:p>b<st1:place w:st=\"on\">x</st1:place></p></body></html>",
        "<p>a<a:b:c>y</a:b:c></p>", "<p>b<a:>z</a:></p>", "<p>c<:p>w</:p></p>", "<p>d<p:_x>v</p:_x><p:9>v</p:9></p>",
        "<p>e<xml:lang>x</xml:lang></p>", "<p>f<Word:Tag>x</Word:Tag></p>",
        "<html><body><p>one</p></body></html><p>after the root</p><div>again</div>",
        "<!DOCTYPE html><!-- c --><html><body>x</body></html><p>after</p>",
    ]

    @Test(arguments: htmlCases)
    func htmlMatchesTheTreeCopy(_ html: String) {
        Self.expectSameDocument(html, as: .html)
    }

    static let xmlCases: [String] = [
        "<r><a>x</a> <b/> <c d=\"e\">f</c></r>",
        "<?xml version=\"1.0\"?>\n<!-- c -->\n<r xmlns=\"urn:a\" xmlns:p=\"urn:p\"><p:x p:y=\"1\" z=\"2\">t</p:x><q:u q:v=\"w\">undeclared prefix</q:u></r>",
        "<r>a &amp; b &lt; c &#233; &eacute; <![CDATA[ raw <b> ]]> d</r>",
        "<r a=\"x &amp; y &#38; &eacute; &lt;\" b='' c=\"&#x41;\">v</r>",
        "<r><a>1</a><!-- between --><a>2</a><?pi data?><a>3</a></r>",
        "<r>\n  <a>\n    text over\n    lines\n  </a>\n</r>",
        // Recovery: an unclosed start tag, a mismatched end tag, text after the root.
        "<r><a b=\"c\"<d>e</d></r>",
        "<r><a>x</b></a></r>",
        "<r><a>unclosed",
        "<r/>after",
        "<!DOCTYPE r [<!ENTITY co \"Acme Corp\"><!ATTLIST a kind CDATA \"default\">]><r><a>&co;</a><a kind=\"given\"/></r>",
        "<!DOCTYPE r SYSTEM \"r.dtd\"><r>&undeclared; &nbsp;</r>",
        "<!DOCTYPE r [<!ATTLIST a kind CDATA \"default\">]><r><a>no entities</a></r>",
        "<r xml:lang=\"en\"><a xml:space=\"preserve\"> x </a></r>",
        "not xml at all",
        "<r>\u{0}</r>",
    ]

    @Test(arguments: xmlCases)
    func xmlMatchesTheTreeCopy(_ xml: String) {
        Self.expectSameDocument(xml, as: .xml)
    }

    @Test func limitsApplyAlike() {
        let deep = String(repeating: "<div>", count: 40) + "deep text" + String(repeating: "</div>", count: 40)
        Self.expectSameDocument(deep, as: .html, parser: MarkupParser(maximumDepth: 10))
        Self.expectSameDocument("<r>" + String(repeating: "<a>x</a>", count: 40) + "</r>", as: .xml, parser: MarkupParser(maximumDepth: 1))
        let long = "<p>" + String(repeating: "word ", count: 400) + "</p><p>after</p>"
        Self.expectSameDocument(long, as: .html, parser: MarkupParser(maximumTextBytes: 1000))
        let many = "<r>" + String(repeating: "<a b=\"c\"/>", count: 200) + "</r>"
        Self.expectSameDocument(many, as: .xml, parser: MarkupParser(maximumNodes: 150))
        Self.expectSameDocument(many, as: .html, parser: MarkupParser(maximumNodes: 150))
    }

    @Test func shiftedLinesMatch() {
        Self.expectSameDocument("<html><body>\n<p>a</p>\n\n<p>b\nc</p></body></html>", as: .html, lineShift: 41)
    }

    @Test func encodingsMatch() {
        let windows1252 = Data([0x3C, 0x70, 0x3E, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0xE9, 0x3C, 0x2F, 0x70, 0x3E])
        Self.expectSameDocument(windows1252, as: .html)
        var utf16 = Data([0xFF, 0xFE])
        for unit in "<r><a>é</a></r>".utf16 { utf16.append(UInt8(unit & 0xFF)); utf16.append(UInt8(unit >> 8)) }
        Self.expectSameDocument(utf16, as: .xml)
        Self.expectSameDocument(Data("<meta charset=\"windows-1252\"><p>caf\u{E9}</p>".utf8), as: .html)
    }

    /// The repository's own résumés and extraction fixtures, whole.
    @Test func repositoryFilesMatch() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var folders = [root.appendingPathComponent("Examples")]
        for name in ["html", "microformats", "schema-org", "xml"] {
            folders.append(root.appendingPathComponent("Tests/ExtractionTests/Fixtures").appendingPathComponent(name))
        }
        var compared = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
                let kind: MarkupDocument.Kind = name.hasSuffix(".xml") ? .xml : .html
                Self.expectSameDocument(bytes, as: kind)
                compared += 1
            }
        }
        #expect(compared >= 20)
    }

    /// Text that comes in one piece is kept as the decoded string, text in several pieces is joined as
    /// bytes: NUL bytes in the first or a later piece, bytes that are not UTF-8, and runs longer than
    /// libxml2's chunks must all give the tree's text.
    @Test func textPiecesJoinAsTheTreeJoinsThem() {
        let cases: [[UInt8]] = [
            Array("<p>a".utf8) + [0] + Array("b &amp; c</p>".utf8),
            Array("<p>a &amp; b".utf8) + [0] + Array("c</p>".utf8),
            Array("<p>".utf8) + [0] + Array("&amp;x</p>".utf8),
            Array("<p>caf".utf8) + [0xE9] + Array(" &amp; th".utf8) + [0xC3] + Array("</p>".utf8),
            Array("<p>".utf8) + [0xF0, 0x9F, 0x98] + Array("&lt;".utf8) + [0xFF, 0xFE] + Array("</p>".utf8),
            Array("<p>".utf8) + Array(String(repeating: "é東a ", count: 900).utf8) + Array("&amp;</p>".utf8),
            Array("<p>".utf8) + Array(String(repeating: "word ", count: 2_000).utf8) + Array("</p>".utf8),
        ]
        for bytes in cases {
            Self.expectSameDocument(Data(bytes), as: .html)
            Self.expectSameDocument(Data(Array("<r>".utf8) + bytes + Array("</r>".utf8)), as: .xml)
        }
    }

    /// Indentation text is made into a string once per form and document: a slot must stand for exactly
    /// one text, and documents full of indentation must still come out as the tree's.
    @Test func indentationSlotsNameOneTextEach() {
        var random = SplitMix64(seed: 0x1DE7)
        var textOfSlot: [Int: [UInt8]] = [:]
        for _ in 0..<5_000 {
            let bytes = (0..<Int(random.next() % 70)).map { _ in random.pick([0x0A, 0x0D, 0x20, 0x20, 0x20, 0x09, 0x61] as [UInt8]) }
            let slot = bytes.withUnsafeBufferPointer { DocumentBuilder.indentationSlot($0) }
            let isIndentation = (bytes.first == 0x0A && Set(bytes.dropFirst()).count <= 1 && bytes.count <= 64
                                    && Set(bytes.dropFirst()).isSubset(of: [0x20, 0x09]))
                || (bytes.starts(with: [0x0D, 0x0A]) && Set(bytes.dropFirst(2)).count <= 1 && bytes.count <= 65
                    && Set(bytes.dropFirst(2)).isSubset(of: [0x20, 0x09]))
            #expect((slot != nil) == isIndentation, "\(bytes)")
            guard let slot else { continue }
            #expect((0..<256).contains(slot))
            if let known = textOfSlot[slot] { #expect(known == bytes, "\(bytes)") } else { textOfSlot[slot] = bytes }
        }
        let indents = ["\n", "\n  ", "\n\t\t", "\r\n    ", "\r\n", "\n" + String(repeating: " ", count: 63),
                       "\n" + String(repeating: " ", count: 64), "\n \t", "\n  x", "\n  \n  "]
        var xml = "<r>"
        var html = "<html><body>"
        for index in 0..<60 {
            let indent = indents[index % indents.count]
            xml += indent + "<e\(index % 7)>v</e\(index % 7)>"
            html += indent + "<p>v</p>"
        }
        Self.expectSameDocument(xml + "\n</r>", as: .xml)
        Self.expectSameDocument(html + "\n</body></html>", as: .html)
    }

    /// Random tag soup: pieces of markup that stress where libxml2's tree and the events could part.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func randomSoupMatches(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let pieces = [
            "<p>", "</p>", "<div class=\"h\">", "</div>", "<b>", "</b>", "<br>", "<li>", "<ul>", "</ul>", "<title>", "</title>",
            "<style>.h{display:none}</style>", "<span style=\"display:none\">", "</span>", "<!-- c -->", "<?pi x?>", "<td>",
            "<table>", "</table>", "text", " ", "\n", "  \n ", "&amp;", "&eacute;", "é", "東", "<a href=x", ">", "<html>",
            "<body>", "</body>", "<head>", "</head>", "<input checked>", "<script>x<y</script>", "&#10;", "\r\n", "<", "</",
        ]
        for _ in 0..<150 {
            var soup = ""
            for _ in 0..<Int(random.next() % 30) { soup += pieces[Int(random.next() % UInt64(pieces.count))] }
            Self.expectSameDocument(soup, as: .html)
        }
        let xmlPieces = [
            "<a>", "</a>", "<b c=\"d\">", "</b>", "<p:x xmlns:p=\"urn:p\">", "</p:x>", "text", " ", "\n", "&amp;", "&eacute;",
            "<!-- c -->", "<?pi y?>", "<![CDATA[z]]>", "<e/>", "é", "<", "&#233;",
        ]
        for _ in 0..<150 {
            var soup = "<r>"
            for _ in 0..<Int(random.next() % 25) { soup += xmlPieces[Int(random.next() % UInt64(xmlPieces.count))] }
            Self.expectSameDocument(soup + "</r>", as: .xml)
        }
    }
}
