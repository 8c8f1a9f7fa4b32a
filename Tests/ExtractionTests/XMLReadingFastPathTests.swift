import Foundation
import Markup
import Testing

@testable import Extraction

// The XML readers' fast paths claim "the same answer as before": the line-break search, `xmlText` and
// `xmlRawText` with one text node, the one-child and plain ISO date paths, bare language codes, the
// in-place `joined`, the evidence list checked without a set and the duties' description copied in one
// go. The code they replace is kept below as the reference.

// MARK: - References (the code as it was)

private func referenceText(_ element: MarkupElement) -> String {
    var pieces: [String] = []
    for piece in element.textNodes where !piece.isHidden { pieces.append(piece.value) }
    return collapseWhitespace(pieces.joined())
}

private func referenceRawText(_ element: MarkupElement) -> String {
    var pieces: [String] = []
    for piece in element.textNodes where !piece.isHidden { pieces.append(piece.value) }
    return pieces.joined()
}

private func referenceJoined(_ parts: [String?], separator: String = " ") -> String? {
    let kept = parts.compactMap { XMLValues.meaningful($0) }
    return kept.isEmpty ? nil : kept.joined(separator: separator)
}

private func referenceParse(_ text: String) -> XMLDateValue? {
    let trimmed = collapseWhitespace(text)
    guard !trimmed.isEmpty, !XMLValues.schemaPlaceholders.contains(trimmed) else { return nil }
    let lowered = trimmed.lowercased()
    if ["notknown", "notapplicable", "unknown", "n/a", "na", "not known", "not applicable"].contains(lowered) {
        return .unknown
    }
    if DateExpressions.isPresent(trimmed) { return .present }
    if let iso = XMLDates.isoDate(trimmed) { return .date(iso) }
    if let written = DateExpressions.date(trimmed) { return .date(written) }
    if let span = DateExpressions.findRange(in: trimmed), span.start != nil || span.isCurrent {
        if span.end == nil && !span.isCurrent, let start = span.start { return .date(start) }
        return .range(start: span.start, end: span.end, current: span.isCurrent)
    }
    return nil
}

private func referenceValue(of element: MarkupElement) -> XMLDateValue? {
    if let fromAttributes = XMLDates.fromParts(
        year: element.attribute("year"), month: element.attribute("month"), day: element.attribute("day")) {
        return fromAttributes
    }
    let children = element.children
    if children.isEmpty {
        return referenceParse(element.text)
    }
    if element.child("present") != nil || element.child("Present") != nil { return .present }
    if let year = element.xmlChild(anyOf: ["year", "Year"]), element.xmlChild(anyOf: ["AnyDate", "YearMonth", "StringDate"]) == nil {
        let month = element.xmlChild(anyOf: ["month", "Month"])?.text
        let day = element.xmlChild(anyOf: ["day", "dayOfMonth", "Day"])?.text
        return XMLDates.fromParts(year: year.text, month: month, day: day)
    }
    for name in XMLDates.wrappedForms {
        if let inner = element.child(name) {
            if let value = referenceValue(of: inner) { return value }
        }
    }
    if children.count == 1 { return referenceValue(of: children[0]) }
    return nil
}

private func referenceLanguageName(ofCode code: String) -> String? {
    let trimmed = collapseWhitespace(code)
    guard !trimmed.isEmpty else { return nil }
    let last = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    let key = last.split(separator: "-").first.map { $0.lowercased() } ?? last.lowercased()
    return XMLLanguageNames.names[key]
}

/// The evidence list as the set-based draft built it.
private func referenceEvidence(_ additions: [(String?, Int, EvidenceText.Section)]) -> [EvidenceText] {
    var seen: Set<EvidenceText> = []
    var list: [EvidenceText] = []
    for (text, line, section) in additions {
        guard let value = XMLValues.meaningful(text) else { continue }
        let evidence = EvidenceText(value, line: line, section: section)
        if seen.insert(evidence).inserted { list.append(evidence) }
    }
    return list
}

// MARK: - Inputs

private let pieces = [
    "", " ", "  ", "a", "ab", "Ran payroll", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{A0}", "\u{200B}", "\u{3000}",
    "é", "中文", "😀", "e\u{301}", "\\", "\\n", "x", "1234567", "12345678", "123456789", "-", "\u{7F}", "\u{01}", "\u{1F}",
]

/// Short texts of every piece pair and triple, and longer ones that put each odd byte on either side of
/// an eight-byte boundary.
private let texts: [String] = {
    var result: [String] = []
    for first in pieces {
        for second in pieces {
            result.append(first + second)
            for third in ["", " ", "z", "\t", "é"] { result.append(first + second + third) }
        }
    }
    for odd in [" ", "  ", "\t", "\n", "\r", "\\", "é", "\u{0B}", "\u{1F}", "\u{7F}"] {
        for position in 0..<20 {
            for length in [8, 15, 16, 17, 24, 31] where position <= length {
                let base = String(repeating: "a", count: length)
                let index = base.index(base.startIndex, offsetBy: position)
                result.append(String(base[..<index]) + odd + String(base[index...]))
                result.append(String(base[..<index]) + " " + odd + String(base[index...]))
            }
        }
    }
    return result
}()

@Suite struct XMLReadingFastPathTests {
    // MARK: Bytes

    @Test func lineBreakSearchFindsTheFirstLineFeedCarriageReturnOrBackslash() {
        var disagreements: [String] = []
        for text in texts {
            let bytes = Array(text.utf8)
            for start in 0...bytes.count {
                let expected = bytes[start...].firstIndex { $0 == 0x0A || $0 == 0x0D || $0 == 0x5C } ?? bytes.count
                let found = bytes.withUnsafeBufferPointer { XMLRichText.firstBreakCandidate(in: $0, from: start) }
                if found != expected { disagreements.append("\(text.debugDescription) from \(start)") }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func bulletCheckIsTheBulletSet() {
        var scalars: [Unicode.Scalar] = (0..<0x3000).compactMap(Unicode.Scalar.init)
        scalars += ["😀", "\u{FFFD}", "\u{1F4A9}"]
        for scalar in scalars where XMLRichText.isBullet(scalar) != XMLRichText.bulletScalars.contains(scalar) {
            Issue.record("U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func placeholderCheckIsTheSetLookup() {
        var candidates = Array(XMLValues.schemaPlaceholders) + texts + ["Strin", "Strings", "TOKEN", "xs:strinG", "anyURI ", "S\u{74}ring"]
        // Non-ASCII text of a placeholder's length, and a Kelvin sign, which equals "K".
        candidates += ["Strin\u{E9}", "tok\u{E9}", "\u{212A}", "K"]
        for text in candidates where XMLValues.isSchemaPlaceholder(text) != XMLValues.schemaPlaceholders.contains(text) {
            Issue.record("\(text.debugDescription)")
        }
        #expect(XMLValues.isSchemaPlaceholder("normalizedString"))
        #expect(!XMLValues.isSchemaPlaceholder("Sandoval"))
    }

    @Test func bytesEqualMarksExactlyTheMatchingBytes() {
        let word: [UInt8] = [0x0A, 0x8A, 0x0B, 0x00, 0xFF, 0x0A, 0x09, 0x8A]
        let value = word.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        // Bytes 0 and 5 are line feeds; 0x8A has the line feed's low seven bits but is not one.
        #expect(XMLTextBytes.bytesEqual(value, to: 0x0A) == 0x0000_8000_0000_0080)
        #expect(XMLTextBytes.bytesEqual(value, to: 0x00) == 0x0000_0000_8000_0000)
    }

    // MARK: Element text

    static let documents = [
        "<a>plain value</a>", "<a>  spaced \n value\t</a>", "<a/>", "<a><b>one</b> and <c>two</c></a>",
        "<a>x<b/>y</a>", "<a>Ren\u{E9}e \u{A0}M\u{FC}ller</a>", "<a><![CDATA[cdata  text]]></a>", "<a>&amp;&lt;tag&gt;</a>",
        "<a>\n\t\t</a>", "<a>中文 <b>😀</b></a>", "<a>String</a>",
    ]

    @Test func xmlTextIsTextAndXmlRawTextIsTheJoinedNodes() throws {
        for xml in Self.documents {
            let document = try MarkupParser().parse(Data(xml.utf8))
            for element in document.elements {
                #expect(element.xmlText == referenceText(element), "\(xml)")
                #expect(element.xmlText == element.text, "\(xml)")
                #expect(element.xmlRawText == referenceRawText(element), "\(xml)")
            }
        }
    }

    @Test func hiddenTextStaysOutOfXmlTextAndXmlRawText() throws {
        let html = #"<html><body><p><span style="display:none">hidden words</span></p><p>shown <span style="display:none">not this</span>text</p></body></html>"#
        let document = try MarkupParser().parse(Data(html.utf8))
        for element in document.elements {
            #expect(element.xmlText == referenceText(element))
            #expect(element.xmlRawText == referenceRawText(element))
        }
        let paragraphs = document.elements.filter { $0.name == "p" }
        #expect(paragraphs.map(\.xmlText) == ["", "shown text"])
    }

    @Test func xmlChildrenAndXmlAllAgreeWithTheListFilters() throws {
        let xml = """
            <r><A><B>1</B><C/><B>2</B></A><A/><B>top</B><A><B>3</B><B><C>deep</C></B></A><x:A xmlns:x="urn:x"><B>4</B></x:A></r>
            """
        let root = try #require(try MarkupParser().parse(Data(xml.utf8)).root)
        func names(_ elements: [MarkupElement]) -> [String] { elements.map { "\($0.name)@\($0.line):\($0.text)" } }
        for element in [root] + root.descendants {
            for name in ["A", "B", "C", "Z", ""] {
                #expect(names(element.xmlChildren(named: name)) == names(element.children(named: name)))
            }
        }
        let paths: [[String]] = [["A"], ["A", "B"], ["A", "B", "C"], ["B"], ["Z", "B"], ["A", "Z"], []]
        for path in paths {
            var reference: [MarkupElement] = [root]
            for name in path { reference = reference.flatMap { $0.children(named: name) } }
            let found: [MarkupElement]
            switch path.count {
            case 0: found = root.xmlAll()
            case 1: found = root.xmlAll(path[0])
            case 2: found = root.xmlAll(path[0], path[1])
            default: found = root.xmlAll(path[0], path[1], path[2])
            }
            #expect(names(found) == names(reference), "\(path)")
        }
        #expect(root.xmlAll("A", "B").map(\.text) == ["1", "2", "3", "deep", "4"])
    }

    @Test func evidenceIsTheLinesAsEvidence() throws {
        let descriptions = [
            "<Description>• Ran payroll.\n• Led open enrollment.\r\n\tAudited I-9s.</Description>",
            "<Description>  </Description>", "<Description/>", "<Description>One line\\nand a literal break</Description>",
            "<Description>&lt;ul&gt;&lt;li&gt;Hired 40&lt;/li&gt;&lt;li&gt;Cut turnover&lt;/li&gt;&lt;/ul&gt;</Description>",
            "<Description>R\u{E9}sum\u{E9}   review\u{A0}\n- String\n-  two  spaces</Description>",
        ]
        for xml in descriptions {
            let element = try #require(try MarkupParser().parse(Data(xml.utf8)).root)
            let expected = XMLRichText.lines(of: element, parser: MarkupParser()).map { EvidenceText($0.value, line: $0.line, section: .position) }
            #expect(XMLRichText.evidence(of: element, section: .position, parser: MarkupParser()) == expected, "\(xml)")
        }
    }

    // MARK: Values

    @Test func joinedAgreesWithTheListJoin() {
        let parts: [String?] = [nil, "", "  ", "Denver", " CO ", "String", "US", "Zürich", "中文"]
        for first in parts {
            for second in parts {
                for third in parts {
                    for separator in [" ", ", "] {
                        #expect(XMLValues.joined([first, second, third], separator: separator)
                                == referenceJoined([first, second, third], separator: separator))
                    }
                }
            }
        }
        #expect(XMLValues.joined([]) == nil)
        #expect(XMLValues.joined(["Indianapolis", "IN", "US"], separator: ", ") == "Indianapolis, IN, US")
    }

    @Test func languageNamesAgreeForBareCodesAndTheRest() {
        let codes = [
            "EN", "en", "eng", "ENG", " de ", "fr-CA", "pt_BR", "http://publications.europa.eu/resource/authority/language/ENG",
            "xx", "", "  ", "nb", "Nor", "é", "e\u{301}n", "en/", "/en", "-en", "zz-zz", "SPA", "中文",
        ]
        for code in codes {
            #expect(XMLLanguageNames.name(ofCode: code) == referenceLanguageName(ofCode: code), "\(code.debugDescription)")
        }
        #expect(XMLLanguageNames.name(ofCode: "EN") == "English")
        #expect(XMLLanguageNames.name(ofCode: "deu") == "German")
    }

    // MARK: Dates

    static let dateTexts: [String] = {
        var result = [
            "2019", "2019-03", "2019-03-01", "2019-13", "2019-00", "2019-03-32", "2019-03-00", "0999", "0999-01", "1000",
            "2000-06-01Z", "2019-03-01T09:00:00", "2019Z", "2019+01:00", "2019-03Z", "2019-03-01+02:00", "2019-3", "2019-03-1",
            "19-03-2019", "2019/03", "2019 -03", " 2019-03 ", "2019-03\n", "２０１９", "2019-03-01 present", "2001-2002",
            "2001-2002-2003", "current", "Present", "notKnown", "n/a", "String", "", "  ", "4/1/1997", "March 2019",
            "2019-١٢", "2019–03", "9999-12-31", "1000-01-01", "2019-03-01-", "20190301",
        ]
        for year in ["1899", "2019", "2101"] {
            for month in ["", "-01", "-12", "-1a"] { result.append(year + month) }
        }
        return result
    }()

    @Test func parseAgreesWithTheGeneralPath() {
        for text in Self.dateTexts {
            #expect(XMLDates.parse(text) == referenceParse(text), "\(text.debugDescription)")
        }
    }

    @Test func plainISODateReadsOnlyTheThreeForms() {
        #expect(XMLDates.plainISODate("2019") == PartialDate(year: 2019))
        #expect(XMLDates.plainISODate("2019-03") == PartialDate(year: 2019, month: 3))
        #expect(XMLDates.plainISODate("2017-02-15") == PartialDate(year: 2017, month: 2, day: 15))
        #expect(XMLDates.plainISODate("2000-06-01Z") == nil)
        #expect(XMLDates.plainISODate("0999") == nil)
        #expect(XMLDates.plainISODate("2019-13") == nil)
        #expect(XMLDates.plainISODate("2019/03") == nil)
    }

    static let dateElements: [String] = [
        "<d><YearMonth>2022-01</YearMonth></d>", "<d><AnyDate>2017-02-15</AnyDate></d>", "<d><Year>2008</Year></d>",
        "<d><year>2008</year></d>", "<d><Year>19</Year></d>", "<d><present/></d>", "<d><Present/></d>",
        "<d><StringDate>current</StringDate></d>", "<d><StringDate>notKnown</StringDate></d>", "<d><Other>2019-04</Other></d>",
        "<d><Other><YearMonth>2019-04</YearMonth></Other></d>", "<d><AnyDate>garbage</AnyDate></d>", "<d><month>April</month></d>",
        "<d><Date><year>2004</year><month>--02</month></Date></d>", "<d year=\"2019\"><YearMonth>2020-01</YearMonth></d>",
        "<d year=\"x\"><YearMonth>2020-01</YearMonth></d>", "<d month=\"--04\"><Year>2020</Year></d>",
        "<d><YearMonth>2022-01</YearMonth><present/></d>", "<d><AnyDate>bad</AnyDate><YearMonth>2020-02</YearMonth></d>",
        "<d><year>2004</year><month>--02</month><day>---09</day></d>", "<d><Year>2004</Year><YearMonth>2004-05</YearMonth></d>",
        "<d>  2019-03  </d>", "<d/>", "<d><e/></d>", "<d><YearMonth> 2022-01 </YearMonth></d>", "<d><YearMonth/></d>",
        "<d><x:YearMonth xmlns:x=\"urn:x\">2021-07</x:YearMonth></d>", "<d><Present>yes</Present></d>",
    ]

    @Test func dateValuesAgreeWithTheLookupsByName() throws {
        for xml in Self.dateElements {
            let root = try #require(try MarkupParser().parse(Data(xml.utf8)).root)
            #expect(XMLDates.value(of: root) == referenceValue(of: root), "\(xml)")
        }
    }

    // MARK: Draft

    @Test func evidenceListMatchesTheSetBasedOne() {
        let words = ["Ran payroll", "ran payroll", "Ran  payroll", "String", "", "Résumé", "Re\u{301}sume\u{301}", "R\u{E9}sum\u{E9}"]
        let sections: [EvidenceText.Section] = [.position, .skills, .other]
        // Few lines, so equal texts meet on the same line often; and past the point where the set takes over.
        for count in [0, 1, 5, 60, 127, 128, 129, 300] {
            var additions: [(String?, Int, EvidenceText.Section)] = []
            for index in 0..<count {
                let text: String? = index % 17 == 0 ? nil : words[(index * 7) % words.count] + (index % 3 == 0 ? "" : " \(index % 41)")
                additions.append((text, (index * 5) % 13, sections[(index * 3) % sections.count]))
            }
            var draft = XMLCandidateDraft(source: "test.xml", format: .hrXML2)
            for (text, line, section) in additions { draft.addEvidence(text, line: line, section: section) }
            #expect(draft.candidate.evidence == referenceEvidence(additions), "\(count) additions")
        }
    }

    @Test func evidenceIsKeptOncePerTextLineAndSection() {
        var draft = XMLCandidateDraft(source: "test.xml", format: .hrXML2)
        draft.addEvidence("Ran payroll", line: 4, section: .position)
        draft.addEvidence(" Ran   payroll ", line: 4, section: .position)
        draft.addEvidence("Ran payroll", line: 5, section: .position)
        draft.addEvidence("Ran payroll", line: 4, section: .skills)
        draft.addEvidence("String", line: 6, section: .other)
        #expect(draft.candidate.evidence == [
            EvidenceText("Ran payroll", line: 4, section: .position), EvidenceText("Ran payroll", line: 5, section: .position),
            EvidenceText("Ran payroll", line: 4, section: .skills),
        ])
    }

    @Test func seenKeysAnswerAsASetDoes() {
        let keys = ["payroll", "adp", "Payroll", "caf\u{E9}", "cafe\u{301}", "", "中文"] + (0..<80).map { "skill \($0 % 45)" }
        var seen = SeenKeys()
        var reference: Set<String> = []
        for key in keys {
            #expect(seen.insert(key) == reference.insert(key).inserted, "\(key.debugDescription)")
        }
    }

    @Test func descriptionIsTheDutiesJoinedWithLineFeeds() {
        let texts = ["Ran payroll.", "Résumé review 😀", "中文", "x", "Led open enrollment for 1100 employees."]
        for count in 1...texts.count {
            let duties = texts.prefix(count).enumerated().map { EvidenceText($1, line: $0 + 1, section: .position) }
            #expect(XMLCandidateDraft.joinedLines(duties) == duties.map(\.text).joined(separator: "\n"))
        }
    }

    @Test func positionWarningsComeInTheirOrder() {
        var draft = XMLCandidateDraft(source: "test.xml", format: .hrXML2)
        draft.addPosition(Position(title: "HR Manager", start: PartialDate(year: 2019), line: 3))
        draft.addPosition(Position(title: " ", employer: "Acme", start: PartialDate(year: 1850), end: PartialDate(year: 2150), line: 9))
        draft.addPosition(Position(title: "Recruiter", start: PartialDate(year: 2001), end: PartialDate(year: 2150), line: 12))
        draft.addPosition(Position(title: "Analyst", start: PartialDate(year: 2003), end: PartialDate(year: 2005), current: true,
                                   duties: [EvidenceText("Built reports.", line: 14, section: .position)], line: 13))
        #expect(draft.candidate.warnings == [
            "position 1 (HR Manager) has a start, no end and is not marked current: it adds no experience",
            "position 2 at Acme has no title",
            "position 2 () has the implausible year 1850",
            "position 3 (Recruiter) has the implausible year 2150",
        ])
        #expect(draft.positions.map(\.title) == ["HR Manager", "", "Recruiter", "Analyst"])
        #expect(draft.positions[3].end == nil)
        #expect(draft.positions[3].description == "Built reports.")
        #expect(draft.candidate.evidence.map(\.text) == ["HR Manager", "Recruiter", "Analyst", "Built reports."])
    }
}
