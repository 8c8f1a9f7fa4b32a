import Extraction

/// Builds `ScorableRecord.lines`: each text at most once per source line ("evidence once"), lines that
/// name the candidate or state personal details dropped, and for every text added the byte pairs of its
/// lower-cased form.
///
/// It answers as the two sets of (source line, text) it replaced did, one of the texts as written (an
/// exact repeat is skipped before any work and gets the pairs of its first occurrence) and one of the
/// lower-cased texts of the lines kept, without a table of strings of its own: a text that made a line
/// is read from that line, and only a text that made none (a dropped line, or a repeat differing in
/// case on the same source line, a few per record) is held on the side. Each of the two sets held every
/// text again, a retain and a release per text each, and a repeat was looked up in both.
///
/// The texts are chained by source line number (an integer hash), as `==` against the few texts
/// already on a line is cheaper than hashing a whole string; a line that gathers many texts (a minified
/// page puts everything on line 1) moves to dictionaries keyed by line and text, so the cost stays
/// linear. `==` and the dictionaries both compare by canonical equivalence, so the answers are a `Set`'s.
struct ScorableLinesBuilder {
    /// A phrase whose presence drops a line, with the byte pairs of its text.
    typealias Phrase = (text: String, pairs: BytePairs)

    private struct Key: Hashable {
        var line: Int
        var text: String
    }

    /// One distinct text as written, by ordinal (0, 1, 2 … in order of adding).
    private struct Entry {
        var line: Int
        /// The ordinal of the text added before it on the same source line; -1 for none.
        var previousOnLine: Int
        /// The byte pairs of the text lower-cased.
        var pairs: BytePairs
        /// The index in `lines` of the line the text made, or, below zero, `-1 - i` for `setAside[i]`.
        var place: Int
        /// The text's UTF-8 length, and whether it is ASCII: two ASCII texts are equal exactly when
        /// their bytes are, so texts of other lengths are told apart without reading them (reading a
        /// text to compare it retains and releases it).
        var byteCount: Int
        var isASCII: Bool
    }

    /// One source line number's place in the table.
    private struct Slot {
        var line = 0
        /// The ordinal of the line's latest text; -1 while the slot is empty.
        var latest = -1
        /// How many texts the line has; -1 once they moved to the dictionaries.
        var count = 0
    }

    /// Past this many texts, a source line's texts move to the dictionaries.
    static let longestChain = 16

    /// Bytes reserved in `loweredBytes` per line expected.
    static let typicalLineLength = 64

    /// The lines kept, in order of adding.
    private(set) var lines: [ScorableRecord.Line] = []
    /// The UTF-8 bytes of each kept line's `lowered` text, back to back (`ScorableRecord.loweredBytes`),
    /// written into room allocated ahead (see `LoweredByteBuffer`).
    private var loweredBuffer: LoweredByteBuffer
    private var entries: [Entry] = []
    /// The texts that made no line, by `-1 - Entry.place`.
    private var setAside: [String] = []
    /// Open addressing on the source line number, at most half full.
    private var slots: [Slot]
    private var usedSlots = 0
    /// For a crowded source line: each text as written, to its ordinal.
    private var crowdedTexts: [Key: Int] = [:]
    /// For a crowded source line: the lower-cased text of each line kept (see `standing`).
    private var crowdedLowered: Set<Key> = []
    /// The candidate's identifying texts, lower-cased, then the personal-detail labels
    /// (`ScorableRecord.personalDetailScreen`); a line holding one is dropped.
    private let excluded: PhraseScreen

    /// `capacity`: about how many texts will be added (the table grows past it).
    init(capacity: Int, identifying: [Phrase], markers: [Phrase]) {
        self.init(capacity: capacity, identifying: identifying, markerScreen: PhraseScreen(markers))
    }

    /// `init(capacity:identifying:markers:)` with the markers' screen built already (the labels'
    /// grouping is the same for every record).
    init(capacity: Int, identifying: [Phrase], markerScreen: PhraseScreen) {
        var size = 16
        while size < capacity { size <<= 1 }
        slots = Array(repeating: Slot(), count: size)
        lines.reserveCapacity(capacity)
        // About the bytes of `capacity` lines of a generated résumé (it grows past that).
        loweredBuffer = LoweredByteBuffer(capacity: capacity * Self.typicalLineLength)
        entries.reserveCapacity(capacity)
        excluded = PhraseScreen(eachAlone: identifying, then: markerScreen)
    }

    /// Adds `text`, found on source line `line`, as a line of `section` unless the same text on the
    /// same line came before, it holds an identifying text or a personal-detail label, or its lower-cased
    /// form is that of a line kept on the same source line. The byte pairs of the text lower-cased (for a
    /// repeat as written, those of its first occurrence, as the set of texts as written gave).
    /// `text` is consumed: the caller's copy is the one a kept line holds (borrowed, it was retained
    /// again for the line and the caller's copy released, per line of every file).
    @discardableResult
    mutating func add(_ text: consuming String, line: Int, section: EvidenceText.Section) -> BytePairs {
        if (usedSlots + 1) * 2 > slots.count { grow() }
        let slotIndex = index(for: line)
        var slot = slots[slotIndex]
        let byteCount = text.utf8.count
        // The same text on the same line again (XML readers list each duty as evidence and as the
        // position's duty) ends the same way as the first time: skip it before any work.
        if slot.latest >= 0 {
            if slot.count < 0 {
                if let earlier = crowdedTexts[Key(line: line, text: copy text)] { return entries[earlier].pairs }
            } else {
                // Whether `text` is ASCII, read only when an ASCII entry of another length asks.
                var isASCII: Bool?
                var other = slot.latest
                while other >= 0 {
                    let entry = entries[other]
                    var toldApart = false
                    if entry.isASCII && entry.byteCount != byteCount {
                        if isASCII == nil { isASCII = Self.isASCII(text) }
                        toldApart = isASCII == true
                    }
                    if !toldApart && isText(of: entry, text) { return entry.pairs }
                    other = entry.previousOnLine
                }
            }
        }
        // ASCII text stands for its lower-cased form (see `Line.foldsCase`); other text is lower-cased.
        // Its bytes (a kept line's `lowered` bytes) go to `loweredBytes` while the pairs have them at
        // hand, and come off again if the line is not kept: nearly every line is, and reading the text
        // a second time for them cost about 150 instructions a line.
        // The excluded phrases are looked for in those bytes too.
        let bytesStart = loweredBuffer.count
        if let pairs = text.withBorrowedUTF8({ bytes -> BytePairs? in
            guard let pairs = ASCIILowercasing.pairsOfLowercased(bytes) else { return nil }
            loweredBuffer.append(bytes)
            return pairs
        }) {
            let keeps = !mentionsExcluded(bytesFrom: bytesStart, pairs: pairs)
                && !keptLineHolds(text, foldsCase: true, pairs: pairs, byteCount: byteCount, line: line, slot: slot)
            if !keeps { loweredBuffer.count = bytesStart }
            enter(
                text, loweredCopy: nil, loweredByteRange: bytesStart..<loweredBuffer.count, line: line, section: section, pairs: pairs,
                kept: keeps, byteCount: byteCount, isASCII: true, slotIndex: slotIndex, slot: &slot)
            return pairs
        }
        // Latin-1 and punctuation (nearly every non-ASCII line) in one pass; other text the general way.
        var pairs = BytePairs(words: (0, 0, 0, 0))
        let lowered: String
        if let narrow = NarrowLowercasing.lowercased(text, pairs: &pairs) {
            lowered = narrow
        } else {
            lowered = TextScan.lowercased(text)
            pairs = BytePairs(lowered)
        }
        let keeps = !mentionsExcluded(lowered, foldsCase: false, pairs: pairs)
            && !keptLineHolds(lowered, foldsCase: false, pairs: pairs, byteCount: byteCount, line: line, slot: slot)
        let loweredByteRange = keeps ? appendLoweredBytes(lowered) : bytesStart..<bytesStart
        enter(
            text, loweredCopy: lowered, loweredByteRange: loweredByteRange, line: line, section: section, pairs: pairs, kept: keeps,
            byteCount: byteCount, isASCII: false, slotIndex: slotIndex, slot: &slot)
        return pairs
    }

    /// Appends the UTF-8 bytes of a kept line's `lowered` text to `loweredBytes`; where they went.
    private mutating func appendLoweredBytes(_ lowered: String) -> Range<Int> {
        let start = loweredBuffer.count
        lowered.withBorrowedUTF8 { loweredBuffer.append($0) }
        return start..<loweredBuffer.count
    }

    /// The UTF-8 bytes of each kept line's `lowered` text, back to back (`ScorableRecord.loweredBytes`).
    var loweredBytes: [UInt8] { loweredBuffer.bytes }

    /// `loweredBytes`, taken out of the builder (its buffer is left empty): the record keeps the
    /// builder's array rather than a copy.
    mutating func takeLoweredBytes() -> [UInt8] { loweredBuffer.take() }

    /// Enters a new text into the table: as a line of `section` when `kept` (with `loweredCopy` as
    /// `ScorableRecord.Line` holds it, its `lowered` bytes already at `loweredByteRange` of
    /// `loweredBytes`), else set aside. `text` moves into the line or the set-aside list.
    private mutating func enter(
        _ text: consuming String, loweredCopy: String?, loweredByteRange: Range<Int>, line: Int, section: EvidenceText.Section,
        pairs: BytePairs, kept: Bool, byteCount: Int, isASCII: Bool, slotIndex: Int, slot: inout Slot
    ) {
        let ordinal = entries.count
        let place: Int
        if kept {
            place = lines.count
            lines.append(
                ScorableRecord.Line(
                    text: text, loweredCopy: loweredCopy, loweredPairs: pairs, line: line, section: section, loweredByteRange: loweredByteRange))
        } else {
            place = -1 - setAside.count
            setAside.append(text)
        }
        entries.append(Entry(line: line, previousOnLine: slot.latest, pairs: pairs, place: place, byteCount: byteCount, isASCII: isASCII))
        if slot.latest < 0 {
            usedSlots += 1
            slot = Slot(line: line, latest: ordinal, count: 1)
        } else if slot.count < 0 {
            slot.latest = ordinal
            crowd(ordinal)
        } else {
            slot.latest = ordinal
            slot.count += 1
            if slot.count > Self.longestChain {
                slot.count = -1
                var earlier = ordinal
                while earlier >= 0 {
                    crowd(earlier)
                    earlier = entries[earlier].previousOnLine
                }
            }
        }
        slots[slotIndex] = slot
    }

    /// Whether the text of `entry` equals `text` (canonical equivalence, as `String`'s `==`).
    private func isText(of entry: Entry, _ text: String) -> Bool {
        entry.place >= 0 ? lines[entry.place].text == text : setAside[-1 - entry.place] == text
    }

    /// Whether every byte of `text` is ASCII (read eight at a time).
    private static func isASCII(_ text: String) -> Bool {
        if let isASCII = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
            var any: UInt64 = 0
            var offset = 0
            while offset + 8 <= bytes.count {
                any |= base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            while offset < bytes.count {
                any |= UInt64(base.load(fromByteOffset: offset, as: UInt8.self))
                offset += 1
            }
            return any & 0x8080_8080_8080_8080 == 0
        }) {
            return isASCII
        }
        return text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether the ASCII text whose bytes are `loweredBytes[start...]` holds an identifying text or a
    /// label (folding case). A method on the builder, not a call inside `add`'s closure over its bytes:
    /// that closure holds the builder `inout`, and reading the screen there copied it (three arrays
    /// retained and released per line).
    private func mentionsExcluded(bytesFrom start: Int, pairs: BytePairs) -> Bool {
        loweredBuffer.withBytes(from: start) { bytes in
            excluded.mentionsAny(foldingASCII: bytes, pairs: pairs)
        }
    }

    /// Whether `lowered` (with `foldsCase`, as a line stores it) holds an identifying text or a label.
    /// Out of line: inlined into `add`, which holds the builder `inout`, it copied the screen (three
    /// arrays retained and released per non-ASCII line).
    @inline(never)
    private func mentionsExcluded(_ lowered: String, foldsCase: Bool, pairs: BytePairs) -> Bool {
        excluded.mentionsAny(lowered: lowered, foldsCase: foldsCase, pairs: pairs)
    }

    /// Whether a line kept from source line `line` (whose slot is `slot`) has the lower-cased text
    /// `lowered` stands for (`foldsCase`: the ASCII text as written; `pairs`, `byteCount`: its pairs
    /// and length). Two ASCII texts are equal folding case only with equal lengths and pairs, so
    /// others are told apart without reading them.
    private func keptLineHolds(_ lowered: String, foldsCase: Bool, pairs: BytePairs, byteCount: Int, line: Int, slot: Slot) -> Bool {
        guard slot.latest >= 0 else { return false }
        if slot.count < 0 { return crowdedLowered.contains(Key(line: line, text: Self.standing(lowered, foldsCase: foldsCase))) }
        var other = slot.latest
        while other >= 0 {
            let entry = entries[other]
            if entry.place >= 0 && !(foldsCase && entry.isASCII && (entry.byteCount != byteCount || entry.pairs != pairs))
                && sameLowered(asLine: entry.place, lowered, foldsCase: foldsCase) {
                return true
            }
            other = entry.previousOnLine
        }
        return false
    }

    /// `same` for the lower-cased text of line `index` and `lowered`.
    private func sameLowered(asLine index: Int, _ lowered: String, foldsCase: Bool) -> Bool {
        if let keptLowered = lines[index].loweredCopy { return Self.same(keptLowered, foldsCase: false, lowered, foldsCase: foldsCase) }
        return Self.same(lines[index].text, foldsCase: true, lowered, foldsCase: foldsCase)
    }

    /// Enters entry `ordinal`, on a crowded source line, into the dictionaries.
    private mutating func crowd(_ ordinal: Int) {
        let entry = entries[ordinal]
        if entry.place >= 0 {
            let kept = lines[entry.place]
            crowdedTexts[Key(line: entry.line, text: kept.text)] = ordinal
            crowdedLowered.insert(Key(line: entry.line, text: Self.standing(kept.lowered, foldsCase: kept.foldsCase)))
        } else {
            crowdedTexts[Key(line: entry.line, text: setAside[-1 - entry.place])] = ordinal
        }
    }

    /// The text a line's `lowered` stands for: its lower-cased form when it folds case.
    static func standing(_ text: String, foldsCase: Bool) -> String {
        foldsCase ? ASCIILowercasing.lowercased(text) ?? text : text
    }

    /// Whether two lines' `lowered` texts stand for equal texts: two ASCII texts that fold case are
    /// equal when their bytes are equal with A–Z folded (their lower-cased forms are ASCII, where `==`
    /// compares bytes); any comparison involving another text uses the lower-cased form itself.
    static func same(_ first: String, foldsCase firstFolds: Bool, _ second: String, foldsCase secondFolds: Bool) -> Bool {
        guard firstFolds || secondFolds else { return first == second }
        guard firstFolds && secondFolds else { return standing(first, foldsCase: firstFolds) == standing(second, foldsCase: secondFolds) }
        guard first.utf8.count == second.utf8.count else { return false }
        var first = first, second = second
        return first.withUTF8 { firstBytes in
            second.withUTF8 { secondBytes in
                for index in 0..<firstBytes.count where FoldedASCIISearch.lowered(firstBytes[index]) != FoldedASCIISearch.lowered(secondBytes[index]) {
                    return false
                }
                return true
            }
        }
    }

    /// The index of the slot holding `line`, or of the empty slot where it goes.
    private func index(for line: Int) -> Int {
        let mask = slots.count - 1
        // Fibonacci hashing: consecutive line numbers spread over the table.
        var index = Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: line) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while slots[index].latest >= 0 && slots[index].line != line { index = (index + 1) & mask }
        return index
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        for slot in old where slot.latest >= 0 { slots[index(for: slot.line)] = slot }
    }
}
