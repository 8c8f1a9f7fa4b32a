/// HR-XML 2.5 `Resume` (ns http://ns.hr-xml.org/2007-04-15), as applicant tracking systems and résumé
/// parsers exchange it; the structure follows the consortium's own ResumeExample.
struct HRXMLLayout {
    func render(_ resume: ResumeContent, form: DateForm, resumeID: String, choices: HTMLChoices) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Synthetic résumé for the readiness benchmark (fictitious person). -->
            <Resume xml:lang="EN" xmlns="http://ns.hr-xml.org/2007-04-15" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://ns.hr-xml.org/2007-04-15 Resume.xsd">
            \t<ResumeId>
            \t\t<IdValue>\(resumeID)</IdValue>
            \t</ResumeId>
            \t<StructuredXMLResume>
            \t\t<ContactInfo>
            \t\t\t<PersonName>

            """
        if choices.variant == 0 {
            xml += "\t\t\t\t<FormattedName>\(escaped(resume.fullName))</FormattedName>\n"
        } else {
            xml += "\t\t\t\t<GivenName>\(escaped(resume.givenName))</GivenName>\n"
            if let middle = resume.middleInitial { xml += "\t\t\t\t<MiddleName>\(middle)</MiddleName>\n" }
            xml += "\t\t\t\t<FamilyName>\(escaped(resume.familyName))</FamilyName>\n"
        }
        xml += """
            \t\t\t</PersonName>
            \t\t\t<ContactMethod>
            \t\t\t\t<Telephone>
            \t\t\t\t\t<FormattedNumber>\(resume.phone)</FormattedNumber>
            \t\t\t\t</Telephone>
            \t\t\t\t<InternetEmailAddress>\(resume.email)</InternetEmailAddress>
            \t\t\t\t<PostalAddress>
            \t\t\t\t\t<CountryCode>US</CountryCode>
            \t\t\t\t\t<Region>\(resume.region)</Region>
            \t\t\t\t\t<Municipality>\(resume.city)</Municipality>
            \t\t\t\t</PostalAddress>
            \t\t\t</ContactMethod>
            \t\t</ContactInfo>
            \t\t<ExecutiveSummary>\(escaped(resume.summary))</ExecutiveSummary>
            \t\t<Objective>To grow as \(escaped(resume.headline)) and take on more leadership in HR.</Objective>
            \t\t<EmploymentHistory>

            """
        // Consecutive jobs at one employer share an EmployerOrg, as HR-XML groups them.
        var index = 0
        while index < resume.jobs.count {
            let employer = resume.jobs[index].employer
            var group: [Job] = []
            while index < resume.jobs.count && resume.jobs[index].employer == employer {
                group.append(resume.jobs[index])
                index += 1
            }
            let current = group[0].end == nil
            xml += "\t\t\t<EmployerOrg>\n\t\t\t\t<EmployerOrgName>\(escaped(employer))</EmployerOrgName>\n"
            xml += "\t\t\t\t<EmployerContactInfo>\n\t\t\t\t\t<LocationSummary>\n\t\t\t\t\t\t<Municipality>\(group[0].city)</Municipality>\n\t\t\t\t\t\t<Region>\(group[0].region)</Region>\n\t\t\t\t\t\t<CountryCode>US</CountryCode>\n\t\t\t\t\t</LocationSummary>\n\t\t\t\t</EmployerContactInfo>\n"
            for job in group {
                let flag = current ? " currentEmployer=\"true\"" : ""
                xml += "\t\t\t\t<PositionHistory positionType=\"directHire\"\(flag)>\n"
                xml += "\t\t\t\t\t<Title>\(escaped(job.title))</Title>\n"
                xml += "\t\t\t\t\t<OrgName>\n\t\t\t\t\t\t<OrganizationName>\(escaped(employer))</OrganizationName>\n\t\t\t\t\t</OrgName>\n"
                // Duties as plain text lines, the way parsers such as Sovren write them.
                xml += "\t\t\t\t\t<Description>" + job.duties.map { "• " + escaped($0) }.joined(separator: "\n") + "</Description>\n"
                xml += "\t\t\t\t\t<StartDate>\n\t\t\t\t\t\t\(date(job.start, form: form))\n\t\t\t\t\t</StartDate>\n"
                if let end = job.end {
                    xml += "\t\t\t\t\t<EndDate>\n\t\t\t\t\t\t\(date(end, form: form))\n\t\t\t\t\t</EndDate>\n"
                } else if choices.variant != 2 {
                    xml += "\t\t\t\t\t<EndDate>\n\t\t\t\t\t\t<StringDate>current</StringDate>\n\t\t\t\t\t</EndDate>\n"
                }
                xml += "\t\t\t\t</PositionHistory>\n"
            }
            xml += "\t\t\t</EmployerOrg>\n"
        }
        xml += "\t\t</EmploymentHistory>\n\t\t<EducationHistory>\n"
        for degree in resume.degrees {
            xml += """
                \t\t\t<SchoolOrInstitution schoolType="university">
                \t\t\t\t<School>
                \t\t\t\t\t<SchoolName>\(escaped(degree.school))</SchoolName>
                \t\t\t\t</School>
                \t\t\t\t<Degree degreeType="\(degree.hrxmlType)">
                \t\t\t\t\t<DegreeName>\(escaped(degree.name))</DegreeName>
                \t\t\t\t\t<DegreeDate>
                \t\t\t\t\t\t<Year>\(degree.year)</Year>
                \t\t\t\t\t</DegreeDate>
                \t\t\t\t\t<DegreeMajor>
                \t\t\t\t\t\t<Name>\(escaped(degree.field))</Name>
                \t\t\t\t\t</DegreeMajor>
                \t\t\t\t</Degree>
                \t\t\t</SchoolOrInstitution>

                """
        }
        xml += "\t\t</EducationHistory>\n"
        if !resume.certificates.isEmpty {
            xml += "\t\t<LicensesAndCertifications>\n"
            for certificate in resume.certificates {
                xml += """
                    \t\t\t<LicenseOrCertification>
                    \t\t\t\t<Name>\(escaped(certificate.name)) (\(certificate.short))</Name>
                    \t\t\t\t<Id>\(certificate.short)</Id>
                    \t\t\t\t<IssuingAuthority>\(certificate.issuer)</IssuingAuthority>
                    \t\t\t\t<EffectiveDate>
                    \t\t\t\t\t<FirstIssuedDate>
                    \t\t\t\t\t\t<AnyDate>\(certificate.year)-0\(1 + certificate.year % 9)-15</AnyDate>
                    \t\t\t\t\t</FirstIssuedDate>
                    \t\t\t\t</EffectiveDate>
                    \t\t\t</LicenseOrCertification>

                    """
            }
            xml += "\t\t</LicensesAndCertifications>\n"
        }
        xml += "\t\t<Qualifications>\n"
        xml += "\t\t\t<QualificationSummary>\(escaped(resume.skills.joined(separator: ", ")))</QualificationSummary>\n"
        for skill in resume.skills.prefix(6) {
            xml += "\t\t\t<Competency name=\"\(escaped(skill))\">\n\t\t\t\t<CompetencyWeight>\n\t\t\t\t\t<NumericValue minValue=\"0\" maxValue=\"100\">\(50 + skill.utf8.count)</NumericValue>\n\t\t\t\t</CompetencyWeight>\n\t\t\t</Competency>\n"
        }
        xml += "\t\t</Qualifications>\n\t\t<Languages>\n\t\t\t<Language>\n\t\t\t\t<LanguageCode>EN</LanguageCode>\n\t\t\t\t<Read>true</Read>\n\t\t\t\t<Write>true</Write>\n\t\t\t\t<Speak>true</Speak>\n\t\t\t</Language>\n\t\t</Languages>\n"
        xml += "\t</StructuredXMLResume>\n</Resume>\n"
        return xml
    }

    /// One HR-XML FlexibleDates child in the file's date form: ISO and numeric forms as YearMonth, month
    /// names as AnyDate (first of the month), year-only résumés as Year.
    private func date(_ value: YearMonth, form: DateForm) -> String {
        let month = value.month < 10 ? "0\(value.month)" : "\(value.month)"
        switch form {
        case .yearOnly: return "<Year>\(value.year)</Year>"
        case .monthName: return "<AnyDate>\(value.year)-\(month)-01</AnyDate>"
        case .monthAbbreviation, .numeric, .iso: return "<YearMonth>\(value.year)-\(month)</YearMonth>"
        }
    }
}
