#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The files a batch scores, gathered from folders, files and lists, in a stable order.
///
/// The list is on disk (`InputList`), and everything that orders it (a folder's names, the search for
/// a path named twice) goes through external sorts of fixed size: a batch of 20,000 files holds no
/// more memory for its inputs than one of 2,000 (a folder's sort per level of sub-folder being read).
public struct BatchInputs: Sendable {
    /// Extensions read as résumés inside folders and lists (case-insensitive).
    public static let resumeExtensions: Set<String> = ["html", "htm", "xhtml", "xml"]

    /// The files in order.
    public let list: InputList
    /// Files in folders or lists that are not résumé files by extension.
    public var skipped: Int

    /// How many files there are.
    public var count: Int { list.count }

    /// The files in order, as strings (read back whole: for tests and small lists).
    public var files: [String] {
        let reader = list.reader()
        var files: [String] = []
        while let (_, path) = reader.next() { files.append(path) }
        return files
    }

    /// Writing or reading a temporary file failed (a full disk …): which file, and the system's reason.
    public struct Failure: Error, Sendable {
        public var file: String
        public var reason: String
    }

    /// - Parameters:
    ///   - paths: folders and files as given on the command line. A file named directly is always
    ///     scored (a missing one becomes an error row); a folder contributes its résumé files.
    ///   - listed: paths read from `--files-from` (one at a time), filtered like folder contents.
    public static func gather(paths: [String], recursive: Bool) throws -> BatchInputs {
        try gather(paths: paths, listed: [String](), recursive: recursive)
    }

    public static func gather(paths: [String], listed: some Sequence<String>, recursive: Bool) throws -> BatchInputs {
        let files = InputList()
        var skipped = 0
        var named = paths.count
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                skipped += try appendFiles(inFolder: path, recursive: recursive, to: files)
            } else {
                files.append(path)
            }
        }
        for path in listed {
            named += 1
            if isResumeFile(path) { files.append(path) } else { skipped += 1 }
        }
        files.finishWriting()
        if let (file, reason) = files.failure { throw Failure(file: file, reason: reason) }
        // The same file named twice is scored once. One folder or file alone cannot name a file twice
        // (a folder lists each name once), and looking costs two sorts for nothing.
        guard named > 1 else { return BatchInputs(list: files, skipped: skipped) }
        return BatchInputs(list: try withoutRepeats(files), skipped: skipped)
    }

    /// `files` with each path named again (equal as `String`s, as a `Set<String>` finds them) left out
    /// after its first time, the order otherwise kept: an external sort by (path, input index) finds the
    /// repeats, a second sort puts their indices in order, and one pass over the list leaves them out.
    static func withoutRepeats(_ files: InputList) throws -> InputList {
        let byPath = ExternalSort { lhs, rhs in
            let left = UnsafeRawBufferPointer(rebasing: lhs[4...]), right = UnsafeRawBufferPointer(rebasing: rhs[4...])
            if PathOrder.precedes(left, right) { return true }
            if PathOrder.precedes(right, left) { return false }
            return lhs.loadUnaligned(as: UInt32.self) < rhs.loadUnaligned(as: UInt32.self)
        }
        let repeats = ExternalSort(capacity: 16 << 10, fanIn: 4) { $0.loadUnaligned(as: UInt32.self) < $1.loadUnaligned(as: UInt32.self) }
        let kept = InputList()
        do {
            var record: [UInt8] = []
            let reader = files.reader()
            while let (index, path) = reader.next() {
                record.removeAll(keepingCapacity: true)
                withUnsafeBytes(of: UInt32(index)) { record.append(contentsOf: $0) }
                record.append(contentsOf: path.utf8)
                try byPath.append(record)
            }
            try byPath.finish()
            // Equal paths are next to one another, the first named first.
            var first: [UInt8] = []
            var isFirst = true
            try byPath.forEach { record in
                let path = UnsafeRawBufferPointer(rebasing: record[4...])
                let repeated = !isFirst && first.withUnsafeBytes { PathOrder.equal($0, path) }
                if repeated {
                    try repeats.append(UnsafeRawBufferPointer(rebasing: record[..<4]))
                } else {
                    first.removeAll(keepingCapacity: true)
                    first.append(contentsOf: path)
                }
                isFirst = false
            }
            try repeats.finish()
            let again = files.reader()
            try repeats.forEach { record in
                let repeated = Int(record.loadUnaligned(as: UInt32.self))
                while let (index, path) = again.next(), index != repeated { kept.append(path) }
            }
            while let (_, path) = again.next() { kept.append(path) }
        } catch let failure as ExternalSort.Failure {
            throw Failure(file: byPath.temporaryPath ?? repeats.temporaryPath ?? NSTemporaryDirectory(), reason: failure.description)
        } catch {
            throw Failure(file: NSTemporaryDirectory(), reason: "\(error)")
        }
        kept.finishWriting()
        if let (file, reason) = kept.failure { throw Failure(file: file, reason: reason) }
        return kept
    }

    static func isResumeFile(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        return resumeExtensions.contains(ext)
    }

    /// `isResumeFile` of the path with these UTF-8 bytes, told from the bytes when they give the answer
    /// for certain: the path ends in "." and one of the extensions (in any case) after an ASCII character
    /// other than "/". Then that "." is the last one of the last path component, not its first character,
    /// and no character joins it or the extension to a neighbour (only non-ASCII characters extend or
    /// prepend to others), so Foundation's `pathExtension` is those letters. Any other path is asked of
    /// `isResumeFile`.
    static func isResumeFile(utf8 bytes: UnsafeRawBufferPointer) -> Bool {
        for suffixLength in [4, 5, 6] where bytes.count > suffixLength {
            let dot = bytes.count - suffixLength
            let before = bytes[dot - 1]
            guard bytes[dot] == UInt8(ascii: "."), before < 0x80, before != UInt8(ascii: "/") else { continue }
            let suffix = bytes[(dot + 1)...]
            let isResumeExtension = Self.resumeExtensionBytes.contains { candidate in
                candidate.count == suffix.count && zip(candidate, suffix).allSatisfy { letter, byte in
                    letter == (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
                }
            }
            if isResumeExtension { return true }
        }
        return isResumeFile(String(decoding: bytes, as: UTF8.self))
    }

    private static let resumeExtensionBytes: [[UInt8]] = resumeExtensions.map { Array($0.utf8) }

    static func filesInFolder(_ folder: String, recursive: Bool) throws -> ([String], Int) {
        let files = InputList()
        let skipped = try appendFiles(inFolder: folder, recursive: recursive, to: files)
        files.finishWriting()
        return (BatchInputs(list: files, skipped: skipped).files, skipped)
    }

    /// Appends the résumé files of `folder` (and of its sub-folders when `recursive`, depth first) to
    /// `files`, in name order; returns how many other files it skipped.
    static func appendFiles(inFolder folder: String, recursive: Bool, to files: InputList) throws -> Int {
        var skipped = 0
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        // By name, which orders as the paths do: every path is the same folder prefix and "/" before
        // the name, and nothing composes with "/" under Unicode normalisation. Names equal as `String`s
        // (precomposed and decomposed) stay in the order the folder gives them, as the stable sort of
        // the listing did. A record is the entry's kind (one byte) and its name.
        let names = ExternalSort(capacity: 32 << 10, fanIn: 8) { lhs, rhs in
            PathOrder.precedes(UnsafeRawBufferPointer(rebasing: lhs[1...]), UnsafeRawBufferPointer(rebasing: rhs[1...]))
        }
        do {
            guard try FolderEntry.list(base, into: names) else { return 0 }
            try names.finish()
            var path = Array(base.utf8) + [UInt8(ascii: "/")]
            let prefixLength = path.count
            try names.forEach { record in
                path.removeSubrange(prefixLength...)
                path.append(contentsOf: record[1...])
                try path.withUnsafeBytes { (path) throws in
                    switch FolderEntry.kind(of: path, known: record[0]) {
                    case .missing, .file:
                        // A dangling link is named, so it becomes an error row, not a silent loss.
                        if isResumeFile(utf8: path) { files.append(utf8: path) } else { skipped += 1 }
                    case .folder:
                        if recursive { skipped += try appendFiles(inFolder: String(decoding: path, as: UTF8.self), recursive: true, to: files) }
                    }
                }
            }
        } catch let failure as Failure {
            throw failure
        } catch let failure as ExternalSort.Failure {
            throw Failure(file: names.temporaryPath ?? NSTemporaryDirectory(), reason: failure.description)
        } catch {
            throw Failure(file: NSTemporaryDirectory(), reason: "\(error)")
        }
        return skipped
    }

    /// The K-th of N deterministic partitions (1-based K), by a hash of each path, so machines given the
    /// same list and different K score disjoint files that together cover it.
    public func shard(_ index: Int, of count: Int) throws -> BatchInputs {
        let kept = InputList()
        let reader = list.reader()
        while let (_, path) = reader.next() {
            if Self.stableHash(path) % UInt64(count) == UInt64(index - 1) { kept.append(path) }
        }
        kept.finishWriting()
        if let (file, reason) = kept.failure { throw Failure(file: file, reason: reason) }
        return BatchInputs(list: kept, skipped: skipped)
    }

    /// FNV-1a: the same on every machine and run (Swift's `hashValue` is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return hash
    }
}
