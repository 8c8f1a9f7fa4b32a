#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-range `pread` and `pwrite` for the batch's temporary files (spools, the input list, sorted runs):
/// one system call may move fewer bytes than asked, so each loops until the range is done. Positioned,
/// so readers and writers of one file need no shared file offset.
enum PositionedIO {
    /// Reads `target.count` bytes at `offset` into `target`; false if the file ends first or a read fails
    /// (then `errno` says why, or is 0 at the end of the file).
    static func read(_ descriptor: Int32, into target: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < target.count {
            errno = 0
            let got = pread(descriptor, target.baseAddress! + done, target.count - done, off_t(offset + done))
            guard got > 0 else { return false }
            done += got
        }
        return true
    }

    /// Writes all of `bytes` at `offset`; false if a write fails (then `errno` says why, or is 0 for a
    /// write that wrote nothing).
    static func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < bytes.count {
            errno = 0
            let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            guard written > 0 else { return false }
            done += written
        }
        return true
    }
}
