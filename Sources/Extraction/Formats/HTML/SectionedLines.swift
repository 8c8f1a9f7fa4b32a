import Foundation

/// A rendered line with the résumé section it belongs to.
struct SectionedLine: Sendable {
    var line: HTMLLine
    var section: ResumeSection
    /// The line is the heading that opened its section: evidence, not content.
    var isHeading: Bool
    /// The text of the heading that opened the section ("Awards & Certifications").
    var heading: String?
}

/// Assigns lines to sections, either from headings (generic HTML) or from the JSON Resume keys of the
/// elements around them (themes).
enum SectionAssigner {
    /// Sections from headings: `<h1>`…`<h6>`, bold lines, label cells, section-title classes, or a
    /// short line that is nothing but a section word.
    static func byHeadings(_ lines: consuming [HTMLLine]) -> [SectionedLine] {
        let count = lines.count
        guard count > 0 else { return [] }
        var current = ResumeSection.header
        // The heading level that opened the current section; 7 for bold or class headings.
        var currentLevel = 7
        var sawSection = false
        var headingIndex = -1
        return withUnsafeTemporaryAllocation(of: Placement.self, capacity: count) { placements in
            // First each line's section. Each line moves out of its place for the test and back after
            // it (moves copy no references): read in place, it was copied to be lent to the test.
            lines.withUnsafeMutableBufferPointer { lines in
                for index in 0..<count {
                    let line = lines.moveElement(from: index)
                    var isHeading = false
                    if let (section, level) = heading(line, current: current, currentLevel: currentLevel, sawSection: sawSection) {
                        current = section
                        currentLevel = level
                        sawSection = true
                        headingIndex = index
                        isHeading = true
                    }
                    lines.initializeElement(at: index, to: consume line)
                    placements.initializeElement(at: index, to: Placement(section: current, isHeading: isHeading, headingIndex: headingIndex))
                }
            }
            // Then the lines move into the result from the back: popped, each leaves nothing behind. (Moved
            // out front to back, each left an empty line in its place, destroyed with the array.) A
            // line's heading is an earlier line, still in place when the line is popped; its text is
            // read once for the lines under it.
            return Array(unsafeUninitializedCapacity: count) { result, initialized in
                var index = count
                var cachedIndex = -1
                var cachedText: String?
                while let line = lines.popLast() {
                    index -= 1
                    let placement = placements[index]
                    let heading: String?
                    if placement.isHeading {
                        heading = line.text
                    } else if placement.headingIndex < 0 {
                        heading = nil
                    } else {
                        if placement.headingIndex != cachedIndex {
                            cachedIndex = placement.headingIndex
                            // (Through the buffer, so that only the text is copied, not the whole line.)
                            cachedText = lines.withUnsafeBufferPointer { $0[cachedIndex].text }
                        }
                        heading = cachedText
                    }
                    result.initializeElement(
                        at: index, to: SectionedLine(line: line, section: placement.section, isHeading: placement.isHeading, heading: heading))
                }
                initialized = count
            }
        }
    }

    /// Where `byHeadings` puts a line: its section, whether it opened it, and the index of the heading
    /// line that did (-1 before the first).
    private struct Placement {
        var section: ResumeSection
        var isHeading: Bool
        var headingIndex: Int
    }

    /// The line of the sectioned line at `index`, moved out of `lines` and replaced by an empty one.
    @inline(__always)
    static func takeLine(at index: Int, from lines: inout [SectionedLine]) -> HTMLLine {
        var taken = HTMLLine(text: "", fieldText: "", line: 0)
        swap(&taken, &lines[index].line)
        return taken
    }

    /// The line at `index`, moved out of `lines` and replaced by an empty one.
    @inline(__always)
    static func takeLine(at index: Int, from lines: inout [HTMLLine]) -> HTMLLine {
        var taken = HTMLLine(text: "", fieldText: "", line: 0)
        swap(&taken, &lines[index])
        return taken
    }

    static func heading(_ line: HTMLLine, current: ResumeSection, currentLevel: Int, sawSection: Bool) -> (ResumeSection, Int)? {
        let text = line.text
        let marked = SectionHeadings.isMarkedHeading(line)
        // An unmarked line opens a section only by the rule for unmarked lines below (it names one and
        // reads as a heading on its own); below that, unmarked lines open none. Most lines (bullets,
        // sentences) cannot, and are let go before their words are matched.
        if !marked, !UnmarkedHeadingFilter.mayOpenSection(text, isListItem: line.isListItem, hadBullet: line.hadBullet) { return nil }
        let level = line.headingLevel ?? 7
        if let named = SectionHeadings.section(named: text) {
            // "Education Coordinator" or "Career Coach" in an <h3> is a job, not a section.
            let kind = LineFields.classify(trimmingColonsAndSpaces(text), education: false)
            guard kind == .unknown || kind == .location else { return nil }
            if marked || SectionHeadings.looksLikeHeadingText(text) { return (named, level) }
            // An unmarked line that is only the section phrase ("Experience", "Work History").
            if !line.isListItem, !line.hadBullet, TextScan.spaceWordCount(text) <= 3 { return (named, level) }
            return nil
        }
        // Headings we do not read ("Interests", "Tips") close the section before them, but only at the
        // level of the section headings, so "Courses" under an education entry stays in education.
        guard marked, !line.isBold || line.headingLevel != nil || line.hasSectionTitleClass else { return nil }
        if current == .header && !sawSection { return nil }
        if DateExpressions.findRange(in: text) != nil { return nil }
        if line.hasSectionTitleClass { return (.other, level) }
        // An unknown heading at the same level may be an employer ("Google" in an <h3>); only a higher
        // one closes the section.
        if let headingLevel = line.headingLevel, headingLevel < currentLevel, currentLevel < 7 || headingLevel <= 2 {
            let kind = LineFields.classify(text, education: false)
            guard kind == .unknown else { return nil }
            return (.other, headingLevel)
        }
        return nil
    }

    /// Made once: a set literal at the call was built for every line named like a section.
    private static let colonAndSpace: Set<Character> = [":", " "]

    /// `TextScan.trim(text, colonAndSpace)`; for plain ASCII text (each byte a character) by byte, the
    /// text itself when neither end is a colon or space.
    static func trimmingColonsAndSpaces(_ text: String) -> String {
        let trimmed = text.withBorrowedUTF8 { bytes -> String?? in
            guard HTMLLines.isPlainASCIIByWords(bytes) else { return .none }
            var lower = 0
            var upper = bytes.count
            while lower < upper, bytes[lower] == 0x3A || bytes[lower] == 0x20 { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x3A || bytes[upper - 1] == 0x20 { upper -= 1 }
            if lower == 0 && upper == bytes.count { return .some(nil) }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self))
        }
        switch trimmed {
        case .none: return TextScan.trim(text, colonAndSpace)
        case .some(nil): return text
        case .some(.some(let result)): return result
        }
    }

    /// Sections from the JSON Resume keys (`id="work"`, `class="education"` …) themes put on containers.
    static func byResumeKeys(_ lines: [HTMLLine]) -> [SectionedLine] {
        var result: [SectionedLine] = []
        var sawKeyedSection = false
        var previousKey: String?
        for line in lines {
            guard let key = line.resumeKey else {
                result.append(SectionedLine(line: line, section: sawKeyedSection ? .other : .header, isHeading: false))
                previousKey = nil
                continue
            }
            let section = section(forKey: key)
            if section != .header { sawKeyedSection = true }
            // The first heading inside a keyed container is that section's title ("Work", "Skills").
            // A theme without section titles starts straight with the first job: only a heading that
            // names a section is one.
            let opens = key != previousKey && SectionHeadings.isMarkedHeading(line) && section != .header
                && (SectionHeadings.section(named: line.text) != nil || line.text.lowercased() == key)
            result.append(SectionedLine(line: line, section: section, isHeading: opens, heading: opens ? line.text : nil))
            previousKey = key
        }
        return result
    }

    static func section(forKey key: String) -> ResumeSection {
        switch key {
        case "work", "experience": .experience
        case "education": .education
        case "skills": .skills
        case "certificates": .certifications
        case "basics": .header
        case "about", "summary": .summary
        default: .other
        }
    }
}
