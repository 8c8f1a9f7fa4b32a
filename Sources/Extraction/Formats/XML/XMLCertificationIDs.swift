extension CertificationCatalog {
    /// `canonicalID(in:)`, answered at the first entry that matches. The XML readers ask it of every
    /// certification name: `ids(in:)` goes on through the whole catalog after the first match, cutting
    /// each matched phrase out of the text (a new string and its byte-pair bits each time) only to tell
    /// later entries apart, while the first id it reports is already settled there.
    ///
    /// Why that first id is the same: until an entry matches, no phrase has been cut, so every entry up
    /// to the first match is tested against the whole lower-cased text, as here; and the first entry
    /// that matches by abbreviation finds no earlier id that could explain the abbreviation away.
    static func firstID(in text: String) -> String? {
        let table = needleTable
        let lowered = TextScan.lowercased(text)
        let loweredPairs = BytePairBits(lowered)
        let textPairs = BytePairBits(text)
        for entryIndex in table.ids.indices {
            for alias in table.aliasesOfEntry[entryIndex]
            where loweredPairs.mayContain(table.slots[table.aliasSlots[alias]]) && containsPhrase(lowered, table.aliases[alias]) {
                return table.ids[entryIndex]
            }
            for abbreviation in table.abbreviationsOfEntry[entryIndex]
            where textPairs.mayContain(table.slots[table.abbreviationSlots[abbreviation]])
                && containsWord(text, table.abbreviations[abbreviation]) {
                return table.ids[entryIndex]
            }
        }
        return nil
    }
}
