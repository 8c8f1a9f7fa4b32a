import Foundation

/// Certifications: each line of a certifications section, and any known certification named elsewhere
/// ("Dana Whitfield, PHR", "PHR-certified generalist").
enum CertificationReader {
    /// Lines that mention a certification without claiming it.
    static let notHeld = ["pursuing", "working toward", "working towards", "studying for", "preparing for", "prepare for", "prepared", "exam", "candidate for", "eligible", "in progress", "expected", "planning", "plan to", "will sit", "sit for", "enrolled"]

    /// `notHeld` searched in one pass over a lower-cased line (byte for byte, as `TextScan.contains`),
    /// not one search per phrase.
    static let notHeldPhrases = PhraseSet(notHeld)

    /// `lines` are the certification section's content; `allLines` the whole document, searched for
    /// known certifications named elsewhere.
    static func certifications(inSection lines: [SectionedLine], everywhere allLines: [SectionedLine]) -> [Certification] {
        certifications(sectionLines: lines, at: lines.indices, everywhere: allLines)
    }

    /// `certifications(inSection:everywhere:)` of a document's lines, the section's content being its
    /// certification lines that are not headings: read by index, without an array of copies of them.
    static func certifications(in lines: [SectionedLine]) -> [Certification] {
        certifications(
            sectionLines: lines, at: lines.indices.lazy.filter { lines[$0].section == .certifications && !lines[$0].isHeading },
            everywhere: lines)
    }

    /// The certifications of the section's lines `sectionLines[indices]`, then those named in `allLines`
    /// outside the section. By index throughout: a copy of a line retained each of its strings.
    static func certifications(
        sectionLines lines: [SectionedLine], at indices: some Sequence<Int>, everywhere allLines: [SectionedLine]
    ) -> [Certification] {
        var result: [Certification] = []
        // The lines of a section share its heading: its test is kept for the next line.
        var lastHeading: (heading: String, mixed: Bool)?
        for index in indices {
            // Under "Awards & Certifications" an unknown line must say it is a certification.
            let mixedHeading = lines[index].heading.map { heading in
                if let lastHeading, lastHeading.heading == heading { return lastHeading.mixed }
                let loweredHeading = TextScan.lowercased(heading)
                let mixed = SectionHeadings.otherWords.contains { SectionHeadings.wordPosition(of: $0, in: loweredHeading) != nil }
                lastHeading = (heading, mixed)
                return mixed
            } ?? false
            let text = lines[index].line.text
            let lowered = TextScan.lowercased(text)
            if notHeldPhrases.containsAny(in: lowered) { continue }
            let ids = CertificationCatalog.ids(in: text, lowered: lowered)
            let fieldText = lines[index].line.fieldText
            let range = DateExpressions.findRange(in: fieldText)
            let date = range.flatMap { $0.start ?? $0.end }
            // Most lines' field text is their text, byte for byte: then the date just found is the one
            // `nameWithoutDate` cuts, and the name is the same made from either.
            let name = TextScan.sameBytes(text, fieldText) ? nameWithoutDate(fieldText, dateRange: range) : nameWithoutDate(text)
            let wordCount = TextScan.spaceWordCount(text)
            let lineNumber = lines[index].line.line
            if ids.isEmpty {
                // A line with only a date, or only the issuer, completes the certification above it.
                let issuerOnly = issuerPrefixes.contains { lowered.hasPrefix($0) }
                if (name.isEmpty || issuerOnly), let date, let last = result.indices.last, result[last].date == nil {
                    result[last].date = date
                    continue
                }
                if name.isEmpty || issuerOnly { continue }
                // `looksLikeCertification(text)` of a line whose `ids` are empty: its catalog look-up
                // would find nothing again, so only its words are tested.
                guard CertificationCatalog.mentionsCertificationWord(lowered: lowered) || (!mixedHeading && wordCount <= 12 && !LineFields.isSentenceLike(text)) else { continue }
                result.append(Certification(name: name, id: nil, date: date, line: lineNumber))
            } else if ids.count == 1 {
                guard !result.contains(where: { $0.id == ids[0] }) else { continue }
                result.append(Certification(name: name.isEmpty ? ids[0] : name, id: ids[0], date: date, line: lineNumber))
            } else {
                // "PHR, SHRM-CP": one line, several certifications; a date cannot be told apart.
                for id in ids where !result.contains(where: { $0.id == id }) {
                    result.append(Certification(name: id, id: id, date: nil, line: lineNumber))
                }
            }
        }
        // By index: most lines are ruled out by their text alone, without copying the whole line.
        for index in linesThatMayNameCertifications(allLines) {
            let text = allLines[index].line.text
            // Most lines with a trigger word name no certification: their byte pairs tell, before the
            // lower-cased copy and the catalog walk (an empty `ids` skips the line below).
            guard CertificationCatalog.mayFindID(in: text) else { continue }
            let lowered = TextScan.lowercased(text)
            let ids = CertificationCatalog.ids(in: text, lowered: lowered)
            guard !ids.isEmpty else { continue }
            guard !notHeldPhrases.containsAny(in: lowered) else { continue }
            let short = TextScan.spaceWordCount(text) <= 10
            for id in ids where !result.contains(where: { $0.id == id }) {
                let date = ids.count == 1 && short ? DateExpressions.findRange(in: allLines[index].line.fieldText).flatMap { $0.start } : nil
                result.append(Certification(name: id, id: id, date: date, line: allLines[index].line.line))
            }
        }
        return result
    }

    /// The starts of a certifications-section line that only names the issuer (made once, not per line).
    static let issuerPrefixes = ["hrci", "hr certification institute", "shrm", "society for human resource management", "issued by", "cipd"]

    /// Words that any certification in the catalog starts with or abbreviates to: a line with none of
    /// them names no known certification, so the catalog's slower phrase search is skipped.
    static let triggerWords: Set<String> = {
        var words: Set<String> = []
        for entry in CertificationCatalog.entries {
            for alias in entry.aliases {
                if let first = letterWords(alias).first { words.insert(first) }
            }
            for abbreviation in entry.abbreviations { words.formUnion(letterWords(abbreviation)) }
        }
        return words
    }()

    static func letterWords(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    static func mayNameCertification(_ text: String) -> Bool {
        // Read once here, not once per word: each read of a static goes through its lazy initialiser.
        let buckets = triggerBuckets
        let maxLength = maxTriggerLength
        // (`TextScan.withPlainASCII`, its test eight bytes at a time: every line of every document comes here.)
        if let quick = text.withBorrowedUTF8({ bytes -> Bool? in
            guard HTMLLines.isPlainASCIIByWords(bytes) else { return nil }
            // The runs of ASCII letters, lower-cased: `letterWords` for ASCII text.
            return TextScan.firstLetterRun(in: bytes) { run in
                isASCIITrigger(bytes, run, buckets: buckets, maxLength: maxLength)
            }
        }) {
            return quick
        }
        let lowered = TextScan.lowercased(text)
        var copy = lowered
        if let quick = copy.withUTF8({ bytes -> Bool? in
            guard TextScan.isSimpleScalars(bytes) else { return nil }
            // Each scalar is a character here: the runs of letters are `letterWords`' words.
            var index = 0
            var start = -1
            var ascii = true
            func runEnds(at end: Int) -> Bool {
                defer { start = -1 }
                guard start >= 0 else { return false }
                let run = start..<end
                if ascii { return isASCIITrigger(bytes, run, buckets: buckets, maxLength: maxLength) }
                return triggerWords.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[run]), as: UTF8.self))
            }
            while index < bytes.count {
                let (scalar, length) = TextScan.scalar(at: index, in: bytes)
                let isLetter = length == 1 ? TextScan.isASCIILetter(bytes[index]) : Character(scalar).isLetter
                if isLetter {
                    if start < 0 {
                        start = index
                        ascii = true
                    }
                    if length > 1 { ascii = false }
                } else if runEnds(at: index) {
                    return true
                }
                index += length
            }
            return runEnds(at: bytes.count)
        }) {
            return quick
        }
        return letterWords(text).contains { triggerWords.contains($0) }
    }

    /// Whether a run of ASCII letters (either case) is a trigger word: `triggerWords.contains` of the run
    /// lower-cased, told by comparing bytes with the few trigger words that share its first two letters
    /// instead of building and hashing a string for every word of every line. A trigger word with other
    /// than ASCII lower-case letters cannot equal such a run, so only the ASCII ones are compared.
    @inline(__always)
    /// `buckets` and `maxLength` are `triggerBuckets` and `maxTriggerLength`, read once by the caller.
    static func isASCIITrigger(_ bytes: UnsafeBufferPointer<UInt8>, _ run: Range<Int>,
                               buckets triggerBuckets: (bytes: [UInt8], words: [Range<Int>], buckets: [Range<Int>]),
                               maxLength: Int) -> Bool {
        guard run.count <= maxLength else { return false }
        let first = Int(TextScan.lowerASCII(bytes[run.lowerBound]) &- 0x61)
        let second = run.count > 1 ? Int(TextScan.lowerASCII(bytes[run.lowerBound + 1]) &- 0x61) : 26
        let bucket = triggerBuckets.buckets[first * 27 + second]
        guard !bucket.isEmpty else { return false }
        return triggerBuckets.bytes.withUnsafeBufferPointer { wordBytes in
            for wordIndex in bucket {
                let word = triggerBuckets.words[wordIndex]
                guard word.count == run.count else { continue }
                var offset = 2
                while offset < word.count, wordBytes[word.lowerBound + offset] == TextScan.lowerASCII(bytes[run.lowerBound + offset]) {
                    offset += 1
                }
                if offset >= word.count { return true }
            }
            return false
        }
    }

    /// The ASCII trigger words end to end in `bytes`, each one's range in `words`, and for each first
    /// letter × (second letter or none), the indices of the words in `words`.
    static let triggerBuckets: (bytes: [UInt8], words: [Range<Int>], buckets: [Range<Int>]) = {
        var grouped = [[[UInt8]]](repeating: [], count: 27 * 27)
        for word in triggerWords.sorted() {
            let bytes = Array(word.utf8)
            guard !bytes.isEmpty, bytes.allSatisfy(TextScan.isASCIILower) else { continue }
            let first = Int(bytes[0] - 0x61)
            let second = bytes.count > 1 ? Int(bytes[1] - 0x61) : 26
            grouped[first * 27 + second].append(bytes)
        }
        var allBytes: [UInt8] = []
        var words: [Range<Int>] = []
        var buckets: [Range<Int>] = []
        for group in grouped {
            let start = words.count
            for word in group {
                words.append(allBytes.count..<(allBytes.count + word.count))
                allBytes.append(contentsOf: word)
            }
            buckets.append(start..<words.count)
        }
        return (allBytes, words, buckets)
    }()

    /// The longest trigger word, in bytes: longer ASCII words need no look-up.
    static let maxTriggerLength = triggerWords.map(\.utf8.count).max() ?? 0

    /// The line as written, without its date and the punctuation that held it ("PHR (2022)" → "PHR").
    static func nameWithoutDate(_ line: HTMLLine) -> String {
        nameWithoutDate(line.text)
    }

    /// `nameWithoutDate` of a line's text.
    static func nameWithoutDate(_ lineText: String) -> String {
        nameWithoutDate(lineText, dateRange: DateExpressions.findRange(in: lineText))
    }

    /// `nameWithoutDate` of a text whose `DateExpressions.findRange` the caller has already taken.
    static func nameWithoutDate(_ lineText: String, dateRange: DateRange?) -> String {
        var text = lineText
        if let range = dateRange {
            text = String(text[text.startIndex..<range.matched.lowerBound]) + String(text[range.matched.upperBound...])
        }
        text = TextScan.replacing("( )", with: "", in: TextScan.replacing("()", with: "", in: text))
        if let quick = TextScan.withSimpleScalars(text, { withoutLabelsCollapsed($0) }) { return LineFields.trim(quick) }
        var lowered = TextScan.lowercased(text)
        for suffix in labelSuffixes where lowered.hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count))
            lowered = TextScan.lowercased(text)
        }
        return LineFields.trim(collapseSpaces(text))
    }

    /// The labels a date leaves at the end of a certification ("PHR, obtained"), each after its space:
    /// made once, not joined for every line.
    static let labelSuffixes = ["obtained", "earned", "issued", "awarded", "since", "expires", "exp."].map { " " + $0 }

    /// `labelSuffixes` as bytes end to end, with each one's range (read without a string per line).
    static let labelSuffixBytes: (bytes: [UInt8], ranges: [Range<Int>]) = {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for suffix in labelSuffixes {
            let start = bytes.count
            bytes.append(contentsOf: suffix.utf8)
            ranges.append(start..<bytes.count)
        }
        return (bytes, ranges)
    }()

    /// The label suffixes cut and the spaces collapsed, as `nameWithoutDate` does after its replacements,
    /// for simple-scalar text (`TextScan.isSimpleScalars`): there each character is one scalar, and the
    /// lower-cased text ends with an ASCII label exactly when the text's last bytes, ASCII letters
    /// lower-cased, are the label's (lower-casing makes ASCII of no other simple scalar but U+0130, whose
    /// "i" comes with a combining mark and so is no character "i"); cutting the label's characters cuts
    /// its bytes. Without a string for the lower-cased text, the cut text or the list of words.
    static func withoutLabelsCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let labels = labelSuffixBytes
        var end = bytes.count
        labels.bytes.withUnsafeBufferPointer { labelBytes in
            for range in labels.ranges where end >= range.count {
                var matches = true
                for offset in 0..<range.count where TextScan.lowerASCII(bytes[end - range.count + offset]) != labelBytes[range.lowerBound + offset] {
                    matches = false
                    break
                }
                if matches { end -= range.count }
            }
        }
        // `collapseSpaces`: the runs between spaces, one space between them.
        return String(unsafeUninitializedCapacity: end) { buffer in
            var count = 0
            var pendingSpace = false
            for index in 0..<end {
                let byte = bytes[index]
                if byte == 0x20 {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    buffer[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                buffer[count] = byte
                count += 1
            }
            return count
        }
    }

    static func collapseSpaces(_ text: String) -> String {
        // Simple-scalar text: a space character is the space byte, so the words are the runs of other
        // bytes, copied with one space between them.
        if let quick = TextScan.withSimpleScalars(text, { bytes -> String in
            var collapsed: [UInt8] = []
            collapsed.reserveCapacity(bytes.count)
            for word in TextScan.spaceWords(bytes) {
                if !collapsed.isEmpty { collapsed.append(0x20) }
                collapsed.append(contentsOf: bytes[word])
            }
            return String(decoding: collapsed, as: UTF8.self)
        }) {
            return quick
        }
        return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}

/// Skills as listed: list items, or comma- and bullet-separated runs, with group labels left out.
enum SkillsReader {
    static func skills(from lines: [HTMLLine], labelsAreSkills: Bool) -> [String] {
        var result: [String] = []
        // The skills kept so far, lower-cased, searched one by one: a résumé lists a few dozen skills
        // at most, and comparing with each (String equality, as a `Set` compares) cost less than hashing
        // every new one and growing a set.
        var seen: [String] = []
        // By index, reading the fields in place: a copy of each line retained all its strings.
        for lineIndex in lines.indices {
            var text = lines[lineIndex].text
            let isListItem = lines[lineIndex].isListItem
            let isLabel = !isListItem && !lines[lineIndex].hadBullet
                && (lines[lineIndex].headingLevel != nil || lines[lineIndex].hasHeadingClass
                    || (lines[lineIndex].isBold && !text.contains(where: { $0 == "," })) || text.hasSuffix(":"))
            if isLabel {
                if labelsAreSkills { add(text, to: &result, seen: &seen) }
                continue
            }
            // "Technical: Workday, ADP, UKG" — the label before the colon is not a skill.
            // In plain ASCII text each byte is a character: the colon and separators are found by byte.
            let plain = TextScan.isPlainASCII(text)
            if let colon = plain ? text.utf8.firstIndex(of: 0x3A) : text.firstIndex(of: ":"),
               text[text.startIndex..<colon].split(separator: " ").count <= 4 {
                text = String(text[text.index(after: colon)...])
            }
            let pieces: [String]
            if plain, let quick = TextScan.withPlainASCII(text, { bytes -> [String] in
                let splitsAtComma = !isListItem || bytes.count(where: { $0 == 0x2C }) >= 2
                var pieces: [String] = []
                var start = 0
                for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x3B || bytes[index] == 0x7C
                    || (splitsAtComma && bytes[index] == 0x2C) {
                    if index > start { pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                    start = index + 1
                }
                return pieces
            }) {
                pieces = quick
            } else {
                var separators: Set<Character> = [";", "•", "·", "|", "▪", "∙"]
                let commaCount = text.filter { $0 == "," }.count
                // One list item with one comma is usually one skill ("Mobile-First, Responsive Design").
                if !isListItem || commaCount >= 2 { separators.insert(",") }
                pieces = text.split(whereSeparator: { separators.contains($0) }).map(String.init)
            }
            if pieces.count == 1, TextScan.spaceWordCount(lines[lineIndex].text) > 6 { continue }
            for piece in pieces { add(piece, to: &result, seen: &seen) }
        }
        return result
    }

    /// Adds one piece as a skill unless it is empty, letterless, long, a sentence or already listed
    /// (in any case). A static function with `inout` state rather than a nested one: the variables a
    /// nested function captured were boxed, and each access checked for exclusivity at run time.
    private static func add(_ item: String, to result: inout [String], seen: inout [String]) {
        let trimmed = LineFields.trim(item)
        let hasLetter = TextScan.withPlainASCII(trimmed) { $0.contains(where: TextScan.isASCIILetter) } ?? trimmed.contains(where: \.isLetter)
        guard !trimmed.isEmpty, hasLetter else { return }
        guard TextScan.spaceWordCount(trimmed) <= 6, !LineFields.isSentenceLike(trimmed) else { return }
        let lowered = TextScan.lowercased(trimmed)
        guard !seen.contains(lowered) else { return }
        // A skills section lists a dozen or two: one buffer each for that many, not six grown in turn.
        if seen.isEmpty {
            seen.reserveCapacity(24)
            result.reserveCapacity(24)
        }
        seen.append(lowered)
        result.append(trimmed)
    }
}
