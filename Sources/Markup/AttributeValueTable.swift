import Foundation

/// The long attribute values of one document, each made into a string once. A Word page repeats the same
/// `style` and `class` values on element after element (over 200 generated résumés, 5,535 values longer
/// than a small string, 1,218 of them distinct within their document): a repeat is handed the string
/// made for its first occurrence (one retain) instead of a new allocation, a copy and a validation, and
/// the copies of a value share storage, so comparing them later (the hiding verdicts, the line reader's
/// cue caches) finds them identical at once.
///
/// Values of up to 15 bytes become small strings, which allocate nothing, and are made as before.
struct AttributeValueTable {
    /// Most distinct long values kept per document; past it, values are made as before.
    private static var limit: Int { 128 }
    /// Longest value kept (a longer one is rarely repeated, and would only grow the byte store).
    private static var longestKept: Int { 512 }
    private static var slotCount: Int { 256 }

    private struct Entry {
        var hash: UInt64
        var start: Int
        var count: Int
        var value: String
    }

    private var entries: [Entry] = []
    /// Index into `entries` by hash, open addressing; -1 for an empty slot.
    private var slots: [Int16] = []
    /// The bytes of every kept value, end to end.
    private var bytes: [UInt8] = []

    /// `String(cString:)` of a NUL-terminated value.
    mutating func value(_ pointer: UnsafePointer<UInt8>) -> String {
        let count = strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        let value = UnsafeBufferPointer(start: pointer, count: count)
        guard count > 15 && count <= Self.longestKept else { return String(decoding: value, as: UTF8.self) }
        let hash = Self.hash(value)
        if slots.isEmpty { slots = Array(repeating: -1, count: Self.slotCount) }
        var slot = Int(truncatingIfNeeded: hash >> 56) & (Self.slotCount - 1)
        while slots[slot] >= 0 {
            let entry = entries[Int(slots[slot])]
            if entry.hash == hash && entry.count == count
                && bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + entry.start, pointer, count) == 0 }) {
                return entry.value
            }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
        // Decoding the same bytes gives the same string, repaired or not: the first occurrence's string
        // is the one every later occurrence would make.
        let made = String(decoding: value, as: UTF8.self)
        if entries.count < Self.limit {
            if entries.isEmpty {
                // Room for a page's worth at once: growing from one entry and from a few bytes took as
                // many steps as there were values.
                entries.reserveCapacity(32)
                bytes.reserveCapacity(2048)
            }
            slots[slot] = Int16(entries.count)
            entries.append(Entry(hash: hash, start: bytes.count, count: count, value: made))
            bytes.append(contentsOf: value)
        }
        return made
    }

    /// A hash of the bytes, eight at a time, with the length; the top bits pick the slot.
    static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(value)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(value.count)
        var index = 0
        while index + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            index += 8
        }
        var tail: UInt64 = 0
        while index < raw.count {
            tail = tail << 8 | UInt64(raw[index])
            index += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ hash >> 29
    }
}
