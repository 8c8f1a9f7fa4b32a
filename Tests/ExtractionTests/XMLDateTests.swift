import Foundation
import Markup
import Testing

@testable import Extraction

/// The date forms of XML résumé vocabularies, one element at a time, and how periods are concluded
/// from them (current flags, a start with no end, the parse date a parser writes for "current").
@Suite("XML dates")
struct XMLDateTests {
    typealias T = XMLTestSupport

    /// The value of the root element of `xml`.
    func value(_ xml: String) throws -> XMLDateValue? {
        let root = try #require(try T.document(xml).root)
        return XMLDates.value(of: root)
    }

    @Test("gYear, gMonth and gDay attributes (Europass v3)")
    func attributes() throws {
        #expect(try value(#"<From year="2019" month="--04" day="---10"/>"#) == .date(T.date(2019, 4, 10)))
        #expect(try value(#"<From year="2019" month="--04"/>"#) == .date(T.date(2019, 4)))
        #expect(try value(#"<From year="2001"/>"#) == .date(T.date(2001)))
        // A malformed day, as some generators write it: the month still counts.
        #expect(try value(#"<From year="2013" month="--03" day="-----"/>"#) == .date(T.date(2013, 3)))
        #expect(try value(#"<From month="--03"/>"#) == nil)
    }

    @Test("year, month and day children, months as --MM or names (Europass v1/v2, XML Résumé)")
    func children() throws {
        #expect(try value("<from><year>2004</year><month>--02</month></from>") == .date(T.date(2004, 2)))
        #expect(try value("<date><month>August</month><year>1943</year></date>") == .date(T.date(1943, 8)))
        #expect(try value("<date><dayOfMonth>7</dayOfMonth><month>Sept</month><year>2011</year></date>") == .date(T.date(2011, 9, 7)))
        #expect(try value("<date><month/><year>1990</year></date>") == .date(T.date(1990)))
        #expect(try value("<to><present/></to>") == .present)
        #expect(try value("<from><date><month>March</month><year>1997</year></date></from>") == .date(T.date(1997, 3)))
    }

    @Test("HR-XML 2 FlexibleDates: AnyDate, YearMonth, Year, StringDate")
    func flexibleDates() throws {
        #expect(try value("<StartDate><AnyDate>2000-06-01Z</AnyDate></StartDate>") == .date(T.date(2000, 6, 1)))
        #expect(try value("<StartDate><AnyDate>2000-06-01T08:30:00-05:00</AnyDate></StartDate>") == .date(T.date(2000, 6, 1)))
        #expect(try value("<StartDate><YearMonth>1998-06</YearMonth></StartDate>") == .date(T.date(1998, 6)))
        #expect(try value("<StartDate><Year>1997</Year></StartDate>") == .date(T.date(1997)))
        #expect(try value("<ValidFrom><StringDate>4/1/1997</StringDate></ValidFrom>") == .date(T.date(1997, 4, 1)))
        #expect(try value("<Date><StringDate>2001-2002</StringDate></Date>") == .range(start: T.date(2001), end: T.date(2002), current: false))
        #expect(try value("<EndDate><StringDate>current</StringDate></EndDate>") == .present)
        #expect(try value("<EndDate><StringDate>Present</StringDate></EndDate>") == .present)
        #expect(try value("<EndDate><AnyDate>notKnown</AnyDate></EndDate>") == .unknown)
        #expect(try value("<EndDate><AnyDate>notApplicable</AnyDate></EndDate>") == .unknown)
        // A month and day with no year is no date to count from.
        #expect(try value("<StartDate><MonthDay>--06-01</MonthDay></StartDate>") == nil)
        #expect(try value("<StartDate><StringDate>String</StringDate></StartDate>") == nil)
    }

    @Test("HR-XML 3 / Europass 2020 FormattedDateTime and DateText")
    func formattedDateTime() throws {
        #expect(try value("<StartDate><FormattedDateTime>2005-09</FormattedDateTime></StartDate>") == .date(T.date(2005, 9)))
        #expect(try value("<StartDate><FormattedDateTime>2019</FormattedDateTime></StartDate>") == .date(T.date(2019)))
        #expect(try value("<StartDate><FormattedDateTime>2019-03-01</FormattedDateTime></StartDate>") == .date(T.date(2019, 3, 1)))
        #expect(try value("<StartDate><FormattedDateTime>2019-03-01T09:00:00</FormattedDateTime></StartDate>") == .date(T.date(2019, 3, 1)))
        let prefixed = """
            <eures:StartDate xmlns:eures="http://www.europass_eures.eu/1.0" xmlns:hr="http://www.hr-xml.org/3">\
            <hr:FormattedDateTime>2023-07</hr:FormattedDateTime></eures:StartDate>
            """
        #expect(try value(prefixed) == .date(T.date(2023, 7)))
        #expect(try value("<StartDate><DateText>Unknown</DateText></StartDate>") == .unknown)
    }

    @Test("a date as the element's own text")
    func plainText() {
        #expect(XMLDates.parse("2019-03") == .date(T.date(2019, 3)))
        #expect(XMLDates.parse("March 2019") == .date(T.date(2019, 3)))
        #expect(XMLDates.parse("09/2024") == .date(T.date(2024, 9)))
        #expect(XMLDates.parse("  ") == nil)
        #expect(XMLDates.parse("soon") == nil)
        #expect(XMLDates.isoDate("2019-13") == nil)
        #expect(XMLDates.isoDate("2001-2002") == nil)
    }

    // MARK: - Periods

    @Test("Current/CurrentIndicator true makes a period current and drops its end")
    func currentFlag() {
        let period = XMLCandidateDraft.period(start: .date(T.date(2001)), end: nil, currentFlag: true)
        #expect(period.current && period.start == T.date(2001) && period.end == nil && !period.currentInferred)
        let stated = XMLCandidateDraft.period(start: .date(T.date(2019, 3)), end: .date(T.date(2023, 6)), currentFlag: false)
        #expect(!stated.current && stated.end == T.date(2023, 6))
    }

    @Test("a start with no end and no flag is read as current, and says so")
    func inferredCurrent() {
        let period = XMLCandidateDraft.period(start: .date(T.date(2017, 4, 1)), end: nil, currentFlag: nil)
        #expect(period.current && period.currentInferred)
        // An explicit false keeps it a single date.
        let notCurrent = XMLCandidateDraft.period(start: .date(T.date(2017, 4, 1)), end: nil, currentFlag: false)
        #expect(!notCurrent.current)
        // An end that says "unknown" is no reason to call it current.
        let unknownEnd = XMLCandidateDraft.period(start: .date(T.date(2015)), end: .unknown, currentFlag: nil)
        #expect(!unknownEnd.current && unknownEnd.end == nil)
    }

    @Test("an end written as present")
    func presentEnd() {
        let period = XMLCandidateDraft.period(start: .date(T.date(1997, 3)), end: .present, currentFlag: nil)
        #expect(period.current && !period.currentInferred && period.end == nil)
    }

    @Test("currentEmployer=true: the latest job at that employer is current, whatever EndDate the parser wrote")
    func currentEmployerFlag() throws {
        let xml = """
            <EmployerOrg>
              <PositionHistory currentEmployer="true"><StartDate><YearMonth>2022-05</YearMonth></StartDate><EndDate><AnyDate>2026-10-28</AnyDate></EndDate></PositionHistory>
              <PositionHistory currentEmployer="true"><StartDate><AnyDate>2019-02-01</AnyDate></StartDate><EndDate><AnyDate>2022-04-30</AnyDate></EndDate></PositionHistory>
            </EmployerOrg>
            """
        let root = try #require(try T.document(xml).root)
        let histories = root.children(named: "PositionHistory")
        var periods = histories.map { HRXML2Reader.period(start: $0.child("StartDate"), end: $0.child("EndDate")) }
        HRXML2Reader.applyCurrentEmployerFlags(histories, periods: &periods)
        #expect(periods[0].current && periods[0].end == nil)
        #expect(!periods[1].current && periods[1].end == T.date(2022, 4, 30))
    }

    @Test("an employer-level period stands in for a position without dates")
    func employerPeriod() throws {
        let xml = """
            <Candidate xmlns="http://www.hr-xml.org/3">
              <CandidatePerson><PersonName><GivenName>Ana</GivenName><FamilyName>Example</FamilyName></PersonName></CandidatePerson>
              <CandidateProfile>
                <EmploymentHistory>
                  <EmployerHistory>
                    <OrganizationName>Example Oy</OrganizationName>
                    <EmploymentPeriod>
                      <StartDate><FormattedDateTime>2012-01</FormattedDateTime></StartDate>
                      <EndDate><FormattedDateTime>2015-12</FormattedDateTime></EndDate>
                    </EmploymentPeriod>
                    <PositionHistory><PositionTitle>Payroll Specialist</PositionTitle></PositionHistory>
                  </EmployerHistory>
                </EmploymentHistory>
              </CandidateProfile>
            </Candidate>
            """
        let candidate = try T.read(xml: xml)
        let job = try #require(candidate.positions.first)
        #expect(job.title == "Payroll Specialist")
        #expect(job.start == T.date(2012, 1))
        #expect(job.end == T.date(2015, 12))
        #expect(!job.current)
    }
}
