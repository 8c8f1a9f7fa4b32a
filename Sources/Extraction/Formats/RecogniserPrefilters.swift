/// Byte tests the HTML recognisers run over every class attribute of a document before deciding
/// whether to walk its tree. Every HTML document meets them (the generic reader is last in the
/// registry), so each reads a value once.
enum RecogniserPrefilters {
    /// `TextScan.contains(value, "hresume") || TextScan.contains(value, "h-resume")`, in one pass: at
    /// each "h", "resume" after it or after an "h-". (Where "-" follows the "h", "hresume" cannot start
    /// there, so one comparison per "h" settles both.)
    static func holdsHResume(_ value: String) -> Bool {
        value.withBorrowedUTF8 { bytes in
            let count = bytes.count
            var index = 0
            // "h" plus "resume" needs seven bytes.
            while index + 7 <= count {
                if bytes[index] == 0x68 {
                    let start = bytes[index + 1] == 0x2D ? index + 2 : index + 1
                    if start + 6 <= count, bytes[start] == 0x72, bytes[start + 1] == 0x65, bytes[start + 2] == 0x73,
                       bytes[start + 3] == 0x75, bytes[start + 4] == 0x6D, bytes[start + 5] == 0x65 {
                        return true
                    }
                }
                index += 1
            }
            return false
        }
    }
}
