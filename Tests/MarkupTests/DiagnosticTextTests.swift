import Foundation
import Testing
import TestSupport
@testable import Markup

// `DiagnosticText.trimmed` cuts ASCII white space by byte where Foundation's trim did the whole job; the
// Foundation trim is kept here as the reference, over libxml2-like messages and random byte strings
// (invalid UTF-8 included, which both repair the same way).

private func reference(_ bytes: [UInt8]) -> String {
    (bytes + [0]).withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { String(cString: $0.baseAddress!) }
    }.trimmingCharacters(in: .whitespacesAndNewlines)
}

private func trimmed(_ bytes: [UInt8]) -> String {
    (bytes + [0]).withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { DiagnosticText.trimmed($0.baseAddress!) }
    }
}

@Suite("Markup: libxml2 messages trimmed by byte") struct DiagnosticTextTests {
    @Test(arguments: [
        "Tag section invalid\n", "  htmlParseEntityRef: expecting ';'\n", "\t\r\n", "", "x",
        "Unexpected end tag : p\n\n", "\u{0B}\u{0C}Opening and ending tag mismatch: ul and li\r\n",
        "Tag café invalid\n", "Tag 履歴 invalid\n", "\u{00A0}Tag x invalid\u{00A0}\n", "Tag x invalid\u{2028}",
        "\u{0085}line\u{0085}", "\u{3000}全角\u{3000}\n", "emoji 🙂\n", "🙂", " \u{200B}zero width\u{200B} ",
        "a\u{00A0}b\n", "\u{1680}\u{2000}\u{202F}\u{205F}\u{2029}",
    ])
    func agreesWithFoundation(_ message: String) {
        let bytes = Array(message.utf8)
        #expect(trimmed(bytes) == reference(bytes), "\(bytes)")
    }

    @Test func stripsTheNewlineLibxml2Ends() {
        #expect(trimmed(Array("Tag nav invalid\n".utf8)) == "Tag nav invalid")
        #expect(trimmed(Array(" \t \n".utf8)) == "")
    }

    @Test func agreesOnRandomBytes() {
        // White space of both kinds, ASCII letters and bytes of broken or whole UTF-8 sequences, in any
        // order: the ends fall on every kind.
        let pieces: [[UInt8]] = [
            [0x20], [0x09], [0x0A], [0x0D], [0x0B], [0x0C], [0x41], [0x7A], [0x3B],
            Array("\u{00A0}".utf8), Array("\u{2028}".utf8), Array("\u{0085}".utf8), Array("é".utf8), Array("🙂".utf8),
            [0xC3], [0x80], [0xFF], [0xE2, 0x80], [0xF0, 0x9F, 0x99],
        ]
        var random = SplitMix64(seed: 7)
        for _ in 0..<3_000 {
            let count = Int(random.next() % 9)
            let bytes = (0..<count).flatMap { _ in random.pick(pieces) }
            #expect(trimmed(bytes) == reference(bytes), "\(bytes)")
        }
    }
}
