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

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        guard let root = document.root else { return Candidate(source: context.source, format: format) }
        let body = root.child("body") ?? root
        let lines = SectionAssigner.byResumeKeys(HTMLLines.lines(of: body, readResumeKeys: true))
        return HTMLResumeBuilder(format: format, groupNamesAreSkills: true)
            .build(lines, source: context.source, documentTitle: document.title)
    }
}
