import Testing
import TestSupport
@testable import Extraction

/// `PackedWordRoles` (the byte-keyed copy of `LineFields.wordRoles`) and the byte word pass of
/// `wordRoleCounts` against the String code they replace, kept here as the reference.
@Suite struct PackedWordRolesTests {
    /// `wordRoleCounts` as it was: every word a String, looked up in the dictionary.
    static func referenceWordRoleCounts(_ text: String) -> (title: Int, organisation: Int, last: LineFields.WordRoles?, institution: Bool) {
        var counted: (title: Int, organisation: Int, last: LineFields.WordRoles?, institution: Bool) = (0, 0, nil, false)
        for word in LineFields.lowerWords(text) {
            let roles = LineFields.wordRoles[word] ?? []
            if roles.contains(.title) { counted.title += 1 }
            if roles.contains(.organisation) { counted.organisation += 1 }
            counted.last = roles
            if !counted.institution, roles.contains(.institution) || word.hasPrefix("univers") { counted.institution = true }
        }
        return counted
    }

    static func roles(_ word: String) -> LineFields.WordRoles {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { LineFields.packedWordRoles.roles($0, 0..<$0.count) }
    }

    @Test func everyKeyIsFoundWithItsRolesInAnyCase() {
        for (word, roles) in LineFields.wordRoles {
            #expect(Self.roles(word) == roles, "\(word)")
            #expect(Self.roles(word.uppercased()) == roles, "\(word)")
        }
    }

    @Test func wordsOutsideTheSetsHaveNoRoles() {
        // Near misses of real keys: a byte more, a byte less, a changed last byte, and longer than any key.
        let misses = ["manage", "managers", "managex", "lea", "leads", "hospitall", "paraprofessionals",
                      "paraprofessionaly", "x", "", "acme", "health-care", "univ", "of", "&", "a-b", "inc-", "co-founders"]
        for word in misses where LineFields.wordRoles[word] == nil {
            #expect(Self.roles(word) == [], "\(word)")
        }
        #expect(Self.roles("Manager") == [.title])
        #expect(Self.roles("UNIVERSITY") == [.organisation, .institution])
        #expect(Self.roles("Health") == [.organisation])
        #expect(Self.roles("Acme") == [])
    }

    @Test func aRangeInsideALineIsLookedUpAlone() {
        let bytes = Array("Senior Manager, Acme".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(LineFields.packedWordRoles.roles(buffer, 7..<14) == [.title])
            #expect(LineFields.packedWordRoles.roles(buffer, 7..<13) == [])
            #expect(LineFields.packedWordRoles.roles(buffer, 16..<20) == [])
        }
    }

    static let texts: [String] = [
        "", " ", "Senior HR Generalist", "Acme Health", "Ohio State University", "University of Toledo", "UNIVERSAL STUDIOS",
        "Univers", "univer", "-Universal-", "Co-Founder & CEO", "Lead - Lead", "Paraprofessional Aide", "Paraprofessionals",
        "Manager\tHR", "Manager\r\nHR", "Manager\u{00A0}HR", "Zoë Academy", "中文大学", "👩‍💼 Institute", "Hochschule München",
        "Acme, Inc.", "Dept. of Labor", "School District", "Bank of America", "café manager", "MANAGER", "mAnAgEr",
        "x-ray technician", "---", "&&&", "a&b company", "Police Department 12", "HR/Payroll Specialist",
    ]

    @Test func wordRoleCountsMatchTheReference() {
        for text in Self.texts {
            let got = LineFields.wordRoleCounts(text)
            let want = Self.referenceWordRoleCounts(text)
            #expect(got.title == want.title && got.organisation == want.organisation && got.last == want.last && got.institution == want.institution, "\(text)")
        }
    }

    @Test func wordRoleCountsMatchTheReferenceOnRandomText() {
        var random = SplitMix64(seed: 0x5EED_F1E1_D5)
        let keys = Array(LineFields.wordRoles.keys).sorted()
        let fragments = keys + ["univers", "Univ", "acme", "of", "&", "-", "--", " ", "  ", ",", ".", "\t", "\n", "\r\n",
                                "\u{00A0}", "é", "ü", "中", "🏥", "👩‍💼", "7", "2021", "A", "Z", "q"]
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(random.next() % 7) {
                var fragment = fragments[Int(random.next() % UInt64(fragments.count))]
                switch random.next() % 4 {
                case 0: fragment = fragment.uppercased()
                case 1: fragment = fragment.prefix(1).uppercased() + fragment.dropFirst()
                default: break
                }
                text += fragment
                if random.next() % 3 != 0 { text += " " }
            }
            let got = LineFields.wordRoleCounts(text)
            let want = Self.referenceWordRoleCounts(text)
            #expect(got.title == want.title && got.organisation == want.organisation && got.last == want.last && got.institution == want.institution, "\(text)")
        }
    }
}

extension PackedWordRolesTests {
    /// `titleWordsOnly` as it was for every text: the words as Strings, looked up in the two sets.
    static func referenceTitleWordsOnly(_ text: String) -> Bool {
        let words = LineFields.lowerWords(text)
        guard !words.isEmpty, words.count <= 4 else { return false }
        return words.allSatisfy { LineFields.titleWords.contains($0) || LineFields.seniorityWords.contains($0) }
    }

    @Test func titleWordsOnlyMatchesTheReference() {
        var random = SplitMix64(seed: 0x717E_0001)
        let fragments = Array(LineFields.titleWords.union(LineFields.seniorityWords)).sorted()
            + ["acme", "Health", "of", "&", "-", "é", "中", "🏥", ",", "\t", "\u{00A0}", "7", "LEAD", "Vice-President"]
        var texts = Self.texts
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(random.next() % 6) {
                let fragment = fragments[Int(random.next() % UInt64(fragments.count))]
                text += random.next() % 3 == 0 ? fragment.uppercased() : fragment
                text += random.next() % 4 == 0 ? "-" : " "
            }
            texts.append(text)
        }
        for text in texts {
            #expect(LineFields.titleWordsOnly(text) == Self.referenceTitleWordsOnly(text), "\(text)")
        }
        #expect(LineFields.titleWordsOnly("Senior HR Manager"))
        #expect(!LineFields.titleWordsOnly("Senior HR Manager Acme"))
        #expect(!LineFields.titleWordsOnly("Senior Vice President Global Sales"))
    }
}
