import Foundation
import Testing

/// `readiness batch` end to end: a folder of good, broken, empty, binary and hostile files.
@Suite(.serialized) struct BatchCommandTests {
    /// A résumé small enough to write inline, with a name and a file name chosen to attack a spreadsheet.
    static func resume(name: String) -> String {
        """
        <html><body>
        <h1>\(name)</h1>
        <h2>Experience</h2>
        <h3>HR Generalist</h3>
        <p>Acme Health — Columbus, OH · January 2020 – Present</p>
        <ul><li>Owned benefits administration and open enrollment in Workday.</li></ul>
        <h2>Education</h2>
        <p>B.S. Business Administration, Ohio State University, 2019</p>
        </body></html>
        """
    }

    static let hostileName = "=HYPERLINK(\"http://example.invalid\",\"click\"), \"Bobby\" Tables"
    static let hostileTitle = "@SUM(1+1) HR Generalist"

    /// HR-XML takes names and titles verbatim, which is how a formula reaches a cell.
    static func hostileResume() -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Resume xmlns="http://ns.hr-xml.org/2007-04-15"><StructuredXMLResume>
        <ContactInfo><PersonName><FormattedName>\(hostileName.replacingOccurrences(of: "&", with: "&amp;"))</FormattedName></PersonName></ContactInfo>
        <EmploymentHistory><EmployerOrg><EmployerOrgName>Acme Health</EmployerOrgName>
        <PositionHistory currentEmployer="true"><Title>\(hostileTitle)</Title>
        <StartDate><YearMonth>2020-01</YearMonth></StartDate>
        <Description>Owned benefits administration and open enrollment in Workday.</Description>
        </PositionHistory></EmployerOrg></EmploymentHistory>
        </StructuredXMLResume></Resume>
        """
    }
    static let hostileFileName = "comma, \"quote\"\nand newline.html"

    struct Folder {
        var root: URL
        /// Every résumé-named file, relative paths as the batch will print them.
        var resumeFiles: [String]
        var failing: Set<String>
    }

    static func makeFolder() throws -> Folder {
        let root = try CommandRunner.temporaryFolder()
        let manager = FileManager.default
        var resumeFiles: [String] = []
        func write(_ relative: String, _ data: Data) throws {
            let url = root.appendingPathComponent(relative)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        for example in try manager.contentsOfDirectory(atPath: CommandRunner.repositoryRoot.appendingPathComponent("Examples").path).sorted() {
            let data = try Data(contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("Examples/\(example)"))
            try write("resumes/\(example)", data)
            resumeFiles.append("resumes/\(example)")
        }
        try write("resumes/hostile.xml", Data(hostileResume().utf8))
        try write("resumes/\(hostileFileName)", Data(resume(name: "Plain Name").utf8))
        try write("resumes/empty.html", Data())
        try write("resumes/binary.XML", Data([0x00, 0xFF, 0x13, 0x37, 0x00, 0x42] + Array(repeating: 0x00, count: 64)))
        try write("resumes/not-a-resume.htm", Data("<html><body><p>Lunch menu: soup.</p></body></html>".utf8))
        try write("resumes/truncated.xml", Data("<?xml version=\"1.0\"?><Resume xmlns=\"http://ns.hr-xml.org/2007-04-15\"><StructuredXMLResume><ContactInfo><PersonName><FormattedName>Trunc".utf8))
        try write("resumes/notes.txt", Data("not a résumé file".utf8))
        try write("resumes/nested/deeper.html", Data(resume(name: "Nested Person").utf8))
        resumeFiles += ["resumes/hostile.xml", "resumes/\(hostileFileName)", "resumes/empty.html", "resumes/binary.XML", "resumes/not-a-resume.htm", "resumes/truncated.xml"]
        return Folder(root: root, resumeFiles: resumeFiles, failing: ["resumes/empty.html", "resumes/binary.XML", "resumes/not-a-resume.htm"])
    }

    /// Reads a CSV back with Python's csv module: an independent RFC 4180 reader.
    static func readCSV(_ url: URL) throws -> [[String: String]] {
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                print(json.dumps(list(csv.DictReader(f))))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONDecoder().decode([[String: String]].self, from: data)
    }

    func batch(_ folder: Folder, _ extra: [String]) throws -> CommandRunner.Output {
        try CommandRunner.run(["batch", "resumes", "--role", "hr-assistant-manager", "--as-of", "2026-11-01", "--quiet"] + extra, in: folder.root)
    }

    @Test func everyResumeFileGetsExactlyOneRowAndFailuresAreRows() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        let result = try batch(folder, ["--csv", "out.csv", "--jobs", "2"])
        #expect(result.status == 1, "a batch with failed files exits 1: \(result.standardError)")
        let rows = try Self.readCSV(folder.root.appendingPathComponent("out.csv"))
        #expect(rows.map { $0["file"]! }.sorted() == folder.resumeFiles.sorted())
        let errors = Set(rows.filter { $0["status"] == "error" }.map { $0["file"]! })
        #expect(folder.failing.isSubset(of: errors), "errors: \(errors)")
        for row in rows where row["status"] == "error" {
            #expect(!(row["error"] ?? "").isEmpty)
            #expect(row["rank"] == "")
        }
        #expect(!rows.contains { $0["file"]!.hasSuffix("notes.txt") })
        #expect(!rows.contains { $0["file"]!.contains("nested") }, "sub-folders need --recursive")
        #expect(result.standardError.contains("skipped 1"))
        // Each failed file is named on stderr with its reason.
        for failed in folder.failing { #expect(result.standardError.contains("readiness: \(failed): ")) }
    }

    @Test func scoredRowsAreRankedByScoreThenFile() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        _ = try batch(folder, ["--csv", "out.csv"])
        let scored = try Self.readCSV(folder.root.appendingPathComponent("out.csv")).filter { $0["status"] == "ok" }
        let scores = scored.map { Double($0["score"]!)! }
        #expect(scores == scores.sorted(by: >))
        #expect(scored.map { $0["rank"]! } == (1...scored.count).map(String.init))
    }

    @Test func jobsOneAndTwoWriteByteIdenticalFiles() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        _ = try batch(folder, ["--csv", "one.csv", "--jsonl", "one.jsonl", "--jobs", "1"])
        _ = try batch(folder, ["--csv", "two.csv", "--jsonl", "two.jsonl", "--jobs", "2"])
        let read = { (name: String) in try Data(contentsOf: folder.root.appendingPathComponent(name)) }
        #expect(try read("one.csv") == read("two.csv"))
        #expect(try read("one.jsonl") == read("two.jsonl"))
        let lines = String(decoding: try read("one.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == folder.resumeFiles.count)
        for line in lines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }
    }

    @Test func hostileNamesSurviveARoundTripAndStartNoFormula() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        _ = try batch(folder, ["--csv", "out.csv"])
        let rows = try Self.readCSV(folder.root.appendingPathComponent("out.csv"))
        let hostile = try #require(rows.first { $0["file"] == "resumes/hostile.xml" })
        #expect(hostile["candidate"] == "'" + Self.hostileName)
        #expect(hostile["current_title"] == "'" + Self.hostileTitle)
        #expect(rows.contains { $0["file"] == "resumes/\(Self.hostileFileName)" && $0["candidate"] == "Plain Name" })
        for row in rows {
            for (column, value) in row {
                if let first = value.unicodeScalars.first {
                    #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "\(column) starts a formula: \(value)")
                }
            }
        }
    }

    @Test func excelGetsAByteOrderMark() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        _ = try batch(folder, ["--csv", "excel.csv", "--excel"])
        let data = try Data(contentsOf: folder.root.appendingPathComponent("excel.csv"))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data.dropFirst(3).prefix(5), as: UTF8.self) == "rank,")
    }

    @Test func recursiveDescendsIntoSubfolders() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        _ = try batch(folder, ["--csv", "out.csv", "--recursive"])
        let rows = try Self.readCSV(folder.root.appendingPathComponent("out.csv"))
        #expect(rows.contains { $0["file"] == "resumes/nested/deeper.html" && $0["status"] == "ok" })
    }

    @Test func filesFromStandardInput() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        let list = "resumes/hostile.xml\nresumes/notes.txt\n\nresumes/empty.html\n"
        let result = try CommandRunner.run(
            ["batch", "--files-from", "-", "--role", "hr-generalist", "--as-of", "2026-11-01", "--csv", "out.csv", "--quiet"],
            input: list, in: folder.root)
        #expect(result.status == 1)
        let rows = try Self.readCSV(folder.root.appendingPathComponent("out.csv"))
        #expect(rows.map { $0["file"]! }.sorted() == ["resumes/empty.html", "resumes/hostile.xml"])
        #expect(result.standardError.contains("skipped 1"))
    }

    @Test func shardsAreDisjointAndCoverTheInput() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        var seen: [String] = []
        for shard in 1...3 {
            _ = try batch(folder, ["--csv", "part-\(shard).csv", "--shard", "\(shard)/3"])
            seen += try Self.readCSV(folder.root.appendingPathComponent("part-\(shard).csv")).map { $0["file"]! }
        }
        #expect(seen.sorted() == folder.resumeFiles.sorted())
        #expect(Set(seen).count == seen.count)
    }

    @Test func topAndMinScoreKeepFailedFiles() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        _ = try batch(folder, ["--csv", "top.csv", "--top", "2"])
        let rows = try Self.readCSV(folder.root.appendingPathComponent("top.csv"))
        #expect(rows.filter { $0["status"] == "ok" }.count == 2)
        #expect(folder.failing.isSubset(of: Set(rows.filter { $0["status"] == "error" }.map { $0["file"]! })))
        _ = try batch(folder, ["--csv", "min.csv", "--min-score", "101"])
        let none = try Self.readCSV(folder.root.appendingPathComponent("min.csv"))
        #expect(none.allSatisfy { $0["status"] == "error" })
    }

    @Test func anUnwritableOutputFailsWithOneLineAndLeavesNoFile() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        let result = try batch(folder, ["--csv", "missing-folder/out.csv"])
        #expect(result.status != 0 && result.status != 1)
        #expect(result.standardError.contains("missing-folder/out.csv"))
        #expect(!FileManager.default.fileExists(atPath: folder.root.appendingPathComponent("missing-folder").path))
    }

    @Test func anUnknownRoleIsAUsageError() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        let result = try CommandRunner.run(["batch", "resumes", "--role", "astronaut"], in: folder.root)
        #expect(result.status == 64)
        #expect(result.standardError.contains("astronaut"))
    }
}
