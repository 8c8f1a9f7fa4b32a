import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Batch
@testable import Reporting

/// The batch's workers score their files themselves and a watchdog abandons a file past its budget
/// (`BatchWorkers`). Here the work per file is given: every file is done at once except the stuck ones,
/// which wait until the test lets them go, so what the watchdog does is seen without depending on how
/// fast the machine is.
@Suite struct BatchWatchdogTests {
    /// What the workers recorded, in the order they recorded it.
    final class Recorded: Sendable {
        let rows = Mutex<[(index: Int, row: BatchRow, json: String?)]>([])
        var all: [(index: Int, row: BatchRow, json: String?)] { rows.withLock { $0 } }
    }

    /// Work that stalls for the files named, until `release` is signalled (as many times as there are).
    final class StuckWork: Sendable {
        let stuckFiles: Set<String>
        let release = DispatchSemaphore(value: 0)
        let returned = DispatchSemaphore(value: 0)
        let scored = Atomic<Int>(0)

        init(stuckFiles: Set<String>) {
            self.stuckFiles = stuckFiles
        }

        func score(_ file: String, _ deadline: ContinuousClock.Instant?) -> (BatchRow, String?) {
            scored.wrappingAdd(1, ordering: .relaxed)
            if stuckFiles.contains(file) {
                release.wait()
                defer { returned.signal() }
                // What a finished file's row would be: it must never be recorded.
                return (BatchRow(failedFile: file, role: "late", reason: "finished after being abandoned"), "late")
            }
            return (BatchRow(failedFile: file, role: "ok", reason: "done"), "{\"file\":\"\(file)\"}")
        }
    }

    static let budget = Duration.milliseconds(300)
    static let overBudgetReason = "over budget"

    static func files(_ count: Int) -> [String] {
        (0..<count).map { "in/file-\($0).html" }
    }

    /// Hands out `files` in order, as the batch's input list does.
    static func take(_ files: [String]) -> BatchWorkers.Take {
        let taken = Atomic<Int>(0)
        return {
            let index = taken.wrappingAdd(1, ordering: .relaxed).oldValue
            return index < files.count ? (index, files[index]) : nil
        }
    }

    /// Runs a batch of `count` files with the files `stuck` stalled; returns what was recorded, how many
    /// abandoned workers were still running at the end, and the work (to release it).
    static func run(count: Int, stuck: Set<Int>, jobs: Int, budget: Duration? = budget) -> (Recorded, Int, StuckWork, BatchWorkers) {
        let files = files(count)
        let work = StuckWork(stuckFiles: Set(stuck.map { files[$0] }))
        let recorded = Recorded()
        let workers = BatchWorkers(
            take: take(files), jobs: jobs, budget: budget,
            scoring: { work.score($0, $1) },
            overBudgetRow: { BatchRow(failedFile: $0, role: "watchdog", reason: overBudgetReason) },
            record: { index, row, json in recorded.rows.withLock { $0.append((index, row, json)) } },
            shouldStop: { false })
        let stillRunning = workers.run()
        return (recorded, stillRunning, work, workers)
    }

    /// Lets the stuck work go and waits until every abandoned worker has ended.
    static func releaseAndDrain(_ work: StuckWork, _ workers: BatchWorkers, stuck: Int) {
        for _ in 0..<stuck { work.release.signal() }
        for _ in 0..<stuck { work.returned.wait() }
        // The abandoned workers end just after their work returns; wait for them to say so.
        while workers.abandonedWorkStillRunning > 0 { usleep(1000) }
    }

    /// Every file recorded once, the stuck ones as over budget with no JSON, the others as done.
    static func expectEachFileOnce(_ recorded: [(index: Int, row: BatchRow, json: String?)], count: Int, stuck: Set<Int>) {
        #expect(recorded.map(\.index).sorted() == Array(0..<count))
        let files = files(count)
        for (index, row, json) in recorded {
            #expect(row.file == files[index])
            if stuck.contains(index) {
                #expect(row.error == overBudgetReason && row.role == "watchdog" && json == nil, "\(index): \(row.role) \(row.error ?? "")")
            } else {
                #expect(row.error == "done" && json == "{\"file\":\"\(files[index])\"}", "\(index): \(row.error ?? "")")
            }
        }
    }

    @Test(arguments: [1, 2])
    func aStuckFileIsAbandonedAndAReplacementFinishesTheRest(jobs: Int) {
        let stuck: Set<Int> = [3]
        let (recorded, stillRunning, work, workers) = Self.run(count: 40, stuck: stuck, jobs: jobs)
        #expect(stillRunning == 1)
        Self.expectEachFileOnce(recorded.all, count: 40, stuck: stuck)
        #expect(work.scored.load(ordering: .relaxed) == 40, "each file's work ran once")
        // Once the stuck work finishes, its worker drops the result: nothing more is recorded.
        Self.releaseAndDrain(work, workers, stuck: 1)
        Self.expectEachFileOnce(recorded.all, count: 40, stuck: stuck)
    }

    @Test(arguments: [1, 2, 3])
    func severalStuckFilesEachCostTheirLaneOneReplacement(jobs: Int) {
        // The first file, neighbours, and the last: on one lane in a row, and on several lanes at once.
        let stuck: Set<Int> = [0, 1, 7, 19]
        let (recorded, stillRunning, work, workers) = Self.run(count: 20, stuck: stuck, jobs: jobs)
        #expect(stillRunning == stuck.count)
        Self.expectEachFileOnce(recorded.all, count: 20, stuck: stuck)
        Self.releaseAndDrain(work, workers, stuck: stuck.count)
        Self.expectEachFileOnce(recorded.all, count: 20, stuck: stuck)
        #expect(workers.abandonedWorkStillRunning == 0)
    }

    @Test(arguments: [1, 2])
    func withoutAStuckFileNothingIsAbandoned(jobs: Int) {
        let (recorded, stillRunning, _, _) = Self.run(count: 500, stuck: [], jobs: jobs)
        #expect(stillRunning == 0)
        Self.expectEachFileOnce(recorded.all, count: 500, stuck: [])
    }

    @Test(arguments: [1, 2])
    func withoutABudgetEveryFileIsScoredOnTheWorkers(jobs: Int) {
        let (recorded, stillRunning, _, _) = Self.run(count: 500, stuck: [], jobs: jobs, budget: nil)
        #expect(stillRunning == 0)
        Self.expectEachFileOnce(recorded.all, count: 500, stuck: [])
    }

    @Test func anEmptyBatchEnds() {
        for jobs in [1, 2] {
            for budget in [Self.budget, nil] {
                let (recorded, stillRunning, _, _) = Self.run(count: 0, stuck: [], jobs: jobs, budget: budget)
                #expect(recorded.all.isEmpty && stillRunning == 0)
            }
        }
    }

    @Test func aStoppedBatchTakesNoMoreFiles() {
        let files = Self.files(100)
        let recorded = Recorded()
        let taken = Atomic<Int>(0)
        let workers = BatchWorkers(
            take: Self.take(files), jobs: 2, budget: Self.budget,
            scoring: { file, _ in
                taken.wrappingAdd(1, ordering: .relaxed)
                return (BatchRow(failedFile: file, role: "ok", reason: "done"), nil)
            },
            overBudgetRow: { BatchRow(failedFile: $0, role: "watchdog", reason: Self.overBudgetReason) },
            record: { index, row, json in recorded.rows.withLock { $0.append((index, row, json)) } },
            // Stop once ten files are done (Ctrl-C, polled between files).
            shouldStop: { recorded.rows.withLock { $0.count } >= 10 })
        #expect(workers.run() == 0)
        let indices = recorded.all.map(\.index)
        #expect(indices.count >= 10 && indices.count < 100)
        #expect(Set(indices).count == indices.count)
        #expect(taken.load(ordering: .relaxed) == indices.count)
    }

    /// The whole command, with a file that really overruns its budget (as in HostileInputTests): on one
    /// and on two workers the slow file's row is the over-budget error, every other file is scored once,
    /// and both write the same CSV.
    @Test func aSlowFileOnOneAndTwoJobsGivesTheSameCSV() throws {
        let folder = try Folder()
        for index in 0..<12 {
            _ = try folder.write("in/good-\(index).html", BatchCommandTests.resume(name: "Person \(index)"))
        }
        var slow = Data("<html><body><h1>Jo Smith</h1>".utf8)
        let paragraph = Data("<p>x</p>".utf8)
        slow.reserveCapacity(8_100_000)
        for _ in 0..<1_000_000 { slow.append(paragraph) }
        _ = try folder.write("in/good-5-slow.html", slow)
        var outputs: [Data] = []
        for jobs in ["1", "2"] {
            let run = try Child.run(
                ["batch", "in", "--role", "hr-assistant-manager", "--as-of", HostileInputTests.asOf, "--csv", "out-\(jobs).csv", "--quiet",
                 "--max-nodes", "2000000", "--file-timeout", "2", "--jobs", jobs],
                in: folder.root, timeout: 120)
            #expect(!run.timedOut)
            #expect(run.status == 1, "\(run.standardError)")
            let rows = try BatchCommandTests.readCSV(URL(fileURLWithPath: folder.path("out-\(jobs).csv")))
            #expect(rows.map { $0["file"] ?? "" }.sorted() == ((0..<12).map { "in/good-\($0).html" } + ["in/good-5-slow.html"]).sorted())
            #expect(rows.filter { $0["status"] == "ok" }.count == 12)
            #expect(rows.contains { $0["file"] == "in/good-5-slow.html" && $0["status"] == "error" && $0["error"] == "took longer than 2 s (the per-file time budget, --file-timeout)" })
            #expect(run.seconds < 30 * Sanitizer.timeScale, "took \(run.seconds) s")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: folder.path("out-\(jobs).csv"))))
        }
        #expect(outputs[0] == outputs[1])
    }
}
