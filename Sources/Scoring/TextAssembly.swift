/// Texts put together from a few pieces (evidence, gaps, advice) written into one allocation of the
/// size they need. `String.append` (and interpolation, which appends) cost a few hundred instructions
/// a piece in the profile, and scoring writes several such texts for every file. The bytes written are
/// the pieces' bytes in order, which is what `+`, `append` and interpolation produce too.
struct TextAssembly {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    private init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// The pieces `body` writes, as one string; `capacity` is at least their UTF-8 length in all.
    static func text(capacity: Int, _ body: (inout TextAssembly) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var assembly = TextAssembly(buffer)
            body(&assembly)
            return assembly.count
        }
    }

    mutating func write(_ piece: String) {
        let end = count + piece.utf8.count
        precondition(end <= buffer.count, "TextAssembly capacity too small")
        if piece.utf8.withContiguousStorageIfAvailable({ bytes in
            guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
            (target + count).initialize(from: source, count: bytes.count)
        }) == nil {
            for byte in piece.utf8 {
                buffer[count] = byte
                count += 1
            }
        }
        count = end
    }
}
