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
        // Only lines that may hold a verb and may hold a program can qualify, and in such a line only
        // the verbs and programs the pair index lets through need a word search.
        for word in 0..<index.wordCount {
            let verbLines = verbs.map { index.lines(holding: $0.needleSlots, word: word) }
            let programLines = programs.map { index.lines(holding: $0.needleSlots, word: word) }
            let candidates = verbLines.reduce(0, |) & programLines.reduce(0, |)
            LinePairIndex.forEachLine(in: candidates, ofWord: word) { lineIndex in
                let bit = UInt64(1) << UInt64(lineIndex & 63)
                let line = record.lines[lineIndex]
                guard line.section != .skills,
                      verbs.indices.contains(where: { verbLines[$0] & bit != 0 && verbs[$0].matchesCandidate(line) }) else { return }
                let named = programs.indices.filter { programLines[$0] & bit != 0 && programs[$0].matchesCandidate(line) }.map { programs[$0].term }
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
