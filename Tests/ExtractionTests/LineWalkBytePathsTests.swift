import Foundation
import Markup
import TestSupport
import Testing
@testable import Extraction

/// The byte paths of `LineWalkBytePaths.swift` and the memchr search for Word's debris, each checked
/// against what it stands in for: Markup's `collapseWhitespace`, the scalars' Alphabetic property and
/// `Character.isLetter`, and the Foundation search that cut the debris out before (kept here as the
/// reference).
@Suite struct LineWalkBytePathsTests {
    /// Pieces of line text: ASCII words and whitespace, CR/LF, debris and pieces of it, accented,
    /// combining, CJK, emoji, Unicode spaces (NBSP, NEL, em space, ideographic, zero-width, line
    /// separator), bullets and dashes, and scalars that are Alphabetic without starting a Character
    /// (Devanagari vowel sign U+093E, combining U+0345).
    static let pieces = [
        "a", "Led", "hiring plan", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "<![if !supportLists]>", "<![endif]>",
        "<!", "[", "<", "!", "]", ">", "]>", "<![", "<<![", "é", "Zoë", "e\u{301}", "日本", "👩‍💻", "\u{00A0}", "\u{0085}",
        "\u{2003}", "\u{3000}", "\u{200B}", "\u{2028}", "\u{FEFF}", "–", "—", "•", "·", "€", "-", "*", "7", "\u{093E}", "क\u{093E}",
        "\u{0345}", "\u{0600}", "x\u{0300}<![y]>", "",
    ]

    static func randomTexts(seed: UInt64, count: Int) -> [String] {
        var generator = SplitMix64(seed: seed)
        var texts = pieces
        for _ in 0..<count {
            texts.append((0..<Int(generator.next() % 9)).map { _ in generator.pick(Self.pieces) }.joined())
        }
        return texts
    }

    // MARK: - Collapsing in place

    static func collapsedInPlace(_ text: String) -> String {
        var bytes = Array(text.utf8)
        let count = bytes.withUnsafeMutableBufferPointer { HTMLLines.collapseWhitespaceInPlace($0) }
        return String(decoding: bytes[0..<count], as: UTF8.self)
    }

    @Test func collapsingInPlaceGivesMarkupsCollapse() {
        for text in Self.randomTexts(seed: 0xC011_A95E, count: 6000) {
            let expected = collapseWhitespace(text)
            #expect(Array(Self.collapsedInPlace(text).utf8) == Array(expected.utf8), "\(text.debugDescription)")
        }
    }

    @Test func collapsingInPlaceByHand() {
        #expect(Self.collapsedInPlace("") == "")
        #expect(Self.collapsedInPlace(" \u{00A0}\t") == "")
        #expect(Self.collapsedInPlace("  Led\u{00A0}\u{2003} hiring\r\n") == "Led hiring")
        #expect(Self.collapsedInPlace("x\u{200B}y") == "x y")
        #expect(Self.collapsedInPlace("日本\u{3000}語 👩‍💻") == "日本 語 👩‍💻")
        // U+FEFF is not White_Space: kept.
        #expect(Self.collapsedInPlace("a\u{FEFF}b") == "a\u{FEFF}b")
    }

    // MARK: - Letters by scalar

    @Test func alphabeticScalarsAndLetters() {
        for text in Self.randomTexts(seed: 0xA1FA, count: 6000) {
            let expected = text.unicodeScalars.contains { $0.properties.isAlphabetic }
            let found = text.withBorrowedUTF8 { HTMLLines.someScalarIsAlphabetic($0) }
            #expect(found == expected, "\(text.debugDescription)")
            #expect(HTMLLines.hasLetter(text) == text.contains(where: \.isLetter), "\(text.debugDescription)")
        }
        // A vowel sign is Alphabetic but never starts a Character after a consonant; alone it does.
        #expect(HTMLLines.hasLetter("\u{093E}"))
        #expect(HTMLLines.hasLetter("• \u{00A0}–") == false)
        #expect(HTMLLines.hasLetter("• é"))
    }

    // MARK: - Debris found by memchr

    @Test func debrisSearchMatchesFoundation() {
        for text in Self.randomTexts(seed: 0xDEB1, count: 4000) where HTMLLines.isPlainForSearch(text) {
            // The reference: Foundation's search, as `removeDownlevelConditionals` did it for any text.
            let result = downlevelConditionalsRemovedByFoundation(text)
            var bytes = Array(text.utf8)
            let count = bytes.withUnsafeMutableBufferPointer { HTMLLines.removeDownlevelConditionalsInPlace($0) }
            #expect(Array(bytes[0..<count]) == Array(result.utf8), "\(text.debugDescription)")
        }
    }

    // MARK: - Heading word count

    @Test func headingWordCountIsTheWordsCount() {
        let headingPieces = [
            "Expérience", "Compétences", "Formación", "Ausbildung", " ", "-", "--", "&", " & ", "–", "—", "·", "•", ":", "\u{00A0}",
            "İ", "ß", "Σ", "e\u{301}", "日本語", "👩‍💻", "7", "2019", "@", "x-y", "-a-", "\u{0345}", "\u{093E}", "ǅ", "Ⅻ", "\r\n",
        ]
        var generator = SplitMix64(seed: 0x3EAD_1E55)
        var texts = headingPieces + ["", "Work", "work - history", "--&--"]
        for _ in 0..<4000 {
            texts.append((0..<Int(generator.next() % 7)).map { _ in generator.pick(headingPieces) }.joined())
        }
        for text in texts {
            #expect(SectionHeadings.lowerWordCount(text) == LineFields.lowerWords(text).count, "\(text.debugDescription)")
        }
    }
}
