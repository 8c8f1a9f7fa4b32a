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
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .notReadable(access(path, R_OK) != 0 ? "permission denied" : "cannot be opened")
        }
        defer { close(descriptor) }
        // Straight into a buffer of the size stat gave, plus one byte to notice a file that grew since:
        // FileHandle's readToEnd cost about 15,000 instructions and two more system calls a file.
        var data = Data(count: Int(status.st_size) + 1)
        var count = 0
        while true {
            if count == data.count {
                // It grew since stat: read on, but not far past the limit.
                guard count <= maximumFileBytes else { break }
                data.count += 64 * 1024
            }
            var failure: Int32 = 0
            let got = data.withUnsafeMutableBytes { buffer -> Int in
                let got = readBytes(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 { failure = errno }
                return got
            }
            if got < 0 {
                if failure == EINTR { continue }
                throw .notReadable("read failed: \(String(cString: strerror(failure)))")
            }
            if got == 0 { break }
            count += got
        }
        if count > maximumFileBytes {
            var now = stat()
            let size = fstat(descriptor, &now) == 0 ? max(count, Int(now.st_size)) : count
            throw .notReadable(MarkupError.tooLarge(bytes: size, limit: maximumFileBytes).description)
        }
        data.count = count
        return data
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

/// The C library's `read`, which `ResumeReader`'s own `read` methods hide inside the type.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
