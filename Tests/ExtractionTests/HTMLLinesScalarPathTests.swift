import Foundation
import Testing
@testable import Extraction

/// Scalar and byte paths of the HTML line reader: each must give what the code it stands in for gives.
@Suite struct HTMLLinesScalarPathTests {
    static let simpleScalars: [Unicode.Scalar] = {
        let ranges: [ClosedRange<UInt32>] = [0x80...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x2190...0x2BFF]
        return ranges.flatMap { $0.compactMap(Unicode.Scalar.init) }
    }()

    /// The `Character` scan of `splitAtSeparators`, as it was before the scalar path.
    static func characterSplit(_ text: String) -> [String] {
        let characters = Array(text)
        var parts: [String] = []
        var current = ""
        var index = 0
        scan: while index < characters.count {
            let character = characters[index]
            if LineFields.separatorCharacters.contains(character) || LineFields.isPictograph(character) {
                parts.append(current)
                current = ""
                index += 1
                continue
            }
            if character == " " {
                for separator in LineFields.spacedSeparators {
                    let end = index + 1 + separator.count
                    guard end < characters.count, characters[end] == " " else { continue }
                    if Array(characters[(index + 1)..<end]) == separator {
                        parts.append(current)
                        current = ""
                        index = end
                        continue scan
                    }
                }
            }
            current.append(character)
            index += 1
        }
        parts.append(current)
        return parts
    }

    @Test func separatorsOfSimpleScalarTextMatchTheCharacterScan() {
        for scalar in Self.simpleScalars {
            let s = String(scalar)
            for text in ["A " + s + " B|C", s + "x" + s, "Acme" + s + " – Columbus " + s, "x " + s + s + " y"] {
                var copy = text
                let fast = copy.withUTF8 { LineFields.splitAtSeparatorsSimple($0) }
                #expect(fast == Self.characterSplit(text), "U+\(String(scalar.value, radix: 16))")
            }
        }
        for text in [
            "Zoë Ekwueme · HR Generalist — Acme Health ‖ Columbus", "Müller GmbH – München – 2019", "a -- b - c @ d at e / f – g",
            "Köln ▪ Bonn ∙ Essen • Ulm", "“Quoted” (Teil) [x]; y\tz\u{1F}w", "end – ", " – start", "Café →  Bar ★ Pub",
        ] {
            #expect(LineFields.splitAtSeparators(text) == Self.characterSplit(text), "\(text)")
        }
    }

    @Test func downlevelConditionalsByByteMatchFoundation() {
        func foundation(_ text: String) -> String { downlevelConditionalsRemovedByFoundation(text) }
        for text in [
            "<![if !supportLists]>· <![endif]>Led hiring", "<![]>", "a<![b", "a<![b<![c]>d", "é<![if x]>ü]>ö<![", "<![<![]>]>",
            "no brackets", "]><![", "x <![if !vml]> – € <![endif]> y",
        ] {
            #expect(HTMLLines.removeDownlevelConditionals(text) == foundation(text), "\(text)")
        }
    }

    @Test func classNamesLowerCaseAsTheStandardLibraryDoes() {
        for name in ["sectiontitle", "SectionTitle", "MsoNormal", "résumé-Item", "ÉCOLE", "a-b_c9", ""] {
            #expect(HTMLLines.lowercasedClassName(Substring(name)) == name.lowercased())
        }
    }

    @Test func placesWithoutACommaAreOnlyRemoteWords() {
        for text in ["Remote", "REMOTE (US)", "Zürich", "Work From Home", "München (Remote)", "Columbus, OH", "Köln, Germany", "Hybrid"] {
            let words: Set<String> = ["remote", "hybrid", "on-site", "onsite", "work from home", "telecommute"]
            let lowered = text.lowercased()
            let remote = words.contains(lowered) || lowered.hasPrefix("remote ") || lowered.hasSuffix(" (remote)")
            if !text.contains(",") { #expect(LineFields.isLocation(text) == remote, "\(text)") }
        }
    }
}
