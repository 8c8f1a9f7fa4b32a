import Foundation
import Testing

/// Compares rendered pages with the files in Tests/ScoringTests/Fixtures/golden/.
///
/// To re-record after a deliberate markup change, run the tests with READINESS_RECORD_GOLDEN=1:
///
///     READINESS_RECORD_GOLDEN=1 swift test --filter HTMLReportTests
///
/// which rewrites the golden files in the source tree; then look at the diff (`git diff Tests/`) and at
/// the pages in a browser before committing them.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden", isDirectory: true)

    static var recording: Bool { ProcessInfo.processInfo.environment["READINESS_RECORD_GOLDEN"] == "1" }

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func check(_ rendered: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = url(name)
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try rendered.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden file \(name); record it with READINESS_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard rendered != expected else { return }
        // Keep the new rendering beside the temporary files so it can be diffed against the golden one.
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent("readiness-golden-actual-\(name)")
        try? rendered.write(to: actual, atomically: true, encoding: .utf8)
        Issue.record(
            "\(name) differs from the golden file: \(firstDifference(expected, rendered)). New rendering: \(actual.path); re-record with READINESS_RECORD_GOLDEN=1 if the change is intended",
            sourceLocation: sourceLocation)
    }

    /// "line N: expected … / got …", short enough to read in a test log.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let left = index < expectedLines.count ? String(expectedLines[index]) : "(end of file)"
            let right = index < actualLines.count ? String(actualLines[index]) : "(end of file)"
            guard left != right else { continue }
            let common = zip(left, right).prefix { $0 == $1 }.count
            let start = max(0, common - 40)
            return "line \(index + 1), column \(common + 1): expected …\(left.dropFirst(start).prefix(120))… got …\(right.dropFirst(start).prefix(120))…"
        }
        return "same lines, different bytes"
    }
}
