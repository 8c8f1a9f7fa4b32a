import Foundation
import Testing
import TestSupport

@testable import Batch
@testable import Reporting

/// The per-file state of a batch, now on disk (`InputList`, `FileOutcome`, the ranking's records and
/// the order of paths) gives the same answers as the arrays of strings and optionals it replaced; the
/// old code is kept here as the reference. Inputs are every combination of a set of pieces chosen to be awkward: accented
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
        let list = InputList()
        for string in strings { list.append(string) }
        // One longer than the list's buffer: read back whole.
        let long = String(repeating: "résumé/", count: 5000)
        list.append(long)
        list.append("after")
        list.finishWriting()
        #expect(list.count == strings.count + 2)
        let reader = list.reader()
        var index = 0
        while let (position, path) = reader.next() {
            #expect(position == index)
            let expected = index < strings.count ? strings[index] : index == strings.count ? long : "after"
            #expect(Array(path.utf8) == Array(expected.utf8))
            index += 1
        }
        #expect(index == strings.count + 2)
        #expect(InputList().reader().next() == nil)
    }

    /// `PathOrder.precedes` against `String` order (the old `PathList.precedes` agreed with it): paths of
    /// several folders, folders that extend one another, no folder; then every piece combination.
    @Test func pathOrderIsStringOrder() {
        let folders = ["", "/", "/tmp/in/", "/tmp/in/sub/", "/tmp/inx/", "rel/", "/tmp/é/", "/tmp/e\u{301}/", "//"]
        let names = ["a.html", "b", "", "Z.xml", "é.htm", "e\u{301}.htm", "a.html.bak"]
        var paths: [String] = []
        for folder in folders { for name in names { paths.append(folder + name) } }
        let ascii = Self.strings.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        for strings in [paths, ascii, Self.strings] {
            let bytes = strings.map { Array($0.utf8) }
            var disagreements: [(String, String)] = []
            for left in strings.indices {
                // Every pair for the short lists; every 127th right-hand side, shifted with the left, for
                // the long ones: over all left-hand sides, every kind of pair comes up.
                let step = strings.count > 1000 ? 127 : 1
                for right in stride(from: left % step, to: strings.count, by: step) {
                    let ordered = bytes[left].withUnsafeBytes { l in bytes[right].withUnsafeBytes { r in PathOrder.precedes(l, r) } }
                    let equal = bytes[left].withUnsafeBytes { l in bytes[right].withUnsafeBytes { r in PathOrder.equal(l, r) } }
                    if ordered != (strings[left] < strings[right]) || equal != (strings[left] == strings[right]) {
                        disagreements.append((strings[left], strings[right]))
                    }
                }
            }
            #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        }
    }

    @Test func resumeFileByBytesAgreesWithFoundation() {
        // Names without "/" (Foundation's `pathExtension` traps on some of the combinations with one,
        // such as a slash after a multi-scalar character), then paths with folders.
        var strings = Self.strings.filter { !$0.contains("/") }
        strings += ["/x/.html", "/x/a.html", "a/b.XML", "a..xml", "a.xml.bak", "a.", "dir.html/", "résumé.HTM", "\u{600}.html", "a.html\u{301}"]
        for string in strings {
            let bytes = Array(string.utf8)
            #expect(bytes.withUnsafeBytes { BatchInputs.isResumeFile(utf8: $0) } == BatchInputs.isResumeFile(string), "\(string.debugDescription)")
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

    /// The ranking, now an external sort of one record per finished file (`BatchOutcomes`), against the
    /// old one: the input list's indices sorted with `BatchRow.ranksBefore`. Files finish in an order of
    /// their own (as workers finish them), some not at all (an interrupted batch).
    @Test func rankingIsTheOldOrder() throws {
        // No decomposed accents: `String <` is not an order on some mixes of precomposed and decomposed
        // text (in Swift 6.3, "\r\nre\u{301}sume\u{301}" and "\r\nrésumé\r\n" are neither less than the
        // other nor equal), so where a sort puts such paths depends on the sort's algorithm, and the old
        // sort and the external one need not agree. On every input where `<` is an order, they do.
        let names = Self.strings.filter { !$0.unicodeScalars.contains("\u{301}") }
        // Scores with many ties and failures, spread over the names by their position. No NaN: the old
        // comparison is not an order on it (NaN neither ranks before nor after anything), so where it
        // put one depended on the sort algorithm; a score is never NaN.
        let scores: [Double] = [50, 72.5, 50, 0, 100, -0.0, 72.5]
        let outcomes: [(score: Double?, failed: Bool)?] = names.indices.map { index in
            switch index % 11 {
            case 3: nil
            case 5, 8: (nil, true)
            default: (scores[index % scores.count], false)
            }
        }
        // The names in an order of their own (reversed), and the same list in name order, as a folder gives it.
        for files in [Array(names.reversed()), names.sorted()] {
            let recorded = BatchOutcomes(keepingRows: false)
            var random = SplitMix64(seed: UInt64(files.count))
            var finishingOrder = Array(outcomes.indices)
            finishingOrder.shuffle(using: &random)
            for index in finishingOrder {
                guard let outcome = outcomes[index] else { continue }
                var row = BatchRow(failedFile: files[index], role: "r", reason: "reason \(index)")
                if !outcome.failed {
                    row.status = .ok
                    row.error = nil
                    row.score = outcome.score
                }
                let line = SpoolLine(start: UInt64(index) * 10, length: UInt32(index % 7))
                _ = recorded.record(index, row, csvLine: line, jsonLine: outcome.failed ? nil : line)
            }
            recorded.finish()
            var ranked: [Int] = []
            try recorded.forEachRanked { file in
                ranked.append(file.index)
                #expect(file.path == files[file.index])
                #expect(file.score == outcomes[file.index]?.score)
                #expect(file.failed == outcomes[file.index]?.failed)
                #expect(file.error == (file.failed ? "reason \(file.index)" : nil))
                #expect(file.csvLine == SpoolLine(start: UInt64(file.index) * 10, length: UInt32(file.index % 7)))
                #expect(file.jsonLine == (file.failed ? nil : file.csvLine))
            }
            #expect(ranked == Self.oldRankedIndices(files: files, outcomes: outcomes))
            var failures: [String] = []
            try recorded.forEachFailure { path, reason in failures.append(path + "|" + reason) }
            #expect(failures == outcomes.indices.filter { outcomes[$0]?.failed == true }.map { files[$0] + "|reason \($0)" })
            #expect(recorded.finishedCount == outcomes.count { $0 != nil })
            #expect(recorded.failedCount == failures.count)
            recorded.discard()
        }
    }
}
