#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed list of phrases found in one pass over a text: "does this duty mention any of these 36 HR
/// phrases" is asked of every line of every file, and one byte search per phrase was a visible share of
/// batch time. Matching is byte for byte, as `TextScan.contains` (callers lower-case both sides).
public struct PhraseSet: Sendable {
    public let phrases: [String]
    /// All phrases' bytes end to end, with each phrase's range.
    private let bytes: [UInt8]
    private let ranges: [Range<Int>]
    /// Phrase indices by first byte, as a flat list: `bucketStarts[b]..<bucketStarts[b + 1]` of `bucketItems`.
    private let bucketStarts: [Int]
    private let bucketItems: [Int]
    private let hasEmptyPhrase: Bool

    public init(_ phrases: [String]) {
        self.phrases = phrases
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for phrase in phrases {
            let start = bytes.count
            bytes.append(contentsOf: phrase.utf8)
            ranges.append(start..<bytes.count)
        }
        var buckets = [[Int]](repeating: [], count: 256)
        for (index, range) in ranges.enumerated() where !range.isEmpty {
            buckets[Int(bytes[range.lowerBound])].append(index)
        }
        var starts: [Int] = [0]
        var items: [Int] = []
        for bucket in buckets {
            items.append(contentsOf: bucket)
            starts.append(items.count)
        }
        self.bytes = bytes
        self.ranges = ranges
        bucketStarts = starts
        bucketItems = items
        hasEmptyPhrase = ranges.contains { $0.isEmpty }
    }

    /// Whether any phrase occurs in `text`.
    public func containsAny(in text: String) -> Bool {
        firstPhraseIndex(in: text) != nil
    }

    /// The phrase that occurs earliest in `text` (ties: the one listed first), if any.
    public func firstMatch(in text: String) -> String? {
        firstPhraseIndex(in: text).map { phrases[$0] }
    }

    private func firstPhraseIndex(in text: String) -> Int? {
        // Borrowed, not copied for `withUTF8`: a copy retained and released the text on every call.
        return text.withBorrowedUTF8 { firstPhraseIndex(inBytes: $0) }
    }

    /// Whether any phrase occurs in the UTF-8 bytes: `containsAny(in:)` of a text a caller holds as
    /// bytes (lower-cased into a buffer, say) without making a string of it.
    func containsAny(inBytes text: UnsafeBufferPointer<UInt8>) -> Bool {
        firstPhraseIndex(inBytes: text) != nil
    }

    private func firstPhraseIndex(inBytes textBytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if hasEmptyPhrase { return ranges.firstIndex { $0.isEmpty } }
        return bytes.withUnsafeBufferPointer { phraseBytes -> Int? in
            bucketStarts.withUnsafeBufferPointer { starts -> Int? in
                bucketItems.withUnsafeBufferPointer { items -> Int? in
                    ranges.withUnsafeBufferPointer { ranges -> Int? in
                        guard let textBase = textBytes.baseAddress, let phraseBase = phraseBytes.baseAddress else { return nil }
                        let count = textBytes.count
                        for position in 0..<count {
                            let first = Int(textBase[position])
                            let bucketStart = starts[first], bucketEnd = starts[first + 1]
                            guard bucketStart < bucketEnd else { continue }
                            let remaining = count - position
                            var best = Int.max
                            for item in bucketStart..<bucketEnd {
                                let index = items[item]
                                let range = ranges[index]
                                // The first byte matched by bucket; test the second before calling memcmp.
                                guard range.count <= remaining, index < best else { continue }
                                if range.count > 1 && textBase[position + 1] != phraseBase[range.lowerBound + 1] { continue }
                                if range.count <= 2 || memcmp(textBase + position + 2, phraseBase + range.lowerBound + 2, range.count - 2) == 0 {
                                    best = index
                                }
                            }
                            if best != Int.max { return best }
                        }
                        return nil
                    }
                }
            }
        }
    }
}
