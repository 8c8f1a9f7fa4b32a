import Foundation

public enum AuditFormat: String, CaseIterable, Sendable {
    case text, json, csv
}

/// `readiness audit` output. Rates are shown to 3 decimals and impact ratios to 2, as the rule's own
/// example does (54.3%, 0.82); flags were decided on the unrounded values.
public struct AuditReport: Sendable {
    public var audit: AdverseImpactAudit

    public init(_ audit: AdverseImpactAudit) {
        self.audit = audit
    }

    public func render(_ format: AuditFormat) -> String {
        switch format {
        case .text: text()
        case .json: json()
        case .csv: csv()
        }
    }

    // MARK: JSON

    public func json() -> String {
        jsonValue().serialized(pretty: true) + "\n"
    }

    /// The JSON document, field for field as issue 9 gives it; scoring rates keep three decimals.
    func jsonValue() -> JSONValue {
        .object([
            ("median", audit.median.map(JSONValue.double) ?? .null),
            ("sampleSize", .int(audit.sampleSize)),
            ("excludedErrors", .int(audit.excludedErrors)),
            ("categories", .array(audit.categories.map { category in
                .object([
                    ("dimension", .string(category.dimension.rawValue)),
                    ("category", .string(category.name)),
                    ("count", .int(category.count)),
                    ("scoringRate", .decimal(category.scoringRate, places: 3)),
                    ("impactRatio", category.impactRatio.map(JSONValue.double) ?? .null),
                    ("flagged", .bool(category.flagged)),
                    ("underTwoPercent", .bool(category.underTwoPercent)),
                ])
            })),
            ("unknown", .object(AdverseImpactAudit.Dimension.allCases.map { ($0.rawValue, .int(audit.unknown[$0] ?? 0)) })),
            ("notes", .array(audit.notes.map(JSONValue.string))),
        ])
    }

    // MARK: CSV

    public static let csvColumns = ["dimension", "category", "count", "scoring_rate", "impact_ratio", "flagged", "under_two_percent"]

    /// One row per category, then each dimension's Unknown count with the comparison cells left empty.
    public func csv() -> String {
        var lines = [Self.csvRecord(Self.csvColumns)]
        for dimension in AdverseImpactAudit.Dimension.allCases {
            for category in audit.categories(in: dimension) {
                lines.append(Self.csvRecord([
                    dimension.rawValue, category.name, String(category.count),
                    Self.decimal(category.scoringRate, places: 3),
                    category.impactRatio.map { Self.decimal($0, places: 2) } ?? "",
                    category.flagged ? "true" : "false",
                    category.underTwoPercent ? "true" : "false",
                ]))
            }
            lines.append(Self.csvRecord([dimension.rawValue, "Unknown", String(audit.unknown[dimension] ?? 0), "", "", "", ""]))
        }
        return lines.joined()
    }

    private static func csvRecord(_ cells: [String]) -> String {
        cells.map(CSVReporter.cell).joined(separator: ",") + "\r\n"
    }

    // MARK: Text

    public func text() -> String {
        var lines: [String] = []
        let title = "Adverse-impact audit (NYC Local Law 144 method for scoring tools)"
        lines.append(title)
        lines.append(String(repeating: "=", count: title.count))
        if let median = audit.median {
            lines.append(paragraph("\(audit.sampleSize) scored \(audit.sampleSize == 1 ? "file" : "files"); the median score is \(JSONValue.format(median))." + (audit.excludedErrors > 0 ? " \(audit.excludedErrors) failed \(audit.excludedErrors == 1 ? "file is" : "files are") left out." : "")))
        } else {
            lines.append("No scored files.")
        }
        lines.append("")
        lines.append(paragraph("A category's scoring rate is the share of its people who scored above the median of everyone. Its impact ratio is that rate divided by the highest category's rate, so the highest category has 1.00. A ratio under 0.80 (the four-fifths rule) is marked \"under 0.8\": a sign of possible adverse impact to look into, not proof of it. People whose category is unknown or declined are counted but not compared."))

        for dimension in AdverseImpactAudit.Dimension.allCases {
            lines.append("")
            lines.append(dimension.title)
            lines.append(contentsOf: table(for: dimension))
        }
        if !audit.notes.isEmpty {
            lines.append("")
            lines.append("Notes")
            for note in audit.notes { lines.append(wrap("- \(note)", indent: 0)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A flush-left paragraph at 80 columns (`wrap` indents the lines after the first, as lists want).
    private func paragraph(_ text: String) -> String {
        wrap(text, indent: 0).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : String($0) }
            .joined(separator: "\n")
    }

    private func table(for dimension: AdverseImpactAudit.Dimension) -> [String] {
        let categories = audit.categories(in: dimension)
        let names = categories.map(\.name) + ["Unknown", "Category"]
        let nameWidth = names.map(\.count).max() ?? 8
        func row(_ name: String, _ count: String, _ above: String, _ rate: String, _ ratio: String, _ remark: String) -> String {
            let cells = "  " + Self.padded(name, nameWidth) + "  " + Self.leftPadded(count, 6) + "  " + Self.leftPadded(above, 12)
                + "  " + Self.leftPadded(rate, 12) + "  " + Self.leftPadded(ratio, 12)
            return remark.isEmpty ? cells : cells + "  " + remark
        }
        var lines = [row("Category", "Count", "Above median", "Scoring rate", "Impact ratio", "")]
        for category in categories {
            let remarks = [category.flagged ? "under 0.8" : nil, category.underTwoPercent ? "under 2% of sample" : nil].compactMap { $0 }
            lines.append(row(
                category.name, String(category.count), String(category.aboveMedian),
                Self.decimal(category.scoringRate * 100, places: 1) + "%",
                category.impactRatio.map { String(format: "%.2f", $0) } ?? "—",
                remarks.joined(separator: ", ")))
        }
        lines.append(row("Unknown", String(audit.unknown[dimension] ?? 0), "", "", "", "not compared"))
        return lines
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func leftPadded(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// Rounded to `places` decimals without trailing zeros: 0.447, 0.5, 1.
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "" }
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
