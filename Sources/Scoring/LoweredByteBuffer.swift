/// The bytes `ScorableLinesBuilder` gathers for `ScorableRecord.loweredBytes`: an array whose storage
/// is allocated ahead (its `count` is the room, not the bytes written) and a count of the bytes
/// written. A line's bytes are copied in with one `memcpy`-like copy: `Array.append(contentsOf:)` of a
/// buffer took about 107 instructions per line of every file (capacity checks and the generic
/// sequence copy), where the bytes are 30-80.
///
/// The room past `count` holds whatever the allocation held or bytes of lines dropped, and nothing
/// reads it: `bytes`, `withBytes` and `take()` give only the first `count`.
struct LoweredByteBuffer {
    private var storage: [UInt8]
    /// How many bytes are written; setting it lower drops the bytes past it (the room stays).
    var count = 0 {
        didSet { precondition(count >= 0 && count <= storage.count) }
    }

    init(capacity: Int = 0) {
        storage = Self.room(capacity)
    }

    /// An array of `size` bytes whose values are not set: only room to write into. Not zeroed: zeroing
    /// about 7 KB per record (`Array(repeating:count:)` a byte at a time, or `memset`) cost more than the
    /// appends save; `UInt8` is trivial, and no byte past `count` is ever read.
    private static func room(_ size: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: size) { _, initialized in initialized = size }
    }

    /// Appends `bytes` after the `count` bytes written, growing the room (doubling) when they do not fit.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let start = count
        let end = start + bytes.count
        if end > storage.count { grow(toHold: end) }
        storage.withUnsafeMutableBufferPointer { room in
            (room.baseAddress! + start).update(from: source, count: bytes.count)
        }
        count = end
    }

    private mutating func grow(toHold size: Int) {
        var larger = Self.room(max(size, storage.count * 2, 64))
        let written = count
        larger.withUnsafeMutableBufferPointer { room in
            storage.withUnsafeBufferPointer { old in
                if let from = old.baseAddress, written > 0 { room.baseAddress!.update(from: from, count: written) }
            }
        }
        storage = larger
    }

    /// Calls `body` with the written bytes from `start` (at most `count`) on.
    func withBytes<Result>(from start: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        precondition(start >= 0 && start <= count)
        return storage.withUnsafeBufferPointer { room in
            body(UnsafeBufferPointer(rebasing: room[start..<count]))
        }
    }

    /// The bytes written, as an array of their own.
    var bytes: [UInt8] { Array(storage[..<count]) }

    /// The bytes written, in the storage itself cut to them; the buffer is left empty.
    mutating func take() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &storage)
        taken.removeSubrange(count...)
        count = 0
        return taken
    }
}
