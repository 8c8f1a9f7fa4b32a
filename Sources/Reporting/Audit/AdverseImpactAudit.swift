import Foundation

/// One row of a batch CSV as the audit sees it: the file and its score, or no score when it failed.
public struct ScoredFile: Sendable, Equatable {
    public var file: String
    /// nil for a row with status=error (or no score): counted and reported, never part of the sample.
    public var score: Double?

    public init(file: String, score: Double?) {
        self.file = file
        self.score = score
    }
}

/// One person's self-reported categories. nil means Unknown: not given, "unknown" or "decline".
public struct SelfReportedGroups: Sendable, Equatable {
    public var file: String
    public var sex: String?
    public var race: String?

    public init(file: String, sex: String?, race: String?) {
        self.file = file
        self.sex = Self.category(sex)
        self.race = Self.category(race)
    }

    /// The category as written, tidied for display, or nil when it says nothing about the person.
    /// Control characters are dropped: a category is a label for people to read.
    public static func category(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let printable = String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0.properties.generalCategory != .control }))
        let tidy = printable.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !tidy.isEmpty, !unknownWords.contains(tidy.lowercased()) else { return nil }
        return tidy
    }

    static let unknownWords: Set<String> = ["unknown", "decline"]
}

/// A SCORES or GROUPS file that cannot be used, with the file name the one-line error starts with.
public struct AuditInputError: Error, Sendable, Equatable {
    public var file: String
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }
}

/// Reading the two CSV files the audit joins.
public enum AuditInputs {
    /// The rows of a CSV written by `readiness batch --csv` (with or without --excel's byte-order mark).
    /// Only `file` and `score` are required; `status` is used when present.
    public static func scores(from data: Data, named name: String) throws(AuditInputError) -> [ScoredFile] {
        let table = try read(data, named: name)
        let columns = try requireColumns(["file", "score"], in: table, named: name)
        let statusColumn = table.column("status")
        var rows: [ScoredFile] = []
        var firstLine: [String: Int] = [:]
        for record in table.records {
            let file = try fileCell(record, column: columns[0], named: name, firstLine: &firstLine)
            let status = statusColumn.map { CSVTable.removingFormulaGuard(record[$0]).trimmingCharacters(in: .whitespaces).lowercased() }
            let scoreText = CSVTable.removingFormulaGuard(record[columns[1]]).trimmingCharacters(in: .whitespaces)
            if status == "error" || scoreText.isEmpty {
                rows.append(ScoredFile(file: file, score: nil))
                continue
            }
            guard let score = Double(scoreText), score.isFinite else {
                throw AuditInputError(file: name, reason: "line \(record.line): score \"\(scoreText)\" is not a number")
            }
            rows.append(ScoredFile(file: file, score: score))
        }
        return rows
    }

    /// The rows of the self-reported categories file: a header with `file`, `sex` and `race`; other
    /// columns are allowed and ignored.
    public static func groups(from data: Data, named name: String) throws(AuditInputError) -> [SelfReportedGroups] {
        let table = try read(data, named: name)
        let columns = try requireColumns(["file", "sex", "race"], in: table, named: name)
        var rows: [SelfReportedGroups] = []
        var firstLine: [String: Int] = [:]
        for record in table.records {
            let file = try fileCell(record, column: columns[0], named: name, firstLine: &firstLine)
            rows.append(SelfReportedGroups(
                file: file,
                sex: CSVTable.removingFormulaGuard(record[columns[1]]),
                race: CSVTable.removingFormulaGuard(record[columns[2]])))
        }
        return rows
    }

    private static func read(_ data: Data, named name: String) throws(AuditInputError) -> CSVTable {
        do {
            return try CSVTable(data: data)
        } catch {
            throw AuditInputError(file: name, reason: error.description)
        }
    }

    private static func requireColumns(_ names: [String], in table: CSVTable, named name: String) throws(AuditInputError) -> [Int] {
        let missing = names.filter { table.column($0) == nil }
        guard missing.isEmpty else {
            let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
            throw AuditInputError(file: name, reason: "the header has no \(list) column\(missing.count > 1 ? "s" : "")")
        }
        return names.compactMap { table.column($0) }
    }

    /// The `file` cell, matched exactly later, so it is not trimmed. Empty or repeated names are refused:
    /// the join would silently pick one person's categories for another.
    private static func fileCell(_ record: CSVTable.Record, column: Int, named name: String, firstLine: inout [String: Int]) throws(AuditInputError) -> String {
        let file = CSVTable.removingFormulaGuard(record[column])
        guard !file.isEmpty else {
            throw AuditInputError(file: name, reason: "line \(record.line): the file cell is empty")
        }
        if let earlier = firstLine[file] {
            throw AuditInputError(file: name, reason: "line \(record.line): file \"\(file)\" is listed twice (first on line \(earlier))")
        }
        firstLine[file] = record.line
        return file
    }
}

/// The bias audit NYC Local Law 144's rule (6 RCNY §5-301) asks of a tool that scores people: the median
/// score of the whole sample, then for each category of sex, race/ethnicity and their intersection the
/// share scoring above that median (the scoring rate) and that rate divided by the highest category's
/// (the impact ratio). Ratios under four-fifths are flagged (29 CFR 1607.4(D)). Everything is computed
/// at full precision; rounding is the report's business.
public struct AdverseImpactAudit: Sendable, Equatable {
    public enum Dimension: String, CaseIterable, Sendable {
        case sex, race, intersection

        public var title: String {
            switch self {
            case .sex: "Sex"
            case .race: "Race/ethnicity"
            case .intersection: "Sex × race/ethnicity"
            }
        }
    }

    public struct Category: Sendable, Equatable {
        public var dimension: Dimension
        public var name: String
        public var count: Int
        /// People in the category scoring strictly above the sample median.
        public var aboveMedian: Int
        public var scoringRate: Double
        /// nil when no category in the dimension has anyone above the median: there is no highest rate
        /// to divide by.
        public var impactRatio: Double?
        public var flagged: Bool
        public var underTwoPercent: Bool
    }

    /// The four-fifths rule of 29 CFR 1607.4(D).
    public static let fourFifths = 0.8
    /// How an intersectional category's name joins its two parts.
    public static let intersectionSeparator = " × "

    /// nil when nothing was scored.
    public var median: Double?
    /// Files with a score: everyone the median and the 2% share are taken over, Unknown included.
    public var sampleSize: Int
    /// Rows of SCORES that failed (status=error or no score).
    public var excludedErrors: Int
    /// Known categories only, ordered by dimension then name.
    public var categories: [Category]
    /// People whose category is Unknown, per dimension; reported, never compared.
    public var unknown: [Dimension: Int]
    /// Rows of GROUPS whose file has no row in SCORES.
    public var groupsWithoutScores: Int
    /// Scored files with no row in GROUPS (they are Unknown in every dimension).
    public var scoresWithoutGroups: Int
    public var notes: [String]

    public init(scores: [ScoredFile], groups: [SelfReportedGroups]) {
        let scored = scores.compactMap { row in row.score.map { (file: row.file, score: $0) } }
        sampleSize = scored.count
        excludedErrors = scores.count - scored.count
        median = Self.median(of: scored.map(\.score))

        let groupsByFile = Dictionary(groups.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let scoredFiles = Set(scores.map(\.file))
        groupsWithoutScores = groups.filter { !scoredFiles.contains($0.file) }.count
        scoresWithoutGroups = scored.filter { groupsByFile[$0.file] == nil }.count

        // "female" and "Female" are one category, shown as first written in GROUPS.
        var spelling: [String: String] = [:]
        for row in groups {
            for value in [row.sex, row.race].compactMap({ $0 }) where spelling[value.lowercased()] == nil {
                spelling[value.lowercased()] = value
            }
        }
        func displayed(_ value: String?) -> String? { value.map { spelling[$0.lowercased()] ?? $0 } }

        var tallies: [Dimension: [String: (count: Int, above: Int)]] = [:]
        var unknown: [Dimension: Int] = Dictionary(uniqueKeysWithValues: Dimension.allCases.map { ($0, 0) })
        for person in scored {
            let group = groupsByFile[person.file]
            let sex = displayed(group?.sex)
            let race = displayed(group?.race)
            let intersection = sex.flatMap { sex in race.map { sex + Self.intersectionSeparator + $0 } }
            let isAbove = median.map { person.score > $0 } ?? false
            for (dimension, category) in [(Dimension.sex, sex), (.race, race), (.intersection, intersection)] {
                guard let category else {
                    unknown[dimension, default: 0] += 1
                    continue
                }
                let tally = tallies[dimension]?[category] ?? (0, 0)
                tallies[dimension, default: [:]][category] = (tally.count + 1, tally.above + (isAbove ? 1 : 0))
            }
        }
        self.unknown = unknown

        var categories: [Category] = []
        for dimension in Dimension.allCases {
            let entries = (tallies[dimension] ?? [:]).sorted { Self.namedBefore($0.key, $1.key) }
            let rates = entries.map { Double($0.value.above) / Double($0.value.count) }
            let highest = rates.max() ?? 0
            for (entry, rate) in zip(entries, rates) {
                let ratio = highest > 0 ? rate / highest : nil
                categories.append(Category(
                    dimension: dimension, name: entry.key, count: entry.value.count, aboveMedian: entry.value.above,
                    scoringRate: rate, impactRatio: ratio,
                    flagged: ratio.map { $0 < Self.fourFifths } ?? false,
                    // count / sample < 2% (6 RCNY §5-301 lets an auditor leave such categories out, with a
                    // justification), in whole numbers so 3 of 150 is not "under" by a rounding error.
                    underTwoPercent: entry.value.count * 50 < sampleSize))
            }
        }
        self.categories = categories
        notes = []
        notes = writeNotes()
    }

    public func categories(in dimension: Dimension) -> [Category] {
        categories.filter { $0.dimension == dimension }
    }

    /// The middle score, or the mean of the two middle scores of an even-sized sample.
    public static func median(of values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// By name ignoring case, then exactly, so the order never depends on the input's.
    static func namedBefore(_ lhs: String, _ rhs: String) -> Bool {
        let (left, right) = (lhs.lowercased(), rhs.lowercased())
        return left != right ? left < right : lhs < rhs
    }

    /// Plain sentences for whatever a reader must know to trust or question the numbers.
    private func writeNotes() -> [String] {
        var notes: [String] = []
        if sampleSize == 0 {
            notes.append("No file in SCORES has a score, so there is no median and nothing to compare.")
        }
        if excludedErrors > 0 {
            notes.append("\(Self.files(excludedErrors)) in SCORES failed to score (status=error) and \(excludedErrors == 1 ? "is" : "are") left out of the sample.")
        }
        if groupsWithoutScores > 0 {
            notes.append("\(Self.files(groupsWithoutScores)) listed in GROUPS \(groupsWithoutScores == 1 ? "has" : "have") no row in SCORES and \(groupsWithoutScores == 1 ? "is" : "are") ignored.")
        }
        if scoresWithoutGroups > 0 {
            notes.append("\(Self.files(scoresWithoutGroups)) scored in SCORES \(scoresWithoutGroups == 1 ? "has" : "have") no row in GROUPS and count as Unknown in every dimension.")
        }
        for dimension in Dimension.allCases {
            let rows = categories(in: dimension)
            if !rows.isEmpty && rows.allSatisfy({ $0.impactRatio == nil }) {
                notes.append("\(dimension.title): nobody scored above the median, so there is no highest rate and no impact ratio.")
            }
        }
        let flagged = categories.filter(\.flagged)
        if !flagged.isEmpty {
            notes.append("Impact ratios under four-fifths (0.8) are flagged. Under 29 CFR 1607.4(D) that is generally regarded as evidence of adverse impact; it is not proof by itself, and small groups can fall under 0.8 by chance.")
            for category in flagged {
                notes.append("\(category.dimension.title): \(category.name) has an impact ratio of \(Self.ratioText(category.impactRatio ?? 0)), under 0.8.")
            }
        }
        let small = categories.filter(\.underTwoPercent)
        if !small.isEmpty {
            notes.append("Categories under 2% of the sample are kept and marked. The rule lets an auditor leave them out of the impact-ratio calculation with a justification; their rates rest on few people.")
            for category in small {
                let share = String(format: "%.1f%%", Double(category.count) / Double(sampleSize) * 100)
                notes.append("\(category.dimension.title): \(category.name) is \(category.count) of \(sampleSize) (\(share)), under 2% of the sample.")
            }
        }
        for dimension in Dimension.allCases {
            if let note = smallReferenceNote(dimension) { notes.append(note) }
        }
        return notes
    }

    /// When the highest rate, which every ratio in the dimension is divided by, belongs only to categories
    /// under 2%, one or two people can make every other category look adversely impacted. The numbers
    /// stay as the rule defines them; the note says which category would be the reference without them.
    private func smallReferenceNote(_ dimension: Dimension) -> String? {
        let rows = categories(in: dimension)
        guard let highest = rows.map(\.scoringRate).max(), highest > 0 else { return nil }
        let leaders = rows.filter { $0.scoringRate == highest }
        guard leaders.allSatisfy(\.underTwoPercent) else { return nil }
        let names = leaders.map(\.name).joined(separator: " and ")
        var note = "\(dimension.title): the highest scoring rate, which every ratio here is divided by, is that of \(names), under 2% of the sample"
        let larger = rows.filter { !$0.underTwoPercent }
        if let reference = larger.max(by: { $0.scoringRate < $1.scoringRate }) {
            let rate = String(format: "%.1f%%", reference.scoringRate * 100)
            note += "; without the categories under 2%, it would be \(reference.name)'s (\(rate))."
        } else {
            note += "."
        }
        return note
    }

    private static func files(_ count: Int) -> String { count == 1 ? "1 file" : "\(count) files" }

    /// Two decimals, unless rounding would show a flagged ratio as 0.80: then enough to show it is under.
    static func ratioText(_ ratio: Double) -> String {
        let rounded = String(format: "%.2f", ratio)
        return ratio < fourFifths && rounded == "0.80" ? String(format: "%.4f", ratio) : rounded
    }
}
