import Markup

// TODO(owner of this format): not written yet; recognises nothing so the reader falls through.
struct GenericXMLExtractor: ResumeExtractor {
    var format: ResumeFormat { .xml }

    func recognises(_ document: MarkupDocument) -> Bool { false }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        Candidate(source: context.source, format: format)
    }
}
