/// One résumé as read: what the parse found, in plain values. Everything past the Markup layer works on
/// this record, so it can be built by hand in tests and scored in parallel without locks.
public struct Candidate: Sendable, Equatable {
    public var source: String
    public var format: ResumeFormat
    /// Who the person is and how to reach them. Shown to people, never read by the scorer.
    public var personal: PersonalDetails
    public var headline: String?
    public var positions: [Position]
    public var education: [Education]
    public var certifications: [Certification]
    public var skills: [String]
    /// Months of experience, worked out from `positions` at `experience.asOf`.
    public var experience: ExperienceSummary
    /// Every visible piece of text that can serve as evidence (summary, duties, skills …), with its line.
    public var evidence: [EvidenceText]
    /// True when the document hides text from a human reader; hidden text is never used.
    public var hiddenText: Bool
    public var warnings: [String]

    public init(
        source: String, format: ResumeFormat, personal: PersonalDetails = PersonalDetails(), headline: String? = nil,
        positions: [Position] = [], education: [Education] = [], certifications: [Certification] = [],
        skills: [String] = [], experience: ExperienceSummary = ExperienceSummary(), evidence: [EvidenceText] = [],
        hiddenText: Bool = false, warnings: [String] = []
    ) {
        self.source = source
        self.format = format
        self.personal = personal
        self.headline = headline
        self.positions = positions
        self.education = education
        self.certifications = certifications
        self.skills = skills
        self.experience = experience
        self.evidence = evidence
        self.hiddenText = hiddenText
        self.warnings = warnings
    }

    /// The position the person holds now (see `Position.current(in:)`).
    public var currentPosition: Position? { Position.current(in: positions) }
}

/// The résumé vocabularies we read. Raw values are the `format` field of `parse --format json`.
public enum ResumeFormat: String, Sendable, CaseIterable, Codable {
    case html
    case hResume = "hresume"
    case hResumeV2 = "h-resume"
    case schemaOrg = "schema-org"
    case jsonResumeHTML = "json-resume-html"
    case europassV3 = "europass-v3"
    case europass2020 = "europass-2020"
    case hrXML2 = "hr-xml-2"
    case hrXML3 = "hr-xml-3"
    case xmlResume = "xml-resume"
    case xml
}

/// Identity and contact. The scorer never reads this; `--blind` removes it from every output.
public struct PersonalDetails: Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var phone: String?
    /// Where the person is, as written (city, region, country).
    public var location: String?
    /// Protected or proxy attributes, kept only so blind mode can prove they are removed.
    public var birthDate: String?
    public var gender: String?
    public var nationality: String?
    public var maritalStatus: String?
    public var photo: String?

    public init(
        name: String? = nil, email: String? = nil, phone: String? = nil, location: String? = nil,
        birthDate: String? = nil, gender: String? = nil, nationality: String? = nil, maritalStatus: String? = nil,
        photo: String? = nil
    ) {
        self.name = name
        self.email = email
        self.phone = phone
        self.location = location
        self.birthDate = birthDate
        self.gender = gender
        self.nationality = nationality
        self.maritalStatus = maritalStatus
        self.photo = photo
    }
}

public struct Position: Sendable, Equatable {
    public var title: String {
        didSet { (titleIsHR, titleIsSupervisory) = (JobTitles.isHR(title), JobTitles.isSupervisory(title)) }
    }
    /// `JobTitles.isHR(title)` and `JobTitles.isSupervisory(title)`, worked out when the title is set:
    /// the experience summary and the scoring each asked them of every position, about three times a
    /// title in all, and each asking searched the title's text again.
    public private(set) var titleIsHR: Bool
    public private(set) var titleIsSupervisory: Bool
    public var employer: String?
    public var location: String?
    public var start: PartialDate?
    /// nil while `current`.
    public var end: PartialDate?
    public var current: Bool
    public var description: String?
    /// Duties and achievements, one per line or bullet, with their source lines.
    public var duties: [EvidenceText]
    /// The line where the position starts in the source.
    public var line: Int
}

extension Position {
    /// Hands every field to the memberwise initialiser (here, in an extension, the struct keeps it):
    /// an initialiser that stored the fields one by one built the position in a local `self` and
    /// returned a copy of it, destroying the original (a retain and a release of each string and of the
    /// duties, per position made), which the memberwise one does not.
    public init(
        title: String, employer: String? = nil, location: String? = nil, start: PartialDate? = nil, end: PartialDate? = nil,
        current: Bool = false, description: String? = nil, duties: [EvidenceText] = [], line: Int = 0
    ) {
        self.init(
            title: title, titleIsHR: JobTitles.isHR(title), titleIsSupervisory: JobTitles.isSupervisory(title), employer: employer,
            location: location, start: start, end: end, current: current, description: description, duties: duties, line: line)
    }
}

public struct Education: Sendable, Equatable {
    public var degree: String?
    public var level: EducationLevel?
    public var field: String?
    public var institution: String?
    public var start: PartialDate?
    /// Graduation date. An age proxy: shown to people, never scored, removed by `--blind`.
    public var end: PartialDate?
    public var line: Int

    public init(
        degree: String? = nil, level: EducationLevel? = nil, field: String? = nil, institution: String? = nil,
        start: PartialDate? = nil, end: PartialDate? = nil, line: Int = 0
    ) {
        self.degree = degree
        self.level = level
        self.field = field
        self.institution = institution
        self.start = start
        self.end = end
        self.line = line
    }
}

public enum EducationLevel: String, Sendable, CaseIterable, Codable, Comparable {
    case doctorate, master, bachelor, associate, secondary, certificate, other

    /// Higher is more: doctorate 6 … other 0.
    public var rank: Int {
        switch self {
        case .doctorate: 6
        case .master: 5
        case .bachelor: 4
        case .associate: 3
        case .certificate: 2
        case .secondary: 1
        case .other: 0
        }
    }

    public static func < (lhs: EducationLevel, rhs: EducationLevel) -> Bool { lhs.rank < rhs.rank }
}

public struct Certification: Sendable, Equatable {
    /// As written on the résumé.
    public var name: String
    /// Canonical id of a known certification (`PHR`, `SHRM-CP` …), or nil.
    public var id: String?
    public var date: PartialDate?
    public var line: Int

    public init(name: String, id: String? = nil, date: PartialDate? = nil, line: Int = 0) {
        self.name = name
        self.id = id
        self.date = date
        self.line = line
    }
}

/// A piece of visible text and where it came from, for evidence in reports.
public struct EvidenceText: Sendable, Equatable, Hashable {
    public enum Section: String, Sendable, Codable {
        case summary, position, education, certification, skills, other
    }

    public var text: String
    public var line: Int
    public var section: Section

    public init(_ text: String, line: Int, section: Section) {
        self.text = text
        self.line = line
        self.section = section
    }
}

public struct ExperienceSummary: Sendable, Equatable {
    public var totalMonths: Int
    public var hrMonths: Int
    public var managementMonths: Int
    public var asOf: PartialDate

    public init(totalMonths: Int = 0, hrMonths: Int = 0, managementMonths: Int = 0, asOf: PartialDate = PartialDate(year: 1970, month: 1, day: 1)) {
        self.totalMonths = totalMonths
        self.hrMonths = hrMonths
        self.managementMonths = managementMonths
        self.asOf = asOf
    }
}

extension Position {
    /// The position held now among `positions`: the most recent current one, else the most recent one
    /// (the first of equals, as `max(by:)` gives). Picked in place: the array of current positions this
    /// was once picked from cost an allocation and a copy of each (the scorer asks four times per
    /// assessment, the reports once).
    public static func current(in positions: [Position]) -> Position? {
        positions.withUnsafeBufferPointer { positions -> Position? in
            var anyCurrent = false
            for index in positions.indices where positions[index].current {
                anyCurrent = true
                break
            }
            var best = -1
            for index in positions.indices where !anyCurrent || positions[index].current {
                if best < 0 || (positions[best].start ?? .distantPast) < (positions[index].start ?? .distantPast) { best = index }
            }
            return best < 0 ? nil : positions[best]
        }
    }
}
