import Foundation
import Plot
import Scoring

/// The score as a half-circle gauge with the number in the middle, coloured by band.
struct ScoreGauge {
    var score: Double
    var band: ReadinessBand

    private let centreX = 120.0, centreY = 124.0, radius = 94.0

    func node() -> Node<HTML.BodyContext> {
        let clamped = min(100, max(0, score))
        let angle = Double.pi * (1 - clamped / 100)
        let endX = centreX + radius * cos(angle), endY = centreY - radius * sin(angle)
        let start = "M \(HTMLNumber.coordinate(centreX - radius)) \(HTMLNumber.coordinate(centreY))"
        let arc = "A \(HTMLNumber.coordinate(radius)) \(HTMLNumber.coordinate(radius)) 0 0 1"
        let scoreText = HTMLNumber.score(score)
        var shapes: [SVGNode] = [
            .path("\(start) \(arc) \(HTMLNumber.coordinate(centreX + radius)) \(HTMLNumber.coordinate(centreY))", .svgClass("gauge-track")),
        ]
        if clamped > 0 {
            shapes.append(.path(
                "\(start) \(arc) \(HTMLNumber.coordinate(endX)) \(HTMLNumber.coordinate(endY))",
                .svgClass("gauge-value"), .attribute(named: "stroke", value: band.colour)))
        }
        shapes += [
            .label(scoreText, x: centreX, y: centreY - 14, anchor: "middle", .svgClass("gauge-score")),
            .label("out of 100", x: centreX, y: centreY + 18, anchor: "middle", .svgClass("gauge-caption")),
            .label("0", x: centreX - radius, y: centreY + 18, anchor: "middle", .svgClass("gauge-scale")),
            .label("100", x: centreX + radius, y: centreY + 18, anchor: "middle", .svgClass("gauge-scale")),
        ]
        return .svg(
            id: "gauge", width: 240, height: 150,
            title: "Readiness score gauge",
            description: "Score \(scoreText) out of 100: \(band.label).",
            class: "gauge", shapes)
    }
}

/// One horizontal bar per criterion: the outline is the points possible, the fill the points earned,
/// with "earned / possible" and ✓ or ✗ written at the end of the row.
struct CriterionBarChart {
    struct Bar {
        var label: String
        var earned: Double
        var possible: Double
        var met: Bool
        var mustHave: Bool
    }

    var bars: [Bar]
    var id = "points-chart"

    private let width = 720.0, rowHeight = 30.0, barX = 350.0, barSpan = 270.0, barHeight = 14.0
    /// At 13 px a character of DejaVu Sans / system-ui averages under 7 units: about 50 fit in the
    /// 340-unit label column (measured on Chromium screenshots).
    private let labelLimit = 50

    func node() -> Node<HTML.BodyContext> {
        let largest = max(bars.map(\.possible).max() ?? 1, 1)
        let scale = barSpan / largest
        var shapes: [SVGNode] = []
        for (index, bar) in bars.enumerated() {
            let top = Double(index) * rowHeight + 6
            let barY = top + (rowHeight - barHeight) / 2
            let points = "\(HTMLNumber.score(bar.earned)) / \(HTMLNumber.score(bar.possible))"
            let words = CriterionStatus.words(met: bar.met, mustHave: bar.mustHave).lowercased()
            shapes.append(.group(class: "bar-row", [
                .tooltip("\(bar.label): \(HTMLNumber.score(bar.earned)) of \(HTMLNumber.score(bar.possible)) points, \(words)"),
                .label(shortened(bar.label), x: 0, y: barY + 11, .svgClass("bar-label")),
                .rect(x: barX, y: barY, width: bar.possible * scale, height: barHeight, .svgClass("bar-possible")),
                .rect(x: barX, y: barY, width: bar.earned * scale, height: barHeight,
                      .svgClass("bar-earned \(bar.met ? "met" : "unmet")")),
                .label("\(points) \(CriterionStatus.symbol(met: bar.met))", x: width - 4, y: barY + 11, anchor: "end",
                       .svgClass("bar-value \(bar.met ? "met" : "unmet")")),
            ]))
        }
        let legendY = Double(bars.count) * rowHeight + 24
        shapes += [
            .rect(x: barX - 60, y: legendY - 10, width: 12, height: 12, .svgClass("bar-earned met")),
            .label("earned, met ✓", x: barX - 42, y: legendY, .svgClass("legend")),
            .rect(x: barX + 70, y: legendY - 10, width: 12, height: 12, .svgClass("bar-earned unmet")),
            .label("earned, not met ✗", x: barX + 88, y: legendY, .svgClass("legend")),
            .rect(x: barX + 220, y: legendY - 10, width: 12, height: 12, .svgClass("bar-possible")),
            .label("possible", x: barX + 238, y: legendY, .svgClass("legend")),
        ]
        let description = bars.map {
            "\($0.label): \(HTMLNumber.score($0.earned)) of \(HTMLNumber.score($0.possible)), \(CriterionStatus.words(met: $0.met, mustHave: $0.mustHave).lowercased())"
        }.joined(separator: "; ")
        return .svg(
            id: id, width: width, height: legendY + 10,
            title: "Points earned and possible per criterion",
            description: description + ".",
            class: "bar-chart", shapes)
    }

    /// Cut at a word boundary, with "…"; the full label stays in the row's tooltip and the description.
    private func shortened(_ label: String) -> String {
        guard label.count > labelLimit else { return label }
        var cut = String(label.prefix(labelLimit - 1))
        if let space = cut.lastIndex(of: " "), space > cut.startIndex { cut = String(cut[..<space]) }
        return cut.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)) + "…"
    }
}

/// Scores in ten 10-point bins (the last one takes 100), bars labelled with their counts.
struct ScoreHistogram {
    var scores: [Double]

    private let left = 48.0, right = 712.0, top = 26.0, bottom = 226.0

    /// Counts per bin, 0–9.9 … 90–100. A score goes in the bin of the one-decimal value the page prints,
    /// so a candidate listed as "10" is never counted under 0–9.
    static func bins(_ scores: [Double]) -> [Int] {
        var counts = Array(repeating: 0, count: 10)
        for score in scores {
            let shown = (min(100, max(0, score)) * 10).rounded() / 10
            counts[min(9, Int(shown / 10))] += 1
        }
        return counts
    }

    static func binLabel(_ index: Int) -> String {
        index == 9 ? "90–100" : "\(index * 10)–\(index * 10 + 9)"
    }

    /// 1, 2 or 5 times a power of ten, at least `value`: round numbers for the axis.
    static func niceCeiling(_ value: Int) -> Int {
        guard value > 1 else { return 1 }
        var step = 1
        while step * 10 < value { step *= 10 }
        for factor in [1, 2, 5, 10] where factor * step >= value { return factor * step }
        return value
    }

    func node() -> Node<HTML.BodyContext> {
        let counts = Self.bins(scores)
        let ceiling = Self.niceCeiling(counts.max() ?? 0)
        let binWidth = (right - left) / 10
        let height = bottom - top
        var shapes: [SVGNode] = []
        let gridValues = ceiling > 1 && ceiling % 2 == 0 ? [0, ceiling / 2, ceiling] : [0, ceiling]
        for value in gridValues {
            let y = bottom - height * Double(value) / Double(ceiling)
            shapes.append(.line(x1: left, y1: y, x2: right, y2: y, .svgClass(value == 0 ? "axis" : "grid")))
            shapes.append(.label(String(value), x: left - 8, y: y + 4, anchor: "end", .svgClass("tick")))
        }
        for (index, count) in counts.enumerated() {
            let x = left + Double(index) * binWidth
            let barHeight = height * Double(count) / Double(ceiling)
            let label = Self.binLabel(index)
            var bar: [SVGNode] = [.tooltip("\(label): \(count) candidate\(count == 1 ? "" : "s")")]
            if count > 0 {
                bar.append(.rect(x: x + binWidth * 0.1, y: bottom - barHeight, width: binWidth * 0.8, height: barHeight, .svgClass("histogram-bar")))
                bar.append(.label(String(count), x: x + binWidth / 2, y: bottom - barHeight - 6, anchor: "middle", .svgClass("bar-count")))
            }
            bar.append(.label(label, x: x + binWidth / 2, y: bottom + 18, anchor: "middle", .svgClass("tick")))
            shapes.append(.group(class: "bin", bar))
        }
        shapes.append(.label("Score", x: (left + right) / 2, y: bottom + 40, anchor: "middle", .svgClass("axis-title")))
        shapes.append(.label("Candidates", x: left - 40, y: top - 12, .svgClass("axis-title")))
        let description = counts.enumerated().map { "\(Self.binLabel($0.offset)): \($0.element)" }.joined(separator: "; ")
        return .svg(
            id: "histogram", width: 720, height: bottom + 50,
            title: "Histogram of scores in 10-point bins",
            description: "Candidates per score range. \(description).",
            class: "histogram", shapes)
    }
}
