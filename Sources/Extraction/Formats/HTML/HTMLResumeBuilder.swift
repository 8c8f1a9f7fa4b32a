import Foundation

/// Turns sectioned lines into a `Candidate`: the part the generic HTML and JSON Resume theme extractors
/// share once each has decided which line belongs to which section.
struct HTMLResumeBuilder: Sendable {
    var format: ResumeFormat
    /// JSON Resume themes render each skill group's name as a heading over its keywords; the name is a
    /// skill the résumé declares. In free-form HTML such headings are only labels.
    var groupNamesAreSkills = false

    func build(_ lines: [SectionedLine], source: String, documentTitle: String?) -> Candidate {
        var candidate = Candidate(source: source, format: format)
        let details = PersonalDetailsReader.read(lines, documentTitle: documentTitle)
        candidate.personal = details.personal
        candidate.headline = details.headline

        // Every visible line is evidence, except the name and contact lines at the top: they prove no
        // qualification, and evidence is quoted in reports that `--blind` must keep anonymous.
        // By index, reading only the fields needed: a copy of each sectioned line costs more than the test.
        candidate.evidence = lines.indices.compactMap { index in
            let text = lines[index].line.text
            let section = lines[index].section
            if section == .header {
                if index == details.nameIndex || PersonalDetailsReader.isContact(text) { return nil }
                if let location = details.personal.location, TextScan.contains(text, location) { return nil }
            }
            return EvidenceText(text, line: lines[index].line.line, section: section.evidenceSection)
        }

        // By index: filtering the sectioned lines first copied each one (and its strings) twice.
        func content(_ section: ResumeSection) -> [HTMLLine] {
            var result: [HTMLLine] = []
            for index in lines.indices where lines[index].section == section && !lines[index].isHeading {
                result.append(lines[index].line)
            }
            return result
        }
        let hasExperienceSection = lines.indices.contains { lines[$0].section == .experience }
        if hasExperienceSection {
            candidate.positions = ExperienceReader.positions(from: content(.experience))
        } else {
            // No experience heading we know: take only entries with dates and a recognisable title from
            // the rest, so a stray date in a summary does not become a job.
            var rest: [HTMLLine] = []
            for index in lines.indices where index != details.nameIndex && !lines[index].isHeading
                && (lines[index].section == .header || lines[index].section == .other) {
                rest.append(lines[index].line)
            }
            candidate.positions = ExperienceReader.positions(from: rest, strict: true)
            if !candidate.positions.isEmpty {
                candidate.warnings.append("no experience heading found; positions were read from dated lines with job titles")
            }
        }
        candidate.education = EducationReader.entries(from: content(.education))
        candidate.certifications = CertificationReader.certifications(
            inSection: lines.filter { $0.section == .certifications && !$0.isHeading }, everywhere: lines)
        candidate.skills = SkillsReader.skills(from: content(.skills), labelsAreSkills: groupNamesAreSkills)

        for (index, position) in candidate.positions.enumerated() where position.title.isEmpty {
            candidate.warnings.append("position \(index + 1) (line \(position.line)) has no recognisable job title")
        }
        if candidate.personal.name == nil {
            candidate.warnings.append("no name found")
        }
        return candidate
    }
}
