import Roles

/// Ownership of an HR program: a line where an ownership verb ("owned", "led", "administered") and a
/// program ("benefits administration", "EEO-1") appear together.
enum ProgramOwnershipCriterion {
    /// Judgement: taking over a program area and running one cycle of it.
    static let monthsToClose = 12

    /// `verbs` and `programs` hold a matcher for each of the rule's verbs and programs, in order.
    static func evaluate(_ rule: ProgramOwnershipRule, verbs: [TermMatcher], programs: [TermMatcher], in context: ScoringContext) -> CriterionOutcome {
        var owned: [String] = []
        var evidence: [Evidence] = []
        let record = context.record
        let index = record.pairIndex
        // Only lines that may hold a verb and may hold a program can qualify; the pair index names
        // them, and the rest of the lines are never looked at.
        for word in 0..<index.wordCount {
            let candidates = index.lines(mayHoldAnyOf: verbs, word: word) & index.lines(mayHoldAnyOf: programs, word: word)
            LinePairIndex.forEachLine(in: candidates, ofWord: word) { lineIndex in
                let line = record.lines[lineIndex]
                guard line.section != .skills, verbs.contains(where: { $0.matches(line) }) else { return }
                let named = programs.filter { $0.matches(line) }.map(\.term)
                guard !named.isEmpty else { return }
                var added = false
                for program in named where !owned.contains(program) {
                    owned.append(program)
                    added = true
                }
                if added { evidence.append(Evidence(text: line.text, line: line.line)) }
            }
        }
        let met = owned.count >= rule.full
        return CriterionOutcome(
            fraction: Credit.fraction(value: Double(owned.count), full: Double(rule.full), partial: 0),
            met: met, evidence: Array(evidence.prefix(5)),
            gap: met ? nil : "no line shows ownership (\(rule.verbs.prefix(3).joined(separator: ", "))) of a program such as \(rule.programs.prefix(3).joined(separator: ", "))",
            monthsToClose: met ? nil : monthsToClose)
    }
}
