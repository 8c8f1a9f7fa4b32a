import Markup

/// HR-XML 3.x (HR Open Standards) `Candidate` in `http://www.hr-xml.org/3`, as public employment
/// services export to EURES (NAV), unprefixed. Also accepted: the same `Candidate` inside an OAGIS
/// message (`ProcessCandidate/DataArea/Candidate`), and an un-namespaced `Candidate` that has the
/// HR-XML 3 `CandidatePerson` (HR-XML 2 has `CandidateProfile/PersonalData` instead).
struct HRXML3Extractor: ResumeExtractor {
    static let namespacePrefix = "http://www.hr-xml.org/3"

    var format: ResumeFormat { .hrXML3 }

    func recognises(_ document: MarkupDocument) -> Bool {
        guard document.kind == .xml, let root = document.root else { return false }
        return Self.candidate(in: root) != nil
    }

    func extract(from document: MarkupDocument, context: ExtractionContext) -> Candidate {
        var draft = XMLCandidateDraft(source: context.source, format: format)
        if let root = document.root, let candidate = Self.candidate(in: root) {
            HROpenCandidateReader(context: context).read(candidate, into: &draft)
        }
        return draft.finished()
    }

    /// The `Candidate` element to read, if `root` is (or wraps) an HR-XML 3 one.
    static func candidate(in root: MarkupElement) -> MarkupElement? {
        let namespace = root.namespace
        if root.name == "Candidate", namespace?.hasPrefix(namespacePrefix) == true { return root }
        // An OAGIS message (`ProcessCandidate` in the oa namespace) carrying the HR-XML 3 Candidate.
        if let wrapped = root.path("DataArea", "Candidate"), wrapped.namespace?.hasPrefix(namespacePrefix) == true {
            return wrapped
        }
        if namespace == nil, root.name == "Candidate", root.child("CandidatePerson") != nil { return root }
        return nil
    }
}
