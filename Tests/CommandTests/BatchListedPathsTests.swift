import Foundation
import Testing
import TestSupport

@testable import Batch

/// `--files-from` read a line at a time (`ListedPaths`) against the old reading, kept here as the
/// reference: the whole list decoded at once, split at every `isNewline` character, trimmed, empty
/// pieces left out. Lists are random mixes of path text and every kind of line break, blanks,
/// accented (precomposed and decomposed) and CJK text, emoji, NBSP, combining marks after a break,
/// and invalid UTF-8 (a lone continuation byte, a sequence cut short by a line feed); read through
/// buffers of 1, 3, 7 and 64 KB bytes, so breaks and characters fall across reads.
@Suite struct BatchListedPathsTests {
    static func oldListedPaths(_ data: [UInt8]) -> [String] {
        String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static let pieces: [[UInt8]] = [
        "/tmp/in/a.html", "résumé.htm", "re\u{301}sume\u{301}.xml", "履歴書.html", "👩🏽‍💼", "\u{A0}", " ", "\t",
        "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\n\u{301}", "x", "",
    ].map { Array($0.utf8) } + [[0xFF], [0xE2, 0x80], [0xC3], [0x80, 0x80]]

    /// Reads `data` through a pipe-like file with `ListedPaths`.
    static func listedPaths(_ data: [UInt8], bufferSize: Int) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("listed-\(UUID().uuidString)")
        try Data(data).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        try #require(descriptor >= 0)
        let paths = ListedPaths(descriptor: descriptor, closesDescriptor: true, bufferSize: bufferSize)
        let read = Array(paths)
        #expect(paths.failure == nil)
        return read
    }

    @Test(arguments: [1, 3, 7, 1 << 16])
    func sameAsReadingTheWholeList(bufferSize: Int) throws {
        var random = SplitMix64(seed: UInt64(bufferSize))
        for _ in 0..<60 {
            var data: [UInt8] = []
            for _ in 0..<Int(random.next() % 40) { data += random.pick(Self.pieces) }
            let read = try Self.listedPaths(data, bufferSize: bufferSize)
            #expect(read.map { Array($0.utf8) } == Self.oldListedPaths(data).map { Array($0.utf8) }, "\(data)")
        }
    }

    @Test func emptyListsAndNoList() throws {
        #expect(try Self.listedPaths([], bufferSize: 7) == [])
        #expect(try Self.listedPaths(Array("\n\n \r\n\t\n".utf8), bufferSize: 7) == [])
        #expect(Array(ListedPaths(descriptor: -1)) == [])
        // A last line without its line feed is read.
        #expect(try Self.listedPaths(Array("a.html\nb.html".utf8), bufferSize: 3) == ["a.html", "b.html"])
    }
}
