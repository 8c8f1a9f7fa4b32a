import Extraction
@testable import Reporting
@testable import Roles
@testable import Scoring
import Testing

/// The allocation-saving paths of scoring and reporting (the byte-level CSV line, the byte-level title
/// normalisation and pair-filtered alias search, the index-based competency and program-ownership
/// criteria, the advice texts written once per rubric) against the code they replaced, kept here as
/// the reference.
@Suite struct ScoringCopiesFastPathTests {
    /// Varied texts: ASCII, formula starts, quotes, separators, leading and trailing spaces, accented
    /// (precomposed and decomposed), a space followed by a combining mark, a prepend mark before a final
    /// space, CJK, emoji, empty, CR/LF, NBSP, NUL.
    static let cells: [String] = [
        "", "a", "payroll", "HR Manager", "=SUM(A1)", "+1", "-5", "-5.25", "-abc", "-", "@home", "\tx", "\rx", "\nx", "\0x",
        " lead", "trail ", " ", "  ", "a,b", "a;b", "say \"hi\"", "\"", "\"\"", "line\r\nbreak", "line\nbreak", "x\r",
        "café", "cafe\u{301}", " \u{301}x", "x\u{600} ", "x \u{301}", "=café", "-é", " é", "é ", "é,x", "é\"x\"",
        "人事部 採用担当", "🙂 benefits", "open\u{A0}enrollment", "\u{A0}", "\u{FEFF}x", "resumes/a b.html", "42", "87.5",
        "Zoë Ekwueme", "hidden-text", "ready-now", "a\"b,c", "'quoted'",
    ]

    // MARK: CSV

    /// The record as `CSVReporter.record` wrote it: each cell rendered, joined by commas.
    static func referenceRecord(_ cells: [String]) -> String {
        cells.map(CSVReporter.cell).joined(separator: ",") + "\r\n"
    }

    /// `CSVReporter.line` as it was written, on the reference record.
    static func referenceLine(_ writer: CSVReporter, _ row: BatchRow, rank: Int?) -> String {
        var cells: [String] = [
            rank.map(String.init) ?? "",
            row.file,
            row.candidateName ?? "",
            row.currentTitle ?? "",
            row.role,
            row.score.map(JSONValue.format) ?? "",
            row.band?.rawValue ?? "",
            row.monthsToReady.map(String.init) ?? "",
            row.missingMustHaves.joined(separator: ";"),
            (row.topGaps + (row.hiddenText ? ["hidden-text"] : [])).joined(separator: ";"),
            row.status.rawValue,
            row.error ?? "",
        ]
        cells += writer.criterionIDs.map { id in row.earned[id].map(JSONValue.format) ?? "" }
        cells.append(row.status == .ok ? (row.hiddenText ? "true" : "false") : "")
        return referenceRecord(cells)
    }

    @Test func csvRecordAgreesWithTheReference() {
        let writer = CSVReporter(criterionIDs: [])
        for cell in Self.cells {
            #expect(Array(writer.record([cell]).utf8) == Array(Self.referenceRecord([cell]).utf8), "\(cell.debugDescription)")
            for other in Self.cells {
                let cells = [cell, other, cell]
                #expect(Array(writer.record(cells).utf8) == Array(Self.referenceRecord(cells).utf8), "\(cells.debugDescription)")
            }
        }
        #expect(writer.record([]) == Self.referenceRecord([]))
    }

    @Test func csvLineAgreesWithTheReference() {
        let writer = CSVReporter(criterionIDs: ["hr-experience", "education", "=odd", "missing"])
        var rows: [BatchRow] = [BatchRow(failedFile: "bad \"file\".html", role: "hr-manager", reason: "not HTML, XML")]
        for (index, cell) in Self.cells.enumerated() {
            var row = BatchRow(failedFile: "f\(index).html", role: "hr-manager", reason: "")
            row.status = index % 3 == 0 ? .error : .ok
            row.error = index % 3 == 0 ? cell : nil
            row.file = cell
            row.candidateName = index % 2 == 0 ? cell : nil
            row.currentTitle = cell
            row.score = index % 4 == 0 ? nil : Double(index) * 1.5
            row.band = ReadinessBand.allCases[index % 4]
            row.monthsToReady = index % 5 == 0 ? nil : index
            row.missingMustHaves = Array(Self.cells.prefix(index % 3))
            row.topGaps = Array(Self.cells.suffix(index % 4))
            row.hiddenText = index % 2 == 1
            row.earned = ["hr-experience": Double(index) / 3, "=odd": -1]
            rows.append(row)
        }
        for row in rows {
            for rank in [nil, 1, 12] as [Int?] {
                #expect(Array(writer.line(row, rank: rank).utf8) == Array(Self.referenceLine(writer, row, rank: rank).utf8), "\(row.file.debugDescription)")
            }
        }
    }

    // MARK: Titles

    static let titles: [String] = [
        "", " ", "HR Manager", "hr manager", "HR MANAGER", "Senior HR Generalist", "Sr. HR Generalist", "Sr HR Generalist",
        "Sr. H.R. Generalist", "Asst. HR Manager", "Asst HR Manager", "Assistant HR Manager", "HR Mgr", "HR Mgr.",
        "Human Resources Manager", "Human Resource Manager", "Human Resources Business Partner", "HR Business Partner (HRBP)",
        "Director, Human Resources", "Director of People & Culture", "VP, HR", "HRIS Trainer", "HR Supervisor II",
        "Executive Recruiter", "HR Consultant", "HR Administrator", "HR-Generalist", "hr/payroll specialist",
        "  HR   Manager  ", "HR\r\nManager", "HR\tManager", "HR Manager — EMEA", "Responsable RH (Ressources humaines)",
        "Généraliste RH", "HR Généraliste", "Gerente de Recursos Humanos", "人事部長", "HR Manager 🙂", "HR\u{A0}Manager",
        "Srsr. asst.mgr", "sr.sr. hr", "h.r.h.r. manager", "humanresources manager", "Human  Resources Manager",
        "MGR", "ASST.", "Senior", "Senior HR Generalist / HR Manager", "Senior Human Resources Generalist III",
        "Cafe\u{301} manager", "HR Manager\u{301}", "x\u{300}", "\u{212A}", "HR Mgr\u{200D}",
    ]

    /// `role(forTitle:)` as it was written: the normalised title searched for every phrase.
    static func referenceRole(_ catalog: RoleCatalog, forTitle title: String) -> Profile? {
        let phrases = catalog.profiles.enumerated().flatMap { index, profile in
            ([profile.title] + profile.aliases).map { (phrase: " " + normalizedTitle($0) + " ", profileIndex: index) }
        }
        let lowered = " " + normalizedTitle(title) + " "
        var best: (profileIndex: Int, length: Int)?
        for (phrase, profileIndex) in phrases where phrase.utf8.count > (best?.length ?? 0) {
            if TextScan.contains(lowered, phrase) {
                best = (profileIndex, phrase.utf8.count)
            }
        }
        return best.map { catalog.profiles[$0.profileIndex] }
    }

    /// Every title, alias and variation of them, plus the titles above.
    static func titleVariations(_ catalog: RoleCatalog) -> [String] {
        let names = catalog.profiles.flatMap { [$0.title] + $0.aliases }
        return titles + names + names.map { $0.uppercased() } + names.map { "Senior " + $0 + ", EMEA" }
            + names.map { $0.replacingOccurrences(of: "HR", with: "Human Resources") }
            + names.map { $0.replacingOccurrences(of: "Manager", with: "Mgr.") }
    }

    @Test func roleForTitleAgreesWithTheReference() {
        let catalog = SharedCatalog.builtIn
        for title in Self.titleVariations(catalog) {
            #expect(catalog.role(forTitle: title)?.id == Self.referenceRole(catalog, forTitle: title)?.id, "\(title.debugDescription)")
        }
    }

    @Test func asciiTitleNormalisationAgreesWithNormalizedTitle() {
        var titles = Self.titleVariations(SharedCatalog.builtIn)
        for byte in UInt8(0)..<0x80 {
            titles.append(String(decoding: [0x48, byte, 0x52, 0x20, byte], as: UTF8.self))
        }
        for title in titles {
            let expected = Array((" " + normalizedTitle(title) + " ").utf8)
            #expect(withPaddedNormalizedTitle(title) { Array($0) } == expected, "\(title.debugDescription)")
            if title.utf8.allSatisfy({ $0 < 0x80 }) {
                let fast = Array(title.utf8).withUnsafeBufferPointer(asciiPaddedNormalizedTitle)
                #expect(fast == expected, "\(title.debugDescription)")
            }
        }
    }

    @Test func byteReplacementAgreesWithTextScan() {
        let cases: [(String, String, String)] = [
            ("sr.", "senior", "sr. sr.sr. x sr."), ("sr ", "senior ", "sr sr  srsr "), ("aa", "b", "aaaaa"),
            ("mgr", "manager", "mgrmgr"), ("h.r.", "hr", "h.r.h.r"), ("abc", "", "xabcabcx"), ("x", "xx", "xxx"),
            ("long target", "y", "short"), ("é", "e", "café é"), ("a", "b", ""),
        ]
        for (target, replacement, text) in cases {
            let expected = Array(TextScan.replacing(target, with: replacement, in: text).utf8)
            #expect(replacingAll(Array(target.utf8), with: Array(replacement.utf8), in: Array(text.utf8)) == expected, "\(text)")
        }
    }

    // MARK: Criteria

    /// `CompetencyCriterion.evaluate` as it was written, on strings and evidence.
    static func referenceCompetency(_ rule: CompetencyRule, terms: [TermMatcher], in context: ScoringContext) -> CriterionOutcome {
        var found: [(term: String, evidence: Evidence)] = []
        var termFound = [Bool](repeating: false, count: terms.count)
        let record = context.record
        for index in terms.indices {
            if let line = record.lines.indices.first(where: { terms[index].matches(record.lines[$0]) }) {
                found.append((terms[index].term, Evidence(text: record.lines[line].text, line: record.lines[line].line)))
                termFound[index] = true
            }
        }
        let distinct = found.count
        let fraction = Credit.fraction(value: Double(distinct), full: Double(rule.full), partial: Double(rule.partial))
        let met = distinct >= rule.full
        var evidence: [Evidence] = []
        for item in found where !evidence.contains(item.evidence) { evidence.append(item.evidence) }
        let missing = met ? [] : rule.terms.indices.filter { !termFound[$0] }.prefix(4).map { rule.terms[$0] }
        return CriterionOutcome(
            fraction: fraction, met: met, evidence: Array(evidence.prefix(6)),
            gap: met ? nil : "\(distinct) of \(rule.full) distinct signs found (\(found.map(\.term).joined(separator: ", ")))"
                + (missing.isEmpty ? "" : "; none of e.g. \(missing.joined(separator: ", "))"),
            monthsToClose: met ? nil : CompetencyCriterion.monthsToClose)
    }

    /// `ProgramOwnershipCriterion.evaluate` as it was written, line by line.
    static func referenceProgramOwnership(_ rule: ProgramOwnershipRule, verbs: [TermMatcher], programs: [TermMatcher], in context: ScoringContext) -> CriterionOutcome {
        var owned: [String] = []
        var evidence: [Evidence] = []
        for line in context.record.lines where line.section != .skills && verbs.contains(where: { $0.matches(line) }) {
            let named = programs.filter { $0.matches(line) }.map(\.term)
            guard !named.isEmpty else { continue }
            var added = false
            for program in named where !owned.contains(program) {
                owned.append(program)
                added = true
            }
            if added { evidence.append(Evidence(text: line.text, line: line.line)) }
        }
        let met = owned.count >= rule.full
        return CriterionOutcome(
            fraction: Credit.fraction(value: Double(owned.count), full: Double(rule.full), partial: 0),
            met: met, evidence: Array(evidence.prefix(5)),
            gap: met ? nil : "no line shows ownership (\(rule.verbs.prefix(3).joined(separator: ", "))) of a program such as \(rule.programs.prefix(3).joined(separator: ", "))",
            monthsToClose: met ? nil : ProgramOwnershipCriterion.monthsToClose)
    }

    /// Candidates with few, many (more than 64 lines, two index words) and repeated duties, in varied
    /// scripts, built from every rubric's own terms so that criteria are met, partly met and not met.
    static func candidates(_ catalog: RoleCatalog) -> [Candidate] {
        var vocabulary: [String] = []
        for rubric in catalog.rubrics.values.sorted(by: { $0.id < $1.id }) {
            for criterion in rubric.criteria {
                switch criterion.rule {
                case .competency(let rule): vocabulary += rule.terms
                case .programOwnership(let rule): vocabulary += rule.programs.map { "Owned the \($0) program" } + rule.verbs.map { "\($0) payroll and benefits administration" }
                default: break
                }
            }
        }
        let extra = ["café payroll", "Zoë led EEO-1 reporting", "人事部 採用担当", "🙂 benefits administration 🎉", "open\u{A0}enrollment", "line one\r\nline two", "", "Led Open Enrollment For 640 Employees", "ADA and ADP, sap"]
        var candidates: [Candidate] = []
        for (count, stride) in [(0, 1), (3, 7), (12, 5), (40, 3), (90, 1), (200, 11)] {
            let duties = (0..<count).map { index -> String in
                let text = vocabulary.isEmpty ? "" : vocabulary[(index * stride) % vocabulary.count]
                return index % 5 == 4 ? extra[index % extra.count] : (index % 3 == 0 ? text.uppercased() : text)
            }
            let half = duties.count / 2
            candidates.append(CandidateBuilder()
                .position("HR Manager", at: "Acme", from: "2021-01", to: nil, duties: Array(duties[..<half]) + Array(duties[..<min(2, half)]))
                .position("Senior HR Generalist", at: "Beta", from: "2016-01", to: "2020-12", duties: Array(duties[half...]))
                .skills(Array(vocabulary.prefix(count / 4)))
                .build())
        }
        return candidates
    }

    @Test func competencyAndProgramOwnershipAgreeWithTheReference() {
        let catalog = SharedCatalog.builtIn
        let scorer = Scorer(catalog: catalog)
        for candidate in Self.candidates(catalog) {
            let context = scorer.makeContext(ScorableRecord(candidate), asOf: People.asOf)
            for rubric in catalog.rubrics.values {
                let compiled = CompiledRubric(rubric, target: catalog.profile(rubric.role))
                for (index, criterion) in rubric.criteria.enumerated() {
                    let matchers = compiled.matchers[index]
                    let (fast, reference): (CriterionOutcome, CriterionOutcome)
                    switch criterion.rule {
                    case .competency(let rule):
                        fast = CompetencyCriterion.evaluate(rule, terms: matchers.terms, in: context)
                        reference = Self.referenceCompetency(rule, terms: matchers.terms, in: context)
                    case .programOwnership(let rule):
                        fast = ProgramOwnershipCriterion.evaluate(rule, verbs: matchers.verbs, programs: matchers.terms, in: context)
                        reference = Self.referenceProgramOwnership(rule, verbs: matchers.verbs, programs: matchers.terms, in: context)
                    default:
                        continue
                    }
                    #expect(fast.fraction == reference.fraction && fast.met == reference.met, "\(rubric.id) \(criterion.id)")
                    #expect(fast.evidence == reference.evidence, "\(rubric.id) \(criterion.id)")
                    #expect(fast.gap == reference.gap, "\(rubric.id) \(criterion.id)")
                    #expect(fast.monthsToClose == reference.monthsToClose, "\(rubric.id) \(criterion.id)")
                }
            }
        }
    }

    // MARK: Advice

    @Test func gapTextAgreesWithTheInterpolation() {
        for label in ["Education", "", "Compliance and risk", "Zoë's étude", "人事 🙂"] {
            for gap in ["none of PHR held", "", "1 of 3 distinct signs found (a, b)"] {
                for months in [nil, 0, 1, 5, 12, 18, 30, 61] as [Int?] {
                    let time = months.map { $0 > 0 ? " Closing it takes about \(AdviceWriter.durationWords($0))." : "" } ?? ""
                    #expect(AdviceWriter.gapText(label: label, gap: gap, monthsToClose: months) == "\(label): \(gap).\(time)")
                }
            }
        }
    }

    /// Each certification's advice text, written once per rubric, is the one the advice wrote.
    @Test func wantedCertificationTextsAgreeWithTheConcatenation() {
        let catalog = SharedCatalog.builtIn
        for rubric in catalog.rubrics.values {
            for wanted in AdviceWriter.wantedCertifications(rubric: rubric, target: catalog.profile(rubric.role)) {
                for education in [nil] + EducationLevel.allCases.map(Optional.some) {
                    for months in [0, 11, 30, 100] {
                        guard let verdict = CertificationEligibility.verdict(for: wanted.id, education: education, hrMonths: months) else { continue }
                        #expect(wanted.text(forRule: verdict.rule) == wanted.textOpening + verdict.rule + ".")
                    }
                }
                #expect(wanted.text(forRule: "an unknown rule") == wanted.textOpening + "an unknown rule.")
            }
        }
    }

    /// `ExperienceYearsCriterion.describe` as it was written, by interpolation.
    static func referenceDescribe(_ position: Position) -> String {
        let employer = position.employer.map { ", \($0)" } ?? ""
        let end = position.current ? "present" : (position.end?.description ?? "?")
        return "\(position.title)\(employer) (\(position.start?.description ?? "?") – \(end))"
    }

    @Test func positionDescriptionAgreesWithTheInterpolation() {
        let dates: [PartialDate?] = [nil, PartialDate(year: 2020), PartialDate(year: 2019, month: 3), PartialDate(year: 2018, month: 11, day: 2)]
        for title in ["HR Manager", "", "Généraliste RH", "人事部長", "🙂 Lead", "a\r\nb", "Cafe\u{301}"] {
            for employer in [nil, "", "Acme", "Zoë & Co.", "\u{301}x"] as [String?] {
                for start in dates {
                    for end in dates {
                        for current in [false, true] {
                            let position = Position(title: title, employer: employer, start: start, end: end, current: current, description: "", duties: [], line: 3)
                            let fast = ExperienceYearsCriterion.describe(position)
                            #expect(Array(fast.utf8) == Array(Self.referenceDescribe(position).utf8))
                            #expect(fast == Self.referenceDescribe(position))
                        }
                    }
                }
            }
        }
    }

    @Test func textAssemblyWritesThePiecesInOrder() {
        let pieces = ["", "a", "Zoë", "人事", "🙂", "e\u{301}", "\r\n", String(repeating: "x", count: 40)]
        for first in pieces {
            for second in pieces {
                let capacity = first.utf8.count + second.utf8.count + 1
                let text = TextAssembly.text(capacity: capacity) { text in
                    text.write(first)
                    text.write("-")
                    text.write(second)
                }
                #expect(Array(text.utf8) == Array((first + "-" + second).utf8))
            }
        }
        #expect(TextAssembly.text(capacity: 0) { _ in }.isEmpty)
    }

    /// The gap advice ids written once per rubric are the interpolated ones.
    @Test func gapAdviceIDsAgreeWithTheInterpolation() {
        let catalog = SharedCatalog.builtIn
        for rubric in catalog.rubrics.values {
            let compiled = CompiledRubric(rubric, target: catalog.profile(rubric.role))
            #expect(compiled.gapAdviceIDs == rubric.criteria.map { "gap:\($0.id)" })
        }
    }
}
