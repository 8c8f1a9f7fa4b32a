import Foundation
import Testing
import TestSupport

@testable import Batch

/// Which files a folder contributes to a batch, now read with `readdir` (`FolderEntry`) instead of
/// Foundation's listing: the same files, in the same order, with the same count of skipped names.
@Suite struct BatchInputsTests {
    /// A folder with every kind of entry the listing has to tell apart:
    ///
    ///     b.html  a.html  Z.html  e.html  é.html (NFC)  notes.txt  .hidden.html
    ///     sub/d.htm  sub/deeper/f.XML  sub/readme.md
    ///     alias.html  -> a.html        (link to a file: scored under its own name)
    ///     gone.html   -> missing.html  (dangling: kept, so the batch reports it as an error row)
    ///     gone.txt    -> missing.txt   (dangling, not a résumé name: skipped)
    ///     linked      -> sub           (link to a folder: entered only with --recursive)
    static func makeTree() throws -> URL {
        let root = try CommandRunner.temporaryFolder().appendingPathComponent("in")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("sub/deeper"), withIntermediateDirectories: true)
        for name in ["b.html", "a.html", "Z.html", "e.html", "\u{E9}.html", "notes.txt", ".hidden.html", "sub/d.htm", "sub/deeper/f.XML", "sub/readme.md"] {
            try Data("<html></html>".utf8).write(to: root.appendingPathComponent(name))
        }
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("alias.html").path, withDestinationPath: "a.html")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("gone.html").path, withDestinationPath: "missing.html")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("gone.txt").path, withDestinationPath: "missing.txt")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("linked").path, withDestinationPath: "sub")
        return root
    }

    /// The listing as it was before `FolderEntry`, kept to check the new one against.
    static func foundationListing(_ folder: String, recursive: Bool) -> ([String], Int) {
        var files: [String] = []
        var skipped = 0
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return ([], 0) }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = base + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                if BatchInputs.isResumeFile(path) { files.append(path) } else { skipped += 1 }
                continue
            }
            if isDirectory.boolValue {
                if recursive {
                    let (found, skippedHere) = foundationListing(path, recursive: true)
                    files += found
                    skipped += skippedHere
                }
            } else if BatchInputs.isResumeFile(path) {
                files.append(path)
            } else {
                skipped += 1
            }
        }
        return (files, skipped)
    }

    @Test func aFolderGivesItsResumeFilesInNameOrder() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let inputs = try BatchInputs.gather(paths: [root.path], recursive: false)
        // Upper case sorts before lower case, and the accented e after the plain one.
        let expected = ["Z.html", "a.html", "alias.html", "b.html", "e.html", "gone.html", "\u{E9}.html"]
        #expect(inputs.files == expected.map { root.path + "/" + $0 })
        // notes.txt and gone.txt; the hidden file is neither scored nor counted; folders are not files.
        #expect(inputs.skipped == 2)
    }

    @Test func recursiveEntersFoldersAndLinkedFolders() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let inputs = try BatchInputs.gather(paths: [root.path + "/"], recursive: true)
        let expected = [
            "Z.html", "a.html", "alias.html", "b.html", "e.html", "gone.html",
            "linked/d.htm", "linked/deeper/f.XML", "sub/d.htm", "sub/deeper/f.XML", "\u{E9}.html",
        ]
        #expect(inputs.files == expected.map { root.path + "/" + $0 })
        // notes.txt, gone.txt, and readme.md under sub/ and again under linked/.
        #expect(inputs.skipped == 4)
    }

    @Test(arguments: [false, true]) func sameFilesAsFoundationsListing(recursive: Bool) throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let (files, skipped) = try BatchInputs.filesInFolder(root.path, recursive: recursive)
        let (expectedFiles, expectedSkipped) = Self.foundationListing(root.path, recursive: recursive)
        #expect(files == expectedFiles)
        #expect(skipped == expectedSkipped)
    }

    @Test func aFolderThatCannotBeReadGivesNothing() throws {
        let inputs = try BatchInputs.gather(paths: ["/nonexistent-\(UUID().uuidString)/"], recursive: false)
        // A missing path is not a folder, so it is named as a file and becomes an error row.
        #expect(inputs.files.count == 1)
        #expect(try BatchInputs.filesInFolder("/nonexistent-\(UUID().uuidString)", recursive: false) == ([], 0))
    }

    @Test func aFileNamedTwiceIsScoredOnce() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let inputs = try BatchInputs.gather(paths: [root.path, root.path + "/a.html"], listed: [root.path + "/b.html"], recursive: false)
        #expect(inputs.files.filter { $0.hasSuffix("/a.html") }.count == 1)
        #expect(inputs.files.filter { $0.hasSuffix("/b.html") }.count == 1)
        #expect(inputs.files.count == 7)
    }

    /// Names that order differently as bytes and as `String`s, and names equal as `String`s (precomposed
    /// and decomposed): the folder's files come out as the old listing gave them, its paths sorted by
    /// `String` order (`PathList.precedes` agreed with it) with a stable sort of the order the folder
    /// lists them in. Enough of them that the folder's sort spills runs and merges them.
    @Test func folderOrderIsTheOldOrderForAnyNames() throws {
        let root = try CommandRunner.temporaryFolder().appendingPathComponent("names")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let stems = ["a", "B", "z", "résumé", "re\u{301}sume\u{301}", "履歴書", "👩🏽‍💼", "\u{E9}", "e\u{301}", "\u{A0}x", "Ω", "o\u{308}", "\u{F6}", "Z"]
        var names: [String] = []
        for number in 0..<160 {
            let stem = stems[number % stems.count]
            names.append("\(stem)-\(number % 40).html")
            names.append("\(number)\(stem).xml")
        }
        var created: Set<[UInt8]> = []
        for name in names where created.insert(Array(name.utf8)).inserted {
            FileManager.default.createFile(atPath: root.path + "/" + name, contents: Data("<html></html>".utf8))
        }
        // readdir's order, then a stable sort by String order of the paths.
        var listed: [String] = []
        let directory = try #require(opendir(root.path))
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            if !name.hasPrefix(".") { listed.append(root.path + "/" + name) }
        }
        closedir(directory)
        let expected = listed.enumerated().sorted { lhs, rhs in
            lhs.element < rhs.element || (!(rhs.element < lhs.element) && lhs.offset < rhs.offset)
        }.map(\.element)
        let (files, skipped) = try BatchInputs.filesInFolder(root.path, recursive: false)
        #expect(skipped == 0)
        #expect(files.map { Array($0.utf8) } == expected.map { Array($0.utf8) })
    }

    /// A path named again (byte for byte, or canonically equal) is kept the first time only, the
    /// order otherwise unchanged: as the old `Set<String>` filter did.
    @Test func repeatsAreLeftOutAfterTheirFirstTime() throws {
        var random = SplitMix64(seed: 5)
        let pool = ["a.html", "b.html", "é.html", "e\u{301}.html", "👩🏽‍💼.xml", "dir/a.html", "A.html", "履歴書.htm"]
        let paths: [String] = (0..<3000).map { _ in "/in/\(random.next() % 400)/" + random.pick(pool) }
        let list = InputList()
        for path in paths { list.append(path) }
        list.finishWriting()
        let kept = try BatchInputs.withoutRepeats(list)
        kept.finishWriting()
        var seen: Set<String> = []
        let expected = paths.filter { seen.insert($0).inserted }
        #expect(BatchInputs(list: kept, skipped: 0).files.map { Array($0.utf8) } == expected.map { Array($0.utf8) })
    }
}
