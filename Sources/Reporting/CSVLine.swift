/// One CSV record being written: each cell as `CSVReporter.cell` renders it, commas between, CRLF at
/// the end. `batch --csv` writes a record per file; joining an array of rendered cells cost an
/// allocation per cell, and `cell`'s `Set` lookup, scalar scans and Foundation quote doubling cost
/// more than the cell's bytes.
///
/// An ASCII cell is judged on its bytes, which give `cell`'s answer exactly: every character of ASCII
/// text is one byte (but CR LF, which neither starts nor ends with a space), so the first scalar, a
/// leading or trailing space and each quote are bytes. Any other cell goes through `cell` itself, whose
/// `Character` tests bytes would not reproduce (a space followed by a combining mark is no leading space).
///
/// The record is gathered as UTF-8 bytes and becomes a `String` once, at the end: numbers are written
/// digit by digit (a `String(Int)` per criterion cell cost more than the cell), and every byte appended
/// comes from a `String` or is ASCII, so the bytes are valid UTF-8.
struct CSVLine {
    private var bytes: [UInt8] = []
    private var isEmpty = true

    init() {
        bytes.reserveCapacity(256)
    }

    mutating func append(_ raw: String) {
        startCell()
        let handled = raw.utf8.withContiguousStorageIfAvailable { bytes in appendASCIICell(raw, bytes) } ?? false
        if !handled { bytes.append(contentsOf: CSVReporter.cell(raw).utf8) }
    }

    private mutating func startCell() {
        if isEmpty { isEmpty = false } else { bytes.append(UInt8(ascii: ",")) }
    }

    /// The decimal digits of `value`, as `String(value)` writes them.
    private mutating func appendDigits(_ value: UInt) {
        guard value >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        appendDigits(value / 10)
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// The cell of `JSONValue.format(value)` (two decimals at most). For the values `format` prints from
    /// integers, that text is its own cell (digits, a "." and a leading "-" of a number: nothing to quote
    /// or prefix), and it is written here without `format`'s `pow` calls and intermediate strings (a batch
    /// writes one per criterion per file). Other values (infinite, NaN, 1e13 and more) take `append`.
    mutating func appendNumber(_ value: Double) {
        // As `format` computes them: the value scaled by 100 (`pow(10, 2)`, exact) and rounded.
        let scaled = (value * 100).rounded()
        let rounded = scaled / 100
        let isWhole = rounded == rounded.rounded() && abs(rounded) < 1e15
        guard value.isFinite, isWhole || abs(scaled) < 1e13 else {
            append(JSONValue.format(value, places: 2))
            return
        }
        startCell()
        if isWhole {
            let whole = Int(rounded)
            if whole < 0 { bytes.append(UInt8(ascii: "-")) }
            appendDigits(whole.magnitude)
            return
        }
        // Not a whole number, so the hundredths are not 0: one or two decimals, trailing zero dropped.
        let units = Int(scaled).magnitude
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(units / 100)
        bytes.append(UInt8(ascii: "."))
        let hundredths = units % 100
        bytes.append(UInt8(ascii: "0") + UInt8(hundredths / 10))
        if hundredths % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(hundredths % 10)) }
    }

    /// The cell of `items` joined by ";", with `last` after them when given.
    mutating func append(joining items: [String], then last: String?) {
        guard let last else {
            append(items.count == 1 ? items[0] : items.joined(separator: ";"))
            return
        }
        var joined = ""
        for item in items {
            joined.append(item)
            joined.append(";")
        }
        joined.append(last)
        append(joined)
    }

    /// The record, CRLF-terminated.
    consuming func finished() -> String {
        bytes.append(UInt8(ascii: "\r"))
        bytes.append(UInt8(ascii: "\n"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `CSVReporter.cell(raw)` appended when `raw` (whose bytes are `bytes`) is ASCII; false, with
    /// nothing appended, otherwise.
    private mutating func appendASCIICell(_ raw: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var needsQuotes = false
        for byte in bytes {
            if byte >= 0x80 { return false }
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ";") {
                needsQuotes = true
            }
        }
        guard let first = bytes.first, let last = bytes.last else { return true }  // "" renders as ""
        // The formula starts of `CSVReporter.formulaStarts`, all ASCII: a negative number keeps its sign.
        let startsFormula = first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == UInt8(ascii: "\t") || first == UInt8(ascii: "\r")
            || first == UInt8(ascii: "\n") || first == 0
        let prefixed = startsFormula && !(first == UInt8(ascii: "-") && Double(raw) != nil)
        if first == UInt8(ascii: " ") || last == UInt8(ascii: " ") { needsQuotes = true }
        if needsQuotes { self.bytes.append(UInt8(ascii: "\"")) }
        if prefixed { self.bytes.append(UInt8(ascii: "'")) }
        if needsQuotes {
            // Quotes doubled.
            for byte in bytes {
                self.bytes.append(byte)
                if byte == UInt8(ascii: "\"") { self.bytes.append(byte) }
            }
            self.bytes.append(UInt8(ascii: "\""))
        } else {
            self.bytes.append(contentsOf: bytes)
        }
        return true
    }
}
