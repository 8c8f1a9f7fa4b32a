import Foundation
import Testing
import TestSupport
@testable import Markup

// `StartTagScan` jumps over quoted values with memchr. The reference below is the byte-by-byte loop it
// replaced; both must give the same count for every input, in both alphabets.

/// The scan as it was: every byte of a tag read one at a time.
private func referenceMostAttributes(_ bytes: [UInt8], limit: Int, alphabet: StartTagScan.Alphabet) -> Int {
    var isSpace = [Bool](repeating: false, count: 256)
    for byte in alphabet.spaces { isSpace[Int(byte)] = true }
    var most = 0
    var index = 0
    let end = bytes.count
    while index < end {
        guard let open = bytes[index...].firstIndex(of: alphabet.open) else { break }
        index = open + 1
        while index < end && (bytes[index] == 0 || bytes[index] == alphabet.open) { index += 1 }
        guard index < end else { break }
        let first = bytes[index]
        if first == alphabet.bang || first == alphabet.question || first == alphabet.slash || isSpace[Int(first)] { continue }
        var count = 0
        var afterSpace = false
        var afterEquals = false
        var quote: UInt8 = 0
        while index < end {
            let byte = bytes[index]
            index += 1
            if byte == 0 { continue }
            if quote != 0 {
                if byte == quote {
                    quote = 0
                    afterSpace = true
                }
            } else if byte == alphabet.close {
                break
            } else if isSpace[Int(byte)] {
                afterSpace = true
            } else if byte == alphabet.equals {
                afterSpace = false
                afterEquals = true
            } else if afterEquals && (byte == alphabet.doubleQuote || byte == alphabet.singleQuote) {
                quote = byte
                afterEquals = false
            } else {
                if afterSpace && byte != alphabet.slash {
                    count += 1
                    if count > limit { return count }
                }
                afterSpace = false
                afterEquals = false
            }
        }
        most = max(most, count)
    }
    return most
}

@Suite struct StartTagScanTests {
    private func scan(_ bytes: [UInt8], limit: Int, alphabet: StartTagScan.Alphabet) -> Int {
        bytes.withUnsafeBytes { StartTagScan.mostAttributes(in: $0, limit: limit, alphabet: alphabet) }
    }

    @Test(arguments: [
        "<p a=1 b=2 c='x y z' d=\"q r\">", "<p a=\"1\"b=\"2\"c=\"3\">", "<p a=\"unterminated b=1 c=2", "<p a='x\"y' b>",
        "<p a=\"x\u{0}y\" b c>", "<p a = \"1\" b = '2'>", "<p a=\"\" b=''>", "<p \"a\" b='c'd>", "<!-- a b c --><p a b>",
        "</p a b c>", "<?xml a b c?><r x='1' y=\"2\"/>", "<<p a b>", "text only", "", "<p a=\"1>\" b c d>",
    ])
    func countsAsTheByteLoopDid(text: String) {
        let bytes = Array(text.utf8)
        for limit in [0, 1, 2, 1_000] {
            #expect(scan(bytes, limit: limit, alphabet: .ascii) == referenceMostAttributes(bytes, limit: limit, alphabet: .ascii), "\(text) \(limit)")
            #expect(scan(bytes, limit: limit, alphabet: .ebcdic) == referenceMostAttributes(bytes, limit: limit, alphabet: .ebcdic), "\(text) \(limit)")
        }
    }

    @Test func randomTagSoupsCountAsTheByteLoopDid() {
        var random = SplitMix64(seed: 0x5CA9)
        // The bytes that steer the scan in both alphabets, plus letters and NUL.
        let pieces: [[UInt8]] = [
            Array("<".utf8), Array(">".utf8), Array("=".utf8), Array("\"".utf8), Array("'".utf8), Array(" ".utf8), Array("/".utf8),
            Array("!".utf8), Array("?".utf8), Array("a".utf8), Array("xyz".utf8), Array("\n".utf8), [0], [0x4C], [0x6E], [0x7E],
            [0x7F], [0x7D], [0x40], [0x61], Array("é".utf8),
        ]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 60) { bytes += random.pick(pieces) }
            let limit = Int(random.next() % 6)
            #expect(scan(bytes, limit: limit, alphabet: .ascii) == referenceMostAttributes(bytes, limit: limit, alphabet: .ascii))
            #expect(scan(bytes, limit: limit, alphabet: .ebcdic) == referenceMostAttributes(bytes, limit: limit, alphabet: .ebcdic))
        }
    }
}
