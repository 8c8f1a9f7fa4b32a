import Roles

/// Ownership of an HR program: a line where an ownership verb ("owned", "led", "administered") and a
/// program ("benefits administration", "EEO-1") appear together.
enum ProgramOwnershipCriterion {
    /// Judgement: taking over a program area and running one cycle of it.
    static let monthsToClose = 12

    /// `verbs` and `programs` hold a matcher for each of the rule's verbs and programs, in order; `gap`,
    /// when given, is `gap(rule)` (`CompiledRubric` writes it once).
    static func evaluate(
        _ rule: ProgramOwnershipRule, verbs: [TermMatcher], programs: [TermMatcher], gap ruleGap: String? = nil, in context: ScoringContext
    ) -> CriterionOutcome {
        // Programs owned, by index into `programs`, in the order first found.
        var owned: [Int] = []
        var evidence: [Evidence] = []
        let index = context.record.pairIndex
        let explaining = context.explaining
        // Without an explanation only the number owned counts, and past `rule.full` more change nothing
        // (full credit, met): the search stops there. The evidence lists lines further on.
        let enough = explaining ? Int.max : max(rule.full, 0)
        // Per word of the line sets, the lines that may hold each verb and each program, reused. On
        // the stack: two arrays were two allocations per file.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: verbs.count) { verbLines in
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: programs.count) { programLines in
        verbLines.initialize(repeating: 0)
        programLines.initialize(repeating: 0)
        // Through the buffers, matchers by pointer (see `TermMatcher.firstLine(of:in:bytes:index:)`):
        // indexing the arrays (or closures over them) copied matchers and lines. No verbs or no programs: no line qualifies.
        verbs.withUnsafeBufferPointer { verbBuffer in
        programs.withUnsafeBufferPointer { programBuffer in
        context.record.lines.withUnsafeBufferPointer { lines in
        context.record.loweredBytes.withUnsafeBufferPointer { bytes in
            guard let verbs = verbBuffer.baseAddress, let programs = programBuffer.baseAddress else { return }
            // Only lines that may hold a verb and may hold a program can qualify, and in such a line
            // only the verbs and programs the pair index lets through need a word search.
            for word in 0..<index.wordCount where owned.count < enough {
                var anyVerb: UInt64 = 0, anyProgram: UInt64 = 0
                for verb in verbBuffer.indices {
                    verbLines[verb] = index.lines(holding: (verbs + verb).pointee.needlePairs, word: word)
                    anyVerb |= verbLines[verb]
                }
                for program in programBuffer.indices {
                    programLines[program] = index.lines(holding: (programs + program).pointee.needlePairs, word: word)
                    anyProgram |= programLines[program]
                }
                var candidates = anyVerb & anyProgram
                while candidates != 0 && owned.count < enough {
                    let bit = candidates & (~candidates &+ 1)
                    let lineIndex = word &* 64 &+ candidates.trailingZeroBitCount
                    candidates &= candidates &- 1
                    guard lines[lineIndex].section != .skills,
                          verbBuffer.indices.contains(where: { verbLines[$0] & bit != 0 && TermMatcher.matchesCandidate(verbs + $0, in: lines, at: lineIndex, bytes: bytes) }) else { continue }
                    var added = false
                    for program in programBuffer.indices where programLines[program] & bit != 0 && TermMatcher.matchesCandidate(programs + program, in: lines, at: lineIndex, bytes: bytes) {
                        // The same term twice in the rule names one program.
                        if !owned.contains(where: { (programs + $0).pointee.term == (programs + program).pointee.term }) {
                            owned.append(program)
                            added = true
                        }
                    }
                    if added && explaining { evidence.append(Evidence(text: lines[lineIndex].text, line: lines[lineIndex].line)) }
                }
            }
        }
        }
        }
        }
        }
        }
        let met = owned.count >= rule.full
        return CriterionOutcome(
            fraction: Credit.fraction(value: Double(owned.count), full: Double(rule.full), partial: 0),
            met: met, evidence: Array(evidence.prefix(5)),
            gap: met || !explaining ? nil : ruleGap ?? gap(rule),
            monthsToClose: met ? nil : monthsToClose)
    }

    /// The gap when no line shows ownership: it depends on the rule alone.
    static func gap(_ rule: ProgramOwnershipRule) -> String {
        "no line shows ownership (\(rule.verbs.prefix(3).joined(separator: ", "))) of a program such as \(rule.programs.prefix(3).joined(separator: ", "))"
    }
}
