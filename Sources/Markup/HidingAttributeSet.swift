/// Which of the attributes `HidingStyleSheet.hides` reads an element has, gathered from the names as the
/// start tag is read (each distinct name is classified once per document, when it is interned). Most
/// elements carry none the sheet can act on (an `href`, or a `class` in a document whose style sheet has
/// no hiding class rule), and for those `hides` is not asked at all: it would read every attribute name
/// and hand back "not hidden" with the inherited style untouched.
struct HidingAttributeSet: Equatable {
    private var bits: UInt8 = 0

    init() {}

    /// Stands for "not known": `mayHide` then always asks.
    static var all: HidingAttributeSet {
        var set = HidingAttributeSet()
        set.bits = 0xFF
        return set
    }

    mutating func insert(_ attribute: HidingStyleSheet.HidingAttribute) {
        bits |= Self.bit(of: attribute)
    }

    func contains(_ attribute: HidingStyleSheet.HidingAttribute) -> Bool {
        bits & Self.bit(of: attribute) != 0
    }

    private static func bit(of attribute: HidingStyleSheet.HidingAttribute) -> UInt8 {
        switch attribute {
        case .className: 1
        case .id: 2
        case .style: 4
        case .hidden: 8
        case .type: 16
        case .other: 32
        }
    }
}

extension HidingStyleSheet {
    /// Whether `hides` can find anything for an element whose attributes are these: a `style`, `hidden` or
    /// `type` attribute always counts; a class or id only while the sheet has rules for classes or ids
    /// (`hides` skips them otherwise); any other attribute never does.
    func mayHide(given attributes: HidingAttributeSet) -> Bool {
        attributes.contains(.style) || attributes.contains(.hidden) || attributes.contains(.type)
            || (attributes.contains(.className) && hasClassRules) || (attributes.contains(.id) && hasIDRules)
    }
}

/// The `HidingStyleSheet.HidingAttribute` of each of a start tag's first 21 attributes, in order, packed
/// three bits apiece into a word: the build knows them from the interned names, and `hides` then reads
/// no attribute name. An attribute past the 21st (or of a tag whose kinds nobody gave) is unknown, and
/// `hides` classifies its name as before.
struct HidingAttributeKinds: Equatable {
    private var packed: UInt64 = 0
    private var count = 0
    private static var capacity: Int { 21 }

    init() {}

    /// Adds the next attribute's kind (kept only while fewer than 21 are).
    mutating func append(_ kind: HidingStyleSheet.HidingAttribute) {
        guard count < Self.capacity else { return }
        packed |= UInt64(kind.rawValue) << UInt64(3 * count)
        count += 1
    }

    /// The kind of the attribute at `offset`, nil when not known.
    func kind(at offset: Int) -> HidingStyleSheet.HidingAttribute? {
        guard offset >= 0, offset < count else { return nil }
        return HidingStyleSheet.HidingAttribute(rawValue: UInt8(truncatingIfNeeded: packed >> UInt64(3 * offset)) & 7)
    }
}
