import Extraction

/// Writes the first scoring form of a profile. People then tune the weights in the rubric file; a test
/// checks every committed rubric still has the criteria its profile derives.
public enum RubricDeriver {
    /// Weights before tuning. Experience and supervision weigh most because they take longest to close.
    enum DefaultWeight {
        static let hrExperience = 20.0
        static let totalExperience = 5.0
        static let seniorRole = 10.0
        static let supervisory = 15.0
        static let education = 10.0
        static let certification = 10.0
        static let technicalCompetency = 5.0
        static let leadershipCompetency = 5.0
        static let programOwnership = 10.0
        static let currentLevel = 10.0
        static let tenure = 5.0
    }

    /// - Parameter catalog: the other profiles, to find the roles that lead here (their typical tenure).
    public static func derive(from profile: Profile, among profiles: [Profile] = []) -> Rubric {
        var criteria: [Criterion] = []
        let experience = profile.experience
        criteria.append(Criterion(
            id: "hr-experience", label: "Years of HR experience", weight: DefaultWeight.hrExperience, mustHave: true,
            rule: .experienceYears(ExperienceYearsRule(scope: .hr, full: experience.hr.min, partial: partialYears(experience.hr.min)))))
        if let total = experience.total, total.min > experience.hr.min {
            criteria.append(Criterion(
                id: "total-experience", label: "Years of work experience", weight: DefaultWeight.totalExperience,
                rule: .experienceYears(ExperienceYearsRule(scope: .total, full: total.min, partial: partialYears(total.min)))))
        }
        if let senior = experience.seniorRole {
            criteria.append(Criterion(
                id: "senior-role-experience", label: "Years in a senior specialist or generalist role", weight: DefaultWeight.seniorRole,
                rule: .experienceYears(ExperienceYearsRule(scope: .seniorRole, full: senior.min, partial: senior.min / 2, titles: senior.titles))))
        }
        if let supervisory = experience.supervisory, supervisory.min > 0 {
            criteria.append(Criterion(
                id: "supervisory-experience",
                label: supervisory.informalCounts ? "Supervisory experience (informal lead counts)" : "Supervisory experience",
                weight: DefaultWeight.supervisory, mustHave: profile.level >= 5 && supervisory.min >= 1,
                rule: .experienceYears(ExperienceYearsRule(scope: .supervisory, full: supervisory.min, partial: supervisory.min / 2, informalCounts: supervisory.informalCounts))))
        }
        criteria.append(Criterion(
            id: "education", label: "Education", weight: DefaultWeight.education,
            rule: .education(EducationRule(full: profile.education.typical, partial: levelBelow(profile.education.typical), fields: profile.education.fields))))
        let certifications = profile.certifications
        if !certifications.required.isEmpty || !certifications.preferred.isEmpty {
            // A higher credential satisfies a lower requirement: an SPHR holder meets "PHR or SHRM-CP".
            let anyOf = unique(certifications.required + certifications.preferred + certifications.atNextLevel)
            let partial = anyOf.contains("PHR") || anyOf.contains("SHRM-CP") ? ["aPHR", "aPHRi"].filter { !anyOf.contains($0) } : []
            criteria.append(Criterion(
                id: "certification", label: "HR certification (\(anyOf.joined(separator: ", ")))", weight: DefaultWeight.certification,
                rule: .certification(CertificationRule(anyOf: anyOf, partialAnyOf: partial))))
        }
        for competency in profile.competencies {
            criteria.append(Criterion(
                id: competency.id, label: competency.label,
                weight: competency.kind == .technical ? DefaultWeight.technicalCompetency : DefaultWeight.leadershipCompetency,
                rule: .competency(CompetencyRule(group: competency.id, terms: competency.terms, full: min(competency.min, competency.terms.count), partial: 1))))
        }
        if let ownership = profile.programOwnership {
            criteria.append(Criterion(
                id: "program-ownership", label: "Ownership of an HR program", weight: DefaultWeight.programOwnership,
                rule: .programOwnership(ProgramOwnershipRule(programs: ownership.programs, verbs: ownership.verbs, full: ownership.min))))
        }
        if profile.level > 1 {
            criteria.append(Criterion(
                id: "current-level", label: "Current level on the HR ladder", weight: DefaultWeight.currentLevel,
                rule: .currentLevel(CurrentLevelRule(full: profile.level - 1, partial: max(profile.level - 2, 1)))))
            let feeders = profiles.filter { $0.leadsTo.contains(profile.id) }
            let tenure = feeders.compactMap { $0.typicalTenure?.min }.min() ?? 1
            criteria.append(Criterion(
                id: "tenure-in-role", label: "Time in the current role", weight: DefaultWeight.tenure,
                rule: .tenure(TenureRule(full: tenure, partial: tenure / 2))))
        }
        return Rubric(id: profile.id, role: profile.id, title: profile.title, version: "1", bands: .standard, criteria: criteria, sha256: "")
    }

    /// Partial credit starts at about two thirds of the full requirement, in half years.
    static func partialYears(_ full: Double) -> Double {
        ((full * 2 / 3) * 2).rounded() / 2
    }

    static func levelBelow(_ level: EducationLevel) -> EducationLevel? {
        switch level {
        case .doctorate: .master
        case .master: .bachelor
        case .bachelor: .associate
        case .associate: .certificate
        case .certificate, .secondary: .secondary
        case .other: nil
        }
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
