/// How a résumé writes its date ranges. One form per file, as people write them.
enum DateForm: CaseIterable {
    /// "January 2024 – Present"
    case monthName
    /// "Nov 2021 – Dec 2023"
    case monthAbbreviation
    /// "09/2024 - present"
    case numeric
    /// "2017–2020"
    case yearOnly
    /// "2019-03 – 2021-06"
    case iso

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    func date(_ value: YearMonth) -> String {
        switch self {
        case .monthName: return "\(Self.monthNames[value.month - 1]) \(value.year)"
        case .monthAbbreviation:
            // "Sept" is common enough in real files to be worth reading.
            return "\(value.month == 9 ? "Sept" : Self.monthAbbreviations[value.month - 1]) \(value.year)"
        case .numeric: return "\(twoDigits(value.month))/\(value.year)"
        case .yearOnly: return "\(value.year)"
        case .iso: return "\(value.year)-\(twoDigits(value.month))"
        }
    }

    func range(_ start: YearMonth, _ end: YearMonth?) -> String {
        switch self {
        case .numeric: return date(start) + " - " + (end.map(date) ?? "present")
        case .yearOnly: return date(start) + "–" + (end.map(date) ?? "Present")
        case .iso: return date(start) + " – " + (end.map(date) ?? "present")
        case .monthName, .monthAbbreviation: return date(start) + " – " + (end.map(date) ?? "Present")
        }
    }

    private func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }
}

/// Escapes text for HTML and XML content and attribute values.
func escaped(_ text: String) -> String {
    guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return text }
    var output = ""
    for character in text {
        switch character {
        case "&": output += "&amp;"
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "\"": output += "&quot;"
        default: output.append(character)
        }
    }
    return output
}
