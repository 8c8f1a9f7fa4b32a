import Foundation
import Markup
import Testing
import TestSupport

@testable import Extraction

// Round 6 of the HR-XML reader: `plainLines` finds a line's end and learns that it is plain collapsed
// ASCII in one pass (`scanLine`); `XMLDates.value` and `xmlRawText` read the node links instead of listing
// children or text nodes; `XMLValues.joined(values:)` copies its parts once; `addPosition` keeps fields a
// reader says are meaningful as they are. Each claims "the same answer as before": the code as it was is
// kept below as the reference.

// MARK: - References (the code as it was)

/// `plainLines` before `scanLine`: the break search, then `collapsedASCIIValue`, then the general path.
private func referencePlainLines(of raw: String, startingAtLine line: Int) -> [MarkupText] {
    var text = raw
    return text.withUTF8 { bytes -> [MarkupText] in
        var result: [MarkupText] = []
        var sourceLine = line
        func flush(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            if let kept = XMLRichText.collapsedASCIIValue(of: bytes, in: range) {
                guard !kept.isEmpty else { return }
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)
                guard kept.count > XMLValues.longestPlaceholder || !XMLValues.isSchemaPlaceholder(value) else { return }
                result.append(MarkupText(value: value, line: sourceLine))
                return
            }
            let slice = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            if let value = XMLValues.meaningful(XMLRichText.withoutBullet(slice)) {
                result.append(MarkupText(value: value, line: sourceLine))
            }
        }
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r"), backslash = UInt8(ascii: "\\")
        var index = 0
        var lineStart = 0
        while true {
            index = XMLRichText.firstBreakCandidate(in: bytes, from: index)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == newline || byte == carriageReturn {
                flush(lineStart..<index)
                sourceLine += 1
                if byte == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == newline { index += 1 }
                index += 1
                lineStart = index
            } else if byte == backslash && index + 1 < bytes.count
                        && (bytes[index + 1] == UInt8(ascii: "n") || bytes[index + 1] == UInt8(ascii: "r")) {
                flush(lineStart..<index)
                index += 2
                lineStart = index
            } else {
                index += 1
            }
        }
        flush(lineStart..<bytes.count)
        return result
    }
}

/// The break `plainLines` used to stop at for the line starting at `start`.
private func referenceLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x0A || byte == 0x0D { return index }
        if byte == 0x5C && index + 1 < bytes.count && (bytes[index + 1] == UInt8(ascii: "n") || bytes[index + 1] == UInt8(ascii: "r")) {
            return index
        }
        index += 1
    }
    return index
}

private func referenceJoinedValues(_ parts: [String?], separator: String = " ") -> String? {
    var result: String?
    for case let part? in parts {
        if result == nil {
            result = part
        } else {
            result!.append(separator)
            result!.append(part)
        }
    }
    return result
}

private func referenceRawText(_ element: MarkupElement) -> String {
    var pieces: [String] = []
    for piece in element.textNodes where !piece.isHidden { pieces.append(piece.value) }
    return pieces.joined()
}

// MARK: - Random lines

/// Pieces a duty line is made of: plain words of every length (so lines cross the eight-byte words at
/// every offset), spaces alone and doubled, tabs and other control bytes, breaks real and literal, a lone
/// backslash, bullets, accented, CJK and emoji text, no-break and other Unicode spaces, placeholders.
private let linePieces: [String] = [
    "a", "Ran", "payroll", "for", "300", "staff.", "abcdefghijklmnop", "Led open enrollment", " ", " ", " ", "  ",
    "\t", "\n", "\r", "\r\n", "\n\n", "\\", "\\n", "\\r", "\\t", "\\\\n", "•", "• ", "- ", "* ", "o ", "–\t", "▪ ",
    "é", "Résumé", "中文", "😀", "\u{A0}", "\u{0B}", "\u{0C}", "\u{7F}", "\u{01}", "\u{1F}", "\u{200B}", "\u{3000}",
    "String", "token", "xs:string", "e\u{301}",
]

private func randomText(_ random: inout SplitMix64) -> String {
    var text = ""
    let count = Int(random.next() % 24)
    for _ in 0..<count { text += random.pick(linePieces) }
    return text
}

@Suite struct XMLOnePassLinesAndNodeLinksTests {
    @Test func plainLinesAgreeWithTheTwoPassCodeOnRandomText() {
        var random = SplitMix64(seed: 0x6_1E5C_A9)
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            let text = randomText(&random)
            let new = XMLRichText.plainLines(of: text, startingAtLine: 5)
            let old = referencePlainLines(of: text, startingAtLine: 5)
            if new != old { disagreements.append("\(text.debugDescription): \(old.map(\.value)) vs \(new.map(\.value))") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func scanLineFindsTheOldBreakAndOnlyKeepsWhatCollapsedASCIIValueKeeps() {
        var random = SplitMix64(seed: 0x5CA_11E)
        var keptCount = 0
        var fellBack = 0
        for _ in 0..<10_000 {
            var text = randomText(&random)
            text.withUTF8 { bytes in
                var start = 0
                while true {
                    let scan = XMLRichText.scanLine(in: bytes, from: start)
                    let end = referenceLineEnd(bytes, from: start)
                    #expect(scan.end == end, "\(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self).debugDescription)")
                    if let kept = scan.kept {
                        keptCount += 1
                        if end > start {
                            #expect(XMLRichText.collapsedASCIIValue(of: bytes, in: start..<end) == kept)
                        } else {
                            #expect(kept.isEmpty)
                        }
                    } else {
                        fellBack += 1
                    }
                    guard end < bytes.count else { break }
                    start = bytes[end] == 0x5C ? end + 2 : end + 1
                }
            }
        }
        // Both ways are taken, so the comparison above says something about each.
        #expect(keptCount > 1000 && fellBack > 1000)
    }

    @Test func plainDutyLinesAreKeptWithoutTheGeneralPath() {
        // Read from the input: the bullet and its space are cut, the single trailing space trimmed.
        var text = "• Ran payroll for 300 staff. \n\t- Cut costs by 5%\\nLed a team of eight people"
        text.withUTF8 { bytes in
            // "•" is three bytes and its space one: the duty is bytes 4..<30, a space, the line feed at 31.
            let first = XMLRichText.scanLine(in: bytes, from: 0)
            #expect(first.end == 31)
            #expect(first.kept == 4..<30)
            // A tab, "- ", then fifteen bytes of duty up to the literal "\n" at 50.
            let second = XMLRichText.scanLine(in: bytes, from: 32)
            #expect(second.end == 50)
            #expect(second.kept == 35..<50)
            let third = XMLRichText.scanLine(in: bytes, from: 52)
            #expect(third.end == bytes.count)
            #expect(third.kept == 52..<bytes.count)
        }
        // Two spaces side by side, a tab or a non-ASCII byte inside: left to the general path.
        for line in ["Ran  payroll", "Ran\tpayroll", "Résumé review", "emoji 😀"] {
            var copy = line
            copy.withUTF8 { bytes in #expect(XMLRichText.scanLine(in: bytes, from: 0).kept == nil, "\(line)") }
        }
        #expect(XMLRichText.plainLines(of: "• Ran payroll for 300 staff. \n\t- Cut costs by 5%\\nLed a team", startingAtLine: 7).map(\.value)
                == ["Ran payroll for 300 staff.", "Cut costs by 5%", "Led a team"])
        #expect(XMLRichText.plainLines(of: "• Ran payroll\n- Led", startingAtLine: 7).map(\.line) == [7, 8])
    }

    @Test func joinedValuesCopiesThePartsAsAppendingDid() {
        var random = SplitMix64(seed: 0x10_1AED)
        let parts: [String?] = [nil, "", "IN", "US", "Indianapolis", "São Paulo", "東京", "😀 x", "a b", "Stonegate Regional Hospital"]
        for _ in 0..<5_000 {
            let count = Int(random.next() % 5)
            let chosen = (0..<count).map { _ in random.pick(parts) }
            for separator in ["", " ", ", ", " – "] {
                let new = XMLValues.joined(values: chosen, separator: separator)
                #expect(new == referenceJoinedValues(chosen, separator: separator), "\(chosen) \(separator.debugDescription)")
                #expect(new.map { Array($0.utf8) } == referenceJoinedValues(chosen, separator: separator).map { Array($0.utf8) })
            }
        }
    }

    @Test func rawTextOfOneTextNodeAndOfOthers() throws {
        let xml = """
            <r><one>  Led\tthe team \n</one><empty/><nested>a<b>b</b>c</nested><cdata>x<![CDATA[ <y> ]]>z</cdata>\
            <comment>p<!-- no -->q</comment><inner><b>only</b></inner><blank>   </blank></r>
            """
        let root = try #require(try XMLTestSupport.document(xml).root)
        for element in root.children {
            #expect(element.xmlRawText == referenceRawText(element), "\(element.name)")
        }
        #expect(root.child("one")?.xmlRawText == "  Led\tthe team \n")
        #expect(root.child("empty")?.xmlRawText == "")
    }

    @Test func firstChildElementIsTheOneChildrenListsFirst() throws {
        let xml = "<r><a/><b>text<c/></b><d>x<e/>y<f/></d><g>only text</g><h><!-- c --><i/></h></r>"
        let root = try #require(try XMLTestSupport.document(xml).root)
        for element in [root] + root.descendants {
            let (first, hasSecond) = XMLDates.firstChildElement(of: element)
            let children = element.children
            #expect(first?.name == children.first?.name, "\(element.name)")
            #expect(first?.line == children.first?.line)
            #expect(hasSecond == (children.count > 1), "\(element.name)")
        }
    }

    @Test func positionFieldsAlreadyMeaningfulAreKeptAsTheyAre() {
        var random = SplitMix64(seed: 0xF1E1D5)
        let values: [String?] = [nil, "HR Manager", "Résumé Writer", "中文", "a", "Stonegate Regional Hospital", "Denver, CO, US"]
        for _ in 0..<2_000 {
            let title = random.pick(values)
            let position = Position(
                title: title ?? "", employer: random.pick(values), location: random.pick(values),
                start: PartialDate(year: 2000 + Int(random.next() % 30)), end: random.next() % 2 == 0 ? nil : PartialDate(year: 2031),
                current: random.next() % 3 == 0, duties: [EvidenceText("Ran payroll", line: 4, section: .position)], line: 3)
            var checked = XMLCandidateDraft(source: "x.xml", format: .hrXML2)
            var kept = XMLCandidateDraft(source: "x.xml", format: .hrXML2)
            checked.addPosition(position, dutiesAreMeaningful: true)
            kept.addPosition(position, dutiesAreMeaningful: true, fieldsAreMeaningful: true)
            #expect(checked.finished() == kept.finished())
        }
    }

    @Test func seenKeysAnswersAsASetPastItsFirstRoomAndItsLinearLimit() {
        // The list is now given room for eight names at its first: inserts answer as `Set.insert` still,
        // before, at and after eight and `linearLimit` names.
        var random = SplitMix64(seed: 0x5EE_4E75)
        for _ in 0..<200 {
            var keys = SeenKeys()
            var reference: Set<String> = []
            for _ in 0..<Int(random.next() % 80) {
                let key = "skill \(random.next() % 50)"
                #expect(keys.insert(key) == reference.insert(key).inserted, "\(key)")
            }
        }
    }

    @Test func aPositionNamedFromAPlaceholderCodeHasNoTitle() throws {
        // positionType "STRING" reads "String", a schema placeholder: the position keeps no title, and the
        // warnings name the code and the readable form as before.
        let candidate = try XMLTestSupport.read(xml: """
            <Resume xmlns="http://ns.hr-xml.org/2007-04-15"><StructuredXMLResume><EmploymentHistory><EmployerOrg>
            <EmployerOrgName>Acme</EmployerOrgName>
            <PositionHistory positionType="STRING"><StartDate><YearMonth>2020-01</YearMonth></StartDate></PositionHistory>
            <PositionHistory positionType="directHire"><StartDate><YearMonth>2018-01</YearMonth></StartDate>
            <EndDate><YearMonth>2019-06</YearMonth></EndDate></PositionHistory>
            </EmployerOrg></EmploymentHistory></StructuredXMLResume></Resume>
            """)
        #expect(candidate.positions.map(\.title) == ["", "Direct hire"])
        #expect(candidate.positions.map(\.employer) == ["Acme", "Acme"])
        #expect(candidate.warnings.contains("position 1 has no title: named from its positionType \"STRING\""))
        #expect(candidate.warnings.contains("position 1 (String) has a start and no end: read as current"))
        #expect(candidate.warnings.contains("position 1 at Acme has no title"))
    }
}
