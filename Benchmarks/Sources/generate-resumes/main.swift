import Foundation

// generate-resumes --count N --out DIR [--seed S]
//
// Writes N synthetic HR résumés for the readiness benchmark: generic HTML in three layouts (heading
// sections with bullets, a Word "Save as Web Page" table, a one-pager with sibling spans) and HR-XML 2.5
// `Resume` XML, each 3–12 KB. The same seed gives byte-identical files, and file i depends only on
// (seed, i): the first 2,000 files of a 20,000-file run are exactly a 2,000-file run.

enum Layout: Int, CaseIterable {
    case sectionedHTML, wordTableHTML, onePagerHTML, hrXML

    var fileExtension: String {
        switch self {
        case .sectionedHTML, .onePagerHTML: return "html"
        case .wordTableHTML: return "htm"
        case .hrXML: return "xml"
        }
    }

    /// Share of each layout, in percent.
    static let weights = [30, 20, 20, 30]
}

let minimumBytes = 3 * 1024
let maximumBytes = 12 * 1024

struct Options {
    var count = 0
    var output = ""
    var seed: UInt64 = 42
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = Array(CommandLine.arguments.dropFirst())[...]
    func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("generate-resumes: \(message)\nusage: generate-resumes --count N --out DIR [--seed S]\n".utf8))
        exit(64)
    }
    while let argument = arguments.popFirst() {
        switch argument {
        case "--count":
            guard let value = arguments.popFirst().flatMap({ Int($0) }), value >= 0 else { fail("--count needs a number") }
            options.count = value
        case "--out":
            guard let value = arguments.popFirst() else { fail("--out needs a folder") }
            options.output = value
        case "--seed":
            guard let value = arguments.popFirst().flatMap({ UInt64($0) }) else { fail("--seed needs a number") }
            options.seed = value
        case "--help", "-h":
            print("usage: generate-resumes --count N --out DIR [--seed S]   (seed default 42)")
            exit(0)
        default:
            fail("unknown argument \(argument)")
        }
    }
    if options.output.isEmpty { fail("--out is required") }
    return options
}

/// One file's bytes: content drawn for (seed, index), grown or trimmed duty by duty into a size drawn
/// between 3 and 12 KB.
func resumeFile(index: Int, seed: UInt64) -> (Layout, [UInt8]) {
    var random = RandomSource(seed: seed, index: index)
    let layout = Layout(rawValue: random.weighted(Layout.weights))!
    let form = DateForm.allCases[random.int(0...(DateForm.allCases.count - 1))]
    let choices = HTMLChoices(random: &random)
    var builder = CareerBuilder(random: random)
    var resume = builder.resume()
    let target = builder.random.int((minimumBytes + 200)...(maximumBytes - 700))
    let resumeID = "BENCH-\(seed)-\(index)"

    func render(_ resume: ResumeContent) -> [UInt8] {
        switch layout {
        case .sectionedHTML: return Array(SectionedHTMLLayout().render(resume, form: form, choices: choices).utf8)
        case .wordTableHTML: return WordTableHTMLLayout.windows1252(WordTableHTMLLayout().render(resume, form: form, choices: choices))
        case .onePagerHTML: return Array(OnePagerHTMLLayout().render(resume, form: form, choices: choices).utf8)
        case .hrXML: return Array(HRXMLLayout().render(resume, form: form, resumeID: resumeID, choices: choices).utf8)
        }
    }

    var bytes = render(resume)
    // Grow: add duties in proportion to what is missing (each costs 100–300 bytes with its markup).
    while bytes.count < target {
        let missing = max(1, (target - bytes.count) / 250)
        for _ in 0..<missing {
            let job = builder.random.int(0...(resume.jobs.count - 1))
            resume.jobs[job].duties.append(builder.duty(forRung: WordLists.ladder.firstIndex(of: resume.jobs[job].title) ?? 4))
        }
        bytes = render(resume)
    }
    // Trim: drop the last duty of the job with most duties until under the cap.
    while bytes.count > maximumBytes {
        guard let job = resume.jobs.indices.max(by: { resume.jobs[$0].duties.count < resume.jobs[$1].duties.count }),
            resume.jobs[job].duties.count > 1
        else { break }
        resume.jobs[job].duties.removeLast()
        bytes = render(resume)
    }
    return (layout, bytes)
}

let options = parseOptions()
do {
    try FileManager.default.createDirectory(atPath: options.output, withIntermediateDirectories: true)
} catch {
    FileHandle.standardError.write(Data("generate-resumes: cannot create \(options.output): \(error)\n".utf8))
    exit(73)
}
let width = max(6, String(options.count).count)
var counts = [Int](repeating: 0, count: Layout.allCases.count)
var totalBytes = 0
var smallest = Int.max
var largest = 0
for index in 0..<options.count {
    let (layout, bytes) = resumeFile(index: index, seed: options.seed)
    let number = String(index)
    let name = "resume-" + String(repeating: "0", count: max(0, width - number.count)) + number + "." + layout.fileExtension
    let path = options.output + "/" + name
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        FileHandle.standardError.write(Data("generate-resumes: cannot write \(path)\n".utf8))
        exit(74)
    }
    counts[layout.rawValue] += 1
    totalBytes += bytes.count
    smallest = min(smallest, bytes.count)
    largest = max(largest, bytes.count)
}
let summary = "generate-resumes: wrote \(options.count) files (\(counts[0]) sectioned HTML, \(counts[1]) Word-table HTML, \(counts[2]) one-pager HTML, \(counts[3]) HR-XML), \(totalBytes) bytes, \(options.count == 0 ? 0 : smallest)–\(largest) bytes each, seed \(options.seed), into \(options.output)\n"
FileHandle.standardError.write(Data(summary.utf8))
