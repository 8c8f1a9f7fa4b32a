import Extraction
import Reporting
import Roles
@testable import Scoring

/// Hand-written assessments for the HTML golden files. They are literal on purpose (not run through the
/// Scorer): a golden file should change when the markup changes, not when a rubric weight is tuned. The
/// people are fictitious. `HTMLReportTests` also renders Scorer output for the properties that must
/// hold whatever the numbers are (blind mode, no network references, no scripts).
enum HTMLFixtures {
    static let asOf = PartialDate(year: 2026, month: 11, day: 1)
    static let sha256 = "9b1f0c3e7d4a66c8e2f5b0a1d3c7e9f4a8b6c2d0e1f3a5b7c9d8e6f4a2b0c1d3"

    static let danaPersonal = PersonalDetails(
        name: "Dana Whitfield", email: "dana.whitfield@example.org", phone: "+1 555 014 2237",
        location: "Dayton, OH", birthDate: "1991-04-12")

    /// A Senior HR Generalist of five years, informal lead of three, assessed for HR Assistant Manager.
    static let dana: Candidate = {
        var candidate = Candidate(source: "fixtures/dana-whitfield.html", format: .hResume, personal: danaPersonal)
        candidate.headline = "Senior HR Generalist, manufacturing"
        candidate.positions = [
            Position(title: "HR Generalist", employer: "Brightwater Manufacturing", start: PartialDate(year: 2021, month: 11),
                     end: PartialDate(year: 2023, month: 10), line: 20),
            Position(title: "Senior HR Generalist", employer: "Brightwater Manufacturing", start: PartialDate(year: 2023, month: 11),
                     current: true, line: 30),
        ]
        candidate.education = [Education(degree: "B.S. Business Administration", level: .bachelor, field: "Business Administration",
                                          institution: "State University", end: PartialDate(year: 2015), line: 52)]
        candidate.certifications = [Certification(name: "PHR — Professional in Human Resources", id: "PHR", date: PartialDate(year: 2022), line: 58)]
        candidate.experience = ExperienceSummary(totalMonths: 60, hrMonths: 60, managementMonths: 14, asOf: asOf)
        candidate.warnings = ["one date range could not be read and was left out (line 44)"]
        return candidate
    }()

    static let danaAssessment = Assessment(
        candidate: dana,
        role: RoleReference(id: "hr-assistant-manager", title: "HR Assistant Manager"),
        rubric: RubricReference(id: "hr-assistant-manager", version: "1", sha256: sha256),
        asOf: asOf,
        currentRole: RoleReference(id: "senior-hr-generalist", title: "Senior HR Generalist"),
        score: 77.5, band: .oneToTwoYears, monthsToReady: 12,
        criteria: [
            CriterionResult(
                id: "hr-experience", label: "Years of HR experience", kind: "experience-years", weight: 20, earned: 20,
                met: true, mustHave: true,
                evidence: [
                    Evidence(text: "Senior HR Generalist, Brightwater Manufacturing (2023-11 – present)", line: 30),
                    Evidence(text: "HR Generalist, Brightwater Manufacturing (2021-11 – 2023-10)", line: 20),
                ]),
            CriterionResult(
                id: "senior-role-experience", label: "Years in a senior specialist or generalist role", kind: "experience-years",
                weight: 10, earned: 10, met: true, mustHave: false,
                evidence: [Evidence(text: "Senior HR Generalist, Brightwater Manufacturing (3 yr)", line: 30)]),
            CriterionResult(
                id: "supervisory-experience", label: "Supervisory experience (informal lead counts)", kind: "experience-years",
                weight: 15, earned: 5, met: false, mustHave: false,
                evidence: [Evidence(
                    text: "Informal team lead for our HR coordinator and two HR assistants since September 2025: assign and review their work",
                    line: 31)],
                gap: "14 months as an informal lead; 2 years of supervision wanted (10 months short)", monthsToClose: 10),
            CriterionResult(
                id: "education", label: "Education", kind: "education", weight: 10, earned: 10, met: true, mustHave: false,
                evidence: [Evidence(text: "B.S. Business Administration (bachelor)", line: 52)]),
            CriterionResult(
                id: "certification", label: "HR certification (PHR, SHRM-CP, SPHR, SHRM-SCP)", kind: "certification",
                weight: 10, earned: 10, met: true, mustHave: false,
                evidence: [Evidence(text: "PHR — Professional in Human Resources (2022)", line: 58)]),
            CriterionResult(
                id: "hris-administration", label: "HRIS administration", kind: "competency", weight: 5, earned: 5, met: true,
                mustHave: false,
                evidence: [
                    Evidence(text: "Built monthly HRIS reports on turnover and headcount for leadership", line: 35),
                    Evidence(text: "Workday", line: 0),
                ]),
            CriterionResult(
                id: "benefits-administration", label: "Benefits administration", kind: "competency", weight: 5, earned: 5,
                met: true, mustHave: false,
                evidence: [Evidence(
                    text: "Owned benefits administration: open enrollment coordination, vendor liaison & claims dispute resolution",
                    line: 32)]),
            CriterionResult(
                id: "recruiting-support", label: "Recruiting support", kind: "competency", weight: 5, earned: 2.5, met: false,
                mustHave: false, evidence: [Evidence(text: "Recruiting", line: 0)],
                gap: "1 of 2 distinct signs found (recruiting); none of e.g. ATS, offer letter, time to fill", monthsToClose: 6),
            CriterionResult(
                id: "compliance-literacy", label: "Compliance literacy", kind: "competency", weight: 5, earned: 5, met: true,
                mustHave: false,
                evidence: [
                    Evidence(text: "Led our EEO-1 submission, reconciling Workday HRIS data against payroll records", line: 33),
                    Evidence(text: "Processed FMLA and ADA accommodation requests and maintained I-9 records", line: 22),
                    // The scorer drops lines with the name; this one stands for any that slip through, so the
                    // blind test can show the page's own redaction catches it.
                    Evidence(text: "Plant manager: \"Dana kept our <EEO-1> filing on time\"", line: 36),
                ]),
            CriterionResult(
                id: "performance-management", label: "Performance management", kind: "competency", weight: 5, earned: 0,
                met: false, mustHave: false, evidence: [],
                gap: "0 of 2 distinct signs found; none of e.g. performance review, PIP, calibration", monthsToClose: 6),
            CriterionResult(
                id: "employee-relations", label: "Employee relations program ownership", kind: "program-ownership", weight: 10,
                earned: 5, met: false, mustHave: false,
                evidence: [Evidence(text: "Handled escalated employee relations issues before they reached the HR Director", line: 34)],
                gap: "handles escalations but owns no investigation process end to end", monthsToClose: 12),
        ],
        advice: [
            Advice(id: "gap:employee-relations", text: "Employee relations program ownership: handles escalations but owns no investigation process end to end. Closing it takes about 1 year."),
            Advice(id: "gap:supervisory-experience", text: "Supervisory experience (informal lead counts): 14 months as an informal lead; 2 years of supervision wanted. Closing it takes about 10 months."),
            Advice(id: "gap:performance-management", text: "Performance management: run the next review cycle for the team you lead. Closing it takes about 6 months."),
            Advice(id: "gap:recruiting-support", text: "Recruiting support: take on requisitions end to end in the ATS. Closing it takes about 6 months."),
            Advice(id: "compensation-step", text: "The step to HR Assistant Manager typically pays 15–25% more."),
        ])

    /// An HR administrator whose résumé hides keywords, assessed for HR Generalist: the warning page.
    static let hiddenTextAssessment: Assessment = {
        var candidate = Candidate(
            source: "fixtures/sam-okafor.html", format: .html,
            personal: PersonalDetails(name: "Sam Okafor", email: "sam.okafor@example.net"),
            positions: [Position(title: "HR Administrator", employer: "Lakeside Clinic", start: PartialDate(year: 2024, month: 11), current: true, line: 14)],
            experience: ExperienceSummary(totalMonths: 24, hrMonths: 24, managementMonths: 0, asOf: asOf),
            hiddenText: true,
            warnings: ["hidden text at line 9 (display:none) was ignored"])
        candidate.skills = ["ADP"]
        return Assessment(
            candidate: candidate,
            role: RoleReference(id: "hr-generalist", title: "HR Generalist"),
            rubric: RubricReference(id: "hr-generalist", version: "2", sha256: sha256),
            asOf: asOf, currentRole: RoleReference(id: "hr-administrator", title: "HR Administrator"),
            score: 0, band: .notReady, monthsToReady: 36,
            criteria: [
                CriterionResult(
                    id: "hr-experience", label: "Years of HR experience", kind: "experience-years", weight: 60, earned: 0,
                    met: false, mustHave: true, evidence: [Evidence(text: "HR Administrator, Lakeside Clinic (2024-11 – present)", line: 14)],
                    gap: "2 years of HR experience; 3 years wanted (1 year short)", monthsToClose: 12),
                CriterionResult(
                    id: "certification", label: "A certification whose name is long enough to be shortened in the chart", kind: "certification",
                    weight: 40, earned: 0, met: false, mustHave: false, evidence: [],
                    gap: "none held", monthsToClose: 36),
            ],
            advice: [])
    }()

    // MARK: - Batch

    static let batchRubric = Rubric(
        id: "hr-assistant-manager", role: "hr-assistant-manager", title: "HR Assistant Manager", version: "1",
        bands: .standard,
        criteria: [
            criterion("hr-experience", "Years of HR experience", 30, mustHave: true),
            criterion("supervisory-experience", "Supervisory experience", 20),
            criterion("education", "Education", 15),
            criterion("certification", "HR certification", 15),
            criterion("compliance-literacy", "Compliance literacy", 10),
            criterion("hr-reporting", "HR reporting", 10),
        ],
        sha256: sha256)

    private static func criterion(_ id: String, _ label: String, _ weight: Double, mustHave: Bool = false) -> Criterion {
        Criterion(id: id, label: label, weight: weight, mustHave: mustHave,
                  rule: .competency(CompetencyRule(group: id, terms: [label], full: 1, partial: 1)))
    }

    /// One batch candidate: points per criterion (rubric order) and which are met; the score is the sum.
    struct BatchPerson {
        var name: String
        var file: String
        var title: String
        var earned: [Double]
        var unmet: Set<String> = []
        var band: ReadinessBand
        var months: Int
        var hiddenText = false
    }

    static let batchPeople: [BatchPerson] = [
        BatchPerson(name: "Avery Lindqvist", file: "inbox/avery-lindqvist.html", title: "HR Assistant Manager",
                    earned: [30, 20, 15, 15, 10, 4], unmet: ["hr-reporting"], band: .readyNow, months: 0),
        BatchPerson(name: "Dana Whitfield", file: "inbox/dana-whitfield.html", title: "Senior HR Generalist",
                    earned: [30, 12, 15, 15, 10, 5], unmet: ["supervisory-experience", "hr-reporting"], band: .readyNow, months: 0),
        BatchPerson(name: "Rosa Delgado-Marsh", file: "inbox/rosa-delgado-marsh.xml", title: "Senior HR Generalist",
                    earned: [30, 10, 15, 0, 10, 5], unmet: ["supervisory-experience", "certification", "hr-reporting"],
                    band: .oneToTwoYears, months: 6),
        BatchPerson(name: "Kenji Watanabe", file: "inbox/kenji-watanabe.html", title: "HR Business Partner",
                    earned: [30, 5, 15, 7.5, 10, 5], unmet: ["supervisory-experience", "certification", "hr-reporting"],
                    band: .oneToTwoYears, months: 12),
        BatchPerson(name: "Priya Raman", file: "inbox/priya-raman.html", title: "HR Generalist",
                    earned: [20, 10, 15, 15, 5, 0], unmet: ["hr-experience", "supervisory-experience", "compliance-literacy", "hr-reporting"],
                    band: .oneToTwoYears, months: 18),
        BatchPerson(name: "Tomasz Nowak", file: "inbox/tomasz-nowak.xml", title: "HR Generalist",
                    earned: [20, 0, 15, 7.5, 10, 5], unmet: ["hr-experience", "supervisory-experience", "certification", "hr-reporting"],
                    band: .threeToFiveYears, months: 24, hiddenText: true),
        BatchPerson(name: "Grace Mbeki", file: "inbox/grace-mbeki.html", title: "Recruiter",
                    earned: [15, 10, 15, 0, 5, 5], unmet: ["hr-experience", "supervisory-experience", "certification", "compliance-literacy", "hr-reporting"],
                    band: .threeToFiveYears, months: 30),
        BatchPerson(name: "Liam O'Connor", file: "inbox/liam-oconnor.html", title: "HR Coordinator",
                    earned: [15, 0, 15, 7.5, 5, 0], unmet: ["hr-experience", "supervisory-experience", "certification", "compliance-literacy", "hr-reporting"],
                    band: .threeToFiveYears, months: 36),
        BatchPerson(name: "Mei-Ling Zhou", file: "inbox/mei-ling-zhou.html", title: "HR Administrator",
                    earned: [10, 0, 15, 0, 5, 5], unmet: ["hr-experience", "supervisory-experience", "certification", "compliance-literacy", "hr-reporting"],
                    band: .notReady, months: 48),
        BatchPerson(name: "Noah Fischer", file: "inbox/noah-fischer.html", title: "Office Manager",
                    earned: [5, 10, 7.5, 0, 0, 5], unmet: ["hr-experience", "supervisory-experience", "education", "certification", "compliance-literacy", "hr-reporting"],
                    band: .notReady, months: 48),
        BatchPerson(name: "Ines Carvalho", file: "inbox/ines-carvalho.html", title: "Payroll Clerk",
                    earned: [5, 0, 7.5, 0, 0, 0], unmet: ["hr-experience", "supervisory-experience", "education", "certification", "compliance-literacy", "hr-reporting"],
                    band: .notReady, months: 60),
    ]

    static func batchRow(_ person: BatchPerson, blind: Bool = false) -> BatchRow {
        let criteria = zip(batchRubric.criteria, person.earned).map { criterion, earned in
            CriterionResult(
                id: criterion.id, label: criterion.label, kind: "competency", weight: criterion.weight, earned: earned,
                met: !person.unmet.contains(criterion.id), mustHave: criterion.mustHave, evidence: [],
                gap: person.unmet.contains(criterion.id) ? "not met" : nil)
        }
        var candidate = Candidate(source: person.file, format: .html, personal: PersonalDetails(name: person.name), hiddenText: person.hiddenText)
        candidate.positions = [Position(title: person.title, current: true, line: 10)]
        let assessment = Assessment(
            candidate: candidate,
            role: RoleReference(id: batchRubric.role, title: batchRubric.title),
            rubric: RubricReference(id: batchRubric.id, version: batchRubric.version, sha256: batchRubric.sha256),
            asOf: asOf, currentRole: nil,
            score: person.earned.reduce(0, +), band: person.band, monthsToReady: person.months,
            criteria: criteria, advice: [])
        return BatchRow(assessment: assessment, file: person.file, blind: blind)
    }

    /// Rows ranked as `readiness batch` ranks them: scored by score, then the failed files, ranks 1… for
    /// scored rows only.
    static func rankedBatchRows(blind: Bool = false) -> [(row: BatchRow, rank: Int?)] {
        let failed = [
            BatchRow(failedFile: "inbox/scan-0042.html", role: batchRubric.role, reason: "not a résumé: no visible text"),
            BatchRow(failedFile: "inbox/broken <draft>.xml", role: batchRubric.role, reason: "malformed XML at line 12: expected '>'"),
        ]
        var rank = 0
        return BatchRow.ranked(batchPeople.map { batchRow($0, blind: blind) } + failed).map { row in
            guard row.score != nil else { return (row, nil) }
            rank += 1
            return (row, rank)
        }
    }
}
