import Extraction

/// Hand-built candidates for scoring tests: the scorer is tested on records, apart from parsing.
struct CandidateBuilder {
    var candidate = Candidate(source: "test.html", format: .html)
    let asOf: PartialDate

    init(asOf: PartialDate = PartialDate(year: 2026, month: 11, day: 1)) {
        self.asOf = asOf
    }

    func position(
        _ title: String, at employer: String, from start: String, to end: String?, duties: [String] = []
    ) -> CandidateBuilder {
        var copy = self
        let line = 10 + copy.candidate.positions.count * 10
        copy.candidate.positions.append(Position(
            title: title, employer: employer, start: PartialDate(iso: start), end: end.flatMap { PartialDate(iso: $0) },
            current: end == nil, description: duties.joined(separator: " "),
            duties: duties.enumerated().map { EvidenceText($1, line: line + 1 + $0, section: .position) }, line: line))
        return copy
    }

    func degree(_ degree: String, _ level: EducationLevel, field: String, graduated: String = "2015") -> CandidateBuilder {
        var copy = self
        copy.candidate.education.append(Education(degree: degree, level: level, field: field, institution: "State University", end: PartialDate(iso: graduated), line: 90))
        return copy
    }

    func certification(_ name: String, _ id: String, year: Int) -> CandidateBuilder {
        var copy = self
        copy.candidate.certifications.append(Certification(name: name, id: id, date: PartialDate(year: year), line: 95))
        return copy
    }

    func skills(_ skills: [String]) -> CandidateBuilder {
        var copy = self
        copy.candidate.skills += skills
        return copy
    }

    func personal(_ details: PersonalDetails) -> CandidateBuilder {
        var copy = self
        copy.candidate.personal = details
        return copy
    }

    func build() -> Candidate {
        var result = candidate
        result.experience = ExperienceCalculator.summary(of: result.positions, asOf: asOf)
        return result
    }
}

enum People {
    static let asOf = PartialDate(year: 2026, month: 11, day: 1)

    /// The seed's sample cover letter: Senior HR Generalist, five years of HR, 14 months as informal lead
    /// of an HR coordinator and two HR assistants, owns benefits administration, led the EEO-1 filing,
    /// holds the PHR.
    static let coverLetterGeneralist = CandidateBuilder(asOf: asOf)
        .position("HR Generalist", at: "Brightwater Manufacturing", from: "2021-11", to: "2023-10", duties: [
            "Handled employee inquiries, onboarding and new hire orientation for 300 employees",
            "Processed FMLA and ADA accommodation requests and maintained I-9 records",
        ])
        .position("Senior HR Generalist", at: "Brightwater Manufacturing", from: "2023-11", to: nil, duties: [
            "Informal team lead for our HR coordinator and two HR assistants since September 2025: assign and review their work",
            "Owned benefits administration: open enrollment coordination, vendor liaison and claims dispute resolution",
            "Led our EEO-1 submission, reconciling Workday HRIS data against payroll records and filing on time",
            "Handled escalated employee relations issues before they reached the HR Director",
            "Built monthly HRIS reports on turnover and headcount for leadership",
        ])
        .degree("B.S. Business Administration", .bachelor, field: "Business Administration")
        .certification("PHR — Professional in Human Resources", "PHR", year: 2022)
        .skills(["Workday", "ADP", "FMLA", "FLSA", "Recruiting", "Open enrollment"])
        .build()

    /// An HR administrator two years in.
    static let juniorAdministrator = CandidateBuilder(asOf: asOf)
        .position("HR Administrator", at: "Lakeside Clinic", from: "2024-11", to: nil, duties: [
            "Maintained employee records and processed new hires in ADP",
            "Answered employee questions about benefits and policies",
        ])
        .degree("A.A.S. Business", .associate, field: "Business")
        .build()

    /// An assistant manager of nearly five years with three direct reports, SHRM-CP and an MBA.
    static let seasonedAssistantManager = CandidateBuilder(asOf: asOf)
        .position("HR Generalist", at: "Northfield Health", from: "2014-06", to: "2018-05", duties: [
            "Supported recruiting, onboarding and benefits enrollment",
        ])
        .position("Senior HR Generalist", at: "Northfield Health", from: "2018-06", to: "2021-12", duties: [
            "Led open enrollment and administered benefits programs for 900 employees",
        ])
        .position("HR Assistant Manager", at: "Northfield Health", from: "2022-01", to: nil, duties: [
            "Supervise three direct reports: an HR coordinator, an HR administrator and a recruiter",
            "Own the compliance calendar: EEO-1 reporting, AAP updates, I-9 audits and state filings",
            "Partner with the HR Manager on performance review cycles, merit increases and compensation benchmarking",
            "Handle escalated employee relations investigations and corrective action",
            "Administer Workday and ADP; build HR dashboards on turnover, headcount and time to fill",
            "Represent HR with department heads and the leadership team in the HR Manager's absence",
            "Coached and mentored staff and ran performance reviews for my team",
        ])
        .degree("MBA, Human Resource Management", .master, field: "Human Resource Management", graduated: "2017")
        .degree("B.A. Psychology", .bachelor, field: "Psychology", graduated: "2013")
        .certification("SHRM Certified Professional (SHRM-CP)", "SHRM-CP", year: 2019)
        .build()

    /// A recruiter whose best match is executive recruiting.
    static let executiveSearchRecruiter = CandidateBuilder(asOf: asOf)
        .position("Recruiter", at: "Talentbridge Partners", from: "2015-03", to: "2019-02", duties: [
            "Full-cycle recruiting for sales and finance roles using Greenhouse and LinkedIn Recruiter",
        ])
        .position("Senior Executive Recruiter", at: "Harlow & Vance Executive Search", from: "2019-03", to: nil, duties: [
            "Lead retained executive searches for VP, C-suite and board roles",
            "Source and assess passive candidates; present shortlists to CEOs and boards",
            "Negotiate offers and compensation packages with senior executives",
            "Build long-term client relationships and business development with private equity firms",
        ])
        .degree("B.A. Communications", .bachelor, field: "Communications")
        .build()
}
