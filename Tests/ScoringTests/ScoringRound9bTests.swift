import Extraction
@testable import Scoring
import TestSupport
import Testing

/// The builder's byte buffer and the supervisory criterion's formal duties read by index, each against
/// the code it replaced, kept here as the reference.
@Suite struct ScoringRound9bTests {
    /// Texts of many lengths: empty, one byte, ASCII of about a line, accented, CJK, emoji, CR/LF,
    /// NBSP, and long enough to make the buffer grow several times.
    static let texts = [
        "", "a", "Payroll", "Led open enrollment for 640 employees", "café", "人事", "🙂", "\r\n", "\u{00A0}",
        String(repeating: "Benefits administration; ", count: 12), "\u{0}",
    ]

    /// `LoweredByteBuffer` against an array grown by `append(contentsOf:)` and cut by `removeSubrange`,
    /// as the builder's `loweredBytes` was: appends, drops back to an earlier count, reads from a start.
    @Test(arguments: [0, 1, 7, 64, 4096])
    func bufferAnswersAsTheArrayDid(capacity: Int) {
        var random = SplitMix64(seed: 0xB0F + UInt64(capacity))
        for _ in 0..<60 {
            var buffer = LoweredByteBuffer(capacity: capacity)
            var reference: [UInt8] = []
            for _ in 0..<Int(random.next() % 40) {
                let text = random.pick(Self.texts)
                let start = buffer.count
                text.withBorrowedUTF8 { buffer.append($0) }
                text.withBorrowedUTF8 { reference.append(contentsOf: $0) }
                #expect(buffer.count == reference.count)
                if random.next() % 4 == 0 {
                    // A dropped line: its bytes come off again.
                    buffer.count = start
                    reference.removeSubrange(start...)
                }
                let from = Int(random.next() % UInt64(buffer.count + 1))
                #expect(buffer.withBytes(from: from) { Array($0) } == Array(reference[from...]))
                #expect(buffer.bytes == reference)
            }
            #expect(buffer.take() == reference)
            #expect(buffer.count == 0 && buffer.bytes.isEmpty)
        }
    }

    /// Read from the appends: "ab" then "cde", the second dropped, then "f".
    @Test func bufferKeepsTheBytesWritten() {
        var buffer = LoweredByteBuffer(capacity: 2)
        "ab".withBorrowedUTF8 { buffer.append($0) }
        "cde".withBorrowedUTF8 { buffer.append($0) }
        buffer.count = 2
        "f".withBorrowedUTF8 { buffer.append($0) }
        #expect(buffer.bytes == Array("abf".utf8))
        #expect(buffer.withBytes(from: 1) { Array($0) } == Array("bf".utf8))
        #expect(buffer.take() == Array("abf".utf8))
    }

    /// Duties that show formal supervision or come close (a pair screen passes, the phrase does not),
    /// in cases and accents; the same text twice on a position; plain duties.
    static let duties = [
        "Supervised 4 HR generalists", "Had 3 direct reports", "LINE-MANAGED two coordinators", "People Manager for 12",
        "Managing a team of 5", "Informal lead; supervised interns", "Directly reported to the CHRO", "Supervise\u{301}d nobody",
        "Manage staff rotas", "Payroll for 640 employees", "Led open enrollment", "café audits", "人事", "",
    ]

    /// The old formal duties: per position, its duty array's indices filtered by the pair screen and
    /// the phrase test, then mapped to the duties.
    static func referenceFormalDuties(_ record: ScorableRecord) -> [[EvidenceText]] {
        let dutyPairs = record.dutyPairsByPosition
        return record.positions.indices.map { position in
            let duties = record.positions[position].duties
            return duties.indices.filter { duty in
                ExperienceYearsCriterion.mayShowFormalSupervision(dutyPairs[position][duty]) && JobTitles.isFormalSupervision(duties[duty])
            }.map { duties[$0] }
        }
    }

    @Test func formalDutiesAsTheFilterGave() {
        var random = SplitMix64(seed: 0xF0D)
        for _ in 0..<300 {
            var builder = CandidateBuilder()
            for index in 0..<Int(random.next() % 5) {
                let duties = (0..<Int(random.next() % 6)).map { _ in random.pick(Self.duties) }
                builder = builder.position(random.pick(["HR Manager", "HR Generalist", "Payroll Lead"]), at: "Acme", from: "20\(10 + index)-01", to: nil, duties: duties)
            }
            var candidate = builder.build()
            if random.next() % 2 == 0 { candidate.evidence = candidate.positions.flatMap(\.duties) }
            let record = ScorableRecord(candidate)
            let formal = ExperienceYearsCriterion.formalDuties(of: record)
            let expected = Self.referenceFormalDuties(record)
            #expect(formal.map { $0.map(\.text) } == expected.map { $0.map(\.text) })
            #expect(formal.map { $0.map(\.line) } == expected.map { $0.map(\.line) })
            #expect(record.dutyPairs.count == candidate.positions.reduce(0) { $0 + $1.duties.count })
        }
    }
}
