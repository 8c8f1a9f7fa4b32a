/// Which lines `SectionAssigner.heading` must match against the section phrases.
///
/// A line the markup does not present as a heading (`SectionHeadings.isMarkedHeading` false) opens a
/// section only when it names one *and* reads as a heading on its own: written as one
/// (`looksLikeHeadingText`: all capitals, or ending in ":"), or short (three space words at most) and
/// neither a list item nor a bulleted line. A line that is neither can open no section whatever its words
/// say, so its words need not be matched at all: most lines are bullets and sentences, and the phrase
/// matching (`SectionHeadings.section(named:)`) was most of the cost of assigning sections.
enum UnmarkedHeadingFilter {
    /// Whether an unmarked line with this text could open a section: `(!isListItem && !hadBullet &&
    /// TextScan.spaceWordCount(text) <= 3) || SectionHeadings.looksLikeHeadingText(text)`.
    ///
    /// Plain ASCII text (no byte above 0x7F, no carriage return, where both of those read bytes) is
    /// answered in one pass that stops as soon as the answer is sure: a lower-case letter rules out "all
    /// capitals", a fourth space word rules out "short". Other text asks the two functions themselves.
    static func mayOpenSection(_ text: String, isListItem: Bool, hadBullet: Bool) -> Bool {
        let quick = text.withBorrowedUTF8 { bytes -> Bool? in
            guard HTMLLines.isPlainASCIIByWords(bytes) else { return nil }
            return mayOpenSection(plainASCII: bytes, shortLineCounts: !isListItem && !hadBullet)
        }
        if let quick { return quick }
        if !isListItem, !hadBullet, TextScan.spaceWordCount(text) <= 3 { return true }
        if cannotLookLikeHeadingText(text) { return false }
        return SectionHeadings.looksLikeHeadingText(text)
    }

    /// Whether `looksLikeHeadingText` is sure to be false for text that is not plain ASCII, by byte:
    /// its general path filters every letter out of the text as Characters, which cost tens of
    /// thousands of instructions for a long line. The text does not end with ":" when its last byte is
    /// not one (the last Character's last scalar would be ":"). Its letters are not all capitals when a
    /// lower-case ASCII letter starts a Character (`someCharacterStarts`): that Character is a letter
    /// (its first scalar is) and is not upper-case (its upper-case form differs).
    static func cannotLookLikeHeadingText(_ text: String) -> Bool {
        text.withBorrowedUTF8 { bytes in
            guard let last = bytes.last, last != 0x3A else { return false }
            return HTMLLines.someCharacterStarts(withASCII: bytes, where: TextScan.isASCIILower).found
        }
    }

    /// `mayOpenSection` for plain ASCII bytes. With `shortLineCounts`, a line of three space words or
    /// fewer may open a section (the words are the runs between spaces, as `spaceWordCount` counts them).
    /// Otherwise, and for longer lines, only one that ends with ":" or whose letters (four to forty) are
    /// all capitals (`looksLikeHeadingText`'s byte path).
    static func mayOpenSection(plainASCII bytes: UnsafeBufferPointer<UInt8>, shortLineCounts: Bool) -> Bool {
        if bytes.last == 0x3A { return true }
        var words = 0
        var inWord = false
        var letters = 0
        var allUpper = true
        for byte in bytes {
            if byte == 0x20 {
                inWord = false
            } else {
                if !inWord {
                    inWord = true
                    words += 1
                }
                if TextScan.isASCIILetter(byte) {
                    letters += 1
                    if !TextScan.isASCIIUpper(byte) { allUpper = false }
                }
            }
            // Sure of "no": not all capitals, and not (or no longer) a short line that counts.
            if !allUpper, !shortLineCounts || words > 3 { return false }
        }
        if shortLineCounts, words <= 3 { return true }
        return letters >= 4 && letters <= 40 && allUpper
    }
}
