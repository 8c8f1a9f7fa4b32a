import Testing
@testable import Extraction

/// Every date form résumés use. Expected values are read off the strings by hand: a month name gives
/// month precision, a bare year gives year precision, an ISO date keeps the precision written.
@Suite struct DateExpressionTests {
    struct RangeCase: CustomTestStringConvertible, Sendable {
        var text: String
        var start: String?
        var end: String?
        var current: Bool
        /// The part of `text` the expression covers (so callers can cut it out of a line).
        var matched: String?

        init(_ text: String, _ start: String?, _ end: String?, current: Bool = false, matched: String? = nil) {
            self.text = text
            self.start = start
            self.end = end
            self.current = current
            self.matched = matched
        }

        var testDescription: String { text }
    }

    static let ranges: [RangeCase] = [
        // Month names, full and short, with every dash and word a résumé uses.
        RangeCase("January 2024 – Present", "2024-01", nil, current: true),
        RangeCase("Nov 2021 – Dec 2023", "2021-11", "2023-12"),
        RangeCase("Nov 2021 - Dec 2023", "2021-11", "2023-12"),
        RangeCase("Sept. 2020 to Jan. 2022", "2020-09", "2022-01"),
        RangeCase("March 2013 - Present", "2013-03", nil, current: true),
        RangeCase("December 2011 - March 2013", "2011-12", "2013-03"),
        RangeCase("Jan 2019 — Present", "2019-01", nil, current: true),
        RangeCase("June 2019 – Current", "2019-06", nil, current: true),
        RangeCase("Jan '19 – Mar '21", "2019-01", "2021-03"),
        RangeCase("January 15, 2024 – March 1, 2024", "2024-01-15", "2024-03-01"),
        RangeCase("March, 2019 – June, 2021", "2019-03", "2021-06"),
        RangeCase("Jan. 2019 - Feb. 2020", "2019-01", "2020-02"),
        RangeCase("MARCH 2024 - PRESENT", "2024-03", nil, current: true),
        RangeCase("01.2020 – 03.2021", "2020-01", "2021-03"),
        RangeCase("2016 bis heute", "2016", nil, current: true),
        // Month/year numbers.
        RangeCase("09/2024 - present", "2024-09", nil, current: true),
        RangeCase("9/2024 – 12/2025", "2024-09", "2025-12"),
        RangeCase("1/2020 to 12/2021", "2020-01", "2021-12"),
        // Years with en dash, em dash, hyphen (tight and spaced), "to", "until", "through".
        RangeCase("2017–2020", "2017", "2020"),
        RangeCase("2017—2020", "2017", "2020"),
        RangeCase("2017-2020", "2017", "2020"),
        RangeCase("2017 - 2020", "2017", "2020"),
        RangeCase("2017 to 2020", "2017", "2020"),
        RangeCase("2017 until 2020", "2017", "2020"),
        RangeCase("2017 through 2020", "2017", "2020"),
        RangeCase("1990–1994", "1990", "1994"),
        // Every word for "still there".
        RangeCase("2019 - current", "2019", nil, current: true),
        RangeCase("2019 – now", "2019", nil, current: true),
        RangeCase("2019 – today", "2019", nil, current: true),
        RangeCase("2019 to date", "2019", nil, current: true),
        RangeCase("2019 - to date", "2019", nil, current: true),
        RangeCase("2019 – Present.", "2019", nil, current: true),
        RangeCase("May 2018 until now", "2018-05", nil, current: true),
        RangeCase("2020 – ongoing", "2020", nil, current: true),
        // ISO dates keep their precision.
        RangeCase("2024-01 – 2024-06", "2024-01", "2024-06"),
        RangeCase("2024-01-15 - present", "2024-01-15", nil, current: true),
        RangeCase("2013-12-01 – 2014-12-01", "2013-12-01", "2014-12-01"),
        RangeCase("2021-03 to 2023", "2021-03", "2023"),
        // "since" and "from … to".
        RangeCase("since September 2025", "2025-09", nil, current: true),
        RangeCase("Since Sept 2025", "2025-09", nil, current: true),
        RangeCase("from May 2018 to June 2020", "2018-05", "2020-06"),
        // A lone date is a start with no end, not a current range.
        RangeCase("2024", "2024", nil),
        RangeCase("2024-01", "2024-01", nil),
        RangeCase("2024-01-15", "2024-01-15", nil),
        RangeCase("4/1/1997", "1997-04-01", nil),
        RangeCase("15/01/2024", "2024-01-15", nil),
        // Inside the lines the HTML extractor meets.
        RangeCase("Acme Health — Columbus, OH · January 2024 – Present", "2024-01", nil, current: true, matched: "January 2024 – Present"),
        RangeCase("Google | 2023 - Present", "2023", nil, current: true, matched: "2023 - Present"),
        RangeCase("Senior HR Generalist, Acme Health (2021–present)", "2021", nil, current: true, matched: "2021–present"),
        RangeCase("1990–1994\tArbor Shoe\tSouth Ridge, SC", "1990", "1994", matched: "1990–1994"),
        RangeCase("Team lead for two assistants since September 2025.", "2025-09", nil, current: true, matched: "since September 2025"),
        RangeCase("HR Coordinator (Jun 2017 – Aug 2019), Dayton", "2017-06", "2019-08", matched: "Jun 2017 – Aug 2019"),
    ]

    @Test(arguments: ranges)
    func range(_ example: RangeCase) throws {
        let found = try #require(DateExpressions.findRange(in: example.text))
        #expect(found.start?.description == example.start)
        #expect(found.end?.description == example.end)
        #expect(found.isCurrent == example.current)
        if let matched = example.matched {
            #expect(String(example.text[found.matched]) == matched)
        }
    }

    /// Text that holds numbers but no date must not yield one: money, counts, phone numbers, ZIP codes.
    @Test(arguments: [
        "Increased sales from $50 million to $100 million.",
        "Managed 250 sales representatives in 10 Western states.",
        "(317) 585-8468",
        "212-222-2222",
        "Cheyenne Wells, CO 80810",
        "Present",
        "Expanded territorial sales by 400%.",
        "GPA: 3.23",
    ])
    func noDate(_ text: String) {
        #expect(DateExpressions.findRange(in: text) == nil)
    }

    @Test(arguments: [
        ("2024", "2024"),
        ("2024-01", "2024-01"),
        ("2024-01-15", "2024-01-15"),
        ("2000-06-01Z", "2000-06-01"),
        ("2024-01-15T09:30:00+02:00", "2024-01-15"),
        ("4/1/1997", "1997-04-01"),
        ("Jan 2019", "2019-01"),
        ("January 15, 2024", "2024-01-15"),
        ("09/2024", "2024-09"),
        ("Sept. 2025", "2025-09"),
        ("2024/01", "2024-01"),
    ])
    func singleDate(_ text: String, _ expected: String) {
        #expect(DateExpressions.date(text)?.description == expected)
    }

    @Test(arguments: ["Acme", "2024 Acme Health", "13/2024", "Present", "", "0000"])
    func notASingleDate(_ text: String) {
        #expect(DateExpressions.date(text) == nil)
    }

    @Test(arguments: ["Present", "present", "Current", "currently", "now", "Now", "today", "to date", "Present.", "ongoing"])
    func presentWords(_ text: String) {
        #expect(DateExpressions.isPresent(text))
    }

    @Test(arguments: ["Previous", "2024", "past", "to", "pres"])
    func notPresentWords(_ text: String) {
        #expect(!DateExpressions.isPresent(text))
    }

    @Test func twoRangesOnOneLine() {
        let ranges = DateExpressions.allRanges(in: "HR Generalist 2015–2018; Senior HR Generalist 2019 – Present")
        #expect(ranges.count == 2)
        #expect(ranges.first?.start == PartialDate(year: 2015))
        #expect(ranges.first?.end == PartialDate(year: 2018))
        #expect(ranges.last?.start == PartialDate(year: 2019))
        #expect(ranges.last?.isCurrent == true)
    }

    @Test(arguments: ["2024", "2024-01", "2024-01-15"])
    func isoPrecisionRoundTrips(_ text: String) {
        #expect(PartialDate(iso: text)?.description == text)
    }
}
