/// Reads an education level from a degree as written ("B.S.", "BA", "A.A.S.", "MBA", "MSc", "PhD",
/// "Bachelor of …") or from a code (EQF 6 = bachelor, 7 = master, 8 = doctorate; HR-XML `degreeType`).
public enum EducationLevels {
    public static func level(ofDegree text: String) -> EducationLevel? {
        let lowered = TextScan.lowercased(text)
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
