import Foundation

/// The files a batch scores, gathered from folders, files and lists, in a stable order.
public struct BatchInputs: Sendable, Equatable {
    /// Extensions read as résumés inside folders and lists (case-insensitive).
    public static let resumeExtensions: Set<String> = ["html", "htm", "xhtml", "xml"]

    /// The files in order, held compactly (a batch keeps its list until its output is written).
    public var paths: PathList
    /// Files in folders or lists that are not résumé files by extension.
    public var skipped: Int

    /// The files in order, as strings.
    public var files: [String] { Array(paths) }

    public init(files: [String], skipped: Int) {
        self.init(paths: PathList(files), skipped: skipped)
    }

    public init(paths: PathList, skipped: Int) {
        self.paths = paths
        self.skipped = skipped
    }

    /// - Parameters:
    ///   - paths: folders and files as given on the command line. A file named directly is always
    ///     scored (a missing one becomes an error row); a folder contributes its résumé files.
    ///   - listed: paths read from `--files-from`, filtered like folder contents.
    public static func gather(paths: [String], listed: [String] = [], recursive: Bool) -> BatchInputs {
        var files = PathList()
        var skipped = 0
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                skipped += appendFiles(inFolder: path, recursive: recursive, to: &files)
            } else {
                files.append(path)
            }
        }
        for path in listed {
            if isResumeFile(path) { files.append(path) } else { skipped += 1 }
        }
        // The same file named twice is scored once. One folder or file alone cannot name a file twice
        // (a folder lists each name once), and a set of 20,000 paths costs memory for nothing.
        if paths.count + listed.count > 1 {
            var seen: Set<String> = []
            files = files.filter { seen.insert($0).inserted }
        } else {
            files.trim()
        }
        return BatchInputs(paths: files, skipped: skipped)
    }

    static func isResumeFile(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        return resumeExtensions.contains(ext)
    }

    /// `isResumeFile(paths[index])`, told from the bytes when they give the answer for certain: the path
    /// ends in "." and one of the extensions (in any case) after an ASCII character other than "/". Then
    /// that "." is the last one of the last path component, not its first character, and no character
    /// joins it or the extension to a neighbour (only non-ASCII characters extend or prepend to others),
    /// so Foundation's `pathExtension` is those letters. Any other path is asked of `isResumeFile`.
    static func isResumeFile(_ index: Int, of paths: PathList) -> Bool {
        let known: Bool? = paths.withUTF8(of: index) { bytes in
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
            return nil
        }
        return known ?? isResumeFile(paths[index])
    }

    private static let resumeExtensionBytes: [[UInt8]] = resumeExtensions.map { Array($0.utf8) }

    static func filesInFolder(_ folder: String, recursive: Bool) -> ([String], Int) {
        var files = PathList()
        let skipped = appendFiles(inFolder: folder, recursive: recursive, to: &files)
        return (Array(files), skipped)
    }

    /// Appends the résumé files of `folder` (and of its sub-folders when `recursive`) to `files`, in
    /// name order; returns how many other files it skipped.
    static func appendFiles(inFolder folder: String, recursive: Bool, to files: inout PathList) -> Int {
        var skipped = 0
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard let listing = FolderEntry.list(base) else { return 0 }
        // By path, which orders as the names do: every path is the same folder prefix and "/" before
        // the name, and nothing composes with "/" under Unicode normalisation.
        var order = (0..<UInt32(listing.paths.count)).map { $0 }
        order.sort { listing.paths.precedes(Int($0), Int($1)) }
        for index in order.lazy.map(Int.init) {
            switch listing.kind(index) {
            case .missing:
                // A dangling link: name it so it becomes an error row, not a silent loss.
                if isResumeFile(index, of: listing.paths) { files.append(index, of: listing.paths) } else { skipped += 1 }
            case .folder:
                if recursive { skipped += appendFiles(inFolder: listing.paths[index], recursive: true, to: &files) }
            case .file:
                if isResumeFile(index, of: listing.paths) { files.append(index, of: listing.paths) } else { skipped += 1 }
            }
        }
        return skipped
    }

    /// The K-th of N deterministic partitions (1-based K), by a hash of each path, so machines given the
    /// same list and different K score disjoint files that together cover it.
    public func shard(_ index: Int, of count: Int) -> BatchInputs {
        BatchInputs(paths: paths.filter { Self.stableHash($0) % UInt64(count) == UInt64(index - 1) }, skipped: skipped)
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
