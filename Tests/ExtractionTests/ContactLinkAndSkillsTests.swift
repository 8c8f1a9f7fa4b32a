import Foundation
import Testing
import TestSupport
@testable import Extraction

/// Shortcuts of the personal details and skills readers: the byte reading of `mailto:` and `tel:` links
/// (`PersonalDetailsReader.contactLink`) against the code it replaced, kept here, and the skills list's
/// duplicate test by comparison with each kept skill instead of a `Set`.
@Suite struct ContactLinkAndSkillsTests {
    static func described(_ text: String) -> String {
        text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
    }

    // MARK: - Contact links

    /// `read`'s handling of one link as it was: the link lower-cased, the address cut with `split`.
    static func referenceLink(_ link: String) -> PersonalDetailsReader.ContactLink {
        let lowered = link.lowercased()
        if lowered.hasPrefix("mailto:") {
            let address = link.dropFirst(7).split(separator: "?").first.map(String.init) ?? ""
            return .mailto(address.contains(where: { $0 == "@" }) ? TextScan.trimSpaces(address) : nil)
        }
        if lowered.hasPrefix("tel:") { return .tel(String(link.dropFirst(4))) }
        return .other
    }

    static let linkPieces = ["mailto:", "MAILTO:", "MailTo:", "mailto", "tel:", "TEL:", "Tel:", "tel", "http://", "?", "??", "@", "a@b.example",
                             "dana.whitfield@example.org", "subject=Hi", "&", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{00A0}", "+1 (317) 585-8468",
                             "é", "İ", "\u{301}", "人事", "👩‍💼", "x", ".", "mai", "lto:", "%40"]

    @Test func contactLinkMatchesTheOldReadingOnRandomLinks() {
        var generator = SplitMix64(seed: 0x11_4E_C0_77)
        for _ in 0..<20_000 {
            var link = ""
            for _ in 0..<Int(generator.next() % 6) { link += generator.pick(Self.linkPieces) }
            #expect(PersonalDetailsReader.contactLink(link) == Self.referenceLink(link), "\(Self.described(link))")
        }
    }

    @Test func contactLinkOnReadLinks() {
        let cases: [(String, PersonalDetailsReader.ContactLink)] = [
            ("mailto:dana@example.org", .mailto("dana@example.org")),
            ("MAILTO:dana@example.org?subject=Hello", .mailto("dana@example.org")),
            ("mailto:??dana@example.org?x", .mailto("dana@example.org")),
            ("mailto: dana@example.org ", .mailto("dana@example.org")),
            ("mailto:?subject=Hi", .mailto(nil)),
            ("mailto:", .mailto(nil)),
            ("mailto:dana", .mailto(nil)),
            ("tel:+1 317 585 8468", .tel("+1 317 585 8468")),
            ("TEL:", .tel("")),
            ("https://example.org", .other),
            ("", .other),
            ("mailto:zoë@example.org", .mailto("zoë@example.org")),
        ]
        for (link, expected) in cases {
            #expect(PersonalDetailsReader.contactLink(link) == expected, "\(link)")
        }
    }

    // MARK: - Skills kept once

    @Test func skillsAreKeptOnceInAnyCase() {
        // Duplicates told apart by their lower-cased text, as `String` equality (canonical equivalence)
        // judges it: "É" written as one scalar or as "E" and a combining accent is one skill.
        let texts = ["Workday, ADP, UKG Pro", "WORKDAY; adp", "Écoute active", "E\u{301}coute active", "Straße", "STRASSE", "ukg pro", "Kelvin", "\u{212A}elvin"]
        let lines = texts.enumerated().map { HTMLLine(text: $1, fieldText: $1, line: $0) }
        let skills = SkillsReader.skills(from: lines, labelsAreSkills: false)
        #expect(skills == ["Workday", "ADP", "UKG Pro", "Écoute active", "Straße", "STRASSE", "Kelvin"])
    }
}
