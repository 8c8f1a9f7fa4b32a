import Foundation
import Testing
import TestSupport

@testable import Batch

/// The batch's external sort (`ExternalSort`) against `sorted(by:)` on the same records: random records
/// through buffers so small that there are many runs, merges on several levels and merge passes at the
/// end; records longer than the buffer; no record; one record; ties kept in the order appended.
@Suite struct BatchExternalSortTests {
    /// Byte order, a prefix first.
    static func bytesPrecede(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        left.lexicographicallyPrecedes(right)
    }

    /// Sorts `records` externally and reads them back (twice: `forEach` may be called again).
    static func externallySorted(
        _ records: [[UInt8]], capacity: Int, fanIn: Int,
        by precedes: @escaping ExternalSort.Precedes = bytesPrecede
    ) throws -> [[UInt8]] {
        let sort = ExternalSort(capacity: capacity, fanIn: fanIn, precedes: precedes)
        for record in records { try sort.append(record) }
        try sort.finish()
        var first: [[UInt8]] = [], second: [[UInt8]] = []
        try sort.forEach { first.append(Array($0)) }
        try sort.forEach { second.append(Array($0)) }
        #expect(first == second)
        #expect(sort.recordCount == records.count)
        return first
    }

    /// `count` records of 0 to `maxLength` random bytes from a small alphabet (so prefixes and equal
    /// records are common).
    static func randomRecords(count: Int, maxLength: Int, seed: UInt64) -> [[UInt8]] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = Int(random.next() % UInt64(maxLength + 1))
            return (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next() % 4) + 0x61 }
        }
    }

    @Test(arguments: [
        (count: 1000, maxLength: 12, capacity: 1024, fanIn: 2),
        (count: 3000, maxLength: 40, capacity: 1152, fanIn: 3),
        (count: 5000, maxLength: 8, capacity: 4096, fanIn: 8),
        (count: 200, maxLength: 300, capacity: 640, fanIn: 4),
    ])
    func sameOrderAsSortedBy(count: Int, maxLength: Int, capacity: Int, fanIn: Int) throws {
        let records = Self.randomRecords(count: count, maxLength: maxLength, seed: UInt64(count * 31 + capacity))
        let expected = records.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(try Self.externallySorted(records, capacity: capacity, fanIn: fanIn) == expected)
    }

    /// Records equal under the order come out as they went in: each record is a key byte and its
    /// position, and the order looks at the key alone.
    @Test(arguments: [(capacity: 640, fanIn: 2), (capacity: 1024, fanIn: 3), (capacity: 1 << 16, fanIn: 8)])
    func tiesKeepTheOrderOfAppending(capacity: Int, fanIn: Int) throws {
        var random = SplitMix64(seed: 7)
        let records: [[UInt8]] = (0..<4000).map { position in
            [UInt8(random.next() % 5)] + withUnsafeBytes(of: UInt32(position).bigEndian, Array.init)
        }
        let byKey: ExternalSort.Precedes = { $0[0] < $1[0] }
        // The standard library's sort is not promised to be stable: the expectation is made stable by hand.
        let expected = records.enumerated().sorted { ($0.element[0], $0.offset) < ($1.element[0], $1.offset) }.map(\.element)
        #expect(try Self.externallySorted(records, capacity: capacity, fanIn: fanIn, by: byKey) == expected)
    }

    @Test func recordsLongerThanTheBufferAndItsPieces() throws {
        var random = SplitMix64(seed: 11)
        // Lengths around the merge piece (640 / 3 = 213 bytes), around the buffer, and far over both.
        let lengths = [0, 1, 200, 209, 213, 214, 500, 632, 640, 641, 3000, 10_000, 5, 700, 213, 0]
        var records: [[UInt8]] = []
        for round in 0..<6 {
            for length in lengths {
                records.append((0..<(length + round)).map { _ in UInt8(truncatingIfNeeded: random.next() % 3) + 0x30 })
            }
        }
        let expected = records.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(try Self.externallySorted(records, capacity: 640, fanIn: 2) == expected)
        #expect(try Self.externallySorted(records, capacity: 64 << 10, fanIn: 8) == expected)
    }

    @Test func noRecordAndOneRecord() throws {
        #expect(try Self.externallySorted([], capacity: 1024, fanIn: 2) == [])
        #expect(try Self.externallySorted([[]], capacity: 1024, fanIn: 2) == [[]])
        #expect(try Self.externallySorted([Array("one".utf8)], capacity: 1024, fanIn: 2) == [Array("one".utf8)])
        // One record longer than the buffer: a run of its own, read back through a piece.
        let long = [UInt8](repeating: 0x41, count: 5000)
        #expect(try Self.externallySorted([long], capacity: 1024, fanIn: 2) == [long])
    }
}
