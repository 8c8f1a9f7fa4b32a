import Foundation

/// Reads positions from the lines of an experience section: splits entries, and tells title, employer,
/// place and dates apart whether they share a line or sit on neighbouring lines, in either order.
///
/// Each line is either part of an entry's header (title, employer, place, dates) or part of its body
/// (duties, achievements, a description). A header line after a body starts the next entry, except a
/// line holding only dates when the entry has none yet (templates put the dates in a sibling element
/// after the description). Two titles, or two date ranges, before any body also start a new entry.
enum ExperienceReader {
    struct Draft {
        var titles: [LineField] = []
        var employers: [LineField] = []
        var unknowns: [LineField] = []
        var location: String?
        var range: DateRange?
        var duties: [EvidenceText] = []
        var firstLine: Int
        var container: Int
        var sawBody = false
        /// The entry began with an employer line and no title ("Acme Health — Columbus, OH"), so later
        /// roles listed without an employer belong to it.
        var startedWithEmployerOnly = false
    }

    enum Role {
        case header(ParsedLine)
        case body
    }

    /// Whether a line belongs to an entry's header or its body. `inHeader` says the entry being read has
    /// a header and no body yet: there a short name with no cue ("Zappos") is still part of the header.
    static func role(of line: HTMLLine, inHeader: Bool = false) -> Role {
        // A line opening with a past-tense verb is a duty in both branches of `roleAfterOpening`,
        // whatever its length: told from its first words, before the rest is read.
        if ExperienceLineScan.isVerbFirstByOpening(line.text) { return .body }
        return roleAfterOpening(of: line, inHeader: inHeader)
    }

    /// `role(of:inHeader:)` for a line whose opening (`ExperienceLineScan.isVerbFirstByOpening`) does not
    /// already make it a duty.
    static func roleAfterOpening(of line: HTMLLine, inHeader: Bool) -> Role {
        roleAfterOpening(
            text: line.text, fieldText: line.fieldText, emphasised: line.emphasised,
            look: LineLook(isListed: line.isListItem || line.hadBullet, isHeading: line.headingLevel != nil,
                           hasHeadingClass: line.hasHeadingClass, isBold: line.isBold),
            inHeader: inHeader)
    }

    /// How a line is presented, as far as `roleAfterOpening` asks: plain flags, so the reader can pass
    /// them with the three texts it reads instead of the whole `HTMLLine`.
    struct LineLook {
        /// A list item, or a line a bullet character was stripped from.
        var isListed: Bool
        /// In `<h1>`…`<h6>`.
        var isHeading: Bool
        var hasHeadingClass: Bool
        var isBold: Bool
    }

    /// `roleAfterOpening(of:inHeader:)` given the parts of the line it reads. `positions` passes them
    /// read from the line where it lies in the array: passing `lines[index]` copied the whole line (a
    /// retain of each of its five strings and arrays, and as many releases), where reading three fields
    /// retains only those three.
    static func roleAfterOpening(text: String, fieldText: String, emphasised: [String], look: LineLook, inHeader: Bool) -> Role {
        // The tests run cheapest first, and the line is taken apart only as far as a decision needs:
        // most lines of an experience section are duties, told by their first words or by having no
        // date range. The decisions are those of the full rule set below, which reads the parsed line
        // (`LineFields.parse`), the sentence test and the word count.
        // `TextScan.spaceWordCount` and `LineFields.startsWithVerb`, in one pass over an ASCII line.
        let (wordCount, verbFirst) = ExperienceLineScan.wordCountAndVerbFirst(text)
        var sentenceLikeCache: Bool?
        func sentenceLike() -> Bool {
            if let known = sentenceLikeCache { return known }
            let value = LineFields.isSentenceLike(text)
            sentenceLikeCache = value
            return value
        }
        if look.isListed {
            // Some templates list jobs as bullets ("• HR Generalist, Acme Health, 2019–2021"); a bullet
            // that reads as a sentence ("Team lead for two interns since March 2024") is a duty.
            guard wordCount <= 15, !verbFirst else { return .body }
            let (range, remainder) = LineFields.cutRange(fieldText)
            let parsed = ParsedLine(range: range, fields: [])
            guard parsed.hasRange else { return .body }
            let full = ParsedLine(range: range, fields: LineFields.fields(of: remainder, emphasised: emphasised, education: false))
            let namesJob = full.fields.contains { ($0.kind == .title || $0.kind == .employer) && !$0.sentenceLike }
            let isJob = namesJob && !sentenceLike()
            return isJob ? .header(full) : .body
        }
        if verbFirst { return .body }
        let (range, remainder) = LineFields.cutRange(fieldText)
        func parsed() -> ParsedLine {
            ParsedLine(range: range, fields: LineFields.fields(of: remainder, emphasised: emphasised, education: false))
        }
        if ParsedLine(range: range, fields: []).hasRange { return wordCount <= 25 ? .header(parsed()) : .body }
        if range != nil, wordCount <= 8, !sentenceLike() { return .header(parsed()) }
        if wordCount > 14 || sentenceLike() { return .body }
        let full = parsed()
        let usable = full.fields.filter { !$0.sentenceLike }
        if usable.contains(where: { $0.kind == .title || $0.kind == .employer || $0.kind == .location }) { return .header(full) }
        let presented = look.isHeading || look.hasHeadingClass || (look.isBold && wordCount <= 8)
            || usable.contains(where: \.emphasised)
        if presented, !usable.isEmpty { return .header(full) }
        if inHeader, wordCount <= 5, !text.hasSuffix("."), usable.count == full.fields.count, !usable.isEmpty,
           usable.allSatisfy({ ExperienceLineScan.isCapitalised($0.text) }) {
            return .header(full)
        }
        return .body
    }

    /// Positions from the lines of one experience section. `strict` keeps only entries that have both
    /// dates and a recognisable title (used when a résumé has no experience heading at all).
    static func positions(from lines: [HTMLLine], strict: Bool = false) -> [Position] {
        var positions: [Position] = []
        var current: Draft?
        var group: (employer: String?, location: String?)?

        /// Resolves the entry being read into a position as soon as it ends: the draft is moved out of
        /// `current` and consumed by `resolve`, where keeping every draft in an array to resolve later
        /// copied each one out of it (a retain of its three arrays and its place, and as many releases).
        func finish() {
            guard let draft = current.take() else { return }
            // Without an experience heading, only a line that names a job title counts.
            if strict && draft.titles.isEmpty { return }
            let startedWithEmployerOnly = draft.startedWithEmployerOnly
            guard let resolved = resolve(draft) else { return }
            // Entries number a handful: one buffer for the first eight, not three grown in turn.
            if positions.isEmpty { positions.reserveCapacity(8) }
            // Appended at once and completed where it lies: a `var` copy completed first was copied again
            // into the list (a retain of each of its strings and its duties) and destroyed after.
            positions.append(resolved)
            let last = positions.count - 1
            if startedWithEmployerOnly {
                group = (positions[last].employer, positions[last].location)
            } else if positions[last].employer == nil, let group {
                positions[last].employer = group.employer
                if positions[last].location == nil { positions[last].location = group.location }
            } else {
                group = nil
            }
            if strict && (positions[last].start == nil || positions[last].title.isEmpty) { positions.removeLast() }
        }

        // The lines are read where they lie in the array: `for line in lines` copied each one (a retain
        // of every String and array it holds) and destroyed the copy (as many releases).
        for index in lines.indices {
            /// The line as a duty of the entry being read, if any.
            func addDuty() {
                guard current != nil else { return }
                // Entries hold about ten duties: one buffer for the first eight, not four grown in turn.
                if current!.duties.isEmpty { current!.duties.reserveCapacity(8) }
                current!.duties.append(EvidenceText(lines[index].text, line: lines[index].line, section: .position))
                current!.sawBody = true
            }
            // Most lines are duties told by their opening, asked of the line's text where it lies (passing
            // the line would copy it: a retain of each of its strings and arrays, released after); they are
            // added without a `Role` built and destroyed.
            if ExperienceLineScan.isVerbFirstByOpening(lines[index].text) {
                addDuty()
                continue
            }
            let look = LineLook(
                isListed: lines[index].isListItem || lines[index].hadBullet, isHeading: lines[index].headingLevel != nil,
                hasHeadingClass: lines[index].hasHeadingClass, isBold: lines[index].isBold)
            let role = roleAfterOpening(
                text: lines[index].text, fieldText: lines[index].fieldText, emphasised: lines[index].emphasised, look: look,
                inHeader: current.map { !$0.sawBody } ?? false)
            // Consumed: the header's parsed line moves out of the role rather than being copied out of
            // it (a retain of its fields and range) and the role destroyed after.
            switch consume role {
            case .body:
                addDuty()
            case .header(let parsed):
                let fields = parsed.fields.filter { !$0.sentenceLike && $0.kind != .duration }
                // The entry being read is asked and merged into in place (a copy of it would retain
                // its arrays, and writing it back release the old ones).
                let container = lines[index].container
                if current != nil {
                    let otherContainer = current!.container != 0 && container != 0 && current!.container != container
                    if !otherContainer && current!.sawBody {
                        // Dates (or a place) after the description: the sibling-span layout.
                        let onlyDates = fields.isEmpty && parsed.range != nil && current!.range == nil
                        let onlyPlace = !fields.isEmpty && fields.allSatisfy({ $0.kind == .location }) && current!.location == nil && parsed.range == nil
                        if onlyDates || onlyPlace {
                            merge(parsed.range, fields, into: &current!)
                            continue
                        }
                    } else if !otherContainer {
                        let hasTitle = fields.contains { $0.kind == .title }
                        let hasEmployer = fields.contains { $0.kind == .employer }
                        let conflict = (hasTitle && !current!.titles.isEmpty) || (parsed.range != nil && current!.range != nil)
                            || (hasEmployer && !current!.employers.isEmpty && !current!.titles.isEmpty)
                        if !conflict {
                            merge(parsed.range, fields, into: &current!)
                            continue
                        }
                    }
                    finish()
                }
                var draft = Draft(firstLine: lines[index].line, container: container)
                draft.startedWithEmployerOnly = parsed.range == nil && fields.contains { $0.kind == .employer }
                    && !fields.contains { $0.kind == .title }
                merge(parsed.range, fields, into: &draft)
                current = draft
            }
        }
        finish()
        return positions
    }

    static func merge(_ range: DateRange?, _ fields: [LineField], into draft: inout Draft) {
        if draft.range == nil, let range, range.start != nil || range.isCurrent { draft.range = range }
        for field in fields {
            switch field.kind {
            case .title: draft.titles.append(field)
            case .employer, .institution: draft.employers.append(field)
            case .location: if draft.location == nil { draft.location = field.text }
            case .unknown, .degree: draft.unknowns.append(field)
            case .duration: break
            }
        }
    }

    /// The duties' texts joined by line feeds (`map(\.text).joined(separator: "\n")`), copied into one
    /// string sized once: the generic `joined` was most of what `resolve` cost.
    static func joinedLines(_ duties: [EvidenceText]) -> String {
        var count = max(duties.count - 1, 0)
        for index in duties.indices { count += duties[index].text.utf8.count }
        // The bytes copied into the new string's buffer: `String.append` cost more per duty than the copy.
        return String(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            // Each duty's bytes are read where they lie: `enumerated()` and a `var` copy of the text
            // retained each duty's string and released it after.
            for index in duties.indices {
                if index > 0 {
                    buffer[offset] = 0x0A
                    offset += 1
                }
                duties[index].text.withBorrowedUTF8 { bytes in
                    guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
                    (target + offset).update(from: source, count: bytes.count)
                    offset += bytes.count
                }
            }
            return offset
        }
    }

    /// Decides title and employer: named fields first, then the unnamed ones by position — a missing
    /// title takes the first unnamed field, a missing employer the first emphasised or first unnamed.
    static func resolve(_ draft: consuming Draft) -> Position? {
        var title = draft.titles.first?.text
        var employer = (draft.employers.first(where: \.emphasised) ?? draft.employers.first(where: { ExperienceLineScan.isCapitalised($0.text) }) ?? draft.employers.first)?.text
        var unknowns = draft.unknowns.filter { ExperienceLineScan.isCapitalised($0.text) || $0.emphasised }
        if employer == nil, let index = unknowns.firstIndex(where: \.emphasised), title != nil || unknowns.count > 1 {
            employer = unknowns.remove(at: index).text
        }
        if title == nil, !unknowns.isEmpty {
            title = unknowns.removeFirst().text
        }
        if employer == nil, !unknowns.isEmpty {
            employer = unknowns.removeFirst().text
        }
        // An entry needs dates, or both a title and an employer, to be a position rather than stray text;
        // dates alone name no job.
        guard draft.range != nil || (title != nil && employer != nil) else { return nil }
        guard title != nil || employer != nil else { return nil }
        let range = draft.range
        let current = range?.isCurrent ?? false
        return Position(
            title: title ?? "",
            employer: employer,
            location: draft.location,
            start: range?.start,
            // A lone date ("Acme Health, 2019") is a position within that year or month.
            end: current ? nil : (range?.end ?? range?.start),
            current: current,
            description: draft.duties.isEmpty ? nil : joinedLines(draft.duties),
            duties: draft.duties,
            line: draft.firstLine)
    }
}
