#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One entry of a folder, read with `readdir`: its path, and what it is when the directory entry says so.
///
/// Why not `FileManager.contentsOfDirectory` and `fileExists(atPath:isDirectory:)`: for a folder of
/// 20,000 résumés they cost a `stat` and several temporary strings per file, and the names, the paths
/// built from them (with room to grow) and the arrays holding both made a batch's peak memory grow by
/// 5 MB more at 20,000 files than at 2,000. Here each entry is one exactly-sized path string, and
/// `readdir` already tells plain files and folders apart on common file systems; only links and unknown
/// kinds need a `stat`, which follows links as `fileExists` does.
struct FolderEntry {
    enum Kind {
        case file
        case folder
        /// Nothing there: a dangling link, or a name removed since the listing.
        case missing
    }

    /// The folder's path, "/", and the entry's name.
    let path: String
    /// What the directory entry says, when it says it is a plain file or a folder.
    let knownKind: Kind?

    /// The entries of the folder at `folder` (a path without a trailing "/"), leaving out names that
    /// start with "." (".", ".." and hidden files), in the order the file system gives them; nil if the
    /// folder cannot be read. Invalid UTF-8 in a name is repaired, as Foundation's listing repairs it.
    static func list(_ folder: String) -> [FolderEntry]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        let prefix = Array(folder.utf8) + [UInt8(ascii: "/")]
        var entries: [FolderEntry] = []
        while let entry = readdir(directory) {
            let path: String? = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)) { name -> String? in
                    if name[0] == UInt8(ascii: ".") { return nil }
                    let nameLength = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                    return Self.path(prefix, UnsafeBufferPointer(start: name, count: nameLength))
                }
            }
            guard let path else { continue }
            let knownKind: Kind? = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .file
            case Int32(DT_DIR): .folder
            default: nil
            }
            entries.append(FolderEntry(path: path, knownKind: knownKind))
        }
        return entries
    }

    /// `prefix` and `name` as one string of exactly their length.
    private static func path(_ prefix: [UInt8], _ name: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: prefix.count + name.count) { buffer in
            let afterPrefix = buffer.initialize(fromContentsOf: prefix)
            return buffer[afterPrefix...].initialize(fromContentsOf: name)
        }
    }

    /// What is at the entry's path: from the directory entry when it knows, else `stat`.
    func kind() -> Kind {
        if let knownKind { return knownKind }
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return (status.st_mode & S_IFMT) == S_IFDIR ? .folder : .file
    }
}
