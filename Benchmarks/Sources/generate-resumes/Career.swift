/// A month of a year; careers are generated at month precision and written in the file's date form.
struct YearMonth: Comparable {
    var year: Int
    var month: Int

    static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    func adding(months: Int) -> YearMonth {
        let total = year * 12 + (month - 1) + months
        return YearMonth(year: total / 12, month: total % 12 + 1)
    }
}

struct Job {
    var title: String
    var employer: String
    var city: String
    var region: String
    var start: YearMonth
    /// nil: still held ("Present").
    var end: YearMonth?
    var duties: [String]
}

struct Degree {
    var name: String
    var hrxmlType: String
    var field: String
    var school: String
    var year: Int
}

struct Certificate {
    var name: String
    var short: String
    var issuer: String
    var year: Int
}

/// One fictitious person's résumé content, independent of how it is written out.
struct ResumeContent {
    var givenName: String
    var middleInitial: String?
    var familyName: String
    var city: String
    var region: String
    var email: String
    var phone: String
    var headline: String
    var summary: String
    /// Most recent first.
    var jobs: [Job]
    var degrees: [Degree]
    var certificates: [Certificate]
    var skills: [String]

    var fullName: String {
        [givenName, middleInitial, familyName].compactMap { $0 }.joined(separator: " ")
    }
}

/// Builds plausible HR careers. Dates are fixed relative to `CareerBuilder.now`, never the clock, so the
/// files do not change from one day to the next.
struct CareerBuilder {
    static let now = YearMonth(year: 2026, month: 9)

    var random: RandomSource

    mutating func resume() -> ResumeContent {
        let given = random.pick(WordLists.givenNames)
        let family = random.pick(WordLists.familyNames)
        let middle = random.chance(25) ? random.pick(WordLists.middleInitials) : nil
        let home = random.pick(WordLists.places)
        let emailName = (asciiFolded(given) + "." + asciiFolded(family)).lowercased()
        let email = emailName + "@" + random.pick(WordLists.emailDomains)
        let phone = "(\(random.int(200...989))) 555-01\(random.int(10...99))"

        let jobs = career(home: home)
        let years = max(1, (Self.now.year * 12 + Self.now.month - (jobs.last!.start.year * 12 + jobs.last!.start.month)) / 12)
        let summary = fill(random.pick(WordLists.summaries), title: jobs[0].title, years: years)

        var degrees: [Degree] = []
        let firstStart = jobs.last!.start.year
        let degreeCount = random.weighted([10, 65, 25])
        var graduation = firstStart - random.int(0...2)
        for index in 0..<degreeCount {
            let kind = index == 0 ? random.pick(Array(WordLists.degrees.filter { $0.hrxmlType != "masters" }))
                : random.pick(Array(WordLists.degrees.filter { $0.hrxmlType == "masters" }))
            let year = index == 0 ? graduation : min(Self.now.year, graduation + random.int(3...9))
            degrees.append(Degree(name: kind.name, hrxmlType: kind.hrxmlType, field: kind.field, school: random.pick(WordLists.schools), year: year))
            graduation = year
        }
        degrees.reverse()

        let certificateCount = random.weighted([30, 40, 22, 8])
        let certificates = random.sample(WordLists.certifications, certificateCount).map {
            Certificate(name: $0.name, short: $0.short, issuer: $0.issuer, year: random.int(max(firstStart, 2008)...Self.now.year))
        }.sorted { $0.year > $1.year }

        let skills = random.sample(WordLists.skills, random.int(4...9))
            + random.sample(WordLists.hrSystems, random.int(1...3))
            + random.sample(WordLists.compliance, random.int(1...4))
        var headline = jobs[0].title
        if let first = certificates.first, random.chance(40) { headline += " · " + first.short }
        return ResumeContent(
            givenName: given, middleInitial: middle, familyName: family, city: home.city, region: home.region,
            email: email, phone: phone, headline: headline, summary: summary, jobs: jobs, degrees: degrees,
            certificates: certificates, skills: skills)
    }

    /// 2–6 jobs going back from now, climbing the ladder towards the current one.
    private mutating func career(home: (city: String, region: String)) -> [Job] {
        let count = random.int(2...6)
        var rung = random.weighted([4, 6, 6, 6, 12, 12, 10, 12, 16, 8, 8])
        var end: YearMonth? = random.chance(78) ? nil : Self.now.adding(months: -random.int(1...20))
        var employer = employerName()
        var place = random.chance(70) ? home : random.pick(WordLists.places)
        var jobs: [Job] = []
        for index in 0..<count {
            let months = random.int(8...62)
            let until = end ?? Self.now
            let start = until.adding(months: -months)
            jobs.append(Job(
                title: title(atRung: rung), employer: employer, city: place.city, region: place.region,
                start: start, end: end, duties: []))
            for _ in 0..<random.int(2...6) { jobs[index].duties.append(duty(forRung: rung)) }
            // The job before: often at the same employer one rung or two down, else elsewhere.
            end = start.adding(months: -random.int(0...4))
            rung = max(0, rung - random.weighted([25, 50, 25]))
            if !random.chance(40) {
                employer = employerName()
                place = random.chance(60) ? home : random.pick(WordLists.places)
            }
        }
        return jobs
    }

    private mutating func title(atRung rung: Int) -> String {
        if random.chance(25) {
            let near = WordLists.sideTitles.filter { abs($0.rung - rung) <= 1 }
            if !near.isEmpty { return random.pick(near).title }
        }
        return WordLists.ladder[rung]
    }

    private mutating func employerName() -> String {
        random.pick(WordLists.employerStems) + " " + random.pick(WordLists.employerKinds)
    }

    /// A duty line; supervision duties only from the assistant-manager rung up.
    mutating func duty(forRung rung: Int) -> String {
        var template = random.pick(WordLists.duties)
        while rung < 7 && template.contains("{reports}") { template = random.pick(WordLists.duties) }
        return fill(template, title: "", years: 0)
    }

    /// Replaces each `{key}` with a value drawn for it (simple scanning: no regular expressions).
    mutating func fill(_ template: String, title: String, years: Int) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            output += rest[..<open]
            let key = rest[rest.index(after: open)..<close]
            output += value(for: key, title: title, years: years)
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return output
    }

    private mutating func value(for key: Substring, title: String, years: Int) -> String {
        switch key {
        case "programme", "programme2": return random.pick(WordLists.programmes)
        case "hris": return random.pick(WordLists.hrSystems)
        case "compliance": return random.pick(WordLists.compliance)
        case "headcount": return String(random.pick([85, 140, 220, 350, 480, 640, 900, 1_100, 1_800, 2_400, 3_500]))
        case "reports": return String(random.int(2...9))
        case "reportRole": return random.pick(WordLists.reportRoles)
        case "sites": return String(random.int(2...14))
        case "cases": return String(random.int(12...90))
        case "module": return random.pick(WordLists.modules)
        case "openings": return String(random.int(20...240))
        case "percent": return String(random.int(3...35))
        case "budget": return String(random.int(80...2_400))
        case "vendors": return String(random.int(2...8))
        case "managers": return String(random.int(12...160))
        case "senior": return random.pick(WordLists.seniors)
        case "policies": return String(random.int(3...14))
        case "industry": return random.pick(WordLists.industries)
        case "title": return title
        case "years": return String(years)
        default: return String(key)
        }
    }

    private func asciiFolded(_ text: String) -> String {
        let folds: [Character: String] = ["ë": "e", "é": "e", "í": "i", "ć": "c"]
        return String(text.flatMap { folds[$0] ?? String($0) })
    }
}
