import Foundation
import Testing
import TestSupport

@testable import Reporting

/// `CSVLine.appendNumber` writes the cell `append(JSONValue.format(value))` writes, for every kind of
/// value: whole and fractional, halves at the rounding edge, negative, zero of both signs, the edges of
/// `format`'s integer paths (1e13 scaled, 1e15), huge, tiny, infinite and NaN, and random bit patterns.
@Suite struct CSVNumberCellTests {
    static func viaFormat(_ values: [Double]) -> String {
        var line = CSVLine()
        for value in values { line.append(JSONValue.format(value)) }
        return line.finished()
    }

    static func direct(_ values: [Double]) -> String {
        var line = CSVLine()
        for value in values { line.appendNumber(value) }
        return line.finished()
    }

    static let edges: [Double] = [
        0, -0.0, 1, -1, 0.5, -0.5, 0.005, 0.015, 0.025, 0.045, -0.005, 1.005, 2.675, 0.1, 0.2, 0.3, 3.75, 95.7,
        99.99, 99.995, 99.999, 0.01, 0.09, 0.1 + 0.2, 1.0 / 3, -2.0 / 3, 12.3456, 1e11 + 0.25, 1e12 + 0.5,
        99_999_999_999.99, 100_000_000_000.01, 1e13, -1e13, 1e15, -1e15, 1e15 - 1, 1e15 + 2, 1e16, 1e300,
        -1e300, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
        .leastNormalMagnitude, .infinity, -.infinity, .nan, -.nan, Double(bitPattern: 0x7FF4_0000_0000_0001),
    ]

    @Test func edgesAreWrittenAsFormatWritesThem() {
        for value in Self.edges {
            #expect(Self.direct([value]) == Self.viaFormat([value]), "\(value)")
        }
        #expect(Self.direct(Self.edges) == Self.viaFormat(Self.edges))
    }

    @Test func scoresAndPointsOnAGridAreWrittenAsFormatWritesThem() {
        var mismatches: [Double] = []
        for step in -200_000...200_000 {
            for value in [Double(step) / 1000, Double(step) / 8, Double(step) * 0.37] where Self.direct([value]) != Self.viaFormat([value]) {
                mismatches.append(value)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func randomValuesAreWrittenAsFormatWritesThem() {
        var random = SplitMix64(seed: 7)
        var mismatches: [Double] = []
        for _ in 0..<100_000 {
            // Any bit pattern, and values of every magnitude up to past 1e15.
            let values = [
                Double(bitPattern: random.next()),
                Double(random.next() % 10_000_000) / Double(random.pick([1, 2, 4, 8, 10, 100, 1000, 3])) * random.pick([1, -1]),
                Double.random(in: -1e16...1e16, using: &random),
                Double.random(in: -1...1, using: &random),
            ]
            for value in values where Self.direct([value]) != Self.viaFormat([value]) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}
