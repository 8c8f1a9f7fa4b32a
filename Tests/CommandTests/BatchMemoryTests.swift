import Foundation
import Testing

@testable import Batch
@testable import Reporting

/// The compact per-file state of a batch (`PathList`, `FileOutcome`, the ranked order of indices) gives
/// the same answers as the arrays of strings and optionals it replaced; the old code is kept here as
/// the reference. Inputs are every combination of a set of pieces chosen to be awkward: accented
/// (precomposed and decomposed), CJK, emoji, NBSP, CR/LF, a prepending mark, dots, slashes, case.
@Suite struct BatchMemoryTests {
    static let pieces = [
        "", "a", "Z", "résumé", "re\u{301}sume\u{301}", "履歴書", "👩🏽‍💼", "\u{A0}", "\r\n", "\u{600}", ".", "/", "..",
        "html", "HTML", ".html", ".htm", ".XHTML", ".xml", ".Xml", ".txt", ".h\u{301}tml", "resume-000001", "resume-00001",
    ]

    /// Every one-, two- and three-piece string.
    static var strings: [String] {
        var result: [String] = []
        for first in pieces {
            result.append(first)
            for second in pieces {
                result.append(first + second)
                for third in pieces { result.append(first + second + third) }
            }
        }
        return result
    }

    @Test func pathsComeBackAsTheyWentIn() {
        let strings = Self.strings
        let paths = PathList(strings)
        #expect(paths.count == strings.count)
        for (index, string) in strings.enumerated() {
            #expect(Array(paths[index].utf8) == Array(string.utf8))
        }
        #expect(Array(paths) == strings)
        #expect(paths == PathList(strings))
        #expect(PathList([]) == PathList())
    }

    @Test func pathsFromAPrefixAndANameAreTheJoinedString() {
        let prefix = Array("/tmp/in/".utf8)
        var paths = PathList()
        for name in ["a.html", "", "b", "c/d.html", "é/"] {
            var name = name
            name.withUTF8 { paths.append(prefix: prefix, utf8: $0) }
        }
        #expect(Array(paths) == ["/tmp/in/a.html", "/tmp/in/", "/tmp/in/b", "/tmp/in/c/d.html", "/tmp/in/é/"])
    }

    /// Paths of several folders, in runs and interleaved, folders that extend one another, no folder.
    @Test func pathsOfManyFoldersComeBackAndOrderAsStrings() {
        let folders = ["", "/", "/tmp/in/", "/tmp/in/sub/", "/tmp/inx/", "rel/", "/tmp/é/", "/tmp/e\u{301}/", "//"]
        let names = ["a.html", "b", "", "Z.xml", "é.htm", "e\u{301}.htm", "a.html.bak"]
        var strings: [String] = []
        for folder in folders { for name in names { strings.append(folder + name) } }
        for name in names { for folder in folders { strings.append(folder + name) } }
        let paths = PathList(strings)
        #expect(Array(paths) == strings)
        for (index, string) in strings.enumerated() { #expect(Array(paths[index].utf8) == Array(string.utf8)) }
        var disagreements: [(String, String)] = []
        for left in strings.indices {
            for right in strings.indices where paths.precedes(left, right) != (strings[left] < strings[right]) {
                disagreements.append((strings[left], strings[right]))
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        #expect(Array(paths.filter { $0.hasPrefix("/tmp/") }) == strings.filter { $0.hasPrefix("/tmp/") })
    }

    @Test func precedesOrdersAsStringsDo() {
        // ASCII only, then everything: the byte comparison and the String fallback.
        let ascii = Self.strings.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        for strings in [ascii, Self.strings] {
            let paths = PathList(strings)
            var disagreements: [(String, String)] = []
            for left in strings.indices {
                // Every 127th right-hand side, shifted with the left: over all left-hand sides, every kind
                // of pair comes up, and the test stays quick.
                for right in stride(from: left % 127, to: strings.count, by: 127)
                where paths.precedes(left, right) != (strings[left] < strings[right]) {
                    disagreements.append((strings[left], strings[right]))
                }
            }
            #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        }
    }

    @Test func filteringKeepsOrderAndPaths() {
        let strings = Self.strings
        let kept = PathList(strings).filter { $0.hasSuffix("l") }
        #expect(Array(kept) == strings.filter { $0.hasSuffix("l") })
    }

    @Test func resumeFileByBytesAgreesWithFoundation() {
        // Names without "/" (Foundation's `pathExtension` traps on some of the combinations with one,
        // such as a slash after a multi-scalar character), then paths with folders.
        var strings = Self.strings.filter { !$0.contains("/") }
        strings += ["/x/.html", "/x/a.html", "a/b.XML", "a..xml", "a.xml.bak", "a.", "dir.html/", "résumé.HTM", "\u{600}.html", "a.html\u{301}"]
        let paths = PathList(strings)
        for (index, string) in strings.enumerated() {
            #expect(BatchInputs.isResumeFile(index, of: paths) == BatchInputs.isResumeFile(string), "\(string.debugDescription)")
        }
    }

    @Test func outcomesKeepScoresAndFailures() {
        for score in [0, -0.0, 1, 99.5, -3, .infinity, -.infinity, .greatestFiniteMagnitude, .leastNonzeroMagnitude] {
            let outcome = FileOutcome(score: score, failed: false)
            #expect(outcome.wasScored && !outcome.failed)
            #expect(outcome.score?.bitPattern == score.bitPattern)
        }
        // NaN stays NaN, whatever its payload, and never reads as failed or not scored.
        for bits: UInt64 in [Double.nan.bitPattern, 0x7FF4_0000_0000_0001, 0x7FF4_0000_0000_0002, 0xFFF8_0000_0000_0000] {
            let outcome = FileOutcome(score: Double(bitPattern: bits), failed: false)
            #expect(outcome.wasScored && !outcome.failed && outcome.score?.isNaN == true)
        }
        let failed = FileOutcome(score: nil, failed: true)
        #expect(failed.wasScored && failed.failed && failed.score == nil)
        #expect(!FileOutcome.notScored.wasScored && !FileOutcome.notScored.failed && FileOutcome.notScored.score == nil)
    }

    /// The ranking as it was: optional outcomes, indices sorted with `BatchRow.ranksBefore` on strings.
    static func oldRankedIndices(files: [String], outcomes: [(score: Double?, failed: Bool)?]) -> [Int] {
        outcomes.indices.filter { outcomes[$0] != nil }.sorted { lhs, rhs in
            BatchRow.ranksBefore(score: outcomes[lhs]?.score, file: files[lhs], score: outcomes[rhs]?.score, file: files[rhs])
        }
    }

    @Test func rankingIsTheOldOrder() {
        let names = Self.strings
        // Scores with many ties, failures and files not scored, spread over the names by their position.
        let scores: [Double] = [50, 72.5, 50, 0, 100, .nan, 72.5]
        let outcomes: [(score: Double?, failed: Bool)?] = names.indices.map { index in
            switch index % 11 {
            case 3: nil
            case 5, 8: (nil, true)
            default: (scores[index % scores.count], false)
            }
        }
        // The names in an order of their own (reversed), and the same list in name order, as a folder gives it.
        for files in [Array(names.reversed()), names.sorted()] {
            let result = BatchRunner.Result(
                files: PathList(files),
                outcomes: outcomes.map { $0.map { FileOutcome(score: $0.score, failed: $0.failed) } ?? .notScored },
                errors: [:], rows: [:], spool: nil, csvSpool: nil, interrupted: false, abandonedWorkStillRunning: 0)
            #expect(result.rankedIndices().map(Int.init) == Self.oldRankedIndices(files: files, outcomes: outcomes))
            #expect(result.failedIndices == outcomes.indices.filter { outcomes[$0]?.failed == true })
            #expect(result.scoredCount == outcomes.count { $0 != nil })
        }
    }
}
