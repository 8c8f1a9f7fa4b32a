import Markup

/// Language codes as XML résumés write them (ISO 639-1 `en`, ISO 639-2/3 `ENG`, or the EU Publications
/// Office URI `…/authority/language/ENG`) turned into the names a reader knows. Only the languages of
/// the EU, the EEA and the largest others: an unknown code is left as written.
enum XMLLanguageNames {
    static func name(ofCode code: String) -> String? {
        let trimmed = collapseWhitespace(code)
        guard !trimmed.isEmpty else { return nil }
        // A bare code of ASCII letters (`EN`, `eng`), the usual case, is its own last part before any
        // `/` or `-`: looked up without the two splits.
        if trimmed.utf8.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }) {
            return names[trimmed.lowercased()]
        }
        let last = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        let key = last.split(separator: "-").first.map { $0.lowercased() } ?? last.lowercased()
        return names[key]
    }

    private static let table: [(String, [String])] = [
        ("Bulgarian", ["bg", "bul"]), ("Croatian", ["hr", "hrv"]), ("Czech", ["cs", "ces", "cze"]),
        ("Danish", ["da", "dan"]), ("Dutch", ["nl", "nld", "dut"]), ("English", ["en", "eng"]),
        ("Estonian", ["et", "est"]), ("Finnish", ["fi", "fin"]), ("French", ["fr", "fra", "fre"]),
        ("German", ["de", "deu", "ger"]), ("Greek", ["el", "ell", "gre"]), ("Hungarian", ["hu", "hun"]),
        ("Irish", ["ga", "gle"]), ("Italian", ["it", "ita"]), ("Latvian", ["lv", "lav"]),
        ("Lithuanian", ["lt", "lit"]), ("Maltese", ["mt", "mlt"]), ("Polish", ["pl", "pol"]),
        ("Portuguese", ["pt", "por"]), ("Romanian", ["ro", "ron", "rum"]), ("Slovak", ["sk", "slk", "slo"]),
        ("Slovenian", ["sl", "slv"]), ("Spanish", ["es", "spa"]), ("Swedish", ["sv", "swe"]),
        ("Norwegian", ["no", "nor", "nb", "nob", "nn", "nno"]), ("Icelandic", ["is", "isl", "ice"]),
        ("Turkish", ["tr", "tur"]), ("Russian", ["ru", "rus"]), ("Ukrainian", ["uk", "ukr"]),
        ("Arabic", ["ar", "ara"]), ("Chinese", ["zh", "zho", "chi"]), ("Japanese", ["ja", "jpn"]),
        ("Korean", ["ko", "kor"]), ("Hindi", ["hi", "hin"]), ("Albanian", ["sq", "sqi", "alb"]),
        ("Serbian", ["sr", "srp"]), ("Macedonian", ["mk", "mkd", "mac"]), ("Catalan", ["ca", "cat"]),
        ("Basque", ["eu", "eus", "baq"]), ("Welsh", ["cy", "cym", "wel"]), ("Luxembourgish", ["lb", "ltz"]),
    ]

    static let names: [String: String] = {
        var result: [String: String] = [:]
        for (name, codes) in table { for code in codes { result[code] = name } }
        return result
    }()
}
