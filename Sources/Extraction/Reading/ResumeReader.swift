import Foundation
import Markup

/// The entry point from a file to a `Candidate`: checks the file, parses it with the Markup layer, picks
/// the extractor whose vocabulary the content uses, and works out experience at the as-of date.
public struct ResumeReader: Sendable {
    public var parser: MarkupParser
    /// Files larger than this are refused before they are read (10 MB by default).
    public var maximumFileBytes: Int
    public var extractors: [any ResumeExtractor]

    public init(parser: MarkupParser = MarkupParser(), maximumFileBytes: Int = 10 * 1024 * 1024, extractors: [any ResumeExtractor] = ResumeReader.standardExtractors) {
        self.parser = parser
        self.maximumFileBytes = maximumFileBytes
        self.extractors = extractors
    }

    /// Most specific first: XML vocabularies by root and namespace, then HTML microformats, microdata and
    /// themes; generic HTML and generic XML last, as fallbacks.
    public static let standardExtractors: [any ResumeExtractor] = [
        EuropassV3Extractor(),
        Europass2020Extractor(),
        HRXML3Extractor(),
        HRXML2Extractor(),
        XMLResumeExtractor(),
        MicroformatsExtractor(),
        SchemaOrgExtractor(),
        JSONResumeThemeExtractor(),
        GenericHTMLExtractor(),
        GenericXMLExtractor(),
    ]

    public func read(fileAt path: String, asOf: PartialDate) throws(ResumeReadError) -> Candidate {
        let bytes = try readFile(at: path)
        return try read(bytes: bytes, source: path, asOf: asOf)
    }

    /// Reads a file's bytes with the checks a batch needs: exists, is a regular file, is readable, is
    /// under the size limit. Never blocks on a FIFO or device.
    public func readFile(at path: String) throws(ResumeReadError) -> Data {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .missingFile }
            throw .notReadable(String(cString: strerror(errno)))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .notReadable("it is a directory, not a file")
        case S_IFIFO: throw .notReadable("it is a pipe (FIFO), not a regular file")
        default: throw .notReadable("it is not a regular file")
        }
        if Int(status.st_size) > maximumFileBytes {
            throw .notReadable(MarkupError.tooLarge(bytes: Int(status.st_size), limit: maximumFileBytes).description)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .notReadable(access(path, R_OK) != 0 ? "permission denied" : "cannot be opened")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            // The file may have grown since stat.
            if data.count > maximumFileBytes {
                throw ResumeReadError.notReadable(MarkupError.tooLarge(bytes: data.count, limit: maximumFileBytes).description)
            }
            return data
        } catch let error as ResumeReadError {
            throw error
        } catch {
            throw .notReadable("read failed: \(error.localizedDescription)")
        }
    }

    public func read(bytes: Data, source: String, asOf: PartialDate) throws(ResumeReadError) -> Candidate {
        let document: MarkupDocument
        do {
            document = try parser.parse(bytes)
        } catch {
            throw .notAResume(error.description)
        }
        let context = ExtractionContext(source: source, asOf: asOf, parser: parser)
        guard let extractor = extractors.first(where: { $0.recognises(document) }) else {
            throw .notAResume("no reader recognises this \(document.kind == .html ? "HTML" : "XML") document")
        }
        var candidate = extractor.extract(from: document, context: context)
        candidate.source = source
        candidate.hiddenText = candidate.hiddenText || document.containsHiddenText
        if document.containsHiddenText {
            candidate.warnings.append("text hidden from a reader (display:none, zero-size or background-coloured text) was found and ignored")
        }
        if document.wasFlattened {
            candidate.warnings.append("markup nested deeper than \(parser.maximumDepth) levels was flattened")
        }
        candidate.warnings.append(contentsOf: Self.notableDiagnostics(document))
        guard candidate.hasResumeContent else {
            throw .notAResume("no résumé content found (no name, positions, education, certifications or skills)")
        }
        candidate.experience = ExperienceCalculator.summary(of: candidate.positions, asOf: asOf)
        for (index, position) in candidate.positions.enumerated() where position.start == nil {
            candidate.warnings.append("position \(index + 1) (\(position.title)) has no start date and adds no experience")
        }
        return candidate
    }

    /// libxml2's HTML parser predates HTML5 and calls `<section>` or `<nav>` invalid; those say nothing
    /// about the résumé. Other messages (unclosed tags, bad encoding) are kept, a few at most.
    static func notableDiagnostics(_ document: MarkupDocument) -> [String] {
        let notable = document.diagnostics.filter { message in
            !(TextScan.contains(message, "Tag ") && message.hasSuffix("invalid")) && !TextScan.contains(message, "htmlParseEntityRef")
        }
        var result = Array(notable.prefix(3)).map { "markup: \($0)" }
        if notable.count > 3 { result.append("markup: \(notable.count - 3) more problems") }
        return result
    }
}

extension Candidate {
    /// Whether anything was read that a résumé would hold.
    var hasResumeContent: Bool {
        personal.name != nil || !positions.isEmpty || !education.isEmpty || !certifications.isEmpty || !skills.isEmpty
    }
}
