import Foundation

/// Name, headline, email, phone and place from the top of an HTML résumé.
enum PersonalDetailsReader {
    struct Found {
        var personal = PersonalDetails()
        var headline: String?
        /// The index (in the document's lines) of the line the name came from.
        var nameIndex: Int?
    }

    static func read(_ lines: [SectionedLine], documentTitle: String?) -> Found {
        var found = Found()
        let header = lines.indices.filter { lines[$0].section == .header }

        // The name: the first <h1>, a line with a "name" class, the <title>, the first line of the header.
        // The first few of each taken straight into one list: filtering every line into an array per
        // kind, for a prefix of each, cost an allocation each.
        var candidates: [Int] = []
        candidates.reserveCapacity(8)
        appendFirst(2, of: lines.indices, to: &candidates) { lines[$0].line.headingLevel == 1 }
        appendFirst(2, of: lines.indices, to: &candidates) { lines[$0].line.hasNameClass }
        candidates += header.prefix(3)
        appendFirst(1, of: lines.indices, to: &candidates) { lines[$0].line.headingLevel == 2 }
        for index in candidates {
            if let (name, headline) = splitName(lines[index].line.text) {
                found.personal.name = name
                found.headline = headline
                found.nameIndex = index
                break
            }
        }
        if found.personal.name == nil, let title = documentTitle, let (name, headline) = splitName(title) {
            found.personal.name = name
            found.headline = headline
        }

        // The headline: a short title line just after the name ("Senior HR Generalist").
        if found.headline == nil {
            let start = found.nameIndex.map { $0 + 1 } ?? 0
            for index in start..<min(lines.count, start + 4) where lines[index].section == .header || lines[index].line.headingLevel != nil {
                // The fields read in place: a copy of the line retained all its strings.
                let text = lines[index].line.text
                guard !isContact(text), TextScan.spaceWordCount(text) <= 12, !LineFields.isSentenceLike(text) else { continue }
                if lines[index].isHeading { break }
                // `LineFields.parse(line)`'s first title field that is not sentence-like, on a line without
                // dates; the pieces after it are not classified.
                let (range, remainder) = LineFields.cutRange(lines[index].line.fieldText)
                if range == nil, let title = LineFields.firstPiece(of: remainder, where: { piece in
                    let sentenceLike = LineFields.isSentenceLike(piece)
                    return !sentenceLike && LineFields.classify(piece, education: false, sentenceLike: sentenceLike) == .title
                }) {
                    found.headline = title
                    break
                }
            }
        }

        // Contact details: links first, then text in the header, then anywhere.
        // The header's lines, then the others (pass 0, then pass 1), read in place: an array of the
        // indices in that order cost two allocations, and copying the lines cost more than reading them.
        for pass in 0..<2 {
            for index in lines.indices where (lines[index].section == .header) == (pass == 0) && !lines[index].line.links.isEmpty {
                for link in lines[index].line.links {
                    switch contactLink(link) {
                    case .mailto(let address):
                        if found.personal.email == nil, let address { found.personal.email = address }
                    case .tel(let number):
                        if found.personal.phone == nil { found.personal.phone = phone(in: lines[index].line.text) ?? number }
                    case .other:
                        break
                    }
                }
            }
        }
        for pass in 0..<2 where found.personal.email == nil {
            for index in lines.indices where found.personal.email == nil && (lines[index].section == .header) == (pass == 0) {
                found.personal.email = email(in: lines[index].line.text)
            }
        }
        // The top of the page only: a long document without headings is all "header".
        for index in header.prefix(15) where found.personal.phone == nil {
            found.personal.phone = phone(in: lines[index].line.text)
        }
        for index in header.prefix(15) where found.personal.location == nil && mayHoldLocation(fieldText: lines[index].line.fieldText) {
            // `LineFields.parse`'s first location field: `classify` calls a piece a location exactly when it
            // is no duration and passes `isLocation` (whether it reads as a sentence does not matter).
            let remainder = LineFields.cutRange(lines[index].line.fieldText).1
            found.personal.location = LineFields.firstPiece(of: remainder) { !LineFields.isDuration($0) && LineFields.isLocation($0) }
        }
        return found
    }

    /// Appends to `list` the first `limit` of `indices` that pass `test`.
    static func appendFirst(_ limit: Int, of indices: Range<Int>, to list: inout [Int], where test: (Int) -> Bool) {
        var taken = 0
        for index in indices where taken < limit {
            guard test(index) else { continue }
            list.append(index)
            taken += 1
        }
    }

    /// What a link of a line gives the contact details.
    enum ContactLink: Equatable {
        /// A `mailto:` link (any case), with the address when its target before any "?" holds an "@".
        case mailto(String?)
        /// A `tel:` link (any case), with the text after the scheme.
        case tel(String)
        case other
    }

    /// What `link` gives the contact details: the address of a `mailto:` link (what before "?" follows
    /// the scheme, spaces trimmed, when it holds an "@") or the number of a `tel:` link.
    static func contactLink(_ link: String) -> ContactLink {
        if let quick = TextScan.withPlainASCII(link, { contactLinkASCII($0) }) { return quick }
        let lowered = link.lowercased()
        if lowered.hasPrefix("mailto:") {
            let address = link.dropFirst(7).split(separator: "?").first.map(String.init) ?? ""
            return .mailto(address.contains(where: { $0 == "@" }) ? TextScan.trimSpaces(address) : nil)
        }
        if lowered.hasPrefix("tel:") { return .tel(String(link.dropFirst(4))) }
        return .other
    }

    /// `contactLink` of plain ASCII bytes (`TextScan.isPlainASCII`), where each byte is a character:
    /// the schemes are compared with the bytes lower-cased, the target cut at the first "?" byte (the
    /// first piece of the split, unless empty, when the next is), and only the address or number
    /// becomes a string, without a lower-cased copy of the link or a walk over its characters.
    static func contactLinkASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> ContactLink {
        func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        if TextScan.hasPrefixIgnoringASCIICase(bytes, "mailto:") {
            // `split(separator: "?").first`: the first run between question marks that is not empty.
            var start = 7
            while start < bytes.count, bytes[start] == 0x3F { start += 1 }
            var end = start
            while end < bytes.count, bytes[end] != 0x3F { end += 1 }
            guard bytes[start..<end].contains(0x40) else { return .mailto(nil) }
            return .mailto(TextScan.trimSpaces(string(start..<end)))
        }
        if TextScan.hasPrefixIgnoringASCIICase(bytes, "tel:") { return .tel(string(4..<bytes.count)) }
        return .other
    }

    /// Whether `LineFields.parse(line)` can give a location field: `LineFields.isLocation` passes only a
    /// piece with a comma or one of the remote words, and the pieces are cut from the field text. False
    /// only for plain ASCII field text with neither (other text may lower-case into them).
    static func mayHoldLocation(_ line: HTMLLine) -> Bool {
        mayHoldLocation(fieldText: line.fieldText)
    }

    /// `mayHoldLocation` of a line's field text.
    static func mayHoldLocation(fieldText: String) -> Bool {
        TextScan.withPlainASCII(fieldText) { bytes in
            if bytes.contains(0x2C) { return true }
            let lowered = TextScan.lowercasedASCII(bytes)
            return LineFields.remoteWords.contains { TextScan.contains(lowered, $0) }
        } ?? true
    }

    // MARK: - Names

    static let resumeWords = ["résumé", "resume", "curriculum vitae", "curriculum vitæ", "cv", "lebenslauf", "currículum", "vitae"]

    /// A person's name from a heading or title, with what surrounds it taken off: "Résumé of Dana
    /// Whitfield", "Dana Whitfield, PHR", "Dana Whitfield — Senior HR Generalist". Returns the name and a
    /// job title found beside it.
    static func splitName(_ text: String) -> (String, String?)? {
        var parts = [text]
        for separator in [" — ", " – ", " - ", " | ", "|", " · ", ": "] where TextScan.contains(text, separator) {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        var name: String?
        var headline: String?
        for part in parts {
            let candidate = TextScan.withPlainASCII(part, { nameCandidateASCII($0) }) ?? nameCandidate(part)
            if name == nil, looksLikeName(candidate) {
                name = candidate
            } else if headline == nil, LineFields.classify(candidate, education: false) == .title {
                headline = candidate
            }
        }
        guard let name else { return nil }
        return (name, headline)
    }

    /// One part of a heading with what surrounds a name taken off: "Résumé of …", "… CV", "…'s resume",
    /// post-nominals after commas.
    static func nameCandidate(_ part: String) -> String {
        var candidate = TextScan.trimSpaces(part)
        let lowered = TextScan.lowercased(candidate)
        for prefix in ["résumé of ", "resume of ", "cv of ", "curriculum vitae of ", "résumé for ", "resume for "] where lowered.hasPrefix(prefix) {
            candidate = String(candidate.dropFirst(prefix.count))
        }
        // The candidate lower-cased, kept in step with it.
        var current = TextScan.lowercased(candidate)
        for suffix in [" résumé", " resume", " cv", " curriculum vitae"] where current.hasSuffix(suffix) && !current.hasSuffix("'s" + suffix) && !current.hasSuffix("’s" + suffix) {
            candidate = TextScan.trimSpaces(candidate.dropLast(suffix.count))
            current = TextScan.lowercased(candidate)
        }
        if current.hasSuffix("'s resume") || current.hasSuffix("'s résumé") || current.hasSuffix("’s résumé") || current.hasSuffix("’s resume") {
            candidate = String(candidate.dropLast(9))
        }
        // Post-nominals: "Dana Whitfield, PHR, SHRM-CP" or "Jo Doe, MBA".
        let commaParts = candidate.split(separator: ",").map { TextScan.trimSpaces($0) }
        if commaParts.count > 1, commaParts.dropFirst().allSatisfy(isPostNominal) {
            candidate = commaParts[0]
        }
        return candidate
    }

    /// `nameCandidate` of plain ASCII text, worked out on byte ranges: there a character is a byte, the
    /// spaces trimmed are space, tab and line feed, lower-casing is by byte, and the prefixes and
    /// suffixes with "é" or "’" cannot occur. Only the candidate (and, with a comma, its comma parts)
    /// become strings: no lower-cased copies, no `Character` comparisons.
    static func nameCandidateASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }
        func endsWith(_ range: Range<Int>, _ suffix: StaticString) -> Bool {
            TextScan.hasSuffixIgnoringASCIICase(UnsafeBufferPointer(rebasing: bytes[range]), suffix)
        }
        func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var candidate = trimmed(0..<bytes.count)
        // Each prefix is tested against the trimmed part, as the lower-cased copy was not updated.
        let whole = UnsafeBufferPointer(rebasing: bytes[candidate])
        for prefix: StaticString in ["resume of ", "cv of ", "curriculum vitae of ", "resume for "] where TextScan.hasPrefixIgnoringASCIICase(whole, prefix) {
            candidate = min(candidate.lowerBound + prefix.utf8CodeUnitCount, candidate.upperBound)..<candidate.upperBound
        }
        for (suffix, possessive): (StaticString, StaticString) in [(" resume", "'s resume"), (" cv", "'s cv"), (" curriculum vitae", "'s curriculum vitae")]
        where endsWith(candidate, suffix) && !endsWith(candidate, possessive) {
            candidate = trimmed(candidate.lowerBound..<(candidate.upperBound - suffix.utf8CodeUnitCount))
        }
        if endsWith(candidate, "'s resume") {
            candidate = candidate.lowerBound..<(candidate.upperBound - 9)
        }
        // Post-nominals: the comma parts, as `split(separator: ",")` (no empty ones) then trimmed.
        guard bytes[candidate].contains(0x2C) else { return string(candidate) }
        var commaParts: [String] = []
        var start = candidate.lowerBound
        for index in candidate.lowerBound...candidate.upperBound where index == candidate.upperBound || bytes[index] == 0x2C {
            if index > start { commaParts.append(string(trimmed(start..<index))) }
            start = index + 1
        }
        if commaParts.count > 1, commaParts.dropFirst().allSatisfy(isPostNominal) { return commaParts[0] }
        return string(candidate)
    }

    static func isPostNominal(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        guard !letters.isEmpty, letters.count <= 8, !text.contains(where: { $0 == " " }) else { return false }
        return CertificationCatalog.canonicalID(in: text) != nil || letters.filter(\.isUppercase).count >= 2 || text.contains(where: { $0 == "." })
    }

    static let nameParticles: Set<String> = ["de", "van", "von", "der", "den", "da", "di", "del", "della", "la", "le", "du", "bin", "al", "y", "dos", "das", "ten", "ter"]

    /// Two to five capitalised words of letters (initials, hyphens and apostrophes allowed), none of
    /// them a job, organisation or section word.
    static func looksLikeName(_ text: String) -> Bool {
        if let quick = TextScan.withPlainASCII(text, { wordsLookLikeNameASCII($0) }) {
            guard quick else { return false }
            return looksLikeNameBeyondWords(text)
        }
        let words = text.split(separator: " ")
        guard (2...5).contains(words.count), text.count <= 60 else { return false }
        let lowered = text.lowercased()
        guard !resumeWords.contains(where: { SectionHeadings.wordPosition(of: $0, in: lowered) != nil }) else { return false }
        for word in words {
            guard word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }) else { return false }
            guard let first = word.first else { return false }
            // Scripts without capitals (Arabic, Chinese, Hindi …) have no case to check.
            if first.isLowercase && !nameParticles.contains(word.lowercased()) { return false }
        }
        return looksLikeNameBeyondWords(text)
    }

    /// The tests of `looksLikeName` on the words themselves for plain ASCII text, where each byte is a
    /// character: the words are the runs between spaces, a letter is an ASCII letter, "’" cannot occur
    /// and a word starts lower-case when its first byte is. Read by byte, without splitting into substrings.
    static func wordsLookLikeNameASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= 60 else { return false }
        let words = TextScan.spaceWords(bytes, limit: 6)
        guard (2...5).contains(words.count) else { return false }
        let lowered = TextScan.lowercasedASCII(bytes)
        guard !resumeWords.contains(where: { SectionHeadings.wordPosition(of: $0, in: lowered) != nil }) else { return false }
        for word in words {
            for byte in bytes[word] where !TextScan.isASCIILetter(byte) && byte != 0x2D && byte != 0x27 && byte != 0x2E { return false }
            if TextScan.isASCIILower(bytes[word.lowerBound]) && !nameParticles.contains(TextScan.lowercasedASCII(bytes, word)) { return false }
        }
        return true
    }

    /// The tests of `looksLikeName` after those on its words: no job, organisation or section word.
    private static func looksLikeNameBeyondWords(_ text: String) -> Bool {
        // Plain ASCII words are looked up by their bytes (`wordRoleCountsASCII` reads `lowerWords`' words,
        // and a word has the title or organisation role exactly when it is one of those words), without
        // an array of lower-cased Strings.
        let namesJobOrOrganisation = TextScan.withPlainASCII(text) { bytes in
            let counted = LineFields.wordRoleCountsASCII(bytes)
            return counted.title > 0 || counted.organisation > 0
        } ?? LineFields.lowerWords(text).contains(where: { LineFields.titleWords.contains($0) || LineFields.organisationWords.contains($0) })
        if namesJobOrOrganisation { return false }
        if SectionHeadings.section(named: text) != nil { return false }
        return true
    }

    // MARK: - Contact

    static func isContact(_ text: String) -> Bool {
        // Without the byte of "@" no character is "@"; with it, the character test decides (in plain
        // ASCII text each byte is a character, so the byte decides).
        // ASCII, in simple-scalar text, too: every character there is one scalar.
        if TextScan.containsByte(text, 0x40),
           text.withBorrowedUTF8({ TextScan.isSimpleScalars($0) }) || text.contains(where: { $0 == "@" }) { return true }
        // Whether the lower-cased text holds "http" or "www.", read without lower-casing it.
        return TextScan.lowercasedContains(text, "http") || TextScan.lowercasedContains(text, "www.") || phone(in: text) != nil
    }

    /// The first e-mail address in the text.
    static func email(in text: String) -> String? {
        // No byte of "@", no "@" character: no address.
        guard TextScan.containsByte(text, 0x40) else { return nil }
        if let tokens = TextScan.withSimpleScalars(text, { emailTokens($0) }) {
            for token in tokens {
                let utf8 = text.utf8
                let lower = utf8.index(utf8.startIndex, offsetBy: token.lowerBound)
                let upper = utf8.index(lower, offsetBy: token.count)
                if let address = emailAddress(in: text[lower..<upper]) { return address }
            }
            return nil
        }
        for token in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "|" || $0 == "·" || $0 == "<" || $0 == ">" || $0 == "(" || $0 == ")" }) {
            if let address = emailAddress(in: token) { return address }
        }
        return nil
    }

    /// The tokens of `email(in:)`'s split that hold an "@", as byte ranges of simple-scalar text
    /// (`TextScan.isSimpleScalars`): there every separator is one scalar, "·" the bytes C2 B7 and the
    /// others one ASCII byte, so the split falls where the `Character` split does.
    static func emailTokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var tokens: [Range<Int>] = []
        var start = 0
        var sawAt = false
        var index = 0
        while index <= bytes.count {
            var separatorLength = 0
            if index == bytes.count {
                separatorLength = 1
            } else {
                switch bytes[index] {
                case 0x20, 0x2C, 0x3B, 0x7C, 0x3C, 0x3E, 0x28, 0x29: separatorLength = 1
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xB7: separatorLength = 2
                case 0x40: sawAt = true
                default: break
                }
            }
            if separatorLength > 0 {
                if sawAt, index > start { tokens.append(start..<index) }
                sawAt = false
                index += separatorLength
                start = index
            } else {
                index += 1
            }
        }
        return tokens
    }

    /// The address in one token of `email(in:)`'s split, if it is one.
    private static func emailAddress(in token: Substring) -> String? {
        guard let at = token.firstIndex(of: "@") else { return nil }
        let local = token[token.startIndex..<at]
        let domain = token[token.index(after: at)...]
        var address = String(token)
        if address.lowercased().hasPrefix("mailto:") { address = String(address.dropFirst(7)) }
        address = TextScan.trim(address, emailTrimmed)
        if !local.isEmpty, domain.contains(where: { $0 == "." }), !domain.hasPrefix(".") { return address }
        return nil
    }

    /// The punctuation an address is trimmed of (built once, not for every address).
    static let emailTrimmed: Set<Character> = [".", ":", ";", "!", "?", "'", "\""]

    /// The first run of 10–15 digits written with phone punctuation: "(317) 585-8468", "+1 212 222 2222".
    static let phoneCharacters: Set<Character> = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", " ", "(", ")", "-", ".", "+", "/", "\u{00A0}"]

    static func phone(in text: String) -> String? {
        if let quick = TextScan.withSimpleScalars(text, { phoneSimpleScalars($0) }) { return quick.value }
        let allowed = phoneCharacters
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isNumber || text[index] == "+" || text[index] == "(" else {
                index = text.index(after: index)
                continue
            }
            var end = index
            var digits = 0
            var lastDigit = index
            while end < text.endIndex, allowed.contains(text[end]) {
                if text[end].isNumber {
                    digits += 1
                    lastDigit = end
                }
                end = text.index(after: end)
            }
            if (10...15).contains(digits) {
                let candidate = TextScan.trimSpaces(text[index...lastDigit])
                // Two years joined by a dash are dates, not a number.
                if DateExpressions.findRange(in: candidate).map({ $0.end != nil }) != true { return candidate }
            }
            index = end > index ? end : text.index(after: index)
        }
        return nil
    }

    /// A found phone number or none, so that "none" can be told from "not ASCII".
    struct PhoneResult { var value: String? }

    /// `phone(in:)` for simple-scalar text (`TextScan.isSimpleScalars`, plain ASCII included): each
    /// character is one scalar, so the allowed characters are the ASCII bytes below and the no-break
    /// space (C2 A0), and the only numbers inside a run are ASCII digits. A run starts at an ASCII digit,
    /// "+" or "("; a run started at another number (a non-ASCII digit) holds nothing and is skipped
    /// there as well.
    static func phoneSimpleScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> PhoneResult {
        func isAllowed(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x30...0x39, 0x20, 0x28, 0x29, 0x2D, 0x2E, 0x2B, 0x2F: return true
            default: return false
            }
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard TextScan.isASCIIDigit(byte) || byte == 0x2B || byte == 0x28 else {
                index += 1
                continue
            }
            var end = index
            var digits = 0
            var lastDigit = index
            while end < bytes.count {
                let next = bytes[end]
                if isAllowed(next) {
                    if TextScan.isASCIIDigit(next) {
                        digits += 1
                        lastDigit = end
                    }
                    end += 1
                } else if next == 0xC2, end + 1 < bytes.count, bytes[end + 1] == 0xA0 {
                    end += 2
                } else {
                    break
                }
            }
            if (10...15).contains(digits) {
                let candidate = TextScan.trimSpaces(String(decoding: UnsafeBufferPointer(rebasing: bytes[index...lastDigit]), as: UTF8.self))
                // Two years joined by a dash are dates, not a number.
                if DateExpressions.findRange(in: candidate).map({ $0.end != nil }) != true { return PhoneResult(value: candidate) }
            }
            index = end > index ? end : index + 1
        }
        return PhoneResult(value: nil)
    }
}
