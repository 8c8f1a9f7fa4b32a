import Foundation

/// What styling an element inherits that matters for hidden text.
struct InheritedStyle {
    var hidden = false
    /// The background a reader sees behind the text; pages are white unless they say otherwise.
    var background = "#ffffff"
}

/// `InheritedStyle` as the document build keeps it for each open element: the background as its index in
/// the style sheet's `backgrounds`. A frame then holds no string, so opening an element copies no
/// reference, closing one releases none, and a remembered verdict is found by a word, not by hashing and
/// comparing the background's text.
struct IndexedStyle {
    var hidden = false
    /// Index into `HidingStyleSheet.backgrounds`; 0 is white, the page's own background.
    var background: Int32 = 0
}

/// The part of CSS that can hide text from a reader: `display:none`, `visibility:hidden`, a zero or 1px
/// font, zero opacity, text pushed far off-screen, and text coloured like its background. Reads inline
/// `style` attributes, the `hidden` attribute and simple class/id rules from `<style>` blocks. It is not a
/// CSS engine: it exists so a résumé cannot smuggle keywords past a human reader.
struct HidingStyleSheet {
    private var classRules: [String: String] = [:]
    private var idRules: [String: String] = [:]
    /// Verdicts already reached in this document, by declarations and inherited background: a Word page
    /// repeats a handful of styles on every paragraph and span, each parsed and checked once this way.
    private var verdicts = VerdictMemory()
    /// Each distinct background an element inherits in this document, white first: `IndexedStyle` refers
    /// to them by index. A new one is added only when a verdict is worked out, not remembered.
    /// Both start out shared and empty of allocations (most documents never leave white).
    private(set) var backgrounds: [String] = HidingStyleSheet.white
    /// The index of each background but white.
    private var backgroundIndexes: [String: Int32] = [:]
    private static let white = ["#ffffff"]

    /// The index of `background` in `backgrounds`, adding it when it is new.
    mutating func backgroundIndex(_ background: String) -> Int32 {
        if background == backgrounds[0] { return 0 }
        if let known = backgroundIndexes[background] { return known }
        let index = Int32(backgrounds.count)
        backgrounds.append(background)
        backgroundIndexes[background] = index
        return index
    }

    /// Whether some class rule or id rule mentions hiding (`hides` looks class and id values up only then).
    var hasClassRules: Bool { !classRules.isEmpty }
    var hasIDRules: Bool { !idRules.isEmpty }

    mutating func add(_ css: String) {
        for rule in Self.rules(css) { addRule(rule) }
    }

    /// The class and id rules of a style sheet that mention hiding, in order.
    static func rules(_ css: String) -> [Rule] {
        var copy = css
        // ASCII style sheets (nearly all) by byte: the `Character` walk and Foundation's trimming were
        // most of the cost of copying a page out of libxml2. For ASCII the two agree: every byte is a
        // `Character` but CR LF, and neither CR nor LF is a byte the rules look for.
        if let rules = copy.withUTF8({ bytes in bytes.allSatisfy({ $0 < 0x80 }) ? asciiRules(bytes) : nil }) { return rules }
        return generalRules(css)
    }

    /// `rules` for any text, by `Character`.
    static func generalRules(_ css: String) -> [Rule] {
        var rules: [Rule] = []
        var rest = Substring(css)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let selectors = rest[rest.startIndex..<open]
            let declarations = String(rest[rest.index(after: open)..<close]).lowercased()
            rest = rest[rest.index(after: close)...]
            guard mentionsHiding(declarations) else { continue }
            for selector in selectors.split(separator: ",") {
                let simple = selector.trimmingCharacters(in: .whitespacesAndNewlines)
                // Only a lone class or id, optionally after a tag name: `.x`, `span.x`, `#y`.
                guard !simple.contains(" "), !simple.contains(">"), !simple.contains(":") else { continue }
                if let dot = simple.lastIndex(of: ".") {
                    rules.append(Rule(target: .className(String(simple[simple.index(after: dot)...])), declarations: declarations))
                } else if let hash = simple.lastIndex(of: "#") {
                    rules.append(Rule(target: .id(String(simple[simple.index(after: hash)...])), declarations: declarations))
                }
            }
        }
        return rules
    }

    /// One selector's declarations, as `add` files them.
    struct Rule: Equatable {
        enum Target: Equatable {
            case className(String)
            case id(String)
        }
        var target: Target
        var declarations: String
    }

    private mutating func addRule(_ rule: Rule) {
        switch rule.target {
        case .className(let name): classRules[name, default: ""] += ";" + rule.declarations
        case .id(let id): idRules[id, default: ""] += ";" + rule.declarations
        }
    }

    /// The rules `add` files for an ASCII style sheet, worked out on its bytes: blocks split at `{` and
    /// the next `}`, declarations lower-cased and kept only when they mention hiding, selectors split at
    /// commas (empty ones dropped) and trimmed of ASCII white space, and only a lone class or id kept.
    static func asciiRules(_ bytes: UnsafeBufferPointer<UInt8>) -> [Rule] {
        func string(_ range: Range<Int>, lowercased: Bool = false) -> String {
            String(unsafeUninitializedCapacity: range.count) { buffer in
                for (offset, byte) in bytes[range].enumerated() {
                    buffer[offset] = lowercased && byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
                return range.count
            }
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var rules: [Rule] = []
        var start = 0
        while let open = bytes[start...].firstIndex(of: 0x7B), let close = bytes[open...].firstIndex(of: 0x7D) {
            let selectors = start..<open
            let declarations = string((open + 1)..<close, lowercased: true)
            start = close + 1
            guard mentionsHiding(declarations) else { continue }
            for selector in bytes[selectors].split(separator: 0x2C) {
                var lower = selector.startIndex
                var upper = selector.endIndex
                while lower < upper, isSpace(bytes[lower]) { lower += 1 }
                while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
                let simple = bytes[lower..<upper]
                // Only a lone class or id, optionally after a tag name: `.x`, `span.x`, `#y`.
                guard !simple.contains(0x20), !simple.contains(0x3E), !simple.contains(0x3A) else { continue }
                if let dot = simple.lastIndex(of: 0x2E) {
                    rules.append(Rule(target: .className(string((dot + 1)..<upper)), declarations: declarations))
                } else if let hash = simple.lastIndex(of: 0x23) {
                    rules.append(Rule(target: .id(string((hash + 1)..<upper)), declarations: declarations))
                }
            }
        }
        return rules
    }

    static func mentionsHiding(_ declarations: String) -> Bool {
        var copy = declarations
        if let quick = copy.withUTF8({ bytes -> Bool? in
            // ASCII text holds an ASCII word exactly where its bytes do ("font-size" holds "font").
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return containsASCII(bytes, "display") || containsASCII(bytes, "visibility") || containsASCII(bytes, "font")
                || containsASCII(bytes, "color") || containsASCII(bytes, "opacity") || containsASCII(bytes, "indent")
                || containsASCII(bytes, "left") || containsASCII(bytes, "top")
        }) {
            return quick
        }
        return ["display", "visibility", "font-size", "font", "color", "opacity", "indent", "left", "top"].contains {
            declarations.contains($0)
        }
    }

    /// Whether the bytes hold `needle` (ASCII) anywhere.
    private static func containsASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let pattern = needle.utf8Start
        search: for offset in 0...(bytes.count - count) where bytes[offset] == pattern[0] {
            for index in 1..<count where bytes[offset + index] != pattern[index] { continue search }
            return true
        }
        return false
    }

    /// Whether this element hides its content, updating the inherited background on the way.
    mutating func hides(name: String, attributes: [MarkupAttribute], inherited style: inout InheritedStyle) -> Bool {
        hides(name: name, attributes: attributes[...], inherited: &style)
    }

    /// `hides` for the element's stretch of the document's attribute table.
    mutating func hides(name: String, attributes: ArraySlice<MarkupAttribute>, inherited style: inout InheritedStyle) -> Bool {
        var indexed = IndexedStyle(hidden: style.hidden, background: backgroundIndex(style.background))
        let hides = hides(name: name, attributes: attributes, inherited: &indexed)
        style.hidden = indexed.hidden
        style.background = backgrounds[Int(indexed.background)]
        return hides
    }

    /// `hides` with the inherited background as an index into `backgrounds`. `kinds`, when the caller
    /// knows them, says what each attribute's name is (`hidingAttribute`), which then is not compared.
    mutating func hides(
        name: String, attributes: ArraySlice<MarkupAttribute>, kinds: HidingAttributeKinds = HidingAttributeKinds(),
        inherited style: inout IndexedStyle
    ) -> Bool {
        var pieces = DeclarationPieces()
        var hasHiddenAttribute = false
        var isHiddenInput = false
        // By index, in place: `for attribute in` copied (retained) both strings of each attribute.
        for offset in attributes.indices {
            let kind = kinds.kind(at: offset - attributes.startIndex) ?? Self.hidingAttribute(attributes[offset].name)
            switch kind {
            case .className:
                // No class rules (most documents): no token can add one.
                guard !classRules.isEmpty else { break }
                Self.forEachSpaceSeparatedToken(attributes[offset].value) { token in
                    if let rule = classRules[token] { pieces.add(rule) }
                }
            case .id:
                guard !idRules.isEmpty else { break }
                if let rule = idRules[attributes[offset].value] { pieces.add(rule) }
            case .style:
                pieces.add(style: attributes[offset].value)
            case .hidden:
                hasHiddenAttribute = true
            case .type where name == "input":
                isHiddenInput = attributes[offset].value.lowercased() == "hidden"
            default:
                break
            }
        }
        if hasHiddenAttribute || isHiddenInput { return true }
        // Remembered by the declarations as written: a lone style is lower-cased only when its verdict is
        // not known yet. Both kinds of key can share the memory, as the verdict of a text is the verdict of
        // its lower-cased form, which a lower-cased key already is.
        guard let key = pieces.key else { return false }
        if let known = verdicts.verdict(declarations: key, background: style.background) {
            style.background = known.background
            return known.hides
        }
        let background = style.background
        var worked = InheritedStyle(hidden: style.hidden, background: backgrounds[Int(background)])
        let hides = Self.hides(declarations: pieces.text ?? key, inherited: &worked)
        style.background = backgroundIndex(worked.background)
        verdicts.remember(Verdict(hides: hides, background: style.background), declarations: key, background: background)
        return hides
    }

    /// Whether an element with these declarations (lower-cased) hides its content, updating the
    /// inherited background on the way.
    private static func hides(declarations: String, inherited style: inout InheritedStyle) -> Bool {
        var copy = declarations
        // ASCII declarations (nearly all) are read as byte ranges: a string is made only for a value a
        // check reads, and the properties hold no references to copy or release per element.
        if let verdict = copy.withUTF8({ bytes -> Bool? in
            guard ASCIIWords.isASCII(bytes) else { return nil }
            return Self.hide(
                Self.asciiHidingRanges(bytes), inherited: &style,
                text: { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) })
        }) {
            return verdict
        }
        return Self.hide(Self.hidingProperties(declarations), inherited: &style, text: { $0 })
    }

    /// Whether declarations with these values hide the element, updating the inherited background on the
    /// way; `text` gives a value as a string.
    private static func hide<Value>(
        _ properties: HidingProperties<Value>, inherited style: inout InheritedStyle, text: (Value) -> String
    ) -> Bool {
        if let background = properties.backgroundColor.map(text) ?? properties.background.map(text).flatMap(Self.firstColor),
           let normalized = CSSColor.normalize(background) {
            style.background = normalized
        }
        if let display = properties.display, text(display) == "none" { return true }
        if let visibility = properties.visibility.map(text), visibility == "hidden" || visibility == "collapse" { return true }
        if let opacity = properties.opacity, let value = Double(text(opacity)), value <= 0.01 { return true }
        if let size = properties.fontSize, Self.isInvisibleFontSize(text(size)) { return true }
        if let font = properties.font, let size = Self.firstSpaceSeparated(text(font)), Self.isInvisibleFontSize(size) { return true }
        // One by one: an array of the four values was allocated (and each value copied) per element.
        if let value = properties.textIndent, Self.isFarOffScreen(text(value)) { return true }
        if let value = properties.left, Self.isFarOffScreen(text(value)) { return true }
        if let value = properties.top, Self.isFarOffScreen(text(value)) { return true }
        if let value = properties.marginLeft, Self.isFarOffScreen(text(value)) { return true }
        if let color = properties.color, let normalized = CSSColor.normalize(text(color)), normalized == style.background {
            return true
        }
        return false
    }

    /// The declarations an element gets, joined with ";" in attribute order. Most styled elements have
    /// one piece (their `style`), which is parsed as it is: a leading ";" only adds an empty
    /// declaration, which parsing skips, so the join is made only once a second piece comes.
    struct DeclarationPieces {
        private var only: String?
        /// `only` is a style attribute's value as written, not lower-cased yet.
        private var onlyIsAsWritten = false
        private var joined = ""

        /// A rule's declarations (already lower-cased).
        mutating func add(_ piece: String) {
            add(piece, asWritten: false)
        }

        /// A style attribute's value as written.
        mutating func add(style value: String) {
            add(value, asWritten: true)
        }

        private mutating func add(_ piece: String, asWritten: Bool) {
            if let first = only {
                joined = ";" + (onlyIsAsWritten ? HidingStyleSheet.lowercasedText(first) : first)
                only = nil
            } else if joined.isEmpty {
                only = piece
                onlyIsAsWritten = asWritten
                return
            }
            joined += ";" + (asWritten ? HidingStyleSheet.lowercasedText(piece) : piece)
        }

        /// What to parse, lower-cased; nil when no piece came.
        var text: String? {
            if let only { return onlyIsAsWritten ? HidingStyleSheet.lowercasedText(only) : only }
            return joined.isEmpty ? nil : joined
        }

        /// What to remember the verdict by: a lone piece as written, else `text`.
        var key: String? { only ?? (joined.isEmpty ? nil : joined) }
    }

    struct Verdict {
        var hides: Bool
        /// The background the element leaves its content, as an index into `backgrounds`.
        var background: Int32
    }

    /// Verdicts by declarations and inherited background (its index), up to 64 of them (past that a page's styles are
    /// not repeating and no more are kept). A small table hashed a word at a time: `Dictionary`'s SipHash
    /// over a long `style` value and the background cost about 750 instructions a look-up, and a Word
    /// page looks up every styled element.
    struct VerdictMemory {
        private struct Entry {
            var hash: UInt64
            var declarations: String
            var background: Int32
            var verdict: Verdict
        }

        private static var limit: Int { 64 }
        private static var slotCount: Int { 128 }
        private var entries: [Entry] = []
        /// Index into `entries` by hash, open addressing; -1 for an empty slot.
        private var slots: [Int16] = []

        func verdict(declarations: String, background: Int32) -> Verdict? {
            guard !entries.isEmpty else { return nil }
            let hash = Self.hash(declarations, background)
            var slot = Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)
            while slots[slot] >= 0 {
                let entry = entries[Int(slots[slot])]
                if entry.hash == hash && entry.declarations == declarations && entry.background == background {
                    return entry.verdict
                }
                slot = (slot + 1) & (Self.slotCount - 1)
            }
            return nil
        }

        /// Keeps a verdict the caller has just looked up and not found (the memory is full past 64).
        mutating func remember(_ verdict: Verdict, declarations: String, background: Int32) {
            guard entries.count < Self.limit else { return }
            if slots.isEmpty { slots = Array(repeating: -1, count: Self.slotCount) }
            let hash = Self.hash(declarations, background)
            var slot = Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (Self.slotCount - 1) }
            slots[slot] = Int16(entries.count)
            entries.append(Entry(hash: hash, declarations: declarations, background: background, verdict: verdict))
        }

        /// A hash of the declarations' bytes, eight at a time, and the background's index; the top bits
        /// land in the low ones for the slot.
        static func hash(_ declarations: String, _ background: Int32) -> UInt64 {
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
            mix(declarations, into: &hash)
            hash = (hash ^ UInt64(UInt32(bitPattern: background))) &* 0xFF51_AFD7_ED55_8CCD
            return hash ^ hash >> 29
        }

        private static func mix(_ text: String, into hash: inout UInt64) {
            var copy = text
            copy.withUTF8 { bytes in
                let raw = UnsafeRawBufferPointer(bytes)
                var index = 0
                while index + 8 <= raw.count {
                    hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                    index += 8
                }
                // The length too, so that texts differing only in trailing NUL bytes hash apart.
                var tail = UInt64(raw.count)
                while index < raw.count {
                    tail = tail << 8 | UInt64(raw[index])
                    index += 1
                }
                hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            }
        }
    }

    /// The values of the properties `hides` reads, as `parseDeclarations` gives them (the last
    /// declaration of a property wins); nil for a property not declared. A value is a string, or for
    /// ASCII text the byte range of one.
    struct HidingProperties<Value> {
        var backgroundColor: Value?
        var background: Value?
        var display: Value?
        var visibility: Value?
        var opacity: Value?
        var fontSize: Value?
        var font: Value?
        var textIndent: Value?
        var left: Value?
        var top: Value?
        var marginLeft: Value?
        var color: Value?

        init() {}

        init(_ properties: [String: String]) where Value == String {
            backgroundColor = properties["background-color"]
            background = properties["background"]
            display = properties["display"]
            visibility = properties["visibility"]
            opacity = properties["opacity"]
            fontSize = properties["font-size"]
            font = properties["font"]
            textIndent = properties["text-indent"]
            left = properties["left"]
            top = properties["top"]
            marginLeft = properties["margin-left"]
            color = properties["color"]
        }

        /// The slot of a property name given as bytes; nil for a property `hides` does not read.
        mutating func set(_ name: UnsafeBufferPointer<UInt8>, _ value: () -> Value) {
            func equals(_ literal: StaticString) -> Bool {
                guard literal.utf8CodeUnitCount == name.count else { return false }
                let pattern = literal.utf8Start
                for index in 0..<name.count where name[index] != pattern[index] { return false }
                return true
            }
            switch name.count {
            case 3: if equals("top") { top = value() }
            case 4:
                if equals("left") { left = value() } else if equals("font") { font = value() }
            case 5: if equals("color") { color = value() }
            case 7:
                if equals("display") { display = value() } else if equals("opacity") { opacity = value() }
            case 9: if equals("font-size") { fontSize = value() }
            case 10:
                if equals("visibility") { visibility = value() } else if equals("background") { background = value() }
            case 11:
                if equals("text-indent") { textIndent = value() } else if equals("margin-left") { marginLeft = value() }
            case 16: if equals("background-color") { backgroundColor = value() }
            default: break
            }
        }

        /// The same slots with each value transformed.
        func map<Other>(_ transform: (Value) -> Other) -> HidingProperties<Other> {
            var result = HidingProperties<Other>()
            result.backgroundColor = backgroundColor.map(transform)
            result.background = background.map(transform)
            result.display = display.map(transform)
            result.visibility = visibility.map(transform)
            result.opacity = opacity.map(transform)
            result.fontSize = fontSize.map(transform)
            result.font = font.map(transform)
            result.textIndent = textIndent.map(transform)
            result.left = left.map(transform)
            result.top = top.map(transform)
            result.marginLeft = marginLeft.map(transform)
            result.color = color.map(transform)
            return result
        }
    }

    /// `HidingProperties(parseDeclarations(text))`: for ASCII text by byte, making strings only for the
    /// properties read.
    static func hidingProperties(_ text: String) -> HidingProperties<String> {
        var copy = text
        // The struct comes straight out of the closure: returned as an Optional, it was copied (twelve
        // optional strings) and the original destroyed, per styled element.
        if copy.withUTF8({ ASCIIWords.isASCII($0) }) {
            return copy.withUTF8 { bytes in
                asciiHidingRanges(bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
            }
        }
        return HidingProperties(parseDeclarations(text))
    }

    /// `asciiDeclarations`, keeping only the properties `hides` reads, as byte ranges of `bytes`.
    static func asciiHidingRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> HidingProperties<Range<Int>> {
        var result = HidingProperties<Range<Int>>()
        forEachASCIIDeclaration(bytes) { property, value in
            result.set(UnsafeBufferPointer(rebasing: bytes[property])) { value }
        }
        return result
    }

    /// `text.split(separator: " ").first.map(String.init)`; by byte for ASCII text.
    static func firstSpaceSeparated(_ text: String) -> String? {
        var copy = text
        if let quick = copy.withUTF8({ bytes -> String?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var lower = 0
            while lower < bytes.count, bytes[lower] == 0x20 { lower += 1 }
            guard lower < bytes.count else { return .some(nil) }
            var upper = lower + 1
            while upper < bytes.count, bytes[upper] != 0x20 { upper += 1 }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self))
        }) {
            return quick
        }
        return text.split(separator: " ").first.map(String.init)
    }

    /// Runs for every styled element of every file (Word exports style each paragraph and span), so it
    /// splits, trims and searches on UTF-8 with the standard library: Foundation's
    /// `trimmingCharacters(in:)` and `range(of:)` bridge each piece to NSString.
    static func parseDeclarations(_ text: String) -> [String: String] {
        var copy = text
        if let quick = copy.withUTF8({ bytes in bytes.allSatisfy { $0 < 0x80 } ? asciiDeclarations(bytes) : nil }) { return quick }
        var result: [String: String] = [:]
        let units = text.utf8
        var start = units.startIndex
        while start < units.endIndex {
            let end = units[start...].firstIndex(of: UInt8(ascii: ";")) ?? units.endIndex
            let declaration = text[start..<end]
            start = end == units.endIndex ? end : units.index(after: end)
            guard let colon = declaration.utf8.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let property = trimmed(declaration[..<colon], keepingNewlines: false)
            var value = trimmed(declaration[declaration.utf8.index(after: colon)...], keepingNewlines: false)
            if let important = firstIndex(of: "!important", in: value) {
                value = trimmed(value[..<important], keepingNewlines: true)
            }
            result[property] = value
        }
        return result
    }

    /// `parseDeclarations` for ASCII text, by byte.
    private static func asciiDeclarations(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: String] {
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var result: [String: String] = [:]
        forEachASCIIDeclaration(bytes) { property, value in result[string(property)] = string(value) }
        return result
    }

    /// Each `property: value` declaration of ASCII text, as byte ranges, split and trimmed as
    /// `parseDeclarations` does: at ";", around the first ":", white space trimmed (the ASCII White_Space
    /// scalars: tab, line feed, vertical tab, form feed, carriage return, space), and "!important" cut
    /// off the value with the tabs and spaces before it.
    private static func forEachASCIIDeclaration(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (_ property: Range<Int>, _ value: Range<Int>) -> Void) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func trimmed(_ range: Range<Int>, _ trims: (UInt8) -> Bool) -> Range<Int> {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, trims(bytes[lower]) { lower += 1 }
            while upper > lower, trims(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }
        let important: StaticString = "!important"
        let importantCount = important.utf8CodeUnitCount
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x3B { end += 1 }
            let declaration = start..<end
            start = end == bytes.count ? end : end + 1
            guard let colon = declaration.first(where: { bytes[$0] == 0x3A }) else { continue }
            let property = trimmed(declaration.lowerBound..<colon, isSpace)
            var value = trimmed((colon + 1)..<declaration.upperBound, isSpace)
            if value.count >= importantCount {
                let pattern = important.utf8Start
                search: for offset in value.lowerBound...(value.upperBound - importantCount) where bytes[offset] == 0x21 {
                    for index in 1..<importantCount where bytes[offset + index] != pattern[index] { continue search }
                    value = trimmed(value.lowerBound..<offset, isBlank)
                    break
                }
            }
            body(property, value)
        }
    }

    /// The text lower-cased; text already in ASCII lower case (nearly all names and inline styles) as it is.
    /// The attributes `hides` reads, by name.
    enum HidingAttribute: UInt8, Equatable {
        case className, id, style, hidden, type, other
    }

    /// Which attribute `name` is, compared as `lowercasedText(name)`. Stored HTML names are lower-case
    /// already, so they are compared as they are; only a name that is not lower-case ASCII is lowered
    /// (a lower-case ASCII name is its own `lowercasedText`, so one that matched nothing stays `.other`).
    static func hidingAttribute(_ name: String) -> HidingAttribute {
        if let known = knownAttribute(name) { return known }
        if name.utf8.allSatisfy({ $0 < 0x80 && $0 &- 0x41 >= 26 }) { return .other }
        return knownAttribute(name.lowercased()) ?? .other
    }

    private static func knownAttribute(_ name: String) -> HidingAttribute? {
        switch name {
        case "class": .className
        case "id": .id
        case "style": .style
        case "hidden": .hidden
        case "type": .type
        default: nil
        }
    }

    /// The text lower-cased; text already in ASCII lower case (nearly all names and inline styles) as it is.
    static func lowercasedText(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { ASCIIWords.isLowerASCII($0) } ? text : text.lowercased()
    }

    /// Calls `body` with each token of `value.split(separator: " ")`, in order, without collecting them
    /// into an array (one allocation per class attribute, for the few tokens a class list holds); by
    /// byte for ASCII (every byte a `Character`; a carriage return cannot join a space).
    static func forEachSpaceSeparatedToken(_ value: String, _ body: (String) -> Void) {
        var copy = value
        let isASCII = copy.withUTF8 { bytes -> Bool in
            guard ASCIIWords.isASCII(bytes) else { return false }
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x20 {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                body(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self))
                index = end
            }
            return true
        }
        if !isASCII {
            for token in value.split(separator: " ") { body(String(token)) }
        }
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` (the Unicode White_Space scalars), or
    /// `.whitespaces` (those without the line and paragraph separators) when `keepingNewlines`.
    static func trimmed(_ text: Substring, keepingNewlines: Bool) -> String {
        func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
            guard scalar.properties.isWhitespace else { return false }
            guard keepingNewlines else { return true }
            switch scalar.value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return false
            default: return true
            }
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0) })!
        return String(scalars[first...last])
    }

    /// Where `needle` (ASCII) first occurs in `text`, by UTF-8 code units.
    static func firstIndex(of needle: String, in text: String) -> String.Index? {
        let pattern = Array(needle.utf8)
        let units = text.utf8
        guard let head = pattern.first, units.count >= pattern.count else { return nil }
        var start = units.startIndex
        while let found = units[start...].firstIndex(of: head) {
            if units[found...].starts(with: pattern) { return found }
            start = units.index(after: found)
        }
        return nil
    }

    private static func firstColor(_ background: String) -> String? {
        background.split(separator: " ").map(String.init).first { CSSColor.normalize($0) != nil }
    }

    static func isInvisibleFontSize(_ value: String) -> Bool {
        var copy = value
        // ASCII by byte: of ASCII only the digits are `isNumber`, and every byte is a `Character` but
        // CR LF, which is neither a digit nor a point.
        if let quick = copy.withUTF8({ bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var end = 0
            while end < bytes.count, (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == 0x2E { end += 1 }
            guard let size = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)) else { return false }
            return isInvisible(size: size, unit: UnsafeBufferPointer(rebasing: bytes[end...]))
        }) {
            return quick
        }
        let number = value.prefix(while: { $0.isNumber || $0 == "." })
        guard let size = Double(number) else { return false }
        let unit = value.dropFirst(number.count)
        switch unit {
        case "", "px": return size <= 1
        case "pt": return size <= 1
        case "em", "rem": return size <= 0.1
        case "%": return size <= 10
        default: return size == 0
        }
    }

    /// The unit switch of `isInvisibleFontSize`, for an ASCII unit.
    private static func isInvisible(size: Double, unit: UnsafeBufferPointer<UInt8>) -> Bool {
        func unitIs(_ literal: StaticString) -> Bool {
            guard literal.utf8CodeUnitCount == unit.count else { return false }
            for index in 0..<unit.count where unit[index] != literal.utf8Start[index] { return false }
            return true
        }
        if unit.isEmpty || unitIs("px") || unitIs("pt") { return size <= 1 }
        if unitIs("em") || unitIs("rem") { return size <= 0.1 }
        if unitIs("%") { return size <= 10 }
        return size == 0
    }

    static func isFarOffScreen(_ value: String) -> Bool {
        var copy = value
        // ASCII by byte, as `isInvisibleFontSize`: of ASCII only the digits are `isNumber`, and every byte
        // is a `Character` but CR LF, which is neither a digit nor a point.
        if let quick = copy.withUTF8({ bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard bytes.first == 0x2D else { return false }
            var end = 1
            while end < bytes.count, (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == 0x2E { end += 1 }
            guard let size = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[1..<end]), as: UTF8.self)) else { return false }
            return size >= 999
        }) {
            return quick
        }
        guard value.hasPrefix("-") else { return false }
        let number = value.dropFirst().prefix(while: { $0.isNumber || $0 == "." })
        guard let size = Double(number) else { return false }
        return size >= 999
    }
}

/// Enough colour parsing to compare a text colour with its background.
enum CSSColor {
    static let named: [String: String] = [
        "white": "#ffffff", "black": "#000000", "red": "#ff0000", "green": "#008000", "blue": "#0000ff",
        "yellow": "#ffff00", "gray": "#808080", "grey": "#808080", "silver": "#c0c0c0", "snow": "#fffafa",
        "whitesmoke": "#f5f5f5", "ivory": "#fffff0", "navy": "#000080",
    ]

    static func normalize(_ raw: String) -> String? {
        let value: String
        var copy = raw
        if let ascii = copy.withUTF8({ bytes -> String? in
            // ASCII: `.whitespaces` holds tab and space of it.
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var lower = 0
            var upper = bytes.count
            while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self).lowercased()
        }) {
            value = ascii
        } else {
            value = raw.trimmingCharacters(in: .whitespaces).lowercased()
        }
        if let known = named[value] { return known }
        var lowered = value
        // "#" and ASCII hex digits (most colours) by byte: the digits are their own `Character`s.
        if let hex = lowered.withUTF8({ bytes -> String?? in
            guard bytes.first == 0x23, bytes.count == 4 || bytes.count == 7 else { return nil }
            let digits = UnsafeBufferPointer(rebasing: bytes[1...])
            guard digits.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) }) else {
                return nil
            }
            guard digits.count == 3 else { return .some(value) }
            return .some(String(unsafeUninitializedCapacity: 7) { buffer in
                buffer[0] = 0x23
                for (offset, digit) in digits.enumerated() {
                    buffer[1 + 2 * offset] = digit
                    buffer[2 + 2 * offset] = digit
                }
                return 7
            })
        }) {
            return hex
        }
        if value.hasPrefix("#") {
            let hex = value.dropFirst()
            guard hex.allSatisfy(\.isHexDigit) else { return nil }
            if hex.count == 3 { return "#" + hex.map { "\($0)\($0)" }.joined() }
            if hex.count == 6 { return "#" + hex }
            return nil
        }
        if value.hasPrefix("rgb") , let open = value.firstIndex(of: "("), let close = value.firstIndex(of: ")") {
            let parts = value[value.index(after: open)..<close].split(whereSeparator: { $0 == "," || $0 == " " || $0 == "/" })
            guard parts.count >= 3 else { return nil }
            if parts.count >= 4, let alpha = Double(parts[3]), alpha == 0 { return "transparent" }
            let channels = parts.prefix(3).compactMap { Int($0) }
            guard channels.count == 3 else { return nil }
            return "#" + channels.map { String(format: "%02x", min(max($0, 0), 255)) }.joined()
        }
        return nil
    }
}

extension HidingStyleSheet.HidingProperties: Equatable where Value: Equatable {}
