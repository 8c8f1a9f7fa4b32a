import Foundation
import Testing
import TestSupport
@testable import Extraction

/// The one-pass trigger scan (`CertificationTriggerTable`) must answer as `mayNameCertification` did:
/// the lower-cased letter words looked up in `triggerWords` (the reference, kept here as it was). Its
/// shortcut for text other than plain ASCII rests on two facts about the catalog and Unicode, checked here.
@Suite struct CertificationTriggerScanTests {
    /// `mayNameCertification` as it was: the letter runs, lower-cased, looked up in the set.
    static func reference(_ text: String) -> Bool {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).contains { CertificationReader.triggerWords.contains($0) }
    }

    static func scanned(_ text: String) -> Bool {
        CertificationReader.mayNameCertification(text, table: CertificationReader.triggerTable)
    }

    /// Pieces the texts are made of: trigger words in every case, words that only start or end like
    /// them, accented, CJK and emoji text, combining marks, prepended marks (U+0600, U+0D4E), the two
    /// scalars that lower-case to ASCII (İ, KELVIN SIGN), CR/LF, NBSP and punctuation.
    static let pieces: [String] = {
        var pieces = [" ", "  ", ",", "-", "(", ")", "—", "–", "·", "\u{00A0}", "\r\n", "\r", "\n", "\t", "2021", "é", "É", "ü",
                      "\u{301}", "\u{200D}", "\u{600}", "\u{D4E}", "İ", "\u{212A}", "\u{0131}", "ß", "ﬁ", "人事", "認定", "🎓",
                      "👩‍💼", "a", "x", "s", "S", "the", "Senior", "HR", "Generalist", "Acme", "graphr", "Phrase", "professionally",
                      "Workday", "WORK\u{212A}DAY", "wor", "kday", "İnsan", "Ca", "cA", "c"]
        for word in CertificationReader.triggerWords.sorted() {
            pieces += [word, word.uppercased(), word.capitalized, "x" + word, word + "s", String(word.dropLast()), String(word.dropFirst())]
        }
        return pieces
    }()

    @Test func scanMatchesTheLetterWordsOnListedTexts() {
        var texts = FieldExtractionPrefilterTests.texts + CertificationNeedleTableTests.texts
        texts += ["PHR\r\n", "\r\nPHR", "shrm é", "é shrm", "éshrm", "shrmé", "shrm\u{301}", "\u{600}shrm", "\u{600}xshrm", "\u{600}x shrm",
                  "\u{D4E}xcipd", "\u{600}\u{301}xcipd", "\u{212A}", "WOR\u{212A}DAY pro", "wor\u{212A}day", "İ cipd", "CIPD\u{7F}", "ﬁ phr"]
        for text in texts {
            #expect(Self.scanned(text) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func scanMatchesTheLetterWordsOnRandomTexts() {
        var generator = SplitMix64(seed: 0xCE27_7A61)
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 7) { text += generator.pick(Self.pieces) }
            #expect(Self.scanned(text) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func scanMatchesTheLetterWordsAtEveryOffset() {
        // The scan reads eight bytes at a time: a word at each offset, across the eight-byte boundaries,
        // after spaces, letters, digits or an accented letter, and with text after it.
        for word in CertificationReader.triggerWords.sorted() + ["graphr", "shrmx", "Senior"] {
            for offset in 0..<18 {
                for filler in [" ", "x", "1", "é", "\u{600}", "-"] {
                    for tail in ["", " ", "s", " 2021", "é", " ñ"] {
                        let text = String(repeating: filler, count: offset) + word.uppercased() + tail
                        #expect(Self.scanned(text) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                    }
                }
            }
        }
    }

    @Test func notHeldPhrasesMatchThePhraseBySearch() {
        // One pass over the line for the phrases that say a certification is not held, against one
        // search per phrase (the reference).
        var texts = FieldExtractionPrefilterTests.texts + ["pursuing phr", "PHR exam 2024", "examined", "working towards shrm-cp",
                                                           "will sit for the SPHR", "enrolled", "in progress", "inprogress", "plan to", "plan\u{00A0}to"]
        texts += CertificationReader.notHeld.flatMap { [$0, "x" + $0 + "x", String($0.dropLast()), $0.uppercased()] }
        for text in texts {
            let lowered = TextScan.lowercased(text)
            #expect(CertificationReader.notHeldPhrases.containsAny(in: lowered)
                == CertificationReader.notHeld.contains(where: { TextScan.contains(lowered, $0) }), "\(text)")
        }
    }

    @Test func triggerTableHoldsEveryTriggerWord() {
        // Every trigger word is ASCII lower-case letters, so the table holds them all.
        for word in CertificationReader.triggerWords {
            #expect(!word.isEmpty && word.utf8.allSatisfy(TextScan.isASCIILower), "\(word)")
            #expect(Self.scanned(word) && Self.scanned(word.uppercased()), "\(word)")
        }
    }

    @Test func onlyTwoNonASCIIScalarsLowerCaseToASCII() {
        // The scan's premise for text that is not plain ASCII: apart from U+0130 and U+212A no scalar
        // lower-cases to an ASCII letter, nor to one that is canonically equivalent to ASCII letters.
        func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && TextScan.isASCIILetter(UInt8(scalar.value)) }
        var exceptions: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let lowered = String(scalar).lowercased()
            let asciiInside = lowered.unicodeScalars.contains(where: isASCIILetter)
            let equivalentToASCII = lowered.unicodeScalars.contains { piece in
                !piece.isASCII && String(piece).decomposedStringWithCanonicalMapping.unicodeScalars.allSatisfy(isASCIILetter)
            }
            if asciiInside || equivalentToASCII { exceptions.append(value) }
        }
        #expect(exceptions == [0x130, 0x212A])
    }
}
