import Extraction
import Foundation
import Roles
import Scoring
import Testing

/// Metamorphic checks: changing a protected attribute, or a proxy for one, must leave the score, the
/// band, the months to ready and every criterion's points, verdict and gap exactly as they were. Run on
/// résumés of three formats (generic HTML, Europass v3 XML, HR-XML 2) and every role's rubric.
@Suite struct FairnessTests {
    struct Variation: CustomTestStringConvertible, Sendable {
        var format: String
        var attribute: String
        var file: String
        /// Two versions of the same résumé that differ only in the attribute.
        var original: @Sendable (String) -> String
        var changed: @Sendable (String) -> String

        var testDescription: String { "\(format): \(attribute)" }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static func replacing(_ old: String, _ new: String) -> @Sendable (String) -> String {
        { text in
            precondition(text.contains(old), "fixture changed: \(old) not found")
            return text.replacingOccurrences(of: old, with: new)
        }
    }

    static func inserting(_ addition: String, after anchor: String) -> @Sendable (String) -> String {
        replacing(anchor, anchor + addition)
    }

    static let unchanged: @Sendable (String) -> String = { $0 }

    // MARK: Generic HTML (Examples/dana-whitfield-senior-hr-generalist.html)

    static let html = "Examples/dana-whitfield-senior-hr-generalist.html"
    static let htmlContact = "<p class=\"contact\">Columbus, OH · "
    static let htmlVariations: [Variation] = [
        Variation(format: "html", attribute: "name", file: html, original: unchanged, changed: { text in
            text.replacingOccurrences(of: "Dana Whitfield", with: "Lakisha Washington")
                .replacingOccurrences(of: "dana.whitfield", with: "lakisha.washington")
        }),
        Variation(format: "html", attribute: "photo", file: html, original: unchanged,
                  changed: inserting("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"Photo of the candidate\">", after: "<header>")),
        Variation(format: "html", attribute: "birth date and age", file: html,
                  original: inserting("<p>Date of birth: 2 May 1994 (age 32)</p>", after: "</header>"),
                  changed: inserting("<p>Date of birth: 14 February 1961 (age 65)</p>", after: "</header>")),
        Variation(format: "html", attribute: "gender and pronouns", file: html,
                  original: inserting("<p>Pronouns: he/him · Gender: male</p>", after: "</header>"),
                  changed: inserting("<p>Pronouns: she/her · Gender: female</p>", after: "</header>")),
        Variation(format: "html", attribute: "marital and family status", file: html, original: unchanged,
                  changed: inserting("<p>Marital status: married, mother of three children</p>", after: "</header>")),
        Variation(format: "html", attribute: "nationality", file: html,
                  original: inserting("<p>Nationality: American</p>", after: "</header>"),
                  changed: inserting("<p>Nationality: Nigerian</p>", after: "</header>")),
        Variation(format: "html", attribute: "religion", file: html, original: unchanged,
                  changed: inserting("<p>Religion: Muslim; volunteer coordinator at my mosque</p>", after: "</header>")),
        Variation(format: "html", attribute: "street address", file: html, original: unchanged,
                  changed: replacing(htmlContact, "<p class=\"contact\">1234 Elm Street, Apt 5, Detroit, MI 48201, USA · ")),
        Variation(format: "html", attribute: "graduation year", file: html, original: unchanged,
                  changed: replacing("Dayton, OH (2021)</p>", "Dayton, OH (1984)</p>")),
    ]

    // MARK: Europass v3 (corpus: Cedefop's official example)

    static let europass = "europass/cedefop-v3.4-cv-example-chuck-norris.xml"
    static let europassEducationPeriod = "<From year=\"1995\"/>\n                    <Current>true</Current>"
    static let europassFreeText = "<Description>Bla bla excellent hip hop dancer bla bla.</Description>"
    static let europassVariations: [Variation] = [
        Variation(format: "europass-v3", attribute: "name", file: europass, original: unchanged, changed: { text in
            text.replacingOccurrences(of: "<FirstName>Chuck</FirstName>", with: "<FirstName>Aisha</FirstName>")
                .replacingOccurrences(of: "<Surname>NORRIS</Surname>", with: "<Surname>OKONKWO</Surname>")
        }),
        Variation(format: "europass-v3", attribute: "photo", file: europass, original: unchanged,
                  changed: replacing("<Data><!-- Photo bytes go here --></Data>", "<Data>iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==</Data>")),
        Variation(format: "europass-v3", attribute: "birth date and age", file: europass, original: unchanged,
                  changed: replacing("<Birthdate year=\"1940\" month=\"--03\" day=\"---10\"/>", "<Birthdate year=\"1996\" month=\"--07\" day=\"---22\"/>")),
        Variation(format: "europass-v3", attribute: "gender and pronouns", file: europass, original: unchanged, changed: { text in
            text.replacingOccurrences(of: "<Code>M</Code>", with: "<Code>F</Code>").replacingOccurrences(of: "<Label>Male</Label>", with: "<Label>Female</Label>")
        }),
        Variation(format: "europass-v3", attribute: "marital and family status", file: europass, original: unchanged,
                  changed: replacing(europassFreeText, "<Description>Married, father of four. Bla bla excellent hip hop dancer bla bla.</Description>")),
        Variation(format: "europass-v3", attribute: "nationality", file: europass, original: unchanged, changed: { text in
            text.replacingOccurrences(of: "<Code>US</Code>\n                        <Label>American</Label>", with: "<Code>SY</Code>\n                        <Label>Syrian</Label>")
        }),
        Variation(format: "europass-v3", attribute: "religion", file: europass, original: unchanged,
                  changed: replacing(europassFreeText, "<Description>Practising Buddhist. Bla bla excellent hip hop dancer bla bla.</Description>")),
        Variation(format: "europass-v3", attribute: "street address", file: europass, original: unchanged,
                  changed: replacing("<AddressLine>12 Strawberry Hille</AddressLine>", "<AddressLine>Flat 3, 77 Canal Road</AddressLine>")),
        Variation(format: "europass-v3", attribute: "graduation year", file: europass,
                  original: replacing(europassEducationPeriod, "<From year=\"1995\"/><To year=\"1999\"/>"),
                  changed: replacing(europassEducationPeriod, "<From year=\"1995\"/><To year=\"1968\"/>")),
    ]

    // MARK: HR-XML 2.5 (corpus: the HR-XML Consortium's sample)

    static let hrxml = "hr-xml/hrxml-2.5-ResumeExample-john-a-example.xml"
    static let hrxmlSummaryOpen = "<ExecutiveSummary>"
    static let hrxmlVariations: [Variation] = [
        Variation(format: "hr-xml-2", attribute: "name", file: hrxml, original: unchanged,
                  changed: { $0.replacingOccurrences(of: "John A. Example", with: "Jamal K. Robinson") }),
        Variation(format: "hr-xml-2", attribute: "photo", file: hrxml, original: unchanged,
                  changed: inserting("Photo: see attached portrait. ", after: hrxmlSummaryOpen)),
        Variation(format: "hr-xml-2", attribute: "birth date and age", file: hrxml,
                  original: inserting("Born 1995, age 31. ", after: hrxmlSummaryOpen),
                  changed: inserting("Born 1958, age 68. ", after: hrxmlSummaryOpen)),
        Variation(format: "hr-xml-2", attribute: "gender and pronouns", file: hrxml,
                  original: inserting("Pronouns: he/him. ", after: hrxmlSummaryOpen),
                  changed: inserting("Pronouns: they/them. ", after: hrxmlSummaryOpen)),
        Variation(format: "hr-xml-2", attribute: "marital and family status", file: hrxml, original: unchanged,
                  changed: inserting("Single parent of two. ", after: hrxmlSummaryOpen)),
        Variation(format: "hr-xml-2", attribute: "nationality", file: hrxml, original: unchanged, changed: { text in
            text.replacingOccurrences(of: "<CountryCode>US</CountryCode>", with: "<CountryCode>IN</CountryCode>", options: [], range: text.range(of: "<CountryCode>US</CountryCode>"))
        }),
        Variation(format: "hr-xml-2", attribute: "religion", file: hrxml, original: unchanged,
                  changed: inserting("Observant Jew; I do not work on Saturdays. ", after: hrxmlSummaryOpen)),
        Variation(format: "hr-xml-2", attribute: "street address", file: hrxml, original: unchanged, changed: { text in
            text.replacingOccurrences(of: "<Municipality>Atlanta</Municipality>", with: "<Municipality>Macon</Municipality><DeliveryAddress><AddressLine>55 Peachtree Ave</AddressLine></DeliveryAddress>", options: [], range: text.range(of: "<Municipality>Atlanta</Municipality>"))
        }),
        Variation(format: "hr-xml-2", attribute: "graduation year", file: hrxml, original: unchanged,
                  changed: replacing("<YearMonth>2002-12</YearMonth>", "<YearMonth>1979-06</YearMonth>")),
    ]

    static let allVariations = htmlVariations + europassVariations + hrxmlVariations

    static func source(_ file: String) throws -> String {
        let url = file.hasPrefix("Examples/") ? repositoryRoot.appendingPathComponent(file) : corpus.appendingPathComponent(file)
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// What must not move: everything but the evidence text and its line numbers (inserting a line shifts them).
    struct Verdict: Equatable {
        var score: Double
        var band: ReadinessBand
        var monthsToReady: Int
        var criteria: [String]
    }

    static func verdicts(_ text: String, catalog: RoleCatalog) throws -> [Verdict] {
        let asOf = PartialDate(year: 2026, month: 11, day: 1)
        let candidate = try ResumeReader().read(bytes: Data(text.utf8), source: "variant", asOf: asOf)
        let scorer = Scorer(catalog: catalog)
        return catalog.profiles.compactMap { profile in
            catalog.rubric(for: profile.id).map { rubric in
                let assessment = scorer.assess(candidate, against: rubric, asOf: asOf)
                return Verdict(
                    score: assessment.score, band: assessment.band, monthsToReady: assessment.monthsToReady,
                    criteria: assessment.criteria.map { "\($0.id) \($0.earned) \($0.met) \($0.gap ?? "-") \($0.monthsToClose ?? -1)" })
            }
        }
    }

    @Test(arguments: allVariations)
    func protectedAttributeDoesNotMoveTheScore(_ variation: Variation) throws {
        let text = try Self.source(variation.file)
        let original = variation.original(text)
        let changed = variation.changed(text)
        #expect(original != changed || variation.attribute == "none", "the variation changed nothing")
        let before = try Self.verdicts(original, catalog: SharedCatalog.builtIn)
        let after = try Self.verdicts(changed, catalog: SharedCatalog.builtIn)
        #expect(before == after)
    }

    @Test func everyAttributeIsCoveredOnThreeFormats() {
        let attributes = Set(Self.allVariations.map(\.attribute))
        for attribute in attributes {
            let formats = Set(Self.allVariations.filter { $0.attribute == attribute }.map(\.format))
            #expect(formats.count >= 3, "\(attribute) covered on \(formats)")
        }
        #expect(attributes.count == 9)
    }
}
