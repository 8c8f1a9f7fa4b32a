import Foundation
import Testing
@testable import Extraction

/// `CertificationCatalog.ids(in:)` reads the catalog from a flat table with inline byte-pair bits, and
/// `mayNameCertification` reads its trigger table once per text: both must answer as the plain search
/// over the catalog's entries did (`PlaceDegreeAndCertificationFastPathTests.referenceIDs`, the code kept
/// as the reference) and as the letter-word look-up did.
@Suite struct CertificationNeedleTableTests {
    static let texts: [String] = {
        var texts = [
            "", " ", "\r\n", "PHR", "phr", "graphr", "PHR, SHRM-CP", "SHRM-SCP (2020), SPHR", "SPHRi – 2018", "aPHRi\u{00A0}2021",
            "Senior Professional in Human Resources – International", "senior professional in human resources - international",
            "Professional in Human Resources\r\nCalifornia", "professional in human resources, california", "PHR-CA", "PHRCA",
            "Chartered FCIPD", "Assoc CIPD", "cipd level 7", "MCIPD\u{00A0}member", "Certified Internet Recruiter", "AIRS CIR",
            "Certified Diversity Recruiter (CDR)", "CPTD", "Certified Professional in Talent Development", "workday pro 2023",
            "Zoë Ekwueme, PHR", "Zoë Ekwueme — SHRM-CP 🎓", "人事 PHR 認定", "認定人事プロフェッショナル", "🎓🎓", "Ünïcödé SPHR",
            "CEBS, CPP, CBP, CCP", "CCP CCP", "SCP", "SHRM SCP", "shrmscp", "shrm cp", "SHRM Senior Certified Professional",
            "Certified Employee Benefits Specialist", "Global Professional in Human Resources (GPHR)", "APHR aPHR",
            "Professional in Human Resources – International (PHRi)", "Pursuing PHR", "Senior HR Generalist", "Payroll, benefits",
        ]
        // Each alias and abbreviation alone, upper-cased, inside a longer word and cut short.
        for entry in CertificationCatalog.entries {
            for needle in entry.aliases + entry.abbreviations {
                texts += [needle, needle.uppercased(), "x" + needle + "x", String(needle.dropLast()), "(\(needle)) 2019", "\u{00A0}\(needle)\u{00A0}"]
            }
        }
        return texts
    }()

    @Test func idsMatchThePlainSearchOverEntries() {
        for text in Self.texts {
            #expect(CertificationCatalog.ids(in: text) == PlaceDegreeAndCertificationFastPathTests.referenceIDs(text), "\(text)")
        }
    }

    @Test func needleTableHoldsEachEntrysNeedlesInOrder() {
        let table = CertificationCatalog.needleTable
        #expect(table.ids == CertificationCatalog.entries.map(\.id))
        for (index, entry) in CertificationCatalog.entries.enumerated() {
            #expect(table.aliasesOfEntry[index].map { table.aliases[$0] } == entry.aliases)
            #expect(table.abbreviationsOfEntry[index].map { table.abbreviations[$0] } == entry.abbreviations)
            #expect(table.aliasesOfEntry[index].map { Array(table.slots[table.aliasSlots[$0]]) } == entry.aliases.map(BytePairBits.slots))
            #expect(table.abbreviationsOfEntry[index].map { Array(table.slots[table.abbreviationSlots[$0]]) }
                    == entry.abbreviations.map(BytePairBits.slots))
        }
    }

    @Test func bytePairBitsNeverRuleOutASubstring() {
        for text in Self.texts {
            let bits = BytePairBits(text)
            let bytes = Array(text.utf8)
            // Every piece of the text's bytes that is valid UTF-8 is a needle the bits must allow.
            for start in bytes.indices {
                for end in (start + 1)..<min(bytes.count, start + 12) + 1 {
                    guard let piece = String(validating: bytes[start..<end], as: UTF8.self) else { continue }
                    #expect(bits.mayContain(BytePairBits.slots(piece)[...]), "\(piece) in \(text)")
                }
            }
        }
        // A pair the text lacks rules the needle out: "zq" is in neither.
        #expect(!BytePairBits("phr shrm").mayContain(BytePairBits.slots("zq")[...]))
    }

    @Test func triggerLookUpMatchesTheLetterWords() {
        for text in Self.texts {
            #expect(CertificationReader.mayNameCertification(text) == FieldExtractionPrefilterTests.referenceMayNameCertification(text), "\(text)")
        }
    }
}
