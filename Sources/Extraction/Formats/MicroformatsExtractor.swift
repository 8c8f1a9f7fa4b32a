import Markup

// TODO(owner of this format): not written yet; recognises nothing so the reader falls through.
struct MicroformatsExtractor: ResumeExtractor {
    var format: ResumeFormat { .hResume }

    func recognises(_ document: MarkupDocument) -> Bool { false }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        Candidate(source: context.source, format: format)
    }
}
