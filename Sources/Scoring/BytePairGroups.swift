/// The byte pairs (`BytePairs`) of several phrases, grouped so that one test rules out a whole group:
/// each group keeps the pairs all its members share, and a text lacking those lacks some pair of every
/// member. `containsAny(in:)` answers as testing each member in turn would; the grouping only saves
/// tests ("supervise", "supervised" and "supervising" share the pairs of "supervis", so a duty without
/// them is one test, not three).
struct BytePairGroups: Sendable {
    /// A phrase joins the first group whose shared pairs it meets in at least this many slots, else it
    /// starts a group of its own: fewer shared slots would rule out fewer texts.
    static let sharedSlotsWanted = 4

    /// Per group, the pairs every member holds.
    private let shared: [BytePairs]
    /// Per group, the end of its members in `members` (each group's follow the previous group's).
    private let ends: [Int]
    /// The members, group by group.
    private let members: [BytePairs]

    init(_ phrases: [BytePairs]) {
        var groups: [(shared: BytePairs, members: [BytePairs])] = []
        for pairs in phrases {
            if let index = groups.firstIndex(where: { $0.shared.intersection(pairs).slotCount >= Self.sharedSlotsWanted }) {
                groups[index].shared = groups[index].shared.intersection(pairs)
                groups[index].members.append(pairs)
            } else {
                groups.append((pairs, [pairs]))
            }
        }
        shared = groups.map(\.shared)
        members = groups.flatMap(\.members)
        var end = 0
        ends = groups.map { group in
            end += group.members.count
            return end
        }
    }

    /// How many groups the phrases fell into.
    var groupCount: Int { shared.count }

    /// Whether `pairs` holds every pair of any of the phrases (`phrases.contains { pairs.contains($0) }`).
    func containsAny(in pairs: BytePairs) -> Bool {
        var start = 0
        for group in shared.indices {
            let end = ends[group]
            // A member's pairs include the shared ones: without those, no member is there.
            if pairs.contains(shared[group]) {
                for member in start..<end where pairs.contains(members[member]) { return true }
            }
            start = end
        }
        return false
    }
}
