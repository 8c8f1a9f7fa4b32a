import Testing
import TestSupport
@testable import Extraction

/// `UnmarkedHeadingFilter` and `SectionAssigner.heading` with it, against the code they replace: the
/// filter against the expression it stands for, and `heading` against a copy of itself as it was before
/// unmarked lines were let go early (kept here as the reference).
@Suite struct UnmarkedHeadingFilterTests {
    /// `SectionAssigner.heading` before the filter.
    static func referenceHeading(_ line: HTMLLine, current: ResumeSection, currentLevel: Int, sawSection: Bool) -> (ResumeSection, Int)? {
        let text = line.text
        let marked = SectionHeadings.isMarkedHeading(line)
        let level = line.headingLevel ?? 7
        if let named = SectionHeadings.section(named: text) {
            let kind = LineFields.classify(SectionAssigner.trimmingColonsAndSpaces(text), education: false)
            guard kind == .unknown || kind == .location else { return nil }
            if marked || SectionHeadings.looksLikeHeadingText(text) { return (named, level) }
            if !line.isListItem, !line.hadBullet, TextScan.spaceWordCount(text) <= 3 { return (named, level) }
            return nil
        }
        guard marked, !line.isBold || line.headingLevel != nil || line.hasSectionTitleClass else { return nil }
        if current == .header && !sawSection { return nil }
        if DateExpressions.findRange(in: text) != nil { return nil }
        if line.hasSectionTitleClass { return (.other, level) }
        if let headingLevel = line.headingLevel, headingLevel < currentLevel, currentLevel < 7 || headingLevel <= 2 {
            let kind = LineFields.classify(text, education: false)
            guard kind == .unknown else { return nil }
            return (.other, headingLevel)
        }
        return nil
    }

    /// The expression `mayOpenSection` stands for.
    static func referenceMayOpen(_ text: String, isListItem: Bool, hadBullet: Bool) -> Bool {
        (!isListItem && !hadBullet && TextScan.spaceWordCount(text) <= 3) || SectionHeadings.looksLikeHeadingText(text)
    }

    /// Texts of every kind: headings in several casings, with colons, sentences, short lines, all
    /// capitals with few and many letters, accented, CJK, emoji, NBSP, CR/LF, combining marks after a
    /// space, empty.
    static let texts: [String] = {
        var texts = ExperienceAndHeadingByteTests.headings + [
            "Led open enrollment for 400 employees", "Managed employee relations and HR compliance:", "HR", "HRIS",
            "HR GENERALIST", "SENIOR HR BUSINESS PARTNER", "SKILLS AND TOOLS", "A B C D", "ABCD", "ABC",
            String(repeating: "A", count: 40), String(repeating: "A", count: 41), String(repeating: "AB ", count: 20),
            "Work  Experience", " Work Experience ", "Work\tExperience", "Work\u{00A0}Experience here now", "Skills \u{301}x y",
            "x \u{301}y z w", "a b c", "a b c d", "a  b  c", "A B C D E", "EXPERIENCE 2019 – 2021", "Acme Corp, Chicago, IL",
            "Chicago, IL", "Jane Doe", "jane@example.com", "(555) 123-4567", "Skills\r", "SKILLS\r\n", "ÉDUCATION", "CERTIFICATIONS 📜",
            "经验", "Ｗｏｒｋ", "Work:\u{301}", "Work \u{0600}:", "Tools:", "tools", "TOOLS", "Summary.", "Summary of Qualifications:",
        ]
        texts += ExperienceAndHeadingByteTests.randomTexts(count: 3000, seed: 0x5EC7_10A5)
        return texts
    }()

    @Test func filterIsTheExpressionItStandsFor() {
        for text in Self.texts {
            for (isListItem, hadBullet) in [(false, false), (true, false), (false, true), (true, true)] {
                #expect(
                    UnmarkedHeadingFilter.mayOpenSection(text, isListItem: isListItem, hadBullet: hadBullet)
                        == Self.referenceMayOpen(text, isListItem: isListItem, hadBullet: hadBullet),
                    "\(text.debugDescription) listItem \(isListItem) bullet \(hadBullet)")
            }
        }
    }

    @Test func byteRuleOutOnlyWhenNotHeadingText() {
        for text in Self.texts where UnmarkedHeadingFilter.cannotLookLikeHeadingText(text) {
            #expect(!SectionHeadings.looksLikeHeadingText(text), "\(text.debugDescription)")
        }
        #expect(UnmarkedHeadingFilter.cannotLookLikeHeadingText("Café managed"))
        #expect(UnmarkedHeadingFilter.cannotLookLikeHeadingText("Led the team – 2019"))
        // Ends with ":", all capitals, or no lower-case ASCII letter: not ruled out by byte.
        #expect(!UnmarkedHeadingFilter.cannotLookLikeHeadingText("Compétences:"))
        #expect(!UnmarkedHeadingFilter.cannotLookLikeHeadingText("ÉDUCATION"))
        #expect(!UnmarkedHeadingFilter.cannotLookLikeHeadingText("経験"))
        #expect(!UnmarkedHeadingFilter.cannotLookLikeHeadingText(""))
    }

    @Test func plainASCIIAnswersByReading() {
        func answer(_ text: String, short: Bool) -> Bool {
            var copy = text
            return copy.withUTF8 { UnmarkedHeadingFilter.mayOpenSection(plainASCII: $0, shortLineCounts: short) }
        }
        #expect(answer("Work Experience", short: true))
        #expect(!answer("Work Experience", short: false))
        #expect(answer("WORK EXPERIENCE", short: false))
        #expect(answer("Led the open enrollment:", short: false))
        #expect(!answer("Led the open enrollment", short: true))
        #expect(answer("a b c", short: true))
        #expect(!answer("a b c d", short: true))
        // Three letters are too few for "all capitals", forty-one too many.
        #expect(!answer("HRI", short: false))
        #expect(answer("HRIS", short: false))
        #expect(answer(String(repeating: "A", count: 40), short: false))
        #expect(!answer(String(repeating: "A", count: 41), short: false))
        #expect(!answer("", short: false))
        #expect(answer("", short: true))
    }

    @Test func headingIsAsBefore() {
        var generator = SplitMix64(seed: 0x4EAD_1265)
        let sections: [ResumeSection] = [.header, .summary, .experience, .education, .certifications, .skills, .other]
        for text in Self.texts {
            for _ in 0..<6 {
                let bits = generator.next()
                var line = HTMLLine(text: text, fieldText: text, line: 1)
                let level = Int(bits % 8)
                line.headingLevel = level == 0 || level == 7 ? nil : level
                line.isBold = bits & 0x10 != 0
                line.isListItem = bits & 0x20 != 0
                line.hadBullet = bits & 0x40 != 0
                line.isLabelCell = bits & 0x80 != 0 && bits & 0x100 != 0
                line.hasSectionTitleClass = bits & 0x200 != 0 && bits & 0x400 != 0
                let current = generator.pick(sections)
                let currentLevel = Int(generator.next() % 7) + 1
                let sawSection = generator.next() % 2 == 0
                let expected = Self.referenceHeading(line, current: current, currentLevel: currentLevel, sawSection: sawSection)
                let found = SectionAssigner.heading(line, current: current, currentLevel: currentLevel, sawSection: sawSection)
                #expect(found?.0 == expected?.0 && found?.1 == expected?.1, "\(text.debugDescription) \(line)")
            }
        }
    }
}
