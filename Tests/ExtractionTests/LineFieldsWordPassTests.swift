import Foundation
import Testing
@testable import Extraction

/// `LineFields`' classifiers that read a piece's words in one pass (the institution test folded into
/// `wordRoleCounts`, `isPlaceName`, `titleWordsOnly` and `isRegionOrCountry` without an array of words,
/// `isLocation` by byte
/// for ASCII text with a comma, `splitCommas` trimming pieces on their byte ranges) against the code
/// they stand in for, kept here as the reference.
@Suite struct LineFieldsWordPassTests {
    static let extras: [String] = [
        "", " ", ",", ",,", " , ", "Polytechnic", "polytechnic institute", "Hochschule München", "Universität Wien",
        "Universidad de Chile", "Universe Studios", "univers", "Univer", "uNIVERSal", "-Universal-", "Univers&Co", "unIver",
        "UNIVERSITY OF X", "unive\u{301}rsity", "univers\u{301}ity",
        "Ohio State University", "Acme School District", "Zoë Academy", "中文大学", "東京 University", "👩‍💼 Institute",
        "Columbus, OH", "columbus, oh", "Columbus, OH, USA", "Columbus , Ohio 43215", "Remote, US", "remote, Columbus, OH",
        "Work From Home, OH", "Springfield, IL 62701", "The Hague, Netherlands", "São Paulo, Brazil", "Köln, Germany",
        "Columbus,\u{00A0}OH", "Columbus,\tOH", "Columbus,\r\nOH", "Columbus,OH", "Acme, Inc.", "Acme, Inc", "Acme,  inc. ",
        "Acme, L.L.C.", "Acme, ..Ltd..", "Manager, Human Resources", "Senior Manager, HR Operations", "Chief, of Staff",
        "Senior Vice President Global, Sales", "Lead Lead Lead Lead Lead, HR", "a,b , c\t,\n d ,", ",x,", "x,", "-, -",
        "Analyst., Acme", " - Acme -. ", "Dept., Labor", "St. Louis, MO", "St. Louis, Missouri, United States",
        "Senior HR Generalist, Acme Health, Columbus, OH", "Manager, Human Resources, Acme Health", "CEO, Co-Founder",
        "Senior, Manager", "Jr., Analyst", "Director, People Operations team", "New York, New York", "Hybrid, Remote",
        "Columbus Ohio, OH", "Columbus, O.H.", "Columbus, U.S.A.", "Tokyo, 日本", "Paris, France 🇫🇷", "Zürich, CH",
        "Manager\u{00A0}, HR", "Manager,\u{00A0}HR", "Manager, HR\r", "HR Manager 2", "Senior Manager Lead Head Chief",
        "Senior Manager Lead Head", "Manager Acme", "Nurse", "Senior", "---", "-Lead-", "Co-Founder & CEO",
        "OH", " OH ", "OH  43215", "Oh 43215", "43215", "43215 43216", "New   York", " new york 10001 ", "..ohio..", "U.K.",
        "United States of America 12345-6789", "United States of America, US", "Texas 7-", "Texas -7", "UK 1 2",
        "South\tDakota", "Rhode  Island  02903", "N", "  ", "... 123", "Ohio\u{00A0}43215", "Québec", "España",
    ]

    static var pieces: [String] {
        let base = extras + LineFieldsShortcutTests.pieces + FieldSplitAndClassifyTests.texts
        return base + base.flatMap(LineFields.split) + base.flatMap { $0.split(separator: ",").map(String.init) }
    }

    @Test func wordPassesMatchTheReference() {
        for piece in Self.pieces {
            #expect(LineFields.wordRoleCounts(piece).institution == LineFields.namesInstitution(LineFields.lowerWords(piece)), "\(piece)")
            #expect(LineFields.titleWordsOnly(piece) == Self.referenceTitleWordsOnly(piece), "\(piece)")
            #expect(LineFields.isPlaceName(piece) == PlaceDegreeAndCertificationFastPathTests.referencePlaceName(piece), "\(piece)")
            #expect(LineFields.isRegionOrCountry(piece) == PlaceDegreeAndCertificationFastPathTests.referenceRegionOrCountry(piece), "\(piece)")
            #expect(LineFields.isLocation(piece) == Self.referenceLocation(piece), "\(piece)")
            #expect(LineFields.splitCommas(piece) == Self.referenceSplitCommas(piece), "\(piece)")
            for education in [false, true] {
                #expect(LineFields.classify(piece, education: education) == FieldSplitAndClassifyTests.referenceClassify(piece, education: education), "\(piece)")
            }
        }
    }

    @Test func institutionWordsAreReadFromTheText() {
        // Expected values read from the words: a whole institution word, or a word starting "univers".
        #expect(LineFields.wordRoleCounts("Hochschule München").institution)
        #expect(LineFields.wordRoleCounts("Universidad de Chile").institution)
        #expect(LineFields.wordRoleCounts("Polytechnic").institution)
        #expect(!LineFields.wordRoleCounts("Univer Studios").institution)
        #expect(!LineFields.wordRoleCounts("Acme Health").institution)
        // "s" with a combining accent is another character: the word does not start "univers".
        #expect(!LineFields.wordRoleCounts("univers\u{301}ity").institution)
        #expect(LineFields.classify("Polytechnic", education: false) == .employer)
        #expect(LineFields.classify("Polytechnic", education: true) == .institution)
    }

    // MARK: - The code the one-pass versions stand in for

    /// `titleWordsOnly` as it was: the array of words, then the look-ups.
    static func referenceTitleWordsOnly(_ text: String) -> Bool {
        let words = LineFields.lowerWords(text)
        guard !words.isEmpty, words.count <= 4 else { return false }
        return words.allSatisfy { LineFields.titleWords.contains($0) || LineFields.seniorityWords.contains($0) }
    }

    /// `isLocation` as it was: ASCII text with a comma took the lower-cased `String` path.
    static func referenceLocation(_ text: String) -> Bool {
        if !TextScan.containsByte(text, 0x2C), let quick = TextScan.withPlainASCII(text, { bytes -> Bool in
            if bytes.count <= 14, LineFields.remoteWords.contains(TextScan.lowercasedASCII(bytes)) { return true }
            return TextScan.hasPrefixIgnoringASCIICase(bytes, "remote ") || TextScan.hasSuffixIgnoringASCIICase(bytes, " (remote)")
        }) {
            return quick
        }
        let lowered = TextScan.lowercased(text)
        if LineFields.remoteWords.contains(lowered) { return true }
        if lowered.hasPrefix("remote ") || lowered.hasSuffix(" (remote)") { return true }
        guard TextScan.containsByte(text, 0x2C) else { return false }
        let parts = TextScan.withPlainASCII(text) { bytes in
            LineFields.commaPieces(bytes) { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
        } ?? text.split(separator: ",").map { TextScan.trimSpaces($0) }
        guard parts.count >= 2, parts.count <= 3 else { return false }
        guard LineFields.isPlaceName(parts[0]) else { return false }
        return parts.dropFirst().allSatisfy { LineFields.isRegionOrCountry($0) || LineFields.isPlaceName($0) }
            && parts.dropFirst().contains { LineFields.isRegionOrCountry($0) }
    }

    /// `splitCommas` as it was: ASCII pieces became strings, then were trimmed as strings.
    static func referenceSplitCommas(_ text: String) -> [String] {
        if !TextScan.containsByte(text, 0x2C) {
            let trimmed = LineFields.trim(text)
            return trimmed.isEmpty ? [] : [trimmed]
        }
        let parts = (TextScan.withPlainASCII(text) { bytes in LineFields.commaPieces(bytes).map { LineFields.trim($0) } }
            ?? text.split(separator: ",", omittingEmptySubsequences: true).map { LineFields.trim(String($0)) }).filter { !$0.isEmpty }
        guard parts.count > 1 else { return parts }
        var result: [String] = []
        for part in parts {
            guard let previous = result.last else {
                result.append(part)
                continue
            }
            let lowered = TextScan.lowercased(part)
            if LineFields.companySuffixes.contains(LineFields.trimmingPeriods(lowered)) || LineFields.companySuffixes.contains(lowered) {
                result[result.count - 1] = previous + ", " + part
            } else if LineFields.isRegionOrCountry(part), LineFields.isPlaceName(previous) || LineFields.isLocation(previous) {
                result[result.count - 1] = previous + ", " + part
            } else if referenceTitleWordsOnly(previous), LineFields.isDepartment(part) {
                result[result.count - 1] = previous + ", " + part
            } else {
                result.append(part)
            }
        }
        return result
    }
}
