import Extraction
import Roles
@testable import Scoring
import TestSupport
import Testing

/// The scorer's shortcuts (the byte-pair line index, the duty pre-filter and
/// the branch-free byte pairs) against the plain code they replaced, kept here as the reference.
@Suite struct ScoringIndexTests {
    /// Varied texts: ASCII, accented (precomposed and decomposed), CJK, emoji, empty, CR/LF, NBSP,
    /// a Kelvin sign (canonically "K"), and repeats differing only in case.
    static let texts: [String] = [
        "", "a", "ab", "Led open enrollment for 640 employees", "led open enrollment for 640 employees",
        "Supervised 4 HR generalists as direct reports", "Managed a team of six; informal lead before that",
        "café payroll", "cafe\u{301} payroll", "Zoë Ekwueme — résumé", "Zoe\u{308} Ekwueme — résumé",
        "人事部 採用担当", "🙂 benefits 🎉 administration", "line one\r\nline two", "open\u{A0}enrollment",
        "\u{212A}PI review", "KPI review", "HRIS (Workday) migration; owned benefits administration",
        "EEO-1 reporting", "eeo-1 reporting", "Date of birth: 1 May 1990", "SHRM-CP", "PHR · SHRM-CP",
        "payroll·benefits", "ADA, ADP and SAP", "x", "   ", "line-managed 3 coordinators",
    ]

    // MARK: BytePairs

    /// The byte-pair words as the switch-based loop built them.
    static func referencePairs(_ text: String) -> [UInt64] {
        var words: [UInt64] = [0, 0, 0, 0]
        let bytes = Array(text.utf8)
        guard bytes.count >= 2 else { return words }
        var previous = bytes[0]
        for index in 1..<bytes.count {
            let byte = bytes[index]
            let slot = (UInt32(previous) &* 31 &+ UInt32(byte)) & 255
            words[Int(slot >> 6)] |= UInt64(1) << UInt64(slot & 63)
            previous = byte
        }
        return words
    }

    static func referenceSlots(_ text: String) -> [Int] {
        let words = referencePairs(text)
        return (0..<256).filter { words[$0 >> 6] & (UInt64(1) << UInt64($0 & 63)) != 0 }
    }

    @Test func bytePairsSetTheSlotsOfTheReference() {
        for text in Self.texts + Self.texts.map({ $0.lowercased() }) {
            #expect(BytePairs(text).slots == Self.referenceSlots(text), "\(text)")
        }
    }

    @Test func bytePairsContainmentFollowsTheSlots() {
        for first in Self.texts {
            for second in Self.texts {
                let expected = Set(Self.referenceSlots(second)).isSubset(of: Set(Self.referenceSlots(first)))
                #expect(BytePairs(first).contains(BytePairs(second)) == expected, "\(first) / \(second)")
            }
        }
    }

    // MARK: LinePairIndex

    static func scorableLines(_ texts: [String]) -> [ScorableRecord.Line] {
        texts.enumerated().map { index, text in
            let lowered = TextScan.lowercased(text)
            return ScorableRecord.Line(text: text, lowered: lowered, loweredPairs: BytePairs(lowered), line: index + 1, section: .position)
        }
    }

    static let terms = [
        "open enrollment", "workday", "ADA", "ADP", "SAP", "eeo-1", "direct reports", "direct report", "benefits",
        "benefits administration", "payroll", "café", "résumé", "人事", "🙂", "kpi", "K", "a", "ab", "line-manage",
        "supervised", "shrm-cp", "enrollment",
    ]

    /// Over record sizes either side of 64 lines (one and several index words), the first line a term is
    /// in is the one the line-by-line search found.
    @Test(arguments: [0, 1, 5, 63, 64, 65, 150])
    func firstLineAgreesWithTheLinearSearch(lineCount: Int) {
        let texts = (0..<lineCount).map { Self.texts[($0 * 7) % Self.texts.count] + ($0 % 3 == 0 ? " and \($0)" : "") }
        let lines = Self.scorableLines(texts)
        let index = LinePairIndex(lines.map(\.loweredPairs))
        for term in Self.terms {
            let matcher = TermMatcher(term)
            let expected = lines.indices.first { matcher.matches(lines[$0]) }
            var found: Int?
            for word in 0..<index.wordCount where found == nil {
                found = LinePairIndex.firstLine(in: index.lines(holding: matcher.needleSlots, word: word), ofWord: word) {
                    matcher.matchesCandidate(lines[$0])
                }
            }
            #expect(found == expected, "\(term) over \(lineCount) lines")
            // The candidates of `lines(holding:)` are exactly the lines the byte-pair test lets through.
            for word in 0..<index.wordCount {
                let candidates = index.lines(holding: matcher.needleSlots, word: word)
                for line in lines.indices where line / 64 == word {
                    let pairsPass = lines[line].loweredPairs.contains(BytePairs(matcher.needleSlots.isEmpty ? "" : term.lowercased()))
                    #expect((candidates & (UInt64(1) << UInt64(line % 64)) != 0) == pairsPass, "\(term) in line \(line)")
                    if pairsPass { #expect(matcher.matchesCandidate(lines[line]) == matcher.matches(lines[line]), "\(term) in line \(line)") }
                }
            }
        }
    }

    @Test func theLastIndexWordHoldsOnlyRealLines() {
        let index = LinePairIndex(Self.scorableLines(["a b", "c d", "e f"]).map(\.loweredPairs))
        #expect(index.wordCount == 1)
        #expect(index.lines(holding: [], word: 0) == 0b111)
    }

    // MARK: The record and the duty pre-filter

    @Test func recordKeepsEachDutysLoweredPairs() {
        var candidate = CandidateBuilder()
            .position("HR Manager", at: "Acme", from: "2020-01", to: nil, duties: Self.texts)
            .position("HR Generalist", at: "Acme", from: "2017-01", to: "2019-12", duties: ["Supervised two assistants", "Supervised two assistants"])
            .build()
        // XML readers list each duty as evidence too: the repeats are skipped, the pairs still kept.
        candidate.evidence = candidate.positions.flatMap(\.duties)
        let record = ScorableRecord(candidate)
        #expect(record.dutyPairs.count == candidate.positions.reduce(0) { $0 + $1.duties.count })
        #expect(record.dutyPairsByPosition.count == candidate.positions.count)
        for (position, pairs) in zip(candidate.positions, record.dutyPairsByPosition) {
            #expect(pairs.map(\.slots) == position.duties.map { BytePairs(TextScan.lowercased($0.text)).slots })
        }
    }

    /// The pre-filter never rules out a duty `JobTitles.isFormalSupervision` accepts.
    @Test func dutyPrefilterKeepsEveryFormalSupervisionDuty() {
        let duties = Self.texts + [
            "Supervised 4 HR generalists", "Had 3 direct reports", "LINE-MANAGED two coordinators", "People Manager for 12",
            "Managing a team of 5", "Informal lead; supervised interns", "manages a team", "Directly reported to the CHRO",
            "Supervise\u{301}d nobody", "SUPERVISING", "Manage staff rotas",
        ]
        for text in duties {
            let duty = EvidenceText(text, line: 1, section: .position)
            let formal = JobTitles.isFormalSupervision(duty)
            let passes = ExperienceYearsCriterion.mayShowFormalSupervision(BytePairs(TextScan.lowercased(text)))
            #expect(!formal || passes, "\(text)")
        }
        #expect(ExperienceYearsCriterion.mayShowFormalSupervision(BytePairs("had 3 direct reports")))
        #expect(!ExperienceYearsCriterion.mayShowFormalSupervision(BytePairs("ran payroll")))
    }

    // MARK: The memchr word search

    /// The search (now memchr for each first byte, then memcmp) must still find what the `Character`
    /// search through Foundation finds, and a candidate line gets the answer `matches` gives.
    @Test func wordSearchAgreesWithFoundationOnVariedLines() {
        let lines = Self.texts + Self.texts.map { TextScan.lowercased($0) } + [
            "payrollpayroll payroll", "ppayroll", "payroll s", "payrolls", "a a a", "eeo-1eeo-1 eeo-1",
            "benefits\u{301} benefits", "x payroll\u{A0}", "payroll\r\n", "🙂payroll", "payroll🙂", "人事payroll",
        ]
        let words = ["payroll", "a", "eeo-1", "benefits", "enrollment", "open enrollment", "kpi", "K", "review", "s", "ab"]
        for line in lines {
            for word in words {
                let lowered = TextScan.lowercased(line)
                #expect(TermMatcher.containsWord(lowered, word) == TermMatcher.foundationContainsWord(lowered, word), "\(word) in \(line)")
                let matcher = TermMatcher(word)
                let scorable = ScorableRecord.Line(text: line, lowered: lowered, loweredPairs: BytePairs(lowered), line: 1, section: .position)
                #expect(matcher.matchesCandidate(scorable) == matcher.matches(scorable) || !scorable.loweredPairs.contains(BytePairs(word.lowercased())),
                        "\(word) in \(line) as a candidate")
            }
        }
        #expect(!TermMatcher("").matchesCandidate(Self.scorableLines(["payroll"])[0]))
    }

    // MARK: Certification advice

    /// The advice as it was written before the wanted list was worked out per rubric.
    static func referenceCertificationAdvice(rubric: Rubric, target: Profile?, context: ScoringContext) -> [Advice] {
        var wanted: [String] = []
        for criterion in rubric.criteria {
            if case .certification(let rule) = criterion.rule { wanted += rule.anyOf }
        }
        wanted += target?.certifications.atNextLevel ?? []
        let held = Set(context.record.certificationIDs)
        let heldSenior = held.contains("SPHR") || held.contains("SHRM-SCP")
        var advice: [Advice] = []
        var seen: Set<String> = []
        for id in wanted where !held.contains(id) && seen.insert(id).inserted {
            if heldSenior && (id == "PHR" || id == "SHRM-CP" || id == "aPHR") { continue }
            if held.contains("PHR") && id == "SHRM-CP" || held.contains("SHRM-CP") && id == "PHR" { continue }
            guard let verdict = CertificationEligibility.verdict(for: id, education: context.record.highestEducation?.level, hrMonths: context.record.experience.hrMonths), verdict.eligible else { continue }
            let name = CertificationCatalog.entry(for: id)?.fullName ?? id
            advice.append(Advice(id: "certification-eligible:\(id)", text: "Eligible now for the \(id) (\(name)): \(verdict.rule)."))
        }
        return advice
    }

    @Test func certificationAdviceAgreesWithTheReference() {
        let catalog = SharedCatalog.builtIn
        let scorer = Scorer(catalog: catalog)
        let heldSets: [[(String, String)]] = [
            [], [("PHR", "PHR")], [("SHRM Certified Professional", "SHRM-CP")], [("SPHR", "SPHR")],
            [("SHRM-SCP", "SHRM-SCP"), ("aPHR", "aPHR")], [("GPHR", "GPHR"), ("PHR", "PHR")],
        ]
        let levels: [EducationLevel?] = [nil, .associate, .bachelor, .master, .doctorate]
        for held in heldSets {
            for level in levels {
                for years in [0, 1, 3, 6, 9] {
                    var builder = CandidateBuilder()
                        .position("HR Generalist", at: "Acme", from: "\(2026 - years)-01", to: nil, duties: ["Ran payroll"])
                    if let level { builder = builder.degree("Degree", level, field: "Human Resources") }
                    for (name, id) in held { builder = builder.certification(name, id, year: 2020) }
                    let candidate = builder.build()
                    let context = scorer.makeContext(ScorableRecord(candidate), asOf: People.asOf)
                    for rubric in catalog.rubrics.values {
                        let target = catalog.profile(rubric.role)
                        let wanted = AdviceWriter.wantedCertifications(rubric: rubric, target: target)
                        let advice = AdviceWriter.certificationAdvice(wanted: wanted, context: context)
                        #expect(advice == Self.referenceCertificationAdvice(rubric: rubric, target: target, context: context), "\(rubric.id) \(held) \(String(describing: level)) \(years)")
                    }
                }
            }
        }
    }

    // MARK: ASCII lower-casing

    /// Every ASCII byte at every offset of an eight-byte word and in the tail, against `TextScan.lowercased`;
    /// non-ASCII text (accented, CJK, emoji, NBSP, a non-ASCII byte in the tail or in a word) is left to it.
    @Test func asciiLowercasingAgreesWithTextScan() {
        var texts = Self.texts + [
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz", "@[`{ AZaz 09 \u{7F}\t\r\n",
            "Payroll and Benefits ADMINISTRATION, 2019–2021", "PAYROLL AND BENEFITS ADMINISTRATION 2019-2021!",
            "exactly8", "EXACTLY8", "sixteen bytes!!!", "Seventeen Bytes!!", "ÉCOLE", "ASCII then é",
        ]
        for byte in UInt8(0)..<0x80 {
            for length in [1, 7, 8, 9, 16, 17] {
                for position in [0, length / 2, length - 1] {
                    var bytes = [UInt8](repeating: 0x4D, count: length)  // "M"
                    bytes[position] = byte
                    texts.append(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
        for text in texts {
            let isASCII = !text.isEmpty && text.utf8.allSatisfy { $0 < 0x80 }
            let fast = ASCIILowercasing.lowercased(text)
            #expect((fast != nil) == isASCII, "\(text.debugDescription)")
            if let fast {
                #expect(fast == TextScan.lowercased(text), "\(text.debugDescription)")
                #expect(Array(fast.utf8) == Array(TextScan.lowercased(text).utf8), "\(text.debugDescription)")
            }
        }
    }
}
