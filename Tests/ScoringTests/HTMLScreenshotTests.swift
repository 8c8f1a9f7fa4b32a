import Foundation
@testable import Reporting
import Scoring
import Testing

/// Renders the golden pages in headless Chromium and checks the screenshots: the PNG has the window's
/// size (from IHDR), and it is not blank — decoded, at least 5% of its pixels differ from the most common
/// colour (the background), it has many colours (anti-aliased text), and the chart's colour covers a few
/// hundred pixels, so the inline SVG was drawn.
/// A file-size threshold would be cheaper but can be fooled by a page that renders an error in big
/// letters or by a change of PNG encoder; counting pixels cannot.
///
/// Needs Debian's `chromium` on PATH (or CHROMIUM=/path/to/binary); without it the tests are skipped
/// with that reason. CI installs it (.ci/run).
@Suite(.serialized) struct HTMLScreenshotTests {
    static let width = 1200
    static let height = 1600

    @Test(
        .enabled(if: Chromium.path != nil, "no chromium binary on PATH (apt-get install chromium, or set CHROMIUM): screenshot not taken"),
        arguments: [
            (GoldenPage.report, ReadinessBand.oneToTwoYears.colour),
            (GoldenPage.batchOverview, "#0b5cad"),  // the histogram bars (--accent)
        ])
    func pageRendersInChromium(_ page: GoldenPage, chartColour: String) throws {
        let chromium = try #require(Chromium.path)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readiness-screenshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent(page.rawValue)
        try page.render().write(to: html, atomically: true, encoding: .utf8)
        let png = folder.appendingPathComponent("screenshot.png")

        try Chromium.screenshot(chromium, of: html, to: png, profile: folder.appendingPathComponent("profile"), width: Self.width, height: Self.height)

        let data = try #require(FileManager.default.contents(atPath: png.path), "chromium wrote no screenshot")
        let bytes = [UInt8](data)
        let size = try PNGImage.size(of: bytes)
        #expect(size.width == Self.width && size.height == Self.height, "screenshot is \(size.width)×\(size.height)")
        let image = try PNGImage(bytes)
        let colours = image.colourStatistics()
        // Measured: a blank page is 1 colour and 0% inked, a page saying only "Error" 99 colours and
        // 0.06% inked; these pages are about 2,000 colours and 25–40% inked.
        #expect(colours.inkedFraction > 0.05, "screenshot looks blank: \(colours.inkedFraction) of pixels off the background")
        #expect(colours.distinct > 50, "screenshot has only \(colours.distinct) colours")
        #expect(image.count(colour: chartColour) > 500, "the chart colour \(chartColour) is missing: SVG not drawn?")
    }

    @Test func pngReaderReadsAKnownImage() throws {
        // A 2×1 RGB PNG with a red and a blue pixel, zlib stored block (written by hand from the PNG spec:
        // filter byte 0, then 6 bytes of pixels).
        let raw: [UInt8] = [0, 255, 0, 0, 0, 0, 255]
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", [0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0])
        png += chunk("IDAT", [0x78, 0x01, 0x01, UInt8(raw.count), 0, ~UInt8(raw.count), 0xFF] + raw + [0, 0, 0, 0])
        png += chunk("IEND", [])
        let image = try PNGImage(png)
        #expect(image.width == 2 && image.height == 1)
        #expect(image.pixel(x: 0, y: 0) == (255, 0, 0))
        #expect(image.pixel(x: 1, y: 0) == (0, 0, 255))
        #expect(image.colourStatistics().distinct == 2)
        #expect(image.colourStatistics().inkedFraction == 0.5)
    }

    private func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let length = UInt32(body.count)
        // The reader skips CRCs, so zeros stand in.
        return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
            + Array(type.utf8) + body + [0, 0, 0, 0]
    }
}

enum Chromium {
    /// CHROMIUM if set, else the first `chromium` or `chromium-browser` on PATH.
    static let path: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: explicit) { return explicit }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }()

    /// `chromium --headless --screenshot`, with its own profile folder so parallel runs do not share one,
    /// and a time limit so a hung browser fails the test instead of stalling it.
    static func screenshot(_ chromium: String, of page: URL, to png: URL, profile: URL, width: Int, height: Int) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            // Waiting for every compositor stage avoids a screenshot taken before all tiles are drawn
            // (seen once on a busy machine: a white band at the bottom).
            "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--no-first-run",
            "--run-all-compositor-stages-before-draw",
            "--user-data-dir=\(profile.path)", "--screenshot=\(png.path)", "--window-size=\(width),\(height)",
            page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            Issue.record("chromium took more than 90 s; stopped it")
        }
    }
}
