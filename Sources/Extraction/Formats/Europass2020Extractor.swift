import Markup

// TODO(owner of this format): not written yet; recognises nothing so the reader falls through.
struct Europass2020Extractor: ResumeExtractor {
    var format: ResumeFormat { .europass2020 }

    func recognises(_ document: MarkupDocument) -> Bool { false }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        Candidate(source: context.source, format: format)
    }
}
