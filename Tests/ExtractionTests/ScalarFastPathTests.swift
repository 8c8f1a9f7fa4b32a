import Testing
@testable import Extraction

/// Byte and scalar paths for non-ASCII text: each must give what the code it stands in for gives.
@Suite struct ScalarFastPathTests {
    /// Every simple scalar (see `TextScan.isSimpleScalars`), alone and between ASCII text.
    static let simpleScalars: [Unicode.Scalar] = {
        let ranges: [ClosedRange<UInt32>] = [0x80...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x2190...0x2BFF]
        return ranges.flatMap { $0.compactMap(Unicode.Scalar.init) }
    }()

    @Test func lowercasedMatchesTheStandardLibrary() {
        for scalar in Self.simpleScalars {
            let text = "AbC " + String(scalar) + "Xy-Z" + String(scalar)
            #expect(TextScan.lowercased(text) == text.lowercased(), "U+\(String(scalar.value, radix: 16))")
        }
        for text in ["", "ASCII Only", "Zoë ÉKWUEME – “Müller” STRAßE", "İstanbul", "ΟΔΟΣ", "e\u{301}COLE", "a\r\nB"] {
            #expect(TextScan.lowercased(text) == text.lowercased())
        }
    }

    @Test func dateTokensOfSimpleScalarTextMatchTheCharacterScan() {
        // Walked by scalar for simple scalars; the Character scan reads the same text with a combining
        // mark appended at the end, which keeps it off the fast paths without changing its tokens.
        for text in [
            "Jan 2019 – Present", "Zoë Ekwueme · März 2020 — Dez. 2021", "’19–’21", "2019\u{00A0}-\u{00A0}2020", "Since Sept. 2020 … €5",
            "Acme Health • Columbus, OH • 2019–2021 (2 yrs)", "2020 ‒ 2021 ― now", "12/2019 − 03/2021",
        ] {
            let fast = DateExpressions.findRange(in: text)
            let slow = DateExpressions.findRange(in: text + " x\u{301}")
            #expect(fast?.start == slow?.start, "\(text)")
            #expect(fast?.end == slow?.end, "\(text)")
            #expect(fast?.isCurrent == slow?.isCurrent, "\(text)")
            #expect(fast.map { String(text[$0.matched]) } == slow.map { String((text + " x\u{301}")[$0.matched]) }, "\(text)")
        }
    }

    @Test func sectionHeadingsOfASCIILinesMatchTheGeneralPath() {
        // A trailing no-break space keeps the general path; heading punctuation trims neither.
        for text in [
            "Work Experience", "EXPERIENCE:", "Professional Summary", "Education & Certifications", "Skills Summary",
            "Volunteer Experience", "Managed work of 5 people", "Contact", "— Tools —", "about me", "Ref: 2020", "a@b.com",
            "Career", "Awards & Certifications", "Employment History 2019", "Hobbies and interests",
        ] {
            #expect(SectionHeadings.section(named: text) == SectionHeadings.section(named: "\u{00A0}" + text), "\(text)")
        }
        #expect(SectionHeadings.section(named: "Work Experience") == .experience)
        #expect(SectionHeadings.section(named: "Managed the work of five people across two sites") == nil)
    }

    @Test func startsWithVerbReadsTheFirstWords() {
        for text in ["Supervised the HR team", "Led our EEO-1 filing", "Managed  two", "Managed two", "Senior HR Generalist at Acme", "Reduced turnover by 20%"] {
            let words = text.split(separator: " ")
            let first = words.first?.lowercased() ?? ""
            let expected = words.count >= 3
                && (LineFields.irregularPastVerbs.contains(first) || (first.count >= 5 && first.hasSuffix("ed") && !LineFields.pastParticipleAdjectives.contains(first)))
                && (words[1].first.map { $0.isLowercase || $0.isNumber || $0 == "$" } ?? false)
            #expect(LineFields.startsWithVerb(text) == expected, "\(text)")
        }
    }
}
