import Roles

/// Evidence of a competency group: distinct terms found in visible text. Saying "Workday" ten times
/// counts once; hidden text never counts (the record has none).
enum CompetencyCriterion {
    /// Judgement: a project, a course or a stretch assignment closes one competency gap in about half a year.
    static let monthsToClose = 6

    /// `terms` holds a matcher for each of `rule.terms`, in order.
    static func evaluate(_ rule: CompetencyRule, terms: [TermMatcher], in context: ScoringContext) -> CriterionOutcome {
        // Each term found (by its index in `terms`, ascending) with the index of its first line. Indices,
        // not strings and evidence: the texts are read once the answer is known. On the stack: an
        // array was an allocation per criterion of every file.
        withUnsafeTemporaryAllocation(of: (term: Int, line: Int).self, capacity: terms.count) { storage in
            var count = 0
            // Without an explanation only the number found counts, and past `rule.full` terms more
            // change nothing (full credit, met): the search stops there. The evidence and the gap
            // list terms found further on, so an explanation needs them all.
            let enough = context.explaining ? terms.count : max(rule.full, 0)
            findTerms(terms, in: context, upTo: enough) { term, line in
                storage.initializeElement(at: count, to: (term, line))
                count += 1
            }
            return outcome(
                rule, found: UnsafeBufferPointer(rebasing: storage[..<count]), lines: context.record.lines, explaining: context.explaining)
        }
    }

    /// Calls `body` with each term found (by its index in `terms`, ascending) and the index of the
    /// first record line holding it, until `limit` terms are found.
    private static func findTerms(_ terms: [TermMatcher], in context: ScoringContext, upTo limit: Int, _ body: (Int, Int) -> Void) {
        let lines = context.record.lines
        let pairIndex = context.record.pairIndex
        // Through the buffers, each matcher by pointer (see `TermMatcher.firstLine(of:in:bytes:index:)`).
        terms.withUnsafeBufferPointer { terms in
            lines.withUnsafeBufferPointer { lines in
                context.record.loweredBytes.withUnsafeBufferPointer { bytes in
                    guard let first = terms.baseAddress else { return }
                    var found = 0
                    for index in terms.indices where found < limit {
                        if let line = TermMatcher.firstLine(of: first + index, in: lines, bytes: bytes, index: pairIndex) {
                            body(index, line)
                            found += 1
                        }
                    }
                }
            }
        }
    }

    /// The outcome for the terms `found` (see `findTerms`); without `explaining`, no evidence or gap.
    private static func outcome(
        _ rule: CompetencyRule, found: UnsafeBufferPointer<(term: Int, line: Int)>, lines: [ScorableRecord.Line], explaining: Bool
    ) -> CriterionOutcome {
        let distinct = found.count
        let fraction = Credit.fraction(value: Double(distinct), full: Double(rule.full), partial: Double(rule.partial))
        let met = distinct >= rule.full
        guard explaining else { return CriterionOutcome(fraction: fraction, met: met, evidence: [], gap: nil, monthsToClose: met ? nil : monthsToClose) }
        // The first six distinct pieces of evidence, in the order found. Two record lines never hold
        // equal texts on the same source line (`ScorableRecord` keeps the first), so a piece repeats
        // an earlier one exactly when an earlier term was found on the same record line: compared as
        // indices, not as strings, and built only when new.
        var evidence: [Evidence] = []
        evidence.reserveCapacity(min(found.count, 6))
        for (position, item) in found.enumerated() where evidence.count < 6 {
            guard !found[..<position].contains(where: { $0.line == item.line }) else { continue }
            evidence.append(Evidence(text: lines[item.line].text, line: lines[item.line].line))
        }
        return CriterionOutcome(
            fraction: fraction, met: met, evidence: evidence, gap: met ? nil : gap(rule, found: found),
            monthsToClose: met ? nil : monthsToClose)
    }

    /// "2 of 3 distinct signs found (a, b); none of e.g. c, d, e, f": the terms found, then the first
    /// four missing, in one allocation (`TextAssembly`). `found` lists the terms found by index, ascending.
    static func gap(_ rule: CompetencyRule, found: UnsafeBufferPointer<(term: Int, line: Int)>) -> String {
        // The first four terms not found, by index.
        var missing: [Int] = []
        var next = 0
        for term in rule.terms.indices where missing.count < 4 {
            if next < found.count && found[next].term == term {
                next += 1
            } else {
                missing.append(term)
            }
        }
        let counts = "\(found.count) of \(rule.full)"
        let opening = " distinct signs found (", missingOpening = "; none of e.g. "
        var capacity = counts.utf8.count + opening.utf8.count + 1 + missingOpening.utf8.count
        for item in found { capacity += rule.terms[item.term].utf8.count + 2 }
        for term in missing { capacity += rule.terms[term].utf8.count + 2 }
        return TextAssembly.text(capacity: capacity) { text in
            text.write(counts)
            text.write(opening)
            for (position, item) in found.enumerated() {
                if position > 0 { text.write(", ") }
                text.write(rule.terms[item.term])
            }
            text.write(")")
            for (position, term) in missing.enumerated() {
                text.write(position == 0 ? missingOpening : ", ")
                text.write(rule.terms[term])
            }
        }
    }
}
