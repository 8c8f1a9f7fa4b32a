import Testing
import TestSupport
@testable import Extraction

/// `ExperienceReader.roleAfterOpening` reads the line's texts and presentation flags as parameters
/// (`positions` passes them, not the whole `HTMLLine`). The reference below is the function as it was,
/// taking the line; both must give the same role, with the same dates and fields, for every line:
/// random ones of every shape, and lines of more than 25 words that hold dates (always duties).
@Suite struct ExperienceRoleFromFieldsTests {
    /// `roleAfterOpening(of:inHeader:)` as it was, reading the line, kept as the reference.
    static func referenceRole(of line: HTMLLine, inHeader: Bool) -> ExperienceReader.Role {
        let (wordCount, verbFirst) = ExperienceLineScan.wordCountAndVerbFirst(line.text)
        var sentenceLikeCache: Bool?
        func sentenceLike() -> Bool {
            if let known = sentenceLikeCache { return known }
            let value = LineFields.isSentenceLike(line.text)
            sentenceLikeCache = value
            return value
        }
        if line.isListItem || line.hadBullet {
            guard wordCount <= 15, !verbFirst else { return .body }
            let (range, remainder) = LineFields.cutRange(line.fieldText)
            let parsed = ParsedLine(range: range, fields: [])
            guard parsed.hasRange else { return .body }
            let full = ParsedLine(range: range, fields: LineFields.fields(of: remainder, line: line, education: false))
            let namesJob = full.fields.contains { ($0.kind == .title || $0.kind == .employer) && !$0.sentenceLike }
            let isJob = namesJob && !sentenceLike()
            return isJob ? .header(full) : .body
        }
        if verbFirst { return .body }
        let (range, remainder) = LineFields.cutRange(line.fieldText)
        func parsed() -> ParsedLine {
            ParsedLine(range: range, fields: LineFields.fields(of: remainder, line: line, education: false))
        }
        if ParsedLine(range: range, fields: []).hasRange { return wordCount <= 25 ? .header(parsed()) : .body }
        if range != nil, wordCount <= 8, !sentenceLike() { return .header(parsed()) }
        if wordCount > 14 || sentenceLike() { return .body }
        let full = parsed()
        let usable = full.fields.filter { !$0.sentenceLike }
        if usable.contains(where: { $0.kind == .title || $0.kind == .employer || $0.kind == .location }) { return .header(full) }
        let presented = line.headingLevel != nil || line.hasHeadingClass || (line.isBold && wordCount <= 8)
            || usable.contains(where: \.emphasised)
        if presented, !usable.isEmpty { return .header(full) }
        if inHeader, wordCount <= 5, !line.text.hasSuffix("."), usable.count == full.fields.count, !usable.isEmpty,
           usable.allSatisfy({ ExperienceLineScan.isCapitalised($0.text) }) {
            return .header(full)
        }
        return .body
    }

    /// A role as comparable values: nil for a duty, else the header's dates and fields.
    static func summary(_ role: ExperienceReader.Role) -> (range: DateRange?, fields: [LineField])? {
        switch role {
        case .body: nil
        case .header(let parsed): (parsed.range, parsed.fields)
        }
    }

    static let pieces = [
        "HR", "Generalist", "Senior", "Manager", "Acme", "Health", "Inc.", ",", "Columbus,", "OH", "—", "–", "-", "|", "·",
        "2019", "2021", "2019–2021", "2019 - Present", "Jan", "January", "2020", "to", "present", "Present", "since", "March",
        "03/2018", "Sept.", "’19", "the", "and", "team", "of", "for", "with", "a", "payroll", "benefits", "policy", "employees",
        "Led", "Managed", "oversaw", "responsible", ".", "(", ")", "é", "Zürich", "東京", "👩‍💼", "\u{00A0}", "Lit", "Ware",
        "Coordinator", "Recruiter", "at", "@", "Remote", "2018-2020", "Dec 2022 – Now", "today", "3", "years", "•",
    ]

    /// Lines of 0 to 40 words drawn from titles, employers, places, dates and duty words, with every
    /// presentation flag varied.
    static func randomLines(count: Int, seed: UInt64) -> [(HTMLLine, Bool)] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { index in
            let length = Int(generator.next() % 41)
            let text = (0..<length).map { _ in generator.pick(pieces) }.joined(separator: " ")
            var line = HTMLLine(text: text, fieldText: text, line: index)
            line.isListItem = generator.next() % 5 == 0
            line.hadBullet = generator.next() % 7 == 0
            line.isBold = generator.next() % 4 == 0
            line.hasHeadingClass = generator.next() % 6 == 0
            line.headingLevel = generator.next() % 8 == 0 ? 3 : nil
            if generator.next() % 4 == 0 { line.emphasised = [generator.pick(["Acme Health", "HR", "Lit Ware", "é"])] }
            return (line, generator.next() % 2 == 0)
        }
    }

    /// Long lines that hold dates, where the early answer is given without them.
    static let longLinesWithDates: [String] = [
        "Senior HR Generalist, Acme Health, Columbus, OH (2019–2021) where I ran payroll and benefits for the team of forty employees across three sites and two states for many years in a row",
        "Acme Health — HR Manager · January 2020 – Present · responsible for policy and payroll for a team of employees in every office of the region and beyond it for many years in a row",
        "2019 - Present HR Generalist Acme Health the team of employees with benefits and payroll and policy and the team of employees with benefits and payroll for many years in a row",
        "HR Manager 2018 one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty for many years in a row",
        "Coordinator at Acme since March 2018 a b c d e f g h i j k l m n o p q r s t u v w x y z for many years in a row",
    ]

    @Test func roleMatchesTheReference() {
        var lines = Self.randomLines(count: 3000, seed: 0x10C6_11E5)
        for text in Self.longLinesWithDates {
            for flags in 0..<4 {
                var line = HTMLLine(text: text, fieldText: text, line: 1)
                line.isListItem = flags & 1 != 0
                line.isBold = flags & 2 != 0
                lines.append((line, flags % 3 == 0))
            }
        }
        for (line, inHeader) in lines {
            let expected = Self.summary(Self.referenceRole(of: line, inHeader: inHeader))
            let look = ExperienceReader.LineLook(
                isListed: line.isListItem || line.hadBullet, isHeading: line.headingLevel != nil,
                hasHeadingClass: line.hasHeadingClass, isBold: line.isBold)
            let fromFields = ExperienceReader.roleAfterOpening(
                text: line.text, fieldText: line.fieldText, emphasised: line.emphasised, look: look, inHeader: inHeader)
            for actual in [Self.summary(fromFields), Self.summary(ExperienceReader.roleAfterOpening(of: line, inHeader: inHeader))] {
                #expect(expected?.range == actual?.range, "\(line.text)")
                #expect(expected?.fields == actual?.fields, "\(line.text)")
                #expect((expected == nil) == (actual == nil), "\(line.text)")
            }
        }
    }

    @Test func longLinesWithDatesAreDuties() {
        for text in Self.longLinesWithDates {
            let line = HTMLLine(text: text, fieldText: text, line: 1)
            // Each of these has more than 25 words (counted by reading them) and a date range.
            #expect(text.split(separator: " ").count > 25)
            #expect(LineFields.cutRange(text).0 != nil)
            #expect(Self.summary(ExperienceReader.roleAfterOpening(of: line, inHeader: true)) == nil)
        }
    }
}
