import Markup

/// Reads one résumé vocabulary. One conforming type per format, each in its own file under `Formats/`.
public protocol ResumeExtractor: Sendable {
    var format: ResumeFormat { get }
    /// Whether the document is in this extractor's vocabulary, judged from its content (root element,
    /// namespace, class names, attributes), never from a file name.
    func recognises(_ document: MarkupDocument) -> Bool
    /// The candidate as written. `experience` and `hiddenText` are filled in by `ResumeReader` afterwards.
    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate
}

/// What an extractor may need besides the document.
public struct ExtractionContext: Sendable {
    /// The path as the user gave it.
    public var source: String
    /// The date "Present" means.
    public var asOf: PartialDate
    /// For HTML escaped inside XML text.
    public var parser: MarkupParser

    public init(source: String, asOf: PartialDate, parser: MarkupParser = MarkupParser()) {
        self.source = source
        self.asOf = asOf
        self.parser = parser
    }
}
