import Markup

/// The Europass CV of 2020 onwards: an HR-XML 3.2 `Candidate` whose root is in the Europass namespace
/// `http://www.europass.eu/1.0`, with the shared parts prefixed `hr:`, `oa:` and `eures:`. Read by
/// `HROpenCandidateReader`, which it shares with plain HR-XML 3.
struct Europass2020Extractor: ResumeExtractor {
    static let namespacePrefix = "http://www.europass.eu/"

    var format: ResumeFormat { .europass2020 }

    func recognises(_ document: MarkupDocument) -> Bool {
        guard document.kind == .xml, let root = document.root, root.name == "Candidate",
              let namespace = root.namespace else { return false }
        return namespace.hasPrefix(Self.namespacePrefix)
    }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        var draft = XMLCandidateDraft(source: context.source, format: format)
        if let root = document.root {
            HROpenCandidateReader(context: context).read(root, into: &draft)
        }
        return draft.finished()
    }
}
