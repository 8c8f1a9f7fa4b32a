import Foundation
import Markup
import Testing
@testable import Extraction

/// `ResumeReader.readFile` reads into a buffer of the size `stat` gave plus one byte, and reads on when a
/// file turns out longer. Files whose size `stat` does not know (Linux's /proc files report 0) take that
/// second path every time.
@Suite struct ReadFileTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("readfile-\(UUID().uuidString).html").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    @Test(arguments: [0, 1, 4_095, 4_096, 65_536, 200_000])
    func aFileComesBackByteForByte(size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ResumeReader().readFile(at: path) == Data(bytes))
    }

    @Test func aFileAtTheLimitIsReadAndOneByteMoreIsRefused() throws {
        let path = try temporaryFile(Array(repeating: 0x61, count: 100))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ResumeReader(maximumFileBytes: 100).readFile(at: path).count == 100)
        #expect(throws: ResumeReadError.notReadable(MarkupError.tooLarge(bytes: 100, limit: 99).description)) {
            try ResumeReader(maximumFileBytes: 99).readFile(at: path)
        }
    }

    /// /proc/self/status is a regular file that `stat` calls empty, read the way a file that grew after
    /// `stat` is read.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
    func aFileLongerThanStatSaidIsReadWholeOrRefusedPastTheLimit() throws {
        let text = try #require(String(data: try ResumeReader().readFile(at: "/proc/self/status"), encoding: .utf8))
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("\nPid:"))
        #expect(text.hasSuffix("\n"))
        #expect(throws: ResumeReadError.self) { try ResumeReader(maximumFileBytes: 10).readFile(at: "/proc/self/status") }
    }

    @Test func aMissingFileAndAFolderAreNamed() throws {
        #expect(throws: ResumeReadError.missingFile) { try ResumeReader().readFile(at: "/nonexistent/readiness-\(UUID().uuidString).html") }
        #expect(throws: ResumeReadError.notReadable("it is a directory, not a file")) {
            try ResumeReader().readFile(at: FileManager.default.temporaryDirectory.path)
        }
    }
}
