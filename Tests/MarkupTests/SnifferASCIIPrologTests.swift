import Foundation
import Testing
@testable import Markup

// `ContentSniffer.verdictFromASCIIProlog` answers the sniff from the bytes when what the sniff looks at is
// ASCII. The claim is "the same verdict or error as before", so `sniff` as it was before the fast path is
// kept here as the reference (its helpers `decodedPrefix` and `firstElementName` are unchanged).

private func referenceSniff(_ bytes: Data) throws(MarkupError) -> ContentSniffer.Verdict {
    guard !bytes.isEmpty else { throw .empty }
    let prefix = ContentSniffer.decodedPrefix(bytes)
    if prefix.utf8.contains(0) {
        throw .notMarkup("it holds NUL bytes: a binary file, not an HTML or XML résumé")
    }
    let trimmed = prefix.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
    guard let firstAngle = trimmed.firstIndex(of: "<") else {
        throw .notMarkup("no markup found: the file does not start like HTML or XML")
    }
    let leading = trimmed[trimmed.startIndex..<firstAngle]
    let leadingIsText = !leading.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" }
    if leading.count > 512 || !leadingIsText {
        throw .notMarkup("no markup found: the file does not start like HTML or XML")
    }
    let declaresXML = trimmed[firstAngle...].hasPrefix("<?xml")
    let rootName = ContentSniffer.firstElementName(in: trimmed[firstAngle...])
    if let rootName {
        let local = rootName.split(separator: ":").last.map(String.init) ?? rootName
        if local.lowercased() == "html" || (!declaresXML && ContentSniffer.htmlRootNames.contains(local.lowercased())) {
            return .init(kind: .html)
        }
        return .init(kind: .xml)
    }
    if trimmed.lowercased().contains("<!doctype html") { return .init(kind: .html) }
    return .init(kind: declaresXML ? .xml : .html)
}

private func outcome(_ sniff: (Data) throws(MarkupError) -> ContentSniffer.Verdict, _ bytes: Data) -> String {
    do { return "\(try sniff(bytes).kind)" } catch { return "error \(error)" }
}

@Suite struct SnifferASCIIPrologTests {
    static let leadings = ["", "  \n", "\r\n\t", "\u{FEFF}", "\u{0B}\u{0C} ", "text ", "\u{A0}", "\u{1C}"]
    static let declarations = [
        "", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml-stylesheet href='a'?>", "<?XML?>",
        "<?xml\u{301} ?>", "<?>", "<?\u{301}xml?>", "<?xml version='1.0' ?> é",
    ]
    static let separators = ["", "\n", "\r\n", " \u{301}", "é", "\n\t "]
    static let comments = [
        "", "<!-- Synthetic résumé for the benchmark -->", "<!-->", "<!--\u{301}x-->", "<!---->",
        "<!-- 中文 😀 -->", "<!-- unterminated",
    ]
    static let doctypes = [
        "", "<!DOCTYPE html>", "<!DOCTYPE r [<!ENTITY a 'b'>]>", "<!DOCTYPE é>", "<!doctype html>\u{301}",
        "<!\u{301}DOCTYPE html>", "<!DOCTYPE r [",
    ]
    static let roots = [
        "<Resume xmlns=\"http://ns.hr-xml.org/2007-04-15\">", "<html>", "<HTML lang=en>", "<hr:Resume>", "<div>",
        "<p/>", "<Rés>", "<a\u{301}>", "<body\r\n>", "<x:>", "<:>", "< x>", "<br>\u{301}", "<table\u{300}>",
        "<section\t>", "<h1>", "<Candidate", "<", "",
    ]
    static let tails = ["", "<x>résumé</x>", "\u{0}", "中文😀", "\n<!doctype html>"]

    /// Documents put together from every kind of part, a deterministic spread over all combinations.
    static let documents: [String] = {
        let parts = [leadings, declarations, separators, comments, doctypes, roots, tails]
        let total = parts.reduce(1) { $0 * $1.count }
        var result: [String] = []
        var combination = 0
        while combination < total {
            var rest = combination
            var text = ""
            for (position, options) in parts.enumerated() {
                text += options[rest % options.count]
                rest /= options.count
                if position == 2 || position == 3 { text += separators[(combination / 7) % separators.count] }
            }
            result.append(text)
            combination += 97
        }
        return result
    }()

    static func encodings(of text: String) -> [Data] {
        var forms = [Data(text.utf8)]
        if text.unicodeScalars.allSatisfy({ $0.value < 0x100 }) {
            forms.append(Data(text.unicodeScalars.map { UInt8($0.value) }))
        }
        forms.append(Data([0xFF, 0xFE]) + Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        return forms
    }

    @Test func sameOutcomeAsTheOldSniffOverVariedPrologs() {
        var disagreements: [String] = []
        for text in Self.documents {
            for bytes in Self.encodings(of: text) {
                let old = outcome(referenceSniff, bytes), new = outcome(ContentSniffer.sniff, bytes)
                if old != new { disagreements.append("\(text.debugDescription): \(old) vs \(new)") }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    /// The sniff reads the first 8 KB only: a root name or a multi-byte character cut at that boundary.
    @Test func sameOutcomeAtThePrefixBoundary() {
        for shift in -12...12 {
            for filler in ["a", "é", "中", "😀"] {
                let head = "<?xml version=\"1.0\"?>\n<!-- "
                let fillerBytes = 8192 - head.utf8.count - 5 + shift
                var comment = ""
                while comment.utf8.count + filler.utf8.count <= fillerBytes { comment += filler }
                while comment.utf8.count < fillerBytes { comment += "b" }
                for root in ["<Resume>", "<html>", "<div>"] {
                    let bytes = Data((head + comment + " -->" + root + "</x>").utf8)
                    #expect(outcome(referenceSniff, bytes) == outcome(ContentSniffer.sniff, bytes), "shift \(shift) \(filler) \(root)")
                }
            }
        }
    }

    /// The fast path does answer the files it was written for: a generated HR-XML prolog with an accented
    /// comment, and a plain HTML page.
    @Test func answersTypicalPrologs() {
        let hrXML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Synthetic résumé -->\n<Resume xmlns=\"x\">é</Resume>"
        let html = "<!DOCTYPE html>\n<html lang=\"fr\"><head><title>Résumé</title></head></html>"
        let fragment = "\n  <div class=\"cv\">Çava</div>"
        for (text, kind) in [(hrXML, MarkupDocument.Kind.xml), (html, .html), (fragment, .html)] {
            let verdict = Array(text.utf8).withUnsafeBytes { ContentSniffer.verdictFromASCIIProlog($0) }
            #expect(verdict == ContentSniffer.Verdict(kind: kind), "\(text)")
        }
    }

    /// And leaves to the general sniff what it cannot be sure of.
    @Test func declinesWhatItCannotBeSureOf() {
        for text in ["\u{FEFF}<Resume/>", "hello <p>x</p>", "<a\u{301}>", "<!-- x --> é<Resume/>", "<Resume\u{0}>", "<!-- x"] {
            let verdict = Array(text.utf8).withUnsafeBytes { ContentSniffer.verdictFromASCIIProlog($0) }
            #expect(verdict == nil, "\(text.debugDescription)")
        }
    }
}
