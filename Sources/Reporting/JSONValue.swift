import Foundation

/// A JSON value with ordered object keys, so output follows the contract's field order and is
/// byte-identical from run to run.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// Rounded to two decimals: scores, points, ratios.
    case double(Double)
    /// Rounded to the given decimals, for figures that need more (scoring rates).
    case decimal(Double, places: Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// Compact (one line, for JSON Lines) or pretty (two-space indent, for people).
    public func serialized(pretty: Bool = false) -> String {
        var output = ""
        write(into: &output, pretty: pretty, indent: 0)
        return output
    }

    private func write(into output: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += Self.format(value)
        case .decimal(let value, let places): output += Self.format(value, places: places)
        case .string(let value): Self.writeString(value, into: &output)
        case .array(let values):
            if values.isEmpty { output += "[]"; return }
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                if pretty { output += "\n" + String(repeating: "  ", count: indent + 1) }
                value.write(into: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { output += "\n" + String(repeating: "  ", count: indent) }
            output += "]"
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                if pretty { output += "\n" + String(repeating: "  ", count: indent + 1) }
                Self.writeString(key, into: &output)
                output += pretty ? ": " : ":"
                value.write(into: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { output += "\n" + String(repeating: "  ", count: indent) }
            output += "}"
        }
    }

    /// Numbers with at most two decimals and no trailing zeros: 71.5, 80, 0.82.
    public static func format(_ value: Double) -> String {
        format(value, places: 2)
    }

    /// Numbers with at most `places` decimals and no trailing zeros.
    public static func format(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "null" }
        let scale = pow(10, Double(places))
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
        // The decimals from the scaled integer: what "%.Nf" prints for `rounded` (it is the double
        // nearest that many decimals), without Foundation's `String(format:)`, which batches call for
        // every score cell. Huge values, where doubles are too coarse for that, keep the printf path.
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 1e13, places > 0 else {
            var text = String(format: "%.\(places)f", rounded)
            while text.hasSuffix("0") { text.removeLast() }
            return text
        }
        let units = Int(scaled).magnitude
        let divisor = UInt(pow(10, Double(places)))
        let fraction = String(units % divisor)
        var text = (scaled < 0 ? "-" : "") + String(units / divisor) + "."
            + String(repeating: "0", count: places - fraction.count) + fraction
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    private static func writeString(_ value: String, into output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    output += String(format: "\\u%04x", scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
