import Foundation

/// A calendar date at the precision a résumé gave: a year, a year and month, or a full date.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month.flatMap { (1...12).contains($0) ? $0 : nil }
        self.day = self.month == nil ? nil : day.flatMap { (1...31).contains($0) ? $0 : nil }
    }

    public static let distantPast = PartialDate(year: 1)

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a trailing time or zone, as in `2000-06-01Z`, is ignored).
    public init?(iso text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first), year > 1000 else { return nil }
        var month: Int?
        var day: Int?
        if parts.count > 1 {
            guard let value = Int(parts[1].prefix(2)), (1...12).contains(value) else { return nil }
            month = value
        }
        if parts.count > 2 {
            guard let value = Int(parts[2].prefix(2)), (1...31).contains(value) else { return nil }
            day = value
        }
        self.init(year: year, month: month, day: day)
    }

    /// ISO 8601 at the precision given: `2024`, `2024-01`, `2024-01-15`.
    public var description: String {
        if let text = fixedWidthDescription { return text }
        // Zero-padded by hand: `String(format:)` goes through Foundation and showed in batch profiles.
        var text = Self.padded(year, to: 4)
        if let month { text += "-" + Self.padded(month, to: 2) }
        if let day, month != nil { text += "-" + Self.padded(day, to: 2) }
        return text
    }

    /// `description` for the usual dates (year 0–9999, month and day 0–99, so every field is exactly its
    /// width in digits), written as bytes into one string of at most ten bytes: the general path builds
    /// and joins a few strings per field, and the scorer describes every position's dates. Nil otherwise.
    private var fixedWidthDescription: String? {
        guard (0...9999).contains(year), (0...99).contains(month ?? 0), (0...99).contains(day ?? 0) else { return nil }
        let month = self.month
        let day = month == nil ? nil : self.day
        let count = day != nil ? 10 : month != nil ? 7 : 4
        return String(unsafeUninitializedCapacity: count) { bytes in
            func write(_ value: Int, width: Int, at start: Int) {
                var rest = value
                for offset in (0..<width).reversed() {
                    bytes[start + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            write(year, width: 4, at: 0)
            if let month {
                bytes[4] = UInt8(ascii: "-")
                write(month, width: 2, at: 5)
            }
            if let day {
                bytes[7] = UInt8(ascii: "-")
                write(day, width: 2, at: 8)
            }
            return count
        }
    }

    /// `value` in decimal with leading zeros up to `width` digits ("%0*d").
    private static func padded(_ value: Int, to width: Int) -> String {
        let digits = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count - (value < 0 ? 1 : 0)))
        return (value < 0 ? "-" : "") + zeros + digits
    }

    /// Months since year 0, counting a missing month as January (the convention parsers such as
    /// Textkernel use), for arithmetic on spans.
    public var monthIndex: Int { year * 12 + (month ?? 1) - 1 }

    /// Where a span ending at this date stops: a year alone means its end (December), a month its end.
    public var endMonthIndex: Int { year * 12 + (month ?? 12) - 1 }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }
}
