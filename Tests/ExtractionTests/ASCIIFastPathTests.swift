import Testing
@testable import Extraction

/// The byte paths for ASCII and simple-scalar text must give what the `Character` code gives.
@Suite struct ASCIIFastPathTests {
    @Test func byteClassesMatchCharacterProperties() {
        for value in UInt8(0)..<0x80 where value != 0x0D {
            let character = Character(Unicode.Scalar(value))
            #expect(TextScan.isASCIILetter(value) == character.isLetter)
            #expect(TextScan.isASCIIDigit(value) == character.isNumber)
            #expect(TextScan.isASCIIUpper(value) == character.isUppercase)
            #expect(TextScan.isASCIILower(value) == character.isLowercase)
            #expect(String(Character(Unicode.Scalar(TextScan.lowerASCII(value)))) == String(character).lowercased())
        }
    }

    /// In simple-scalar text every scalar is one character.
    @Test(arguments: [
        "Senior HR Generalist – Acme Health · Columbus, OH • 2019–2021", "Zoë Ekwueme, SHRM-CP", "Café “Müller” … €5",
        "▪ Led payroll ➤ ADP", "Ünïcödé Straße",
    ])
    func simpleScalarsAreCharacters(text: String) {
        var copy = text
        #expect(copy.withUTF8 { TextScan.isSimpleScalars($0) })
        #expect(text.count == text.unicodeScalars.count)
    }

    @Test(arguments: ["e\u{301}cole", "a\r\nb", "👩‍💼 HR", "\u{212A}elvin"])
    func combiningTextIsNotSimple(text: String) {
        var copy = text
        #expect(!copy.withUTF8 { TextScan.isSimpleScalars($0) })
    }

    /// The ASCII tokenizer finds the same ranges as the character one (forced by a trailing "é").
    @Test(arguments: [
        "January 2024 - Present", "Nov 2021 - Dec 2023", "09/2024 - present", "2017-2020", "2019-03 - 2021-06",
        "since September 2025", "from 2019 to 2021", "Jan '19 - now", "January 15, 2024", "4/1/1997", "Led 5 teams",
        "HR Generalist, Acme (2021 ~ 2023)", "March, 2019 until today",
    ])
    func asciiTokensMatchCharacterTokens(text: String) {
        let fast = DateExpressions.findRange(in: text)
        let slow = DateExpressions.findRange(in: text + " \u{00E9}")
        #expect(fast?.start == slow?.start)
        #expect(fast?.end == slow?.end)
        #expect(fast?.isCurrent == slow?.isCurrent)
        #expect(fast.map { String(text[$0.matched]) } == slow.map { String((text + " \u{00E9}")[$0.matched]) })
    }

    @Test(arguments: [
        ("Supervised the HR coordinator and two interns", true), ("Led our EEO-1 filing", true),
        ("Senior HR Generalist", false), ("Certified Compensation Professional program", false),
        ("managed benefits for all staff", true), ("Acme Health Partners of Ohio", false),
    ])
    func sentenceTest(text: String, expected: Bool) {
        #expect(LineFields.isSentenceLike(text) == expected)
        // The same words with a non-ASCII letter take the simple-scalar path.
        #expect(LineFields.isSentenceLike(text + " é") == LineFields.isSentenceLike(text + " e"))
    }

    @Test func splitKeepsSeparatorsRules() {
        #expect(LineFields.split("HR Generalist | Acme Health, Inc. - Columbus, OH") == ["HR Generalist", "Acme Health, Inc.", "Columbus, OH"])
        #expect(LineFields.split("Recruiter at Acme @ Home / Remote") == ["Recruiter", "Acme", "Home", "Remote"])
        #expect(LineFields.split("EEO-1 (annual) [x]") == ["EEO-1", "annual", "x"])
    }
}
