import Extraction

/// Who may sit which HR certification exam, from ../shared/reference/hr-facts.md §1. Experience is
/// HR experience from positions; "professional-level" cannot be read from a résumé, so HR months stand in.
enum CertificationEligibility {
    struct Verdict {
        var eligible: Bool
        /// Months of HR experience still needed; 0 when eligible.
        var monthsShort: Int
        /// The rule applied, in words, for the advice text.
        var rule: String
    }

    /// nil when we hold no rule for the certification.
    static func verdict(for id: String, education: EducationLevel?, hrMonths: Int) -> Verdict? {
        let rank = education?.rank ?? 0
        func needs(_ years: Int, _ rule: String) -> Verdict {
            let short = max(years * 12 - hrMonths, 0)
            return Verdict(eligible: short == 0, monthsShort: short, rule: rule)
        }
        switch id {
        case "aPHR", "aPHRi":
            // No HR experience required (HRCI exempts it from the professional-level rule).
            return Verdict(eligible: true, monthsShort: 0, rule: "no HR experience required")
        case "SHRM-CP":
            // SHRM's current criteria: no degree, title or experience required.
            return Verdict(eligible: true, monthsShort: 0, rule: "no degree or experience required")
        case "PHR", "PHRi", "PHRca":
            // HRCI (third-party guides agree): master's 1 year, bachelor's 2, otherwise 4.
            if rank >= EducationLevel.master.rank { return needs(1, "1 year of professional HR with a master's") }
            if rank >= EducationLevel.bachelor.rank { return needs(2, "2 years of professional HR with a bachelor's") }
            return needs(4, "4 years of professional HR without a degree")
        case "SPHR", "SPHRi":
            // ⚠ commonly quoted, unverified on hrci.org: master's 4 years, bachelor's 5, otherwise 7.
            if rank >= EducationLevel.master.rank { return needs(4, "4 years of professional HR with a master's (commonly quoted; confirm with HRCI)") }
            if rank >= EducationLevel.bachelor.rank { return needs(5, "5 years of professional HR with a bachelor's (commonly quoted; confirm with HRCI)") }
            return needs(7, "7 years of professional HR without a degree (commonly quoted; confirm with HRCI)")
        case "GPHR":
            if rank >= EducationLevel.master.rank { return needs(2, "2 years of professional HR with a master's") }
            if rank >= EducationLevel.bachelor.rank { return needs(3, "3 years of professional HR with a bachelor's") }
            return needs(4, "4 years of professional HR without a degree")
        case "SHRM-SCP":
            // 3 years of strategic-level HR work; HR experience stands in for "strategic" here.
            return needs(3, "3 years of strategic-level HR work")
        default:
            return nil
        }
    }
}
