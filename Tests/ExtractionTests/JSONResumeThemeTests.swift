import Foundation
import Markup
import Testing
import TestSupport
@testable import Extraction

/// The "even" theme's rendering of the JSON Resume sample, checked against the sample JSON it was
/// rendered from (the oracle), and recognition of theme markup in general.
@Suite struct JSONResumeThemeTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/jsonresume").standardized
    static let rendered = corpus.appendingPathComponent("jsonresume-theme-even-rendered-richard-hendriks.html").path
    static let oracle = corpus.appendingPathComponent("jsonresume-schema-sample-richard-hendriks.json")
    static let asOf = PartialDate(year: 2026, month: 11, day: 1)

    /// The sample résumé as JSON, for comparing values rather than copying them.
    static func sample() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: oracle))
        return try #require(object as? [String: Any])
    }

    @Test func evenThemeAgainstTheSampleJSON() throws {
        let candidate = try ResumeReader().read(fileAt: Self.rendered, asOf: Self.asOf)
        let sample = try Self.sample()
        let basics = try #require(sample["basics"] as? [String: Any])
        let work = try #require(sample["work"] as? [[String: Any]])
        let education = try #require(sample["education"] as? [[String: Any]])

        #expect(candidate.format == .jsonResumeHTML)
        #expect(candidate.personal.name == basics["name"] as? String)
        #expect(candidate.headline == basics["label"] as? String)
        #expect(candidate.personal.email == basics["email"] as? String)
        #expect(candidate.personal.phone == basics["phone"] as? String)

        // Only `work` is employment: volunteering, projects and awards are other sections.
        #expect(candidate.positions.count == work.count)
        for (position, job) in zip(candidate.positions, work) {
            #expect(position.title == job["position"] as? String)
            #expect(position.employer == job["name"] as? String)
            #expect(position.location == job["location"] as? String)
            #expect(position.start == (job["startDate"] as? String).flatMap { PartialDate(iso: $0) })
            #expect(position.end == (job["endDate"] as? String).flatMap { PartialDate(iso: $0) })
            #expect(!position.current)
            let highlights = job["highlights"] as? [String] ?? []
            for highlight in highlights {
                #expect(position.duties.contains { $0.text == highlight }, "highlight \(highlight)")
            }
            #expect(position.duties.first?.text == job["summary"] as? String)
        }
        // `<time datetime>` keeps the day precision the JSON gave.
        #expect(candidate.positions.first?.start?.description == "2013-12-01")

        #expect(candidate.education.count == education.count)
        for (entry, school) in zip(candidate.education, education) {
            #expect(entry.institution == school["institution"] as? String)
            #expect(entry.field == school["area"] as? String)
            #expect(entry.level == .bachelor)
            #expect(entry.degree?.hasPrefix(school["studyType"] as? String ?? "?") == true)
            #expect(entry.start == (school["startDate"] as? String).flatMap { PartialDate(iso: $0) })
            #expect(entry.end == (school["endDate"] as? String).flatMap { PartialDate(iso: $0) })
        }

        let skills = try #require(sample["skills"] as? [[String: Any]])
        for group in skills {
            for keyword in group["keywords"] as? [String] ?? [] {
                #expect(candidate.skills.contains(keyword), "skill \(keyword)")
            }
        }
        // Project tags and interests are not skills.
        #expect(!candidate.skills.contains("Ferrets"))
        #expect(!candidate.skills.contains("GoogleMaps"))
        #expect(candidate.certifications.isEmpty)
        #expect(candidate.evidence.contains { $0.text == "Successfully won Techcrunch Disrupt" && $0.section == .position })
    }

    @Test func recognisesThemeMarkupNotFileNames() throws {
        let theme = try MarkupParser().parse(Data(contentsOf: URL(fileURLWithPath: Self.rendered)))
        #expect(JSONResumeThemeExtractor().recognises(theme))

        // Another theme's shape: class names instead of ids, no <time>, no title over the work section.
        let other = try MarkupParser().parse(Data("""
            <html><body><div class="basics"><h1>Jo Doe</h1></div>
            <div class="work"><div class="item"><h3>HR Generalist</h3><p>Acme Health</p><p>2019-03 – Present</p></div></div>
            <div class="education"><h2>Education</h2><p>Ohio State University</p></div>
            <div class="skills"><h2>Skills</h2><ul><li>Workday</li></ul></div></body></html>
            """.utf8))
        #expect(JSONResumeThemeExtractor().recognises(other))
        let candidate = JSONResumeThemeExtractor().extract(from: other, context: ExtractionContext(source: "other.html", asOf: Self.asOf))
        #expect(candidate.personal.name == "Jo Doe")
        #expect(candidate.positions.first?.title == "HR Generalist")
        #expect(candidate.positions.first?.employer == "Acme Health")
        #expect(candidate.positions.first?.start == PartialDate(year: 2019, month: 3))
        #expect(candidate.positions.first?.current == true)
        #expect(candidate.education.first?.institution == "Ohio State University")
        #expect(candidate.skills == ["Workday"])
    }

    /// Templates that say "experience" and "education" are generic HTML, not themes.
    @Test(arguments: [
        "html/startbootstrap-resume-clarence-taylor.html",
        "html/word2002-professional-resume-template-max-benson-cp1252.htm",
        "html/word2002-contemporary-resume-template-max-benson-cp1252.htm",
    ])
    func doesNotClaimGenericTemplates(_ file: String) throws {
        let url = Self.corpus.deletingLastPathComponent().appendingPathComponent(file)
        let document = try MarkupParser().parse(Data(contentsOf: url))
        #expect(!JSONResumeThemeExtractor().recognises(document))
    }

    /// The prefilter in front of the tree walk may let too much through, never too little.
    @Test(arguments: [
        ("work", true), ("Work", true), ("section BASICS", true), ("volunteer-list", true), ("certificates", true),
        ("MsoNormal", false), ("experience", false), ("", false), ("Arbeitsplätze", true),
    ])
    func prefilterLetsEveryDistinctiveKeyThrough(value: String, expected: Bool) {
        #expect(JSONResumeThemeExtractor.mayHoldDistinctiveKey(value) == expected)
    }
}

/// `mayHoldDistinctiveKey` as it was (every key tried at every position), the reference for its one-pass
/// replacement.
private func referenceMayHoldDistinctiveKey(_ value: String) -> Bool {
    let keys = JSONResumeThemeExtractor.distinctiveKeys.sorted().map { Array($0.utf8) }
    let bytes = Array(value.utf8)
    guard !bytes.contains(where: { $0 >= 0x80 }) else { return true }
    return keys.contains { key in
        guard key.count <= bytes.count else { return false }
        return (0...(bytes.count - key.count)).contains { start in
            key.indices.allSatisfy { TextScan.lowerASCII(bytes[start + $0]) == key[$0] }
        }
    }
}

@Suite struct DistinctiveKeyPrefilterTests {
    @Test func agreesWithTryingEveryKeyEverywhere() {
        var random = SplitMix64(seed: 0x7E4E)
        let pieces = ["w", "W", "or", "OR", "k", "K", "basics", "BaSiCs", "volunteer", "certificate", "certificates",
                      "c", "v", "b", " ", "-", "é", "x", "Msonormal", "wor", "vol", "CERTIFICATES", "\u{0}", "@"]
        for _ in 0..<3_000 {
            let value = (0..<Int(random.next() % 8)).map { _ in random.pick(pieces) }.joined()
            #expect(JSONResumeThemeExtractor.mayHoldDistinctiveKey(value) == referenceMayHoldDistinctiveKey(value), "\(value)")
        }
    }
}
