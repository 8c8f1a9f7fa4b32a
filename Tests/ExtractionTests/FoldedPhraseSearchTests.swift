import Testing
@testable import Extraction

/// `FoldedPhraseSearch` and `ExperienceCalculator.leadershipEvidence(in:)` must give what searching a
/// lower-cased copy gives; the reference below is the old code, kept here to compare against.
@Suite struct FoldedPhraseSearchTests {
    /// The old `JobTitles.leadershipEvidence(in:)`: lower-case each duty, then search it.
    static func referenceLeadershipEvidence(in duties: [EvidenceText]) -> EvidenceText? {
        duties.first { duty in
            let lowered = TextScan.lowercased(duty.text)
            return JobTitles.leadershipPhrases.containsAny(in: lowered)
        }
    }

    static let texts: [String] = [
        "", " ", "Supervised a staff of 4", "SUPERVISED A STAFF OF 4", "Led A Team of six recruiters", "led the team",
        "Handled payroll and scheduled interviews", "Team Lead for onboarding", "Was the informal lead since September 2025",
        "Line-managed two HR assistants", "line manage", "Line\u{00A0}manage", "Direct reports: 3", "directly reported to the CFO",
        "Managed staff rota", "mentor and supervise interns", "Lead role on HRIS rollout", "lead for our EMEA team",
        "Oversaw a team\r\nof 5", "Café staff of 12", "Zoë supervised the café", "Supervisé l’équipe", "人事 team lead",
        "チームを管理 manage a team", "🚀 Led a team 🚀", "Sup\u{0301}ervised", "SUPERVİSED staff", "\u{212A}eeps a team",
        "Coordinated benefits enrolment", "people manager", "People Manager", "PEOPLE MANAGERS", "staf of", "supervis",
        "a team", "staff of", "STAFF OF", "staff o", "xstaff of", "Team Leader", "team lea", "Led\ta team", "Led  a team", "Ordered staff of the month", "lea", "t", "TEAM LEADER (interim)",
    ]

    @Test func leadershipEvidenceMatchesLowerCasedSearch() {
        for text in Self.texts {
            let duty = EvidenceText(text, line: 7, section: .position)
            #expect(ExperienceCalculator.leadershipEvidence(in: [duty]) == Self.referenceLeadershipEvidence(in: [duty]), "\(text)")
        }
        // The first matching duty of several, whichever path each one takes.
        let duties = Self.texts.enumerated().map { EvidenceText($0.element, line: $0.offset, section: .position) }
        for start in duties.indices {
            let slice = Array(duties[start...])
            #expect(ExperienceCalculator.leadershipEvidence(in: slice) == Self.referenceLeadershipEvidence(in: slice))
        }
    }

    @Test func foldedSearchAgreesOnASCIIAndDeclinesOtherText() {
        let phraseLists: [[String]] = [
            JobTitles.leadershipPhrases.phrases, ["ab", "b"], ["Upper", "upper"], ["staff of", "staff offices", "a team", "led"], ["abcdefgh", "abcdefghi"], ["é"], ["x"], [""], [],
        ]
        for phrases in phraseLists {
            let search = FoldedPhraseSearch(phrases)
            let reference = PhraseSet(phrases)
            for text in Self.texts {
                let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
                let answer = search.containsAny(inASCII: text)
                if isASCII {
                    #expect(answer == reference.containsAny(in: TextScan.lowercased(text)), "\(phrases) \(text)")
                } else {
                    #expect(answer == nil, "\(text)")
                }
            }
        }
    }

    /// Read from the phrases: "AB" folds to "ab", an upper-case phrase never matches lower-cased text.
    @Test func readExamples() {
        #expect(FoldedPhraseSearch(["ab"]).containsAny(inASCII: "xAB") == true)
        #expect(FoldedPhraseSearch(["Ab"]).containsAny(inASCII: "xAb") == false)
        #expect(FoldedPhraseSearch(["abc"]).containsAny(inASCII: "ab") == false)
        #expect(FoldedPhraseSearch([""]).containsAny(inASCII: "") == true)
        #expect(FoldedPhraseSearch(["a"]).containsAny(inASCII: "é a") == nil)
        #expect(FoldedPhraseSearch(["staff of"]).containsAny(inASCII: "STAFF OF") == true)
        #expect(FoldedPhraseSearch(["staff of"]).containsAny(inASCII: "staff o") == false)
        #expect(FoldedPhraseSearch(["team leader"]).containsAny(inASCII: "Team Lead") == false)
        #expect(FoldedPhraseSearch(["team lead", "team leader"]).containsAny(inASCII: "a TEAM LEADER") == true)
        // "@" and "[" sit either side of A–Z and must not fold.
        #expect(FoldedPhraseSearch(["`staff`of"]).containsAny(inASCII: "@STAFF[OF") == false)
    }
}
