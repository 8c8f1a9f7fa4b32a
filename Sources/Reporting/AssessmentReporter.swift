import Scoring

/// One output format for a single assessment (`readiness report --format …`). One file per format.
public protocol AssessmentReporter: Sendable {
    func render(_ assessment: Assessment, blind: Bool) -> String
}

public enum ReportFormat: String, CaseIterable, Sendable {
    case text, markdown, json, html

    public var reporter: any AssessmentReporter {
        switch self {
        case .text: TextReporter()
        case .markdown: MarkdownReporter()
        case .json: JSONReporter()
        case .html: HTMLReporter()
        }
    }
}
