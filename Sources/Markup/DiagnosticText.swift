import Foundation

/// libxml2's message text as a diagnostic: the C string without the white space around it (libxml2 ends
/// each message with a newline).
///
/// Why not Foundation's `trimmingCharacters` alone: libxml2 2.9 calls HTML5's `<section>`, `<header>` or
/// `<nav>` invalid, so a modern HTML résumé brings four or five messages, and the bridged trim cost about
/// 15,000 instructions each (more than the rest of recording them). Cutting ASCII white space by byte is the
/// same trim whenever what is left starts and ends with an ASCII byte; otherwise the text may start or end
/// with Unicode white space (U+00A0, U+2028 …) that only Foundation's set names, and Foundation trims it.
enum DiagnosticText {
    static func trimmed(_ message: UnsafePointer<CChar>) -> String {
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(message).assumingMemoryBound(to: UInt8.self), count: strlen(message))
        var start = 0
        var end = bytes.count
        while start < end && isASCIIWhiteSpace(bytes[start]) { start += 1 }
        while end > start && isASCIIWhiteSpace(bytes[end - 1]) { end -= 1 }
        if start < end && (bytes[start] >= 0x80 || bytes[end - 1] >= 0x80) {
            return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // Cut at ASCII bytes only, which never sit inside a UTF-8 sequence: invalid bytes in between are
        // repaired exactly as `String(cString:)` repairs them.
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The ASCII members of `CharacterSet.whitespacesAndNewlines`: tab, line feed, vertical tab, form
    /// feed, carriage return and space.
    private static func isASCIIWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte &- 0x09 < 5
    }
}
