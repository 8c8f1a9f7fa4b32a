import Testing
import TestSupport
@testable import Extraction

/// `AttributeCueCache` gives what its function gives, for values met once or again, values sharing a
/// slot, and values that are canonically equivalent but spelled with other bytes; and the line reader's
/// class and style cues through it are those of the functions themselves.
@Suite struct AttributeCueCacheTests {
    /// Class and style values of every kind: repeated template classes, Word styles, equal lengths with
    /// equal ends (one slot), "K" and the Kelvin sign, precomposed and combining accents, CJK, emoji,
    /// NBSP, CR/LF, empty.
    static let values: [String] = [
        "fa-li", "fas fa-check", "list-inline-item", "sep", "job-meta", "dates text-primary", "resume-section-content",
        "resume-section", "title", "role", "resume-item mb-5", "place", "org", "MsoNormal", "MsoListParagraphCxSpFirst",
        "section-title", "SectionTitle", "subheading mb-5", "p-name", "fullname", "companyname", "entry", "job", "",
        " ", "\t", "a", "b", "ab", "ba", "axb", "ayb", "K", "\u{212A}", "k", "Kelvin", "\u{212A}elvin", "é", "e\u{301}",
        "caf\u{E9}", "cafe\u{301}", "名前", "名前 section-title", "👩‍💼 name", "name\u{00A0}x", "name\r\ntitle", "NAME",
        "font-weight:bold", "font-weight: 700", "mso-list:Ignore", "mso-list: ignore", "mso-tab-count:1", "MSO-LIST:IGNORE",
        "font-weight:bold;color:red", "color:red", "FONT-WEIGHT:BOLD", "font-weight:bold\u{00A0}",
    ]

    @Test func givesTheFunctionsAnswer() {
        // A function of the exact bytes, with distinct answers for canonically equivalent spellings.
        func bytesOf(_ value: String) -> [UInt8] { Array(value.utf8) }
        var cache = AttributeCueCache<[UInt8]>()
        var generator = SplitMix64(seed: 0xCAC4E)
        for _ in 0..<5000 {
            let value = generator.pick(Self.values)
            #expect(cache.cues(of: value, bytesOf) == bytesOf(value), "\(value.debugDescription)")
        }
    }

    @Test func computesARepeatedValueOnce() {
        var cache = AttributeCueCache<Int>()
        var computed = 0
        func count(_ value: String) -> Int {
            computed += 1
            return value.utf8.count
        }
        for _ in 0..<10 {
            #expect(cache.cues(of: "fas fa-check", count) == 12)
            #expect(cache.cues(of: "fa-li", count) == 5)
        }
        // Two values, each computed once (they take different slots).
        let checkSlot = Array("fas fa-check".utf8).withUnsafeBufferPointer { AttributeCueCache<Int>.slot(of: $0) }
        let liSlot = Array("fa-li".utf8).withUnsafeBufferPointer { AttributeCueCache<Int>.slot(of: $0) }
        #expect(checkSlot != liSlot)
        #expect(computed == 2)
        // "K" and the Kelvin sign are equal Strings but not equal bytes: each is computed.
        #expect(cache.cues(of: "K", count) == 1)
        #expect(cache.cues(of: "\u{212A}", count) == 3)
        #expect(computed == 4)
    }

    @Test func lineReaderCuesAreTheFunctions() {
        var classes = AttributeCueCache<HTMLLines.ClassCues?>()
        var styles = AttributeCueCache<HTMLLines.StyleCues>()
        var generator = SplitMix64(seed: 0x57_11E5)
        for _ in 0..<5000 {
            let value = generator.pick(Self.values)
            #expect(classes.cues(of: value, HTMLLines.classCuesIfPlainASCII) == HTMLLines.classCuesIfPlainASCII(value))
            #expect(styles.cues(of: value, HTMLLines.styleCues(of:)) == HTMLLines.styleCues(of: value))
        }
    }
}
