#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A batch's input paths, in order, in a temporary file (each path's UTF-8 after its 4-byte length),
/// written through a fixed buffer and read back the same way: a list of 20,000 paths costs the same
/// memory as one of 2,000. The file is unlinked as soon as it is made, so it goes with the process
/// however that ends.
public final class InputList: Sendable {
    /// `@unchecked Sendable`: its buffer is owned by the list and used only under its lock.
    private struct State: @unchecked Sendable {
        var descriptor: Int32 = -1
        var path = ""
        /// Bytes of the file written so far, and those waiting in `pending`.
        var written = 0
        var pending: UnsafeMutableRawBufferPointer
        var pendingCount = 0
        var count = 0
        var failure: String?
    }

    private let state: Mutex<State>
    static let bufferSize = 16 << 10

    public init() {
        state = Mutex(State(pending: .allocate(byteCount: Self.bufferSize, alignment: 8)))
    }

    deinit {
        state.withLock { state in
            state.pending.deallocate()
            if state.descriptor >= 0 { close(state.descriptor) }
        }
    }

    /// How many paths the list has.
    public var count: Int { state.withLock { $0.count } }

    /// Why the list could not be written (a full disk …), with the file's name.
    public var failure: (file: String, reason: String)? {
        state.withLock { state in state.failure.map { (state.path, $0) } }
    }

    public func append(_ path: String) {
        var path = path
        path.withUTF8 { append(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Appends a path given as its UTF-8 bytes (valid UTF-8).
    func append(utf8 path: UnsafeRawBufferPointer) {
        state.withLock { state in
            state.count += 1
            if state.pendingCount + 4 > state.pending.count { Self.flush(&state) }
            state.pending.storeBytes(of: UInt32(path.count), toByteOffset: state.pendingCount, as: UInt32.self)
            state.pendingCount += 4
            Self.write(path, &state)
        }
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, _ state: inout State) {
        if state.pendingCount + bytes.count > state.pending.count { flush(&state) }
        if bytes.count > state.pending.count {
            writeFile(bytes, &state)
            return
        }
        if bytes.count > 0 {
            (state.pending.baseAddress! + state.pendingCount).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        }
        state.pendingCount += bytes.count
    }

    private static func flush(_ state: inout State) {
        guard state.pendingCount > 0 else { return }
        writeFile(UnsafeRawBufferPointer(rebasing: state.pending[..<state.pendingCount]), &state)
        state.pendingCount = 0
    }

    private static func writeFile(_ bytes: UnsafeRawBufferPointer, _ state: inout State) {
        guard state.failure == nil else { return }
        if state.descriptor < 0 {
            var template = Array((NSTemporaryDirectory() + "readiness-inputs-\(getpid())-XXXXXX").utf8CString)
            let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            state.path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard made >= 0 else {
                state.failure = String(cString: strerror(errno))
                return
            }
            unlink(state.path)
            state.descriptor = made
        }
        guard PositionedIO.write(state.descriptor, bytes, at: state.written) else {
            state.failure = errno == 0 ? "a short write" : String(cString: strerror(errno))
            return
        }
        state.written += bytes.count
    }

    /// Ends writing: what is pending goes to the file.
    public func finishWriting() {
        state.withLock { Self.flush(&$0) }
    }

    /// Releases the file (the list is then empty to readers).
    public func discard() {
        state.withLock { state in
            if state.descriptor >= 0 { close(state.descriptor) }
            state.descriptor = -1
        }
    }

    /// A reader of the list from its start (`finishWriting` first).
    public func reader() -> Reader {
        let (descriptor, size) = state.withLock { ($0.descriptor, $0.written) }
        return Reader(list: self, descriptor: descriptor, size: size)
    }

    /// Reads the paths in order, with their input index, through a fixed buffer; for several threads
    /// at once, put a lock around it (one take per file).
    public final class Reader {
        /// Held so that the list, and with it the file, lives as long as its reader.
        private let list: InputList
        private let descriptor: Int32
        private let size: Int
        private var fileOffset = 0
        private let buffer: UnsafeMutableRawBufferPointer
        private var start = 0
        private var end = 0
        private var nextIndex = 0

        init(list: InputList, descriptor: Int32, size: Int) {
            self.list = list
            self.descriptor = descriptor
            self.size = size
            buffer = .allocate(byteCount: InputList.bufferSize, alignment: 8)
        }

        deinit { buffer.deallocate() }

        /// The next path and its input index; nil at the end (or if the file cannot be read).
        public func next() -> (index: Int, path: String)? {
            guard let length = take(4)?.loadUnaligned(as: UInt32.self) else { return nil }
            let index = nextIndex
            nextIndex += 1
            if Int(length) > buffer.count {
                // Longer than the buffer: read whole into a string of its own.
                let inBuffer = end - start
                let path = try? String(unsafeUninitializedCapacity: Int(length)) { target in
                    let fromBuffer = min(inBuffer, Int(length))
                    UnsafeMutableRawBufferPointer(target).copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[start..<(start + fromBuffer)]))
                    start += fromBuffer
                    let rest = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(target)[fromBuffer...])
                    guard PositionedIO.read(descriptor, into: rest, at: fileOffset) else { throw CocoaError(.fileReadUnknown) }
                    fileOffset += rest.count
                    return Int(length)
                }
                return path.map { (index, $0) }
            }
            guard let bytes = take(Int(length)) else { return nil }
            return (index, String(decoding: bytes, as: UTF8.self))
        }

        /// The next `count` bytes (at most the buffer's size), refilling the buffer as needed.
        private func take(_ count: Int) -> UnsafeRawBufferPointer? {
            if end - start < count {
                let unread = end - start
                if unread > 0 && start > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: unread) }
                start = 0
                end = unread
                while end < count && fileOffset < size {
                    let wanted = min(buffer.count - end, size - fileOffset)
                    let got = pread(descriptor, buffer.baseAddress! + end, wanted, off_t(fileOffset))
                    guard got > 0 else { return nil }
                    end += got
                    fileOffset += got
                }
                guard end >= count else { return nil }
            }
            defer { start += count }
            return UnsafeRawBufferPointer(rebasing: buffer[start..<(start + count)])
        }
    }
}
