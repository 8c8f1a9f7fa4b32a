import Foundation
import Testing
@testable import Extraction

/// The ASCII paths of the place, degree and comma tests and the byte-pair filter of the certification
/// search: each must give what the code it stands in for gives (kept here as the reference).
@Suite struct PlaceDegreeAndCertificationFastPathTests {
    static let places = [
        "", " ", "Columbus", "South Ridge", "St. Louis", "New York", "new york", "of Boston", "Acme Health", "Columbus 2",
        "Senior Manager", "Los Angeles Area Metro", "A B C D E", "OH", "oh", "OH 43215", "OH 43215-1234", "Ohio", "ohio.",
        "...", ".UK.", "United States", "United  States", "united states of america", "United States Of America Now",
        "CO 80810", "80810", "CO 8O810", "U.S.A.", "U.S", "XX", "Xx", "New South Wales", "  Texas  ", "Texas -", "Zz 12-",
        "Manager, Human Resources", "Columbus, OH", "Columbus, OH, USA", "Columbus , Ohio 43215", "Acme, Inc.",
        "Remote", "Remote, US", "a,,b", ",", ",,", " , OH", "Dublin, Ireland", "Springfield, IL 62701", "The Hague, Netherlands",
        "B.A., Business Administration", "MBA", "Mba", "ms", "MS-HRM", "M.S.", "ma in HR", "BSc (Hons)", "(MBA)",
        "B.S.B.A. Management", "Ph.D.", "Master of Arts", "High School", "AB", "As", "bs", "Bachelorette", "msHRM",
    ]

    @Test func placeTestsMatchTheCharacterCode() {
        for text in Self.places {
            #expect(LineFields.isPlaceName(text) == Self.referencePlaceName(text), "\(text)")
            #expect(LineFields.isRegionOrCountry(text) == Self.referenceRegionOrCountry(text), "\(text)")
            #expect(LineFields.isDegree(text) == Self.referenceDegree(text), "\(text)")
        }
    }

    @Test func commaPiecesSplitLikeTheStandardLibrary() {
        for text in Self.places + ["a,b , c\t,\n d ,", ",x,", "x"] {
            let fast = Array(text.utf8).withUnsafeBufferPointer { LineFields.commaPieces($0) }
            #expect(fast == text.split(separator: ",").map(String.init), "\(text)")
            let trimmed = Array(text.utf8).withUnsafeBufferPointer { LineFields.commaPieces($0) { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A } }
            #expect(trimmed == text.split(separator: ",").map { TextScan.trimSpaces($0) }, "\(text)")
        }
    }

    @Test func certificationIdsMatchTheUnfilteredSearch() {
        for text in [
            "PHR, SHRM-CP", "Dana Whitfield, PHR", "SPHR (2019)", "Senior Professional in Human Resources", "graphr",
            "SHRM Certified Professional (SHRM-CP)", "aPHRi and APHR", "Professional in Human Resources, California",
            "Chartered MCIPD", "CIPD Level 5", "Workday Pro certified", "certified workday admin", "PHR-CA", "PHRca 2021",
            "professional in human resources – international", "Zoë Ekwueme — SPHRi", "nothing here", "", "CEBS, CPP, CBP, CCP",
        ] {
            #expect(CertificationCatalog.ids(in: text) == Self.referenceIDs(text), "\(text)")
        }
    }

    // MARK: - The code the fast paths stand in for

    static func referencePlaceName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard !words.isEmpty, words.count <= 4 else { return false }
        guard words.allSatisfy({ word in word.first.map { $0.isUppercase } ?? false || LineFields.stopWords.contains(word.lowercased()) }) else { return false }
        guard !text.contains(where: \.isNumber) else { return false }
        let lowered = LineFields.lowerWords(text)
        return !lowered.contains { LineFields.organisationWords.contains($0) || LineFields.titleWords.contains($0) }
    }

    static func referenceRegionOrCountry(_ text: String) -> Bool {
        var words = text.split(separator: " ").map(String.init)
        if words.count >= 2, let last = words.last, last.first?.isNumber == true, last.allSatisfy({ $0.isNumber || $0 == "-" }) {
            words.removeLast()
        }
        guard !words.isEmpty else { return false }
        let joined = words.joined(separator: " ")
        if words.count == 1, joined.count == 2, joined.allSatisfy(\.isUppercase), LineFields.regionCodes.contains(joined) { return true }
        let lowered = TextScan.trim(joined.lowercased(), ["."])
        return LineFields.regionNames.contains(lowered) || LineFields.countries.contains(lowered)
    }

    static func referenceDegree(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if ["school", "college", "university", "academy", "institute"].contains(where: { lowered.hasSuffix($0) }) { return false }
        if LineFields.degreePhrases.contains(where: { TextScan.contains(lowered, $0) }) { return true }
        guard let firstToken = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" }).first else { return false }
        let letters = firstToken.filter { $0.isLetter || $0 == "-" }.lowercased()
        guard LineFields.degreeAbbreviations.contains(letters) else { return false }
        return firstToken.contains(where: { $0 == "." }) || firstToken.filter(\.isLetter).allSatisfy(\.isUppercase) || firstToken.filter(\.isUppercase).count >= 2
    }

    static func referenceIDs(_ text: String) -> [String] {
        let lowered = text.lowercased()
        var found: [String] = []
        var consumed = lowered
        for entry in CertificationCatalog.entries {
            var matched = false
            for alias in entry.aliases where CertificationCatalog.containsPhrase(consumed, alias) {
                matched = true
                consumed = TextScan.replacing(alias, with: " ", in: consumed)
            }
            if !matched {
                for abbreviation in entry.abbreviations where CertificationCatalog.containsWord(text, abbreviation) {
                    if !found.contains(where: { $0.contains(abbreviation) && $0 != abbreviation }) { matched = true }
                }
            }
            if matched && !found.contains(entry.id) { found.append(entry.id) }
        }
        return found
    }
}

/// `EducationReader.fieldOfStudy` of ASCII degrees against the Foundation search it stands in for.
@Suite struct FieldOfStudyFastPathTests {
    @Test func asciiDegreesMatchFoundation() {
        for degree in [
            "Bachelor of Science in Human Resource Management", "Master of Business Administration", "B.S. Business Administration",
            "MBA", "Master of Science", "Master of  Arts ", "BA Psychology", "Bachelor of Arts\tin History", "Diploma IN Payroll",
            "Doctor of Philosophy", "Bachelor of Fine Arts", "in ", " in x", "of", "Master OF Laws", "",
        ] {
            #expect(EducationReader.fieldOfStudy(inDegree: degree) == Self.reference(degree), "\(degree)")
        }
    }

    static func reference(_ degree: String) -> String? {
        func clean(_ text: String) -> String? {
            let trimmed = LineFields.trim(text)
            return trimmed.isEmpty ? nil : trimmed
        }
        let lowered = degree.lowercased()
        if let range = lowered.range(of: " in ") {
            return clean(String(degree.dropFirst(lowered.distance(from: lowered.startIndex, to: range.upperBound))))
        }
        if let range = lowered.range(of: " of ") {
            let field = String(degree.dropFirst(lowered.distance(from: lowered.startIndex, to: range.upperBound)))
            let generic = ["science", "sciences", "arts", "fine arts", "applied science", "applied sciences", "philosophy", "laws", "education", "engineering"]
            return generic.contains(field.lowercased().trimmingCharacters(in: .whitespaces)) ? nil : clean(field)
        }
        let tokens = degree.split(separator: " ", maxSplits: 1)
        if tokens.count == 2, LineFields.isDegree(String(tokens[0])), !LineFields.isDegree(String(tokens[1])) {
            return clean(String(tokens[1]))
        }
        return nil
    }
}
