import Extraction
import Roles

/// Candidate + rubric + as-of date → assessment. Pure and deterministic: the same inputs give the same
/// assessment, and it reads the candidate only through `ScorableRecord`.
public struct Scorer: Sendable {
    public let catalog: RoleCatalog
    /// Each catalog rubric with its terms' matchers, built once: a batch scores thousands of files
    /// against the same rubric.
    let compiledRubrics: [String: CompiledRubric]

    public init(catalog: RoleCatalog) {
        self.catalog = catalog
        compiledRubrics = catalog.rubrics.mapValues { CompiledRubric($0, target: catalog.profile($0.role)) }
    }

    /// - Parameter advising: write the explanation a report gives: the advice (the development steps a
    ///   report lists) and each criterion's evidence and gap text. Without it the assessment has every
    ///   figure (score, band, months to ready, each criterion's points, met and months to close) and no
    ///   texts: a batch that keeps only its CSV rows reads none of them, and writing them cost about as
    ///   much as the criteria's searches (the advice alone as much as two criteria).
    public func assess(_ candidate: Candidate, against rubric: Rubric, asOf: PartialDate, advising: Bool = true) -> Assessment {
        let record = ScorableRecord(candidate)
        var context = makeContext(record, asOf: asOf)
        context.explaining = advising
        // The catalog's own rubric (the usual case) comes compiled; any other is compiled here.
        let target = catalog.profile(rubric.role)
        let compiled = compiledRubrics[rubric.id].flatMap { $0.rubric == rubric ? $0 : nil } ?? CompiledRubric(rubric, target: target)
        var results: [CriterionResult] = []
        results.reserveCapacity(rubric.criteria.count)
        // By index rather than `enumerated()`, whose iterator copied each criterion (its strings and
        // its rule's lists) out of the array for the few fields read here.
        let criteria = rubric.criteria
        for index in criteria.indices {
            let outcome = evaluate(criteria[index].rule, matchers: compiled.matchers[index], in: context)
            let weight = criteria[index].weight
            results.append(CriterionResult(
                id: criteria[index].id, label: criteria[index].label, kind: criteria[index].rule.kindName, weight: weight,
                earned: (weight * outcome.fraction * 100).rounded() / 100, met: outcome.met, mustHave: criteria[index].mustHave,
                evidence: outcome.evidence, gap: outcome.gap, monthsToClose: outcome.met ? nil : outcome.monthsToClose))
        }
        let total = rubric.totalWeight
        let earned = results.reduce(0) { $0 + $1.earned }
        let score = total > 0 ? ((earned / total * 100) * 10).rounded() / 10 : 0
        let monthsToReady = Self.monthsToReady(results, score: score, rubric: rubric)
        let band = Self.band(score: score, monthsToReady: monthsToReady, mustHavesMet: !results.contains { $0.mustHave && !$0.met }, bands: rubric.bands)
        return Assessment(
            candidate: candidate,
            role: RoleReference(id: rubric.role, title: target?.title ?? rubric.title),
            rubric: RubricReference(id: rubric.id, version: rubric.version, sha256: rubric.sha256),
            asOf: asOf,
            currentRole: context.currentRole.map { RoleReference(id: $0.id, title: $0.title) },
            score: score, band: band, monthsToReady: monthsToReady, criteria: results,
            advice: advising ? AdviceWriter.advice(
                results: results, rubric: rubric, target: target, wanted: compiled.wantedCertifications, context: context,
                hiddenText: candidate.hiddenText, gapIDs: compiled.gapAdviceIDs) : [])
    }

    /// The role to score for when none is named: the next one up from the current role, or the first
    /// ladder role above the current level.
    public func defaultTargetRole(for candidate: Candidate) -> Profile? {
        let context = makeContext(ScorableRecord(candidate), asOf: candidate.experience.asOf)
        if let current = context.currentRole, let next = catalog.nextRole(after: current) { return next }
        let ladder = catalog.profiles.filter { $0.track == .ladder }
        return ladder.first { $0.level > context.currentLevel } ?? ladder.last
    }

    func makeContext(_ record: ScorableRecord, asOf: PartialDate) -> ScoringContext {
        let current = record.currentPosition
        let role = current.flatMap { catalog.role(forTitle: $0.title) }
        let level = role?.level ?? current.map { LadderLevel.estimate(forTitle: $0.title) } ?? 0
        let tenure = current.flatMap { ExperienceCalculator.span(of: $0, asOf: asOf)?.count }
        return ScoringContext(record: record, catalog: catalog, asOf: asOf, currentRole: role, currentLevel: level, tenureMonths: tenure)
    }

    func evaluate(_ rule: CriterionRule, matchers: CompiledRubric.Matchers, in context: ScoringContext) -> CriterionOutcome {
        switch rule {
        case .experienceYears(let rule): ExperienceYearsCriterion.evaluate(rule, in: context)
        case .education(let rule): EducationCriterion.evaluate(rule, in: context)
        case .certification(let rule): CertificationCriterion.evaluate(rule, noneHeld: matchers.ruleGapText, in: context)
        case .competency(let rule): CompetencyCriterion.evaluate(rule, terms: matchers.terms, in: context)
        case .programOwnership(let rule):
            ProgramOwnershipCriterion.evaluate(rule, verbs: matchers.verbs, programs: matchers.terms, gap: matchers.ruleGapText, in: context)
        case .currentLevel(let rule): CurrentLevelCriterion.evaluate(rule, in: context)
        case .tenure(let rule): TenureCriterion.evaluate(rule, in: context)
        }
    }

    /// How long until the candidate is ready now: every unmet must-have has to close, then the quickest
    /// other gaps until the score clears the ready-now floor. Gaps close in parallel, so the longest of
    /// those chosen decides.
    /// The results are read by index: filtering and sorting them copied whole results (strings and
    /// evidence) for a few numbers each.
    static func monthsToReady(_ results: [CriterionResult], score: Double, rubric: Rubric) -> Int {
        let total = rubric.totalWeight
        guard total > 0 else { return 0 }
        let mustHaves = results.indices.filter { results[$0].mustHave && !results[$0].met }
        if mustHaves.isEmpty && score >= rubric.bands.readyNow { return 0 }
        var months = mustHaves.map { results[$0].monthsToClose ?? 0 }.max() ?? 0
        var projected = score + mustHaves.reduce(0) { $0 + (results[$1].weight - results[$1].earned) } / total * 100
        // Results that compare equal here have the same months and points lost, so the order sorting
        // leaves them in changes nothing below.
        let others = results.indices.filter { !results[$0].met && !results[$0].mustHave && results[$0].monthsToClose != nil }
            .sorted { left, right in
                (results[left].monthsToClose!, -(results[left].weight - results[left].earned), results[left].id)
                    < (results[right].monthsToClose!, -(results[right].weight - results[right].earned), results[right].id)
            }
        for gap in others where projected < rubric.bands.readyNow {
            projected += (results[gap].weight - results[gap].earned) / total * 100
            months = max(months, results[gap].monthsToClose ?? 0)
        }
        return months
    }

    /// The lower of the band the score reaches and the band the time to ready allows; never "ready now"
    /// with a must-have missing.
    static func band(score: Double, monthsToReady: Int, mustHavesMet: Bool, bands: Rubric.Bands) -> ReadinessBand {
        let byScore: ReadinessBand
        switch score {
        case bands.readyNow...: byScore = .readyNow
        case bands.oneToTwoYears...: byScore = .oneToTwoYears
        case bands.threeToFiveYears...: byScore = .threeToFiveYears
        default: byScore = .notReady
        }
        let byTime: ReadinessBand
        switch monthsToReady {
        case 0: byTime = mustHavesMet ? .readyNow : .oneToTwoYears
        case 1...24: byTime = .oneToTwoYears
        case 25...60: byTime = .threeToFiveYears
        default: byTime = .notReady
        }
        return max(byScore, byTime)
    }
}

/// A rubric with a matcher for each vocabulary term of its criteria.
struct CompiledRubric: Sendable {
    struct Matchers: Sendable {
        /// Competency terms, or the programs of a program-ownership criterion.
        var terms: [TermMatcher] = []
        /// The ownership verbs of a program-ownership criterion.
        var verbs: [TermMatcher] = []
        /// The part of the criterion's gap text that depends on the rule alone, written once per rubric
        /// rather than joined from the rule's lists for every file that misses it: a program-ownership
        /// criterion's whole gap, a certification criterion's "none of … held".
        var ruleGapText: String?
    }

    /// A certification the rubric values, with the parts of its eligibility advice that do not depend
    /// on the candidate.
    struct WantedCertification: Sendable {
        var id: String
        var adviceID: String
        /// The advice text up to the eligibility rule.
        var textOpening: String
        /// The whole advice text for each rule the certification's eligibility can state.
        var texts: [(rule: String, text: String)] = []

        /// `textOpening + rule + "."`, written once per rubric when `rule` is one of `texts`.
        func text(forRule rule: String) -> String {
            texts.first { $0.rule == rule }?.text ?? textOpening + rule + "."
        }
    }

    let rubric: Rubric
    /// One entry per criterion, in the rubric's order.
    let matchers: [Matchers]
    /// `AdviceWriter.wantedCertifications` for the rubric and its target role.
    let wantedCertifications: [WantedCertification]
    /// `"gap:<id>"` for each criterion, in the rubric's order: the ids of the gap advice.
    let gapAdviceIDs: [String]

    /// `target`: the catalog's profile of the rubric's role.
    init(_ rubric: Rubric, target: Profile?) {
        self.rubric = rubric
        wantedCertifications = AdviceWriter.wantedCertifications(rubric: rubric, target: target)
        gapAdviceIDs = rubric.criteria.map { "gap:\($0.id)" }
        matchers = rubric.criteria.map { criterion in
            switch criterion.rule {
            case .competency(let rule): Matchers(terms: rule.terms.map(TermMatcher.init))
            case .programOwnership(let rule):
                Matchers(terms: rule.programs.map(TermMatcher.init), verbs: rule.verbs.map(TermMatcher.init), ruleGapText: ProgramOwnershipCriterion.gap(rule))
            case .certification(let rule): Matchers(ruleGapText: CertificationCriterion.noneHeld(rule))
            default: Matchers()
            }
        }
    }
}

/// A ladder level read from a title when no profile's alias matches it.
enum LadderLevel {
    static func estimate(forTitle title: String) -> Int {
        let lowered = title.lowercased()
        guard JobTitles.isHR(title) || TextScan.contains(lowered, "people") else { return 0 }
        if ["chief", "vice president", "vp", "director", "head of"].contains(where: { TextScan.contains(lowered, $0) }) { return 6 }
        if TextScan.contains(lowered, "assistant manager") || TextScan.contains(lowered, "supervisor") { return 4 }
        if TextScan.contains(lowered, "manager") || TextScan.contains(lowered, "business partner") { return 5 }
        if TextScan.contains(lowered, "senior") || TextScan.contains(lowered, "sr.") || TextScan.contains(lowered, "lead") { return 3 }
        if ["generalist", "specialist", "recruiter", "analyst", "partner", "consultant"].contains(where: { TextScan.contains(lowered, $0) }) { return 2 }
        return 1
    }
}
