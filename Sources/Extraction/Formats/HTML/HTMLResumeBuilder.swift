import Foundation

/// Turns sectioned lines into a `Candidate`: the part the generic HTML and JSON Resume theme extractors
/// share once each has decided which line belongs to which section.
struct HTMLResumeBuilder: Sendable {
    var format: ResumeFormat
    /// JSON Resume themes render each skill group's name as a heading over its keywords; the name is a
    /// skill the résumé declares. In free-form HTML such headings are only labels.
    var groupNamesAreSkills = false

    func build(_ lines: consuming [SectionedLine], source: String, documentTitle: String?) -> Candidate {
        var candidate = Candidate(source: source, format: format)
        let details = PersonalDetailsReader.read(lines, documentTitle: documentTitle)
        candidate.personal = details.personal
        candidate.headline = details.headline

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
        candidate.evidence = evidence
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
        if hasExperienceSection {
            candidate.positions = ExperienceReader.positions(from: experience)
        } else {
            // No experience heading we know: take only entries with dates and a recognisable title from
            // the rest, so a stray date in a summary does not become a job.
            candidate.positions = ExperienceReader.positions(from: rest, strict: true)
            if !candidate.positions.isEmpty {
                candidate.warnings.append("no experience heading found; positions were read from dated lines with job titles")
            }
        }
        candidate.education = EducationReader.entries(from: education)
        candidate.certifications = certifications
        candidate.skills = SkillsReader.skills(from: skills, labelsAreSkills: groupNamesAreSkills)

        for (index, position) in candidate.positions.enumerated() where position.title.isEmpty {
            candidate.warnings.append("position \(index + 1) (line \(position.line)) has no recognisable job title")
        }
        if candidate.personal.name == nil {
            candidate.warnings.append("no name found")
        }
        return candidate
    }
}
