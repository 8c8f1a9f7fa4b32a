import Testing
@testable import Extraction

/// `PersonalDetailsReader.mayHoldLocation` may only skip lines whose parse has no location field.
@Suite struct PersonalDetailsLocationFilterTests {
    @Test func skippedLinesHaveNoLocation() {
        let texts = [
            "Dana Whitfield", "Columbus, OH", "Remote", "REMOTE (US)", "Senior HR Generalist · Hybrid", "Work From Home",
            "Telecommute | 555-0100", "On-site in Dayton", "onsite", "dana@example.com · (555) 010-0100", "Jan 2020 – Present",
            "Acme Health — Columbus OH", "Zoë Ekwueme · Köln, Deutschland", "Berlin Germany", "Senior HR Manager (remote)",
            "wor\u{212A} from home", "",
        ]
        for text in texts {
            let line = HTMLLine(text: text, fieldText: text, line: 1)
            let hasLocation = LineFields.parse(line).fields.contains { $0.kind == .location }
            if hasLocation { #expect(PersonalDetailsReader.mayHoldLocation(line), "\(text)") }
        }
        #expect(!PersonalDetailsReader.mayHoldLocation(HTMLLine(text: "Dana Whitfield", fieldText: "Dana Whitfield", line: 1)))
    }
}
