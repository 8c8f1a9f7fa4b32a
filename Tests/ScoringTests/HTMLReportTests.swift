import Extraction
import Foundation
@testable import Reporting
import Roles
import Scoring
import Testing

/// The pages the golden files hold, also screenshotted by `HTMLScreenshotTests`.
enum GoldenPage: String, CaseIterable, Sendable {
    case report = "report.html"
    case reportBlind = "report-blind.html"
    case reportHiddenText = "report-hidden-text.html"
    case batchOverview = "batch-overview.html"

    func render() -> String {
        switch self {
        case .report: HTMLReporter().render(HTMLFixtures.danaAssessment, blind: false)
        case .reportBlind: HTMLReporter().render(HTMLFixtures.danaAssessment, blind: true)
        case .reportHiddenText: HTMLReporter().render(HTMLFixtures.hiddenTextAssessment, blind: false)
        case .batchOverview:
            BatchOverviewPage(rubric: HTMLFixtures.batchRubric, asOf: HTMLFixtures.asOf, blind: false)
                .render(HTMLFixtures.rankedBatchRows())
        }
    }
}

@Suite struct HTMLReportTests {
    // MARK: Golden files (re-record: READINESS_RECORD_GOLDEN=1 swift test --filter HTMLReportTests)

    @Test(arguments: GoldenPage.allCases)
    func pageMatchesItsGoldenFile(_ page: GoldenPage) throws {
        try GoldenFile.check(page.render(), against: page.rawValue)
    }

    @Test func renderingTwiceGivesTheSameBytes() {
        #expect(GoldenPage.report.render() == GoldenPage.report.render())
        #expect(GoldenPage.batchOverview.render() == GoldenPage.batchOverview.render())
    }

    // MARK: Blind mode

    /// Everything that identifies Dana in the fixture: her details, each part of her name, the file name
    /// that carries it, and her graduation year.
    static let danaIdentifiers = [
        "Dana Whitfield", "Dana", "Whitfield", "dana.whitfield@example.org", "+1 555 014 2237", "Dayton, OH", "Dayton", "1991-04-12",
    ]

    @Test func blindReportLeavesOutEveryPersonalDetail() {
        let page = RenderedPage(HTMLReporter().render(HTMLFixtures.danaAssessment, blind: true))
        for identifier in Self.danaIdentifiers {
            #expect(!page.containsIgnoringCase(identifier), "blind page shows \(identifier)")
        }
        #expect(!Self.words(of: page.html).contains("2015"), "blind page shows the graduation year")
        // The evidence line quoting her by name is kept, with the name taken out.
        #expect(page.contains("Plant manager: &quot;[redacted] kept our &lt;EEO-1&gt; filing on time&quot;"))
    }

    @Test func ordinaryReportShowsTheDetailsBlindModeRemoves() {
        // Proves the blind test above would notice: the same page without blind shows them.
        let page = RenderedPage(HTMLReporter().render(HTMLFixtures.danaAssessment, blind: false))
        for identifier in ["Dana Whitfield", "dana.whitfield@example.org", "+1 555 014 2237", "Dayton, OH", "fixtures/dana-whitfield.html"] {
            #expect(page.contains(identifier), "page lacks \(identifier)")
        }
    }

    @Test func blindReportOfAScoredCandidateHasNoPersonalData() throws {
        let details = PersonalDetails(
            name: "Jordan Ellery", email: "jordan.ellery@example.com", phone: "(937) 555-0199", location: "Springfield, Ohio",
            birthDate: "1988-02-29")
        var candidate = CandidateBuilder(asOf: People.asOf).personal(details).build()
        let generalist = People.coverLetterGeneralist
        candidate.positions = generalist.positions
        candidate.education = generalist.education  // graduated 2015
        candidate.certifications = generalist.certifications
        candidate.skills = generalist.skills
        candidate.experience = generalist.experience
        candidate.evidence = [EvidenceText("Jordan Ellery — Senior HR Generalist, Springfield, Ohio", line: 2, section: .summary)]
        let rubric = try #require(SharedCatalog.builtIn.rubric(for: "hr-assistant-manager"))
        let assessment = Scorer(catalog: SharedCatalog.builtIn).assess(candidate, against: rubric, asOf: People.asOf)
        let page = RenderedPage(HTMLReporter().render(assessment, blind: true))
        for identifier in ["Jordan", "Ellery", "jordan.ellery@example.com", "(937) 555-0199", "Springfield", "1988-02-29"] {
            #expect(!page.containsIgnoringCase(identifier), "blind page shows \(identifier)")
        }
        #expect(!Self.words(of: page.html).contains("2015"), "blind page shows the graduation year")
        Self.expectSelfContained(page)
    }

    @Test func blindBatchOverviewHasNoNames() {
        let page = RenderedPage(BatchOverviewPage(rubric: HTMLFixtures.batchRubric, asOf: HTMLFixtures.asOf, blind: true)
            .render(HTMLFixtures.rankedBatchRows(blind: true)))
        for person in HTMLFixtures.batchPeople {
            #expect(!page.contains(escapeHTML(person.name)), "blind overview shows \(person.name)")
        }
        #expect(page.contains("Candidate 1"))
    }

    // MARK: Self-contained and accessible

    @Test(arguments: GoldenPage.allCases)
    func pageIsSelfContainedAndAccessible(_ page: GoldenPage) {
        let html = RenderedPage(page.render())
        Self.expectSelfContained(html)
        #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"UTF-8\"/>") || html.contains("<meta charset=\"utf-8\"/>"))
        #expect(html.count("<h1") == 1)
        #expect(html.contains("@media print") && html.contains("@page"))
        // Every chart is an image with a name; every table has a caption and scoped headers.
        #expect(html.count("<svg") >= 1)
        #expect(html.count("<svg") == html.count("role=\"img\""))
        #expect(html.count("<svg") <= html.count("aria-labelledby=\""))
        #expect(html.count("<table") == html.count("<caption>"))
        #expect(html.count("<th") - html.count("<thead") == html.count("<th scope=\""))
        // Every in-page link has its target.
        for target in html.linkTargets {
            #expect(html.contains("id=\"\(target)\""), "no element with id \(target)")
        }
    }

    static func expectSelfContained(_ html: RenderedPage, sourceLocation: SourceLocation = #_sourceLocation) {
        for forbidden in ["http://", "https://", "<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "//fonts"] {
            #expect(!html.containsIgnoringCase(forbidden), "page contains \(forbidden)", sourceLocation: sourceLocation)
        }
        #expect(html.html.components(separatedBy: "href=\"").dropFirst().allSatisfy { $0.hasPrefix("#") },
                "every link stays inside the page", sourceLocation: sourceLocation)
    }

    // MARK: Content

    @Test func reportShowsScoreBandMonthsEvidenceLinesGapsAdviceAndRubric() {
        let assessment = HTMLFixtures.danaAssessment
        let page = RenderedPage(HTMLReporter().render(assessment, blind: false))
        #expect(page.contains("<strong>77.5</strong> out of 100"))
        #expect(page.contains("◕ Ready in 1–2 years"))
        #expect(page.contains("About <strong>12 months</strong> to ready"))
        #expect(page.contains("Score 77.5 out of 100: Ready in 1–2 years."), "gauge description")
        // Evidence with its source line, from the fixture: the informal-lead line is line 31.
        #expect(page.contains("Informal team lead for our HR coordinator and two HR assistants since September 2025: assign and review their work<span class=\"where\">line 31</span>"))
        #expect(page.contains("Workday<span class=\"where\">derived</span>"))
        for result in assessment.criteria {
            #expect(page.contains(escapeHTML(result.label)))
            for evidence in result.evidence where evidence.line > 0 {
                #expect(page.contains("<span class=\"where\">line \(evidence.line)</span>"))
            }
        }
        // Gaps, most points lost first: employee relations and supervision (5 and 10 lost) lead.
        let supervision = page.range(of: "<th scope=\"row\">Supervisory experience")
        let relations = page.range(of: "<th scope=\"row\">Employee relations program ownership")
        let performance = page.range(of: "<th scope=\"row\">Performance management")
        #expect(supervision != nil && relations != nil && performance != nil)
        if let supervision, let relations, let performance {
            #expect(supervision.lowerBound < relations.lowerBound && relations.lowerBound < performance.lowerBound)
        }
        for advice in assessment.advice {
            #expect(page.contains("<code>\(advice.id)</code>"))
        }
        #expect(page.contains("<code>\(HTMLFixtures.sha256)</code>"))
        #expect(page.contains("<dt>As of</dt><dd>2026-11-01</dd>"))
        #expect(page.contains("<dt>Version</dt><dd>1</dd>"))
        #expect(!page.contains("hidden-text-heading"), "no hidden-text warning without hidden text")
    }

    @Test func hiddenTextIsWarnedAboutBeforeTheScore() throws {
        let page = RenderedPage(HTMLReporter().render(HTMLFixtures.hiddenTextAssessment, blind: false))
        let warning = try #require(page.range(of: "⚠ Warning: this résumé hides text from human readers"))
        let score = try #require(page.range(of: "id=\"readiness-heading\""))
        #expect(warning.lowerBound < score.lowerBound)
        #expect(page.contains("No advice: nothing to add."))
        #expect(page.contains("A certification whose name is long enough to be…"), "chart label shortened")
    }

    @Test func resumeTextIsEscaped() {
        let page = RenderedPage(HTMLReporter().render(HTMLFixtures.danaAssessment, blind: false))
        #expect(page.contains("vendor liaison &amp; claims dispute resolution"))
        #expect(page.contains("&lt;EEO-1&gt;"))
        #expect(!page.contains("<EEO-1>"))
    }

    @Test func batchOverviewLinksEveryRowToItsSectionAndListsFailures() {
        let page = RenderedPage(GoldenPage.batchOverview.render())
        let people = HTMLFixtures.batchPeople.count
        for rank in 1...people {
            #expect(page.contains("<a href=\"#row-\(rank)\">"))
            #expect(page.contains("<section class=\"candidate\" id=\"row-\(rank)\""))
        }
        #expect(!page.contains("id=\"row-\(people + 1)\""), "failed files get no section")
        // Highest score first: Avery (94) is 1, Ines (12.5) last.
        #expect(page.contains("<a href=\"#row-1\">Avery Lindqvist</a>"))
        #expect(page.contains("<a href=\"#row-\(people)\">Ines Carvalho</a>"))
        // Failed files with their reasons, escaped.
        #expect(page.contains("inbox/broken &lt;draft&gt;.xml"))
        #expect(page.contains("malformed XML at line 12: expected &#39;&gt;&#39;"))
        #expect(page.contains("not a résumé: no visible text"))
        // Counts per band from the fixture: 2 ready now, 3 in 1–2 years, 3 in 3–5 years, 3 not ready.
        for (band, count) in [("Ready now", 2), ("Ready in 1–2 years", 3), ("Ready in 3–5 years", 3), ("Not ready", 3)] {
            #expect(page.contains("\(band)</th><td class=\"num\">\(count)</td>"), "\(band): \(count)")
        }
        #expect(page.contains("⚠ hidden text"), "Tomasz's hidden-text flag")
    }

    @Test func histogramBinsByTheScoreThePageShows() {
        // Fixture scores: 94, 87, 72.5, 70, 65, 57.5, 50, 42.5, 35, 27.5, 12.5.
        let scores = HTMLFixtures.batchPeople.map { $0.earned.reduce(0, +) }
        #expect(ScoreHistogram.bins(scores) == [0, 1, 1, 1, 1, 2, 1, 2, 1, 1])
        // 100 goes in the last bin; 9.96 prints as "10" so it counts under 10–19.
        #expect(ScoreHistogram.bins([100, 99.96, 9.96, 9.94, 0]) == [2, 1, 0, 0, 0, 0, 0, 0, 0, 2])
        #expect(ScoreHistogram.binLabel(0) == "0–9" && ScoreHistogram.binLabel(9) == "90–100")
        #expect([0, 1, 3, 7, 10, 11, 24, 60, 101].map(ScoreHistogram.niceCeiling) == [1, 1, 5, 10, 10, 20, 50, 100, 200])
    }

    @Test func redactionReplacesLongestNeedleFirstAndNeverLoops() {
        let redaction = BlindRedaction(PersonalDetails(name: "Red Actor", email: "red@example.org"), enabled: true)
        #expect(redaction.clean("Red Actor and red tape; mail red@example.org") == "[redacted] and [redacted] tape; mail [redacted]")
        #expect(BlindRedaction(PersonalDetails(name: "Red Actor"), enabled: false).clean("Red Actor") == "Red Actor")
    }

    // MARK: Helpers

    /// Alphanumeric runs, so "2015" is found as a year but not inside a hash such as "…a2015b…".
    static func words(of text: String) -> Set<String> {
        Set(text.split { !($0.isLetter || $0.isNumber) }.map(String.init))
    }
}

/// A rendered page that prints as its length in a failed expectation, not as 20 KB of HTML.
struct RenderedPage: CustomTestStringConvertible {
    let html: String

    init(_ html: String) {
        self.html = html
    }

    var testDescription: String { "the page (\(html.count) characters)" }

    func contains(_ text: String) -> Bool { html.contains(text) }
    func containsIgnoringCase(_ text: String) -> Bool { html.localizedCaseInsensitiveContains(text) }
    func range(of text: String) -> Range<String.Index>? { html.range(of: text) }
    func hasPrefix(_ text: String) -> Bool { html.hasPrefix(text) }
    func count(_ needle: String) -> Int { html.components(separatedBy: needle).count - 1 }

    /// The targets of in-page links (`href="#…"`).
    var linkTargets: [String] {
        html.components(separatedBy: "href=\"#").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }
}
