import ArgumentParser
import Batch
import Dispatch
import Extraction
import Foundation
import Reporting
import Roles
import Scoring
import Synchronization

extension ReadinessCommand {
    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score many résumés against one role into a CSV and/or JSON Lines file.",
            discussion: """
                Every input file gets exactly one row; a file that cannot be read gets a row with status=error \
                and the reason, and the exit status is 1. Outputs are written whole or not at all.
                """)

        @Argument(help: "Folders and/or résumé files.")
        var paths: [String] = []

        @Option(help: ArgumentHelp("The role to score for (see `readiness roles`).", valueName: "ID"))
        var role: String

        @Option(help: ArgumentHelp("Write the ranked rows as CSV here (default: standard output when no --jsonl).", valueName: "PATH"))
        var csv: String?

        @Option(help: ArgumentHelp("Write one report JSON per line here.", valueName: "PATH"))
        var jsonl: String?

        @Option(help: ArgumentHelp("Write an HTML overview page here: score histogram, counts per band, ranked table, failed files.", valueName: "PATH"))
        var html: String?

        @Option(help: "Files scored in parallel (default: the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(name: .customLong("file-timeout"), help: ArgumentHelp("Seconds one file may take; a file over it becomes an error row and the batch goes on (0: no limit).", valueName: "SECONDS"))
        var fileTimeout: Double = 10

        @Flag(help: "Descend into sub-folders.")
        var recursive = false

        @Option(name: .customLong("files-from"), help: ArgumentHelp("Read résumé paths from this file, one per line ('-' for standard input).", valueName: "PATH"))
        var filesFrom: String?

        @Option(help: ArgumentHelp("Score only the K-th of N deterministic partitions of the input, e.g. 2/8.", valueName: "K/N"))
        var shard: String?

        @Option(help: "Keep only the K best-scoring rows (failed files are always kept).")
        var top: Int?

        @Option(name: .customLong("min-score"), help: "Keep only rows scoring at least this (failed files are always kept).")
        var minScore: Double?

        @Flag(help: "Start the CSV with a UTF-8 byte-order mark, for Excel.")
        var excel = false

        @Flag(help: "Leave out names and contact details.")
        var blind = false

        @Flag(help: "No progress line on standard error.")
        var quiet = false

        @OptionGroup var reading: ReadingOptions
        @OptionGroup var roles: RoleOptions

        func validate() throws {
            if paths.isEmpty && filesFrom == nil { throw ValidationError("give folders or files to score, or --files-from PATH") }
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if !(fileTimeout >= 0) || !fileTimeout.isFinite { throw ValidationError("--file-timeout must be 0 (no limit) or a number of seconds") }
            if let top, top < 1 { throw ValidationError("--top must be at least 1") }
            if let shard, parseShard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, such as 2/8; got \"\(shard)\"") }
        }

        func run() throws {
            let started = Date()
            #if canImport(Glibc)
            // Each file's parse allocates and frees a few hundred KB on its worker's heap. With glibc's
            // default trimming (128 KB, raised only when a larger block that was mapped on its own is
            // freed), the freed top of that heap went back to the system after many files and was
            // faulted in again for the next one: thousands of madvise calls and page faults in a batch
            // of 20,000. A batch held its per-file lists in large arrays, whose growth raised the
            // threshold by accident; with those lists on disk, it is set here: 1 MB more stays mapped
            // per heap, and its peak is the same (a heap's top is trimmed only after the peak).
            raiseHeapTrimThreshold(to: 1 << 20)
            #endif
            let asOf = try reading.asOfDate()
            let catalog = try roles.catalog()
            let rubric = try roles.rubric(role, in: catalog)
            let listed = try listedPaths()
            var inputs: BatchInputs
            do {
                inputs = try BatchInputs.gather(paths: paths, listed: listed, recursive: recursive)
                if let listedFailure = listed.failure {
                    reportError(filesFrom ?? "-", listedFailure)
                    throw ExitCode(66)
                }
                if let shard, let (index, count) = parseShard(shard) { inputs = try inputs.shard(index, of: count) }
            } catch let failure as BatchInputs.Failure {
                reportError(failure.file, "cannot be written (\(failure.reason)); no output written")
                throw ExitCode(73)
            }
            let fileCount = inputs.count

            let interrupted = Atomic<Bool>(false)
            signal(SIGINT, SIG_IGN)
            let interruptSource = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
            interruptSource.setEventHandler { interrupted.store(true, ordering: .relaxed) }
            interruptSource.resume()

            let progress = ProgressLine(total: fileCount, enabled: !quiet && isatty(STDERR_FILENO) == 1)
            let runner = BatchRunner(reader: reading.reader(), scorer: Scorer(catalog: catalog), rubric: rubric, asOf: asOf, jobs: jobs, blind: blind, fileTimeout: fileTimeout)
            let writer = CSVReporter(criterionIDs: rubric.criteria.map(\.id), excel: excel)
            let writesCSV = csv != nil || jsonl == nil
            let result = try runner.run(
                inputs, spoolJSON: jsonl != nil, csv: writesCSV ? writer : nil, keepRows: html != nil,
                progress: { progress.update(done: $0) },
                shouldStop: { interrupted.load(ordering: .relaxed) })
            progress.finish()
            defer { result.removeSpools() }
            if result.interrupted {
                FileHandle.standardError.write(Data("readiness: interrupted after \(result.scoredCount) of \(fileCount) files; no output written\n".utf8))
                try exitLeavingAbandonedWork(result, status: 130)
            }

            // A spool that could not be written (a full disk …) would leave rows out of the outputs.
            for spool in [result.csvSpool, result.spool].compactMap({ $0 }) {
                if let failure = spool.failure {
                    reportError(spool.path, "cannot be written (\(failure)); no output written")
                    try exitLeavingAbandonedWork(result, status: 73)
                }
            }
            if let (file, failure) = result.outcomesFailure {
                reportError(file, "cannot be written (\(failure)); no output written")
                try exitLeavingAbandonedWork(result, status: 73)
            }
            let ranked = RankedRows(result: result, top: top, minScore: minScore)
            if let csv, let csvSpool = result.csvSpool {
                try writeAtomically(to: csv) { write in
                    writeCSV(ranked, header: writer.header, spool: csvSpool, write)
                    try ranked.throwIfReadFailed()
                }
            }
            if let jsonl, let spool = result.spool {
                try writeAtomically(to: jsonl) { write in
                    writeJSONLines(ranked, spool: spool, write)
                    try ranked.throwIfReadFailed()
                }
            }
            if let html {
                // The overview page lists every row, so its rows are kept in memory by design (`keepRows`):
                // the one output whose memory grows with the number of files.
                let page = BatchOverviewPage(rubric: rubric, asOf: asOf, blind: blind)
                var pageRows: [(row: BatchRow, rank: Int?)] = []
                ranked.forEach { file, rank in
                    if let row = result.row(file.index) { pageRows.append((row, rank)) }
                }
                try writeAtomically(to: html) { write in
                    try ranked.throwIfReadFailed()
                    write(page.render(pageRows))
                }
            }
            if csv == nil && jsonl == nil, let csvSpool = result.csvSpool {
                writeCSV(ranked, header: writer.header, spool: csvSpool) { writeStandardOutput($0) }
            }
            if let (file, failure) = ranked.readFailure {
                reportError(file, "cannot be read back (\(failure)); outputs incomplete")
                try exitLeavingAbandonedWork(result, status: 74)
            }

            do {
                try result.forEachFailure { path, reason in reportError(path, reason) }
            } catch {
                reportError(NSTemporaryDirectory(), "cannot be read back (\(error)); failed files not all named")
            }
            let failedCount = result.failedCount
            let seconds = Date().timeIntervalSince(started)
            let rate = seconds > 0 ? Double(fileCount) / seconds : 0
            let summary = "readiness: scored \(fileCount - failedCount), failed \(failedCount), skipped \(inputs.skipped) (not résumé files) in \(String(format: "%.2f", seconds)) s, \(String(format: "%.0f", rate)) files/s\n"
            FileHandle.standardError.write(Data(summary.utf8))
            if failedCount > 0 { try exitLeavingAbandonedWork(result, status: 1) }
        }

        /// Ends the command with `status`. While work abandoned past --file-timeout still runs (it may be
        /// inside libxml2, which cannot be stopped), the process ends with `_exit`: a normal exit would run
        /// libxml2's library destructor (xmlCleanupParser) under it. Everything has been written by then
        /// (FileHandle writes are not buffered), and the spool files are removed first.
        func exitLeavingAbandonedWork(_ result: BatchRunner.Result, status: Int32) throws -> Never {
            if result.abandonedWorkStillRunning > 0 {
                result.removeSpools()
                _exit(status)
            }
            throw ExitCode(status)
        }

        /// The paths of --files-from, read a line at a time as they are gathered (an error and exit 66
        /// now if the list cannot be opened).
        func listedPaths() throws -> ListedPaths {
            guard let filesFrom else { return ListedPaths(descriptor: -1) }
            if filesFrom == "-" { return ListedPaths(descriptor: STDIN_FILENO) }
            let descriptor = open(filesFrom, O_RDONLY)
            var status = stat()
            guard descriptor >= 0, fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else {
                if descriptor >= 0 { close(descriptor) }
                reportError(filesFrom, FileManager.default.fileExists(atPath: filesFrom) ? "cannot be read" : "no such file")
                throw ExitCode(66)
            }
            return ListedPaths(descriptor: descriptor, closesDescriptor: true)
        }

        /// The CSV in ranked order: each spooled line (which starts with an empty rank cell) after its rank.
        func writeCSV(_ rows: RankedRows, header: String, spool: LineSpool, _ write: (String) -> Void) {
            inPieces(write) { append in
                append(header)
                rows.forEach { file, rank in append((rank.map(String.init) ?? "") + (file.csvLine.flatMap(spool.line) ?? "")) }
            }
        }

        func writeJSONLines(_ rows: RankedRows, spool: LineSpool, _ write: (String) -> Void) {
            inPieces(write) { append in
                rows.forEach { file, _ in
                    append((file.jsonLine.flatMap(spool.line) ?? JSONValue.object([
                        ("candidate", .object([("source", .string(file.path))])),
                        ("status", .string("error")),
                        ("error", .optional(file.error)),
                    ]).serialized()) + "\n")
                }
            }
        }

        /// Hands what `produce` appends to `write` in pieces of about 64 KB: an output of 20,000 rows is
        /// never held whole, and writes are not one system call per row.
        func inPieces(_ write: (String) -> Void, _ produce: ((String) -> Void) -> Void) {
            withoutActuallyEscaping(write) { write in
                var piece = ""
                produce { text in
                    piece += text
                    if piece.utf8.count >= 1 << 16 {
                        write(piece)
                        piece = ""
                    }
                }
                write(piece)
            }
        }
    }
}

#if canImport(Glibc)
/// glibc's `mallopt(M_TRIM_THRESHOLD, bytes)`, looked up at run time: Swift's Glibc module leaves out
/// malloc.h. Nothing happens if the C library has no `mallopt`.
func raiseHeapTrimThreshold(to bytes: Int32) {
    typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
    let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD in malloc.h
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
    _ = unsafeBitCast(symbol, to: MallocOption.self)(trimThreshold, bytes)
}
#endif

/// The files scored in ranked order, with their rank (nil for failed files), after --top and
/// --min-score: read from the batch's ranking (on disk) each time, filtered and numbered as they are
/// read, so no list of them is held.
final class RankedRows {
    let result: BatchRunner.Result
    let top: Int?
    let minScore: Double?
    /// The first failure to read the ranking back, if any (the outputs then miss rows).
    private(set) var readFailure: (file: String, reason: String)?

    init(result: BatchRunner.Result, top: Int?, minScore: Double?) {
        self.result = result
        self.top = top
        self.minScore = minScore
    }

    /// Throws the first failure to read the ranking back: an output file written from it would miss
    /// rows, so `writeAtomically` must not keep it.
    func throwIfReadFailed() throws {
        guard let readFailure else { return }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the batch's ranking in \(readFailure.file) cannot be read back (\(readFailure.reason))"])
    }

    /// Calls `body` with each kept file (valid only during the call) and its rank, in ranked order.
    func forEach(_ body: (_ file: RankedFile, _ rank: Int?) -> Void) {
        var rank = 0
        do {
            try result.forEachRanked { file in
                if let score = file.score {
                    rank += 1
                    if let minScore, score < minScore { return }
                    if let top, rank > top { return }
                    body(file, rank)
                } else {
                    body(file, nil)
                }
            }
        } catch {
            if readFailure == nil { readFailure = (NSTemporaryDirectory(), "\(error)") }
        }
    }
}

func parseShard(_ text: String) -> (Int, Int)? {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
    return (index, count)
}

/// "done/total, rate, time left" on one rewritten stderr line, at most a few times a second.
final class ProgressLine: Sendable {
    private let total: Int
    private let enabled: Bool
    private let started = Date()
    private let lastDrawn = Mutex<Double>(0)

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func update(done: Int) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(started)
        let shouldDraw = lastDrawn.withLock { last in
            guard elapsed - last >= 0.2 || done == total else { return false }
            last = elapsed
            return true
        }
        guard shouldDraw else { return }
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        FileHandle.standardError.write(Data(String(format: "\r%d/%d files, %.0f/s, %.0f s left   ", done, total, rate, left).utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
