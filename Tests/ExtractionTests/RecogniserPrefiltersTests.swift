import Testing
import TestSupport
@testable import Extraction

/// `RecogniserPrefilters.holdsHResume` against the two searches it replaces (kept here as the
/// reference), over class values of every kind and random mixes of the bytes that matter.
@Suite struct RecogniserPrefiltersTests {
    static func reference(_ value: String) -> Bool {
        TextScan.contains(value, "hresume") || TextScan.contains(value, "h-resume")
    }

    static let values: [String] = [
        "", "h", "hresume", "h-resume", "hresum", "h-resum", "resume", "-resume", "hh-resume", "h-hresume", "h--resume",
        "x hresume", "hresume x", "vcard hresume", "p-contact h-card", "h-resume h-card", "HRESUME", "H-Resume", "hResume",
        "resume-section", "resume-item mb-5", "section-heading", "MsoNormal", "fa-li", "fas fa-check", "h-résumé", "hrésumé",
        "h‐resume", "h\u{00A0}resume", "日本 hresume", "👩‍💼h-resume", "hresume\r\n", "h-resumeh-resume", "hr esume",
    ]

    @Test func sameAsTheTwoSearches() {
        for value in Self.values {
            #expect(RecogniserPrefilters.holdsHResume(value) == Self.reference(value), "\(value.debugDescription)")
        }
        var generator = SplitMix64(seed: 0x4E5_0E)
        let pieces = ["h", "-", "r", "e", "s", "u", "m", "resume", "h-", "hr", " ", "x", "é", "H", "R"]
        for _ in 0..<5000 {
            let value = (0..<Int(generator.next() % 12)).map { _ in generator.pick(pieces) }.joined()
            #expect(RecogniserPrefilters.holdsHResume(value) == Self.reference(value), "\(value.debugDescription)")
        }
    }

    @Test func answersByReading() {
        #expect(RecogniserPrefilters.holdsHResume("vcard hresume"))
        #expect(RecogniserPrefilters.holdsHResume("h-resume"))
        #expect(!RecogniserPrefilters.holdsHResume("h--resume"))
        #expect(!RecogniserPrefilters.holdsHResume("HRESUME"))
        #expect(!RecogniserPrefilters.holdsHResume("resume-section"))
    }
}

/// `JSONResumeThemeExtractor.mayHoldDistinctiveKey`, which reads eight bytes at a time, on long values
/// with keys (in any case) and non-ASCII bytes at every offset across the eight-byte words, against
/// trying every key at every position (the reference, kept here).
@Suite struct DistinctiveKeyWordScanTests {
    static func reference(_ value: String) -> Bool {
        let keys = JSONResumeThemeExtractor.distinctiveKeys.map { Array($0.utf8) }
        let bytes = Array(value.utf8)
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return true }
        return keys.contains { key in
            guard key.count <= bytes.count else { return false }
            return (0...(bytes.count - key.count)).contains { start in
                key.indices.allSatisfy { TextScan.lowerASCII(bytes[start + $0]) == key[$0] }
            }
        }
    }

    @Test func keysAtEveryOffset() {
        for key in ["work", "WORK", "Basics", "volunteer", "CERTIFICATES", "wor", "basic", "é", "\u{00A0}", "👩‍💼"] {
            for offset in 0..<20 {
                for tail in 0..<10 {
                    let value = String(repeating: "x", count: offset) + key + String(repeating: "-", count: tail)
                    #expect(JSONResumeThemeExtractor.mayHoldDistinctiveKey(value) == Self.reference(value), "\(value.debugDescription)")
                }
            }
        }
    }

    @Test func longRandomValues() {
        var generator = SplitMix64(seed: 0xD157_1AC7)
        let pieces = ["w", "W", "o", "r", "k", "b", "B", "c", "C", "v", "V", "basics", "work", "wOrK", "volunteer", "certificates",
                      "certificate", "section", "contact", "MsoNormal", "resume-item", " ", "-", "_", "B\u{0}", "@", "[", "`", "{", "é"]
        for _ in 0..<4000 {
            let value = (0..<Int(generator.next() % 16)).map { _ in generator.pick(pieces) }.joined()
            #expect(JSONResumeThemeExtractor.mayHoldDistinctiveKey(value) == Self.reference(value), "\(value.debugDescription)")
        }
        #expect(JSONResumeThemeExtractor.mayHoldDistinctiveKey("resume-section-WORK-history"))
        #expect(!JSONResumeThemeExtractor.mayHoldDistinctiveKey("resume-section-content"))
    }
}
