import Extraction
import Foundation

/// In blind mode, takes the person's identifying details out of free text before it reaches the page.
/// The scorer already drops evidence lines that carry them; this is the second guard, for text the
/// report shows directly (headline, warnings, evidence built from titles). Over-redacting a word that
/// happens to equal a name is the safe side to err on.
struct BlindRedaction: Sendable {
    static let mark = "[redacted]"

    private let needles: [String]

    init(_ personal: PersonalDetails, enabled: Bool) {
        guard enabled else { needles = []; return }
        var needles = [personal.name, personal.email, personal.phone, personal.location, personal.birthDate]
            .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
        // Each part of the name on its own too ("Morgan" in "Morgan's team"); initials are too short to matter.
        if let name = personal.name {
            needles += name.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
                .map { $0.trimmingCharacters(in: .punctuationCharacters) }
        }
        // Longest first, so a full name is replaced before its parts.
        self.needles = Array(Set(needles.filter { $0.count >= 3 })).sorted { ($0.count, $0) > ($1.count, $1) }
    }

    func clean(_ text: String) -> String {
        guard !needles.isEmpty else { return text }
        // A private-use character stands in while replacing, so a shorter needle cannot match inside the
        // mark left by a longer one ("Red" in "[redacted]"), and no search ever restarts on its own output.
        let placeholder = "\u{E000}"
        var result = text
        for needle in needles {
            while let range = result.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) {
                result.replaceSubrange(range, with: placeholder)
            }
        }
        return result.replacingOccurrences(of: placeholder, with: Self.mark)
    }
}
