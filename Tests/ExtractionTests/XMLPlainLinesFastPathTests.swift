import Foundation
import Markup
import Testing

@testable import Extraction

// `XMLRichText.plainLines` now makes the common line ("• Plain ASCII duty.") into one string straight from
// its bytes (`collapsedASCIIValue`). The claim is "the same lines as before", so `plainLines` as it was is
// kept here as the reference (`withoutBullet` and `XMLValues.meaningful`, which it called, are unchanged).

private func referencePlainLines(of raw: String, startingAtLine line: Int) -> [MarkupText] {
    var result: [MarkupText] = []
    var sourceLine = line
    var text = raw
    text.withUTF8 { bytes in
        func flush(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            let slice = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            if let value = XMLValues.meaningful(XMLRichText.withoutBullet(slice)) {
                result.append(MarkupText(value: value, line: sourceLine))
            }
        }
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r"), backslash = UInt8(ascii: "\\")
        var index = 0
        var lineStart = 0
        while index < bytes.count {
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
    }
    return result
}

@Suite struct XMLPlainLinesFastPathTests {
    static let indents = ["", " ", "\t\t", "\u{A0}", "\u{0B}", " \t "]
    static let bullets = ["", "•", "-", "*", "o", "·", "–", "—", "▪", "►", "‣", "x", "é", "😀", "•\u{301}", "\u{2023}"]
    static let gaps = ["", " ", "\t", "  ", "\u{A0}", "\u{3000}"]
    static let bodies = [
        "", "Ran payroll for 300 staff.", "Ran  payroll", "Ran\tpayroll", "Résumé review", "中文 duties",
        "emoji 😀 here", "String", "token", "xs:string", "anyURI ", "o", "-", "Cut costs by 5%\u{0C}",
        "a\u{301}ccent", "  trailing   ", "\u{200B}zero width",
    ]
    static let endings = ["\n", "\r\n", "\r", "\\n", "\\r", "\n\n", "\\t", " \n"]

    static let texts: [String] = {
        var texts: [String] = []
        for indent in indents {
            for bullet in bullets {
                for gap in gaps {
                    for body in bodies {
                        texts.append(indent + bullet + gap + body)
                    }
                }
            }
        }
        return texts
    }()

    @Test func sameLinesAsTheOldCodeForEachKindOfLine() {
        var disagreements: [String] = []
        for line in Self.texts {
            let new = XMLRichText.plainLines(of: line, startingAtLine: 3)
            let old = referencePlainLines(of: line, startingAtLine: 3)
            if new != old { disagreements.append("\(line.debugDescription): \(old.map(\.value)) vs \(new.map(\.value))") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func sameLinesAsTheOldCodeForMultiLineTexts() {
        var disagreements: [String] = []
        for (offset, ending) in Self.endings.enumerated() {
            var text = "\t\t\t\t\t"
            for (index, line) in Self.texts.enumerated() where index % 37 == offset {
                text += line + ending
            }
            for variant in [text, String(text.dropLast()), "\n" + text, ending + ending + text] {
                let new = XMLRichText.plainLines(of: variant, startingAtLine: 7)
                let old = referencePlainLines(of: variant, startingAtLine: 7)
                if new != old { disagreements.append("ending \(ending.debugDescription): \(old.count) vs \(new.count) lines") }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements)")
    }

    /// What the fast path keeps, read from the line itself.
    @Test func keepsTheDutyWithoutBulletOrIndent() {
        let text = "\t\t• Ran payroll for 300 staff.\n- Cut costs\n  plain line  \n• \n  \nString"
        let lines = XMLRichText.plainLines(of: text, startingAtLine: 40)
        #expect(lines.map(\.value) == ["Ran payroll for 300 staff.", "Cut costs", "plain line"])
        #expect(lines.map(\.line) == [40, 41, 42])
    }

    /// And declines what needs the general path: non-ASCII text, tabs or double spaces inside.
    @Test func declinesLinesThatNeedCollapsingOrHoldNonASCII() {
        for line in ["• Résumé", "a  b", "a\tb", "\u{A0}x", "x\u{0B}y"] {
            var copy = line
            let kept = copy.withUTF8 { XMLRichText.collapsedASCIIValue(of: $0, in: 0..<$0.count) }
            #expect(kept == nil, "\(line.debugDescription)")
        }
    }
}
