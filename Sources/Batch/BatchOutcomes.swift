#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Reporting
import Synchronization

/// What each finished file of a batch leaves for the output stage, kept on disk in two external sorts:
/// one record per file in ranked order (its outcome, input index, where its CSV and JSON lines are in
/// the spools, its path, its error), and one per failed file in input order (for the one-line errors on
/// standard error). Memory stays the sorts' fixed buffers however many files the batch has; only the
/// whole rows kept for `--html` (whose overview page lists every row by design) grow with it.
///
/// Written by many workers under one lock, one record a file; read once the workers are done.
final class BatchOutcomes: Sendable {
    private struct State {
        var ranking: ExternalSort
        var failures: ExternalSort
        var finished = 0
        var failed = 0
        /// The sort that could not be written, and why (records are then missing).
        var failure: (file: String, reason: String)?
        /// Where a record is put together before it is appended (kept, so no allocation per file).
        var scratch: [UInt8] = []
    }

    private let state: Mutex<State>
    private let keepsRows: Bool
    /// Whole rows by input index, for `--html`: apart from the sorts, so that they can be looked up
    /// while the ranking is read out.
    private let rows = Mutex<[Int: BatchRow]>([:])

    init(keepingRows: Bool) {
        keepsRows = keepingRows
        var scratch: [UInt8] = []
        scratch.reserveCapacity(1 << 10)
        // Failed files are few: a smaller buffer.
        state = Mutex(State(
            ranking: ExternalSort(precedes: RankingRecord.ranksBefore),
            failures: ExternalSort(capacity: 16 << 10, fanIn: 4, precedes: FailureRecord.precedes),
            scratch: scratch))
    }

    /// Records a finished file; returns how many files have finished.
    func record(_ index: Int, _ row: BatchRow, csvLine: SpoolLine?, jsonLine: SpoolLine?) -> Int {
        state.withLock { state in
            state.finished += 1
            let failed = row.status == .error
            if failed { state.failed += 1 }
            if keepsRows { rows.withLock { $0[index] = row } }
            guard state.failure == nil else { return state.finished }
            RankingRecord.encode(
                index: index, outcome: FileOutcome(score: row.score, failed: failed), csvLine: csvLine, jsonLine: jsonLine,
                path: row.file, error: row.error, into: &state.scratch)
            do {
                try state.ranking.append(state.scratch)
                if failed {
                    FailureRecord.encode(index: index, path: row.file, error: row.error, into: &state.scratch)
                    try state.failures.append(state.scratch)
                }
            } catch {
                Self.fail(&state, error)
            }
            return state.finished
        }
    }

    private static func fail(_ state: inout State, _ error: any Error) {
        let file = state.ranking.temporaryPath ?? state.failures.temporaryPath ?? NSTemporaryDirectory()
        state.failure = (file, "\(error)")
    }

    /// Ends recording: sorts what is left (merging runs on disk).
    func finish() {
        state.withLock { state in
            do {
                try state.ranking.finish()
                try state.failures.finish()
            } catch {
                if state.failure == nil { Self.fail(&state, error) }
            }
        }
    }

    var finishedCount: Int { state.withLock { $0.finished } }
    var failedCount: Int { state.withLock { $0.failed } }
    var failure: (file: String, reason: String)? { state.withLock { $0.failure } }

    func row(_ index: Int) -> BatchRow? {
        rows.withLock { $0[index] }
    }

    func forEachRanked(_ body: (RankedFile) throws -> Void) throws {
        try state.withLock { state in
            try state.ranking.forEach { record in try body(RankedFile(record: record)) }
        }
    }

    func forEachFailure(_ body: (_ path: String, _ reason: String) throws -> Void) throws {
        try state.withLock { state in
            try state.failures.forEach { record in
                let failure = FailureRecord(record: record)
                try body(failure.path, failure.error ?? "failed")
            }
        }
    }

    /// Releases the sorts' temporary files.
    func discard() {
        state.withLock { state in
            state.ranking.discard()
            state.failures.discard()
        }
    }
}

/// One scored file of a batch in ranked order, as the output stage reads it: a view of its record,
/// valid only during the call that hands it out.
public struct RankedFile {
    fileprivate let record: UnsafeRawBufferPointer

    /// Position of the file in the input list.
    public var index: Int { Int(RankingRecord.index(record)) }
    /// Its score; nil for a failed file.
    public var score: Double? { RankingRecord.outcome(record).score }
    public var failed: Bool { RankingRecord.outcome(record).failed }
    public var path: String { String(decoding: RankingRecord.path(record), as: UTF8.self) }
    /// Why it failed (or what else its row said), if anything.
    public var error: String? { RankingRecord.error(record).map { String(decoding: $0, as: UTF8.self) } }
    /// Where its CSV line and its JSON line are in their spools.
    public var csvLine: SpoolLine? { RankingRecord.line(record, at: RankingRecord.csvOffset) }
    public var jsonLine: SpoolLine? { RankingRecord.line(record, at: RankingRecord.jsonOffset) }
}

/// The ranking sort's record, by byte offset: outcome bits (8), input index (4), CSV line start (8) and
/// length (4), JSON line start (8) and length (4), path length (4), whether an error follows (1), the
/// path's UTF-8, the error's UTF-8. A start of `UInt64.max`: no line.
enum RankingRecord {
    static let csvOffset = 12
    static let jsonOffset = 24
    private static let pathLengthOffset = 36
    private static let hasErrorOffset = 40
    private static let pathOffset = 41

    static func encode(
        index: Int, outcome: FileOutcome, csvLine: SpoolLine?, jsonLine: SpoolLine?, path: String, error: String?,
        into bytes: inout [UInt8]
    ) {
        bytes.removeAll(keepingCapacity: true)
        append(outcome.bits, to: &bytes)
        append(UInt32(index), to: &bytes)
        append(csvLine?.start ?? .max, to: &bytes)
        append(csvLine?.length ?? 0, to: &bytes)
        append(jsonLine?.start ?? .max, to: &bytes)
        append(jsonLine?.length ?? 0, to: &bytes)
        append(UInt32(path.utf8.count), to: &bytes)
        bytes.append(error == nil ? 0 : 1)
        bytes.append(contentsOf: path.utf8)
        if let error { bytes.append(contentsOf: error.utf8) }
    }

    static func append<Value: FixedWidthInteger>(_ value: Value, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    static func outcome(_ record: UnsafeRawBufferPointer) -> FileOutcome {
        FileOutcome(bits: UInt64(littleEndian: record.loadUnaligned(as: UInt64.self)))
    }

    static func index(_ record: UnsafeRawBufferPointer) -> UInt32 {
        UInt32(littleEndian: record.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
    }

    static func line(_ record: UnsafeRawBufferPointer, at offset: Int) -> SpoolLine? {
        let start = UInt64(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        guard start != .max else { return nil }
        return SpoolLine(start: start, length: UInt32(littleEndian: record.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)))
    }

    private static func pathLength(_ record: UnsafeRawBufferPointer) -> Int {
        Int(UInt32(littleEndian: record.loadUnaligned(fromByteOffset: pathLengthOffset, as: UInt32.self)))
    }

    static func path(_ record: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: record[pathOffset..<(pathOffset + pathLength(record))])
    }

    static func error(_ record: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard record[hasErrorOffset] != 0 else { return nil }
        return UnsafeRawBufferPointer(rebasing: record[(pathOffset + pathLength(record))...])
    }

    /// `BatchRow.ranksBefore` on two records: score descending, a failed file after every scored one,
    /// ties by path (`String` order); then input order, as the stable sort of the input list that this
    /// replaces left them (workers finish files in any order).
    static func ranksBefore(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        switch (outcome(lhs).score, outcome(rhs).score) {
        case let (left?, right?): if left != right { return left > right }
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): break
        }
        let left = path(lhs), right = path(rhs)
        if PathOrder.precedes(left, right) { return true }
        if PathOrder.precedes(right, left) { return false }
        return index(lhs) < index(rhs)
    }
}

/// The failures sort's record: input index (4), whether an error follows (1), path length (4), path,
/// error; ordered by input index.
struct FailureRecord {
    var path: String
    var error: String?

    static func encode(index: Int, path: String, error: String?, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        RankingRecord.append(UInt32(index), to: &bytes)
        bytes.append(error == nil ? 0 : 1)
        RankingRecord.append(UInt32(path.utf8.count), to: &bytes)
        bytes.append(contentsOf: path.utf8)
        if let error { bytes.append(contentsOf: error.utf8) }
    }

    init(record: UnsafeRawBufferPointer) {
        let pathLength = Int(UInt32(littleEndian: record.loadUnaligned(fromByteOffset: 5, as: UInt32.self)))
        path = String(decoding: record[9..<(9 + pathLength)], as: UTF8.self)
        error = record[4] != 0 ? String(decoding: record[(9 + pathLength)...], as: UTF8.self) : nil
    }

    static func precedes(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        lhs.loadUnaligned(as: UInt32.self) < rhs.loadUnaligned(as: UInt32.self)
    }
}

/// The order of paths: as `String`s compare them, told from the bytes when both are ASCII (then each
/// character is one scalar and one byte, normalisation leaves it alone, and byte order is `String`
/// order, a prefix first).
enum PathOrder {
    static func precedes(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        if isASCII(left) && isASCII(right) {
            let common = Swift.min(left.count, right.count)
            if common > 0 {
                let order = memcmp(left.baseAddress!, right.baseAddress!, common)
                if order != 0 { return order < 0 }
            }
            return left.count < right.count
        }
        return String(decoding: left, as: UTF8.self) < String(decoding: right, as: UTF8.self)
    }

    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        // Eight bytes at a time: any byte with its high bit set.
        var index = 0
        while index + 8 <= bytes.count {
            if bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}

extension PathOrder {
    /// Whether the paths are equal as `String`s (canonically equivalent), from the bytes when both are ASCII.
    static func equal(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        if isASCII(left) && isASCII(right) { return left.elementsEqual(right) }
        return String(decoding: left, as: UTF8.self) == String(decoding: right, as: UTF8.self)
    }
}
