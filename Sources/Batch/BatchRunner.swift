import Dispatch
import Extraction
import Foundation
import Reporting
import Roles
import Scoring
import Synchronization

/// Scores many résumés on several threads. Each worker takes the next file from the input list. Each
/// file's CSV line and JSON report are spooled to temporary files, and what ranking needs of it (score,
/// path, where its lines are, its error) goes to an external sort on disk (`BatchOutcomes`); the output
/// stage copies the lines out in ranked order. Nothing held in memory grows with the number of files
/// (whole rows are kept only when asked for, for the HTML overview).
public struct BatchRunner: Sendable {
    public var reader: ResumeReader
    public var scorer: Scorer
    public var rubric: Rubric
    public var asOf: PartialDate
    public var jobs: Int
    public var blind: Bool
    /// Seconds one file may take (read, parse, extract, score); past it, the file's row is an error and
    /// the batch goes on. nil or 0: no budget.
    public var fileTimeout: Double?

    public init(reader: ResumeReader, scorer: Scorer, rubric: Rubric, asOf: PartialDate, jobs: Int, blind: Bool, fileTimeout: Double? = 10) {
        self.reader = reader
        self.scorer = scorer
        self.rubric = rubric
        self.asOf = asOf
        self.jobs = max(1, jobs)
        self.blind = blind
        self.fileTimeout = fileTimeout.flatMap { $0 > 0 ? $0 : nil }
    }

    public struct Result: Sendable {
        /// How many files the batch was given.
        public let count: Int
        /// What each finished file left: on disk, read back in ranked order and in input order.
        let outcomes: BatchOutcomes
        /// Each file's report JSON line, when asked for.
        public var spool: LineSpool?
        /// Each file's CSV line (rank cell empty), when asked for.
        public var csvSpool: LineSpool?
        public var interrupted: Bool
        /// Files that overran their budget and whose work is still running in the background. While it
        /// is, the process must end with `_exit`: a normal exit runs libxml2's library destructor
        /// (xmlCleanupParser) under a thread that may still be inside libxml2.
        public var abandonedWorkStillRunning: Int

        /// How many files were scored (all of them unless the batch was interrupted).
        public var scoredCount: Int { outcomes.finishedCount }
        /// How many of them failed.
        public var failedCount: Int { outcomes.failedCount }

        /// Why recording the outcomes failed (a full disk …), with the file that could not be written.
        public var outcomesFailure: (file: String, reason: String)? { outcomes.failure }

        /// Calls `body` with each file scored, in ranked order (`BatchRow.ranksBefore`: score descending,
        /// failed files after every scored one, ties by path as `String` orders them, then by input
        /// order). The entry is valid only during the call.
        public func forEachRanked(_ body: (RankedFile) throws -> Void) throws {
            try outcomes.forEachRanked(body)
        }

        /// Calls `body` with the path and the reason of each failed file, in input order.
        public func forEachFailure(_ body: (_ path: String, _ reason: String) throws -> Void) throws {
            try outcomes.forEachFailure(body)
        }

        /// The whole row of input `index`, when the batch was asked to keep rows.
        public func row(_ index: Int) -> BatchRow? {
            outcomes.row(index)
        }

        /// Deletes the spool files and the sorts' temporary files (each command path that ends must call
        /// this, `_exit` included).
        public func removeSpools() {
            spool?.remove()
            csvSpool?.remove()
            outcomes.discard()
        }
    }

    /// - Parameters:
    ///   - spoolJSON: also render each report as one JSON line into a spool file.
    ///   - csv: also write each row's CSV line (rank cell empty) into a spool file.
    ///   - keepRows: keep each whole row in its entry (memory grows with the number of files).
    ///   - progress: called after each file with the count done (from worker threads).
    ///   - shouldStop: polled between files; true stops the batch early (Ctrl-C).
    public func run(
        _ files: [String], spoolJSON: Bool, csv: CSVReporter? = nil, keepRows: Bool = true,
        progress: @escaping @Sendable (Int) -> Void = { _ in },
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws -> Result {
        let taken = Atomic<Int>(0)
        return try run(
            count: files.count,
            take: {
                let index = taken.wrappingAdd(1, ordering: .relaxed).oldValue
                return index < files.count ? (index, files[index]) : nil
            },
            spoolJSON: spoolJSON, csv: csv, keepRows: keepRows, progress: progress, shouldStop: shouldStop
        ) { file, deadline in
            score(file, renderJSON: spoolJSON, deadline: deadline)
        }
    }

    /// Scores the files of `inputs`, which workers take one at a time from the list on disk.
    public func run(
        _ inputs: BatchInputs, spoolJSON: Bool, csv: CSVReporter? = nil, keepRows: Bool = true,
        progress: @escaping @Sendable (Int) -> Void = { _ in },
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws -> Result {
        // One lock around a small buffered reader: one take per file.
        let reader = Mutex(inputs.list.reader())
        return try run(
            count: inputs.count, take: { reader.withLock { $0.next().map { ($0.index, $0.path) } } },
            spoolJSON: spoolJSON, csv: csv, keepRows: keepRows, progress: progress, shouldStop: shouldStop
        ) { file, deadline in
            score(file, renderJSON: spoolJSON, deadline: deadline)
        }
    }

    /// `run` with the files handed out by `take` (the next input index and path, nil when none is left;
    /// called from worker threads) and the work done per file given apart, as `BatchWorkers` takes it
    /// (it can then be any function of a path and a deadline).
    func run(
        count: Int, take: @escaping BatchWorkers.Take,
        spoolJSON: Bool, csv: CSVReporter?, keepRows: Bool,
        progress: @escaping @Sendable (Int) -> Void,
        shouldStop: @escaping @Sendable () -> Bool,
        scoring: @escaping BatchWorkers.Scoring
    ) throws -> Result {
        let spool = spoolJSON ? try LineSpool() : nil
        let csvSpool = csv != nil ? try LineSpool() : nil
        let outcomes = BatchOutcomes(keepingRows: keepRows)
        let workers = BatchWorkers(
            take: take, jobs: jobs, budget: fileTimeout.map { .milliseconds(Int64(($0 * 1000).rounded(.up))) },
            scoring: scoring,
            overBudgetRow: { [rubric, fileTimeout] file in BatchRow(failedFile: file, role: rubric.role, reason: Self.overBudget(fileTimeout ?? 0)) },
            record: { index, row, json in
                let jsonLine = json.flatMap { json in spool?.append(json) }
                let csvLine = csv.flatMap { csv in csvSpool?.append(csv.line(row, rank: nil)) }
                let done = outcomes.record(index, row, csvLine: csvLine, jsonLine: jsonLine)
                progress(done)
            },
            shouldStop: shouldStop)
        let abandonedWorkStillRunning = workers.run()
        spool?.finishWriting()
        csvSpool?.finishWriting()
        outcomes.finish()
        let interrupted = shouldStop() && outcomes.finishedCount < count
        return Result(
            count: count, outcomes: outcomes, spool: spool, csvSpool: csvSpool, interrupted: interrupted,
            abandonedWorkStillRunning: abandonedWorkStillRunning)
    }

    /// One file to one row (and its JSON report). Never throws: a failure is a row.
    public func score(_ file: String, renderJSON: Bool) -> (BatchRow, String?) {
        score(file, renderJSON: renderJSON, deadline: nil)
    }

    /// The per-file time budget. libxml2 cannot be stopped safely from another thread, and a parse is one
    /// call into it, so the budget cannot cut a file's work short. Instead:
    /// - what can be bounded up front is: file size, attributes per tag and nodes (MarkupParser) bound
    ///   what one libxml2 call does, and the text limit bounds what extraction reads;
    /// - a watchdog thread notices a file past its budget, makes its row "took longer than N s" and
    ///   starts a replacement worker, while the overrunning work is abandoned (`BatchWorkers`): it stops
    ///   at the next stage boundary (read, parse and extract, score, render), its result is dropped and
    ///   its thread ends. A stuck file costs the batch one budget of waiting and some CPU in the
    ///   background, never the batch.
    static func overBudget(_ seconds: Double) -> String {
        let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        return "took longer than \(shown) s (the per-file time budget, --file-timeout)"
    }

    private func score(_ file: String, renderJSON: Bool, deadline: ContinuousClock.Instant?) -> (BatchRow, String?) {
        let overBudget = { deadline.map { ContinuousClock.now >= $0 } ?? false }
        // Made only when needed: the row and its message cost more than the check (once per file).
        let timedOut = { (BatchRow(failedFile: file, role: rubric.role, reason: Self.overBudget(fileTimeout ?? 0)), String?.none) }
        do {
            let bytes = try reader.readFile(at: file)
            if overBudget() { return timedOut() }
            let candidate = try reader.read(bytes: bytes, source: file, asOf: asOf)
            if overBudget() { return timedOut() }
            // A row holds no advice, evidence or gap text: they are written only for the JSON report.
            let assessment = scorer.assess(candidate, against: rubric, asOf: asOf, advising: renderJSON)
            if overBudget() { return timedOut() }
            let json = renderJSON ? JSONReporter.value(of: assessment, blind: blind).serialized() : nil
            return (BatchRow(assessment: assessment, file: file, blind: blind), json)
        } catch {
            return (BatchRow(failedFile: file, role: rubric.role, reason: error.description), nil)
        }
    }
}

/// What ranking needs of one file, in 8 bytes (an optional score and a flag took 16): a score, or one of
/// two NaN patterns for "failed" and "not scored yet". A score that is itself NaN is kept as the
/// ordinary NaN, which compares as every NaN does, so no score is mistaken for a marker.
struct FileOutcome: Sendable, Equatable {
    let bits: UInt64

    private static let notScoredBits: UInt64 = 0x7FF4_0000_0000_0001
    private static let failedBits: UInt64 = 0x7FF4_0000_0000_0002

    static let notScored = FileOutcome(bits: notScoredBits)

    init(bits: UInt64) {
        self.bits = bits
    }

    /// A scored file's outcome (`score` nil: it failed).
    init(score: Double?, failed: Bool) {
        if failed || score == nil {
            precondition(failed && score == nil, "a batch row has a score exactly when it did not fail")
            bits = Self.failedBits
        } else {
            bits = score!.isNaN ? Double.nan.bitPattern : score!.bitPattern
        }
    }

    var wasScored: Bool { bits != Self.notScoredBits }
    var failed: Bool { bits == Self.failedBits }
    var score: Double? { wasScored && !failed ? Double(bitPattern: bits) : nil }
}

/// Where one line is in a spool: its first byte and its length.
public struct SpoolLine: Sendable, Equatable {
    public var start: UInt64
    public var length: UInt32
}

/// Lines (JSON reports, CSV rows) written as files finish, then copied out in ranked order. The spool
/// keeps no list of its lines: whoever appends one keeps where it went (`SpoolLine`), on disk with the
/// file's other outcomes (`BatchOutcomes`).
public final class LineSpool: Sendable {
    private struct State {
        var handle: FileHandle
        /// Bytes in the file so far.
        var written: UInt64 = 0
        /// Lines appended but not yet written: they go out 64 KB at a time rather than one system call
        /// per file.
        var pending: [UInt8] = []
        /// Why writing the spool failed (a full disk …), if it did: then lines are missing.
        var failure: String?
    }

    public let path: String
    private let state: Mutex<State>
    private static let pendingLimit = 1 << 16

    init() throws {
        path = NSTemporaryDirectory() + "readiness-lines-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).spool"
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forUpdatingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        state = Mutex(State(handle: handle))
    }

    /// Appends `line`; returns where it is.
    func append(_ line: String) -> SpoolLine {
        state.withLock { state in
            let length = line.utf8.count
            let where_ = SpoolLine(start: state.written + UInt64(state.pending.count), length: UInt32(clamping: length))
            state.pending.append(contentsOf: line.utf8)
            if state.pending.count >= Self.pendingLimit { Self.writePending(&state) }
            return where_
        }
    }

    /// Writes what is still pending; after it, `failure` tells whether every line reached the file.
    func finishWriting() {
        state.withLock { Self.writePending(&$0) }
    }

    /// Why the spool could not be written, if it could not: its lines are then incomplete.
    public var failure: String? {
        state.withLock { $0.failure }
    }

    private static func writePending(_ state: inout State) {
        guard !state.pending.isEmpty else { return }
        if state.failure == nil {
            do {
                try state.handle.write(contentsOf: state.pending)
            } catch {
                state.failure = error.localizedDescription
            }
        }
        state.written += UInt64(state.pending.count)
        state.pending.removeAll(keepingCapacity: true)
    }

    /// The line at `line`, read back from the spool.
    public func line(_ line: SpoolLine) -> String? {
        state.withLock { state in
            Self.writePending(&state)
            let start = line.start, length = Int(line.length)
            let descriptor = state.handle.fileDescriptor
            // One positioned read; no seeks back and forth.
            return try? String(unsafeUninitializedCapacity: length) { buffer in
                guard PositionedIO.read(descriptor, into: UnsafeMutableRawBufferPointer(buffer), at: Int(start)) else { throw CocoaError(.fileReadUnknown) }
                return length
            }
        }
    }

    public func remove() {
        state.withLock { try? $0.handle.close() }
        try? FileManager.default.removeItem(atPath: path)
    }
}
