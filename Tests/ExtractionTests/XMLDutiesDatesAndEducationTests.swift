import Foundation
import Markup
import Testing
import TestSupport

@testable import Extraction

// Round 7 of the HR-XML reader: a position's duties and their joined text (its description) come out of
// one pass (`XMLRichText.duties`); `XMLDates.value` reads a lone ISO date from its text node directly
// (`plainISODateOfOnlyText`); the education summary is copied once (`educationSummary`) and values a
// reader has made meaningful are kept as given; competencies are visited in place. Each claims "the same
// answer as before": the code as it was is kept below as the reference.

// MARK: - References (the code as it was)

/// `plainLines` as it was before its loop moved into `forEachPlainLine`, making evidence of each line.
private func referencePlainEvidence(of raw: String, startingAtLine line: Int, section: EvidenceText.Section) -> [EvidenceText] {
    var text = raw
    return text.withUTF8 { bytes -> [EvidenceText] in
        var result: [EvidenceText] = []
        var sourceLine = line
        func append(kept: Range<Int>) {
            guard !kept.isEmpty else { return }
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)
            guard kept.count > XMLValues.longestPlaceholder || !XMLValues.isSchemaPlaceholder(value) else { return }
            result.append(EvidenceText(value, line: sourceLine, section: section))
        }
        func flush(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            if let kept = XMLRichText.collapsedASCIIValue(of: bytes, in: range) {
                append(kept: kept)
                return
            }
            let slice = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            if let value = XMLValues.meaningful(XMLRichText.withoutBullet(slice)) {
                result.append(EvidenceText(value, line: sourceLine, section: section))
            }
        }
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var lineStart = 0
        while true {
            let scan = XMLRichText.scanLine(in: bytes, from: lineStart)
            if let kept = scan.kept { append(kept: kept) } else { flush(lineStart..<scan.end) }
            guard scan.end < bytes.count else { break }
            let byte = bytes[scan.end]
            if byte == newline || byte == carriageReturn {
                sourceLine += 1
                lineStart = scan.end + 1
                if byte == carriageReturn && lineStart < bytes.count && bytes[lineStart] == newline { lineStart += 1 }
            } else {
                lineStart = scan.end + 2
            }
        }
        return result
    }
}

/// `XMLRichText.evidence(of:section:parser:)` of a raw text, as it was.
private func referenceEvidence(ofText raw: String, startingAtLine line: Int, section: EvidenceText.Section) -> [EvidenceText] {
    guard raw.utf8.contains(where: { $0 > 0x20 }) else { return [] }
    if XMLRichText.looksLikeHTML(raw) {
        return XMLRichText.lines(ofText: raw, startingAtLine: line, parser: MarkupParser())
            .map { EvidenceText($0.value, line: $0.line, section: section) }
    }
    return referencePlainEvidence(of: raw, startingAtLine: line, section: section)
}

/// The description `addPosition` joined from the duties.
private func referenceJoinedLines(_ duties: [EvidenceText]) -> String {
    duties.map(\.text).joined(separator: "\n")
}

/// `XMLDates.value(of:)` without the lone-text fast path.
private func referenceDateValue(of element: MarkupElement) -> XMLDateValue? {
    if let year = element.attribute("year"),
       let fromAttributes = XMLDates.fromParts(year: year, month: element.attribute("month"), day: element.attribute("day")) {
        return fromAttributes
    }
    let children = element.children
    guard let firstChild = children.first else {
        return XMLDates.parse(collapsed: element.xmlText)
    }
    if children.count == 1 {
        let only = firstChild
        let name = only.name
        if name == "present" || name == "Present" { return .present }
        if name == "year" || name == "Year" { return XMLDates.fromParts(year: only.xmlText, month: nil, day: nil) }
        return referenceDateValue(of: only)
    }
    if element.child("present") != nil || element.child("Present") != nil { return .present }
    if let year = element.xmlChild(anyOf: ["year", "Year"]), element.xmlChild(anyOf: ["AnyDate", "YearMonth", "StringDate"]) == nil {
        let month = element.xmlChild(anyOf: ["month", "Month"])?.xmlText
        let day = element.xmlChild(anyOf: ["day", "dayOfMonth", "Day"])?.xmlText
        return XMLDates.fromParts(year: year.xmlText, month: month, day: day)
    }
    for name in XMLDates.wrappedForms {
        if let inner = element.child(name) {
            if let value = referenceDateValue(of: inner) { return value }
        }
    }
    return nil
}

private func referenceEducationSummary(degree: String?, field: String?, institution: String?) -> String? {
    XMLValues.joined(values: [degree, field.map { "(\($0))" }, institution.map { "– \($0)" }])
}

// MARK: - Random inputs

/// Pieces a Description is made of: plain words of every length, spaces alone and doubled, tabs and other
/// control bytes, breaks real and literal, bullets, accented, CJK and emoji text, Unicode spaces,
/// placeholders, and now and then a tag that makes the text HTML.
private let dutyPieces: [String] = [
    "a", "Ran", "payroll", "for", "300", "staff.", "abcdefghijklmnop", "Led open enrollment", " ", " ", "  ",
    "\t", "\n", "\r", "\r\n", "\n\n", "\\", "\\n", "\\r", "•", "• ", "- ", "* ", "o ", "–\t", "▪ ",
    "é", "Résumé", "中文", "😀", "\u{A0}", "\u{0B}", "\u{0C}", "\u{01}", "\u{200B}", "\u{3000}",
    "String", "token", "xs:string", "e\u{301}", "<li>", "</li>", "<br>", "<",
]

private func randomDescription(_ random: inout SplitMix64) -> String {
    var text = ""
    for _ in 0..<Int(random.next() % 30) { text += random.pick(dutyPieces) }
    return text
}

/// Texts a date element may hold: ISO forms good and bad, with spaces around, zones, words, spans.
private let datePieces: [String] = [
    "2019", "2019-03", "2019-03-01", "0999", "2019-13", "2019-00", "2019-03-32", "2019-3", "19-03", "2019-03-01Z",
    "2019Z", " 2019", "2019 ", "\n\t2019-03\n", "current", "Present", "notKnown", "4/1/1997", "March 2019",
    "2001-2002", "String", "", "２０１９", "2019\u{A0}", "20 19",
]

/// A date element around `text` in one of the shapes résumés use.
private func dateElementXML(_ text: String, shape: Int) -> String {
    switch shape {
    case 0: return "<d>\(text)</d>"
    case 1: return "<d><YearMonth>\(text)</YearMonth></d>"
    case 2: return "<d>\n  <AnyDate>\(text)</AnyDate>\n</d>"
    case 3: return "<d><Year>\(text)</Year></d>"
    case 4: return "<d year=\"2018\">\(text)</d>"
    case 5: return "<d kind=\"x\">\(text)</d>"
    case 6: return "<d><StringDate>\(text)</StringDate><!-- c --></d>"
    case 7: return "<d>\(text)<!-- c -->\(text)</d>"
    case 8: return "<d><![CDATA[\(text)]]></d>"
    case 9: return "<d><YearMonth>\(text)</YearMonth><present/></d>"
    default: return "<d><x><YearMonth>\(text)</YearMonth></x></d>"
    }
}

@Suite struct XMLDutiesDatesAndEducationTests {
    @Test func dutiesAndTheirJoinedTextAgreeWithEvidenceThenJoinedLines() {
        var random = SplitMix64(seed: 0xD_0715)
        var disagreements: [String] = []
        var withJoined = 0
        for _ in 0..<20_000 {
            let text = randomDescription(&random)
            let (duties, joined) = XMLRichText.duties(ofText: text, startingAtLine: 3, section: .position, parser: MarkupParser())
            let expected = referenceEvidence(ofText: text, startingAtLine: 3, section: .position)
            if duties != expected { disagreements.append("duties of \(text.debugDescription)") }
            // HTML duties come without their joined text (`addPosition` joins them); plain ones with it.
            if let joined {
                withJoined += 1
                if Array(joined.utf8) != Array(referenceJoinedLines(expected).utf8) { disagreements.append("joined \(text.debugDescription)") }
            } else if !expected.isEmpty && !XMLRichText.looksLikeHTML(text) {
                disagreements.append("no joined text for \(text.debugDescription)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        #expect(withJoined > 5_000)
    }

    @Test func dutiesOfADescriptionReadFromItsText() {
        // Read from the input: bullets and indents cut, the literal "\n" a break, the placeholder dropped.
        let (duties, joined) = XMLRichText.duties(
            ofText: "\n\t\t• Ran payroll for 300 staff.\n\t\t• Cut  costs by 5%\\nLed a team\n\t\tString\n", startingAtLine: 10,
            section: .position, parser: MarkupParser())
        #expect(duties.map(\.text) == ["Ran payroll for 300 staff.", "Cut costs by 5%", "Led a team"])
        #expect(duties.map(\.line) == [11, 12, 12])
        #expect(joined == "Ran payroll for 300 staff.\nCut costs by 5%\nLed a team")
        #expect(XMLRichText.duties(ofText: " \n\t", startingAtLine: 1, section: .position, parser: MarkupParser()).joined == nil)
        #expect(XMLRichText.duties(ofText: "String", startingAtLine: 1, section: .position, parser: MarkupParser()).joined == nil)
    }

    @Test func aPositionGivenItsJoinedDutiesIsThePositionThatJoinsThem() {
        var random = SplitMix64(seed: 0x9051_7104)
        for _ in 0..<2_000 {
            let (duties, joined) = XMLRichText.duties(
                ofText: randomDescription(&random), startingAtLine: 4, section: .position, parser: MarkupParser())
            var given = XMLCandidateDraft(source: "x.xml", format: .hrXML2)
            var joining = XMLCandidateDraft(source: "x.xml", format: .hrXML2)
            given.addPosition(Position(title: "HR Manager", description: joined, duties: duties, line: 3), dutiesAreMeaningful: true)
            joining.addPosition(Position(title: "HR Manager", duties: duties, line: 3), dutiesAreMeaningful: true)
            #expect(given.finished() == joining.finished())
        }
    }

    @Test func dateValuesAgreeWithTheCodeWithoutTheLoneTextPath() throws {
        var random = SplitMix64(seed: 0xDA7E5)
        var fastAnswers = 0
        for _ in 0..<3_000 {
            let text = random.pick(datePieces) + (random.next() % 4 == 0 ? random.pick(datePieces) : "")
            let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            let shape = Int(random.next() % 11)
            let root = try #require(try XMLTestSupport.document("<r>\(dateElementXML(escaped, shape: shape))</r>").root)
            let element = try #require(root.child("d"))
            #expect(XMLDates.value(of: element) == referenceDateValue(of: element), "\(text.debugDescription) shape \(shape)")
            for inner in element.descendants {
                #expect(XMLDates.value(of: inner) == referenceDateValue(of: inner), "\(text.debugDescription) shape \(shape)")
                if XMLDates.plainISODateOfOnlyText(inner) != nil { fastAnswers += 1 }
            }
            if XMLDates.plainISODateOfOnlyText(element) != nil { fastAnswers += 1 }
        }
        #expect(fastAnswers > 100)
    }

    @Test func aLoneISODateIsReadFromItsTextNode() throws {
        let root = try #require(try XMLTestSupport.document("""
            <r><a>2019-03</a><b> 2019-03</b><c year="2019">2020</c><d><YearMonth>2019-03</YearMonth></d><e>2019<!-- x -->-03</e></r>
            """).root)
        #expect(XMLDates.plainISODateOfOnlyText(try #require(root.child("a"))) == PartialDate(year: 2019, month: 3))
        // A space, an attribute, a child element or a second text node: left to the general path.
        for name in ["b", "c", "d", "e"] {
            #expect(XMLDates.plainISODateOfOnlyText(try #require(root.child(name))) == nil, "\(name)")
        }
        #expect(XMLDates.value(of: try #require(root.child("b"))) == .date(PartialDate(year: 2019, month: 3)))
        #expect(XMLDates.value(of: try #require(root.child("c"))) == .date(PartialDate(year: 2019)))
        #expect(XMLDates.value(of: try #require(root.child("d"))) == .date(PartialDate(year: 2019, month: 3)))
    }

    @Test func educationSummaryIsTheJoinOfItsParts() {
        var random = SplitMix64(seed: 0xED_0C)
        let parts: [String?] = [nil, "", "B.S.", "Human Resource Management", "Licence ès lettres", "東京大学", "😀 x", "a b"]
        for _ in 0..<5_000 {
            let degree = random.pick(parts), field = random.pick(parts), institution = random.pick(parts)
            let new = XMLCandidateDraft.educationSummary(degree: degree, field: field, institution: institution)
            let old = referenceEducationSummary(degree: degree, field: field, institution: institution)
            #expect(new.map { Array($0.utf8) } == old.map { Array($0.utf8) }, "\(String(describing: degree)) \(String(describing: field)) \(String(describing: institution))")
        }
        // Read from the parts: the field in brackets, the institution after an en dash.
        #expect(XMLCandidateDraft.educationSummary(degree: "B.S.", field: "HRM", institution: "Sinclair") == "B.S. (HRM) – Sinclair")
        #expect(XMLCandidateDraft.educationSummary(degree: nil, field: nil, institution: "Sinclair") == "– Sinclair")
        #expect(XMLCandidateDraft.educationSummary(degree: nil, field: nil, institution: nil) == nil)
    }

    @Test func educationFieldsAlreadyMeaningfulAreKeptAsTheyAre() {
        var random = SplitMix64(seed: 0xED_0C_2)
        let values: [String?] = [nil, "B.S. in Human Resource Management", "Résumé Writing", "中文", "a", "Sinclair Community College", "HRM, Payroll"]
        for _ in 0..<2_000 {
            let education = Education(
                degree: random.pick(values), level: random.next() % 2 == 0 ? nil : .bachelor, field: random.pick(values),
                institution: random.pick(values), start: nil, end: PartialDate(year: 2008), line: 7)
            var checked = XMLCandidateDraft(source: "x.xml", format: .hrXML2)
            var kept = XMLCandidateDraft(source: "x.xml", format: .hrXML2)
            checked.addEducation(education)
            kept.addEducation(education, fieldsAreMeaningful: true)
            #expect(checked.finished() == kept.finished())
        }
    }

    @Test func competenciesAreSkillsInDocumentOrderAtAnyDepth() throws {
        let candidate = try XMLTestSupport.read(xml: """
            <Resume xmlns="http://ns.hr-xml.org/2007-04-15"><StructuredXMLResume><Qualifications>
            <Competency name="Payroll"><Competency name="ADP"><CompetencyWeight><NumericValue>5</NumericValue></CompetencyWeight></Competency></Competency>
            <Other><Competency name="Recruiting"/></Other>
            <Competency name="payroll"/><Competency name="String"/><Competency/>
            </Qualifications></StructuredXMLResume></Resume>
            """)
        // "payroll" repeats "Payroll" in another case, "String" is a placeholder, the last has no name.
        #expect(candidate.skills == ["Payroll", "ADP", "Recruiting"])
    }

    @Test func evidenceIsAddedOnceWhateverTheOrderOfItsLines() {
        // The list skips its scan for evidence past the highest line so far: what it keeps is still every
        // first occurrence, in order, as a list that checks each new line against all others keeps.
        var random = SplitMix64(seed: 0xE71D)
        let texts = ["Ran payroll", "Led a team", "HR Manager", "Résumé", "中文"]
        let sections: [EvidenceText.Section] = [.position, .skills, .summary]
        for _ in 0..<500 {
            var draft = XMLCandidateDraft(source: "x.xml", format: .hrXML2)
            var expected: [EvidenceText] = []
            var line = Int(random.next() % 5)
            for _ in 0..<Int(random.next() % 200) {
                // Mostly rising lines, as a reader meets them, sometimes back to an earlier one.
                line = random.next() % 4 == 0 ? Int(random.next() % 40) : line + Int(random.next() % 3)
                let evidence = EvidenceText(random.pick(texts), line: line, section: random.pick(sections))
                draft.addEvidence(evidence.text, line: evidence.line, section: evidence.section)
                if !expected.contains(evidence) { expected.append(evidence) }
            }
            #expect(draft.finished().evidence == expected)
        }
    }

    @Test func xmlValueOfOneCollapsedTextNodeIsTheValueOfItsText() throws {
        // Reference: the value as it was made, from `xmlText` collapsed and checked against placeholders.
        var random = SplitMix64(seed: 0x7A1E)
        let pieces = ["Denver", " ", "  ", "\t", "\n", "IN", "String", "São", "東京", "&amp;", "&#xA0;", "\u{2003}", "&#x1F;", "x"]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 6) { text += random.pick(pieces) }
            let shapes = ["<v>\(text)</v>", "<v><![CDATA[\(text)]]></v>", "<v>\(text)<b>x</b></v>", "<v>\(text)<!-- c -->\(text)</v>", "<v a=\"1\">\(text)</v>"]
            let xml = random.pick(shapes)
            guard let document = try? XMLTestSupport.document("<r>\(xml)</r>"), let element = document.root?.child("v") else { continue }
            #expect(element.xmlValue == XMLValues.meaningful(collapsed: element.xmlText), "\(xml.debugDescription)")
        }
    }
}
