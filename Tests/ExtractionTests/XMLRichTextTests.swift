import Foundation
import Markup
import Testing

@testable import Extraction

/// Long texts inside XML: escaped HTML, real line breaks, literal `\n`, typed bullets.
@Suite("XML rich text")
struct XMLRichTextTests {
    typealias T = XMLTestSupport

    func lines(_ text: String, line: Int = 10) -> [String] {
        XMLRichText.lines(ofText: text, startingAtLine: line, parser: MarkupParser()).map(\.value)
    }

    @Test(arguments: [
        ("- Ran payroll", " Ran payroll"),
        ("  • Ran payroll", " Ran payroll"),
        ("\t*\tRan payroll", "\tRan payroll"),
        ("o Ran payroll", " Ran payroll"),  // Word's hollow bullet
        ("— Ran payroll", " Ran payroll"),
        ("-Ran payroll", "-Ran payroll"),  // no space after: a hyphen, not a bullet
        ("Ran payroll - weekly", "Ran payroll - weekly"),
        ("only", "only"),
        ("-", "-"),
        ("", ""),
    ])
    func dropsTypedBullets(line: String, expected: String) {
        #expect(XMLRichText.withoutBullet(line) == expected)
    }

    @Test func escapedHTMLList() {
        #expect(lines("<p>Duties:</p><ul><li>Payroll</li><li>Benefits <b>open enrollment</b></li></ul>") == [
            "Duties:", "Payroll", "Benefits open enrollment",
        ])
    }

    @Test("<br> breaks a paragraph but only wraps a list item")
    func breaks() {
        #expect(lines("<p>First line<br>Second line</p>") == ["First line", "Second line"])
        #expect(lines("<ul><li>One long<br />duty</li></ul>") == ["One long duty"])
    }

    @Test("literal \\n: a line break in plain text and in HTML")
    func literalNewlines() {
        #expect(lines(#"Line one\nLine two\n\nLine three"#) == ["Line one", "Line two", "Line three"])
        #expect(lines(#"<p>Alpha\nBeta</p>"#) == ["Alpha", "Beta"])
        // A backslash not followed by n stays.
        #expect(lines(#"C:\Payroll\exports"#) == [#"C:\Payroll\exports"#])
    }

    @Test("plain text: real line breaks, typed bullets dropped, lines counted from the element")
    func plainText() {
        let result = XMLRichText.lines(ofText: "- recruiting\n• onboarding\n\n* payroll", startingAtLine: 7, parser: MarkupParser())
        #expect(result.map(\.value) == ["recruiting", "onboarding", "payroll"])
        #expect(result.map(\.line) == [7, 8, 10])
        // A hyphen that is part of the text is not a bullet.
        #expect(lines("-5% turnover") == ["-5% turnover"])
    }

    @Test("non-ASCII text inside escaped HTML survives the HTML parser")
    func nonASCII() {
        #expect(lines("<p>Gestión de nóminas – Köln\u{2028}</p>") == ["Gestión de nóminas – Köln"])
    }

    @Test("text with a < that is not a tag is plain text")
    func lessThan() {
        #expect(lines("Reduced time-to-hire to < 30 days") == ["Reduced time-to-hire to < 30 days"])
    }

    @Test("a Europass personal statement is summary evidence, not the headline")
    func personalStatement() throws {
        let xml = """
            <?xml version="1.0"?>
            <SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass"><LearnerInfo>
              <Identification><PersonName><FirstName>Ana</FirstName><Surname>Example</Surname></PersonName></Identification>
              <Headline><Type><Code>personal_statement</Code></Type>
                <Description><Label>&lt;p&gt;People-first HR professional.&lt;/p&gt;</Label></Description></Headline>
            </LearnerInfo></SkillsPassport>
            """
        let candidate = try T.read(xml: xml)
        #expect(candidate.headline == nil)
        #expect(candidate.evidence.contains { $0.text == "People-first HR professional." && $0.section == .summary })
    }
}
