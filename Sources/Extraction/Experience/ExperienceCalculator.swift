/// Works out months of experience from positions, relative to an as-of date: total (overlapping jobs
/// merged, never double-counted), in HR, and in management (supervisory titles, or duties that say so,
/// from the date they give: "informal lead since September 2025").
public enum ExperienceCalculator {
    public static func summary(of positions: [Position], asOf: PartialDate) -> ExperienceSummary {
        // One pass over the positions where they lie: each `compactMap` and the `filter` copied every
        // position (a retain of each of its strings and its duties, and a release when done), and the
        // `filter` built an array of the copies. A position's span is the same for all three sums.
        var all: [Range<Int>] = []
        var hr: [Range<Int>] = []
        var management: [Range<Int>] = []
        all.reserveCapacity(positions.count)
        // The position's fields are handed on, not the position: passing `positions[index]` to a function
        // copied it (a retain of its four strings and its duties, released after), three times a position.
        for index in positions.indices {
            guard let whole = span(start: positions[index].start, end: positions[index].end, current: positions[index].current, asOf: asOf)
            else { continue }
            all.append(whole)
            if positions[index].titleIsHR
                || isHRByDuties(employer: positions[index].employer, duties: positions[index].duties) {
                hr.append(whole)
            }
            if let managed = managementSpan(whole: whole, supervisory: positions[index].titleIsSupervisory, duties: positions[index].duties) {
                management.append(managed)
            }
        }
        return ExperienceSummary(
            totalMonths: mergedMonths(all), hrMonths: mergedMonths(hr), managementMonths: mergedMonths(management), asOf: asOf)
    }

    /// Half-open month interval [start, end) covered by a position, or nil without a start date.
    public static func span(of position: Position, asOf: PartialDate) -> Range<Int>? {
        span(start: position.start, end: position.end, current: position.current, asOf: asOf)
    }

    /// `span(of:asOf:)` of a position with these dates.
    static func span(start: PartialDate?, end: PartialDate?, current: Bool, asOf: PartialDate) -> Range<Int>? {
        guard let start else { return nil }
        let startIndex = start.monthIndex
        // "Present" counts whole months up to the as-of month: Nov 2021 – present at 2026-11-01 is
        // 60 months. A closed span counts both its months: Jan – Dec 2019 is 12.
        let asOfEnd = asOf.monthIndex
        var endIndex: Int
        if current {
            endIndex = asOfEnd
        } else if let end {
            if end.month != nil {
                endIndex = end.monthIndex + 1
            } else if end.year > start.year {
                // "2017–2020": years alone count from January to January, as Textkernel does.
                endIndex = end.year * 12 + (start.month.map { $0 - 1 } ?? 0)
            } else {
                endIndex = end.year * 12 + 12
            }
        } else {
            // A start and no end, not marked current: a single-date entry. Count nothing rather than guess.
            return nil
        }
        endIndex = min(endIndex, asOfEnd)
        guard endIndex > startIndex else { return nil }
        return startIndex..<endIndex
    }

    /// Months of formal people management only: supervisory titles, or duties naming direct reports or
    /// supervision that do not call themselves informal. For roles whose profile says informal leads
    /// do not count.
    /// `formalDuties`, when given, holds each position's duties that pass `JobTitles.isFormalSupervision`
    /// (a caller that needs them too works them out once).
    public static func formalManagementMonths(of positions: [Position], asOf: PartialDate, formalDuties: [[EvidenceText]]? = nil) -> Int {
        var spans: [Range<Int>] = []
        spans.reserveCapacity(positions.count)
        // The fields are handed on, not `positions[index]` (see `summary`).
        for index in positions.indices {
            guard let whole = span(start: positions[index].start, end: positions[index].end, current: positions[index].current, asOf: asOf)
            else { continue }
            if positions[index].titleIsSupervisory {
                spans.append(whole)
                continue
            }
            let duties = formalDuties?[index] ?? positions[index].duties.filter(JobTitles.isFormalSupervision)
            if let managed = leadershipSpan(whole: whole, duties: duties) { spans.append(managed) }
        }
        return mergedMonths(spans)
    }

    static func managementSpan(of position: Position, asOf: PartialDate, formalOnly: Bool = false, formalDuties: [EvidenceText]? = nil) -> Range<Int>? {
        guard let whole = span(of: position, asOf: asOf) else { return nil }
        let candidates = formalOnly ? formalDuties ?? position.duties.filter(JobTitles.isFormalSupervision) : position.duties
        return managementSpan(whole: whole, supervisory: position.titleIsSupervisory, duties: candidates)
    }

    /// `managementSpan(of:asOf:)` of a position spanning `whole` whose title is supervisory or not
    /// (`Position.titleIsSupervisory`, worked out once with the title), its leadership looked
    /// for in `duties`.
    static func managementSpan(whole: Range<Int>, supervisory: Bool, duties: [EvidenceText]) -> Range<Int>? {
        supervisory ? whole : leadershipSpan(whole: whole, duties: duties)
    }

    /// The months of `whole` a leadership duty among `duties` covers, nil without one.
    static func leadershipSpan(whole: Range<Int>, duties: [EvidenceText]) -> Range<Int>? {
        guard let evidence = leadershipEvidence(in: duties) else { return nil }
        // "for the past 14 months" / "since September 2025": count from that date, not the whole job.
        if let stated = DateExpressions.findRange(in: evidence.text), let from = stated.start {
            let start = max(from.monthIndex, whole.lowerBound)
            let end = stated.end.map { min($0.endMonthIndex + 1, whole.upperBound) } ?? whole.upperBound
            return start < end ? start..<end : nil
        }
        if let months = statedMonths(in: evidence.text) {
            let start = max(whole.upperBound - months, whole.lowerBound)
            return start..<whole.upperBound
        }
        return whole
    }

    /// `JobTitles.leadershipPhrases`, searched in each duty as it stands rather than in a lower-cased copy.
    static let leadershipSearch = FoldedPhraseSearch(JobTitles.leadershipPhrases.phrases)

    /// The duty line that shows people leadership, if any: the same answer as
    /// `JobTitles.leadershipEvidence(in:)`, which lower-cases every duty it tries into a new String.
    public static func leadershipEvidence(in duties: [EvidenceText]) -> EvidenceText? {
        // Each duty is asked where it lies: `first(where:)` handed the closure a copy of each (a retain of
        // its text, and a release after).
        let search = leadershipSearch
        for index in duties.indices {
            let found = duties[index].text.withBorrowedUTF8 { search.containsAny(inASCII: $0) }
                ?? JobTitles.leadershipPhrases.containsAny(in: TextScan.lowercased(duties[index].text))
            if found { return duties[index] }
        }
        return nil
    }

    /// "past 14 months", "for 2 years", "last 18 months".
    static func statedMonths(in text: String) -> Int? {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        for (index, word) in words.enumerated() where index > 0 {
            let numberWord = words[index - 1]
            let number = Int(numberWord) ?? numberWords[String(numberWord)]
            guard let number else { continue }
            if word.hasPrefix("month") { return number }
            if word.hasPrefix("year") { return number * 12 }
        }
        return nil
    }

    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20,
    ]

    /// A position with a vague title ("Assistant Manager", "Team Lead") whose duties are HR work.
    static func isHRByDuties(_ position: Position) -> Bool {
        isHRByDuties(employer: position.employer, duties: position.duties)
    }

    /// `isHRByDuties` of a position with this employer and these duties.
    static func isHRByDuties(employer: String?, duties: [EvidenceText]) -> Bool {
        let employer = employer?.lowercased() ?? ""
        if TextScan.contains(employer, "human resources") || employer.hasSuffix(" hr") { return true }
        let hrDuties = duties.filter { JobTitles.isHR($0.text) }.count
        return duties.count >= 2 && hrDuties * 2 >= duties.count
    }

    /// Months covered by a set of intervals, overlaps merged.
    public static func mergedMonths(_ spans: [Range<Int>]) -> Int {
        let sorted = spans.sorted { $0.lowerBound < $1.lowerBound }
        var total = 0
        var current: Range<Int>?
        for span in sorted {
            if let open = current, span.lowerBound <= open.upperBound {
                current = open.lowerBound..<max(open.upperBound, span.upperBound)
            } else {
                if let open = current { total += open.count }
                current = span
            }
        }
        if let open = current { total += open.count }
        return total
    }
}
