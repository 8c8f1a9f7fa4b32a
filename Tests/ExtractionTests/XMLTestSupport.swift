import Foundation
import Markup
import Testing

@testable import Extraction

/// Reading XML résumés in tests: corpus files (../shared/corpus, located from this file), fixtures
/// written for these tests (Fixtures/xml) and inline strings, all through `ResumeReader` as the
/// command does, at a fixed as-of date.
enum XMLTestSupport {
    static let asOf = PartialDate(year: 2026, month: 11, day: 1)

    /// Tests/ExtractionTests/<this file> → the repository root is three levels up.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/xml")

    static func corpusPath(_ relative: String) -> String { corpus.appendingPathComponent(relative).path }
    static func fixturePath(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    static func readCorpus(_ relative: String) throws -> Candidate {
        try ResumeReader().read(fileAt: corpusPath(relative), asOf: asOf)
    }

    static func readFixture(_ name: String) throws -> Candidate {
        try ResumeReader().read(fileAt: fixturePath(name), asOf: asOf)
    }

    static func read(xml: String, source: String = "inline.xml") throws -> Candidate {
        try ResumeReader().read(bytes: Data(xml.utf8), source: source, asOf: asOf)
    }

    /// The extractor the reader picks for these bytes.
    static func extractor(for xml: String) throws -> (any ResumeExtractor)? {
        let document = try MarkupParser().parse(Data(xml.utf8))
        return ResumeReader.standardExtractors.first { $0.recognises(document) }
    }

    static func document(_ xml: String) throws -> MarkupDocument {
        try MarkupParser().parse(Data(xml.utf8))
    }

    /// Every string a candidate record holds, for "this text appears nowhere" checks.
    static func allText(of candidate: Candidate) -> [String] {
        var texts: [String?] = [
            candidate.personal.name, candidate.personal.email, candidate.personal.phone, candidate.personal.location,
            candidate.personal.birthDate, candidate.personal.gender, candidate.personal.nationality,
            candidate.personal.maritalStatus, candidate.personal.photo, candidate.headline,
        ]
        for position in candidate.positions {
            texts += [position.title, position.employer, position.location, position.description]
            texts += position.duties.map(\.text)
        }
        for education in candidate.education { texts += [education.degree, education.field, education.institution] }
        texts += candidate.certifications.map(\.name)
        texts += candidate.skills
        texts += candidate.evidence.map(\.text)
        texts += candidate.warnings
        return texts.compactMap { $0 }
    }

    static func date(_ year: Int, _ month: Int? = nil, _ day: Int? = nil) -> PartialDate {
        PartialDate(year: year, month: month, day: day)
    }
}
