import Extraction
import Plot
import Scoring

/// `report --format html`: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) with
/// the score as a gauge, points per criterion as a bar chart, the gaps, the advice and every criterion's
/// evidence with its source line. Prints on A4 and Letter. `blind` leaves out the name, contact details,
/// source file name, birth date and graduation years.
public struct HTMLReporter: AssessmentReporter {
    public init() {}

    public func render(_ assessment: Assessment, blind: Bool) -> String {
        ReportPage(assessment: assessment, blind: blind).render()
    }
}

/// The sections of the report page, top to bottom in the order a reviewer reads them: who, how ready,
/// where the points went, what is missing, what to do, then the evidence behind every criterion.
struct ReportPage {
    typealias Body = Node<HTML.BodyContext>

    let assessment: Assessment
    let blind: Bool
    private let redaction: BlindRedaction

    init(assessment: Assessment, blind: Bool) {
        self.assessment = assessment
        self.blind = blind
        redaction = BlindRedaction(assessment.candidate.personal, enabled: blind)
    }

    private var candidate: Candidate { assessment.candidate }

    /// Text that came from the résumé, cleaned in blind mode.
    private func resume(_ value: String) -> String { redaction.clean(value) }

    private var who: String {
        blind ? "Candidate (blind review)" : (candidate.personal.name ?? "Unnamed candidate")
    }

    func render() -> String {
        var sections: [Body] = [header]
        if candidate.hiddenText { sections.append(hiddenTextAlert) }
        sections += [readiness, pointsChart, gaps, advice, evidence]
        if !candidate.warnings.isEmpty { sections.append(warnings) }
        sections.append(footer)
        return HTMLPage.document(
            title: "Readiness report: \(who) for \(assessment.role.title)",
            bodyClass: "report",
            [.main(.group(HTMLPage.lines(sections)))])
    }

    // MARK: - Sections

    private var header: Body {
        var facts: [(String, Body)] = []
        if let position = candidate.currentPosition {
            let employer = position.employer.map { " at \(resume($0))" } ?? ""
            facts.append(("Current title", safeText(resume(position.title) + employer)))
        }
        facts.append(("Current role", safeText(assessment.currentRole?.title ?? "not matched to a role")))
        let experience = candidate.experience
        facts.append(("Experience", safeText(
            "\(CandidateText.years(experience.totalMonths)) in all · \(CandidateText.years(experience.hrMonths)) in HR · \(CandidateText.years(experience.managementMonths)) supervising")))
        if blind {
            facts.append(("Blind review", safeText("name, contact details, source file name, birth date and graduation years are left out")))
            facts.append(("Résumé format", .code(safeText(candidate.format.rawValue))))
        } else {
            let personal = candidate.personal
            let contact = [personal.email, personal.phone, personal.location].compactMap { $0 }
            if !contact.isEmpty { facts.append(("Contact", safeText(contact.joined(separator: " · ")))) }
            facts.append(("Source", .group(.code(safeText(candidate.source)), safeText(" (\(candidate.format.rawValue))"))))
        }
        return .header(
            .p(.class("kicker"), safeText("Promotion readiness report")),
            .h1(safeText(who)),
            .p(.class("subtitle"), safeText("Assessed for \(assessment.role.title) · as of \(assessment.asOf)")),
            factList(facts, label: "Candidate summary"))
    }

    private var hiddenTextAlert: Body {
        .section(
            .class("alert"), .attribute(named: "aria-labelledby", value: "hidden-text-heading"),
            .h2(.id("hidden-text-heading"), safeText("⚠ Warning: this résumé hides text from human readers")),
            .p(safeText("Parts of the document are invisible when it is displayed (for example display:none, zero-size or white-on-white text), a known trick to stuff keywords past automated screening. The hidden text was ignored: nothing in this report is based on it. Open the source and review it before relying on this report.")))
    }

    private var readiness: Body {
        let missing = assessment.missingMustHaves
        let metCount = assessment.criteria.filter(\.met).count
        let months: Body = assessment.monthsToReady > 0
            ? .group(safeText("About "), .strong(safeText(HTMLNumber.months(assessment.monthsToReady))), safeText(" to ready"))
            : .group(.strong(safeText("0 months")), safeText(" to ready: no gap left to close"))
        let mustHaves: Body = missing.isEmpty
            ? .span(.class("status met"), safeText("✓ All must-have criteria met"))
            : .span(.class("status unmet must"), safeText("✗ Must-have criteria not met: " + missing.map(\.label).joined(separator: "; ")))
        return .section(
            .class("summary"), .attribute(named: "aria-labelledby", value: "readiness-heading"),
            .h2(.id("readiness-heading"), safeText("Readiness")),
            .div(
                .class("readiness"),
                ScoreGauge(score: assessment.score, band: assessment.band).node(),
                .div(
                    .class("verdict"),
                    .p(.class("big"), .bandBadge(assessment.band)),
                    .p(.class("big"), safeText("Score "), .strong(safeText(HTMLNumber.score(assessment.score))), safeText(" out of 100")),
                    .p(months),
                    .p(mustHaves),
                    .p(safeText("Criteria met: \(metCount) of \(assessment.criteria.count)")))))
    }

    private var pointsChart: Body {
        let earned = assessment.criteria.reduce(0) { $0 + $1.earned }
        let possible = assessment.criteria.reduce(0) { $0 + $1.weight }
        let bars = assessment.criteria.map {
            CriterionBarChart.Bar(label: $0.label, earned: $0.earned, possible: $0.weight, met: $0.met, mustHave: $0.mustHave)
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "points-heading"),
            .h2(.id("points-heading"), safeText("Points by criterion")),
            .element(named: "figure", nodes: [
                CriterionBarChart(bars: bars).node(),
                .element(named: "figcaption", nodes: [safeText(
                    "Filled bar: points earned; outline: points possible. In all \(HTMLNumber.score(earned)) of \(HTMLNumber.score(possible)) points.")]),
            ]))
    }

    private var gaps: Body {
        let unmet = assessment.topGaps
        guard !unmet.isEmpty else {
            return .section(
                .attribute(named: "aria-labelledby", value: "gaps-heading"),
                .h2(.id("gaps-heading"), safeText("Gaps to close")),
                .p(safeText("None: every criterion is met.")))
        }
        let rows: [Node<HTML.TableContext>] = unmet.map { result in
            .tr(
                .th(.attribute(named: "scope", value: "row"), safeText(result.label),
                    .if(result.mustHave, .group(.br(), .span(.class("status unmet must"), safeText("✗ must have"))))),
                .td(safeText(resume(result.gap ?? "not met"))),
                .td(.class("num"), safeText(HTMLNumber.score(result.weight - result.earned))),
                .td(.class("num"), safeText(result.monthsToClose.map { "about \(HTMLNumber.months($0))" } ?? "—")))
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "gaps-heading"),
            .h2(.id("gaps-heading"), safeText("Gaps to close")),
            .table(
                .caption(safeText("Unmet criteria, most points lost first")),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), safeText("Criterion")),
                    .th(.attribute(named: "scope", value: "col"), safeText("What is missing")),
                    .th(.attribute(named: "scope", value: "col"), .class("num"), safeText("Points lost")),
                    .th(.attribute(named: "scope", value: "col"), .class("num"), safeText("Time to close")))),
                .tbody(.group(HTMLPage.lines(rows)))))
    }

    private var advice: Body {
        let items: [Node<HTML.ListContext>] = assessment.advice.map { advice in
            .li(.id("advice-\(anchor(advice.id))"), .code(safeText(advice.id)), safeText(" " + resume(advice.text)))
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "advice-heading"),
            .h2(.id("advice-heading"), safeText("Advice")),
            items.isEmpty ? .p(safeText("No advice: nothing to add.")) : .ol(.class("advice"), .group(HTMLPage.lines(items))))
    }

    private var evidence: Body {
        let articles: [Body] = assessment.criteria.map { result in
            let items: [Node<HTML.ListContext>] = result.evidence.map {
                .li(safeText(resume($0.text)), .span(.class("where"), safeText($0.location)))
            }
            var parts: [Body] = [
                .div(
                    .class("criterion-head"),
                    .h3(safeText(result.label)),
                    .status(met: result.met, mustHave: result.mustHave),
                    .span(.class("points"), safeText("\(HTMLNumber.score(result.earned)) of \(HTMLNumber.score(result.weight)) points")),
                    .span(.class("muted"), safeText(result.kind))),
                items.isEmpty
                    ? .p(.class("muted"), safeText("No evidence found in the résumé."))
                    : .ul(.class("evidence"), .attribute(named: "aria-label", value: "Evidence"), .group(items)),
            ]
            if let gap = result.gap {
                let time = result.monthsToClose.map { " About \(HTMLNumber.months($0)) to close." } ?? ""
                parts.append(.p(.class("gap"), .strong(safeText(result.met ? "Note:" : "Gap:")), safeText(" " + sentence(resume(gap)) + time)))
            }
            return .article(.class("criterion"), .id("criterion-\(anchor(result.id))"), .group(parts))
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "evidence-heading"),
            .h2(.id("evidence-heading"), safeText("Evidence by criterion")),
            .p(.class("muted"), safeText("Each criterion with the résumé text that supports it and the line it is on in the source file.")),
            .group(HTMLPage.lines(articles)))
    }

    private var warnings: Body {
        let items: [Node<HTML.ListContext>] = candidate.warnings.map { .li(safeText(resume($0))) }
        return .section(
            .attribute(named: "aria-labelledby", value: "warnings-heading"),
            .h2(.id("warnings-heading"), safeText("Reading warnings")),
            .ul(.group(items)))
    }

    private var footer: Body {
        let rubric = assessment.rubric
        return .footer(
            .h2(safeText("Rubric and date")),
            factList([
                ("Rubric", .code(safeText(rubric.id))),
                ("Version", safeText(rubric.version)),
                ("SHA-256", .code(safeText(rubric.sha256))),
                ("As of", safeText(assessment.asOf.description)),
            ], label: "Rubric"),
            .p(safeText("Made by readiness. This page is self-contained: it loads nothing from the network and runs no scripts.")))
    }

    // MARK: - Helpers

    private func factList(_ facts: [(String, Body)], label: String) -> Body {
        .dl(
            .class("facts"), .attribute(named: "aria-label", value: label),
            .group(facts.map { .group(.dt(safeText($0.0)), .dd($0.1)) }))
    }
}

/// Ends the text with a full stop unless it already ends in punctuation.
func sentence(_ text: String) -> String {
    guard let last = text.last, !".!?".contains(last) else { return text }
    return text + "."
}

/// An id for a fragment link: letters, digits and dashes only (criterion and advice ids have colons).
func anchor(_ id: String) -> String {
    String(id.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
}
