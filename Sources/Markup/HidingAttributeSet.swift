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
