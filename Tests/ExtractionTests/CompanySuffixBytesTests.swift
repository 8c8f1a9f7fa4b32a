import Testing
import TestSupport
@testable import Extraction

/// `LineFields.isCompanySuffixASCII` (splitCommas' company-suffix test by byte) against the String test
/// it replaces, kept here as the reference.
@Suite struct CompanySuffixBytesTests {
    static func reference(_ part: String) -> Bool {
        let lowered = part.lowercased()
        return LineFields.companySuffixes.contains(TextScan.trim(lowered, ["."])) || LineFields.companySuffixes.contains(lowered)
    }

    static func byBytes(_ part: String) -> Bool {
        Array(part.utf8).withUnsafeBufferPointer { LineFields.isCompanySuffixASCII($0) }
    }

    @Test func everySuffixIsFoundInAnyCaseAndWithPeriods() {
        for suffix in LineFields.companySuffixes {
            for text in [suffix, suffix.uppercased(), suffix + ".", "." + suffix, "..." + suffix + "..", suffix.prefix(1).uppercased() + suffix.dropFirst()] {
                #expect(Self.byBytes(text), "\(text)")
                #expect(Self.reference(text), "\(text)")
            }
        }
    }

    @Test func agreesWithTheReferenceOnASCIIText() {
        var texts = ["", ".", "..", " ", "Inc", "Inc.", "INC.", " Inc", "Inc ", "In c", "Incorporated", "Incorporateds",
                     "Pty Ltd", "pty  ltd", "L.L.C.", "LLC.", "l.l.c", "s.r.l.", "S.P.A.", "Columbus", "OH", "Ohio",
                     "Human Resources", "A.B", "ab", "as", "AS.", "co", "Co.", "C.O.", "corp..", "gmbh.", "N.A"]
        var random = SplitMix64(seed: 0xC0_5AFF_1CE5)
        let alphabet = Array("incltdorpagmbhsvye. LNICGP".utf8)
        for _ in 0..<6000 {
            let length = Int(random.next() % 14)
            texts.append(String(decoding: (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }, as: UTF8.self))
        }
        for suffix in LineFields.companySuffixes {
            let bytes = Array(suffix.utf8)
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= 0x01
                texts.append(String(decoding: changed, as: UTF8.self))
                var dropped = bytes
                dropped.remove(at: index)
                texts.append(String(decoding: dropped, as: UTF8.self))
            }
            texts.append(suffix + "x")
            texts.append(". " + suffix)
        }
        for text in texts {
            #expect(Self.byBytes(text) == Self.reference(text), "\(text)")
        }
    }
}
