import CLibXML2
import Foundation

/// The one door to libxml2. Parses bytes as HTML or XML (decided by `ContentSniffer`) with safe options
/// only, into a `MarkupDocument`: built from libxml2's SAX events as it parses, or, for the few documents
/// that needs (see `DocumentBuilder+Streaming`), copied from libxml2's tree before that is freed.
public struct MarkupParser: Sendable {
    /// Elements nested deeper than this are flattened into their ancestor at this depth: no real résumé
    /// comes near it, and it keeps hostile nesting from costing more than flat text would.
    public var maximumDepth: Int
    /// Text beyond this many UTF-8 bytes in one document is not copied out (a warning says so). 1 MiB is
    /// some three hundred pages of text, and extraction time grows with it.
    public var maximumTextBytes: Int
    /// Elements, attributes, entity references, comments, processing instructions and DTD declarations
    /// past this many stop libxml2 and refuse the document (`MarkupError.tooComplex`). libxml2 builds its
    /// whole tree before we see any of it, at a hundred bytes and more a node, so this is what bounds its
    /// memory (a 10 MB file of `<p>x</p>` would otherwise take gigabytes) and the work after it. The
    /// largest real résumé we have seen holds under a thousand.
    public var maximumNodes: Int
    /// A start tag with more attributes than this refuses the document before libxml2 sees it: libxml2
    /// 2.9 spends time quadratic in one tag's attribute count, inside a call nothing can interrupt (see
    /// `StartTagScan`).
    public var maximumAttributesPerElement: Int

    public init(maximumDepth: Int = 512, maximumTextBytes: Int = 1 << 20, maximumNodes: Int = 100_000, maximumAttributesPerElement: Int = 1_000) {
        self.maximumDepth = maximumDepth
        self.maximumTextBytes = maximumTextBytes
        self.maximumNodes = maximumNodes
        self.maximumAttributesPerElement = maximumAttributesPerElement
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
        try parse(bytes, as: kind, lineShift: 0)
    }

    /// Documents below this many bytes are built straight from libxml2's SAX events. Their lines stay
    /// below 65,535, the most libxml2 stores in a node: past it, `xmlGetLineNo` looks for a line among
    /// the node's neighbours, which only a finished tree can answer.
    static var streamingByteLimit: Int { 65_000 }

    /// `parse(_:as:)` with `lineShift` added to every known line of the document.
    func parse(_ bytes: Data, as kind: MarkupDocument.Kind, lineShift: Int32, streaming: Bool = true) throws(MarkupError) -> MarkupDocument {
        _ = Self.initialised
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count < Int(Int32.max) else { throw .tooLarge(bytes: bytes.count, limit: Int(Int32.max)) }
        let attributes = StartTagScan.mostAttributes(in: bytes, limit: maximumAttributesPerElement)
        if attributes > maximumAttributesPerElement {
            throw .tooComplex("a tag holds more than \(maximumAttributesPerElement) attributes")
        }
        let htmlEncoding = kind == .html ? Self.encodingForUndeclaredHTML(bytes) : nil
        if streaming && bytes.count < Self.streamingByteLimit,
           let result = parseOnce(bytes, as: kind, lineShift: lineShift, htmlEncoding: htmlEncoding, streaming: true) {
            return try result.get()
        }
        // The streaming build met something only libxml2's tree answers (see DocumentBuilder+Streaming).
        return try parseOnce(bytes, as: kind, lineShift: lineShift, htmlEncoding: htmlEncoding, streaming: false)!.get()
    }

    /// One libxml2 parse: built from SAX events when `streaming`, else copied from libxml2's tree. nil
    /// when the streaming build handed the document back.
    func parseOnce(
        _ bytes: Data, as kind: MarkupDocument.Kind, lineShift: Int32, htmlEncoding: String?, streaming: Bool
    ) -> Result<MarkupDocument, MarkupError>? {
        var build: UnsafeMutablePointer<DocumentBuilder>?
        if streaming {
            build = .allocate(capacity: 1)
            build!.initialize(to: DocumentBuilder(
                kind: kind, maximumDepth: maximumDepth, maximumTextBytes: maximumTextBytes, lineShift: lineShift,
                sourceBytes: bytes.count))
        }
        var buildIsLive = streaming
        defer {
            if let build {
                if buildIsLive { build.deinitialize(count: 1) }
                build.deallocate()
            }
        }
        let collector = DiagnosticCollector(nodeLimit: maximumNodes, build: build)
        // HTML parser errors only reach the per-thread handler (see the shim); point it at this parse.
        readiness_routeThreadErrors(collectThreadDiagnostic, Unmanaged.passUnretained(collector).toOpaque())
        defer {
            readiness_silenceThreadErrors()
            collector.releaseStandInEntities()
        }
        return bytes.withUnsafeBytes { raw -> Result<MarkupDocument, MarkupError>? in
            let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            let count = Int32(raw.count)
            let unmanaged = Unmanaged.passUnretained(collector).toOpaque()
            let docPointer: xmlDocPtr?
            switch kind {
            case .xml:
                guard let context = xmlNewParserCtxt() else { return .failure(.unreadable("out of memory")) }
                defer { xmlFreeParserCtxt(context) }
                readiness_setErrorHandler(context, collectDiagnostic, unmanaged)
                readiness_setEntityResolver(context, resolveEntity)
                if streaming {
                    Self.streamEvents(of: context)
                } else {
                    readiness_trackTextStartLines(context)
                    Self.countNodes(of: context)
                }
                docPointer = xmlCtxtReadMemory(context, base, count, nil, nil, Self.xmlOptions)
            case .html:
                guard let context = htmlNewParserCtxt() else { return .failure(.unreadable("out of memory")) }
                defer { htmlFreeParserCtxt(context) }
                readiness_setErrorHandler(context, collectDiagnostic, unmanaged)
                if streaming {
                    Self.streamEvents(of: context)
                } else {
                    readiness_trackTextStartLines(context)
                    Self.countNodes(of: context)
                }
                context.pointee.linenumbers = 1
                if let htmlEncoding {
                    docPointer = htmlCtxtReadMemory(context, base, count, nil, htmlEncoding, Self.htmlOptions)
                } else {
                    docPointer = htmlCtxtReadMemory(context, base, count, nil, nil, Self.htmlOptions)
                }
            }
            defer { if let docPointer { xmlFreeDoc(docPointer) } }
            if let build, build.pointee.streaming.needsTree { return nil }
            if collector.stoppedAtNodeLimit {
                return .failure(.tooComplex(
                    "more than \(maximumNodes) elements, attributes and entity references (raise it with --max-nodes)"))
            }
            guard let docPointer else {
                return .failure(.unreadable(collector.firstFatal ?? "libxml2 returned no document"))
            }
            let hasRoot = build.map { $0.pointee.streaming.sawElement } ?? (xmlDocGetRootElement(docPointer) != nil)
            guard hasRoot else {
                return .failure(.unreadable(collector.firstFatal ?? "the document has no elements"))
            }
            var document: MarkupDocument
            if let build {
                buildIsLive = false
                document = build.move().finishStreaming()
            } else {
                let builder = DocumentBuilder(
                    kind: kind, maximumDepth: maximumDepth, maximumTextBytes: maximumTextBytes, lineShift: lineShift,
                    sourceBytes: bytes.count)
                document = builder.build(from: docPointer)
            }
            document.diagnostics = collector.messages + document.diagnostics
            return .success(document)
        }
    }

    /// Points the SAX callbacks that make nodes at the streaming build (`DocumentBuilder+Streaming`),
    /// with the node budget counted as `countNodes` counts it. libxml2 keeps making the document node and
    /// its DTD, which entity look-ups read.
    private static func streamEvents(of context: xmlParserCtxtPtr) {
        guard let sax = context.pointee.sax else { return }
        sax.pointee.startElementNs = streamedStartElementNs
        sax.pointee.endElementNs = streamedEndElementNs
        sax.pointee.startElement = streamedStartElement
        sax.pointee.endElement = streamedEndElement
        sax.pointee.characters = streamedCharacters
        // XML: libxml2 tells whitespace apart only when the two handlers differ; the tree build made them
        // the same. HTML never reports ignorable whitespace while it keeps blanks, as it does for us.
        if context.pointee.html == 0 { sax.pointee.ignorableWhitespace = streamedCharacters }
        sax.pointee.cdataBlock = streamedCDATA
        sax.pointee.comment = streamedComment
        sax.pointee.processingInstruction = streamedProcessingInstruction
        sax.pointee.reference = streamedReference
        sax.pointee.entityDecl = streamedEntityDecl
        if sax.pointee.elementDecl != nil { sax.pointee.elementDecl = countedElementDecl }
        if sax.pointee.attributeDecl != nil { sax.pointee.attributeDecl = countedAttributeDecl }
    }

    /// Puts the node budget in front of every SAX callback that makes libxml2 allocate a node or a
    /// declaration. Each wrapper calls libxml2's own handler, then counts; past the budget it stops the
    /// parser (`xmlStopParser`, meant for use inside callbacks), which returns what it has built so far.
    private static func countNodes(of context: xmlParserCtxtPtr) {
        guard let sax = context.pointee.sax else { return }
        if sax.pointee.startElementNs != nil { sax.pointee.startElementNs = countedStartElementNs }
        if sax.pointee.startElement != nil { sax.pointee.startElement = countedStartElement }
        if sax.pointee.reference != nil { sax.pointee.reference = countedReference }
        if sax.pointee.comment != nil { sax.pointee.comment = countedComment }
        if sax.pointee.processingInstruction != nil { sax.pointee.processingInstruction = countedProcessingInstruction }
        if sax.pointee.entityDecl != nil { sax.pointee.entityDecl = countedEntityDecl }
        if sax.pointee.elementDecl != nil { sax.pointee.elementDecl = countedElementDecl }
        if sax.pointee.attributeDecl != nil { sax.pointee.attributeDecl = countedAttributeDecl }
    }

    /// The encoding to give libxml2 for HTML whose bytes neither start with a byte-order mark nor declare a
    /// charset (`<meta charset>`, `http-equiv`, an XML declaration): libxml2 would read them as ISO-8859-1,
    /// turning UTF-8 "Zoë" into "ZoÃ«". Bytes that are valid UTF-8 are UTF-8; anything else is most likely a
    /// Windows export, so windows-1252 (dashes and quotes in 0x80–0x9F), unless it holds the five bytes
    /// windows-1252 leaves undefined, which iconv refuses: then ISO-8859-1, which accepts every byte.
    /// nil means "let libxml2 decide from the bytes".
    static func encodingForUndeclaredHTML(_ bytes: Data) -> String? {
        // On the bytes in place, folding ASCII case as it compares: this runs over every HTML file, and
        // copying the head and a lower-cased copy of it cost more than the rest of the sniffing.
        bytes.withUnsafeBytes { (all: UnsafeRawBufferPointer) -> String? in
            let head = UnsafeRawBufferPointer(rebasing: all.prefix(65_536))
            if head.count >= 2 && (head[0] == 0 || head[1] == 0) { return nil }  // UTF-16/32, detected by libxml2
            if head.starts(with: [0xEF, 0xBB, 0xBF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return nil }
            if let declared = declaredCharset(head) {
                // libxml2 2.9 commits to ISO-8859-1 at the first non-ASCII byte it meets before the <meta>
                // (an "é" in a comment), so a declared UTF-8 is passed explicitly. Other declared charsets
                // (windows-1252 from Word) are left to libxml2's own <meta> handling, which reads them right.
                guard declared == "utf-8" || declared == "utf8" else { return nil }
                return isUTF8(all) ? "UTF-8" : windowsOrLatin1(all)
            }
            if firstOffset(ofFolded: "<?xml", in: head) != nil && firstOffset(ofFolded: "encoding", in: head) != nil { return nil }
            return isUTF8(all) ? "UTF-8" : windowsOrLatin1(all)
        }
    }

    private static func windowsOrLatin1(_ bytes: UnsafeRawBufferPointer) -> String {
        let undefinedInWindows1252: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        return bytes.contains(where: { undefinedInWindows1252.contains($0) }) ? "ISO-8859-1" : "windows-1252"
    }

    /// ASCII upper-case letters to lower case; every other byte as it is.
    @inline(__always) private static func folded(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// The value after the first `charset=` (ASCII case ignored; quotes and spaces skipped), lower-cased,
    /// if any.
    static func declaredCharset(_ bytes: UnsafeRawBufferPointer) -> String? {
        let pattern: StaticString = "charset"
        var from = 0
        while let start = firstOffset(ofFolded: pattern, in: bytes, from: from) {
            from = start + 1
            var index = start + pattern.utf8CodeUnitCount
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x22 || bytes[index] == 0x27 { index += 1 }
            var value: [UInt8] = []
            while index < bytes.count, value.count < 40 {
                let byte = folded(bytes[index])
                let isNameByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x3A
                guard isNameByte else { break }
                value.append(byte)
                index += 1
            }
            return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
        }
        return nil
    }

    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { declaredCharset($0) }
    }

    /// Where `pattern` (lower-case ASCII) first occurs in `bytes` at or after `from`, ASCII case ignored.
    private static func firstOffset(ofFolded pattern: StaticString, in bytes: UnsafeRawBufferPointer, from: Int = 0) -> Int? {
        let count = pattern.utf8CodeUnitCount
        guard bytes.count >= count, from <= bytes.count - count else { return nil }
        let wanted = pattern.utf8Start
        let first = wanted[0]
        search: for start in from...(bytes.count - count) where folded(bytes[start]) == first {
            for offset in 1..<count where folded(bytes[start + offset]) != wanted[offset] { continue search }
            return start
        }
        return nil
    }

    /// Whether the bytes are well-formed UTF-8, allowing a sequence cut off at the very end (a truncated file).
    static func isUTF8(_ bytes: Data) -> Bool {
        bytes.withUnsafeBytes { isUTF8($0) }
    }

    static func isUTF8(_ raw: UnsafeRawBufferPointer) -> Bool {
        let count = raw.count
        var index = 0
        while index < count {
            // Most of a file is ASCII: eight bytes at a time while none has its high bit set.
            while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = raw[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            if index + length > count {
                // Only continuation bytes may follow to the end.
                return (index + 1..<count).allSatisfy { raw[$0] & 0xC0 == 0x80 }
            }
            for offset in 1..<length where raw[index + offset] & 0xC0 != 0x80 { return false }
            // Overlong three- and four-byte forms and surrogates.
            let second = raw[index + 1]
            if lead == 0xE0 && second < 0xA0 { return false }
            if lead == 0xED && second > 0x9F { return false }
            if lead == 0xF0 && second < 0x90 { return false }
            if lead == 0xF4 && second > 0x8F { return false }
            index += length
        }
        return true
    }

    /// Parses a piece of HTML that arrived escaped inside XML text (Europass `Activities`,
    /// `oa:Description`). Lines are shifted so evidence points into the enclosing file.
    public func parseFragment(_ html: String, startingAtLine line: Int) -> MarkupDocument? {
        // The shift is applied as the nodes are made: a finished document's nodes are shared and immutable.
        let shift = Int32(clamping: max(line - 1, 0))
        guard var document = try? parse(Data(("<html><body>" + html + "</body></html>").utf8), as: .html, lineShift: shift) else { return nil }
        document.diagnostics = []
        return document
    }
}

/// Collects libxml2's messages for one parse, and owns the stand-in entities handed to it. Only touched by
/// the parsing thread, inside the parse call.
private final class DiagnosticCollector {
    var messages: [String] = []
    /// The document being built from SAX events, if the parse streams.
    let build: UnsafeMutablePointer<DocumentBuilder>?
    var firstFatal: String?
    private var standInEntities: [String: xmlEntityPtr] = [:]
    /// Nodes and declarations libxml2 has made so far, against `nodeLimit`.
    var nodes = 0
    let nodeLimit: Int
    var stoppedAtNodeLimit = false

    init(nodeLimit: Int, build: UnsafeMutablePointer<DocumentBuilder>?) {
        self.nodeLimit = nodeLimit
        self.build = build
    }

    /// An entity with HTML's meaning for a name the XML document never declares (`&eacute;` in a file
    /// without its DTD). Typed as predefined, so libxml2 inlines its text like `&amp;` instead of
    /// reporting an undeclared entity, which would also make it drop every later `&amp;` (libxml2 skips
    /// entity references once a document is known not to be well-formed).
    func standInEntity(named name: UnsafePointer<xmlChar>, codePoint: UInt32) -> xmlEntityPtr? {
        let key = String(cString: name)
        if let known = standInEntities[key] { return known }
        guard let scalar = Unicode.Scalar(codePoint) else { return nil }
        let text = String(Character(scalar))
        let entity = xmlEntityPtr.allocate(capacity: 1)
        entity.initialize(to: xmlEntity())
        entity.pointee.type = XML_ENTITY_DECL
        entity.pointee.etype = XML_INTERNAL_PREDEFINED_ENTITY
        entity.pointee.name = UnsafePointer(key.withCString { strdup($0) }.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: xmlChar.self) })
        entity.pointee.content = text.withCString { strdup($0) }.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: xmlChar.self) }
        entity.pointee.length = Int32(text.utf8.count)
        standInEntities[key] = entity
        return entity
    }

    /// libxml2 copies a predefined entity's text where it is used and keeps no pointer to it, so the
    /// stand-ins can go as soon as the parse returns.
    func releaseStandInEntities() {
        for entity in standInEntities.values {
            free(UnsafeMutableRawPointer(mutating: entity.pointee.name))
            free(entity.pointee.content)
            entity.deinitialize(count: 1)
            entity.deallocate()
        }
        standInEntities = [:]
    }
}

/// `getEntity` for XML: what the document declares, else HTML's named character entities.
private func resolveEntity(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) -> xmlEntityPtr? {
    if let declared = xmlSAX2GetEntity(context, name) { return declared }
    guard let name, let known = htmlEntityLookup(name), let data = readiness_errorHandlerData(context) else { return nil }
    let collector = Unmanaged<DiagnosticCollector>.fromOpaque(data).takeUnretainedValue()
    return collector.standInEntity(named: name, codePoint: known.pointee.value)
}

/// Adds `count` nodes to this parse's budget; past it, stops the parser (once).
private func countNodes(_ context: UnsafeMutableRawPointer?, _ count: Int) {
    guard let context, let data = readiness_errorHandlerData(context) else { return }
    // Borrowed, not taken: `takeUnretainedValue` retained and released the collector on every start tag
    // (the parse holds it alive throughout).
    let stops = Unmanaged<DiagnosticCollector>.fromOpaque(data)._withUnsafeGuaranteedRef { collector -> Bool in
        collector.nodes += count
        guard collector.nodes > collector.nodeLimit && !collector.stoppedAtNodeLimit else { return false }
        collector.stoppedAtNodeLimit = true
        return true
    }
    if stops { xmlStopParser(context.assumingMemoryBound(to: xmlParserCtxt.self)) }
}

private func countedStartElementNs(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    _ attributeCount: Int32, _ defaultedCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    xmlSAX2StartElementNs(context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes)
    countNodes(context, 1 + Int(attributeCount) + Int(namespaceCount))
}

/// The HTML parser's start tag: attributes come as a NULL-terminated list of name/value pairs.
private func countedStartElement(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    xmlSAX2StartElement(context, name, attributes)
    countNodes(context, 1 + attributePairCount(attributes))
}

/// How many name/value pairs an HTML start tag's NULL-terminated attribute list holds.
private func attributePairCount(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Int {
    guard let attributes else { return 0 }
    var index = 0
    while attributes[index] != nil { index += 2 }
    return index / 2
}

private func countedReference(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
    xmlSAX2Reference(context, name)
    countNodes(context, 1)
}

private func countedComment(_ context: UnsafeMutableRawPointer?, _ value: UnsafePointer<xmlChar>?) {
    xmlSAX2Comment(context, value)
    countNodes(context, 1)
}

private func countedProcessingInstruction(_ context: UnsafeMutableRawPointer?, _ target: UnsafePointer<xmlChar>?, _ data: UnsafePointer<xmlChar>?) {
    xmlSAX2ProcessingInstruction(context, target, data)
    countNodes(context, 1)
}

private func countedEntityDecl(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ type: Int32,
    _ publicID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?, _ content: UnsafeMutablePointer<xmlChar>?
) {
    xmlSAX2EntityDecl(context, name, type, publicID, systemID, content)
    countNodes(context, 1)
}

private func countedElementDecl(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ type: Int32, _ content: xmlElementContentPtr?) {
    xmlSAX2ElementDecl(context, name, type, content)
    countNodes(context, 1)
}

private func countedAttributeDecl(
    _ context: UnsafeMutableRawPointer?, _ element: UnsafePointer<xmlChar>?, _ fullName: UnsafePointer<xmlChar>?,
    _ type: Int32, _ defaultType: Int32, _ defaultValue: UnsafePointer<xmlChar>?, _ tree: xmlEnumerationPtr?
) {
    xmlSAX2AttributeDecl(context, element, fullName, type, defaultType, defaultValue, tree)
    countNodes(context, 1)
}

/// The parser context and the streaming build behind a SAX callback's context pointer.
private func streamingBuild(_ context: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, UnsafeMutablePointer<DocumentBuilder>)? {
    guard let context, let data = readiness_errorHandlerData(context) else { return nil }
    let build = Unmanaged<DiagnosticCollector>.fromOpaque(data)._withUnsafeGuaranteedRef { $0.build }
    guard let build else { return nil }
    return (context.assumingMemoryBound(to: xmlParserCtxt.self), build)
}

private func streamedStartElementNs(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    _ attributeCount: Int32, _ defaultedCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard case let (parser, build)? = streamingBuild(context) else { return }
    build.pointee.streamStartXMLElement(
        parser, localName: localName, prefix: prefix, uri: uri, attributeCount: Int(attributeCount),
        defaultedCount: Int(defaultedCount), attributes: attributes)
    countNodes(context, 1 + Int(attributeCount) + Int(namespaceCount))
}

private func streamedEndElementNs(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?
) {
    guard case let (parser, build)? = streamingBuild(context) else { return }
    build.pointee.streamEndElement(parser)
}

private func streamedStartElement(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard case let (parser, build)? = streamingBuild(context) else { return }
    build.pointee.streamStartHTMLElement(parser, name: name, attributes: attributes)
    countNodes(context, 1 + attributePairCount(attributes))
}

private func streamedEndElement(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
    guard case let (parser, build)? = streamingBuild(context) else { return }
    build.pointee.streamEndElement(parser)
}

private func streamedCharacters(_ context: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<xmlChar>?, _ count: Int32) {
    guard case let (parser, build)? = streamingBuild(context) else { return }
    build.pointee.streamCharacters(parser, bytes, count: count)
}

private func streamedCDATA(_ context: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<xmlChar>?, _ count: Int32) {
    guard case let (parser, build)? = streamingBuild(context) else { return }
    build.pointee.streamCDATA(parser, bytes, count: count)
}

private func streamedComment(_ context: UnsafeMutableRawPointer?, _ value: UnsafePointer<xmlChar>?) {
    guard case let (parser, build)? = streamingBuild(context) else { return }
    build.pointee.streamOtherNode(parser, content: value)
    countNodes(context, 1)
}

private func streamedProcessingInstruction(_ context: UnsafeMutableRawPointer?, _ target: UnsafePointer<xmlChar>?, _ data: UnsafePointer<xmlChar>?) {
    guard case let (parser, build)? = streamingBuild(context) else { return }
    build.pointee.streamOtherNode(parser, content: data)
    countNodes(context, 1)
}

/// An entity reference libxml2 leaves as a node: the tree build resolves those (see
/// `DocumentBuilder.resolveEntity`), so the document is built from the tree.
private func streamedReference(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
    guard case let (parser, build)? = streamingBuild(context) else { return }
    build.pointee.needTree(parser)
}

/// A declared entity: libxml2 parses its text through these same callbacks when it is first used, which
/// the streaming build would take for document content. Built from the tree instead.
private func streamedEntityDecl(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ type: Int32,
    _ publicID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?, _ content: UnsafeMutablePointer<xmlChar>?
) {
    guard case let (parser, build)? = streamingBuild(context) else { return }
    build.pointee.needTree(parser)
}

private func collectDiagnostic(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let error, let data = readiness_errorHandlerData(context) else { return }
    record(error, in: Unmanaged<DiagnosticCollector>.fromOpaque(data).takeUnretainedValue())
}

/// The per-thread handler's data is the collector itself, not a parser context.
private func collectThreadDiagnostic(_ data: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let error, let data else { return }
    record(error, in: Unmanaged<DiagnosticCollector>.fromOpaque(data).takeUnretainedValue())
}

private func record(_ error: xmlErrorPtr, in collector: DiagnosticCollector) {
    guard collector.messages.count < 50 else { return }
    let message = error.pointee.message.map { DiagnosticText.trimmed($0) } ?? "unknown error"
    let line = Int(error.pointee.line)
    let text = line > 0 ? "line \(line): \(message)" : message
    collector.messages.append(text)
    if error.pointee.level == XML_ERR_FATAL && collector.firstFatal == nil {
        collector.firstFatal = text
    }
}
