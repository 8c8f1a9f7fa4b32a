#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The paths of a batch, held as UTF-8 bytes: each path's folder (up to its last "/") once for a run of
/// paths in the same folder, and its name.
///
/// Why not `[String]`: a batch keeps its whole input list until its output is written, and a path of
/// more than 15 bytes is a heap string of its own (a 40-byte path took an 80-byte allocation, plus 16
/// bytes in the array): at 20,000 files, about 2 MB that a folder of 2,000 does not hold. Here a path
/// costs its name's bytes and 4 (plus its folder's bytes and 12 when its folder is not the one before
/// it), and a `String` is made only when one is asked for (once per file scored, and for failed files'
/// messages).
///
/// Paths made from `String`s come back as equal `String`s: valid UTF-8 is stored and decoded unchanged
/// ("/" is one byte that no multi-byte character contains, so splitting there splits no character).
public struct PathList: Sendable, RandomAccessCollection, Equatable {
    /// Every name's UTF-8 bytes, one after the other.
    private var names: [UInt8] = []
    /// Where each path's name ends in `names` (it starts where the one before ends).
    private var nameEnds: [UInt32] = []
    /// The folders of the runs, their bytes one after the other (each with its final "/", or empty for
    /// a path without one).
    private var folders: [UInt8] = []
    /// Where each run's folder ends in `folders`, and the index of the run's first path.
    private var folderEnds: [UInt32] = []
    private var runStarts: [UInt32] = []
    /// Whether every path is ASCII (then `precedes` need not look for other bytes).
    private var allASCII = true

    public init() {}

    public init<Paths: Sequence<String>>(_ paths: Paths) {
        for path in paths { append(path) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { nameEnds.count }

    public subscript(position: Int) -> String {
        withUTF8(of: position) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of the path at `position`, without making a `String`.
    public func withUTF8<Result>(of position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let folder = folderRange(of: run(of: position)), name = nameRange(of: position)
        return try folders.withUnsafeBufferPointer { folders in
            try names.withUnsafeBufferPointer { names in
                try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: folder.count + name.count) { path in
                    let afterFolder = path.initialize(fromContentsOf: folders[folder])
                    _ = path[afterFolder...].initialize(fromContentsOf: names[name])
                    defer { path.deinitialize() }
                    return try body(UnsafeBufferPointer(path))
                }
            }
        }
    }

    private func nameRange(of position: Int) -> Range<Int> {
        (position == 0 ? 0 : Int(nameEnds[position - 1]))..<Int(nameEnds[position])
    }

    private func folderRange(of run: Int) -> Range<Int> {
        (run == 0 ? 0 : Int(folderEnds[run - 1]))..<Int(folderEnds[run])
    }

    /// The run holding the path at `position`: the last one starting at or before it.
    private func run(of position: Int) -> Int {
        var low = 0, high = runStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(runStarts[middle]) <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }

    public mutating func append(_ path: String) {
        var path = path
        path.withUTF8 { append(utf8: $0) }
    }

    /// Appends a path given by its UTF-8 bytes, which must be valid UTF-8.
    mutating func append(utf8 path: UnsafeBufferPointer<UInt8>) {
        let nameStart = (path.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        append(folder: UnsafeBufferPointer(rebasing: path[..<nameStart]), name: UnsafeBufferPointer(rebasing: path[nameStart...]))
    }

    /// Appends the path made of `prefix` and `name`, which together must be valid UTF-8.
    mutating func append(prefix: [UInt8], utf8 name: UnsafeBufferPointer<UInt8>) {
        if name.contains(UInt8(ascii: "/")) {
            // Not a name: the path is split where its last "/" is.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: prefix.count + name.count) { path in
                let afterPrefix = path.initialize(fromContentsOf: prefix)
                _ = path[afterPrefix...].initialize(fromContentsOf: name)
                append(utf8: UnsafeBufferPointer(path))
                path.deinitialize()
            }
            return
        }
        let nameStart = (prefix.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        prefix.withUnsafeBufferPointer { prefix in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: prefix.count - nameStart + name.count) { fullName in
                let afterPrefix = fullName.initialize(fromContentsOf: prefix[nameStart...])
                _ = fullName[afterPrefix...].initialize(fromContentsOf: name)
                append(folder: UnsafeBufferPointer(rebasing: prefix[..<nameStart]), name: UnsafeBufferPointer(fullName))
                fullName.deinitialize()
            }
        }
    }

    /// Appends the path at `position` of `other`.
    mutating func append(_ position: Int, of other: PathList) {
        other.withUTF8(of: position) { append(utf8: $0) }
    }

    /// Appends a path given as its folder (empty, or ending in its last "/") and its name.
    private mutating func append(folder: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>) {
        precondition(names.count + name.count <= Int(UInt32.max) && folders.count + folder.count <= Int(UInt32.max), "a batch's paths must fit in 4 GB")
        let sameFolder = !runStarts.isEmpty && folders.withUnsafeBufferPointer { folders in
            folders[folderRange(of: runStarts.count - 1)].elementsEqual(folder)
        }
        if !sameFolder {
            folders.append(contentsOf: folder)
            folderEnds.append(UInt32(folders.count))
            runStarts.append(UInt32(nameEnds.count))
            if allASCII && folder.contains(where: { $0 >= 0x80 }) { allASCII = false }
        }
        names.append(contentsOf: name)
        nameEnds.append(UInt32(names.count))
        if allASCII && name.contains(where: { $0 >= 0x80 }) { allASCII = false }
    }

    /// Drops the spare capacity left by appending (the list is kept for the whole batch).
    mutating func trim() {
        names = names.withUnsafeBufferPointer { Array($0) }
        nameEnds = nameEnds.withUnsafeBufferPointer { Array($0) }
        folders = folders.withUnsafeBufferPointer { Array($0) }
        folderEnds = folderEnds.withUnsafeBufferPointer { Array($0) }
        runStarts = runStarts.withUnsafeBufferPointer { Array($0) }
    }

    /// The paths for which `isIncluded` is true, in order.
    public func filter(_ isIncluded: (String) throws -> Bool) rethrows -> PathList {
        var kept = PathList()
        for position in indices where try isIncluded(self[position]) {
            kept.append(position, of: self)
        }
        kept.trim()
        return kept
    }

    /// `self[lhs] < self[rhs]`, compared on the bytes when both are ASCII: ASCII strings order as
    /// their bytes (each character is one scalar, one byte, and normalisation leaves it alone), and a
    /// prefix before what extends it. Other paths are compared as `String`s.
    public func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
        let leftRun = run(of: lhs), rightRun = run(of: rhs)
        return names.withUnsafeBufferPointer { names in
            let left = names[nameRange(of: lhs)], right = names[nameRange(of: rhs)]
            let ascii = allASCII || !(left.contains { $0 >= 0x80 } || right.contains { $0 >= 0x80 })
            if leftRun == rightRun && ascii {
                // The same folder: the names decide.
                return Self.bytesPrecede(UnsafeBufferPointer(rebasing: left), UnsafeBufferPointer(rebasing: right))
            }
            return withUTF8(of: lhs) { left in
                withUTF8(of: rhs) { right in
                    let ascii = allASCII || !(left.contains { $0 >= 0x80 } || right.contains { $0 >= 0x80 })
                    guard ascii else { return String(decoding: left, as: UTF8.self) < String(decoding: right, as: UTF8.self) }
                    return Self.bytesPrecede(left, right)
                }
            }
        }
    }

    /// Byte order, a prefix first (`memcmp` compares bytes as unsigned, as `UInt8` orders them).
    private static func bytesPrecede(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = Swift.min(left.count, right.count)
        if common > 0, let leftBytes = left.baseAddress, let rightBytes = right.baseAddress {
            let order = memcmp(leftBytes, rightBytes, common)
            if order != 0 { return order < 0 }
        }
        return left.count < right.count
    }

    /// As `[String]` compares: path by path, canonically equivalent paths being equal.
    public static func == (lhs: PathList, rhs: PathList) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}
