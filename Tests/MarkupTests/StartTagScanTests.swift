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

// The scan jumps over runs of name characters and searches for `<` and closing quotes a word at a time;
// these inputs have the long runs and long texts that take those paths, and `ByteSearch` is checked
// against plain loops at every alignment.
@Suite struct StartTagScanWordTests {
    private func scan(_ bytes: [UInt8], limit: Int, alphabet: StartTagScan.Alphabet) -> Int {
        bytes.withUnsafeBytes { StartTagScan.mostAttributes(in: $0, limit: limit, alphabet: alphabet) }
    }

    @Test func longNamesTextsAndValuesCountAsTheByteLoopDid() {
        var random = SplitMix64(seed: 0xB17E)
        let pieces: [[UInt8]] = [
            Array("<".utf8), Array(">".utf8), Array("=".utf8), Array("\"".utf8), Array("'".utf8), Array(" ".utf8), Array("/".utf8),
            Array("!".utf8), Array("?".utf8), Array("\n      ".utf8), Array("PositionHistory".utf8), Array("EmployerOrgName".utf8),
            Array("xmlns:xsi".utf8), Array("hr-xml-2.5".utf8), Array("Responsible for payroll and benefits across three sites".utf8),
            Array("ÉÀÜ履歴書".utf8), Array("🙂🙂".utf8), [0], [0x4C], [0x6E], [0x7E], [0x7F], [0x7D], [0x40], [0x61], [0x3F], [0x3E, 0x3F],
            [UInt8](repeating: 0x41, count: 17), [UInt8](repeating: 0x20, count: 9), [0x80, 0xFF, 0xC3],
        ]
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 120) { bytes += random.pick(pieces) }
            let limit = Int(random.next() % 8)
            #expect(scan(bytes, limit: limit, alphabet: .ascii) == referenceMostAttributes(bytes, limit: limit, alphabet: .ascii))
            #expect(scan(bytes, limit: limit, alphabet: .ebcdic) == referenceMostAttributes(bytes, limit: limit, alphabet: .ebcdic))
        }
    }

    @Test func byteSearchFindsWhatALoopFinds() {
        var random = SplitMix64(seed: 0x5EA5)
        for _ in 0..<4_000 {
            let count = Int(random.next() % 90)
            // Few distinct values, so that targets occur at any distance, and bytes either side of 0x80.
            let bytes = (0..<count).map { _ in random.pick([0x00, 0x3C, 0x3E, 0x3F, 0x41, 0x7F, 0x80, 0xFF, 0x22, 0x61] as [UInt8]) }
            let start = count == 0 ? 0 : Int(random.next() % UInt64(count + 1))
            let target = random.pick([0x00, 0x3C, 0x22, 0x80, 0xFF] as [UInt8])
            let bound = random.pick([1, 0x3F, 0x40, 0x7F, 0x80] as [UInt8])
            bytes.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
                let expectedMatch = bytes[start...].firstIndex(of: target)
                #expect(ByteSearch.firstIndex(of: target, in: base, from: start, to: count) == expectedMatch, "\(bytes) \(start) \(target)")
                let expectedBelow = bytes[start...].firstIndex { $0 < bound } ?? count
                #expect(ByteSearch.firstIndex(below: bound, in: base, from: start, to: count) == expectedBelow, "\(bytes) \(start) \(bound)")
            }
        }
    }
}
