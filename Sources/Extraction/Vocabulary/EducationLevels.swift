/// Reads an education level from a degree as written ("B.S.", "BA", "A.A.S.", "MBA", "MSc", "PhD",
/// "Bachelor of …") or from a code (EQF 6 = bachelor, 7 = master, 8 = doctorate; HR-XML `degreeType`).
public enum EducationLevels {
    public static func level(ofDegree text: String) -> EducationLevel? {
        let lowered = TextScan.lowercased(text)
        if let quick = TextScan.withPlainASCII(lowered, { levelOfPlainASCII($0, lowered: lowered) }) { return quick.level }
        // Plain ASCII: letters by byte (the ASCII letters are its only letters).
        let compact = TextScan.withPlainASCII(lowered) { bytes in
            String(decoding: bytes.filter { TextScan.isASCIILetter($0) || $0 == 0x20 }, as: UTF8.self)
        } ?? lowered.filter { $0.isLetter || $0 == " " }
        let words = Set(compact.split(separator: " ").map(String.init))
        let letters = TextScan.withPlainASCII(compact) { bytes in
            String(decoding: bytes.filter { $0 != 0x20 }, as: UTF8.self)
        } ?? lowered.filter(\.isLetter)
        // In text where Foundation's (canonically equivalent) search finds what a byte search finds
        // (`HTMLLines.isPlainForSearch`), search by byte.
        let plain = HTMLLines.isPlainForSearch(lowered)
        // In plain text a level's phrases are searched in one pass (`PhraseSet`, byte for byte).
        func has(_ phrases: PhraseSet) -> Bool {
            plain ? phrases.containsAny(in: lowered) : phrases.phrases.contains { lowered.contains($0) }
        }
        func word(_ candidates: [String]) -> Bool { candidates.contains { words.contains($0) } }
        // Full words first: they are unambiguous.
        if has(doctoratePhrases) || word(["phd", "dphil", "edd", "dba", "jd", "md"]) { return .doctorate }
        if has(masterPhrases)
            || word(["mba", "msc", "ms", "ma", "med", "meng", "mphil", "mpa", "mhrm", "mshrm", "mps", "llm", "emba", "master"]) { return .master }
        if has(bachelorPhrases)
            || word(["bs", "ba", "bsc", "bba", "beng", "bcom", "bfa", "bsba", "ab", "sb", "bas"]) || letters == "bs" || letters == "ba" { return .bachelor }
        if has(associatePhrases) || word(["aas", "aa", "as", "aos"]) { return .associate }
        if has(secondaryPhrases) { return .secondary }
        if has(certificatePhrases) { return .certificate }
        return nil
    }

    /// A level found or none, so that "none" can be told from "not plain ASCII".
    struct LevelResult { var level: EducationLevel? }

    /// `level(ofDegree:)` of plain ASCII lower-cased text, `bytes` being its UTF-8: the same tests in the
    /// same order, but the words are byte ranges looked up in `degreeWordLevels` (no `Set` of new strings and
    /// no word lists built per call), and the phrase sets are searched only when the words decide nothing.
    static func levelOfPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>, lowered: String) -> LevelResult {
        // `compact`: the letters and spaces; its words are the runs between spaces, its letters the rest.
        // One bit per level (by `rank`) named by a word: a set without an allocation.
        var wordLevels = 0
        var isBSOrBA = false
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { compact in
            var count = 0
            for byte in bytes where TextScan.isASCIILetter(byte) || byte == 0x20 {
                compact[count] = byte
                count += 1
            }
            var letterCount = 0
            var firstTwo: (UInt8, UInt8) = (0, 0)
            var start = 0
            for index in 0...count {
                guard index == count || compact[index] == 0x20 else {
                    if letterCount == 0 { firstTwo.0 = compact[index] } else if letterCount == 1 { firstTwo.1 = compact[index] }
                    letterCount += 1
                    continue
                }
                if index > start, let level = degreeWordLevel(UnsafeBufferPointer(rebasing: compact[start..<index])) {
                    wordLevels |= 1 << level.rank
                }
                start = index + 1
            }
            isBSOrBA = letterCount == 2 && firstTwo.0 == 0x62 && (firstTwo.1 == 0x73 || firstTwo.1 == 0x61)
        }
        // Plain ASCII text is plain for search: the phrases are searched byte for byte.
        if doctoratePhrases.containsAny(in: lowered) || wordLevels & (1 << EducationLevel.doctorate.rank) != 0 { return LevelResult(level: .doctorate) }
        if masterPhrases.containsAny(in: lowered) || wordLevels & (1 << EducationLevel.master.rank) != 0 { return LevelResult(level: .master) }
        if bachelorPhrases.containsAny(in: lowered) || wordLevels & (1 << EducationLevel.bachelor.rank) != 0 || isBSOrBA { return LevelResult(level: .bachelor) }
        if associatePhrases.containsAny(in: lowered) || wordLevels & (1 << EducationLevel.associate.rank) != 0 { return LevelResult(level: .associate) }
        if secondaryPhrases.containsAny(in: lowered) { return LevelResult(level: .secondary) }
        if certificatePhrases.containsAny(in: lowered) { return LevelResult(level: .certificate) }
        return LevelResult(level: nil)
    }

    /// The level a whole word of a degree names by itself ("phd", "mba", "bsc", "aas"): the word lists
    /// of `level(ofDegree:)`.
    static let degreeWordLevels: [(word: [UInt8], level: EducationLevel)] = {
        let lists: [(EducationLevel, [String])] = [
            (.doctorate, ["phd", "dphil", "edd", "dba", "jd", "md"]),
            (.master, ["mba", "msc", "ms", "ma", "med", "meng", "mphil", "mpa", "mhrm", "mshrm", "mps", "llm", "emba", "master"]),
            (.bachelor, ["bs", "ba", "bsc", "bba", "beng", "bcom", "bfa", "bsba", "ab", "sb", "bas"]),
            (.associate, ["aas", "aa", "as", "aos"]),
        ]
        return lists.flatMap { level, words in words.map { (Array($0.utf8), level) } }
    }()

    /// The level of `degreeWordLevels` whose word is `word`'s bytes, if any.
    static func degreeWordLevel(_ word: UnsafeBufferPointer<UInt8>) -> EducationLevel? {
        for entry in degreeWordLevels where entry.word.count == word.count && entry.word.elementsEqual(word) { return entry.level }
        return nil
    }

    static let doctoratePhrases = PhraseSet(["doctor of", "doctorate", "doctoral", "ph.d", "ph. d"])
    static let masterPhrases = PhraseSet([
        "master of", "master's", "masters", "magister", "mestrado", "máster", "master in", "master degree", "m.b.a", "m.s.", "m.a.",
        "m.sc", "m.ed", "m.eng",
    ])
    static let bachelorPhrases = PhraseSet([
        "bachelor", "baccalaureate", "b.s.", "b.a.", "b.sc", "b.b.a", "b.eng", "b.com", "licenciatura", "laurea",
        "undergraduate degree", "honours degree", "licence",
    ])
    static let associatePhrases = PhraseSet(["associate of", "associate's", "associate degree", "associates degree", "a.a.s", "a.a.", "a.s.", "foundation degree", "hnd"])
    static let secondaryPhrases = PhraseSet(["high school", "secondary", "ged", "diploma of secondary", "a-level", "a level", "abitur", "baccalauréat", "matura", "gcse"])
    static let certificatePhrases = PhraseSet(["certificate", "certification", "diploma", "vocational", "apprenticeship"])

    /// EQF (and ISCED 2011) level codes: "EQF-6", "6", "ISCED 7".
    public static func level(ofCode code: String) -> EducationLevel? {
        let digits = code.filter(\.isNumber)
        guard let value = Int(digits) else { return nil }
        let isISCED = code.lowercased().contains("isced")
        switch value {
        case 8: return .doctorate
        case 7: return .master
        case 6: return .bachelor
        case 5: return isISCED ? .associate : .associate
        case 4: return isISCED ? .certificate : .certificate
        case 3: return .secondary
        case 1, 2: return .other
        default: return nil
        }
    }

    /// HR-XML 2.x `Degree/@degreeType` values.
    public static func level(ofHRXMLDegreeType type: String) -> EducationLevel? {
        switch type.lowercased() {
        case "doctorate", "doctoral", "phd": return .doctorate
        case "masters", "master", "mba", "postgraduate": return .master
        case "bachelors", "bachelor", "undergraduate": return .bachelor
        case "associates", "associate": return .associate
        case "highschool", "high school", "secondary", "ged": return .secondary
        case "certification", "vocational", "some college", "professional": return .certificate
        default: return nil
        }
    }
}
