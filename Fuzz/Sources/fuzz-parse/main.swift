import Extraction
import Foundation
import FuzzerDriver
import Markup

// libFuzzer's entry point. Each input goes through
//   1. `ResumeReader.read(bytes:source:asOf:)`: the production path (sniff HTML or XML from the bytes,
//      parse with libxml2, the extractor that recognises the document, experience), and
//   2. the parser forced to one kind (HTML for inputs of even length, XML for odd), then every extractor
//      that recognises the result: the sniffer sends most mutations of a seed down one parser, and both
//      parsers and all extractors must survive anything. The length decides so that a one-byte mutation
//      flips the kind, and both kinds see every shape of input.
// Errors are normal answers for most inputs and are ignored; the fuzzer looks for crashes, sanitizer
// reports, hangs (-timeout) and runaway memory (-rss_limit_mb).

/// Built once: the reader and its extractors are immutable values.
nonisolated(unsafe) let reader = ResumeReader()
nonisolated(unsafe) let asOf = PartialDate(year: 2026, month: 11, day: 1)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    _ = try? reader.read(bytes: bytes, source: "fuzz-input", asOf: asOf)

    let kind: MarkupDocument.Kind = size.isMultiple(of: 2) ? .html : .xml
    if let document = try? reader.parser.parse(bytes, as: kind) {
        let context = ExtractionContext(source: "fuzz-input", asOf: asOf, parser: reader.parser)
        for extractor in reader.extractors where extractor.recognises(document) {
            _ = extractor.extract(from: document, context: context)
        }
    }
    return 0
}

// libFuzzer's command line (corpus folders, -max_total_time=…) goes straight to its driver.
var argumentCount = CommandLine.argc
var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &arguments) { data, size in data.map { fuzz($0, size) } ?? 0 })
