import Foundation
import Markup
import Testing
import TestSupport

@testable import Extraction

// Round 7: the HR-XML 2 reader finds the children it wants of `StructuredXMLResume`, `EmployerOrg`,
// `PositionHistory`, `PersonName` and the address elements in one walk over each element's children
// (`forEachChildElement`) instead of one `child(_:)` walk per name. The claim is "the same candidate as
// before": the reader's code as it was is kept below and both read the same generated documents, whose
// children come in any order, repeated, missing, empty or prefixed.

// MARK: - Reference (the reader as it was)

private struct ReferenceHRXML2Reader {
    let reader: HRXML2Reader
    var context: ExtractionContext { reader.context }

    func readStructured(_ structured: MarkupElement, into draft: inout XMLCandidateDraft) {
        if let contact = structured.child("ContactInfo") {
            var personal = draft.personal
            Self.readName(contact.child("PersonName"), into: &personal)
            Self.readContactMethods(contact.xmlChildren(named: "ContactMethod"), into: &personal)
            draft.personal = personal
        }
        for name in ["ExecutiveSummary", "Objective"] {
            guard let element = structured.child(name) else { continue }
            draft.addEvidence(lines: XMLRichText.lines(of: element, parser: context.parser), section: .summary)
        }
        if let employment = structured.child("EmploymentHistory") { readEmployment(employment, into: &draft) }
        if let military = structured.child("MilitaryHistory") { reader.readMilitary(military, into: &draft) }
        if let education = structured.child("EducationHistory") { readEducation(education, into: &draft) }
        if let licenses = structured.child("LicensesAndCertifications") {
            for credential in licenses.xmlChildren(named: "LicenseOrCertification") { readCredential(credential, into: &draft) }
        }
        if let credentials = structured.child("SecurityCredentials") {
            for credential in credentials.xmlChildren(named: "SecurityCredential") { readCredential(credential, into: &draft) }
        }
        if let qualifications = structured.child("Qualifications") { reader.readQualifications(qualifications, into: &draft) }
        for language in structured.xmlAll("Languages", "Language") {
            let code = language.xmlValue("LanguageCode")
            draft.addSkill(code.flatMap(XMLLanguageNames.name(ofCode:)) ?? code, line: language.line)
        }
        for achievement in structured.xmlAll("Achievements", "Achievement") {
            if let description = achievement.child("Description") {
                draft.addEvidence(lines: XMLRichText.lines(of: description, parser: context.parser), section: .other)
            }
        }
        for role in structured.xmlAll("Associations", "Association", "Role") {
            draft.addEvidence(role.xmlValue("Name"), line: role.line, section: .other)
        }
    }

    func readEducation(_ history: MarkupElement, into draft: inout XMLCandidateDraft) {
        for school in history.xmlChildren(named: "SchoolOrInstitution") {
            let schoolName = school.xmlValue("School", "SchoolName") ?? school.xmlValue("SchoolName")
            let degrees = school.xmlChildren(named: "Degree")
            if degrees.isEmpty {
                let attendance = school.child("DatesOfAttendance")
                let period = HRXML2Reader.period(start: attendance?.child("StartDate"), end: attendance?.child("EndDate"))
                draft.addEducation(Education(
                    degree: nil, level: nil, field: school.xmlChildren(named: "Major").compactMap(\.xmlValue).first,
                    institution: schoolName, start: period.start, end: period.current ? nil : period.end, line: school.line))
                continue
            }
            for degree in degrees {
                let name = degree.xmlValue("DegreeName")
                let level = degree.attribute("degreeType").flatMap(EducationLevels.level(ofHRXMLDegreeType:))
                    ?? name.flatMap(EducationLevels.level(ofDegree:))
                let majors = degree.xmlChildren(named: "DegreeMajor").compactMap { $0.xmlValue("Name") }
                let attendance = degree.child("DatesOfAttendance") ?? school.child("DatesOfAttendance")
                let period = HRXML2Reader.period(start: attendance?.child("StartDate"), end: attendance?.child("EndDate"))
                let graduation = degree.child("DegreeDate").flatMap(XMLDates.value(of:))?.endDate
                draft.addEducation(Education(
                    degree: name, level: level, field: majors.isEmpty ? nil : majors.joined(separator: ", "),
                    institution: schoolName, start: period.start, end: graduation ?? (period.current ? nil : period.end),
                    line: degree.line))
            }
        }
    }

    func readCredential(_ credential: MarkupElement, into draft: inout XMLCandidateDraft) {
        let effective = credential.child("EffectiveDate")
        let date = (effective?.child("FirstIssuedDate") ?? effective?.child("ValidFrom")).flatMap(XMLDates.value(of:))?.startDate
        let id = credential.xmlValue("Id")
        draft.addCertification(name: credential.xmlValue("Name") ?? id, date: date, line: credential.line, alsoLookIn: id)
        if let description = credential.child("Description") {
            draft.addEvidence(lines: XMLRichText.lines(of: description, parser: context.parser), section: .certification)
        }
    }

    static func readName(_ name: MarkupElement?, into personal: inout PersonalDetails) {
        guard let name, personal.name == nil else { return }
        personal.name = name.xmlValue("FormattedName")
            ?? XMLValues.joined(values: [name.xmlValue("GivenName"), name.xmlValue("MiddleName"), name.xmlValue("FamilyName"), name.xmlValue("Affix")])
    }

    static func readContactMethods(_ methods: [MarkupElement], into personal: inout PersonalDetails) {
        for method in methods {
            personal.email = personal.email ?? method.xmlValue("InternetEmailAddress")
            for kind in ["Telephone", "Mobile"] {
                guard personal.phone == nil, let number = method.child(kind) else { continue }
                personal.phone = number.xmlValue("FormattedNumber")
                    ?? XMLValues.joined([
                        number.xmlValue("InternationalCountryCode").map { "+" + $0 }, number.xmlValue("AreaCityCode"),
                        number.xmlValue("SubscriberNumber"),
                    ])
            }
            if personal.location == nil, let address = method.child("PostalAddress") {
                personal.location = XMLValues.joined(
                    values: [address.xmlValue("Municipality"), address.xmlValue("Region"), address.xmlValue("CountryCode")], separator: ", ")
            }
        }
    }

    func readEmployment(_ history: MarkupElement, into draft: inout XMLCandidateDraft) {
        for employer in history.xmlChildren(named: "EmployerOrg") {
            let employerName = employer.xmlValue("EmployerOrgName")
            let summary = employer.path("EmployerContactInfo", "LocationSummary")
            let employerLocation = summary.flatMap {
                XMLValues.joined(values: [$0.xmlValue("Municipality"), $0.xmlValue("Region"), $0.xmlValue("CountryCode")], separator: ", ")
            }
            let histories = employer.xmlChildren(named: "PositionHistory")
            var periods = histories.map { HRXML2Reader.period(start: $0.child("StartDate"), end: $0.child("EndDate")) }
            HRXML2Reader.applyCurrentEmployerFlags(histories, periods: &periods)
            for (position, period) in zip(histories, periods) {
                var title = position.xmlValue("Title")
                var meaningfulTitle = title
                if title == nil, let type = position.attribute("positionType").flatMap(XMLValues.meaningful) {
                    title = XMLValues.humanised(code: type)
                    meaningfulTitle = XMLValues.meaningful(title)
                    draft.warn("position \(draft.positions.count + 1) has no title: named from its positionType \"\(type)\"")
                }
                if period.currentInferred {
                    draft.warn("position \(draft.positions.count + 1) (\(title ?? "untitled")) has a start and no end: read as current")
                }
                let location = position.path("OrgInfo", "PositionLocation").flatMap {
                    XMLValues.joined(values: [$0.xmlValue("Municipality"), $0.xmlValue("Region"), $0.xmlValue("CountryCode")], separator: ", ")
                } ?? employerLocation
                let duties = position.child("Description").map { XMLRichText.evidence(of: $0, section: .position, parser: context.parser) } ?? []
                draft.addPosition(Position(
                    title: meaningfulTitle ?? "", employer: employerName ?? position.xmlValue("OrgName", "OrganizationName"),
                    location: location, start: period.start, end: period.end, current: period.current,
                    duties: duties, line: position.line), dutiesAreMeaningful: true, fieldsAreMeaningful: true)
            }
        }
    }
}

// MARK: - Generated documents

/// Elements drawn in random order and number: the parts a reader looks for, some twice, some empty or a
/// placeholder, some prefixed, and others it ignores.
private struct DocumentMaker {
    var random: SplitMix64

    mutating func some(_ parts: [String], max: UInt64 = 4) -> String {
        var chosen: [String] = []
        for part in parts where random.next() % 3 != 0 {
            for _ in 0..<(1 + random.next() % 2) { chosen.append(part) }
        }
        for _ in 0..<(random.next() % max) { chosen.append(random.pick(parts)) }
        chosen.shuffle(using: &random)
        return chosen.joined(separator: random.next() % 2 == 0 ? "\n  " : "")
    }

    mutating func value() -> String {
        random.pick(["Denver", "IN", "US", "", "  ", "String", "São Paulo", "東京", "Stonegate &amp; Co", "HR Manager", " padded  text "])
    }

    mutating func address(_ name: String) -> String {
        "<\(name)>" + some(["<Municipality>\(value())</Municipality>", "<Region>\(value())</Region>", "<CountryCode>\(value())</CountryCode>",
                             "<PostalCode>46201</PostalCode>", "<hr:Municipality xmlns:hr=\"urn:x\">\(value())</hr:Municipality>"]) + "</\(name)>"
    }

    mutating func date() -> String {
        random.pick(["<YearMonth>2019-03</YearMonth>", "<Year>2015</Year>", "<AnyDate>2021-06-01</AnyDate>", "<StringDate>current</StringDate>",
                     "<AnyDate>notKnown</AnyDate>", ""])
    }

    mutating func position() -> String {
        let attributes = random.pick(["", " positionType=\"directHire\"", " currentEmployer=\"true\"", " positionType=\"STRING\""])
        return "<PositionHistory\(attributes)>" + some([
            "<Title>\(value())</Title>", "<OrgName><OrganizationName>\(value())</OrganizationName></OrgName>",
            "<OrgInfo>\(address("PositionLocation"))</OrgInfo>", "<Description>• Ran payroll\n• Led \(value())</Description>",
            "<StartDate>\(date())</StartDate>", "<EndDate>\(date())</EndDate>", "<Verification/>",
        ]) + "</PositionHistory>"
    }

    mutating func employer() -> String {
        var parts = ["<EmployerOrgName>\(value())</EmployerOrgName>", "<EmployerContactInfo>\(address("LocationSummary"))</EmployerContactInfo>",
                     "<Industry>x</Industry>"]
        for _ in 0..<(random.next() % 4) { parts.append(position()) }
        return "<EmployerOrg>" + some(parts, max: 2) + "</EmployerOrg>"
    }

    mutating func credential(_ name: String) -> String {
        "<\(name)>" + some([
            "<Name>\(random.pick(["PHR", "SHRM-CP", "Secret", "", "String", "Senior Professional in Human Resources"]))</Name>",
            "<Id>\(random.pick(["SPHR", "x", ""]))</Id>", "<EffectiveDate><FirstIssuedDate>\(date())</FirstIssuedDate><ValidFrom>\(date())</ValidFrom></EffectiveDate>",
            "<Description>Renewed \(value())</Description>", "<IssuingAuthority>HRCI</IssuingAuthority>",
        ], max: 2) + "</\(name)>"
    }

    mutating func school() -> String {
        var parts = ["<School><SchoolName>\(value())</SchoolName></School>", "<SchoolName>\(value())</SchoolName>", "<Major>\(value())</Major>",
                     "<DatesOfAttendance><StartDate>\(date())</StartDate><EndDate>\(date())</EndDate></DatesOfAttendance>"]
        for _ in 0..<(random.next() % 3) {
            parts.append("<Degree degreeType=\"\(random.pick(["bachelors", "masters", "x"]))\">" + some([
                "<DegreeName>\(random.pick(["B.S. in HRM", "MBA", "", "String"]))</DegreeName>", "<DegreeDate>\(date())</DegreeDate>",
                "<DegreeMajor><Name>\(value())</Name></DegreeMajor>", "<DatesOfAttendance><StartDate>\(date())</StartDate></DatesOfAttendance>",
                "<Comments>x</Comments>",
            ]) + "</Degree>")
        }
        return "<SchoolOrInstitution>" + some(parts, max: 2) + "</SchoolOrInstitution>"
    }

    mutating func personName() -> String {
        "<PersonName>" + some(["<FormattedName>\(value())</FormattedName>", "<GivenName>\(value())</GivenName>", "<MiddleName>\(value())</MiddleName>",
                               "<FamilyName>\(value())</FamilyName>", "<Affix type=\"generation\">\(value())</Affix>", "<LegalName>x</LegalName>"]) + "</PersonName>"
    }

    mutating func structured() -> String {
        let sections = [
            "<ContactInfo>\(personName())<ContactMethod><InternetEmailAddress>\(value())</InternetEmailAddress>\(address("PostalAddress"))</ContactMethod>"
                + "<ContactMethod>\(address("PostalAddress"))</ContactMethod></ContactInfo>",
            "<ExecutiveSummary>Led \(value())</ExecutiveSummary>", "<Objective>\(value())</Objective>",
            "<EmploymentHistory>\(employer())\(employer())</EmploymentHistory>",
            "<MilitaryHistory><ServiceDetail branch=\"Army\"><RankAchieved><CurrentOrEndRank>Captain</CurrentOrEndRank></RankAchieved></ServiceDetail></MilitaryHistory>",
            "<EducationHistory>\(school())\(school())</EducationHistory>",
            "<LicensesAndCertifications>\(credential("LicenseOrCertification"))\(credential("LicenseOrCertification"))</LicensesAndCertifications>",
            "<SecurityCredentials>\(credential("SecurityCredential"))</SecurityCredentials>",
            "<Qualifications><Competency name=\"\(value())\"/></Qualifications>",
            "<Languages><Language><LanguageCode>\(random.pick(["EN", "fr", "de", "xx", ""]))</LanguageCode></Language></Languages>",
            "<Achievements><Achievement><Description>Won \(value())</Description></Achievement></Achievements>",
            "<Associations><Association><Role><Name>\(value())</Name></Role></Association></Associations>",
            "<RevisionDate>2020-01-01</RevisionDate>",
        ]
        return "<StructuredXMLResume>" + some(sections, max: 3) + "</StructuredXMLResume>"
    }
}

@Suite struct XMLOneWalkChildrenTests {
    @Test func structuredResumesReadAsTheChildByChildCodeReadThem() throws {
        var maker = DocumentMaker(random: SplitMix64(seed: 0x0E_3A1C))
        let context = ExtractionContext(source: "x.xml", asOf: XMLTestSupport.asOf)
        for _ in 0..<600 {
            let xml = "<Resume xmlns=\"http://ns.hr-xml.org/2007-04-15\">\(maker.structured())</Resume>"
            let document = try XMLTestSupport.document(xml)
            let structured = try #require(document.root?.child("StructuredXMLResume"))
            var new = XMLCandidateDraft(source: "x.xml", format: .hrXML2)
            var old = XMLCandidateDraft(source: "x.xml", format: .hrXML2)
            HRXML2Reader(context: context).readStructured(structured, into: &new)
            ReferenceHRXML2Reader(reader: HRXML2Reader(context: context)).readStructured(structured, into: &old)
            #expect(new.finished() == old.finished(), "\(xml)")
        }
    }

    @Test func childElementsAreWalkedInOrderWithTheirLocalNames() throws {
        let root = try #require(try XMLTestSupport.document("<r>text<a/><!-- c --><hr:b xmlns:hr=\"urn:x\">x</hr:b>more<a>2</a></r>").root)
        var seen: [String] = []
        var nodes: [MarkupElement.NodeIndex] = []
        root.forEachChildElement { node, name in
            seen.append(name)
            nodes.append(node)
        }
        #expect(seen == ["a", "b", "a"])
        #expect(nodes.map { root.element(at: $0).line } == root.children.map(\.line))
        #expect(root.element(orNilAt: -1) == nil)
        #expect(root.element(orNilAt: nodes[1])?.xmlValue == "x")
    }

    @Test func placeNameJoinsTheFirstOfEachPart() throws {
        // Read from the input: the first Municipality and Region (the second is ignored), no country.
        let root = try #require(try XMLTestSupport.document("""
            <PostalAddress><Region>IN</Region><Municipality>Indianapolis</Municipality><Region>OH</Region><CountryCode>String</CountryCode></PostalAddress>
            """).root)
        #expect(HRXML2Reader.placeName(of: root) == "Indianapolis, IN")
    }
}
