import Foundation
import Reporting
import Testing

/// Builds the two CSV files `readiness audit` joins, written the way `readiness batch --csv` and an HR
/// system's export would write them. Every expectation below is worked out by hand from these inputs.
fileprivate enum AuditFixture {
    struct Person {
        var file: String
        var score: Double?
        var sex: String
        var race: String
    }

    static let batchHeader = "rank,file,candidate,current_title,role,score,band,months_to_ready,missing_must_haves,top_gaps,status,error,c:hr-experience,c:certification,hidden_text"

    /// A batch CSV: CRLF line ends as CSVReporter writes them; failed files have status=error, no score.
    static func scores(_ rows: [(file: String, score: Double?)], bom: Bool = false) -> String {
        var text = (bom ? "\u{FEFF}" : "") + batchHeader + "\r\n"
        for (index, row) in rows.enumerated() {
            if let score = row.score {
                text += "\(index + 1),\(row.file),Pat Example,HR Generalist,hr-manager,\(score),developing,6,,certification,ok,,20,10,false\r\n"
            } else {
                text += ",\(row.file),,,hr-manager,,,,,,error,cannot be parsed,,,\r\n"
            }
        }
        return text
    }

    static func groups(_ rows: [(file: String, sex: String, race: String)]) -> String {
        "file,sex,race,department\n" + rows.map { "\($0.file),\($0.sex),\($0.race),HR\n" }.joined()
    }

    static func audit(_ people: [Person]) throws -> AdverseImpactAudit {
        try audit(scores: scores(people.map { ($0.file, $0.score) }), groups: groups(people.map { ($0.file, $0.sex, $0.race) }))
    }

    static func audit(scores: String, groups: String) throws -> AdverseImpactAudit {
        AdverseImpactAudit(
            scores: try AuditInputs.scores(from: Data(scores.utf8), named: "scores.csv"),
            groups: try AuditInputs.groups(from: Data(groups.utf8), named: "groups.csv"))
    }

    /// `aboveCount` people with high scores (70–89) and the rest with a low 40. When the high scorers
    /// are at most half of everyone, the median is 40 or between 40 and 70, so exactly they score above it.
    static func people(prefix: String, count: Int, aboveCount: Int, sex: String, race: String) -> [Person] {
        (0..<count).map { index in
            let score = index < aboveCount ? 70 + Double(index % 20) : 40
            return Person(file: "\(prefix)-\(index).html", score: score, sex: sex, race: race)
        }
    }

    static func category(_ audit: AdverseImpactAudit, _ dimension: AdverseImpactAudit.Dimension, _ name: String) throws -> AdverseImpactAudit.Category {
        try #require(audit.categories.first { $0.dimension == dimension && $0.name == name })
    }
}

@Suite("Adverse-impact audit")
struct AuditTests {
    // MARK: The rule's own example

    /// 6 RCNY §5-301's example: 92 men with 54.3% scoring above the median, 76 women with 44.7%, impact
    /// ratios 1.00 and 0.82. 50/92 = 0.5435 and 34/76 = 0.4474; 0.4474/0.5435 = 0.823. The 84 high
    /// scorers (70–89) are exactly half of 168 and the other 84 score 40, so the median is
    /// (40 + 70) / 2 = 55 and exactly those 84 score above it.
    @Test func reproducesTheRulesExample() throws {
        let men = AuditFixture.people(prefix: "m", count: 92, aboveCount: 50, sex: "Male", race: "White")
        let women = AuditFixture.people(prefix: "f", count: 76, aboveCount: 34, sex: "Female", race: "White")
        let audit = try AuditFixture.audit(men + women)

        #expect(audit.sampleSize == 168)
        #expect(audit.median == 55)
        let male = try AuditFixture.category(audit, .sex, "Male")
        let female = try AuditFixture.category(audit, .sex, "Female")
        #expect(male.count == 92 && male.aboveMedian == 50)
        #expect(female.count == 76 && female.aboveMedian == 34)
        #expect(abs(male.scoringRate - 50.0 / 92.0) < 1e-12)
        #expect(abs(female.scoringRate - 34.0 / 76.0) < 1e-12)
        #expect(male.impactRatio == 1)
        #expect(abs((female.impactRatio ?? 0) - (34.0 / 76.0) / (50.0 / 92.0)) < 1e-12)
        #expect(!male.flagged && !female.flagged)

        // The JSON rounds rates to 3 decimals and ratios to 2, as the rule's table does.
        let json = try JSONSerialization.jsonObject(with: Data(AuditReport(audit).json().utf8)) as? [String: Any]
        let categories = try #require(json?["categories"] as? [[String: Any]])
        let sex = categories.filter { (entry: [String: Any]) -> Bool in entry["dimension"] as? String == "sex" }
        let sexNames: [String?] = sex.map { (entry: [String: Any]) -> String? in entry["category"] as? String }
        #expect(sexNames == ["Female", "Male"])
        #expect(sex[0]["count"] as? Int == 76)
        #expect(sex[0]["scoringRate"] as? Double == 0.447)
        #expect(sex[0]["impactRatio"] as? Double == 0.82)
        #expect(sex[0]["flagged"] as? Bool == false)
        #expect(sex[1]["count"] as? Int == 92)
        #expect(sex[1]["scoringRate"] as? Double == 0.543)
        #expect(sex[1]["impactRatio"] as? Double == 1)
        #expect(json?["median"] as? Double == 55)
        #expect(json?["sampleSize"] as? Int == 168)
        #expect(json?["excludedErrors"] as? Int == 0)
    }

    @Test func jsonKeepsTheContractsFieldOrder() throws {
        let audit = try AuditFixture.audit(AuditFixture.people(prefix: "p", count: 4, aboveCount: 2, sex: "Female", race: "Asian"))
        let json = AuditReport(audit).json()
        let topLevel = ["\"median\"", "\"sampleSize\"", "\"excludedErrors\"", "\"categories\"", "\"unknown\"", "\"notes\""]
        let positions = topLevel.compactMap { json.range(of: $0)?.lowerBound }
        #expect(positions.count == topLevel.count && positions == positions.sorted())
        let fields = ["\"dimension\"", "\"category\"", "\"count\"", "\"scoringRate\"", "\"impactRatio\"", "\"flagged\"", "\"underTwoPercent\""]
        let fieldPositions = fields.compactMap { json.range(of: $0)?.lowerBound }
        #expect(fieldPositions.count == fields.count && fieldPositions == fieldPositions.sorted())
        // Rates are bare numbers, never the placeholder strings used to get three decimals past JSONValue.
        #expect(!json.contains("\\u0001"))
        #expect(json.contains("\"scoringRate\": 0.5"))
    }

    // MARK: Dimensions

    /// Scores 10…100 for p1…p10: the median is 55 and p6…p10 score above it.
    /// Sex: Female p1 p2 p5 p6 p8 (p6, p8 above: 0.4); Male p3 p4 p7 p9 p10 (p7, p9, p10: 0.6).
    /// Race: White p1 p3 p5 p6 p7 p10 (3 of 6: 0.5); Black p2 p4 p8 p9 (2 of 4: 0.5).
    /// Intersection: F×Black p2 p8 (1 of 2), F×White p1 p5 p6 (1 of 3), M×Black p4 p9 (1 of 2),
    /// M×White p3 p7 p10 (2 of 3, the highest).
    fileprivate static let tenPeople: [AuditFixture.Person] = {
        let groups: [(String, String)] = [
            ("Female", "White"), ("Female", "Black"), ("Male", "White"), ("Male", "Black"), ("Female", "White"),
            ("Female", "White"), ("Male", "White"), ("Female", "Black"), ("Male", "Black"), ("Male", "White"),
        ]
        return groups.enumerated().map { index, group in
            AuditFixture.Person(file: "p\(index + 1).html", score: Double((index + 1) * 10), sex: group.0, race: group.1)
        }
    }()

    @Test func sexRaceAndIntersectionAreComputedSeparately() throws {
        let audit = try AuditFixture.audit(Self.tenPeople)
        #expect(audit.median == 55)

        #expect(audit.categories(in: .sex).map(\.name) == ["Female", "Male"])
        #expect(audit.categories(in: .sex).map(\.aboveMedian) == [2, 3])
        #expect(abs((try AuditFixture.category(audit, .sex, "Female").impactRatio ?? 0) - 0.4 / 0.6) < 1e-12)

        #expect(audit.categories(in: .race).map(\.name) == ["Black", "White"])
        #expect(audit.categories(in: .race).map(\.count) == [4, 6])
        #expect(audit.categories(in: .race).map(\.impactRatio) == [1, 1])

        let intersection = audit.categories(in: .intersection)
        #expect(intersection.map(\.name) == ["Female × Black", "Female × White", "Male × Black", "Male × White"])
        #expect(intersection.map(\.count) == [2, 3, 2, 3])
        #expect(intersection.map(\.aboveMedian) == [1, 1, 1, 2])
        let expectedRatios = [0.5 / (2.0 / 3), (1.0 / 3) / (2.0 / 3), 0.5 / (2.0 / 3), 1]
        for (category, expected) in zip(intersection, expectedRatios) {
            #expect(abs((category.impactRatio ?? -1) - expected) < 1e-12, "\(category.name)")
        }
        #expect(intersection.map(\.flagged) == [true, true, true, false])
        #expect(audit.unknown == [.sex: 0, .race: 0, .intersection: 0])
    }

    @Test func outputDoesNotDependOnRowOrder() throws {
        let forward = try AuditFixture.audit(Self.tenPeople)
        let backward = try AuditFixture.audit(Array(Self.tenPeople.reversed()))
        for format in AuditFormat.allCases {
            #expect(AuditReport(forward).render(format) == AuditReport(backward).render(format))
        }
    }

    @Test func categoriesDifferingOnlyInCaseAndSpacingAreOne() throws {
        let people = [
            AuditFixture.Person(file: "a.html", score: 10, sex: "Female", race: "Black or African American"),
            AuditFixture.Person(file: "b.html", score: 20, sex: "female", race: "Black  or African American"),
            AuditFixture.Person(file: "c.html", score: 30, sex: " FEMALE ", race: "black or african american"),
        ]
        let audit = try AuditFixture.audit(people)
        #expect(audit.categories(in: .sex).map(\.name) == ["Female"])
        #expect(audit.categories(in: .sex).map(\.count) == [3])
        #expect(audit.categories(in: .race).map(\.name) == ["Black or African American"])
    }

    // MARK: Unknown

    /// Scores 10…60 for s1…s6: median 35, s4 s5 s6 above.
    /// s1 Female/White, s2 Male/(empty), s3 unknown/Asian, s4 Female/Decline, s5 Male/White, s6 not in GROUPS.
    /// Unknown sex: s3 s6 (2). Unknown race: s2 s4 s6 (3). Unknown intersection: s2 s3 s4 s6 (4).
    @Test func unknownAndDeclinedAreCountedNotCompared() throws {
        let scores = AuditFixture.scores((1...6).map { ("s\($0).html", Double($0 * 10)) })
        let groups = "file,sex,race\ns1.html,Female,White\ns2.html,Male,\ns3.html, Unknown ,Asian\ns4.html,Female,DECLINE\ns5.html,Male,White\n"
        let audit = try AuditFixture.audit(scores: scores, groups: groups)

        #expect(audit.sampleSize == 6)
        #expect(audit.unknown == [.sex: 2, .race: 3, .intersection: 4])
        #expect(!audit.categories.contains { $0.name.lowercased().contains("unknown") || $0.name.lowercased().contains("decline") })
        // Female s1 s4 (s4 above) and Male s2 s5 (s5 above): 0.5 each.
        #expect(audit.categories(in: .sex).map(\.count) == [2, 2])
        #expect(audit.categories(in: .sex).map(\.impactRatio) == [1, 1])
        // Asian s3 (not above) and White s1 s5 (s5 above): Asian's ratio is 0, flagged.
        #expect(audit.categories(in: .race).map(\.name) == ["Asian", "White"])
        #expect(try AuditFixture.category(audit, .race, "Asian").impactRatio == 0)
        #expect(try AuditFixture.category(audit, .race, "Asian").flagged)
        #expect(audit.categories(in: .intersection).map(\.name) == ["Female × White", "Male × White"])
        #expect(audit.scoresWithoutGroups == 1)
        #expect(audit.notes.contains { $0.contains("1 file scored in SCORES has no row in GROUPS") })

        let json = try JSONSerialization.jsonObject(with: Data(AuditReport(audit).json().utf8)) as? [String: Any]
        let unknown = json?["unknown"] as? [String: Int]
        #expect(unknown == ["sex": 2, "race": 3, "intersection": 4])

        let csv = try CSVTable(text: AuditReport(audit).csv())
        let unknownRows = csv.records.filter { $0[1] == "Unknown" }.map { [$0[0], $0[2], $0[3]] }
        #expect(unknownRows == [["sex", "2", ""], ["race", "3", ""], ["intersection", "4", ""]])
    }

    // MARK: Failed files

    /// Three failed files: not in the sample, not in the median (10, 20, 30, 40 → 25), counted.
    @Test func errorRowsAreExcludedButCounted() throws {
        let rows: [(file: String, score: Double?)] = [
            ("a.html", 10), ("bad1.html", nil), ("b.html", 20), ("c.html", 30), ("bad2.html", nil), ("d.html", 40), ("bad3.html", nil),
        ]
        let groups = AuditFixture.groups(rows.map { ($0.file, $0.file.hasPrefix("bad") ? "Male" : "Female", "Asian") })
        let audit = try AuditFixture.audit(scores: AuditFixture.scores(rows), groups: groups)
        #expect(audit.sampleSize == 4)
        #expect(audit.excludedErrors == 3)
        #expect(audit.median == 25)
        #expect(audit.categories(in: .sex).map(\.name) == ["Female"])
        #expect(audit.categories(in: .sex).map(\.aboveMedian) == [2])
        // The failed files have rows in SCORES, so they are not "missing from SCORES".
        #expect(audit.groupsWithoutScores == 0)
        #expect(audit.notes.contains { $0.contains("3 files in SCORES failed to score") })
        let json = try JSONSerialization.jsonObject(with: Data(AuditReport(audit).json().utf8)) as? [String: Any]
        #expect(json?["excludedErrors"] as? Int == 3)
        #expect(json?["sampleSize"] as? Int == 4)
    }

    // MARK: Four-fifths flag

    /// Ten men with 5 above the median (0.5); ten women with `womenAbove` above. 4 gives 0.4/0.5 = 0.8
    /// exactly, which is not under four-fifths; 3 gives 0.6, which is.
    @Test(arguments: [(4, false), (3, true)])
    func ratiosUnderFourFifthsAreFlagged(womenAbove: Int, flagged: Bool) throws {
        let men = AuditFixture.people(prefix: "m", count: 10, aboveCount: 5, sex: "Male", race: "White")
        let women = AuditFixture.people(prefix: "f", count: 10, aboveCount: womenAbove, sex: "Female", race: "White")
        let audit = try AuditFixture.audit(men + women)
        let female = try AuditFixture.category(audit, .sex, "Female")
        #expect(female.aboveMedian == womenAbove)
        #expect(female.flagged == flagged)
        #expect(audit.notes.contains { $0.contains("Female has an impact ratio") } == flagged)
        let femaleLine = try #require(AuditReport(audit).text().split(separator: "\n").first { $0.hasPrefix("  Female ") })
        #expect(femaleLine.hasSuffix("under 0.8") == flagged)
    }

    @Test func nobodyAboveTheMedianGivesNoRatio() throws {
        let people = (1...4).map { AuditFixture.Person(file: "e\($0).html", score: 50, sex: $0 % 2 == 0 ? "Male" : "Female", race: "Asian") }
        let audit = try AuditFixture.audit(people)
        #expect(audit.median == 50)
        #expect(audit.categories.allSatisfy { $0.impactRatio == nil && !$0.flagged })
        #expect(audit.notes.contains { $0.contains("nobody scored above the median") })
        #expect(AuditReport(audit).json().contains("\"impactRatio\": null"))
    }

    // MARK: Small categories

    /// 100 people: 97 White, 2 Asian (2%: not under), 1 American Indian or Alaska Native (1%: under).
    @Test func categoriesUnderTwoPercentAreKeptWithANote() throws {
        let people = (0..<100).map { (index: Int) -> AuditFixture.Person in
            let race: String = index == 0 ? "American Indian or Alaska Native" : (index <= 2 ? "Asian" : "White")
            let sex: String = index % 2 == 0 ? "Female" : "Male"
            return AuditFixture.Person(file: "r\(index).html", score: Double(index), sex: sex, race: race)
        }
        let audit = try AuditFixture.audit(people)
        let small = try AuditFixture.category(audit, .race, "American Indian or Alaska Native")
        #expect(small.count == 1 && small.underTwoPercent)
        #expect(try !AuditFixture.category(audit, .race, "Asian").underTwoPercent)
        #expect(try !AuditFixture.category(audit, .race, "White").underTwoPercent)
        #expect(audit.notes.contains { $0.contains("American Indian or Alaska Native is 1 of 100 (1.0%), under 2%") })
        // Kept in the comparison, not silently dropped: it has a ratio of its own (0 of 1 above: 0).
        #expect(small.impactRatio == 0)
        let json = try JSONSerialization.jsonObject(with: Data(AuditReport(audit).json().utf8)) as? [String: Any]
        let categories = try #require(json?["categories"] as? [[String: Any]])
        let smallEntries = categories.filter { (entry: [String: Any]) -> Bool in entry["underTwoPercent"] as? Bool == true }
        let flaggedSmall: [String] = smallEntries.compactMap { (entry: [String: Any]) -> String? in entry["category"] as? String }
        #expect(flaggedSmall.contains("American Indian or Alaska Native"))
        #expect(!flaggedSmall.contains("Asian"))
    }

    /// One Asian person scoring 95 and 99 White people, 49 of them high: 50 high of 100, so the median
    /// is (40 + 70) / 2 = 55. Asian's rate is 1 of 1, the highest; White's 49/99 = 49.5%, ratio 0.495.
    @Test func aSmallCategoryAsTheReferenceIsPointedOut() throws {
        let white = AuditFixture.people(prefix: "w", count: 99, aboveCount: 49, sex: "Female", race: "White")
        let asian = AuditFixture.Person(file: "a.html", score: 95, sex: "Male", race: "Asian")
        let audit = try AuditFixture.audit(white + [asian])
        #expect(audit.median == 55)
        #expect(try AuditFixture.category(audit, .race, "Asian").impactRatio == 1)
        #expect(abs((try AuditFixture.category(audit, .race, "White").impactRatio ?? 0) - 49.0 / 99.0) < 1e-12)
        #expect(audit.notes.contains("Race/ethnicity: the highest scoring rate, which every ratio here is divided by, is that of Asian, under 2% of the sample; without the categories under 2%, it would be White's (49.5%)."))
        // The ten-person example has no category under 2% (1 of 10 is 10%), so no such note.
        #expect(!(try AuditFixture.audit(Self.tenPeople)).notes.contains { $0.contains("highest scoring rate") })
    }

    // MARK: File details

    @Test func readsByteOrderMarkAndFormulaGuardedCells() throws {
        // As `batch --csv --excel` writes them: BOM, CRLF, `'` before a cell starting with = + - @,
        // quotes around cells with commas or line breaks.
        let scores = "\u{FEFF}" + AuditFixture.batchHeader + "\r\n"
            + "1,'=cmd.html,\"Doe, Jane\",HR Manager,hr-manager,80,ready,0,,,ok,,20,10,false\r\n"
            + "2,'+plus.html,\"Line one\r\nline two\",\"He said \"\"hi\"\"\",hr-manager,'-,developing,6,,,ok,,20,10,false\r\n"
            + "3,'quoted.html,Sam,HR Generalist,hr-manager,40,developing,6,,,ok,,20,10,false\r\n"
            + "4,plain.html,Ann,HR Generalist,hr-manager,20,emerging,6,,,ok,,20,10,false\r\n"
        let groups = "\u{FEFF}file,sex,race,notes\n"
            + "=cmd.html,Female,Asian,x\n"
            + "'+plus.html,Male,Asian,x\n"
            + "'quoted.html,'-,White,x\n"
            + "plain.html,Male,White,x\n"
        // Row 2's score "'-" is a guarded "-": not a number.
        #expect(throws: AuditInputError(file: "scores.csv", reason: "line 3: score \"-\" is not a number")) {
            try AuditFixture.audit(scores: scores, groups: groups)
        }

        let fixed = scores.replacingOccurrences(of: "hr-manager,'-,", with: "hr-manager,60,")
        let audit = try AuditFixture.audit(scores: fixed, groups: groups)
        // Scores 80, 60, 40, 20: median 50; =cmd and +plus above.
        #expect(audit.sampleSize == 4)
        #expect(audit.median == 50)
        #expect(audit.groupsWithoutScores == 0 && audit.scoresWithoutGroups == 0)
        // "'quoted.html" keeps its quote (no formula character follows it) and still matches GROUPS.
        // Its sex "'-" is a guarded "-", a category of its own.
        #expect(audit.categories(in: .sex).map(\.name) == ["-", "Female", "Male"])
        #expect(audit.categories(in: .sex).map(\.aboveMedian) == [0, 1, 1])
        #expect(audit.categories(in: .race).map(\.count) == [2, 2])
    }

    @Test func groupsWithoutAScoreAreIgnoredAndCounted() throws {
        let scores = AuditFixture.scores([("a.html", 10), ("b.html", 30)])
        let groups = AuditFixture.groups([
            ("a.html", "Female", "Asian"), ("b.html", "Male", "Asian"),
            ("gone.html", "Female", "White"), ("A.html", "Female", "White"),
        ])
        let audit = try AuditFixture.audit(scores: scores, groups: groups)
        #expect(audit.groupsWithoutScores == 2)
        #expect(audit.categories(in: .race).map(\.name) == ["Asian"])
        #expect(audit.categories(in: .sex).map(\.count) == [1, 1])
        #expect(audit.notes.contains { $0.contains("2 files listed in GROUPS have no row in SCORES and are ignored") })
    }

    @Test func csvHasOneRowPerCategoryInDimensionOrder() throws {
        let audit = try AuditFixture.audit(Self.tenPeople)
        let table = try CSVTable(text: AuditReport(audit).csv())
        #expect(table.header == ["dimension", "category", "count", "scoring_rate", "impact_ratio", "flagged", "under_two_percent"])
        let known = table.records.filter { $0[1] != "Unknown" }
        #expect(known.map { "\($0[0])/\($0[1])" } == [
            "sex/Female", "sex/Male", "race/Black", "race/White",
            "intersection/Female × Black", "intersection/Female × White", "intersection/Male × Black", "intersection/Male × White",
        ])
        // Female: 2 of 5 = 0.4, ratio 0.4/0.6 = 0.667 → 0.67, flagged. Female × White: 1 of 3 = 0.333.
        #expect(known[0].fields == ["sex", "Female", "5", "0.4", "0.67", "true", "false"])
        #expect(known[5].fields == ["intersection", "Female × White", "3", "0.333", "0.5", "true", "false"])
    }

    @Test func textNamesEachDimensionAndExplainsTheNumbers() throws {
        let text = AuditReport(try AuditFixture.audit(Self.tenPeople)).text()
        for heading in ["\nSex\n", "\nRace/ethnicity\n", "\nSex × race/ethnicity\n", "median score is 55", "four-fifths"] {
            #expect(text.contains(heading), "\(heading)")
        }
        // Female: 2 of 5 above, 40%, ratio 0.67.
        let femaleLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("  Female ") })
        #expect(femaleLine.split(separator: " ").map(String.init) == ["Female", "5", "2", "40%", "0.67", "under", "0.8"])
    }

    // MARK: Bad inputs

    @Test(arguments: [
        ("rank,file,candidate,status\n1,a.html,Ann,ok\n", "the header has no \"score\" column"),
        ("rank,candidate,score,status\n1,Ann,50,ok\n", "the header has no \"file\" column"),
        ("rank,candidate\n1,Ann\n", "the header has no \"file\", \"score\" columns"),
        ("file,score\na.html,50\na.html,60\n", "line 3: file \"a.html\" is listed twice (first on line 2)"),
        ("file,score\na.html,fifty\n", "line 2: score \"fifty\" is not a number"),
        ("file,score\n\"a.html,50\n", "line 2: a quoted field is never closed"),
        ("", "is empty; a header line is required"),
    ])
    func badScoresFilesAreRefusedWithTheirReason(text: String, reason: String) {
        #expect(throws: AuditInputError(file: "scores.csv", reason: reason)) {
            try AuditInputs.scores(from: Data(text.utf8), named: "scores.csv")
        }
    }

    @Test func badGroupsFilesAreRefusedWithTheirReason() {
        #expect(throws: AuditInputError(file: "groups.csv", reason: "the header has no \"race\" column")) {
            try AuditInputs.groups(from: Data("file,sex\na.html,Female\n".utf8), named: "groups.csv")
        }
        #expect(throws: AuditInputError(file: "groups.csv", reason: "is not UTF-8 text (save it as \"CSV UTF-8\")")) {
            // "Müller" in Windows-1252, as Excel writes a plain "CSV" on Windows.
            try AuditInputs.groups(from: Data([0x66, 0x69, 0x6C, 0x65, 0x2C, 0x73, 0x65, 0x78, 0x2C, 0x72, 0x61, 0x63, 0x65, 0x0A, 0x4D, 0xFC, 0x0A]), named: "groups.csv")
        }
    }

    // MARK: The command

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = repoRoot.appendingPathComponent(".build-audit/debug/readiness")
    static let binaryBuilt = FileManager.default.isExecutableFile(atPath: binary.path)

    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self), standardError: String(decoding: errorData, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(.enabled(if: binaryBuilt, "needs .build-audit/debug/readiness"))
    func commandExitCodesAndOneLineErrors() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scores = folder.appendingPathComponent("scores.csv")
        let noScore = folder.appendingPathComponent("no-score.csv")
        let groups = folder.appendingPathComponent("groups.csv")
        try AuditFixture.scores(Self.tenPeople.map { ($0.file, $0.score) }).write(to: scores, atomically: true, encoding: .utf8)
        try "rank,file,candidate\n1,a.html,Ann\n".write(to: noScore, atomically: true, encoding: .utf8)
        try AuditFixture.groups(Self.tenPeople.map { ($0.file, $0.sex, $0.race) }).write(to: groups, atomically: true, encoding: .utf8)

        let good = try Self.run(["audit", scores.path, "--groups", groups.path, "--format", "json"])
        #expect(good.status == 0)
        #expect(good.standardError.isEmpty)
        #expect(good.standardOutput.contains("\"median\": 55"))

        let missingColumn = try Self.run(["audit", noScore.path, "--groups", groups.path])
        #expect(missingColumn.status == 65)
        #expect(missingColumn.standardError == "readiness: \(noScore.path): the header has no \"score\" column\n")

        let missingFile = folder.appendingPathComponent("nowhere.csv").path
        let missing = try Self.run(["audit", scores.path, "--groups", missingFile])
        #expect(missing.status == 66)
        #expect(missing.standardError == "readiness: \(missingFile): no such file\n")
        #expect(missing.standardOutput.isEmpty)
    }
}

@Suite("CSV table reader")
struct CSVTableTests {
    @Test func readsQuotedFieldsDoubledQuotesAndEmbeddedLineBreaks() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\n3,,last\n"
        let table = try CSVTable(text: text)
        #expect(table.header == ["a", "b", "c"])
        #expect(table.records.map(\.fields) == [["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""], ["3", "", "last"]])
        // Record 3 starts on line 5: the quoted line break in record 2 moved it down one.
        #expect(table.records.map(\.line) == [2, 3, 5])
    }

    @Test func acceptsLFOnlyAndNoFinalLineBreakAndSkipsBlankLines() throws {
        let table = try CSVTable(text: "File,Score\n\na.html,1\n\nb.html,2")
        #expect(table.column("file") == 0 && table.column(" SCORE ") == nil && table.column("score") == 1)
        #expect(table.records.map(\.fields) == [["a.html", "1"], ["b.html", "2"]])
        #expect(table.records.map(\.line) == [3, 5])
        // A short record reads as empty cells rather than failing.
        #expect(table.records[0][5] == "")
    }

    @Test(arguments: [
        ("'=1+2", "=1+2"), ("'+1", "+1"), ("'-x", "-x"), ("'@a", "@a"), ("'\tx", "\tx"),
        ("'quoted", "'quoted"), ("'", "'"), ("plain", "plain"), ("-5", "-5"),
    ])
    func undoesOnlyTheFormulaGuard(cell: String, plain: String) {
        #expect(CSVTable.removingFormulaGuard(cell) == plain)
    }

    @Test func medianOfOddAndEvenSamples() {
        #expect(AdverseImpactAudit.median(of: [3, 1, 2]) == 2)
        #expect(AdverseImpactAudit.median(of: [4, 1, 3, 2]) == 2.5)
        #expect(AdverseImpactAudit.median(of: []) == nil)
    }
}
