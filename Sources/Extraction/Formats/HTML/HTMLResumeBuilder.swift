import Foundation

/// Turns sectioned lines into a `Candidate`: the part the generic HTML and JSON Resume theme extractors
/// share once each has decided which line belongs to which section.
struct HTMLResumeBuilder: Sendable {
    var format: ResumeFormat
    /// JSON Resume themes render each skill group's name as a heading over its keywords; the name is a
    /// skill the résumé declares. In free-form HTML such headings are only labels.
    var groupNamesAreSkills = false

    func build(_ lines: consuming [SectionedLine], source: String, documentTitle: String?) -> Candidate {
        // The parts are read first and the candidate made once, at the end, from all of them: made
        // first and filled in, it was built with empty personal details, then copied (every string and
        // list retained) and the original destroyed, and its personal details were copied in again.
        let details = PersonalDetailsReader.read(lines, documentTitle: documentTitle)

        // Every visible line is evidence, except the name and contact lines at the top: they prove no
        // qualification, and evidence is quoted in reports that `--blind` must keep anonymous.
        // By index, reading only the fields needed: a copy of each sectioned line costs more than the test.
        // Room for every line first (only a few header lines are left out): `compactMap` grew the array
        // from empty, reallocating it some seven times per résumé.
        var evidence: [EvidenceText] = []
        evidence.reserveCapacity(lines.count)
        for index in lines.indices {
            let text = lines[index].line.text
            let section = lines[index].section
            if section == .header {
                if index == details.nameIndex || PersonalDetailsReader.isContact(text) { continue }
                if let location = details.personal.location, TextScan.contains(text, location) { continue }
            }
            evidence.append(EvidenceText(text, line: lines[index].line.line, section: section.evidenceSection))
        }
        // Certifications read the whole document, so before its lines move out below.
        let certifications = CertificationReader.certifications(in: lines)

        // The content lines of the sections read below move out of the sectioned lines (each belongs to
        // one of them at most): copying them retained every string of every line, and releasing the
        // sectioned lines released them again.
        // Counted first, so that each array is made once at its size.
        var counts = (experience: 0, education: 0, skills: 0, rest: 0)
        for index in lines.indices where !lines[index].isHeading {
            switch lines[index].section {
            case .experience: counts.experience += 1
            case .education: counts.education += 1
            case .skills: counts.skills += 1
            case .header, .other: counts.rest += 1
            case .summary, .certifications: break
            }
        }
        let hasExperienceSection = lines.indices.contains { lines[$0].section == .experience }
        var experience: [HTMLLine] = []
        experience.reserveCapacity(counts.experience)
        var education: [HTMLLine] = []
        education.reserveCapacity(counts.education)
        var skills: [HTMLLine] = []
        skills.reserveCapacity(counts.skills)
        // Without an experience heading we know: the lines of the header and of other sections.
        var rest: [HTMLLine] = []
        if !hasExperienceSection { rest.reserveCapacity(counts.rest) }
        for index in lines.indices where !lines[index].isHeading {
            switch lines[index].section {
            case .experience: experience.append(SectionAssigner.takeLine(at: index, from: &lines))
            case .education: education.append(SectionAssigner.takeLine(at: index, from: &lines))
            case .skills: skills.append(SectionAssigner.takeLine(at: index, from: &lines))
            case .header, .other:
                if !hasExperienceSection, index != details.nameIndex { rest.append(SectionAssigner.takeLine(at: index, from: &lines)) }
            case .summary, .certifications: break
            }
        }
        let positions: [Position]
        var warnings: [String] = []
        if hasExperienceSection {
            positions = ExperienceReader.positions(from: experience)
        } else {
            // No experience heading we know: take only entries with dates and a recognisable title from
            // the rest, so a stray date in a summary does not become a job.
            positions = ExperienceReader.positions(from: rest, strict: true)
            if !positions.isEmpty {
                warnings.append("no experience heading found; positions were read from dated lines with job titles")
            }
        }
        // By index: `enumerated()` copied each position.
        for index in positions.indices where positions[index].title.isEmpty {
            warnings.append("position \(index + 1) (line \(positions[index].line)) has no recognisable job title")
        }
        if details.personal.name == nil {
            warnings.append("no name found")
        }
        return Candidate(
            source: source, format: format, personal: details.personal, headline: details.headline, positions: positions,
            education: EducationReader.entries(from: education), certifications: certifications,
            skills: SkillsReader.skills(from: skills, labelsAreSkills: groupNamesAreSkills), evidence: evidence, warnings: warnings)
    }
}
