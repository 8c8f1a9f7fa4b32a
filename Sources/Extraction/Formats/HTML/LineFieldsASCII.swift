/// `LineFields.fields(of:line:education:)` for a line whose fields are plain ASCII (most lines; the
/// separators between them may be "·", "—" and other simple scalars), read through one borrow of its
/// bytes. The general path splits the line into Strings (a comma part into a String of its own, then
/// one per comma piece, then a joined one per rejoined piece, then a trimmed copy of each), and every
/// test of every piece borrows and scans that piece's String again (six or seven times a piece).
/// Here the pieces are byte ranges of the line, each test reads the range, and only a kept field becomes
/// a String. The decisions are the general path's: the same byte tests, asked of the same bytes.
extension LineFields {
    /// `fields(of: text, line: line, education: education)` for simple-scalar `bytes` (the bytes of `text`,
    /// `TextScan.isSimpleScalars`), or nil when a part between separators is not plain ASCII or a rejoined
    /// comma piece is not a run of the line's bytes (`splitRangesASCII`).
    static func fieldsOfASCIIParts(_ bytes: UnsafeBufferPointer<UInt8>, line: HTMLLine, education: Bool) -> [LineField]? {
        fieldsOfASCIIParts(bytes, emphasised: line.emphasised, education: education)
    }

    /// `fieldsOfASCIIParts(_:line:education:)` given the line's emphasised texts, all it reads of the line.
    static func fieldsOfASCIIParts(_ bytes: UnsafeBufferPointer<UInt8>, emphasised lineEmphasised: [String], education: Bool) -> [LineField]? {
        guard let pieces = splitRangesASCII(bytes) else { return nil }
        // Every piece lies in a plain ASCII part: each test below is the byte form its String takes.
        let emphasised = lineEmphasised.isEmpty ? [] : lineEmphasised.map { TextScan.lowercased($0) }
        var fields: [LineField] = []
        fields.reserveCapacity(pieces.count)
        for piece in pieces {
            let pieceBytes = UnsafeBufferPointer(rebasing: bytes[piece])
            let text = String(decoding: pieceBytes, as: UTF8.self)
            var isEmphasised = false
            if !emphasised.isEmpty {
                // `TextScan.lowercased` of ASCII text maps A–Z and nothing else, as this does.
                let lowered = TextScan.lowercasedASCII(pieceBytes)
                isEmphasised = emphasised.contains { $0 == lowered || ($0.utf8.count >= 3 && TextScan.contains(lowered, $0)) }
            }
            // Plain ASCII is simple scalars: `isSentenceLike(text)` takes this path.
            let sentenceLike = isSentenceLikeSimple(pieceBytes)
            let kind = classifyASCII(pieceBytes, text, education: education, sentenceLike: sentenceLike)
            fields.append(LineField(text: text, kind: kind, emphasised: isEmphasised, sentenceLike: sentenceLike))
        }
        return fields
    }

    /// `classify(text, education:, sentenceLike:)` for plain ASCII `bytes`, the bytes of `text`: each test
    /// is the byte form the String test takes for plain ASCII text.
    static func classifyASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String, education: Bool, sentenceLike: Bool) -> FieldKind {
        // A piece starting with a digit is left to the general duration test, as `isDuration` does.
        if isDurationASCII(bytes) ?? isDurationInGeneral(text) { return .duration }
        if isLocationASCII(bytes) { return .location }
        if sentenceLike { return .unknown }
        if education, isDegreePlainASCII(bytes) { return .degree }
        let counted = wordRoleCountsASCII(bytes)
        if education, counted.institution { return .institution }
        var organisation = counted.organisation
        if mayHoldOfASCII(bytes), holdsOrganisationPhrase(TextScan.lowercasedASCII(bytes)) { organisation += 1 }
        if organisation > 0, !isCapitalisedSimple(bytes) { organisation -= 1 }
        return kind(title: counted.title, organisation: organisation, counted: counted, education: education)
    }

    /// The byte ranges of `split(text)`'s pieces for simple-scalar `bytes` (the bytes of `text`): each
    /// piece's String is the bytes of its range. Both of `split`'s paths cut the text at
    /// `separatorCuts(bytes)` (`splitAtSeparators` takes `splitAtSeparatorsSimple` for such text) and
    /// treat each part alone; a plain ASCII part is treated here as `splitASCII` treats it. Nil when a
    /// part is not plain ASCII, or a piece rejoined at commas (`splitCommas` builds it as the previous
    /// piece + ", " + the next) is not a run of the line, because something other than exactly ", " lies
    /// between the two ("Acme,Inc."): the caller takes the general path.
    static func splitRangesASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var result: [Range<Int>] = []
        // Lines hold a handful of fields: one buffer of this size, not three grown one after another.
        result.reserveCapacity(8)
        var answered = true
        // The parts as they are cut, without `separatorCuts`' array.
        forEachSeparatorCut(bytes) { part in
            guard answered else { return }
            guard TextScan.isPlainASCII(UnsafeBufferPointer(rebasing: bytes[part])) else {
                answered = false
                return
            }
            if bytes[part].contains(0x2C) {
                answered = appendCommaPiecesASCII(bytes, part, to: &result)
                return
            }
            // `splitASCII`: the part trimmed as `splitCommas` trims it, then again as `split` does.
            let once = trimmedRangeASCII(bytes, part)
            guard !once.isEmpty else { return }
            let twice = trimmedRangeASCII(bytes, once)
            if !twice.isEmpty, holdsLetterOrDigit(bytes, twice) { result.append(twice) }
        }
        return answered ? result : nil
    }

    /// What `split` keeps of `splitCommas` of a part holding a comma, appended as byte ranges; false when a
    /// rejoined piece is not a run of the line's bytes.
    private static func appendCommaPiecesASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>, to result: inout [Range<Int>]) -> Bool {
        func text(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }
        /// `split`'s last step for a piece `splitCommas` gives: trimmed again, kept with a letter or digit.
        func keep(_ piece: Range<Int>) {
            let trimmed = trimmedRangeASCII(bytes, piece)
            if !trimmed.isEmpty, holdsLetterOrDigit(bytes, trimmed) { result.append(trimmed) }
        }
        // `trimmedCommaPiecesASCII` of the part, as ranges of the line, rejoined as `splitCommas` does,
        // each test asked in the byte form its plain ASCII String would take. Rejoining only ever extends
        // the piece before, so that piece is held until the next one is known not to join it.
        var previous: Range<Int>?
        var rejoinedRuns = true
        forEachCommaPiece(text(part)) { relative in
            guard rejoinedRuns else { return }
            let piece = trimmedRangeASCII(bytes, (part.lowerBound + relative.lowerBound)..<(part.lowerBound + relative.upperBound))
            guard !piece.isEmpty else { return }
            guard let before = previous else {
                previous = piece
                return
            }
            let joins = isCompanySuffixASCII(text(piece))
                || (isRegionOrCountryASCII(text(piece)) && (isPlaceNameASCII(text(before)) || isLocationASCII(text(before))))
                || (titleWordsOnlyASCII(text(before)) && isDepartment(String(decoding: text(piece), as: UTF8.self)))
            guard joins else {
                keep(before)
                previous = piece
                return
            }
            // before + ", " + piece is the run from one to the other only with exactly ", " between.
            let gap = before.upperBound
            guard piece.lowerBound == gap + 2, bytes[gap] == 0x2C, bytes[gap + 1] == 0x20 else {
                rejoinedRuns = false
                return
            }
            previous = before.lowerBound..<piece.upperBound
        }
        guard rejoinedRuns else { return false }
        if let previous { keep(previous) }
        return true
    }

    @inline(__always) private static func holdsLetterOrDigit(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        bytes[range].contains(where: { TextScan.isASCIILetter($0) || TextScan.isASCIIDigit($0) })
    }
}

extension LineFields {
    /// `split(text)` for simple-scalar `bytes` (the bytes of `text`): the Strings of `splitRangesASCII`'s
    /// ranges, or nil where that gives none (a part that is not plain ASCII, a rejoined comma piece that
    /// is not a run of the line).
    static func splitPiecesOfASCIIParts(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard let ranges = splitRangesASCII(bytes) else { return nil }
        var pieces: [String] = []
        pieces.reserveCapacity(ranges.count)
        for range in ranges { pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)) }
        return pieces
    }
}
