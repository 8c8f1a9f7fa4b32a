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
