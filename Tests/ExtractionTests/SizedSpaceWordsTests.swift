import Testing
import TestSupport
@testable import Extraction

/// `LineFields.spaceWords(_:count:)` (the word ranges of `isSentenceLike`, in an array sized once)
/// against `TextScan.spaceWords`, which it stands in for.
@Suite struct SizedSpaceWordsTests {
    static func both(_ text: String) -> (sized: [Range<Int>], reference: [Range<Int>]) {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            (LineFields.spaceWords(bytes, count: TextScan.spaceWordCount(bytes)), TextScan.spaceWords(bytes))
        }
    }

    @Test func sameRangesAsTextScan() {
        var texts = ["", " ", "   ", "a", " a", "a ", "a b", "  a  b  ", "Led the HR team of 12", "Zoë  Müller leads",
                     "中文 大学 东京", "👩‍💼 HR 🏥 Acme", "tab\there", "line\r\nbreak here", "nbsp\u{00A0}inside word"]
        var random = SplitMix64(seed: 0x5_9ACE_0001)
        let pieces = ["a", "Led", "the", " ", "  ", "é", "中", "🏥", "\t", "\n", "\u{00A0}", "HR", "12", "$"]
        for _ in 0..<3000 {
            texts.append((0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        for text in texts {
            let (sized, reference) = Self.both(text)
            #expect(sized == reference, "\(text)")
        }
        #expect(Self.both("Led the  team").sized == [0..<3, 4..<7, 9..<13])
    }
}
