import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cues of attribute values already read in one document, by the value's exact bytes.
///
/// Templates and Word repeat the same few class and style values on most elements (`fa-li`,
/// `fas fa-check`, `MsoNormal` …), and the line reader reads the cues of every one: a value met again
/// is answered by one byte comparison instead of a fresh scan. Exact for any function of the value's
/// bytes (the cues of class and style values are): an entry is used only when its bytes are the value's
/// bytes, compared in full (not `==`, which would also match a canonically equivalent spelling).
struct AttributeCueCache<Cues> {
    private struct Entry {
        var value: String
        var cues: Cues
    }

    /// Direct-mapped slots, made on first use (a document without the attribute allocates nothing).
    private var entries: [Entry?] = []

    static var slotCount: Int { 16 }

    /// The slot a value with these bytes is kept in: from its length and its first and last bytes, which
    /// tell the usual values of a document apart.
    @inline(__always)
    static func slot(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = bytes.first, let last = bytes.last else { return 0 }
        return (bytes.count &* 7 &+ Int(first) &* 3 &+ Int(last)) & (slotCount - 1)
    }

    /// `compute(value)`, from the cache when a value with the same bytes was computed before.
    mutating func cues(of value: String, _ compute: (String) -> Cues) -> Cues {
        if entries.isEmpty { entries = Array(repeating: nil, count: Self.slotCount) }
        let (slot, cached) = value.withBorrowedUTF8 { bytes -> (Int, Cues?) in
            let slot = Self.slot(of: bytes)
            guard let entry = entries[slot], Self.sameBytes(entry.value, bytes) else { return (slot, nil) }
            return (slot, entry.cues)
        }
        if let cached { return cached }
        let cues = compute(value)
        entries[slot] = Entry(value: value, cues: cues)
        return cues
    }

    @inline(__always)
    private static func sameBytes(_ stored: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        stored.withBorrowedUTF8 { storedBytes in
            guard storedBytes.count == bytes.count else { return false }
            guard let left = storedBytes.baseAddress, let right = bytes.baseAddress else { return true }
            return memcmp(left, right, bytes.count) == 0
        }
    }
}
