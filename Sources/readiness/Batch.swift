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
            let asOf = try reading.asOfDate()
            let catalog = try roles.catalog()
            let rubric = try roles.rubric(role, in: catalog)
            var inputs = BatchInputs.gather(paths: paths, listed: try listedPaths(), recursive: recursive)
            if let shard, let (index, count) = parseShard(shard) { inputs = inputs.shard(index, of: count) }
            let files = inputs.paths

            let interrupted = Atomic<Bool>(false)
            signal(SIGINT, SIG_IGN)
            let interruptSource = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
            interruptSource.setEventHandler { interrupted.store(true, ordering: .relaxed) }
            interruptSource.resume()

            let progress = ProgressLine(total: files.count, enabled: !quiet && isatty(STDERR_FILENO) == 1)
            let runner = BatchRunner(reader: reading.reader(), scorer: Scorer(catalog: catalog), rubric: rubric, asOf: asOf, jobs: jobs, blind: blind, fileTimeout: fileTimeout)
            let writer = CSVReporter(criterionIDs: rubric.criteria.map(\.id), excel: excel)
            let writesCSV = csv != nil || jsonl == nil
            let result = try runner.run(
                files, spoolJSON: jsonl != nil, csv: writesCSV ? writer : nil, keepRows: html != nil,
                progress: { progress.update(done: $0) },
                shouldStop: { interrupted.load(ordering: .relaxed) })
            progress.finish()
            defer { result.removeSpools() }
            if result.interrupted {
                FileHandle.standardError.write(Data("readiness: interrupted after \(result.scoredCount) of \(files.count) files; no output written\n".utf8))
                try exitLeavingAbandonedWork(result, status: 130)
            }

            // A spool that could not be written (a full disk …) would leave rows out of the outputs.
            for spool in [result.csvSpool, result.spool].compactMap({ $0 }) {
                if let failure = spool.failure {
                    reportError(spool.path, "cannot be written (\(failure)); no output written")
                    try exitLeavingAbandonedWork(result, status: 73)
                }
            }
            let ranked = rankAndFilter(result)
            if let csv, let csvSpool = result.csvSpool {
                try writeAtomically(to: csv) { write in writeCSV(ranked, header: writer.header, spool: csvSpool, write) }
            }
            if let jsonl, let spool = result.spool {
                try writeAtomically(to: jsonl) { write in writeJSONLines(ranked, result: result, spool: spool, write) }
            }
            if let html {
                let page = BatchOverviewPage(rubric: rubric, asOf: asOf, blind: blind)
                var pageRows: [(row: BatchRow, rank: Int?)] = []
                ranked.forEach { index, rank in
                    if let row = result.entry(index)?.row { pageRows.append((row, rank)) }
                }
                try writeAtomically(page.render(pageRows), to: html)
            }
            if csv == nil && jsonl == nil, let csvSpool = result.csvSpool {
                writeCSV(ranked, header: writer.header, spool: csvSpool) { writeStandardOutput($0) }
            }

            let failed = result.failedIndices.compactMap(result.entry)
            for entry in failed { reportError(entry.file, entry.error ?? "failed") }
            let seconds = Date().timeIntervalSince(started)
            let rate = seconds > 0 ? Double(files.count) / seconds : 0
            let summary = "readiness: scored \(files.count - failed.count), failed \(failed.count), skipped \(inputs.skipped) (not résumé files) in \(String(format: "%.2f", seconds)) s, \(String(format: "%.0f", rate)) files/s\n"
            FileHandle.standardError.write(Data(summary.utf8))
            if !failed.isEmpty { try exitLeavingAbandonedWork(result, status: 1) }
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

        func listedPaths() throws -> [String] {
            guard let filesFrom else { return [] }
            let data: Data
            if filesFrom == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: filesFrom) else {
                    reportError(filesFrom, FileManager.default.fileExists(atPath: filesFrom) ? "cannot be read" : "no such file")
                    throw ExitCode(66)
                }
                data = contents
            }
            return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        /// The ranked rows after --top and --min-score, with their rank (nil for failed files).
        func rankAndFilter(_ result: BatchRunner.Result) -> RankedRows {
            RankedRows(order: result.rankedIndices(), scores: result.score, top: top, minScore: minScore)
        }

        /// The CSV in ranked order: each spooled line (which starts with an empty rank cell) after its rank.
        func writeCSV(_ rows: RankedRows, header: String, spool: LineSpool, _ write: (String) -> Void) {
            inPieces(write) { append in
                append(header)
                rows.forEach { index, rank in append((rank.map(String.init) ?? "") + (spool.line(for: index) ?? "")) }
            }
        }

        func writeJSONLines(_ rows: RankedRows, result: BatchRunner.Result, spool: LineSpool, _ write: (String) -> Void) {
            inPieces(write) { append in
                rows.forEach { index, _ in
                    append((spool.line(for: index) ?? JSONValue.object([
                        ("candidate", .object([("source", .string(result.files[index]))])),
                        ("status", .string("error")),
                        ("error", .optional(result.entry(index)?.error)),
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

/// Input indices of the files scored in ranked order, with their rank (nil for failed files), after
/// --top and --min-score. Kept as the ranked order alone (4 bytes a file) and filtered and numbered as
/// it is read, rather than as a list of (index, rank) pairs (24 bytes a file) beside it.
struct RankedRows {
    let order: [UInt32]
    /// The score of an input index; nil for a failed file.
    let scores: (Int) -> Double?
    let top: Int?
    let minScore: Double?

    /// Calls `body` with each kept row's input index and rank, in ranked order.
    func forEach(_ body: (_ index: Int, _ rank: Int?) -> Void) {
        var rank = 0
        for index in order.lazy.map(Int.init) {
            if let score = scores(index) {
                rank += 1
                if let minScore, score < minScore { continue }
                if let top, rank > top { continue }
                body(index, rank)
            } else {
                body(index, nil)
            }
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
