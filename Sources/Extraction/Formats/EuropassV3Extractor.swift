import Markup

// TODO(owner of this format): not written yet; recognises nothing so the reader falls through.
struct EuropassV3Extractor: ResumeExtractor {
    var format: ResumeFormat { .europassV3 }

    func recognises(_ document: MarkupDocument) -> Bool { false }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        Candidate(source: context.source, format: format)
    }
}
