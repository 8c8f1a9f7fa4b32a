import CLibXML2
import Foundation

/// The one door to libxml2. Parses bytes as HTML or XML (decided by `ContentSniffer`) with safe options
/// only, and copies the result into a `MarkupDocument` before the libxml2 document is freed.
public struct MarkupParser: Sendable {
    /// Elements nested deeper than this are flattened into their ancestor at this depth: no real résumé
    /// comes near it, and it keeps hostile nesting from costing more than flat text would.
    public var maximumDepth: Int
    /// Text beyond this many UTF-8 bytes in one document is not copied out (a warning says so).
    public var maximumTextBytes: Int

    public init(maximumDepth: Int = 512, maximumTextBytes: Int = 4 << 20) {
        self.maximumDepth = maximumDepth
        self.maximumTextBytes = maximumTextBytes
    }

    /// libxml2 must be initialised once per process before threads use it; a `static let` runs the
    /// initialiser exactly once, thread-safely. We never call xmlCleanupParser: Foundation shares the library.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    // No network, no entity substitution, no DTD loading, no "huge" mode: a résumé from a stranger must
    // not read local files, reach a server or exhaust memory.
    static let xmlOptions: Int32 = Int32(
        XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue)
    static let htmlOptions: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Parses a whole file's bytes, sniffing HTML or XML from the content.
    public func parse(_ bytes: Data) throws(MarkupError) -> MarkupDocument {
        let verdict = try ContentSniffer.sniff(bytes)
        return try parse(bytes, as: verdict.kind)
    }

    /// Parses bytes as the given kind. The encoding comes from the bytes themselves (byte-order mark,
    /// XML declaration or `<meta charset>`), never from us.
    public func parse(_ bytes: Data, as kind: MarkupDocument.Kind) throws(MarkupError) -> MarkupDocument {
        _ = Self.initialised
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count < Int(Int32.max) else { throw .tooLarge(bytes: bytes.count, limit: Int(Int32.max)) }
        readiness_silenceThreadErrors()
        let collector = DiagnosticCollector()
        let result: Result<MarkupDocument, MarkupError> = bytes.withUnsafeBytes { raw in
            let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            let count = Int32(raw.count)
            let unmanaged = Unmanaged.passUnretained(collector).toOpaque()
            let docPointer: xmlDocPtr?
            switch kind {
            case .xml:
                guard let context = xmlNewParserCtxt() else { return .failure(.unreadable("out of memory")) }
                defer { xmlFreeParserCtxt(context) }
                readiness_setErrorHandler(context, collectDiagnostic, unmanaged)
                docPointer = xmlCtxtReadMemory(context, base, count, nil, nil, Self.xmlOptions)
            case .html:
                guard let context = htmlNewParserCtxt() else { return .failure(.unreadable("out of memory")) }
                defer { htmlFreeParserCtxt(context) }
                readiness_setErrorHandler(context, collectDiagnostic, unmanaged)
                context.pointee.linenumbers = 1
                docPointer = htmlCtxtReadMemory(context, base, count, nil, nil, Self.htmlOptions)
            }
            guard let docPointer else {
                return .failure(.unreadable(collector.firstFatal ?? "libxml2 returned no document"))
            }
            defer { xmlFreeDoc(docPointer) }
            guard xmlDocGetRootElement(docPointer) != nil else {
                return .failure(.unreadable(collector.firstFatal ?? "the document has no elements"))
            }
            var builder = DocumentBuilder(kind: kind, maximumDepth: maximumDepth, maximumTextBytes: maximumTextBytes)
            var document = builder.build(from: docPointer)
            document.diagnostics = collector.messages + document.diagnostics
            return .success(document)
        }
        return try result.get()
    }

    /// Parses a piece of HTML that arrived escaped inside XML text (Europass `Activities`,
    /// `oa:Description`). Lines are shifted so evidence points into the enclosing file.
    public func parseFragment(_ html: String, startingAtLine line: Int) -> MarkupDocument? {
        var document = try? parse(Data(("<html><body>" + html + "</body></html>").utf8), as: .html)
        guard document != nil else { return nil }
        let shift = Int32(clamping: max(line - 1, 0))
        for index in document!.nodes.indices where document!.nodes[index].line > 0 {
            document!.nodes[index].line += shift
        }
        document!.diagnostics = []
        return document
    }
}

/// Collects libxml2's messages for one parse. Only touched by the parsing thread, inside the parse call.
private final class DiagnosticCollector {
    var messages: [String] = []
    var firstFatal: String?
}

private func collectDiagnostic(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let error, let data = readiness_errorHandlerData(context) else { return }
    let collector = Unmanaged<DiagnosticCollector>.fromOpaque(data).takeUnretainedValue()
    guard collector.messages.count < 50 else { return }
    let message = error.pointee.message.map { String(cString: $0) }?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown error"
    let line = Int(error.pointee.line)
    let text = line > 0 ? "line \(line): \(message)" : message
    collector.messages.append(text)
    if error.pointee.level == XML_ERR_FATAL && collector.firstFatal == nil {
        collector.firstFatal = text
    }
}
