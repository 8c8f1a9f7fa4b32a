import Extraction
import Foundation
import Reporting
import Roles
import Scoring
import Synchronization

/// Scores many résumés on several threads. Each worker takes the next file index; rows are kept (they
/// are small) and JSON reports are spooled to a temporary file, so memory stays flat however many files.
public struct BatchRunner: Sendable {
    public var reader: ResumeReader
    public var scorer: Scorer
    public var rubric: Rubric
    public var asOf: PartialDate
    public var jobs: Int
    public var blind: Bool

    public init(reader: ResumeReader, scorer: Scorer, rubric: Rubric, asOf: PartialDate, jobs: Int, blind: Bool) {
        self.reader = reader
        self.scorer = scorer
        self.rubric = rubric
        self.asOf = asOf
        self.jobs = max(1, jobs)
        self.blind = blind
    }

    public struct Result: Sendable {
        /// One per input file scored, in input order, with the file's index in the input list.
        public var entries: [BatchEntry]
        /// Where each file's report JSON line sits in the spool, when one was asked for.
        public var spool: JSONLinesSpool?
        public var interrupted: Bool
    }

    /// - Parameters:
    ///   - spoolJSON: also render each report as one JSON line into a spool file.
    ///   - progress: called after each file with the count done (from worker threads).
    ///   - shouldStop: polled between files; true stops the batch early (Ctrl-C).
    public func run(
        _ files: [String], spoolJSON: Bool,
        progress: @escaping @Sendable (Int) -> Void = { _ in },
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws -> Result {
        let spool = spoolJSON ? try JSONLinesSpool() : nil
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let slots = RowSlots(count: files.count)
        let work: @Sendable (Int) -> Void = { _ in
            while !shouldStop() {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < files.count else { return }
                let (row, json) = score(files[index], renderJSON: spoolJSON)
                slots.set(index, row)
                if let json, let spool { spool.append(json, for: index) }
                progress(done.wrappingAdd(1, ordering: .relaxed).newValue)
            }
        }
        if jobs == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: jobs, execute: work)
        }
        let interrupted = shouldStop() && next.load(ordering: .relaxed) < files.count
        return Result(entries: slots.entries(), spool: spool, interrupted: interrupted)
    }

    /// One file to one row (and its JSON report). Never throws: a failure is a row.
    public func score(_ file: String, renderJSON: Bool) -> (BatchRow, String?) {
        do {
            let candidate = try reader.read(fileAt: file, asOf: asOf)
            let assessment = scorer.assess(candidate, against: rubric, asOf: asOf)
            let json = renderJSON ? JSONReporter.value(of: assessment, blind: blind).serialized() : nil
            return (BatchRow(assessment: assessment, file: file, blind: blind), json)
        } catch {
            return (BatchRow(failedFile: file, role: rubric.role, reason: error.description), nil)
        }
    }
}

public struct BatchEntry: Sendable {
    /// Position of the file in the input list.
    public var index: Int
    public var row: BatchRow
}

/// Row storage written by many workers, each index exactly once.
final class RowSlots: Sendable {
    private let storage: Mutex<[BatchRow?]>

    init(count: Int) {
        storage = Mutex(Array(repeating: nil, count: count))
    }

    func set(_ index: Int, _ row: BatchRow) {
        storage.withLock { $0[index] = row }
    }

    /// Rows of the files that were scored (all of them unless the batch was interrupted).
    func entries() -> [BatchEntry] {
        storage.withLock { rows in
            rows.enumerated().compactMap { index, row in row.map { BatchEntry(index: index, row: $0) } }
        }
    }
}

/// JSON report lines written as they finish, then copied out in ranked order.
public final class JSONLinesSpool: Sendable {
    private struct State {
        var handle: FileHandle
        var offset: UInt64 = 0
        var ranges: [Int: Range<UInt64>] = [:]
    }

    public let path: String
    private let state: Mutex<State>

    init() throws {
        path = NSTemporaryDirectory() + "readiness-jsonl-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).spool"
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forUpdatingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        state = Mutex(State(handle: handle))
    }

    func append(_ line: String, for index: Int) {
        let data = Data(line.utf8)
        state.withLock { state in
            state.handle.write(data)
            state.ranges[index] = state.offset..<state.offset + UInt64(data.count)
            state.offset += UInt64(data.count)
        }
    }

    /// The line for input `index`, read back from the spool.
    public func line(for index: Int) -> String? {
        state.withLock { state in
            guard let range = state.ranges[index] else { return nil }
            try? state.handle.seek(toOffset: range.lowerBound)
            guard let data = try? state.handle.read(upToCount: Int(range.count)) else { return nil }
            try? state.handle.seekToEnd()
            return String(decoding: data, as: UTF8.self)
        }
    }

    public func remove() {
        state.withLock { try? $0.handle.close() }
        try? FileManager.default.removeItem(atPath: path)
    }
}
