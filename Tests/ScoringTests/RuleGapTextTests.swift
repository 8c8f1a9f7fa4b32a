import Roles
@testable import Scoring
import TestSupport
import Testing

/// `CompiledRubric` writes the rule-only part of the program-ownership and certification gaps once per
/// rubric; it must be the text the criteria wrote per file (the old interpolations, kept here).
@Suite struct RuleGapTextTests {
    static func referenceOwnershipGap(_ rule: ProgramOwnershipRule) -> String {
        "no line shows ownership (\(rule.verbs.prefix(3).joined(separator: ", "))) of a program such as \(rule.programs.prefix(3).joined(separator: ", "))"
    }

    static func referenceNoneHeld(_ rule: CertificationRule) -> String {
        "none of \(rule.anyOf.joined(separator: ", ")) held"
    }

    @Test func compiledGapTextsAreTheInterpolations() {
        let catalog = SharedCatalog.builtIn
        var seen = (ownership: 0, certification: 0)
        for rubric in catalog.rubrics.values {
            let compiled = CompiledRubric(rubric, target: catalog.profile(rubric.role))
            for (index, criterion) in rubric.criteria.enumerated() {
                switch criterion.rule {
                case .programOwnership(let rule):
                    #expect(compiled.matchers[index].ruleGapText == Self.referenceOwnershipGap(rule), "\(rubric.id)")
                    seen.ownership += 1
                case .certification(let rule):
                    #expect(compiled.matchers[index].ruleGapText == Self.referenceNoneHeld(rule), "\(rubric.id)")
                    seen.certification += 1
                default:
                    #expect(compiled.matchers[index].ruleGapText == nil, "\(rubric.id)")
                }
            }
        }
        #expect(seen.ownership > 0 && seen.certification > 0)
    }

    /// Read from the rules: fewer than three verbs or programs, and an empty list.
    @Test func gapTextsOfShortLists() {
        let ownership = ProgramOwnershipRule(programs: ["payroll"], verbs: ["owned", "led"], full: 1)
        #expect(ProgramOwnershipCriterion.gap(ownership) == "no line shows ownership (owned, led) of a program such as payroll")
        #expect(CertificationCriterion.noneHeld(CertificationRule(anyOf: [])) == "none of  held")
        #expect(CertificationCriterion.noneHeld(CertificationRule(anyOf: ["PHR", "SHRM-CP"])) == "none of PHR, SHRM-CP held")
    }
}
