import Foundation

/// Known HR certifications with their canonical ids and the ways résumés write them
/// (../shared/reference/hr-facts.md §1).
public enum CertificationCatalog {
    public struct Entry: Sendable {
        public let id: String
        public let fullName: String
        /// Lower-case phrases that name the certification, full names first.
        public let aliases: [String]
        /// Abbreviations matched as whole words, case-sensitively ("PHR", not "phr" inside "graphr").
        public let abbreviations: [String]
    }

    static let entriesByLowercasedID: [String: Entry] = Dictionary(
        entries.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    public static let entries: [Entry] = [
        Entry(id: "SHRM-SCP", fullName: "SHRM Senior Certified Professional",
              aliases: ["shrm senior certified professional", "shrm-scp", "shrm scp", "shrmscp"], abbreviations: ["SHRM-SCP", "SCP"]),
        Entry(id: "SHRM-CP", fullName: "SHRM Certified Professional",
              aliases: ["shrm certified professional", "shrm-cp", "shrm cp", "shrmcp"], abbreviations: ["SHRM-CP"]),
        Entry(id: "SPHRi", fullName: "Senior Professional in Human Resources – International",
              aliases: ["senior professional in human resources - international", "senior professional in human resources – international", "sphri"], abbreviations: ["SPHRi"]),
        Entry(id: "SPHR", fullName: "Senior Professional in Human Resources",
              aliases: ["senior professional in human resources"], abbreviations: ["SPHR"]),
        Entry(id: "GPHR", fullName: "Global Professional in Human Resources",
              aliases: ["global professional in human resources"], abbreviations: ["GPHR"]),
        Entry(id: "aPHRi", fullName: "Associate Professional in Human Resources – International",
              aliases: ["associate professional in human resources - international", "associate professional in human resources – international"], abbreviations: ["aPHRi"]),
        Entry(id: "aPHR", fullName: "Associate Professional in Human Resources",
              aliases: ["associate professional in human resources"], abbreviations: ["aPHR", "APHR"]),
        Entry(id: "PHRca", fullName: "Professional in Human Resources – California",
              aliases: ["professional in human resources - california", "professional in human resources – california", "professional in human resources, california"], abbreviations: ["PHRca", "PHR-CA", "PHRCA"]),
        Entry(id: "PHRi", fullName: "Professional in Human Resources – International",
              aliases: ["professional in human resources - international", "professional in human resources – international"], abbreviations: ["PHRi"]),
        Entry(id: "PHR", fullName: "Professional in Human Resources",
              aliases: ["professional in human resources"], abbreviations: ["PHR"]),
        Entry(id: "CIPD", fullName: "Chartered Institute of Personnel and Development",
              aliases: ["chartered institute of personnel and development", "chartered mcipd", "chartered fcipd", "mcipd", "fcipd", "assoc cipd", "cipd level"], abbreviations: ["CIPD", "MCIPD", "FCIPD"]),
        Entry(id: "CCP", fullName: "Certified Compensation Professional",
              aliases: ["certified compensation professional"], abbreviations: ["CCP"]),
        Entry(id: "CBP", fullName: "Certified Benefits Professional",
              aliases: ["certified benefits professional"], abbreviations: ["CBP"]),
        Entry(id: "CEBS", fullName: "Certified Employee Benefit Specialist",
              aliases: ["certified employee benefit specialist", "certified employee benefits specialist"], abbreviations: ["CEBS"]),
        Entry(id: "CPP", fullName: "Certified Payroll Professional",
              aliases: ["certified payroll professional"], abbreviations: ["CPP"]),
        Entry(id: "CPLP", fullName: "Certified Professional in Learning and Performance",
              aliases: ["certified professional in learning and performance", "certified professional in talent development"], abbreviations: ["CPLP", "CPTD"]),
        Entry(id: "AIRS-CIR", fullName: "AIRS Certified Internet Recruiter",
              aliases: ["certified internet recruiter", "airs cir"], abbreviations: ["CIR"]),
        Entry(id: "CDR", fullName: "Certified Diversity Recruiter",
              aliases: ["certified diversity recruiter"], abbreviations: ["CDR"]),
        Entry(id: "Workday-Pro", fullName: "Workday Pro certification",
              aliases: ["workday pro", "workday certified", "certified workday"], abbreviations: []),
    ]

    /// The canonical id named in `text`, if any: "PHR — Professional in Human Resources" → PHR,
    /// "SHRM Certified Professional (SHRM-CP)" → SHRM-CP.
    public static func canonicalID(in text: String) -> String? {
        ids(in: text).first
    }

    /// Every canonical id named in `text`, most specific first, without repeats.
    public static func ids(in text: String) -> [String] {
        ids(in: text, lowered: TextScan.lowercased(text))
    }

    /// `ids(in: text)` for a caller that has lower-cased the text already (`lowered` is
    /// `TextScan.lowercased(text)`): the certification reader needs both, and lower-cased each line twice.
    static func ids(in text: String, lowered: String) -> [String] {
        // Most texts asked about name no certification: the catalog is read from one flat table, so
        // ruling an entry out touches no `Entry` (no retain/release of its strings and arrays per call).
        let table = needleTable
        var found: [String] = []
        var consumed = lowered
        // A phrase or abbreviation is found only where its bytes are, so one whose byte pairs are not all
        // in the text is skipped without the search. The slots and both texts' pair bits are read through
        // buffers taken once for the whole call (the bits set straight into one temporary buffer): every
        // needle's test is a few bit tests, and an array slice or a copy of the sixteen words per needle
        // cost more than they do.
        let slots = table.slots
        slots.withUnsafeBufferPointer { slots in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * BytePairBits.wordCount) { words in
                let consumedPairs = words.baseAddress!
                let textPairs = consumedPairs + BytePairBits.wordCount
                BytePairBits.set(consumedPairs, from: consumed)
                BytePairBits.set(textPairs, from: text)
                for entryIndex in table.ids.indices {
                    var matched = false
                    for alias in table.aliasesOfEntry[entryIndex]
                    where BytePairBits.mayContain(UnsafeBufferPointer(rebasing: slots[table.aliasSlots[alias]]), in: consumedPairs)
                        && containsPhrase(consumed, table.aliases[alias]) {
                        matched = true
                        consumed = TextScan.replacing(table.aliases[alias], with: " ", in: consumed)
                        BytePairBits.set(consumedPairs, from: consumed)
                    }
                    if !matched {
                        for abbreviationIndex in table.abbreviationsOfEntry[entryIndex]
                        where BytePairBits.mayContain(UnsafeBufferPointer(rebasing: slots[table.abbreviationSlots[abbreviationIndex]]), in: textPairs) {
                            let abbreviation = table.abbreviations[abbreviationIndex]
                            guard containsWord(text, abbreviation) else { continue }
                            // A bare abbreviation already explained by a more specific entry's phrase
                            // ("SPHR" inside "SHRM-SCP") is not a second certification.
                            if !found.contains(where: { $0.contains(abbreviation) && $0 != abbreviation }) {
                                matched = true
                            }
                        }
                    }
                    if matched && !found.contains(table.ids[entryIndex]) { found.append(table.ids[entryIndex]) }
                }
            }
        }
        // "SPHR" text also contains "PHR" as a word? No: word boundaries keep them apart. But a phrase
        // match of "professional in human resources" inside "senior professional in human resources"
        // was consumed above, so PHR is only reported when it stands on its own.
        return found
    }

    /// Whether `ids(in: text)` can find an id, told from the text's byte pairs alone: false only when
    /// no alias's pairs are all among the lower-cased text's pairs and no abbreviation's among the text's.
    ///
    /// Exact: `ids` finds its first id through a needle that passes this same test on the pairs it starts
    /// with (those of the lower-cased text and of the text), as nothing changes them before a first
    /// match. Worked out for ASCII text, whose lower-cased form is the text with its ASCII letters
    /// lower-cased byte by byte, in one pass over the bytes without building it; true for other text.
    /// The lines the certification trigger scan lets through mostly name none ("Senior HR Generalist",
    /// "Workday", "San Diego, CA"): this spares them the lower-cased string and the catalog walk.
    static func mayFindID(in text: String) -> Bool {
        text.withBorrowedUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return true }
            let table = needleTable
            return table.slots.withUnsafeBufferPointer { slots in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * BytePairBits.wordCount) { words in
                    let loweredPairs = words.baseAddress!
                    let textPairs = loweredPairs + BytePairBits.wordCount
                    loweredPairs.update(repeating: 0, count: 2 * BytePairBits.wordCount)
                    if bytes.count >= 2 {
                        // Each byte lower-cased once, carried to the next pair (not again as its first byte).
                        var previous = bytes[0]
                        var loweredPrevious = TextScan.lowerASCII(previous)
                        for index in 1..<bytes.count {
                            let byte = bytes[index]
                            let loweredByte = TextScan.lowerASCII(byte)
                            let slot = BytePairBits.slot(previous, byte)
                            textPairs[slot >> 6] |= 1 << UInt64(slot & 63)
                            let loweredSlot = BytePairBits.slot(loweredPrevious, loweredByte)
                            loweredPairs[loweredSlot >> 6] |= 1 << UInt64(loweredSlot & 63)
                            previous = byte
                            loweredPrevious = loweredByte
                        }
                    }
                    // Each needle's first pair tested before its slots are read as a buffer: most needles
                    // fail there, and the buffer for each cost more than the test.
                    @inline(__always) func has(_ pairs: UnsafeMutablePointer<UInt64>, _ slot: Int) -> Bool {
                        pairs[slot >> 6] & (1 << UInt64(slot & 63)) != 0
                    }
                    for range in table.aliasSlots
                    where range.isEmpty || (has(loweredPairs, slots[range.lowerBound])
                        && BytePairBits.mayContain(UnsafeBufferPointer(rebasing: slots[range]), in: loweredPairs)) {
                        return true
                    }
                    for range in table.abbreviationSlots
                    where range.isEmpty || (has(textPairs, slots[range.lowerBound])
                        && BytePairBits.mayContain(UnsafeBufferPointer(rebasing: slots[range]), in: textPairs)) {
                        return true
                    }
                    return false
                }
            }
        }
    }

    /// The catalog's ids, aliases and abbreviations in entry order, each needle's `BytePairBits` slots
    /// end to end in `slots`; `aliasesOfEntry[e]` / `abbreviationsOfEntry[e]` are entry e's needles.
    struct NeedleTable: Sendable {
        var ids: [String] = []
        var aliases: [String] = []
        var abbreviations: [String] = []
        var slots: [Int] = []
        var aliasSlots: [Range<Int>] = []
        var abbreviationSlots: [Range<Int>] = []
        var aliasesOfEntry: [Range<Int>] = []
        var abbreviationsOfEntry: [Range<Int>] = []

        init(_ entries: [Entry]) {
            for entry in entries {
                ids.append(entry.id)
                aliasesOfEntry.append(Self.add(entry.aliases, to: &aliases, slotRanges: &aliasSlots, slots: &slots))
                abbreviationsOfEntry.append(Self.add(entry.abbreviations, to: &abbreviations, slotRanges: &abbreviationSlots, slots: &slots))
            }
        }

        /// Appends `needles` and their byte-pair slots; the range they take in `list`.
        private static func add(
            _ needles: [String], to list: inout [String], slotRanges: inout [Range<Int>], slots: inout [Int]
        ) -> Range<Int> {
            let first = list.count
            for needle in needles {
                let start = slots.count
                slots.append(contentsOf: BytePairBits.slots(needle))
                slotRanges.append(start..<slots.count)
                list.append(needle)
            }
            return first..<list.count
        }
    }

    static let needleTable = NeedleTable(entries)

    public static func entry(for id: String) -> Entry? {
        // Ids are ASCII ("SHRM-CP"): a lower-cased dictionary lookup, not Foundation's case-insensitive
        // comparison against every entry (advice asks this for each wanted certification of each file).
        entriesByLowercasedID[id.lowercased()]
    }

    /// Whether `text` looks like it names a certification at all (known or not), for lines in a
    /// certifications section.
    public static func looksLikeCertification(_ text: String) -> Bool {
        if canonicalID(in: text) != nil { return true }
        return mentionsCertificationWord(lowered: TextScan.lowercased(text))
    }

    /// The test `looksLikeCertification` makes of a text that names no known certification (whose
    /// `ids(in:)` is empty), given the text lower-cased (`TextScan.lowercased`, which is `lowercased()`):
    /// a caller that has both need not look the certifications up again.
    static func mentionsCertificationWord(lowered: String) -> Bool {
        certificationWords.containsAny(in: lowered)
    }

    /// Words that make a line a certification, found in one pass (byte for byte, as `TextScan.contains`).
    static let certificationWords = PhraseSet(["certified", "certification", "certificate", "licence", "license", "credential"])

    static func containsPhrase(_ haystack: String, _ phrase: String) -> Bool {
        TextScan.containsWords(haystack, phrase)
    }

    /// `word` as a whole word, case-sensitive, with letters, digits and hyphens as word characters.
    static func containsWord(_ haystack: String, _ word: String) -> Bool {
        TextScan.containsWords(haystack, word) { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" }
    }
}

/// Which adjacent byte pairs of a text's UTF-8 occur, hashed into 1,024 bits: a needle with a pair whose
/// bit is clear does not occur in the text (a set bit proves nothing).
struct BytePairBits {
    // Sixteen words held inline, not in an Array (two of these are built for every text `ids(in:)` is
    // asked about); a tuple rather than an `InlineArray`, which needs macOS 26 (the package supports 15).
    private typealias Words = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                               UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    private var bits: Words = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    @inline(__always) static func slot(_ first: UInt8, _ second: UInt8) -> Int {
        (Int(first) &* 37 &+ Int(second)) & 1023
    }

    static func slots(_ needle: String) -> [Int] {
        let bytes = Array(needle.utf8)
        guard bytes.count >= 2 else { return [] }
        return (1..<bytes.count).map { slot(bytes[$0 - 1], bytes[$0]) }
    }

    init(_ text: String) {
        withUnsafeMutableBytes(of: &bits) { raw in
            Self.set(raw.bindMemory(to: UInt64.self).baseAddress!, from: text)
        }
    }

    /// How many 64-bit words the bits take.
    static var wordCount: Int { 16 }

    /// Sets `wordCount` words at `words` to the pair bits of `text` (what `init` holds), for a caller
    /// that keeps them in a buffer of its own. The text is borrowed, not copied for `withUTF8` (a copy
    /// retained and released its storage).
    static func set(_ words: UnsafeMutablePointer<UInt64>, from text: String) {
        words.update(repeating: 0, count: wordCount)
        text.withBorrowedUTF8 { bytes in
            guard bytes.count >= 2 else { return }
            for index in 1..<bytes.count {
                let slot = Self.slot(bytes[index - 1], bytes[index])
                words[slot >> 6] |= 1 << UInt64(slot & 63)
            }
        }
    }

    /// `mayContain` of pair bits held in a buffer (`set(_:from:)`).
    @inline(__always)
    static func mayContain(_ slots: UnsafeBufferPointer<Int>, in words: UnsafePointer<UInt64>) -> Bool {
        for slot in slots where words[slot >> 6] & (1 << UInt64(slot & 63)) == 0 { return false }
        return true
    }

    func mayContain(_ slots: ArraySlice<Int>) -> Bool {
        slots.withUnsafeBufferPointer { mayContain($0) }
    }

    /// `mayContain` of slots read from a buffer (the caller takes the buffer once for all the needles).
    @inline(__always)
    func mayContain(_ slots: UnsafeBufferPointer<Int>) -> Bool {
        withUnsafeBytes(of: bits) { raw in
            let words = raw.bindMemory(to: UInt64.self)
            for slot in slots where words[slot >> 6] & (1 << UInt64(slot & 63)) == 0 { return false }
            return true
        }
    }
}
