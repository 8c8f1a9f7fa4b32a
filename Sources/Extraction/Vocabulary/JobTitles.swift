import Foundation

/// Which job titles are HR work and which carry supervision, and which duties say someone leads people.
public enum JobTitles {
    /// Phrases that make a title an HR title (matched on lower-case words).
    static let hrPhrases = PhraseSet([
        "human resource", "human resources", "people operations", "people ops", "people partner", "people & culture",
        "people and culture", "personnel", "talent acquisition", "talent management", "recruit", "staffing",
        "benefits", "compensation", "total rewards", "payroll", "hris", "hrms", "employee relations", "labor relations",
        "labour relations", "workforce", "learning and development", "learning & development", "organizational development",
        "onboarding", "headhunter", "executive search", "sourcer", "sourcing specialist", "employee experience",
        "personalreferent", "rrhh", "recursos humanos", "ressources humaines",
    ])
    static let hrAbbreviations: Set<String> = ["hr", "hrbp", "hris", "hrm", "l&d", "od", "ta", "chro", "cpo", "rh"]

    public static func isHR(_ title: String) -> Bool {
        if let ascii = withLoweredASCII(title, { lowered in
            hrPhrases.containsAny(inBytes: lowered) || containsHRAbbreviation(asciiBytes: lowered) == true
        }) {
            return ascii
        }
        let lowered = TextScan.lowercased(title)
        if hrPhrases.containsAny(in: lowered) { return true }
        if let ascii = containsHRAbbreviation(asciiText: lowered) { return ascii }
        let words = lowered.split(whereSeparator: { !$0.isLetter && $0 != "&" })
        return words.contains { hrAbbreviations.contains(String($0)) }
    }

    /// The abbreviation test on ASCII text, where words are runs of letters and "&": only runs as short
    /// as the longest abbreviation become strings to look up. Nil for other text.
    private static func containsHRAbbreviation(asciiText text: String) -> Bool? {
        text.utf8.withContiguousStorageIfAvailable { containsHRAbbreviation(asciiBytes: $0) } ?? nil
    }

    /// `containsHRAbbreviation(asciiText:)` of the text's UTF-8 bytes.
    private static func containsHRAbbreviation(asciiBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let abbreviations = hrAbbreviationWords
        var start = 0
        var index = 0
        while index <= bytes.count {
            let byte: UInt8 = index < bytes.count ? bytes[index] : 0x20
            if byte >= 0x80 { return nil }
            let isWordByte = TextScan.isASCIILetter(byte) || byte == UInt8(ascii: "&")
            if !isWordByte {
                if index - start >= 2 && index - start <= longestAbbreviation,
                   abbreviations.contains(packedWord(UnsafeBufferPointer(rebasing: bytes[start..<index]))) {
                    return true
                }
                start = index + 1
            }
            index += 1
        }
        return false
    }

    /// The bytes of a word of at most eight bytes in one integer, the first byte lowest and zero bytes
    /// after the last: two such words are equal exactly when their bytes are (no word holds a zero byte).
    private static func packedWord(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        for (offset, byte) in bytes.enumerated() { packed |= UInt64(byte) << UInt64(8 * offset) }
        return packed
    }

    /// `hrAbbreviations` packed (`packedWord`): a word of an ASCII title is compared with each as one
    /// integer, not made into a string and hashed (String equality is byte equality for ASCII).
    private static let hrAbbreviationWords: [UInt64] = hrAbbreviations.sorted().map { word in
        precondition(word.utf8.count <= 8 && !word.utf8.contains(0), "an HR abbreviation that does not pack")
        return Array(word.utf8).withUnsafeBufferPointer { packedWord($0) }
    }

    /// `body` of the title lower-cased, as bytes in a temporary buffer with `spaces` spaces after it,
    /// when the title is ASCII (there `TextScan.lowercased` lower-cases byte by byte); nil otherwise.
    /// The title tests are asked several times of every position's title: the lower-cased string (and
    /// the copy with a space appended) each cost an allocation, and the phrase searches a retain each.
    private static func withLoweredASCII<Result>(
        _ title: String, spaces: Int = 0, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result? {
        title.withBorrowedUTF8 { bytes -> Result? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + spaces) { buffer in
                for index in 0..<bytes.count { buffer[index] = TextScan.lowerASCII(bytes[index]) }
                for index in bytes.count..<(bytes.count + spaces) { buffer[index] = 0x20 }
                return body(UnsafeBufferPointer(buffer))
            }
        }
    }

    private static let longestAbbreviation = hrAbbreviations.map(\.utf8.count).max() ?? 0

    static let supervisoryWords = PhraseSet([
        "manager", "supervisor", "director", "head of", "team lead", "team leader", "chief", "vice president",
        "vp ", "vp,", "superintendent", "foreman", "principal", "lead ", "chro", "officer in charge",
    ])
    /// "Manager" titles that manage things, not people.
    static let nonSupervisoryManagers = PhraseSet([
        "account manager", "product manager", "project manager", "program manager", "programme manager", "case manager",
        "brand manager", "portfolio manager", "content manager", "community manager", "relationship manager",
        "category manager", "property manager", "manager trainee", "management trainee",
    ])

    /// Whether the title itself says the person supervises others.
    public static func isSupervisory(_ title: String) -> Bool {
        if let ascii = withLoweredASCII(title, spaces: 1, { lowered in
            // The tests below on the same bytes; in ASCII text "vp" begins the text exactly when its
            // first two bytes are "v" and "p".
            if nonSupervisoryManagers.containsAny(inBytes: lowered) && !contains(lowered, "assistant manager") { return false }
            if lowered.count >= 2 && lowered[0] == 0x76 && lowered[1] == 0x70 { return true }
            return supervisoryWords.containsAny(inBytes: lowered)
        }) {
            return ascii
        }
        let lowered = TextScan.lowercased(title) + " "
        if nonSupervisoryManagers.containsAny(in: lowered) && !TextScan.contains(lowered, "assistant manager") { return false }
        if lowered.hasPrefix("vp") { return true }
        return supervisoryWords.containsAny(in: lowered)
    }

    /// `TextScan.contains` of UTF-8 bytes and an ASCII phrase.
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ phrase: StaticString) -> Bool {
        TextScan.position(of: UnsafeBufferPointer(start: phrase.utf8Start, count: phrase.utf8CodeUnitCount), in: bytes, from: 0) != nil
    }

    /// Duty phrases that show people leadership, formal or informal ("even informal team lead" counts,
    /// says the seed profile).
    static let leadershipPhrases = PhraseSet([
        "supervise", "supervised", "supervising", "supervision of", "direct report", "directly report",
        "team lead", "team leader", "lead a team", "led a team", "leading a team", "led the team", "leads a team",
        "manage a team", "managed a team", "managing a team", "manages a team", "managed team", "manage team",
        "oversaw a team", "oversee a team", "oversees a team", "line manage", "line-manage", "people manager",
        "coached and supervised", "lead for our", "lead for the", "lead responsibility", "lead role", "informal lead",
        "managed staff", "manage staff", "managing staff", "mentor and supervise", "staff of",
    ])

    /// A duty that shows formal supervision: direct reports or supervising, not an informal lead.
    public static func isFormalSupervision(_ duty: EvidenceText) -> Bool {
        let lowered = TextScan.lowercased(duty.text)
        guard !TextScan.contains(lowered, "informal") else { return false }
        return formalSupervisionPhrases.containsAny(in: lowered)
    }

    /// Public so scoring can rule duties out by their byte pairs before `isFormalSupervision`.
    public static let formalSupervisionPhrases = PhraseSet([
        "direct report", "directly report", "supervise", "supervising", "supervised", "line manage", "line-manage",
        "people manager", "managed staff", "manage staff", "managing staff", "managed a team", "manage a team",
        "managing a team", "manages a team",
    ])

    /// The duty line that shows people leadership, if any.
    public static func leadershipEvidence(in duties: [EvidenceText]) -> EvidenceText? {
        duties.first { duty in
            let lowered = TextScan.lowercased(duty.text)
            return leadershipPhrases.containsAny(in: lowered)
        }
    }
}
