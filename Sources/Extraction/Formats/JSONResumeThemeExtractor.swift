import Markup

/// HTML rendered from a JSON Resume by a theme ("even", "elegant", "stackoverflow" …). Themes name their
/// containers after the schema's keys (`id="work"`, `class="education"`, `basics`, `volunteer`) and
/// often write dates as `<time datetime="2013-12-01">`; those containers, not headings, say what each
/// part is. Reading inside each part is the same as for generic HTML.
struct JSONResumeThemeExtractor: ResumeExtractor {
    var format: ResumeFormat { .jsonResumeHTML }

    /// Keys that only JSON Resume uses for section names; generic templates say "experience".
    static let distinctiveKeys: Set<String> = ["work", "basics", "volunteer", "certificates"]

    func recognises(_ document: MarkupDocument) -> Bool {
        guard document.kind == .html, let root = document.root else { return false }
        // A theme names a part with a distinctive key in an id or class: with none anywhere (most
        // documents), no need to walk the tree and lower-case every id and class.
        // Both names in one pass over the document's attributes.
        guard document.containsAttribute(named: "id", or: "class", where: Self.mayHoldDistinctiveKey) else { return false }
        var keys: Set<String> = []
        var datedTimes = 0
        root.forEachDescendant { element in
            if let id = element.attribute("id")?.lowercased(), HTMLLines.resumeKeys.contains(id) { keys.insert(id) }
            for className in element.classNames {
                let lowered = className.lowercased()
                if HTMLLines.resumeKeys.contains(lowered) { keys.insert(lowered) }
            }
            if element.name == "time", element.attribute("datetime") != nil { datedTimes += 1 }
        }
        guard !keys.isDisjoint(with: Self.distinctiveKeys) else { return false }
        let sectionKeys = keys.subtracting(["about", "summary", "experience"])
        return sectionKeys.count >= 3 || (sectionKeys.count >= 2 && datedTimes > 0)
    }

    /// False only when no token of `value`, lower-cased, can be a distinctive key: ASCII text without
    /// any of them in any case. (Text with other characters is let through: a few non-ASCII letters
    /// lower-case to ASCII ones.)
    static func mayHoldDistinctiveKey(_ value: String) -> Bool {
        // One pass, byte by byte with ASCII case folded, without building a lower-cased copy of every id
        // and class (Word HTML has a class on nearly every element): a key is compared only where a byte
        // folds to its first letter. (A table lookup per byte and a loop over every key at each start
        // cost about twenty instructions a byte, and retained and released two tables per value.)
        value.withBorrowedUTF8 { bytes -> Bool in
            // Eight bytes at a time: any byte above 0x7F lets the value through, and only the bytes that
            // fold to a key's first letter are tried (`HTMLLines.ScanWords`, exact per byte).
            var index = 0
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while index + 8 <= bytes.count {
                    let word = HTMLLines.ScanWords.load(base, index)
                    if word & HTMLLines.ScanWords.highBits != 0 { return true }
                    let folded = word | (HTMLLines.ScanWords.ones &* 0x20)
                    var starts = HTMLLines.ScanWords.equal(folded, 0x62) | HTMLLines.ScanWords.equal(folded, 0x63)
                        | HTMLLines.ScanWords.equal(folded, 0x76) | HTMLLines.ScanWords.equal(folded, 0x77)
                    while starts != 0 {
                        if keyStarts(in: bytes, at: index + starts.trailingZeroBitCount >> 3) { return true }
                        starts &= starts &- 1
                    }
                    index += 8
                }
            }
            while index < bytes.count {
                if bytes[index] >= 0x80 || keyStarts(in: bytes, at: index) { return true }
                index += 1
            }
            return false
        }
    }

    /// Whether a distinctive key, ASCII case folded, starts at `start`: by a switch on the first letter
    /// (each key starts with its own), not by trying every key. (The keys are spelled out here;
    /// `DistinctiveKeyPrefilterTests` checks the answers against `distinctiveKeys` themselves.)
    @inline(__always)
    private static func keyStarts(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        // `byte | 0x20` is a lower-case letter exactly when `byte` is that letter in either case.
        switch bytes[start] | 0x20 {
        case 0x62: HTMLLines.matchesFoldingCase(bytes, at: start, "basics")
        case 0x63: HTMLLines.matchesFoldingCase(bytes, at: start, "certificates")
        case 0x76: HTMLLines.matchesFoldingCase(bytes, at: start, "volunteer")
        case 0x77: HTMLLines.matchesFoldingCase(bytes, at: start, "work")
        default: false
        }
    }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        guard let root = document.root else { return Candidate(source: context.source, format: format) }
        let body = root.child("body") ?? root
        let lines = SectionAssigner.byResumeKeys(HTMLLines.lines(of: body, readResumeKeys: true))
        return HTMLResumeBuilder(format: format, groupNamesAreSkills: true)
            .build(lines, source: context.source, documentTitle: document.title)
    }
}
