import Scoring

/// `report --format html`. A first, plain page; issue 6 builds the full report with charts.
public struct HTMLReporter: AssessmentReporter {
    public init() {}

    public func render(_ assessment: Assessment, blind: Bool) -> String {
        let markdown = TextReporter().render(assessment, blind: blind)
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Readiness report</title></head><body><pre>\(escapeHTML(markdown))</pre></body></html>\n"
    }
}

func escapeHTML(_ text: String) -> String {
    var result = ""
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}
