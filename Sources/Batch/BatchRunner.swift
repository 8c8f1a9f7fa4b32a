import Dispatch
import Extraction
import Foundation
import Reporting
import Roles
import Scoring
import Synchronization

/// Scores many résumés on several threads. Each worker takes the next file index. What ranking needs
/// (score and status by input index) is kept; each file's CSV line and JSON report are spooled to temporary files
/// and copied out in ranked order, so memory stays flat however many files (whole rows are kept only
/// when asked for, for the HTML overview).
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
        /// The input list, as given to `run`.
        public let files: PathList
        /// By input index: what ranking needs of each file scored (`notScored`: the batch was
        /// interrupted first). 8 bytes a file; names and error texts are looked up by index.
        let outcomes: [FileOutcome]
        /// The reason each failed file could not be scored, by input index.
        let errors: [Int: String]
        /// Whole rows by input index, when the batch was asked to keep them.
        let rows: [Int: BatchRow]
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
        public var scoredCount: Int { outcomes.count { $0.wasScored } }

        /// The file at input `index`, if it was scored.
        public func entry(_ index: Int) -> BatchEntry? {
            let outcome = outcomes[index]
            guard outcome.wasScored else { return nil }
            return BatchEntry(index: index, file: files[index], score: outcome.score, status: outcome.failed ? .error : .ok, error: errors[index], row: rows[index])
        }

        /// The score of the file at input `index` (nil: failed, or not scored).
        public func score(_ index: Int) -> Double? {
            outcomes[index].score
        }

        /// Input indices of the files scored, in ranked order, as `BatchRow.ranked` orders rows: 4 bytes
        /// a file, and paths compared without making strings when they are ASCII.
        public func rankedIndices() -> [UInt32] {
            var order: [UInt32] = []
            order.reserveCapacity(scoredCount)
            for index in outcomes.indices where outcomes[index].wasScored { order.append(UInt32(index)) }
            // The comparison of `BatchRow.ranksBefore`, with the same sort on the same input order.
            order.sort { lhs, rhs in
                switch (outcomes[Int(lhs)].score, outcomes[Int(rhs)].score) {
                case let (left?, right?): return left != right ? left > right : files.precedes(Int(lhs), Int(rhs))
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return files.precedes(Int(lhs), Int(rhs))
                }
            }
            return order
        }

        /// Input indices of the files that failed, in input order.
        public var failedIndices: [Int] {
            outcomes.indices.filter { outcomes[$0].failed }
        }

        /// Deletes the spool files (each command path that ends must call this, `_exit` included).
        public func removeSpools() {
            spool?.remove()
            csvSpool?.remove()
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
        try run(PathList(files), spoolJSON: spoolJSON, csv: csv, keepRows: keepRows, progress: progress, shouldStop: shouldStop)
    }

    public func run(
        _ files: PathList, spoolJSON: Bool, csv: CSVReporter? = nil, keepRows: Bool = true,
        progress: @escaping @Sendable (Int) -> Void = { _ in },
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws -> Result {
        try run(files, spoolJSON: spoolJSON, csv: csv, keepRows: keepRows, progress: progress, shouldStop: shouldStop) { file, deadline in
            score(file, renderJSON: spoolJSON, deadline: deadline)
        }
    }

    /// `run` with the work done per file given apart, as `BatchWorkers` takes it (it can then be any
    /// function of a path and a deadline).
    func run(
        _ files: PathList, spoolJSON: Bool, csv: CSVReporter?, keepRows: Bool,
        progress: @escaping @Sendable (Int) -> Void,
        shouldStop: @escaping @Sendable () -> Bool,
        scoring: @escaping BatchWorkers.Scoring
    ) throws -> Result {
        let spool = spoolJSON ? try LineSpool(count: files.count) : nil
        let csvSpool = csv != nil ? try LineSpool(count: files.count) : nil
        let done = Atomic<Int>(0)
        let slots = OutcomeSlots(count: files.count, keepingRows: keepRows)
        let workers = BatchWorkers(
            files: files, jobs: jobs, budget: fileTimeout.map { .milliseconds(Int64(($0 * 1000).rounded(.up))) },
            scoring: scoring,
            overBudgetRow: { [rubric, fileTimeout] file in BatchRow(failedFile: file, role: rubric.role, reason: Self.overBudget(fileTimeout ?? 0)) },
            record: { index, row, json in
                slots.set(index, row)
                if let json, let spool { spool.append(json, for: index) }
                if let csv, let csvSpool { csvSpool.append(csv.line(row, rank: nil), for: index) }
                progress(done.wrappingAdd(1, ordering: .relaxed).newValue)
            },
            shouldStop: shouldStop)
        let abandonedWorkStillRunning = workers.run()
        spool?.finishWriting()
        csvSpool?.finishWriting()
        let (outcomes, errors, rows) = slots.contents()
        let interrupted = shouldStop() && outcomes.contains { !$0.wasScored }
        return Result(
            files: files, outcomes: outcomes, errors: errors, rows: rows, spool: spool, csvSpool: csvSpool, interrupted: interrupted,
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

/// One scored file of a batch, as the command reads it back from `BatchRunner.Result`.
public struct BatchEntry: Sendable {
    /// Position of the file in the input list.
    public var index: Int
    public var file: String
    public var score: Double?
    public var status: BatchRow.Status
    public var error: String?
    /// The whole row, when the batch was asked to keep rows.
    public var row: BatchRow?
}

/// What ranking needs of one file, in 8 bytes (an optional score and a flag took 16): a score, or one of
/// two NaN patterns for "failed" and "not scored yet". A score that is itself NaN is kept as the
/// ordinary NaN, which compares as every NaN does, so no score is mistaken for a marker.
struct FileOutcome: Sendable, Equatable {
    private let bits: UInt64

    private static let notScoredBits: UInt64 = 0x7FF4_0000_0000_0001
    private static let failedBits: UInt64 = 0x7FF4_0000_0000_0002

    static let notScored = FileOutcome(bits: notScoredBits)

    private init(bits: UInt64) {
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

/// Outcomes written by many workers, each index exactly once. Sized once for the whole input, and a
/// few bytes a file: the per-file state is what makes a batch's memory grow with its number of files
/// (a whole entry with its strings, as before, was about 80 bytes a file, copied twice more to rank).
final class OutcomeSlots: Sendable {
    private struct State {
        var outcomes: [FileOutcome]
        var errors: [Int: String] = [:]
        var rows: [Int: BatchRow] = [:]
    }

    private let state: Mutex<State>
    private let keepsRows: Bool

    init(count: Int, keepingRows: Bool) {
        state = Mutex(State(outcomes: Array(repeating: .notScored, count: count)))
        keepsRows = keepingRows
    }

    func set(_ index: Int, _ row: BatchRow) {
        state.withLock { state in
            state.outcomes[index] = FileOutcome(score: row.score, failed: row.status == .error)
            if let error = row.error { state.errors[index] = error }
            if keepsRows { state.rows[index] = row }
        }
    }

    func contents() -> (outcomes: [FileOutcome], errors: [Int: String], rows: [Int: BatchRow]) {
        state.withLock { ($0.outcomes, $0.errors, $0.rows) }
    }
}

/// Lines (JSON reports, CSV rows) written as files finish, then copied out in ranked order.
public final class LineSpool: Sendable {
    private struct State {
        var handle: FileHandle
        /// Bytes in the file so far.
        var written: UInt64 = 0
        /// Lines appended but not yet written: they go out 64 KB at a time rather than one system call
        /// per file.
        var pending: [UInt8] = []
        /// Where each input's line starts in the spool, by input index (`UInt64.max`: no line), and its
        /// length: 12 bytes a file, sized once.
        var starts: [UInt64]
        var lengths: [UInt32]
        /// Why writing the spool failed (a full disk …), if it did: then lines are missing.
        var failure: String?
    }

    public let path: String
    private let state: Mutex<State>
    private static let pendingLimit = 1 << 16

    init(count: Int) throws {
        path = NSTemporaryDirectory() + "readiness-lines-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).spool"
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forUpdatingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        state = Mutex(State(handle: handle, starts: Array(repeating: .max, count: count), lengths: Array(repeating: 0, count: count)))
    }

    func append(_ line: String, for index: Int) {
        state.withLock { state in
            let length = line.utf8.count
            state.starts[index] = state.written + UInt64(state.pending.count)
            state.lengths[index] = UInt32(clamping: length)
            state.pending.append(contentsOf: line.utf8)
            if state.pending.count >= Self.pendingLimit { Self.writePending(&state) }
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

    /// The line for input `index`, read back from the spool.
    public func line(for index: Int) -> String? {
        state.withLock { state in
            guard index < state.starts.count, state.starts[index] != .max else { return nil }
            Self.writePending(&state)
            let start = state.starts[index], length = Int(state.lengths[index])
            let descriptor = state.handle.fileDescriptor
            // One positioned read; no seeks back and forth.
            return try? String(unsafeUninitializedCapacity: length) { buffer in
                var done = 0
                while done < length {
                    let count = pread(descriptor, buffer.baseAddress! + done, length - done, off_t(start) + off_t(done))
                    if count <= 0 { throw CocoaError(.fileReadUnknown) }
                    done += count
                }
                return length
            }
        }
    }

    public func remove() {
        state.withLock { try? $0.handle.close() }
        try? FileManager.default.removeItem(atPath: path)
    }
}
