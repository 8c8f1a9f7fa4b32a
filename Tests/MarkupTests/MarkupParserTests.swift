import Foundation
import Testing
@testable import Markup

// Every input here is built in code, byte by byte where the bytes matter, so the tests say exactly
// what the parser is given. Expected values come from reading those inputs.

/// Bytes of a string in UTF-8.
private func utf8(_ text: String) -> Data { Data(text.utf8) }

/// Bytes of a string in UTF-16 with a byte-order mark.
private func utf16(_ text: String, littleEndian: Bool) -> Data {
    var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
    for unit in text.utf16 {
        let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
        bytes += littleEndian ? [low, high] : [high, low]
    }
    return Data(bytes)
}

/// ASCII text with raw single bytes spliced in where `{XX}` (two hex digits) appears.
private func bytes(_ template: String) -> Data {
    var result: [UInt8] = []
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
        result += Array(rest[rest.startIndex..<open].utf8)
        let hex = rest[rest.index(after: open)...].prefix(2)
        result.append(UInt8(hex, radix: 16)!)
        rest = rest[rest.index(open, offsetBy: 4)...]
    }
    result += Array(rest.utf8)
    return Data(result)
}

private func parse(_ data: Data) throws(MarkupError) -> MarkupDocument {
    try MarkupParser().parse(data)
}

private extension MarkupDocument {
    /// The first element with this name anywhere in the document.
    func first(_ name: String) -> MarkupElement? {
        root.flatMap { $0.name == name ? $0 : $0.firstDescendant { $0.name == name } }
    }

    /// The visible text of the whole document.
    var visibleText: String { root?.text ?? "" }
}

@Suite("Markup: HTML or XML, decided by content")
struct SniffingTests {
    @Test func htmlContentInAFileNamedXML() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("markup-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let htmlNamedXML = directory.appendingPathComponent("resume.xml")
        let xmlNamedHTML = directory.appendingPathComponent("resume.html")
        try utf8("<!DOCTYPE html><html><body><h1>Dana Okafor</h1><p>HR Generalist<br>Acme</p></body></html>").write(to: htmlNamedXML)
        try utf8("<?xml version=\"1.0\"?><resume><name>Dana Okafor</name></resume>").write(to: xmlNamedHTML)

        let html = try parse(Data(contentsOf: htmlNamedXML))
        #expect(html.kind == .html)
        #expect(html.first("h1")?.text == "Dana Okafor")

        let xml = try parse(Data(contentsOf: xmlNamedHTML))
        #expect(xml.kind == .xml)
        #expect(xml.root?.name == "resume")
        // XML keeps case and does not invent <html>/<body> around the root.
        #expect(xml.root?.child("name")?.text == "Dana Okafor")
    }

    @Test func xmlWithoutDeclarationIsXML() throws {
        let document = try parse(utf8("<Resume xmlns=\"http://ns.hr-xml.org/2006-02-28\"><PersonName>Kai Lind</PersonName></Resume>"))
        #expect(document.kind == .xml)
        #expect(document.root?.name == "Resume")
        #expect(document.root?.namespace == "http://ns.hr-xml.org/2006-02-28")
        #expect(document.root?.child("PersonName")?.text == "Kai Lind")
    }

    @Test func xhtmlIsReadAsHTML() throws {
        let source = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>CV</title></head>
            <body><h1>Rosa Martín</h1><p class="Title">HR Manager</p></body></html>
            """
        let document = try parse(utf8(source))
        #expect(document.kind == .html)
        #expect(document.root?.name == "html")
        #expect(document.first("h1")?.text == "Rosa Martín")
        // HTML attribute lookup ignores case.
        #expect(document.first("p")?.attribute("CLASS") == "Title")
        // The <title> is not résumé text.
        #expect(!document.visibleText.contains("CV"))
    }

    @Test(arguments: [
        "<div class=\"resume\"><h2>Lee Park</h2><p>Benefits Specialist</p></div>",
        "<meta charset=\"utf-8\">\n<div class=\"resume\"><h2>Lee Park</h2><p>Benefits Specialist</p></div>",
        "  \n<!-- exported --><div class=\"resume\"><h2>Lee Park</h2><p>Benefits Specialist</p></div>",
        "<DIV CLASS=\"resume\"><H2>Lee Park</H2><P>Benefits Specialist</P></DIV>",
    ])
    func fragmentsAreHTML(source: String) throws {
        let document = try parse(utf8(source))
        #expect(document.kind == .html)
        // The HTML parser wraps a fragment in html/body; names are lower-case.
        #expect(document.root?.name == "html")
        let resume = try #require(document.first("div"))
        #expect(resume.hasClass("resume"))
        #expect(resume.visibleLines.map(\.value) == ["Lee Park", "Benefits Specialist"])
    }
}

@Suite("Markup: encodings")
struct EncodingTests {
    static let name = "Zoë Ångström-Núñez"
    static let dates = "2019 – 2021"

    static var htmlSource: String {
        "<html><body>\n<h1>\(name)</h1>\n<p>\(dates)</p>\n</body></html>"
    }

    static var xmlSource: String {
        "<?xml version=\"1.0\"?>\n<resume>\n<name>\(name)</name>\n<dates>\(dates)</dates>\n</resume>"
    }

    @Test func utf8WithoutDeclaration() throws {
        let document = try parse(utf8(Self.htmlSource))
        #expect(document.first("h1")?.text == Self.name)
        #expect(document.first("p")?.text == Self.dates)
    }

    @Test func utf8WithByteOrderMark() throws {
        let html = try parse(Data([0xEF, 0xBB, 0xBF]) + utf8(Self.htmlSource))
        #expect(html.kind == .html)
        #expect(html.first("h1")?.text == Self.name)
        // The mark is not text.
        #expect(!html.visibleText.contains("\u{FEFF}"))
        #expect(html.visibleText.hasPrefix("Zo"))

        let xml = try parse(Data([0xEF, 0xBB, 0xBF]) + utf8(Self.xmlSource))
        #expect(xml.kind == .xml)
        #expect(xml.root?.child("name")?.text == Self.name)
    }

    @Test(arguments: [true, false])
    func utf16HTMLWithByteOrderMark(littleEndian: Bool) throws {
        let document = try parse(utf16(Self.htmlSource, littleEndian: littleEndian))
        #expect(document.kind == .html)
        #expect(document.first("h1")?.text == Self.name)
        #expect(document.first("p")?.text == Self.dates)
        #expect(document.first("h1")?.line == 2)
    }

    @Test(arguments: [true, false])
    func utf16XMLWithByteOrderMark(littleEndian: Bool) throws {
        // A declaration that says UTF-16, as Word and .NET write it, and one that says nothing.
        for source in [Self.xmlSource, Self.xmlSource.replacingOccurrences(of: "<?xml version=\"1.0\"?>", with: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>")] {
            let document = try parse(utf16(source, littleEndian: littleEndian))
            #expect(document.kind == .xml)
            #expect(document.root?.child("name")?.text == Self.name)
            #expect(document.root?.child("dates")?.text == Self.dates)
            #expect(document.root?.child("dates")?.line == 4)
        }
    }

    /// Word's "save as web page" writes windows-1252 bytes and says so only in a <meta>: 0x96 is an
    /// en dash, 0xA0 a no-break space, 0xE9 é.
    @Test(arguments: [
        "<meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">",
        "<meta charset=windows-1252>",
        "<meta charset=\"windows-1252\">",
    ])
    func windows1252DeclaredInMeta(meta: String) throws {
        let data = bytes("<html><head>\(meta)<title>CV</title></head><body>\n<p class=MsoNormal>Jan 2019 {96} Dec 2021</p>\n<p>Ren{E9}e{A0}Dubois</p>\n</body></html>")
        let document = try parse(data)
        #expect(document.kind == .html)
        let paragraphs = document.root?.descendants(named: "p") ?? []
        try #require(paragraphs.count == 2)
        #expect(paragraphs[0].text == "Jan 2019 – Dec 2021")
        // `text` collapses the no-break space to a plain space.
        #expect(paragraphs[1].text == "Renée Dubois")
        // The raw text node still holds the no-break space as a character, not a broken byte.
        #expect(paragraphs[1].textNodes.map(\.value).joined() == "Ren\u{E9}e\u{A0}Dubois")
        #expect(!document.visibleText.contains("\u{FFFD}"))
    }

    /// Without a byte-order mark or any charset declaration libxml2 would read HTML as ISO-8859-1.
    @Test func undeclaredHTMLIsUTF8WhenTheBytesAre() throws {
        let document = try parse(utf8("<div><p>Zoë – Renée</p></div>"))
        #expect(document.first("p")?.text == "Zoë – Renée")
    }

    @Test func undeclaredHTMLThatIsNotUTF8IsWindows1252() throws {
        let document = try parse(bytes("<div><p>2019 {96} 2021, Ren{E9}e{A0}Dubois, {93}quoted{94}</p></div>"))
        #expect(document.first("p")?.text == "2019 – 2021, Renée Dubois, “quoted”")
    }

    @Test func undeclaredHTMLWithBytesWindows1252LacksIsLatin1() throws {
        // 0x81 has no windows-1252 meaning; ISO-8859-1 takes every byte, so nothing is cut off.
        let document = try parse(bytes("<div><p>Ren{E9}e{81}</p><p>After</p></div>"))
        #expect(document.first("p")?.text.hasPrefix("Renée") == true)
        #expect(document.visibleText.contains("After"))
    }

    @Test func xmlDeclaringWindows1252() throws {
        let data = bytes("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<resume><dates>2019 {96} 2021</dates></resume>")
        let document = try parse(data)
        #expect(document.kind == .xml)
        #expect(document.root?.child("dates")?.text == "2019 – 2021")
    }
}

@Suite("Markup: source lines")
struct LineNumberTests {
    @Test func htmlElementsAndTextKeepTheirLines() throws {
        let source = """
            <html>
            <body>
            <h1>Ana Ruiz</h1>
            <p>Payroll and
            benefits lead</p>
            <ul>
              <li>Supervised three coordinators</li>
              <li>Ran open enrolment<br>for 900 staff</li>
            </ul>
            </body>
            </html>
            """
        let document = try parse(utf8(source))
        let root = try #require(document.root)
        #expect(document.first("h1")?.line == 3)
        #expect(document.first("p")?.line == 4)
        let items = root.descendants(named: "li")
        #expect(items.map(\.line) == [7, 8])
        #expect(items[0].textNodes.first?.line == 7)
        #expect(items[0].textNodes.first?.value == "Supervised three coordinators")
        let lines = root.visibleLines
        #expect(lines.map(\.value) == [
            "Ana Ruiz", "Payroll and benefits lead", "Supervised three coordinators", "Ran open enrolment", "for 900 staff",
        ])
        #expect(lines.map(\.line) == [3, 4, 7, 8, 8])
    }

    @Test func indentedTextIsOnTheLineWhereItsWordsAre() throws {
        let html = try parse(utf8("<html><body><div>\n  <p>\n    Indented text\n  </p>\n</div></body></html>"))
        #expect(html.root?.visibleLines.map(\.line) == [3])
        let xml = try parse(utf8("<?xml version=\"1.0\"?>\n<resume>\n  <summary>\n    Indented text\n  </summary>\n</resume>"))
        #expect(xml.root?.child("summary")?.visibleLines.map(\.line) == [4])
    }

    @Test func xmlElementsAndTextKeepTheirLines() throws {
        let source = "<?xml version=\"1.0\"?>\n<resume>\n  <name>Ana Ruiz</name>\n\n  <job>\n    <title>HR Generalist</title>\n  </job>\n</resume>\n"
        let document = try parse(utf8(source))
        let root = try #require(document.root)
        #expect(root.line == 2)
        #expect(root.child("name")?.line == 3)
        #expect(root.path("job", "title")?.line == 6)
        #expect(root.path("job", "title")?.textNodes.first?.line == 6)
    }

    @Test func linesPastSixtyFiveThousand() throws {
        // libxml2 stores line numbers in 16 bits unless asked for big lines.
        let source = "<html><body>\n" + String(repeating: "\n", count: 70_000) + "<p>Far down</p></body></html>"
        let document = try parse(utf8(source))
        #expect(document.first("p")?.line == 70_002)
    }
}

@Suite("Markup: hidden text")
struct HiddenTextTests {
    static let visible = "Visible HR Generalist"
    static let secret = "SecretKeyword"

    /// Each case hides `secret` one way, next to text that stays visible.
    static let hidingCases: [(label: String, head: String, body: String)] = [
        ("display:none", "", "<p style=\"display:none\">\(secret)</p>"),
        ("display: none with spaces and !important", "", "<p style=\"DISPLAY : none !important\">\(secret)</p>"),
        ("visibility:hidden", "", "<p style=\"visibility:hidden\">\(secret)</p>"),
        ("font-size:0", "", "<p style=\"font-size:0\">\(secret)</p>"),
        ("font-size:0px", "", "<span style=\"font-size:0px\">\(secret)</span>"),
        ("font-size:1px", "", "<p style=\"font-size:1px\">\(secret)</p>"),
        ("white text on the default white page (#fff)", "", "<p style=\"color:#fff\">\(secret)</p>"),
        ("white text (#ffffff) on the default white page", "", "<p style=\"color:#FFFFFF\">\(secret)</p>"),
        ("named white on white", "", "<p style=\"color:white\">\(secret)</p>"),
        ("colour equal to an ancestor's background", "",
         "<div style=\"background-color:#003366\"><p>On dark</p><span style=\"color:#036\">\(secret)</span></div>"),
        ("a class rule in <style>", "<style>.kw { display: none; }</style>", "<p class=\"note kw\">\(secret)</p>"),
        ("a class rule hiding by colour", "<style>p.ghost{color:#ffffff}</style>", "<p class=\"ghost\">\(secret)</p>"),
        ("the hidden attribute", "", "<p hidden>\(secret)</p>"),
        ("hidden ancestor", "", "<div style=\"display:none\"><ul><li><b>\(secret)</b></li></ul></div>"),
    ]

    @Test(arguments: hidingCases.indices)
    func hiddenTextIsFlaggedAndLeftOut(index: Int) throws {
        let hiding = Self.hidingCases[index]
        let source = "<html><head>\(hiding.head)</head><body>\n<h1>\(Self.visible)</h1>\n\(hiding.body)\n<p>Still visible after</p>\n</body></html>"
        let document = try parse(utf8(source))
        let root = try #require(document.root)
        #expect(document.containsHiddenText, "\(hiding.label)")
        #expect(!root.text.contains(Self.secret), "\(hiding.label)")
        #expect(!root.visibleLines.contains { $0.value.contains(Self.secret) }, "\(hiding.label)")
        #expect(root.text.contains(Self.visible), "\(hiding.label)")
        #expect(root.text.contains("Still visible after"), "\(hiding.label)")
        // The element holding the secret is marked hidden; the heading is not.
        let holder = root.firstDescendant { $0.textNodes.contains { $0.value == Self.secret } && $0.children.isEmpty }
        #expect(holder?.isHidden == true, "\(hiding.label)")
        #expect(document.first("h1")?.isHidden == false, "\(hiding.label)")
        // Raw text nodes keep it, flagged, for detection only.
        #expect(root.textIncludingHidden.contains(Self.secret), "\(hiding.label)")
        let secretNodes = root.textNodes.filter { $0.value.contains(Self.secret) }
        #expect(secretNodes.allSatisfy { $0.isHidden }, "\(hiding.label)")
    }

    @Test(arguments: [
        "<p style=\"color:#333\">Dark grey on white</p>",
        "<p style=\"font-size:12px\">Normal size</p>",
        "<div style=\"background:#000\"><p style=\"color:#fff\">White on black</p></div>",
        "<p style=\"display:block;visibility:visible\">Shown</p>",
        "<style>.hidden-xs{display:none}</style><p class=\"visible\">Other class</p>",
    ])
    func ordinaryStylingIsNotHiding(body: String) throws {
        let document = try parse(utf8("<html><body><h1>\(Self.visible)</h1>\(body)</body></html>"))
        #expect(!document.containsHiddenText)
        let paragraph = try #require(document.first("p"))
        #expect(!paragraph.isHidden)
        #expect(!paragraph.text.isEmpty)
        #expect(document.visibleText.contains(paragraph.text))
    }

    @Test func scriptsAndStylesAreNotText() throws {
        let document = try parse(utf8("<html><head><style>p{margin:0}</style><script>var x = 'PHR';</script></head><body><p>Visible</p><script>alert('SHRM-CP')</script></body></html>"))
        #expect(document.visibleText == "Visible")
        #expect(!document.containsHiddenText)
    }

    @Test func xmlHasNoStylingToHide() throws {
        let document = try parse(utf8("<resume><note style=\"display:none\">kept</note></resume>"))
        #expect(!document.containsHiddenText)
        #expect(document.root?.text == "kept")
    }
}

@Suite("Markup: entities")
struct EntityTests {
    @Test func htmlNamedEntitiesWithoutDTD() throws {
        let document = try parse(utf8("<div><p>Caf&eacute; &amp; Cr&egrave;me &ndash; 2019&nbsp;&#8211;&#x2013; now</p></div>"))
        #expect(document.first("p")?.text == "Café & Crème – 2019 –– now")
    }

    @Test func htmlEntityNamesInXMLWithoutDTD() throws {
        // Résumé DTDs define these externally and we never load DTDs: the parser must not lose the text.
        let document = try parse(utf8("<?xml version=\"1.0\"?><resume><name>Ren&eacute;e Dubois</name><x>a &amp; b &lt; c</x></resume>"))
        #expect(document.kind == .xml)
        #expect(document.root?.child("name")?.text == "Renée Dubois")
        #expect(document.root?.child("x")?.text == "a & b < c")
    }

    @Test func internalEntitiesAreUsedAsWritten() throws {
        let source = "<?xml version=\"1.0\"?><!DOCTYPE resume [<!ENTITY org \"Acme Health\">]><resume><employer>&org;</employer></resume>"
        let document = try parse(utf8(source))
        #expect(document.root?.child("employer")?.text == "Acme Health")
    }

    @Test func externalEntitiesAreNotRead() throws {
        let local = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let sources = [
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><r><name>before &x; after</name></r>",
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;]><r><name>before after</name></r>",
            "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"file:///etc/hostname\"><r><name>before after</name></r>",
        ]
        for source in sources {
            let document: MarkupDocument
            do {
                document = try parse(utf8(source))
            } catch {
                // Refusing the file outright is also safe.
                continue
            }
            let text = document.root?.textIncludingHidden ?? ""
            #expect(text.contains("before"))
            if !local.isEmpty {
                #expect(!text.contains(local), "external entity content leaked: \(source)")
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func billionLaughsDoesNotExpand() throws {
        var source = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            source += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        source += "]>\n<lolz><name>Pat Lee</name><blob>&lol9;</blob></lolz>"
        let clock = ContinuousClock()
        let start = clock.now
        let result = Result { () throws(MarkupError) in try parse(utf8(source)) }
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(5))
        switch result {
        case .success(let document):
            let text = document.root?.textIncludingHidden ?? ""
            #expect(text.utf8.count < 10_000)
            #expect(text.contains("Pat Lee"))
        case .failure(let error):
            #expect(!error.description.isEmpty)
        }
    }
}

@Suite("Markup: hostile and broken input")
struct BadInputTests {
    static let depth = 200_000

    @Test(.timeLimit(.minutes(1)))
    func deepHTMLNestingDoesNotCrash() throws {
        var source = "<html><body><p>Jo Smith</p>"
        source.reserveCapacity(Self.depth * 11 + 100)
        source += String(repeating: "<div>", count: Self.depth)
        source += "deep text"
        source += String(repeating: "</div>", count: Self.depth)
        source += "<p>After</p></body></html>"
        switch Result(catching: { () throws(MarkupError) in try parse(utf8(source)) }) {
        case .success(let document):
            #expect(document.kind == .html)
            // libxml2 stops building at its depth limit (256 without XML_PARSE_HUGE) and says so.
            #expect(document.wasFlattened || document.diagnostics.contains { $0.contains("depth") })
            let root = try #require(document.root)
            // Walking the result must not recurse either.
            #expect(root.text.contains("Jo Smith"))
            #expect(root.descendants.count <= MarkupParser().maximumDepth + 10)
            _ = root.visibleLines
        case .failure(let error):
            #expect(!error.description.isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func deepXMLNestingDoesNotCrash() throws {
        var source = "<?xml version=\"1.0\"?><r><name>Jo Smith</name>"
        source.reserveCapacity(Self.depth * 7 + 100)
        source += String(repeating: "<a>", count: Self.depth)
        source += String(repeating: "</a>", count: Self.depth)
        source += "</r>"
        switch Result(catching: { () throws(MarkupError) in try parse(utf8(source)) }) {
        case .success(let document):
            #expect(document.kind == .xml)
            // libxml2 stops at its depth limit without XML_PARSE_HUGE and says so; recovery keeps the rest.
            #expect(document.wasFlattened || !document.diagnostics.isEmpty)
            let root = try #require(document.root)
            _ = root.descendants
            _ = root.visibleLines
            #expect(root.child("name")?.text == "Jo Smith")
        case .failure(let error):
            #expect(!error.description.isEmpty)
        }
    }

    @Test func shallowNestingIsNotFlattened() throws {
        let source = String(repeating: "<div>", count: 100) + "ok" + String(repeating: "</div>", count: 100)
        let document = try parse(utf8(source))
        #expect(!document.wasFlattened)
        #expect(document.visibleText == "ok")
    }

    @Test func emptyDataIsEmpty() {
        #expect(throws: MarkupError.empty) { try MarkupParser().parse(Data()) }
    }

    @Test(arguments: [
        Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]),  // PNG
        Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x00, 0xFF, 0x3C, 0x3C]),  // PDF-ish with NUL
        Data([0x00, 0x00, 0x00, 0x00]),
        Data("<html><body>Jo\u{0}Smith</body></html>".utf8),
        Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),  // a .docx is a zip
    ])
    func binaryIsNotMarkup(data: Data) {
        #expect {
            try MarkupParser().parse(data)
        } throws: { error in
            guard case MarkupError.notMarkup(let reason) = error else { return false }
            return !reason.isEmpty
        }
    }

    @Test(arguments: [
        "Jane Doe\nHR Generalist\nAcme Health, 2019 – present\n",
        "   \n\t  \n",
        "{\"basics\": {\"name\": \"Jane Doe\"}}",
        String(repeating: "Plain words without any markup. ", count: 40) + "<b>late tag</b>",
    ])
    func plainTextIsNotMarkup(text: String) {
        #expect {
            try MarkupParser().parse(Data(text.utf8))
        } throws: { error in
            guard case MarkupError.notMarkup = error else { return false }
            return true
        }
    }

    @Test func truncatedXMLRecoversOrFailsClearly() {
        let source = "<?xml version=\"1.0\"?>\n<resume>\n<name>Jane Doe</name>\n<positions><position><title>HR Ass"
        do {
            let document = try parse(utf8(source))
            #expect(document.kind == .xml)
            #expect(document.root?.name == "resume")
            #expect(document.root?.child("name")?.text == "Jane Doe")
            // libxml2's complaint is kept with its line.
            #expect(!document.diagnostics.isEmpty)
        } catch {
            guard case .unreadable(let message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(!message.isEmpty)
        }
    }

    @Test func htmlParserComplaintsAreKeptWithLines() throws {
        let document = try parse(utf8("<html><body>\n<div>\n</span><p>Jo Smith</p></div></body></html>"))
        #expect(document.first("p")?.text == "Jo Smith")
        #expect(document.diagnostics.contains { $0.hasPrefix("line 3:") && $0.contains("span") })
    }

    @Test func truncatedHTMLRecovers() throws {
        let document = try parse(utf8("<html><body><h1>Jane Doe</h1><ul><li>Recruiting<li>Onboar"))
        #expect(document.first("h1")?.text == "Jane Doe")
        #expect(document.root?.descendants(named: "li").map(\.text) == ["Recruiting", "Onboar"])
    }

    @Test func xmlThatIsNotWellFormedAtAllFailsWithLibxmlMessage() {
        // Only a declaration and a stray close tag: no element to recover.
        do {
            let document = try parse(utf8("<?xml version=\"1.0\"?></nothing>"))
            Issue.record("expected an error, got a document with root \(String(describing: document.root?.name))")
        } catch {
            guard case .unreadable(let message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(!message.isEmpty)
        }
    }

    @Test func fragmentsShiftLines() throws {
        let parser = MarkupParser()
        let fragment = try #require(parser.parseFragment("<p>One</p>\n<ul><li>Two</li></ul>", startingAtLine: 40))
        let root = try #require(fragment.root)
        #expect(root.visibleLines.map(\.value) == ["One", "Two"])
        #expect(root.visibleLines.map(\.line) == [40, 41])
        #expect(fragment.diagnostics.isEmpty)
    }
}

@Suite struct DeclaredCharsetTests {
    @Test func utf8DeclaredAfterANonASCIIByteStaysUTF8() throws {
        // An "é" in a comment before <meta charset="utf-8"> used to make libxml2 read Latin-1.
        let html = "<!DOCTYPE html><!-- résumé template --><html><head><meta charset=\"utf-8\"></head><body><p>Zoë Müller · January 2024 – Present</p></body></html>"
        let document = try MarkupParser().parse(Data(html.utf8))
        #expect(document.root?.text.contains("Zoë Müller · January 2024 – Present") == true)
    }

    @Test(arguments: [
        ("<meta charset=\"UTF-8\">", "utf-8"),
        ("<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>", "windows-1252"),
        ("<meta charset = utf8 >", "utf8"),
        ("<p>no declaration</p>", nil),
    ] as [(String, String?)])
    func declaredCharsetIsRead(markup: String, expected: String?) {
        let lowered = Array(markup.lowercased().utf8)
        #expect(MarkupParser.declaredCharset(lowered) == expected)
    }
}
