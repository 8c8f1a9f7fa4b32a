import Dispatch
import Foundation
import Reporting
import Synchronization

/// The threads of one batch run: workers that each take the next file and score it themselves,
/// and, when files have a time budget, one watchdog that notices a file overrunning it.
///
/// Why a watchdog rather than a thread per file's work: handing each file to a thread of its own and
/// waiting for it cost two semaphore hand-offs a file (futex calls, two context switches), about 8 % of
/// a batch's time in the kernel. Here a worker publishes "file i started at t" in atomics of its lane
/// and scores the file on its own thread; no lock is handed over and no system call is made per file
/// beyond reading the file and writing the spools. The watchdog sleeps until the earliest deadline.
///
/// libxml2 cannot be stopped from another thread, so an overrunning file's work cannot be cut short.
/// When the watchdog finds one, it takes the file from its lane (a compare-and-exchange on the lane's
/// file index, which the worker also does when it finishes: exactly one of them wins), writes that
/// file's row as over budget and starts a replacement worker on the lane, which goes on with the next
/// files. The abandoned worker finishes its file in the background (it stops at the next stage boundary,
/// read, parse and extract, score, render, since its deadline has passed), loses the exchange, drops its
/// result without writing a row, spool line or progress, and ends. While one is still running when the
/// batch ends, the command must end with `_exit` (see `BatchRunner.Result.abandonedWorkStillRunning`).
///
/// Dedicated threads, not Dispatch: an abandoned worker stuck on a Dispatch pool thread would hold
/// that thread, and with every pool thread stuck no later file would start.
final class BatchWorkers: Sendable {
    typealias Scoring = @Sendable (_ file: String, _ deadline: ContinuousClock.Instant?) -> (BatchRow, String?)
    /// The next file to score, its input index and path; nil when none is left.
    typealias Take = @Sendable () -> (index: Int, file: String)?

    /// What one worker lane has in hand, for the watchdog: the input index of the file being scored
    /// (`idle`: none), its path (for its over-budget row: the batch keeps no list of paths) and when it
    /// started, in nanoseconds since the batch started.
    final class Lane: Sendable {
        static let idle = -1
        let file = Atomic<Int>(Lane.idle)
        let path = Mutex<String>("")
        let startedAt = Atomic<Int64>(0)
    }

    private let take: Take
    private let scoring: Scoring
    private let record: @Sendable (_ index: Int, _ row: BatchRow, _ json: String?) -> Void
    private let shouldStop: @Sendable () -> Bool
    /// The per-file budget, with the row a file over it gets; nil: no budget, no watchdog.
    private let budget: Duration?
    private let overBudgetRow: @Sendable (_ file: String) -> BatchRow
    private let lanes: [Lane]
    private let started = ContinuousClock.now
    /// Signalled once by the last worker of each lane, when no file is left for it.
    private let laneEnded = DispatchSemaphore(value: 0)
    private let stopWatching = DispatchSemaphore(value: 0)
    private let watchdogEnded = DispatchSemaphore(value: 0)
    /// Workers abandoned past the budget that have not yet finished their file.
    private let abandonedStillRunning = Atomic<Int>(0)

    /// Workers abandoned past the budget that have not yet finished their file.
    var abandonedWorkStillRunning: Int { abandonedStillRunning.load(ordering: .acquiring) }

    init(
        take: @escaping Take, jobs: Int, budget: Duration?,
        scoring: @escaping Scoring,
        overBudgetRow: @escaping @Sendable (String) -> BatchRow,
        record: @escaping @Sendable (Int, BatchRow, String?) -> Void,
        shouldStop: @escaping @Sendable () -> Bool
    ) {
        self.take = take
        self.budget = budget
        self.scoring = scoring
        self.overBudgetRow = overBudgetRow
        self.record = record
        self.shouldStop = shouldStop
        lanes = (0..<max(1, jobs)).map { _ in Lane() }
    }

    /// Scores every file (or until `shouldStop`); returns how many abandoned workers are still running.
    func run() -> Int {
        guard budget != nil else {
            // No budget: nothing can be abandoned, so the calling thread (and Dispatch's) can do the work.
            if lanes.count == 1 {
                work(on: nil)
            } else {
                DispatchQueue.concurrentPerform(iterations: lanes.count) { _ in work(on: nil) }
            }
            return 0
        }
        for lane in lanes { startWorker(on: lane) }
        Self.startThread { [self] in watch() }
        for _ in lanes { laneEnded.wait() }
        stopWatching.signal()
        watchdogEnded.wait()
        return abandonedWorkStillRunning
    }

    /// How long the batch has run, in nanoseconds.
    private func elapsed() -> Int64 {
        let (seconds, attoseconds) = started.duration(to: .now).components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    private func startWorker(on lane: Lane) {
        Self.startThread { [self] in
            work(on: lane)
        }
    }

    private static func startThread(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        // Dispatch's worker threads, which ran this work before, have 8 MiB stacks too.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Takes files until none is left (or the batch is stopped). With a lane, publishes each file in it
    /// and ends without a word if the watchdog took the file away.
    private func work(on lane: Lane?) {
        while !shouldStop() {
            guard let (index, file) = take() else { break }
            var deadline: ContinuousClock.Instant?
            if let lane, let budget {
                lane.path.withLock { $0 = file }
                let now = ContinuousClock.now
                deadline = now + budget
                let (seconds, attoseconds) = started.duration(to: now).components
                lane.startedAt.store(seconds * 1_000_000_000 + attoseconds / 1_000_000_000, ordering: .relaxed)
                // Releasing: the watchdog, seeing this index, sees this start time or a later one.
                lane.file.store(index, ordering: .releasing)
            }
            let (row, json) = scoring(file, deadline)
            if let lane {
                guard lane.file.compareExchange(expected: index, desired: Lane.idle, ordering: .acquiringAndReleasing).exchanged else {
                    // Abandoned: the watchdog wrote this file's row and a replacement has the lane.
                    abandonedStillRunning.wrappingSubtract(1, ordering: .releasing)
                    return
                }
            }
            record(index, row, json)
        }
        if lane != nil { laneEnded.signal() }
    }

    /// Wakes at the earliest deadline of the files in hand (or a budget from now when it knows of none:
    /// a file started later has a later deadline than that), abandons the files past theirs, and ends
    /// when told to.
    private func watch() {
        guard let budget else { return }
        let (budgetSeconds, budgetAttoseconds) = budget.components
        let budgetNanoseconds = budgetSeconds * 1_000_000_000 + budgetAttoseconds / 1_000_000_000
        while true {
            let now = elapsed()
            var wake = now + budgetNanoseconds
            for lane in lanes {
                let index = lane.file.load(ordering: .acquiring)
                guard index != Lane.idle else { continue }
                let deadline = lane.startedAt.load(ordering: .relaxed) + budgetNanoseconds
                guard deadline <= now else {
                    wake = min(wake, deadline)
                    continue
                }
                guard lane.file.compareExchange(expected: index, desired: Lane.idle, ordering: .acquiringAndReleasing).exchanged else { continue }
                abandonedStillRunning.wrappingAdd(1, ordering: .relaxed)
                // The lane's path is the file's: the worker set it before publishing the index.
                record(index, overBudgetRow(lane.path.withLock { $0 }), nil)
                startWorker(on: lane)
            }
            if stopWatching.wait(timeout: .now() + .nanoseconds(Int(max(0, wake - now)))) == .success { break }
        }
        watchdogEnded.signal()
    }
}
