import Foundation
import Markup
import Testing
import TestSupport

@testable import Extraction

// The XML draft now reads each value once: a text already made meaningful (a title, skill, certification
// name, or a duty from `XMLRichText`) is added as evidence without collapsing it again, an element's value
// is its `text` (no list of text nodes) checked without a second collapse, and a certification's id comes
// from `CertificationCatalog.firstID`, which stops at the first matching entry; a duty line is judged
// collapsed ASCII in one pass, and element values are joined as they are. Each claim is "the same answer
// as before"; the old code is kept below as the reference (or, for `isCollapsedASCII`, Markup's own).

// MARK: - References (the code as it was)

private func referenceXMLText(_ element: MarkupElement) -> String {
    let nodes = element.textNodes
    if nodes.count == 1 { return nodes[0].isHidden ? "" : collapseWhitespace(nodes[0].value) }
    var pieces: [String] = []
    for piece in nodes where !piece.isHidden { pieces.append(piece.value) }
    return collapseWhitespace(pieces.joined())
}

private func referenceXMLChildren(_ element: MarkupElement, named name: String) -> [MarkupElement] {
    var found = element.children
    found.removeAll { $0.name != name }
    return found
}

private func referenceXMLAll(_ element: MarkupElement, _ names: [String]) -> [MarkupElement] {
    var level: [MarkupElement] = [element]
    for name in names {
        guard level.contains(where: { $0.child(name) != nil }) else { return [] }
        level = level.flatMap { referenceXMLChildren($0, named: name) }
    }
    return level
}

/// `addPosition` as it was: every title and duty made meaningful again before it became evidence.
private func referenceDraft(_ positions: [Position], source: String) -> Candidate {
    var draft = XMLCandidateDraft(source: source, format: .hrXML2)
    for position in positions { draft.addPosition(position, dutiesAreMeaningful: false) }
    return draft.finished()
}

// MARK: - Inputs

private let pieces = [
    "", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{200B}", "\u{3000}", "String", "string", "token", "xs:string",
    "anyURI", "PHR", "SPHR", "SHRM-CP", "shrm scp", "SCP", "aPHR", "APHR", "PHR-CA", "CIPD", "MCIPD", "Workday Pro",
    "Professional in Human Resources", "professional in human resources - california",
    "Senior Professional in Human Resources – International", "certified internet recruiter", "CIR", "CCP",
    "Payroll", "Résumé", "é", "e\u{301}", "中文", "認定", "😀", "👩‍💼", "-", "(", ")", ",", "graphr", "phr",
    "Certified", "Benefits", "Professional", "Specialist", "Employee Benefit", "CEBS", "CPTD", "Level 5",
]

private func randomText(_ generator: inout SplitMix64, maxPieces: Int = 7) -> String {
    var text = ""
    for _ in 0..<Int(generator.next() % UInt64(maxPieces + 1)) {
        text += generator.pick(pieces)
        if generator.next() % 3 == 0 { text += generator.pick([" ", "  ", "\t", "\u{A0}", ""]) }
    }
    return text
}

private func escapedForXML(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
}

@Suite struct XMLDraftReadOnceTests {
    @Test func firstIDIsTheFirstOfAllIDs() {
        var generator = SplitMix64(seed: 0x5EED_0C47)
        var texts = pieces + CertificationCatalog.entries.flatMap { [$0.id, $0.fullName] + $0.aliases + $0.abbreviations }
        texts += ["SHRM-SCP and SPHR", "SPHR, PHR", "PHR — Professional in Human Resources", "SHRM Certified Professional (SHRM-CP)"]
        for _ in 0..<3_000 { texts.append(randomText(&generator)) }
        for text in texts {
            #expect(CertificationCatalog.firstID(in: text) == CertificationCatalog.ids(in: text).first, "\(text.debugDescription)")
            #expect(CertificationCatalog.firstID(in: text) == CertificationCatalog.canonicalID(in: text))
        }
    }

    @Test func meaningfulTextIsItsOwnMeaningfulValue() {
        // What skipping the second collapse rests on: `meaningful` gives back a text that it maps to itself,
        // and `meaningful(collapsed:)` of collapsed text is `meaningful` of it.
        var generator = SplitMix64(seed: 0x0C011A95E)
        var texts = pieces
        for _ in 0..<3_000 { texts.append(randomText(&generator)) }
        for text in texts {
            let value = XMLValues.meaningful(text)
            #expect(XMLValues.meaningful(collapsed: collapseWhitespace(text)) == value, "\(text.debugDescription)")
            if let value { #expect(XMLValues.meaningful(value) == value, "\(text.debugDescription)") }
            #expect(XMLDates.parse(collapsed: collapseWhitespace(text)) == XMLDates.parse(text))
        }
        for text in ["2019", " 2019-03 ", "\t2019-03-01\n", "current", " notKnown ", "4/1/1997", "2001 -  2002", "String "] {
            #expect(XMLDates.parse(collapsed: collapseWhitespace(text)) == XMLDates.parse(text), "\(text.debugDescription)")
        }
    }

    @Test func xmlTextAndChildrenMatchTheOldReadings() throws {
        var generator = SplitMix64(seed: 0x7E47)
        for _ in 0..<300 {
            var xml = "<Root>"
            for _ in 0..<Int(generator.next() % 6) {
                let name = generator.pick(["Title", "Name", "Description", "Title"])
                switch generator.next() % 4 {
                case 0: xml += "<\(name)>\(escapedForXML(randomText(&generator)))</\(name)>"
                case 1: xml += "<\(name)>\(escapedForXML(randomText(&generator)))<b>\(escapedForXML(randomText(&generator)))</b></\(name)>"
                case 2: xml += "<\(name)/>"
                default: xml += escapedForXML(randomText(&generator, maxPieces: 2))
                }
            }
            xml += "</Root>"
            let root = try #require(try XMLTestSupport.document(xml).root)
            #expect(root.xmlText == referenceXMLText(root), "\(xml)")
            for element in [root] + root.children {
                #expect(element.xmlText == referenceXMLText(element), "\(xml)")
                #expect(element.xmlValue == XMLValues.meaningful(referenceXMLText(element)), "\(xml)")
            }
            for path in [[], ["Title"], ["Title", "b"], ["Name", "b"], ["Description", "b"], ["b"], ["Missing", "b"], ["Title", "Missing"]] {
                let found = root.xmlAll(path: path).map { [$0.line, $0.xmlText.utf8.count] }
                #expect(found == referenceXMLAll(root, path).map { [$0.line, $0.xmlText.utf8.count] }, "\(path) \(xml)")
                #expect(root.xmlAll(path: path).map(\.xmlText) == referenceXMLAll(root, path).map(\.xmlText))
            }
            for name in ["Title", "Name", "Description", "b", "Missing"] {
                #expect(root.xmlChildren(named: name).map(\.line) == referenceXMLChildren(root, named: name).map(\.line))
                #expect(root.xmlChildren(named: name).map(\.xmlText) == referenceXMLChildren(root, named: name).map(\.xmlText))
            }
        }
    }

    @Test func positionsWithReadDutiesGiveTheSameCandidate() throws {
        // Duties as the HR-XML reader makes them (`XMLRichText.evidence` of a Description), titles and
        // employers of every kind (empty, placeholder, padded, accented): the draft is the same whether
        // the duties are taken as meaningful or made meaningful again.
        var generator = SplitMix64(seed: 0xD071E5)
        let parser = MarkupParser()
        for round in 0..<200 {
            var positions: [Position] = []
            for index in 0..<Int(1 + generator.next() % 4) {
                var description = ""
                for _ in 0..<Int(generator.next() % 6) {
                    description += generator.pick(["", "• ", "- ", "\t* "]) + randomText(&generator)
                    description += generator.pick(["\n", "\r\n", "\\n", "\n\n"])
                }
                if generator.next() % 5 == 0 { description = "<ul><li>" + randomText(&generator) + "</li><li>" + randomText(&generator) + "</li></ul>" }
                let xml = "<Description>\(escapedForXML(description))</Description>"
                let element = try #require(try XMLTestSupport.document(xml).root)
                let duties = XMLRichText.evidence(of: element, section: .position, parser: parser)
                // Repeating a duty line on purpose: evidence already present is not added twice.
                let repeated = generator.next() % 4 == 0 ? duties + duties.prefix(1) : duties
                positions.append(Position(
                    title: randomText(&generator, maxPieces: 3), employer: generator.next() % 3 == 0 ? nil : randomText(&generator, maxPieces: 2),
                    location: nil, start: generator.next() % 2 == 0 ? PartialDate(year: 1990 + index) : nil, end: nil,
                    current: generator.next() % 2 == 0, duties: repeated, line: 10 * index + round % 3))
            }
            var draft = XMLCandidateDraft(source: "test.xml", format: .hrXML2)
            for position in positions { draft.addPosition(position, dutiesAreMeaningful: true) }
            #expect(draft.finished() == referenceDraft(positions, source: "test.xml"))
        }
    }

    @Test func oneCollapsedASCIIPassAgreesWithMarkups() {
        // Markup's `isCollapsedASCII` (an ASCII test, then the collapse test) is the reference: every byte
        // of interest (controls, whitespace, DEL, UTF-8 leads) at every offset of an eight-byte word.
        var generator = SplitMix64(seed: 0xA5C11)
        let bytesOfInterest: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x21, 0x41, 0x7E, 0x7F, 0x80, 0xC3, 0xE2, 0xF0]
        var inputs: [[UInt8]] = pieces.map { Array($0.utf8) }
        for _ in 0..<5_000 {
            var bytes = Array("Ran payroll for 300 staff across two sites.".utf8.prefix(Int(generator.next() % 44)))
            for _ in 0..<Int(generator.next() % 3) where !bytes.isEmpty {
                bytes[Int(generator.next() % UInt64(bytes.count))] = generator.pick(bytesOfInterest)
            }
            inputs.append(bytes)
            inputs.append(Array(randomText(&generator).utf8))
        }
        for input in inputs {
            input.withUnsafeBufferPointer { bytes in
                #expect(XMLTextBytes.isCollapsedASCII(bytes) == isCollapsedASCII(bytes), "\(input)")
            }
        }
    }

    @Test func joiningValuesIsJoiningTheirTexts() {
        var generator = SplitMix64(seed: 0x1017ED)
        for _ in 0..<2_000 {
            let parts = (0..<Int(generator.next() % 5)).map { _ in
                generator.next() % 4 == 0 ? nil : XMLValues.meaningful(randomText(&generator, maxPieces: 3))
            }
            let separator = generator.pick([" ", ", "])
            #expect(XMLValues.joined(values: parts, separator: separator) == XMLValues.joined(parts, separator: separator), "\(parts)")
        }
    }

    @Test func educationSummaryPartsJoinAsTheyAre() {
        // `addEducation` joins its meaningful degree, "(field)" and "– institution" as they are and adds
        // the summary as meaningful: the same text the general `joined` and `addEvidence` made of them.
        var generator = SplitMix64(seed: 0xED0C)
        for _ in 0..<3_000 {
            let degree = XMLValues.meaningful(randomText(&generator, maxPieces: 3))
            let field = XMLValues.meaningful(randomText(&generator, maxPieces: 2))
            let institution = XMLValues.meaningful(randomText(&generator, maxPieces: 3))
            let parts = [degree, field.map { "(\($0))" }, institution.map { "– \($0)" }]
            let old = XMLValues.meaningful(XMLValues.joined(parts))
            #expect(XMLValues.joined(values: parts) == old, "\(parts)")
        }
    }

    @Test func skillsAndCertificationsAsEvidenceOnce() {
        // A skill or certification name is evidence as it was made meaningful, once per name.
        var draft = XMLCandidateDraft(source: "s.xml", format: .hrXML2)
        draft.addSkill("  Payroll\tprocessing ", line: 3)
        draft.addSkill("payroll processing", line: 4)
        draft.addSkill("String", line: 5)
        draft.addCertification(name: " SHRM Certified  Professional (SHRM-CP) ", line: 6)
        let candidate = draft.finished()
        #expect(candidate.skills == ["Payroll processing"])
        #expect(candidate.certifications.map(\.id) == ["SHRM-CP"])
        #expect(candidate.evidence == [
            EvidenceText("Payroll processing", line: 3, section: .skills),
            EvidenceText("SHRM Certified Professional (SHRM-CP)", line: 6, section: .certification),
        ])
    }
}
