#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The paths of a --files-from list, one per line, read through a fixed buffer as they are taken (the
/// list is never held whole): each line split further at other line breaks (CR, CR LF, VT, FF, NEL,
/// LS, PS), trimmed of blanks, empty ones left out. Exactly what splitting the whole text at
/// `isNewline` gave: a line feed is always a break of its own (or ends CR LF, itself a break), so
/// splitting at line feeds first changes nothing, and it is one byte that no UTF-8 sequence contains,
/// so decoding (and repairing) each line alone decodes the text the same way.
public final class ListedPaths: Sequence, IteratorProtocol {
    private let descriptor: Int32
    private let closesDescriptor: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd: Bool
    private var line: [UInt8] = []
    /// The paths of the current line not handed out yet, last first.
    private var pieces: [String] = []
    /// Why reading the list stopped early, if it did.
    public private(set) var failure: String?

    /// - Parameters:
    ///   - descriptor: the list, read from where it is (-1: no list, nothing to read).
    ///   - closesDescriptor: close it when done with.
    ///   - bufferSize: bytes read at a time (a line may be longer: it is gathered across reads).
    public init(descriptor: Int32, closesDescriptor: Bool = false, bufferSize: Int = 1 << 16) {
        self.descriptor = descriptor
        self.closesDescriptor = closesDescriptor
        buffer = descriptor < 0 ? [] : [UInt8](repeating: 0, count: Swift.max(1, bufferSize))
        atEnd = descriptor < 0
    }

    deinit {
        if closesDescriptor { close(descriptor) }
    }

    public func next() -> String? {
        while pieces.isEmpty {
            guard readLine() else { return nil }
            pieces = String(decoding: line, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.reversed()
        }
        return pieces.removeLast()
    }

    /// The next line's bytes (without its line feed) into `line`; false at the end of the list.
    private func readLine() -> Bool {
        line.removeAll(keepingCapacity: true)
        var sawAnything = false
        while true {
            if start == end {
                guard !atEnd else { return sawAnything }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    if count < 0 { failure = "cannot be read (\(String(cString: strerror(errno))))" }
                    atEnd = true
                    return sawAnything
                }
                start = 0
                end = count
            }
            sawAnything = true
            if let newline = buffer[start..<end].firstIndex(of: UInt8(ascii: "\n")) {
                line.append(contentsOf: buffer[start..<newline])
                start = newline + 1
                return true
            }
            line.append(contentsOf: buffer[start..<end])
            start = end
        }
    }
}
