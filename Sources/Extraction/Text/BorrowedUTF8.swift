extension String {
    /// `withUTF8` without a copy of the string: `var copy = text; copy.withUTF8 { … }` retained the
    /// storage for the copy and released it after, for every line and text node read this way. A native
    /// string (all of ours) lends its contiguous UTF-8; any other is copied as before.
    @inlinable @inline(__always)
    public func withBorrowedUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
