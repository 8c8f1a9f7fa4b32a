import BenchLibXML2
import Foundation

// The floor for issue 7: what reading and parsing the files costs with nothing of ours on top.
// Reads each file, parses it with libxml2 exactly as Sources/Markup/MarkupParser.swift does (the same
// context constructors, option flags and a null encoding), walks its text nodes once, frees it.
// Single-threaded, by design: it is the yardstick for `readiness batch --jobs 1`.
//
// Usage: parse-floor DIR_OR_FILE...
// Prints: files=N bytes=B text_bytes=T elements=E seconds=S files_per_second=R

// The same flags as MarkupParser.xmlOptions / htmlOptions.
let xmlOptions = Int32(
    XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
        | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue)
let htmlOptions = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

/// The résumé files under the arguments, in a stable order (the extensions `readiness batch` reads).
func inputFiles(_ arguments: [String]) -> [String] {
    let extensions: Set<String> = ["html", "htm", "xhtml", "xml"]
    var files: [String] = []
    for argument in arguments {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            FileHandle.standardError.write(Data("parse-floor: no such file or folder: \(argument)\n".utf8))
            exit(66)
        }
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
            for name in names.sorted() where extensions.contains((name as NSString).pathExtension.lowercased()) {
                files.append(argument + "/" + name)
            }
        } else {
            files.append(argument)
        }
    }
    return files
}

/// Whether to hand the bytes to the XML parser. The product sniffs the content; here the generated
/// files' extensions say it (.xml is XML, the rest HTML), which is the cheapest honest answer.
func isXML(_ path: String) -> Bool {
    (path as NSString).pathExtension.lowercased() == "xml"
}

struct Totals {
    var files = 0
    var bytes = 0
    var textBytes = 0
    var elements = 0
    var failures = 0
}

/// Walks the tree once in document order without recursion, touching every text node's content.
func walk(_ doc: xmlDocPtr, into totals: inout Totals) {
    var cursor: xmlNodePtr? = doc.pointee.children
    while let node = cursor {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            totals.elements += 1
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                totals.textBytes += strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
            }
        default:
            break
        }
        // Entity references are not followed (the product resolves them without walking them).
        if node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children {
            cursor = child
            continue
        }
        var current = node
        cursor = nil
        while true {
            if let next = current.pointee.next { cursor = next; break }
            guard let parent = current.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { break }
            current = parent
        }
    }
}

/// Reads a whole file into `buffer` (grown as needed); returns the byte count, or nil.
func read(_ path: String, into buffer: inout [UInt8]) -> Int? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    let size = Int(status.st_size)
    if buffer.count < size { buffer = [UInt8](repeating: 0, count: size) }
    var done = 0
    let ok = buffer.withUnsafeMutableBytes { raw -> Bool in
        while done < size {
            let count = Foundation.read(descriptor, raw.baseAddress! + done, size - done)
            if count <= 0 { return false }
            done += count
        }
        return true
    }
    return ok ? size : nil
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.isEmpty || arguments.contains("--help") {
    print("usage: parse-floor DIR_OR_FILE...\n  Parses every .html/.htm/.xhtml/.xml file once with libxml2, single-threaded, and prints the time.")
    exit(arguments.isEmpty ? 64 : 0)
}

let started = DispatchTime.now().uptimeNanoseconds
xmlInitParser()
bench_silenceErrors()
let files = inputFiles(arguments)
var totals = Totals()
var buffer: [UInt8] = []
for path in files {
    guard let size = read(path, into: &buffer), size > 0 else {
        totals.failures += 1
        continue
    }
    totals.files += 1
    totals.bytes += size
    let doc: xmlDocPtr? = buffer.withUnsafeBytes { raw in
        let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
        if isXML(path) {
            guard let context = xmlNewParserCtxt() else { return nil }
            defer { xmlFreeParserCtxt(context) }
            bench_silenceContext(context)
            return xmlCtxtReadMemory(context, base, Int32(size), nil, nil, xmlOptions)
        } else {
            guard let context = htmlNewParserCtxt() else { return nil }
            defer { htmlFreeParserCtxt(context) }
            bench_silenceContext(context)
            return htmlCtxtReadMemory(context, base, Int32(size), nil, nil, htmlOptions)
        }
    }
    guard let doc else {
        totals.failures += 1
        continue
    }
    walk(doc, into: &totals)
    xmlFreeDoc(doc)
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
let rate = seconds > 0 ? Double(totals.files) / seconds : 0
print("files=\(totals.files) bytes=\(totals.bytes) text_bytes=\(totals.textBytes) elements=\(totals.elements) failures=\(totals.failures) seconds=\(String(format: "%.3f", seconds)) files_per_second=\(String(format: "%.0f", rate))")
exit(totals.failures == 0 ? 0 : 1)
