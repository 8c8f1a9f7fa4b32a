import Reporting
import Testing

/// Scores and weights in JSON and CSV: at most two decimals, no trailing zeros, no exponent.
@Suite struct NumberFormatTests {
    @Test(arguments: [
        (72.4, "72.4"), (7.5, "7.5"), (99, "99"), (0, "0"), (0.125, "0.13"), (0.1, "0.1"), (12.345678, "12.35"),
        (-0.5, "-0.5"), (-3.25, "-3.25"), (100.05, "100.05"), (0.004, "0"), (1_234_567.891, "1234567.89"),
    ])
    func twoDecimalsAtMost(value: Double, expected: String) {
        #expect(JSONValue.format(value) == expected)
    }

    @Test func otherPrecisions() {
        #expect(JSONValue.format(0.5434, places: 3) == "0.543")
        #expect(JSONValue.format(0.8200, places: 3) == "0.82")
        #expect(JSONValue.format(2.0, places: 3) == "2")
    }
}
