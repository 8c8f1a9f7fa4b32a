#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of one folder, read with `readdir`: their names, and what each is when the directory
/// entry says so.
///
/// Why not `FileManager.contentsOfDirectory` and `fileExists(atPath:isDirectory:)`: for a folder of
/// 20,000 résumés they cost a `stat` and several temporary strings per file, and the names and the
/// arrays holding them made a batch's peak memory grow with the size of the folder. Here each entry
/// goes straight into an external sort (fixed memory), and `readdir` already tells plain files and
/// folders apart on common file systems; only links and unknown kinds need a `stat`, which follows
/// links as `fileExists` does.
enum FolderEntry {
    enum Kind {
        case file
        case folder
        /// Nothing there: a dangling link, or a name removed since the listing.
        case missing
    }

    /// The kind byte of a record: what the directory entry said.
    static let unknownKind: UInt8 = 0
    static let fileKind: UInt8 = 1
    static let folderKind: UInt8 = 2

    /// What is at `path` (UTF-8): `known` when the directory entry said, else from `stat`.
    static func kind(of path: UnsafeRawBufferPointer, known: UInt8) -> Kind {
        switch known {
        case fileKind: return .file
        case folderKind: return .folder
        default:
            var status = stat()
            guard stat(String(decoding: path, as: UTF8.self), &status) == 0 else { return .missing }
            return (status.st_mode & S_IFMT) == S_IFDIR ? .folder : .file
        }
    }

    /// Appends a record for each entry of the folder at `folder` (a path without a trailing "/") to
    /// `names`: its kind byte and its name, leaving out names that start with "." (".", ".." and hidden
    /// files), in the order the file system gives them; false if the folder cannot be read. Invalid
    /// UTF-8 in a name is repaired, as Foundation's listing repairs it (the folder's path is valid UTF-8
    /// and ends in "/", so repairing the name alone repairs the path the same way).
    static func list(_ folder: String, into names: ExternalSort) throws -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        var record: [UInt8] = []
        while let entry = readdir(directory) {
            let knownKind: UInt8 = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): fileKind
            case Int32(DT_DIR): folderKind
            default: unknownKind
            }
            let listed: Bool = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)) { name -> Bool in
                    if name[0] == UInt8(ascii: ".") { return false }
                    let bytes = UnsafeBufferPointer(start: name, count: strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)))
                    record.removeAll(keepingCapacity: true)
                    record.append(knownKind)
                    if bytes.contains(where: { $0 >= 0x80 }) {
                        record.append(contentsOf: String(decoding: bytes, as: UTF8.self).utf8)
                    } else {
                        record.append(contentsOf: bytes)
                    }
                    return true
                }
            }
            if listed { try names.append(record) }
        }
        return true
    }
}
