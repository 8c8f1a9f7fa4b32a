import Markup
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `clean` of a line whose chunks are not all plain ASCII (Word's layouts: "<![if !supportLists]>" debris,
/// no-break spaces, bullets) done on one temporary byte buffer: the chunks are joined into it, the
/// conditional-comment debris is cut out in place, and only then is a string made to be collapsed. The old
/// way made a string of the join and another without the debris, each allocated and its UTF-8 validated.
extension HTMLLines {
    /// `clean(joined, hasConditionals:)` without its bullet stripping (the caller strips), and whether the
    /// joined text holds "<![", for the joined UTF-8 in `joined` (valid UTF-8, a join of whole strings);
    /// the buffer is overwritten. Nil when the text holds "<![" but Foundation's search could find other
    /// matches than a byte search (`isPlainForSearch`): the caller then cleans the old way.
    static func collapsedWithoutConditionals(joined: UnsafeMutableBufferPointer<UInt8>) -> (text: String, hadConditionals: Bool)? {
        var length = joined.count
        let hadConditionals = conditionalOpen(in: UnsafeBufferPointer(joined), from: 0) != nil
        if hadConditionals {
            guard isPlainForSearch(UnsafeBufferPointer(joined)) else { return nil }
            length = removeDownlevelConditionalsInPlace(joined)
        }
        // Collapsed in the buffer too (`collapseWhitespaceInPlace`, Markup's collapse on bytes), so that one
        // string is made per line: a string of the kept bytes, collapsed into a second one, cost an
        // allocation and a UTF-8 validation more for every line with whitespace to collapse.
        let collapsed = collapseWhitespaceInPlace(UnsafeMutableBufferPointer(rebasing: joined[0..<length]))
        let text = String(unsafeUninitializedCapacity: collapsed) { output in
            guard let target = output.baseAddress, let source = UnsafePointer(joined.baseAddress) else { return 0 }
            target.initialize(from: source, count: collapsed)
            return collapsed
        }
        return (text, hadConditionals)
    }

    /// Where "<![" first occurs at or after `start`.
    @inline(__always)
    private static func conditionalOpen(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        // Each "<" found by memchr (lines hold few), then the two bytes after it: a byte loop testing
        // every position was most of the cost of cleaning a Word line.
        guard let base = bytes.baseAddress else { return nil }
        var index = start
        while index + 3 <= bytes.count {
            guard let found = memchr(base + index, 0x3C, bytes.count - 2 - index) else { return nil }
            let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if bytes[position + 1] == 0x21, bytes[position + 2] == 0x5B { return position }
            index = position + 1
        }
        return nil
    }

    /// Where "]>" first occurs at or after `start`.
    @inline(__always)
    private static func conditionalClose(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 2 <= bytes.count {
            if bytes[index] == 0x5D, bytes[index + 1] == 0x3E { return index }
            index += 1
        }
        return nil
    }

    /// The byte path of `removeDownlevelConditionals`, in place: each "<![…]>" becomes one space, an
    /// unclosed "<![" is dropped. Returns the new length. In place is safe: what is written never gets
    /// ahead of what is read (a cut writes one byte for at least five), and the searches only look ahead.
    static func removeDownlevelConditionalsInPlace(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let bytes = UnsafeBufferPointer(buffer)
        var count = 0
        func keep(_ range: Range<Int>) {
            guard !range.isEmpty, let base = buffer.baseAddress else { return }
            // (memmove: the regions may overlap.)
            UnsafeMutableRawPointer(base + count).copyMemory(from: base + range.lowerBound, byteCount: range.count)
            count += range.count
        }
        var index = 0
        while let open = conditionalOpen(in: bytes, from: index) {
            keep(index..<open)
            let afterOpen = open + 3
            guard let close = conditionalClose(in: bytes, from: afterOpen) else {
                index = afterOpen
                continue
            }
            buffer[count] = 0x20
            count += 1
            index = close + 2
        }
        keep(index..<bytes.count)
        return count
    }
}
