import Testing
@testable import Extraction

/// `PartialDate.description`'s byte-written path must give what the old string-joining code gave;
/// the reference is that code, kept here.
@Suite struct PartialDateDescriptionTests {
    static func referenceDescription(_ date: PartialDate) -> String {
        func padded(_ value: Int, to width: Int) -> String {
            let digits = String(value.magnitude)
            let zeros = String(repeating: "0", count: max(0, width - digits.count - (value < 0 ? 1 : 0)))
            return (value < 0 ? "-" : "") + zeros + digits
        }
        var text = padded(date.year, to: 4)
        if let month = date.month { text += "-" + padded(month, to: 2) }
        if let day = date.day, date.month != nil { text += "-" + padded(day, to: 2) }
        return text
    }

    @Test func matchesOldCodeOverOrdinaryAndOddFields() {
        let years = [Int.min, -12345, -1, 0, 1, 7, 99, 999, 1000, 2024, 9999, 10000, 123_456, Int.max]
        let fields: [Int?] = [nil, Int.min, -1, 0, 1, 9, 10, 12, 31, 99, 100, 1000]
        for year in years {
            for month in fields {
                for day in fields {
                    // The fields are public and settable, so dates outside the initialiser's ranges occur.
                    var date = PartialDate(year: year)
                    date.month = month
                    date.day = day
                    #expect(date.description == Self.referenceDescription(date), "\(year) \(String(describing: month)) \(String(describing: day))")
                }
            }
        }
    }

    /// Read from the ISO format: a month pads to two digits, a day without a month is not shown.
    @Test func readExamples() {
        #expect(PartialDate(year: 2024, month: 1, day: 5).description == "2024-01-05")
        #expect(PartialDate(year: 2019, month: 11).description == "2019-11")
        #expect(PartialDate(year: 33).description == "0033")
        var dayOnly = PartialDate(year: 2020)
        dayOnly.day = 4
        #expect(dayOnly.description == "2020")
    }
}
