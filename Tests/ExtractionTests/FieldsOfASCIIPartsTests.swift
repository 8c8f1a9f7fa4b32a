import Foundation
import Testing
import TestSupport
@testable import Extraction

/// `LineFields.fields(of:line:education:)` read on the line's bytes (`fieldsOfASCIIParts`: pieces as
/// byte ranges, comma pieces rejoined in place, each piece classified through one borrow), the spaced-
/// separator pre-test of `separatorCuts`, and `isCapitalised`, `isSentenceLike`, `isPlaceName` and
/// `isLocation` without arrays or Strings, against the code they stand in for, kept here as the reference.
@Suite struct FieldsOfASCIIPartsTests {
    /// `fields(of:line:education:)` as it was: `split` into Strings, then each piece's tests on its String
    /// (the references of `split`, `classify` and `isSentenceLike` the other suites keep).
    static func referenceFields(_ remainder: String, line: HTMLLine, education: Bool) -> [LineField] {
        let pieces = FieldSplitAndClassifyTests.referenceSplit(remainder)
        let emphasised = line.emphasised.map { TextScan.lowercased($0) }
        return pieces.map { piece -> LineField in
            var isEmphasised = false
            if !emphasised.isEmpty {
                let lowered = TextScan.lowercased(piece)
                isEmphasised = emphasised.contains { $0 == lowered || ($0.utf8.count >= 3 && TextScan.contains(lowered, $0)) }
            }
            let sentenceLike = LineFieldsShortcutTests.referenceSentenceLike(piece)
            return LineField(
                text: piece, kind: FieldSplitAndClassifyTests.referenceClassify(piece, education: education),
                emphasised: isEmphasised, sentenceLike: sentenceLike)
        }
    }

    /// `isCapitalised` as it was (the words split into an array first).
    static func referenceCapitalised(_ text: String) -> Bool {
        let content = text.split(separator: " ").filter { !LineFields.stopWords.contains($0.lowercased()) }
        guard !content.isEmpty else { return false }
        let capitalised = content.filter { $0.first.map { $0.isUppercase || $0.isNumber } ?? false }.count
        return Double(capitalised) / Double(content.count) >= 0.6
    }

    static let fieldTexts: [String] = [
        "Recruiter | Harborview Foods, Inc. | Louisville, KY | ", "HR Coordinator | Bluestem Credit Union | Cincinnati, OH",
        "Senior HR Generalist, Acme Health, Columbus, OH", "Manager, Human Resources, Acme Health", "Manager,Human Resources",
        "Acme,Inc. | Columbus,OH", "Acme ,  Inc.", "Acme, Inc.,", "Acme, Inc. , Columbus, OH, USA", "Columbus, OH, USA, Earth",
        "Acme Health · Columbus, OH", "Acme Health — Columbus, OH", "Acme Health – Columbus, OH", "Acme Health - Columbus, OH",
        "Acme Health -- Columbus", "HR Lead @ Zappos", "HR Lead at Zappos", "HR Lead a Zappos", "Payroll / Benefits", "EEO-1 filer",
        "A -", "- A", " - ", "  -  ", "x -y", "x- y", "a at", "at b", " at ", "@", " @ ", "Lead / ", " /", "Lead\u{1F}Acme",
        "Zürich, Switzerland | Acme", "Acme | Zürich, Switzerland", "Société Générale · Paris, France", "👩‍💼 HR Generalist 🏥 Acme",
        "Acme Health\r\nColumbus, OH", "Acme Health, Columbus, OH\r", "Acme\u{00A0}Health, Columbus, OH", "Acme, Columbus,\u{00A0}OH",
        "Analyst., Acme", "Dept., Labor", "St. Louis, MO", "Acme, L.L.C. | St. Louis, Missouri, United States",
        "City of Dayton | Columbus, OH", "(Contract) Benefits Specialist", "5 yrs 2 mos", "Part-time | Remote", "Remote, US",
        "remote, Columbus, OH", "Acme Health (Remote)", "Hybrid", "Senior Vice President, Global Sales", "Director, People Operations",
        "Led the HR team at Acme, Columbus, OH", "Managed payroll for 200 staff, Columbus", "Awesome compression company, Columbus, OH",
        "University of Oklahoma, Norman, OK", "B.S. in Human Resource Management | University of Texas at Austin",
        "MBA, Finance | Ohio State University", "High School Diploma", "Master of Business Administration (MBA)", "",
        " ", ",", ", ,", "|", "| |", "x", "1", "2019", "Acme, 2019", "中文大学, 東京", "Tokyo, 日本 | Acme", "Paris, France 🇫🇷",
    ]

    /// Separators, comma joins and pieces drawn at random: fields lines the templates could write.
    static func randomTexts(count: Int) -> [String] {
        var random = SplitMix64(seed: 0x5EED_F1E1_D5)
        let pieces = [
            "HR Manager", "Senior HR Generalist", "Acme Health", "Acme", "Inc.", "Inc", "LLC", "Columbus", "OH", "Ohio", "USA",
            "St. Louis", "MO 63101", "Human Resources", "People Operations", "Remote", "Contract", "City of Dayton", "Zappos",
            "Led payroll for the team", "Managed the benefits renewals", "talent partner", "Zürich", "Société", "東京", "👩‍💼",
            "", " ", "B.S.", "MBA", "University of Texas", "Ohio State University", "Analyst.", "Dept.", "-", "x", "5 yrs",
        ]
        let glue = [
            ", ", ",", " , ", ",  ", " | ", "|", " · ", " — ", " – ", " - ", " -- ", " @ ", " at ", " / ", "\t", ";", " (", ") ",
            "\u{1F}", " ", "  ", "\u{00A0}", "\r\n", ". ", ", ",
        ]
        return (0..<count).map { _ in
            var text = ""
            for index in 0..<(1 + Int(random.next() % 5)) {
                if index > 0 { text += random.pick(glue) }
                text += random.pick(pieces)
            }
            return text
        }
    }

    static var texts: [String] {
        fieldTexts + FieldSplitAndClassifyTests.texts + LineFieldsWordPassTests.extras + randomTexts(count: 600)
    }

    @Test func fieldsMatchTheStringCode() {
        let emphasisLists: [[String]] = [[], ["Acme Health"], ["acme"], ["Zappos", "HR"], ["Société Générale"], ["x"]]
        for (index, text) in Self.texts.enumerated() {
            let emphasised = emphasisLists[index % emphasisLists.count]
            let line = HTMLLine(text: text, fieldText: text, line: index, emphasised: emphasised)
            for education in [false, true] {
                #expect(LineFields.fields(of: text, line: line, education: education) == Self.referenceFields(text, line: line, education: education), "\(text)")
            }
        }
    }

    @Test func rangesAreTheSplitPieces() {
        var answered = 0
        for text in Self.texts {
            var copy = text
            let ranges = copy.withUTF8 { bytes -> [String]? in
                guard TextScan.isSimpleScalars(bytes) else { return nil }
                return LineFields.splitRangesASCII(bytes)?.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
            }
            guard let ranges else { continue }
            answered += 1
            #expect(ranges == LineFields.split(text), "\(text)")
            #expect(ranges == FieldSplitAndClassifyTests.referenceSplit(text), "\(text)")
        }
        // Most lines are answered on their bytes.
        #expect(answered > Self.texts.count / 2)
    }

    @Test func splitRangesGiveWayWhereTheJoinIsNotInTheLine() {
        // Read from the text: "Acme" and "Inc." rejoin as "Acme, Inc.", which "Acme,Inc." does not hold.
        #expect(LineFields.split("Acme,Inc.") == ["Acme, Inc."])
        var copy = "Acme,Inc."
        #expect(copy.withUTF8 { LineFields.splitRangesASCII($0) } == nil)
        // A part with a scalar other than plain ASCII is left to the String code.
        var accented = "Zürich, Switzerland | Acme"
        #expect(accented.withUTF8 { LineFields.splitRangesASCII($0) } == nil)
        // "·" between plain ASCII parts is a separator the bytes are cut at.
        var dotted = "Acme Health · Columbus, OH"
        #expect(dotted.withUTF8 { bytes in LineFields.splitRangesASCII(bytes)?.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) } }
            == ["Acme Health", "Columbus, OH"])
    }

    @Test func piecesTestsMatchTheReferences() {
        let texts = Self.texts
        let pieces = texts + texts.flatMap(LineFields.split) + texts.flatMap { $0.split(separator: ",").map(String.init) }
        for piece in pieces {
            #expect(LineFields.isCapitalised(piece) == Self.referenceCapitalised(piece), "\(piece)")
            #expect(LineFields.isSentenceLike(piece) == LineFieldsShortcutTests.referenceSentenceLike(piece), "\(piece)")
            #expect(LineFields.isPlaceName(piece) == PlaceDegreeAndCertificationFastPathTests.referencePlaceName(piece), "\(piece)")
            #expect(LineFields.isRegionOrCountry(piece) == PlaceDegreeAndCertificationFastPathTests.referenceRegionOrCountry(piece), "\(piece)")
            #expect(LineFields.isLocation(piece) == LineFieldsWordPassTests.referenceLocation(piece), "\(piece)")
            for education in [false, true] {
                #expect(LineFields.classify(piece, education: education) == FieldSplitAndClassifyTests.referenceClassify(piece, education: education), "\(piece)")
            }
        }
    }

    @Test func everyRegionCountryAndCodeMatchesTheReference() {
        // The packed tables (`packedRegionCodes`, `packedPlaceNames`) against the sets, for every member
        // as written, in capitals, capitalised, with periods, a postal code and doubled spaces.
        let names = LineFields.regionNames.union(LineFields.countries).union(LineFields.regionCodes)
        var texts: [String] = []
        for name in names.sorted() {
            texts += [name, name.uppercased(), name.capitalized, "." + name + ".", name + " 43215", name.replacingOccurrences(of: " ", with: "  ")]
            texts += [String(name.dropLast()), name + "x", "x" + name]
        }
        for text in texts {
            #expect(LineFields.isRegionOrCountry(text) == PlaceDegreeAndCertificationFastPathTests.referenceRegionOrCountry(text), "\(text)")
        }
        // Read from the sets: a code in capitals, a name in any case, a name longer than 16 bytes.
        #expect(LineFields.isRegionOrCountry("OH") && !LineFields.isRegionOrCountry("Oh") && !LineFields.isRegionOrCountry("XX"))
        #expect(LineFields.isRegionOrCountry("NEW SOUTH WALES") && LineFields.isRegionOrCountry("United States of America 10001"))
        #expect(!LineFields.isRegionOrCountry("United States of Americas"))
    }

    @Test func spacedSeparatorsAreCut() {
        // Read from the text: each spaced separator cuts, the same bytes without spaces do not.
        #expect(LineFields.split("HR Lead - Acme") == ["HR Lead", "Acme"])
        #expect(LineFields.split("HR Lead @ Acme") == ["HR Lead", "Acme"])
        #expect(LineFields.split("HR Lead at Acme") == ["HR Lead", "Acme"])
        #expect(LineFields.split("HR Lead / Acme") == ["HR Lead", "Acme"])
        #expect(LineFields.split("HR Lead – Acme") == ["HR Lead", "Acme"])
        #expect(LineFields.split("HR Lead -- Acme") == ["HR Lead", "Acme"])
        #expect(LineFields.split("EEO-1 filer") == ["EEO-1 filer"])
        #expect(LineFields.split("HR Lead a Acme") == ["HR Lead a Acme"])
        #expect(LineFields.split("HR Leader attending") == ["HR Leader attending"])
    }
}
