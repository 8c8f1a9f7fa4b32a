import Foundation
import Markup
import TestSupport
import Testing
@testable import Extraction

/// `HTMLLines.collapsedWithoutConditionals` (join, debris removal and collapse on one byte buffer) against
/// the way a line was cleaned before it (kept here as the reference): a joined string searched for "<![",
/// Word's conditional-comment debris cut out with Foundation's search, then `collapseWhitespace`.
@Suite struct JoinedLineCleaningTests {
    /// Pieces of chunk texts: ASCII words, ASCII whitespace, CR/LF, Word's debris and pieces of it (so a
    /// "<![" or "]>" may be split between chunks), accented, combining, CJK and emoji text, NBSP and other
    /// Unicode spaces (U+0085, U+2003, U+3000, zero-width U+200B), dashes, bullets.
    static let pieces = [
        "a", "Led", "hiring plan", " ", "  ", "\t", "\n", "\r\n", "\r", "<![if !supportLists]>", "<![endif]>", "<!", "[", "<", "!",
        "]", ">", "]>", "<![", "é", "Zoë", "e\u{301}", "日本", "👩‍💻", "\u{00A0}", "\u{0085}", "\u{2003}", "\u{3000}", "\u{200B}",
        "–", "—", "•", "·", "€", "\u{2028}", "-", "*", "7", "x\u{0300}<![y]>",
    ]

    /// How a line was cleaned (before bullet stripping) from its joined text.
    static func referenceClean(_ raw: String) -> (text: String, hadConditionals: Bool) {
        let hadConditionals = TextScan.contains(raw, "<![")
        let text = hadConditionals ? downlevelConditionalsRemovedByFoundation(raw) : raw
        return (collapseWhitespace(text), hadConditionals)
    }

    /// The new way, on a buffer holding the chunks joined.
    static func cleaned(_ chunks: [String]) -> (text: String, hadConditionals: Bool)? {
        let total = chunks.reduce(0) { $0 + $1.utf8.count }
        if total == 0 { return ("", false) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { buffer in
            var count = 0
            for chunk in chunks { count = HTMLLines.append(chunk, to: buffer, at: count) }
            return HTMLLines.collapsedWithoutConditionals(joined: UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    static func check(_ chunks: [String]) {
        let raw = chunks.joined()
        let expected = referenceClean(raw)
        if let result = cleaned(chunks) {
            #expect(result.text == expected.text, "\(chunks.debugDescription)")
            #expect(Array(result.text.utf8) == Array(expected.text.utf8), "\(chunks.debugDescription)")
            #expect(result.hadConditionals == expected.hadConditionals, "\(chunks.debugDescription)")
        } else {
            // Left to the old way only when debris is there and the text is not plain for a byte search.
            #expect(expected.hadConditionals && !HTMLLines.isPlainForSearch(raw), "\(chunks.debugDescription)")
        }
    }

    @Test func handPickedLines() {
        let lines: [[String]] = [
            [], [""], [" "], ["\u{00A0}"], ["Led hiring"], ["  Led \t hiring  "], ["<![if !supportLists]>", "•", "<![endif]>", "Led hiring"],
            ["<!", "[if !supportLists]", ">· <![endif]>Managed payroll"], ["Open <![ never closed"], ["a]>b<![c"],
            ["café\u{00A0}\u{00A0}au lait"], ["日本\u{3000}語"], ["x\u{200B}y"], ["e\u{301}<![if]>z"], ["👩‍💻 \r\n dev"],
            ["<![a]><![b]>"], ["<![]>"], ["–\u{2003}Recruiting"],
        ]
        for line in lines { Self.check(line) }
    }

    @Test func seededRandomLines() {
        var generator = SplitMix64(seed: 0x7E57_1AE5)
        for _ in 0..<4000 {
            let chunkCount = Int(generator.next() % 5)
            let chunks = (0..<chunkCount).map { _ in
                (0..<Int(generator.next() % 8)).map { _ in generator.pick(Self.pieces) }.joined()
            }
            Self.check(chunks)
        }
    }

    @Test func isPlainForSearchAgreesOnBytes() {
        for text in ["", "abc", "café", "e\u{301}", "–•€", "日本", "👩‍💻", "\u{00A0}x", "\u{02FF}", "\u{0300}"] {
            let copy = Array(text.utf8)
            let plain = copy.withUnsafeBufferPointer { HTMLLines.isPlainForSearch($0) }
            #expect(plain == HTMLLines.isPlainForSearch(text))
        }
        #expect(HTMLLines.isPlainForSearch("café – 5 €"))
        #expect(!HTMLLines.isPlainForSearch("e\u{301}"))
        #expect(!HTMLLines.isPlainForSearch("日本"))
    }
}
