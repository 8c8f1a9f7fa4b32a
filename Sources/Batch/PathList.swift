/// The paths of a batch, held as one run of UTF-8 bytes and where each path ends.
///
/// Why not `[String]`: a batch keeps its whole input list until its output is written, and a path of
/// more than 15 bytes is a heap string of its own (a 40-byte path took an 80-byte allocation, plus 16
/// bytes in the array): at 20,000 files, about 2 MB that a folder of 2,000 does not hold. Here a path costs
/// its bytes and 4, and a `String` is made only when one is asked for (once per file scored, and for
/// failed files' messages).
///
/// Paths made from `String`s come back as equal `String`s: valid UTF-8 is stored and decoded unchanged.
public struct PathList: Sendable, RandomAccessCollection, Equatable {
    /// Every path's UTF-8 bytes, one after the other.
    private var bytes: [UInt8] = []
    /// Where each path ends in `bytes` (it starts where the one before ends).
    private var ends: [UInt32] = []
    /// Whether every path is ASCII (then `precedes` need not look for other bytes).
    private var allASCII = true

    public init() {}

    public init<Paths: Sequence<String>>(_ paths: Paths) {
        for path in paths { append(path) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(position: Int) -> String {
        withUTF8(of: position) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of the path at `position`, without making a `String`.
    public func withUTF8<Result>(of position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let range = self.range(of: position)
        return try bytes.withUnsafeBufferPointer { all in try body(UnsafeBufferPointer(rebasing: all[range])) }
    }

    private func range(of position: Int) -> Range<Int> {
        (position == 0 ? 0 : Int(ends[position - 1]))..<Int(ends[position])
    }

    public mutating func append(_ path: String) {
        var path = path
        path.withUTF8 { append(utf8: $0) }
    }

    /// Appends a path given by its UTF-8 bytes, which must be valid UTF-8.
    mutating func append(utf8 path: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count + path.count <= Int(UInt32.max), "a batch's paths must fit in 4 GB")
        bytes.append(contentsOf: path)
        ends.append(UInt32(bytes.count))
        if allASCII && path.contains(where: { $0 >= 0x80 }) { allASCII = false }
    }

    /// Appends the path made of `prefix` and `name`, which together must be valid UTF-8.
    mutating func append(prefix: [UInt8], utf8 name: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count + prefix.count + name.count <= Int(UInt32.max), "a batch's paths must fit in 4 GB")
        bytes.append(contentsOf: prefix)
        bytes.append(contentsOf: name)
        ends.append(UInt32(bytes.count))
        if allASCII && (prefix.contains(where: { $0 >= 0x80 }) || name.contains(where: { $0 >= 0x80 })) { allASCII = false }
    }

    /// Appends the path at `position` of `other`.
    mutating func append(_ position: Int, of other: PathList) {
        other.withUTF8(of: position) { append(utf8: $0) }
    }

    /// Drops the spare capacity left by appending (the list is kept for the whole batch).
    mutating func trim() {
        bytes = Array(bytes)
        ends = Array(ends)
    }

    /// The paths for which `isIncluded` is true, in order.
    public func filter(_ isIncluded: (String) throws -> Bool) rethrows -> PathList {
        var kept = PathList()
        for position in indices {
            let path = self[position]
            if try isIncluded(path) { kept.append(path) }
        }
        kept.trim()
        return kept
    }

    /// `self[lhs] < self[rhs]`, compared on the bytes when both are ASCII: ASCII strings order as
    /// their bytes (each character is one scalar, one byte, and normalisation leaves it alone), and a
    /// prefix before what extends it. Other paths are compared as `String`s.
    public func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
        let left = range(of: lhs), right = range(of: rhs)
        return bytes.withUnsafeBufferPointer { all in
            if !allASCII && (all[left].contains { $0 >= 0x80 } || all[right].contains { $0 >= 0x80 }) {
                return self[lhs] < self[rhs]
            }
            let common = Swift.min(left.count, right.count)
            for offset in 0..<common where all[left.lowerBound + offset] != all[right.lowerBound + offset] {
                return all[left.lowerBound + offset] < all[right.lowerBound + offset]
            }
            return left.count < right.count
        }
    }

    /// As `[String]` compares: path by path, canonically equivalent paths being equal.
    public static func == (lhs: PathList, rhs: PathList) -> Bool {
        if lhs.ends == rhs.ends && lhs.bytes == rhs.bytes { return true }
        return lhs.elementsEqual(rhs)
    }
}
