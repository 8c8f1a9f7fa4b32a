import Markup

/// Generic HTML résumés: templates, site builders, Word and Google Docs "save as web page". The HTML
/// fallback: the registry asks the microformat, microdata and theme readers first.
///
/// The document is read as a reader sees it, line by line (`HTMLLines`), with the markup cues kept:
/// headings, bold, label cells and section-title classes find the sections; inside them, words tell
/// a job title from an employer from a place, and entries are split where a new header follows a body.
struct GenericHTMLExtractor: ResumeExtractor {
    var format: ResumeFormat { .html }

    func recognises(_ document: MarkupDocument) -> Bool {
        document.kind == .html
    }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        guard let root = document.root else { return Candidate(source: context.source, format: format) }
        let body = root.child("body") ?? root
        let lines = SectionAssigner.byHeadings(HTMLLines.lines(of: body))
        return HTMLResumeBuilder(format: format).build(lines, source: context.source, documentTitle: document.title)
    }
}
