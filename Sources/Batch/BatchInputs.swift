import Foundation

/// The files a batch scores, gathered from folders, files and lists, in a stable order.
public struct BatchInputs: Sendable, Equatable {
    /// Extensions read as résumés inside folders and lists (case-insensitive).
    public static let resumeExtensions: Set<String> = ["html", "htm", "xhtml", "xml"]

    public var files: [String]
    /// Files in folders or lists that are not résumé files by extension.
    public var skipped: Int

    public init(files: [String], skipped: Int) {
        self.files = files
        self.skipped = skipped
    }

    /// - Parameters:
    ///   - paths: folders and files as given on the command line. A file named directly is always
    ///     scored (a missing one becomes an error row); a folder contributes its résumé files.
    ///   - listed: paths read from `--files-from`, filtered like folder contents.
    public static func gather(paths: [String], listed: [String] = [], recursive: Bool) -> BatchInputs {
        var files: [String] = []
        var skipped = 0
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let (found, skippedHere) = filesInFolder(path, recursive: recursive)
                files += found
                skipped += skippedHere
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
        }
        return BatchInputs(files: files, skipped: skipped)
    }

    static func isResumeFile(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        return resumeExtensions.contains(ext)
    }

    static func filesInFolder(_ folder: String, recursive: Bool) -> ([String], Int) {
        var files: [String] = []
        var skipped = 0
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard var entries = FolderEntry.list(base) else { return ([], 0) }
        // By path, which orders as the names do: every path is the same folder prefix and "/" before
        // the name, and nothing composes with "/" under Unicode normalisation.
        entries.sort { $0.path < $1.path }
        for entry in entries {
            let path = entry.path
            switch entry.kind() {
            case .missing:
                // A dangling link: name it so it becomes an error row, not a silent loss.
                if isResumeFile(path) { files.append(path) } else { skipped += 1 }
            case .folder:
                if recursive {
                    let (found, skippedHere) = filesInFolder(path, recursive: true)
                    files += found
                    skipped += skippedHere
                }
            case .file:
                if isResumeFile(path) { files.append(path) } else { skipped += 1 }
            }
        }
        return (files, skipped)
    }

    /// The K-th of N deterministic partitions (1-based K), by a hash of each path, so machines given the
    /// same list and different K score disjoint files that together cover it.
    public func shard(_ index: Int, of count: Int) -> BatchInputs {
        BatchInputs(files: files.filter { Self.stableHash($0) % UInt64(count) == UInt64(index - 1) }, skipped: skipped)
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
