#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Sorts variable-length byte records in a fixed amount of memory: records go into one buffer allocated
/// once at its full size; when it is full they are sorted and written as a run to a temporary file, and
/// the runs are merged at the end. A batch of 2,000 files and one of 20,000 hold the same bytes.
///
/// Why: everything a batch keeps per file (its path, its score, where its lines are in the spools) grew
/// its memory with its number of files; with the per-file data here, on disk, it does not.
///
/// Memory, worst case: the buffer (`capacity` bytes, 64 KB by default), the list of runs (at most
/// `fanIn - 1` per level, a level per factor of `fanIn` in their number: a few hundred bytes for a
/// million records), and, while one record longer than a merge buffer is being read or written, that
/// record. Merging uses the same buffer: it is cut into `fanIn + 1` pieces, one read buffer per run and
/// one write buffer, so a merge of `fanIn` runs needs no memory of its own. Runs are merged as soon as
/// `fanIn` of them are on one level (the result goes up a level), and `finish` merges what is left until
/// at most `fanIn` runs remain, so no merge reads more than `fanIn` runs at once.
///
/// The order is stable: records that neither precedes come out in the order they were appended (within
/// a run by their place in the buffer, across runs by the runs' age, older first). The temporary file is
/// unlinked as soon as it is made, so it disappears with the process however it ends (an error, Ctrl-C,
/// `_exit`); `close` releases it earlier.
///
/// Not thread-safe: one owner, or a lock around it (`@unchecked Sendable` only so that a `Mutex` can
/// hold it and hand records to a caller's closure while it is held).
final class ExternalSort: @unchecked Sendable {
    /// Whether the first record comes before the second; a strict weak order.
    typealias Precedes = (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Bool

    /// Writing or reading the temporary file failed (a full disk …): the system's reason.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A sorted run in the temporary file: where it starts and how many bytes it has.
    private struct Run {
        var start: Int
        var length: Int
    }

    static let defaultCapacity = 64 << 10
    static let defaultFanIn = 8

    private let precedes: Precedes
    private let capacity: Int
    private let fanIn: Int
    /// The one buffer: records from the front (a 4-byte length, then the bytes), and from the back each
    /// record's offset (4 bytes), so a full buffer is sorted by moving offsets only.
    private let buffer: UnsafeMutableRawBufferPointer
    /// Bytes of records at the front of `buffer`, and how many records there are.
    private var used = 0
    private var count = 0
    /// Runs written so far, by level (`levels[0]`: runs of one buffer), oldest first on each level.
    private var levels: [[Run]] = []
    /// The temporary file (made at the first run; -1 until then), its name (for messages) and its size.
    private var descriptor: Int32 = -1
    private(set) var temporaryPath: String?
    private var fileEnd = 0
    /// Set once `finish` has run: then records come out of `forEach`, and no more go in.
    private var finished = false
    /// All records appended so far.
    private(set) var recordCount = 0

    /// - Parameters:
    ///   - capacity: bytes of the one buffer (at least 64 per merge piece, `fanIn + 1` pieces).
    ///   - fanIn: how many runs a merge reads at once (at least 2).
    init(capacity: Int = defaultCapacity, fanIn: Int = defaultFanIn, precedes: @escaping Precedes) {
        precondition(fanIn >= 2 && capacity >= 64 * (fanIn + 1), "an external sort needs a fan-in of 2 or more and 64 bytes per merge buffer")
        self.capacity = capacity & ~7
        self.fanIn = fanIn
        self.precedes = precedes
        buffer = .allocate(byteCount: self.capacity, alignment: 8)
    }

    deinit {
        buffer.deallocate()
        discard()
    }

    /// Releases the temporary file (the records in it are lost).
    func discard() {
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
    }

    // MARK: Appending

    /// Adds one record (copied).
    func append(_ record: UnsafeRawBufferPointer) throws {
        precondition(!finished, "records are appended before finish")
        precondition(record.count <= Int(UInt32.max), "a record must fit in 4 GB")
        recordCount += 1
        if !fits(record.count) {
            try spill()
            if !fits(record.count) {
                // Longer than the buffer: a run of its own (its length in the buffer, empty now, until written).
                buffer.storeBytes(of: UInt32(record.count), toByteOffset: 0, as: UInt32.self)
                try writeRun { write throws in
                    try write(UnsafeRawBufferPointer(rebasing: buffer[0..<4]))
                    try write(record)
                }
                return
            }
        }
        let start = used
        buffer.storeBytes(of: UInt32(record.count), toByteOffset: start, as: UInt32.self)
        if record.count > 0 {
            (buffer.baseAddress! + start + 4).copyMemory(from: record.baseAddress!, byteCount: record.count)
        }
        used += 4 + record.count
        count += 1
        offsets(count: count)[0] = UInt32(start)
    }

    func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { (record) throws in try append(record) }
    }

    /// Whether a record of `length` bytes (its length, its offset) fits in what the buffer has left.
    private func fits(_ length: Int) -> Bool {
        used + 4 + length + 4 * (count + 1) <= capacity
    }

    /// The offsets of the `count` records in the buffer, at its end: the last appended first.
    private func offsets(count: Int) -> UnsafeMutableBufferPointer<UInt32> {
        let start = (buffer.baseAddress! + capacity - 4 * count).assumingMemoryBound(to: UInt32.self)
        return UnsafeMutableBufferPointer(start: start, count: count)
    }

    /// The record whose length starts at `offset` in the buffer.
    private func record(at offset: UInt32) -> UnsafeRawBufferPointer {
        let start = Int(offset)
        let length = Int(buffer.loadUnaligned(fromByteOffset: start, as: UInt32.self))
        return UnsafeRawBufferPointer(start: buffer.baseAddress! + start + 4, count: length)
    }

    /// Sorts the records in the buffer in place (their offsets), ties in the order they were appended.
    private func sortBuffer() -> UnsafeMutableBufferPointer<UInt32> {
        var order = offsets(count: count)
        // Stored last first; an offset grows with the order of appending, so it breaks ties.
        order.sort { lhs, rhs in
            let left = record(at: lhs), right = record(at: rhs)
            if precedes(left, right) { return true }
            if precedes(right, left) { return false }
            return lhs < rhs
        }
        return order
    }

    /// Writes the buffer's records as a sorted run and empties it; then merges a level that is full.
    private func spill() throws {
        guard count > 0 else { return }
        let order = sortBuffer()
        // The records stay where they are (each after its length) and go out in sorted order, many
        // to a system call, without being copied.
        try writeRun { write throws in
            for offset in order {
                let length = Int(buffer.loadUnaligned(fromByteOffset: Int(offset), as: UInt32.self))
                try write(UnsafeRawBufferPointer(rebasing: buffer[Int(offset)..<(Int(offset) + 4 + length)]))
            }
        }
        used = 0
        count = 0
    }

    /// Appends a run produced by `produce` (which hands `write` the run's bytes in order: each record
    /// after its 4-byte length) to the file as a new run of level 0, then merges any level that has
    /// `fanIn` runs. The pieces are gathered into one `pwritev` per `gatherLimit` of them; they must stay
    /// valid until `produce` returns.
    private func writeRun(_ produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        if descriptor < 0 { try makeFile() }
        let start = fileEnd
        try withUnsafeTemporaryAllocation(of: iovec.self, capacity: Self.gatherLimit) { (pieces) throws in
            var gathered = 0
            try produce { bytes throws in
                if gathered == Self.gatherLimit {
                    try writeFile(UnsafeBufferPointer(rebasing: pieces[..<gathered]))
                    gathered = 0
                }
                pieces[gathered] = iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress), iov_len: bytes.count)
                gathered += 1
            }
            try writeFile(UnsafeBufferPointer(rebasing: pieces[..<gathered]))
        }
        add(Run(start: start, length: fileEnd - start), level: 0)
        var level = 0
        while level < levels.count, levels[level].count >= fanIn {
            let merged = levels[level]
            levels[level] = []
            let run = try mergeToFile(merged)
            add(run, level: level + 1)
            level += 1
        }
    }

    private static let gatherLimit = 64

    /// Writes `pieces` one after the other at the end of the file, in one system call when it writes them
    /// whole (else the rest one by one).
    private func writeFile(_ pieces: UnsafeBufferPointer<iovec>) throws {
        guard !pieces.isEmpty else { return }
        let total = pieces.reduce(0) { $0 + $1.iov_len }
        var written = pwritev(descriptor, pieces.baseAddress, Int32(pieces.count), off_t(fileEnd))
        guard written >= 0 else { throw Failure(description: Self.systemError()) }
        guard written < total else {
            fileEnd += total
            return
        }
        fileEnd += written
        for piece in pieces {
            let length = piece.iov_len
            if written >= length {
                written -= length
                continue
            }
            try writeFile(UnsafeRawBufferPointer(start: piece.iov_base! + written, count: length - written))
            written = 0
        }
    }

    private func add(_ run: Run, level: Int) {
        while levels.count <= level { levels.append([]) }
        levels[level].append(run)
    }

    /// Writes `bytes` at the end of the temporary file, making it first if need be.
    private func writeFile(_ bytes: UnsafeRawBufferPointer) throws {
        if descriptor < 0 { try makeFile() }
        guard PositionedIO.write(descriptor, bytes, at: fileEnd) else { throw Failure(description: Self.systemError()) }
        fileEnd += bytes.count
    }

    private func makeFile() throws {
        var template = Array((NSTemporaryDirectory() + "readiness-sort-\(getpid())-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        temporaryPath = path
        guard made >= 0 else { throw Failure(description: Self.systemError()) }
        // Gone from the folder at once: the file lives as long as the descriptor, whatever ends the process.
        unlink(path)
        descriptor = made
    }

    /// The system's reason for the last call that failed.
    fileprivate static func systemError() -> String {
        errno == 0 ? "a short read or write" : String(cString: strerror(errno))
    }

    // MARK: Merging

    /// Reads one run through a piece of the buffer, a record at a time.
    private struct RunReader {
        let descriptor: Int32
        /// Where the unread part of the run starts in the file, and how many bytes of it are left.
        var fileOffset: Int
        var fileLeft: Int
        let piece: UnsafeMutableRawBufferPointer
        /// Bytes of `piece` read and not yet handed out: `start..<end`.
        var start = 0
        var end = 0
        /// A record longer than `piece`, read whole (freed at the next record).
        var oversized: UnsafeMutableRawBufferPointer?
        /// The current record (nil: the run is done).
        var current: UnsafeRawBufferPointer?

        init(descriptor: Int32, run: Run, piece: UnsafeMutableRawBufferPointer) {
            self.descriptor = descriptor
            fileOffset = run.start
            fileLeft = run.length
            self.piece = piece
        }

        /// Moves to the next record of the run.
        mutating func advance() throws {
            oversized?.deallocate()
            oversized = nil
            guard end - start >= 4 || fileLeft > 0 else {
                current = nil
                return
            }
            try fill(atLeast: 4)
            let length = Int(piece.loadUnaligned(fromByteOffset: start, as: UInt32.self))
            start += 4
            if length > piece.count {
                let whole = UnsafeMutableRawBufferPointer.allocate(byteCount: length, alignment: 8)
                oversized = whole
                let inPiece = end - start
                if inPiece > 0 { whole.baseAddress!.copyMemory(from: piece.baseAddress! + start, byteCount: inPiece) }
                start = 0
                end = 0
                try read(into: UnsafeMutableRawBufferPointer(rebasing: whole[inPiece...]))
                current = UnsafeRawBufferPointer(whole)
                return
            }
            try fill(atLeast: length)
            current = UnsafeRawBufferPointer(rebasing: piece[start..<(start + length)])
            start += length
        }

        /// Makes sure `count` unread bytes are in the piece, moving the unread ones to its front first.
        private mutating func fill(atLeast count: Int) throws {
            guard end - start < count else { return }
            let unread = end - start
            if unread > 0 && start > 0 { piece.baseAddress!.copyMemory(from: piece.baseAddress! + start, byteCount: unread) }
            start = 0
            end = unread
            let wanted = min(piece.count - end, fileLeft)
            try read(into: UnsafeMutableRawBufferPointer(rebasing: piece[end..<(end + wanted)]))
            end += wanted
            guard end >= count else { throw Failure(description: "a sorted run ended early") }
        }

        /// Reads the next `target.count` bytes of the run into `target`.
        private mutating func read(into target: UnsafeMutableRawBufferPointer) throws {
            guard target.count <= fileLeft else { throw Failure(description: "a sorted run ended early") }
            guard PositionedIO.read(descriptor, into: target, at: fileOffset) else { throw Failure(description: ExternalSort.systemError()) }
            fileOffset += target.count
            fileLeft -= target.count
        }

        func release() {
            oversized?.deallocate()
        }
    }

    /// Hands the records of `runs` (at most `fanIn`, oldest first) to `body` in order, reading each
    /// through one piece of the buffer (the last piece is left for a writer).
    private func merge(_ runs: [Run], _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        precondition(runs.count <= fanIn)
        let pieceSize = capacity / (fanIn + 1)
        var readers: [RunReader] = []
        readers.reserveCapacity(runs.count)
        defer { for reader in readers { reader.release() } }
        for (number, run) in runs.enumerated() {
            let piece = UnsafeMutableRawBufferPointer(rebasing: buffer[(number * pieceSize)..<((number + 1) * pieceSize)])
            var reader = RunReader(descriptor: descriptor, run: run, piece: piece)
            try reader.advance()
            readers.append(reader)
        }
        while true {
            // The first run with the least record: an older run wins a tie, so the merge is stable.
            var least = -1
            for number in readers.indices {
                guard let candidate = readers[number].current else { continue }
                if least < 0 || precedes(candidate, readers[least].current!) { least = number }
            }
            guard least >= 0 else { return }
            try body(readers[least].current!)
            try readers[least].advance()
        }
    }

    /// Merges `runs` into one new run at the end of the file, written through the buffer's last piece.
    private func mergeToFile(_ runs: [Run]) throws -> Run {
        let pieceSize = capacity / (fanIn + 1)
        let writeBuffer = UnsafeMutableRawBufferPointer(rebasing: buffer[(fanIn * pieceSize)..<((fanIn + 1) * pieceSize)])
        var pending = 0
        let start = fileEnd
        func flush() throws {
            try writeFile(UnsafeRawBufferPointer(rebasing: writeBuffer[..<pending]))
            pending = 0
        }
        try merge(runs) { record throws in
            if pending + 4 + record.count > writeBuffer.count { try flush() }
            if 4 + record.count > writeBuffer.count {
                var length = UInt32(record.count)
                try withUnsafeBytes(of: &length) { (bytes) throws in try writeFile(bytes) }
                try writeFile(record)
                return
            }
            writeBuffer.storeBytes(of: UInt32(record.count), toByteOffset: pending, as: UInt32.self)
            if record.count > 0 { (writeBuffer.baseAddress! + pending + 4).copyMemory(from: record.baseAddress!, byteCount: record.count) }
            pending += 4 + record.count
        }
        try flush()
        return Run(start: start, length: fileEnd - start)
    }

    // MARK: Reading out

    /// Ends appending: after it, `forEach` hands out the records in order (as many times as asked).
    func finish() throws {
        guard !finished else { return }
        finished = true
        if levels.isEmpty {
            // Everything fits in the buffer: sorted there, nothing written.
            _ = sortBuffer()
            return
        }
        try spill()
        // Oldest first: every run of a higher level was made before any of a lower one.
        var runs = levels.reversed().flatMap { $0 }
        levels = []
        while runs.count > fanIn {
            // The oldest `fanIn` become one, still the oldest: the order of ties is kept.
            let merged = try mergeToFile(Array(runs.prefix(fanIn)))
            runs.replaceSubrange(0..<fanIn, with: [merged])
        }
        levels = [runs]
    }

    /// Calls `body` with each record in order (valid only during the call); `finish` first.
    func forEach(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        precondition(finished, "finish before reading the records")
        if levels.isEmpty {
            // The offsets are stored last first; `sortBuffer` sorted them in place, first to last.
            for offset in offsets(count: count) { try body(record(at: offset)) }
            return
        }
        try merge(levels[0], body)
    }
}
