import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Files from strangers, end to end through the built `readiness` binary: none may read a local file,
/// reach the network, crash the tool, stall a batch or exhaust memory. Each test states the exact outcome:
/// exit 0 with a record, or exit 65 with one line naming the file and the reason.
///
/// Every run is guarded by a timeout (a hang fails the test instead of stalling the suite) and measured:
/// wall time, and the child's own peak resident memory from wait4(2), which `CommandRunner` (whose
/// executable and temporary folders these tests share) does not give.
@Suite(.serialized) struct HostileInputTests {
    static let asOf = "2026-11-01"

    /// A résumé the generic HTML reader reads: its name is "Jo Smith".
    static let goodHTML = BatchCommandTests.resume(name: "Jo Smith")

    /// The same in plain ASCII, for tests that change its encoding.
    static let asciiHTML = """
        <html><body>
        <h1>Jo Smith</h1>
        <h2>Experience</h2>
        <h3>HR Generalist</h3>
        <p>Acme Health, Columbus, OH, January 2020 - Present</p>
        <h2>Education</h2>
        <p>B.S. Business Administration, Ohio State University, 2019</p>
        </body></html>
        """

    /// The generic XML reader takes `<name>` as the name.
    static func xmlResume(doctype: String = "", name: String = "Jo Smith", body: String = "") -> String {
        "<?xml version=\"1.0\"?>\n\(doctype)<resume><name>\(name)</name>\(body)</resume>\n"
    }

    // MARK: - Entities

    @Test func externalEntityOnALocalFileIsNotRead() throws {
        let folder = try Folder()
        // /etc/hostname as the brief names it, and a file of our own whose content cannot occur by chance.
        let secret = "secret-\(UUID().uuidString)"
        let secretFile = try folder.write("secret.txt", secret)
        let doctype = """
            <!DOCTYPE resume [
              <!ENTITY host SYSTEM "file:///etc/hostname">
              <!ENTITY mine SYSTEM "\(URL(fileURLWithPath: secretFile).absoluteString)">
              <!ENTITY % remote SYSTEM "\(URL(fileURLWithPath: secretFile).absoluteString)">
              %remote;
            ]>
            """
        let file = try folder.write("xxe.xml", Self.xmlResume(doctype: doctype, name: "Jo Smith&host;&mine;", body: "<summary>&mine;</summary>"))
        let run = try Child.run(["parse", file, "--as-of", Self.asOf])
        #expect(run.status == 0, "\(run.standardError)")
        let record = try run.jsonRecord()
        #expect(record["name"] as? String == "Jo Smith")
        #expect(!run.standardOutput.contains(secret))
        #expect(!run.standardError.contains(secret))
        // The warning names the entities it did not expand.
        #expect((record["warnings"] as? [String] ?? []).contains("markup: entities not expanded (external or unknown): &host;, &mine;"))
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !hostname.isEmpty {
            // The same record without the entities, to tell a leak from a host name that is also a word here.
            let control = try Child.run(["parse", try folder.write("control.xml", Self.xmlResume()), "--as-of", Self.asOf])
            if !control.standardOutput.contains(hostname) {
                #expect(!run.standardOutput.contains(hostname), "the content of /etc/hostname leaked into the record")
            }
        }
    }

    @Test func externalEntityOnTheNetworkIsNotFetched() throws {
        let listener = try LocalListener()
        let folder = try Folder()
        let base = "http://127.0.0.1:\(listener.port)"
        let doctype = """
            <!DOCTYPE resume SYSTEM "\(base)/resume.dtd" [
              <!ENTITY remote SYSTEM "\(base)/entity">
              <!ENTITY % parameter SYSTEM "\(base)/parameter">
              %parameter;
            ]>
            """
        let file = try folder.write("remote.xml", Self.xmlResume(doctype: doctype, body: "<summary>&remote;</summary>"))
        let run = try Child.run(["parse", file, "--as-of", Self.asOf])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try run.jsonRecord()["name"] as? String == "Jo Smith")
        // A connection attempt would sit completed in the listen backlog after the child exits.
        #expect(listener.acceptedConnections() == 0, "the parser connected to \(base)")
    }

    /// The classic: ten levels of ten references each, 10⁹ "lol"s if expanded.
    static func billionLaughs() -> String {
        var doctype = "<!DOCTYPE resume [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            doctype += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        doctype += "]>\n"
        return xmlResume(doctype: doctype, name: "Pat Lee", body: "<summary>&lol9;</summary>")
    }

    @Test func billionLaughsStaysSmallAndFast() throws {
        let folder = try Folder()
        let run = try Child.run(["parse", try folder.write("laughs.xml", Self.billionLaughs()), "--as-of", Self.asOf])
        #expect(run.status == 0, "\(run.standardError)")
        let record = try run.jsonRecord()
        #expect(record["name"] as? String == "Pat Lee")
        #expect(!run.standardOutput.contains("lollol"))
        #expect(run.seconds < 1 * Sanitizer.timeScale, "took \(run.seconds) s")
        #expect(run.peakMegabytes < 100 * Sanitizer.memoryScale, "peak \(run.peakMegabytes) MB")
    }

    /// One 4,000-byte entity referenced `count` times: 4,000 × count bytes if expanded.
    static func quadraticBlowUp(references count: Int) -> String {
        let doctype = "<!DOCTYPE resume [<!ENTITY big \"" + String(repeating: "Workday ", count: 500) + "\">]>\n"
        return xmlResume(doctype: doctype, name: "Pat Lee", body: "<summary>" + String(repeating: "&big;", count: count) + "</summary>")
    }

    @Test func quadraticBlowUpUnderTheNodeLimitIsReadUpToTheTextLimit() throws {
        let folder = try Folder()
        // 50,000 references: 200 MB if expanded; the text limit (1 MiB) stops the copying.
        let run = try Child.run(["parse", try folder.write("quadratic.xml", Self.quadraticBlowUp(references: 50_000)), "--as-of", Self.asOf])
        #expect(run.status == 0, "\(run.standardError)")
        let record = try run.jsonRecord()
        #expect(record["name"] as? String == "Pat Lee")
        #expect((record["warnings"] as? [String] ?? []).contains("markup: text past 1048576 bytes was ignored (raise it with --max-text)"))
        #expect(run.peakMegabytes < 200 * Sanitizer.memoryScale, "peak \(run.peakMegabytes) MB")
        #expect(run.seconds < 20 * Sanitizer.timeScale, "took \(run.seconds) s")
    }

    @Test func quadraticBlowUpOverTheNodeLimitIsRefused() throws {
        let folder = try Folder()
        // 1,000,000 references in a 5 MB file: each would be a node in libxml2's tree.
        let file = try folder.write("quadratic.xml", Self.quadraticBlowUp(references: 1_000_000))
        let run = try Child.run(["parse", file, "--as-of", Self.asOf])
        #expect(run.status == 65)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == "readiness: \(file): too complex to be a résumé: more than 100000 elements, attributes and entity references (raise it with --max-nodes)\n")
        #expect(run.peakMegabytes < 200 * Sanitizer.memoryScale, "peak \(run.peakMegabytes) MB")
    }

    // MARK: - Structure

    static let depth = 200_000

    @Test func deepHTMLNestingIsReadAboveTheDepthLibxml2Allows() throws {
        let folder = try Folder()
        let html = "<html><body><h1>Jo Smith</h1>" + String(repeating: "<div>", count: Self.depth) + "deep"
            + String(repeating: "</div>", count: Self.depth) + "</body></html>"
        let run = try Child.run(["parse", try folder.write("deep.html", html), "--as-of", Self.asOf])
        #expect(run.status == 0, "\(run.standardError)")
        let record = try run.jsonRecord()
        #expect(record["name"] as? String == "Jo Smith")
        // libxml2 stops building at depth 256 (we never ask for XML_PARSE_HUGE) and says so.
        #expect((record["warnings"] as? [String] ?? []).contains("markup: line 1: Excessive depth in document: 256 use XML_PARSE_HUGE option"))
        #expect(run.seconds < 10 * Sanitizer.timeScale, "took \(run.seconds) s")
    }

    @Test func deepXMLNestingIsReadAboveTheDepthLibxml2Allows() throws {
        let folder = try Folder()
        let body = String(repeating: "<a>", count: Self.depth) + "deep" + String(repeating: "</a>", count: Self.depth)
        let run = try Child.run(["parse", try folder.write("deep.xml", Self.xmlResume(body: body)), "--as-of", Self.asOf])
        #expect(run.status == 0, "\(run.standardError)")
        let record = try run.jsonRecord()
        #expect(record["name"] as? String == "Jo Smith")
        #expect((record["warnings"] as? [String] ?? []).contains("markup: line 2: Excessive depth in document: 256 use XML_PARSE_HUGE option"))
        #expect(run.seconds < 10 * Sanitizer.timeScale, "took \(run.seconds) s")
    }

    /// How the tag with too many attributes is written: each must be caught before libxml2 sees it.
    enum AttributeSpelling: String, CaseIterable {
        case utf8, utf16LittleEndian, utf16BigEndian
        /// `a0="1"a1="1"…`: libxml2's HTML parser needs no space after a closing quote.
        case noSpaces
        /// IBM037, declared in the XML declaration: libxml2 switches to it after the declaration.
        case ebcdic
    }

    /// ASCII to IBM037 for the characters the EBCDIC case uses.
    static func ebcdic(_ text: String) -> Data {
        Data(text.utf8.map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "i"): return 0x81 + (byte - UInt8(ascii: "a"))
            case UInt8(ascii: "j")...UInt8(ascii: "r"): return 0x91 + (byte - UInt8(ascii: "j"))
            case UInt8(ascii: "s")...UInt8(ascii: "z"): return 0xA2 + (byte - UInt8(ascii: "s"))
            case UInt8(ascii: "A")...UInt8(ascii: "I"): return 0xC1 + (byte - UInt8(ascii: "A"))
            case UInt8(ascii: "J")...UInt8(ascii: "R"): return 0xD1 + (byte - UInt8(ascii: "J"))
            case UInt8(ascii: "S")...UInt8(ascii: "Z"): return 0xE2 + (byte - UInt8(ascii: "S"))
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return 0xF0 + (byte - UInt8(ascii: "0"))
            case UInt8(ascii: " "): return 0x40
            case UInt8(ascii: "<"): return 0x4C
            case UInt8(ascii: ">"): return 0x6E
            case UInt8(ascii: "="): return 0x7E
            case UInt8(ascii: "\""): return 0x7F
            case UInt8(ascii: "/"): return 0x61
            default: return 0x6F  // "?"
            }
        })
    }

    @Test(arguments: AttributeSpelling.allCases)
    func aTagWithThousandsOfAttributesIsRefusedBeforeLibxml2(spelling: AttributeSpelling) throws {
        let folder = try Folder()
        // libxml2 2.9 spends time quadratic in one tag's attributes: 200,000 of them would take hours.
        let count = 200_000
        let spaced = (0..<count).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let html = "<html><body><h1>Jo Smith</h1><p \(spaced)>x</p></body></html>"
        let data: Data
        switch spelling {
        case .utf8: data = Data(html.utf8)
        case .utf16LittleEndian: data = Data([0xFF, 0xFE]) + html.data(using: .utf16LittleEndian)!
        case .utf16BigEndian: data = Data([0xFE, 0xFF]) + html.data(using: .utf16BigEndian)!
        case .noSpaces:
            let packed = (0..<count).map { "a\($0)=\"1\"" }.joined()
            data = Data("<html><body><h1>Jo Smith</h1><p x=\"1\"\(packed)>x</p></body></html>".utf8)
        case .ebcdic:
            data = Data("<?xml version=\"1.0\" encoding=\"IBM037\"?>".utf8) + Self.ebcdic("<resume><name>Jo Smith</name><p \(spaced)>x</p></resume>")
        }
        let file = try folder.write("attributes-\(spelling).html", data)
        let run = try Child.run(["parse", file, "--as-of", Self.asOf])
        #expect(run.status == 65)
        #expect(run.standardError == "readiness: \(file): too complex to be a résumé: a tag holds more than 1000 attributes\n")
        #expect(run.seconds < 10 * Sanitizer.timeScale, "took \(run.seconds) s")
    }

    // MARK: - Size

    static let sixtyMegabytes = 60_000_000

    /// A résumé followed by one paragraph of words, `size` bytes in all.
    static func hugeText(size: Int) -> Data {
        var data = Data(goodHTML.replacingOccurrences(of: "</body></html>", with: "<p>").utf8)
        let word = Data("word ".utf8)
        data.reserveCapacity(size)
        while data.count + word.count <= size - 11 { data.append(word) }
        data.append(Data("</p></body></html>".utf8.prefix(size - data.count)))
        return data
    }

    @Test func sixtyMegabytesIsRefusedAtTheDefaultLimit() throws {
        let folder = try Folder()
        let file = try folder.write("huge.html", Self.hugeText(size: Self.sixtyMegabytes))
        let run = try Child.run(["parse", file, "--as-of", Self.asOf])
        #expect(run.status == 65)
        #expect(run.standardError == "readiness: \(file): the file is 60000000 bytes, over the 10485760-byte limit (raise it with --max-file-size)\n")
        // Refused from its size alone, before a byte is read.
        #expect(run.peakMegabytes < 100 * Sanitizer.memoryScale, "peak \(run.peakMegabytes) MB")
    }

    @Test func sixtyMegabytesOfTextWithARaisedLimitIsReadInBoundedMemory() throws {
        let folder = try Folder()
        let file = try folder.write("huge.html", Self.hugeText(size: Self.sixtyMegabytes))
        let run = try Child.run(["parse", file, "--as-of", Self.asOf, "--max-file-size", "100000000"])
        #expect(run.status == 0, "\(run.standardError)")
        let record = try run.jsonRecord()
        #expect(record["name"] as? String == "Jo Smith")
        #expect((record["warnings"] as? [String] ?? []).contains("markup: text past 1048576 bytes was ignored (raise it with --max-text)"))
        // The file itself is held once, libxml2 keeps at most 10 MB of one text node; we copy 1 MiB.
        #expect(run.peakMegabytes < 400 * Sanitizer.memoryScale, "peak \(run.peakMegabytes) MB")
    }

    @Test func sixtyMegabytesOfTagsWithARaisedLimitIsRefusedInBoundedMemory() throws {
        let folder = try Folder()
        var data = Data(Self.goodHTML.replacingOccurrences(of: "</body></html>", with: "").utf8)
        let paragraph = Data("<p>x</p>".utf8)
        while data.count + paragraph.count <= Self.sixtyMegabytes { data.append(paragraph) }
        let file = try folder.write("tags.html", data)
        let run = try Child.run(["parse", file, "--as-of", Self.asOf, "--max-file-size", "100000000"])
        #expect(run.status == 65)
        #expect(run.standardError == "readiness: \(file): too complex to be a résumé: more than 100000 elements, attributes and entity references (raise it with --max-nodes)\n")
        // 7.5 million elements would take libxml2 gigabytes; it stops at the node limit.
        #expect(run.peakMegabytes < 400 * Sanitizer.memoryScale, "peak \(run.peakMegabytes) MB")
    }

    @Test func maxTextLimitsTheTextRead() throws {
        let folder = try Folder()
        let file = try folder.write("resume.html", Self.goodHTML)
        let run = try Child.run(["parse", file, "--as-of", Self.asOf, "--max-text", "20"])
        #expect(run.status == 0, "\(run.standardError)")
        let record = try run.jsonRecord()
        // "Jo Smith" comes first and fits; the rest of the résumé is past 20 bytes.
        #expect(record["name"] as? String == "Jo Smith")
        #expect((record["positions"] as? [Any])?.isEmpty == true)
        #expect((record["warnings"] as? [String] ?? []).contains("markup: text past 20 bytes was ignored (raise it with --max-text)"))
    }

    // MARK: - Broken bytes

    @Test func nulBytesNearTheStartMarkABinaryFile() throws {
        let folder = try Folder()
        let file = try folder.write("nul.html", Data(Self.goodHTML.replacingOccurrences(of: "Jo Smith", with: "Jo\u{0}Smith").utf8))
        let run = try Child.run(["parse", file, "--as-of", Self.asOf])
        #expect(run.status == 65)
        #expect(run.standardError == "readiness: \(file): it holds NUL bytes: a binary file, not an HTML or XML résumé\n")
    }

    @Test func aNulByteFarIntoTheFileEndsNothingBeforeIt() throws {
        let folder = try Folder()
        // Past the 8 KB the sniffer looks at: libxml2 reports the NUL and reads on.
        let padding = "<!--" + String(repeating: "x", count: 9_000) + "-->"
        let html = Self.goodHTML.replacingOccurrences(of: "<h2>Experience</h2>", with: padding + "<h2>Experience</h2>")
            .replacingOccurrences(of: "Acme Health", with: "Acme\u{0}Health")
        let run = try Child.run(["parse", try folder.write("late-nul.html", Data(html.utf8)), "--as-of", Self.asOf])
        #expect(run.status == 0, "\(run.standardError)")
        let record = try run.jsonRecord()
        #expect(record["name"] as? String == "Jo Smith")
        // The NUL sits on line 5: "<p>Acme…" is the fifth line of the résumé.
        #expect((record["warnings"] as? [String] ?? []).contains("markup: line 5: Char 0x0 out of allowed range"))
    }

    @Test func invalidUTF8InUndeclaredHTMLIsReadAsWindows1252() throws {
        let folder = try Folder()
        var data = Data(Self.asciiHTML.utf8)
        let range = try #require(data.range(of: Data("Acme Health".utf8)))
        data.replaceSubrange(range, with: Data("Acme ".utf8) + Data([0xFF, 0xFE, 0xC3, 0x28]) + Data(" Health".utf8))
        let run = try Child.run(["parse", try folder.write("bad-utf8.html", data), "--as-of", Self.asOf])
        #expect(run.status == 0, "\(run.standardError)")
        let record = try run.jsonRecord()
        #expect(record["name"] as? String == "Jo Smith")
        let positions = try #require(record["positions"] as? [[String: Any]])
        #expect(positions.first?["title"] as? String == "HR Generalist")
    }

    @Test func invalidUTF8InXMLDeclaringUTF8KeepsWhatCameBefore() throws {
        let folder = try Folder()
        var data = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><resume><name>Jo Smith</name><summary>Acme ".utf8)
        data.append(contentsOf: [0xFF, 0xFE, 0xC3, 0x28])
        data.append(Data(" Health</summary></resume>".utf8))
        let run = try Child.run(["parse", try folder.write("bad-utf8.xml", data), "--as-of", Self.asOf])
        #expect(run.status == 0, "\(run.standardError)")
        let record = try run.jsonRecord()
        #expect(record["name"] as? String == "Jo Smith")
        #expect((record["warnings"] as? [String] ?? []).contains("markup: line 1: Input is not proper UTF-8, indicate encoding !\nBytes: 0xFF 0xFE 0xC3 0x28"))
    }

    @Test func truncatedHTMLKeepsWhatCameBefore() throws {
        let folder = try Folder()
        // Cut inside the closing tag after the dates.
        let cut = Self.goodHTML[..<Self.goodHTML.range(of: "Present")!.upperBound] + "</"
        let run = try Child.run(["parse", try folder.write("truncated.html", String(cut)), "--as-of", Self.asOf])
        #expect(run.status == 0, "\(run.standardError)")
        let record = try run.jsonRecord()
        #expect(record["name"] as? String == "Jo Smith")
        let positions = try #require(record["positions"] as? [[String: Any]])
        #expect(positions.first?["title"] as? String == "HR Generalist")
    }

    @Test func truncatedXMLKeepsWhatCameBefore() throws {
        let folder = try Folder()
        let file = try folder.write("truncated.xml", "<?xml version=\"1.0\"?><resume><name>Jo Smith</name><summary>Benefits adminis")
        let run = try Child.run(["parse", file, "--as-of", Self.asOf])
        #expect(run.status == 0, "\(run.standardError)")
        let record = try run.jsonRecord()
        #expect(record["name"] as? String == "Jo Smith")
        #expect((record["warnings"] as? [String] ?? []).contains("markup: line 1: Premature end of data in tag summary line 1"))
    }

    /// Deterministic noise (a linear congruential generator), so a failure can be reproduced; `highOnly`
    /// keeps bytes 0x80–0xFF, which hold no NUL, no `<` and no whitespace.
    static func noise(count: Int, seed: UInt64, highOnly: Bool = false) -> Data {
        var state = seed
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        while bytes.count < count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let byte = UInt8(truncatingIfNeeded: state >> 56)
            bytes.append(highOnly ? byte | 0x80 : byte)
        }
        return Data(bytes)
    }

    @Test func binaryGarbageIsNotMarkup() throws {
        let folder = try Folder()
        let withZeros = try folder.write("garbage.html", Self.noise(count: 65_536, seed: 8))
        var run = try Child.run(["parse", withZeros, "--as-of", Self.asOf])
        #expect(run.status == 65)
        #expect(run.standardError == "readiness: \(withZeros): it holds NUL bytes: a binary file, not an HTML or XML résumé\n")

        // 0xFF 0xFE would be read as a UTF-16 byte-order mark; the generator's first bytes are not that.
        let high = Self.noise(count: 65_536, seed: 9, highOnly: true)
        try #require(!high.starts(with: [0xFF, 0xFE]) && !high.starts(with: [0xFE, 0xFF]))
        let withoutZeros = try folder.write("garbage.xml", high)
        run = try Child.run(["parse", withoutZeros, "--as-of", Self.asOf])
        #expect(run.status == 65)
        #expect(run.standardError == "readiness: \(withoutZeros): no markup found: the file does not start like HTML or XML\n")
    }

    // MARK: - Not regular files

    @Test func aDirectoryIsNotAFile() throws {
        let folder = try Folder()
        let directory = folder.path("folder.html")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        let run = try Child.run(["parse", directory, "--as-of", Self.asOf])
        #expect(run.status == 65)
        #expect(run.standardError == "readiness: \(directory): it is a directory, not a file\n")
    }

    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let folder = try Folder()
        let fifo = folder.path("pipe.html")
        #expect(mkfifo(fifo, 0o644) == 0)
        // Nobody ever writes to it: opening it for reading would block forever.
        let run = try Child.run(["parse", fifo, "--as-of", Self.asOf], timeout: 20)
        #expect(!run.timedOut, "readiness blocked on a FIFO")
        #expect(run.status == 65)
        #expect(run.standardError == "readiness: \(fifo): it is a pipe (FIFO), not a regular file\n")
    }

    /// Root reads a mode-000 file anyway; as root the test drops to `nobody` with setpriv(1).
    /// Also false when `nobody` cannot reach the binary (a checkout under a private home folder).
    static let unreadableFileCanBeTested: Bool = {
        if geteuid() != 0 { return true }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return false }
        return (try? Child.run(["--help"], timeout: 30, asNobody: true))?.status == 0
    }()

    @Test(.enabled(if: unreadableFileCanBeTested, "running as root, and setpriv cannot run the binary as nobody: root reads a mode-000 file, so the test would prove nothing"))
    func anUnreadableFileIsNamedWithItsReason() throws {
        let folder = try Folder(openToEveryone: true)
        let file = try folder.write("locked.html", Self.goodHTML)
        #expect(chmod(file, 0) == 0)
        let run = try Child.run(["parse", file, "--as-of", Self.asOf], asNobody: geteuid() == 0)
        #expect(run.status == 65, "\(run.standardError)")
        #expect(run.standardError == "readiness: \(file): permission denied\n")
    }

    // MARK: - Batch

    /// Every hostile file above in one folder, with two good résumés: each file gets exactly its row, the
    /// batch goes on past all of them and exits 1.
    @Test func aBatchOfHostileFilesGivesEveryFileItsRow() throws {
        let folder = try Folder(openToEveryone: true)
        let listener = try LocalListener()
        var expectedErrors: [String: String] = [:]
        var expectedOK: Set<String> = []
        func add(_ name: String, _ content: Data, error: String? = nil) throws {
            _ = try folder.write("in/\(name)", content)
            if let error { expectedErrors["in/\(name)"] = error } else { expectedOK.insert("in/\(name)") }
        }
        let utf8 = { (text: String) in Data(text.utf8) }
        try add("good.html", utf8(Self.goodHTML))
        try add("good.xml", utf8(Self.xmlResume()))
        try add("xxe.xml", utf8(Self.xmlResume(doctype: "<!DOCTYPE resume [<!ENTITY host SYSTEM \"file:///etc/hostname\">]>", body: "<summary>&host;</summary>")))
        try add("remote.xml", utf8(Self.xmlResume(doctype: "<!DOCTYPE resume SYSTEM \"http://127.0.0.1:\(listener.port)/dtd\">")))
        try add("laughs.xml", utf8(Self.billionLaughs()))
        try add("quadratic.xml", utf8(Self.quadraticBlowUp(references: 1_000_000)),
                error: "too complex to be a résumé: more than 100000 elements, attributes and entity references (raise it with --max-nodes)")
        try add("deep.html", utf8("<html><body><h1>Jo Smith</h1>" + String(repeating: "<div>", count: Self.depth) + "</body></html>"))
        try add("deep.xml", utf8(Self.xmlResume(body: String(repeating: "<a>", count: Self.depth))))
        try add("big.html", Self.hugeText(size: 11_000_000), error: "the file is 11000000 bytes, over the 10485760-byte limit (raise it with --max-file-size)")
        try add("nul.html", utf8(Self.goodHTML.replacingOccurrences(of: "Jo Smith", with: "Jo\u{0}Smith")),
                error: "it holds NUL bytes: a binary file, not an HTML or XML résumé")
        try add("truncated.xml", utf8("<?xml version=\"1.0\"?><resume><name>Jo Smith</name><summary>Benefits adminis"))
        try add("garbage.htm", Self.noise(count: 4096, seed: 8), error: "it holds NUL bytes: a binary file, not an HTML or XML résumé")
        try add("empty.xml", Data(), error: "the file is empty")
        let fifo = folder.path("in/pipe.html")
        #expect(mkfifo(fifo, 0o644) == 0)
        expectedErrors["in/pipe.html"] = "it is a pipe (FIFO), not a regular file"
        let asNobody = geteuid() == 0 && Self.unreadableFileCanBeTested
        try add("locked.html", utf8(Self.goodHTML), error: geteuid() != 0 || asNobody ? "permission denied" : nil)
        #expect(chmod(folder.path("in/locked.html"), 0) == 0)

        let run = try Child.run(
            ["batch", "in", "--role", "hr-assistant-manager", "--as-of", Self.asOf, "--csv", "out.csv", "--jobs", "2", "--quiet"],
            in: folder.root, timeout: 120, asNobody: asNobody)
        #expect(!run.timedOut)
        #expect(run.status == 1, "\(run.standardError)")
        let rows = try BatchCommandTests.readCSV(URL(fileURLWithPath: folder.path("out.csv")))
        #expect(rows.map { $0["file"] ?? "" }.sorted() == (Array(expectedErrors.keys) + expectedOK).sorted())
        for row in rows {
            let file = row["file"] ?? ""
            if let error = expectedErrors[file] {
                #expect(row["status"] == "error" && row["error"] == error, "\(file): \(row["status"] ?? "") \(row["error"] ?? "")")
                #expect(run.standardError.contains("readiness: \(file): \(error)\n"))
            } else {
                #expect(row["status"] == "ok", "\(file): \(row["error"] ?? "")")
            }
        }
        #expect(listener.acceptedConnections() == 0)
    }

    @Test func aFileOverItsTimeBudgetBecomesAnErrorRowAndTheBatchGoesOn() throws {
        let folder = try Folder()
        _ = try folder.write("in/good.html", Self.goodHTML)
        // A million paragraphs, allowed in by a raised node limit: seconds of work at the least, even in an
        // optimised build, against a budget of 2 s.
        var slow = Data("<html><body><h1>Jo Smith</h1>".utf8)
        let paragraph = Data("<p>x</p>".utf8)
        slow.reserveCapacity(8_100_000)
        for _ in 0..<1_000_000 { slow.append(paragraph) }
        _ = try folder.write("in/slow.html", slow)
        let run = try Child.run(
            ["batch", "in", "--role", "hr-assistant-manager", "--as-of", Self.asOf, "--csv", "out.csv", "--quiet",
             "--max-nodes", "2000000", "--file-timeout", "2"],
            in: folder.root, timeout: 120)
        #expect(!run.timedOut)
        #expect(run.status == 1, "\(run.standardError)")
        let rows = try BatchCommandTests.readCSV(URL(fileURLWithPath: folder.path("out.csv")))
        #expect(rows.count == 2)
        #expect(rows.contains { $0["file"] == "in/good.html" && $0["status"] == "ok" })
        #expect(rows.contains { $0["file"] == "in/slow.html" && $0["status"] == "error" && $0["error"] == "took longer than 2 s (the per-file time budget, --file-timeout)" })
        #expect(run.standardError.contains("readiness: in/slow.html: took longer than 2 s (the per-file time budget, --file-timeout)\n"))
        // The batch waited out the budget, not the file.
        #expect(run.seconds < 30 * Sanitizer.timeScale, "took \(run.seconds) s")
    }
}

// MARK: - Helpers

/// Sanitizer builds run slower and hold more memory; the limits above are for a plain build.
enum Sanitizer {
    static let active: Bool = {
        let handle = dlopen(nil, RTLD_NOW)
        defer { if let handle { dlclose(handle) } }
        let entryPoints: [String] = ["__asan_init", "__tsan_init"]
        return entryPoints.contains { name in dlsym(handle, name) != nil }
    }()
    static var timeScale: Double { active ? 10 : 1 }
    static var memoryScale: Double { active ? 4 : 1 }
}

/// A temporary folder, removed when the value goes away.
final class Folder {
    let root: URL

    /// - Parameter openToEveryone: for tests that run the child as `nobody`, which writes its output here.
    init(openToEveryone: Bool = false) throws {
        root = try CommandRunner.temporaryFolder()
        if openToEveryone { chmod(root.path, 0o777) }
    }

    deinit {
        // chmod 000 files cannot stop root from removing them; restore modes anyway for other users.
        if let enumerator = FileManager.default.enumerator(atPath: root.path) {
            for case let name as String in enumerator { chmod(root.appendingPathComponent(name).path, 0o755) }
        }
        try? FileManager.default.removeItem(at: root)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String { try write(relative, Data(text.utf8)) }

    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> String {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }
}

/// One run of the `readiness` binary with a time limit, measured.
///
/// The measuring is done by a small Python parent that forks the child and reads its wait4(2) usage,
/// like GNU time: a child spawned straight from this test process would report this process's memory as
/// its own peak (Linux keeps the high-water mark of the address space a vfork child starts in across
/// exec), and this process holds the 60 MB test files.
struct Child {
    var status: Int32
    var timedOut: Bool
    var standardOutput: String
    var standardError: String
    /// From fork to exit of the child itself.
    var seconds: Double
    /// The child's own peak resident set (wait4's ru_maxrss).
    var peakMegabytes: Double

    func jsonRecord() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(standardOutput.utf8))
        return try #require(object as? [String: Any], "not one JSON record: \(standardOutput.prefix(200))")
    }

    /// Forks argv[2:], waits, and writes "exit-status seconds max-rss-kilobytes" to argv[1].
    static let measuringParent = """
        import os, sys, time
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            try:
                os.execv(sys.argv[2], sys.argv[2:])
            finally:
                os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.monotonic() - start
        code = os.waitstatus_to_exitcode(status)
        with open(sys.argv[1], "w") as report:
            report.write(f"{code if code >= 0 else 128 - code} {elapsed} {usage.ru_maxrss}")
        """

    /// - Parameters:
    ///   - timeout: seconds before the child is killed and the run counts as hung.
    ///   - asNobody: run as uid/gid 65534 through setpriv(1), for a root test that needs permissions to bite.
    static func run(_ arguments: [String], in directory: URL? = nil, timeout: Double = 60, asNobody: Bool = false) throws -> Child {
        let scratch = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path
        let reportPath = scratch.appendingPathComponent("report").path

        var command = [CommandRunner.executable.path] + arguments
        // env(1) changes the folder for the child alone (posix_spawn's addchdir is not in Swift's Glibc).
        if let directory { command = ["/usr/bin/env", "-C", directory.path] + command }
        if asNobody {
            command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] + command
        }
        command = ["/usr/bin/env", "python3", "-c", measuringParent, reportPath] + command

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        // A process group of its own, so a hung child can be killed with its measuring parent.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }

        var status: Int32 = 0
        var timedOut = false
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECHILD) }
            if clock.now - start > .milliseconds(Int64(timeout * 1000)) {
                timedOut = true
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                break
            }
            usleep(5_000)
        }
        let report = read(reportPath).split(separator: " ")
        guard timedOut || report.count == 3 else {
            throw POSIXError(.ECHILD, userInfo: [NSLocalizedDescriptionKey: "the measuring parent failed: \(read(errPath))"])
        }
        return Child(
            status: timedOut ? -1 : Int32(report[0]) ?? -1, timedOut: timedOut,
            standardOutput: read(outPath), standardError: read(errPath),
            seconds: timedOut ? timeout : Double(report[1]) ?? 0,
            peakMegabytes: timedOut ? 0 : (Double(report[2]) ?? 0) / 1024)
    }
}

/// A file's bytes as text, read with read(2): FileManager.contents(atPath:) leaks a 4 KB buffer for every
/// empty file (FoundationEssentials, Swift 6.3), which AddressSanitizer's leak check reports.
private func read(_ path: String) -> String {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return "" }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            bytes += buffer[0..<count]
        } else if count == 0 || errno != EINTR {
            break
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// A TCP listener on 127.0.0.1 that never accepts while the child runs: a connection attempt completes in
/// the kernel's backlog, where `acceptedConnections()` finds it afterwards.
final class LocalListener {
    let socketDescriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        socketDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(socketDescriptor) }

    /// Connections waiting in the backlog (each is accepted and closed).
    func acceptedConnections() -> Int {
        var count = 0
        while true {
            let connection = accept(socketDescriptor, nil, nil)
            guard connection >= 0 else { return count }
            close(connection)
            count += 1
        }
    }
}
