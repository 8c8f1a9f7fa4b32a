#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of one folder, read with `readdir`: their paths, and what each is when the directory
/// entry says so.
///
/// Why not `FileManager.contentsOfDirectory` and `fileExists(atPath:isDirectory:)`: for a folder of
/// 20,000 résumés they cost a `stat` and several temporary strings per file, and the names, the paths
/// built from them (with room to grow) and the arrays holding both made a batch's peak memory grow by
/// 5 MB more at 20,000 files than at 2,000. Here the paths are one `PathList` (a string each, an 80-byte
/// allocation for a 40-byte path, still cost 1.6 MB at 20,000 files while the folder was read, and that
/// much heap stays resident), and `readdir` already tells plain files and folders apart on common file
/// systems; only links and unknown kinds need a `stat`, which follows links as `fileExists` does.
struct FolderEntry {
    enum Kind {
        case file
        case folder
        /// Nothing there: a dangling link, or a name removed since the listing.
        case missing
    }

    /// A folder's entries: each one's path (the folder's path, "/", and the entry's name), and what the
    /// directory entry says it is, when it says it is a plain file or a folder.
    struct Listing {
        var paths = PathList()
        var knownKinds: [Kind?] = []

        /// What is at the path of entry `index`: from the directory entry when it knows, else `stat`.
        func kind(_ index: Int) -> Kind {
            if let knownKind = knownKinds[index] { return knownKind }
            var status = stat()
            guard stat(paths[index], &status) == 0 else { return .missing }
            return (status.st_mode & S_IFMT) == S_IFDIR ? .folder : .file
        }
    }

    /// The entries of the folder at `folder` (a path without a trailing "/"), leaving out names that
    /// start with "." (".", ".." and hidden files), in the order the file system gives them; nil if the
    /// folder cannot be read. Invalid UTF-8 in a name is repaired, as Foundation's listing repairs it.
    static func list(_ folder: String) -> Listing? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        let prefix = Array(folder.utf8) + [UInt8(ascii: "/")]
        var listing = Listing()
        while let entry = readdir(directory) {
            let listed: Bool = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)) { name -> Bool in
                    if name[0] == UInt8(ascii: ".") { return false }
                    let nameLength = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                    Self.append(prefix, UnsafeBufferPointer(start: name, count: nameLength), to: &listing.paths)
                    return true
                }
            }
            guard listed else { continue }
            let knownKind: Kind? = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .file
            case Int32(DT_DIR): .folder
            default: nil
            }
            listing.knownKinds.append(knownKind)
        }
        return listing
    }

    /// Appends `prefix` and `name` as one path. The prefix comes from a `String`, so it is valid UTF-8;
    /// an ASCII name keeps it valid, and any other name goes through `String`'s repair of invalid UTF-8.
    private static func append(_ prefix: [UInt8], _ name: UnsafeBufferPointer<UInt8>, to paths: inout PathList) {
        if !name.contains(where: { $0 >= 0x80 }) {
            paths.append(prefix: prefix, utf8: name)
            return
        }
        let path = String(unsafeUninitializedCapacity: prefix.count + name.count) { buffer in
            let afterPrefix = buffer.initialize(fromContentsOf: prefix)
            return buffer[afterPrefix...].initialize(fromContentsOf: name)
        }
        paths.append(path)
    }
}
