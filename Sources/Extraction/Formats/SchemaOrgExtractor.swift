import Markup

// TODO(owner of this format): not written yet; recognises nothing so the reader falls through.
struct SchemaOrgExtractor: ResumeExtractor {
    var format: ResumeFormat { .schemaOrg }

    func recognises(_ document: MarkupDocument) -> Bool { false }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        Candidate(source: context.source, format: format)
    }
}
