import Foundation

/// What `HTMLLines.removeDownlevelConditionals` did for any text before its byte paths, with Foundation's
/// search: each "<![" … "]>" replaced by a space (an unclosed "<![" kept). The reference the byte paths'
/// tests compare against.
func downlevelConditionalsRemovedByFoundation(_ text: String) -> String {
    var result = ""
    var rest = text[...]
    while let open = rest.range(of: "<![") {
        result += rest[rest.startIndex..<open.lowerBound]
        guard let close = rest[open.upperBound...].range(of: "]>") else {
            rest = rest[open.upperBound...]
            continue
        }
        result += " "
        rest = rest[close.upperBound...]
    }
    result += rest
    return result
}
