import Foundation
import Markup

/// One microformat item (an `h-resume`, a `vcard`, an `h-event` …) and the properties inside it, read the
/// way microformats parsers read them: a property belongs to the nearest enclosing item, and a nested
/// item is a value of its parent, not a source of the parent's properties.
///
/// Version 2 names properties with prefixes (`p-name`, `dt-start`, `u-url`, `e-description`); version 1
/// uses plain class names (`fn`, `dtstart`, `title`) that only mean something inside a v1 item. An item
/// with an `h-*` class is read as v2, otherwise as v1, so a v2 `h-resume` holding a v1 `vcard` (mixed
/// roots) reads each part in its own vocabulary. v1 names are mapped onto the v2 ones.
struct MicroformatItem {
    enum Version { case v1, v2 }

    struct Property {
        /// Normalised names: `name`, `start`, `job-title`, `org` …
        let names: [String]
        let element: MarkupElement
        /// The property's element is itself an item (`p-contact h-card`, `experience vevent`).
        let isItem: Bool
    }

    let element: MarkupElement
    let version: Version
    let properties: [Property]
    /// Items nested without a property name (a bare `vcard` inside a v1 `vevent`).
    let unnamedItems: [MarkupElement]

    init(_ element: MarkupElement) {
        self.element = element
        let version: Version = Self.v2RootClasses(of: element).isEmpty ? .v1 : .v2
        self.version = version
        var properties: [Property] = []
        var unnamed: [MarkupElement] = []
        var stack: [MarkupElement] = element.children.reversed()
        while let current = stack.popLast() {
            // Hidden markup is never evidence, nor a value.
            if current.isHidden { continue }
            let names = Self.propertyNames(of: current, in: version)
            let isItem = Self.isItemRoot(current)
            if !names.isEmpty {
                properties.append(Property(names: names, element: current, isItem: isItem))
            } else if isItem {
                unnamed.append(current)
            }
            if !isItem { stack.append(contentsOf: current.children.reversed()) }
        }
        self.properties = properties
        self.unnamedItems = unnamed
    }

    // MARK: - Vocabulary

    /// v1 root class names. `vcalendar` is a plain container, not an item.
    static let v1Roots: Set<String> = ["hresume", "vcard", "vevent", "adr", "geo", "hreview", "hentry", "hproduct", "hrecipe"]

    /// v1 property class names and the v2 name each is read as.
    static let v1Properties: [String: String] = {
        var map: [String: String] = ["fn": "name", "dtstart": "start", "dtend": "end", "organization-name": "org"]
        for same in [
            // hResume
            "contact", "summary", "experience", "education", "skill", "affiliation", "publications",
            // hCard
            "n", "given-name", "family-name", "additional-name", "nickname", "org", "title", "role", "email", "tel",
            "adr", "street-address", "extended-address", "locality", "region", "postal-code", "country-name", "label",
            "url", "photo", "note", "category", "organization-unit",
            // hCalendar
            "duration", "location", "description",
        ] {
            map[same] = same
        }
        return map
    }()

    static func v2RootClasses(of element: MarkupElement) -> [Substring] {
        element.classNames.filter { isV2Root($0) }
    }

    private static func isV2Root(_ token: Substring) -> Bool {
        token.hasPrefix("h-") && token.count > 2 && token.dropFirst(2).allSatisfy { ($0.isLetter && $0.isLowercase) || $0 == "-" }
    }

    static func isItemRoot(_ element: MarkupElement) -> Bool {
        element.classNames.contains { isV2Root($0) || v1Roots.contains(String($0)) }
    }

    static func propertyNames(of element: MarkupElement, in version: Version) -> [String] {
        var names: [String] = []
        for token in element.classNames {
            switch version {
            case .v2:
                for prefix in ["p-", "u-", "dt-", "e-"] where token.hasPrefix(prefix) && token.count > prefix.count {
                    names.append(String(token.dropFirst(prefix.count)))
                }
            case .v1:
                if let name = v1Properties[String(token)] { names.append(name) }
            }
        }
        return names
    }

    // MARK: - Reading properties

    func properties(named name: String) -> [Property] {
        properties.filter { $0.names.contains(name) }
    }

    /// The first non-empty text value among `names`, in the order given.
    func text(_ names: String...) -> String? {
        for name in names {
            for property in properties(named: name) {
                if let value = Self.textValue(of: property), !value.isEmpty { return value }
            }
        }
        return nil
    }

    /// Every non-empty text value of `name`, in document order.
    func texts(_ name: String) -> [(value: String, element: MarkupElement)] {
        properties(named: name).compactMap { property in
            guard let value = Self.textValue(of: property), !value.isEmpty else { return nil }
            return (value, property.element)
        }
    }

    /// The nested items given as `name` (`contact`, `experience` …).
    func items(_ name: String) -> [MicroformatItem] {
        properties(named: name).filter(\.isItem).map { MicroformatItem($0.element) }
    }

    /// A property's value as text. A nested item's value is its name if it has one (`p-org h-card`), else
    /// its text.
    static func textValue(of property: Property) -> String? {
        if property.isItem, let name = MicroformatItem(property.element).text("name"), !name.isEmpty {
            return name
        }
        return textValue(of: property.element)
    }

    /// The value-class pattern first (`<span class="value">`, `value-title`), then the attribute a
    /// microformats parser reads (`abbr[title]`, `data[value]`, `img[alt]`), then the visible text.
    static func textValue(of element: MarkupElement) -> String? {
        let parts = valueClassParts(of: element)
        if !parts.isEmpty { return collapseWhitespace(parts.joined()) }
        switch element.name {
        case "abbr":
            if let title = element.attribute("title"), !title.isEmpty { return collapseWhitespace(title) }
        case "data", "input", "meter":
            if let value = element.attribute("value"), !value.isEmpty { return collapseWhitespace(value) }
        case "img", "area":
            if let alt = element.attribute("alt"), !alt.isEmpty { return collapseWhitespace(alt) }
        default:
            break
        }
        let text = element.text
        return text.isEmpty ? nil : text
    }

    /// The machine value of a date property: value-class parts, `time[datetime]`, `abbr[title]`,
    /// `data[value]`, then the visible text.
    static func dateValue(of element: MarkupElement) -> String? {
        let parts = valueClassParts(of: element)
        if !parts.isEmpty {
            // Date and time may be split over parts ("2009-01-18", "10:00"); the date is the one that parses.
            return parts.first { StructuredValues.date($0) != nil } ?? parts[0]
        }
        switch element.name {
        case "time", "ins", "del":
            if let value = element.attribute("datetime"), !value.isEmpty { return value }
        case "abbr":
            if let value = element.attribute("title"), !value.isEmpty { return value }
        case "data", "input":
            if let value = element.attribute("value"), !value.isEmpty { return value }
        default:
            break
        }
        return element.text
    }

    /// A URL property's value: `href`, `src`, `data`, `value`, else the text.
    static func urlValue(of element: MarkupElement) -> String? {
        for attribute in ["href", "src", "data", "value"] {
            if let value = element.attribute(attribute), !value.isEmpty { return value }
        }
        let text = element.text
        return text.isEmpty ? nil : text
    }

    /// Values of the value-class pattern directly below `element` (not inside nested items).
    private static func valueClassParts(of element: MarkupElement) -> [String] {
        var parts: [String] = []
        var stack: [MarkupElement] = element.children.reversed()
        while let current = stack.popLast() {
            if current.isHidden && !current.hasClass("value-title") { continue }
            if current.hasClass("value-title"), let title = current.attribute("title") {
                parts.append(title)
                continue
            }
            if current.hasClass("value") {
                switch current.name {
                case "img", "area": parts.append(current.attribute("alt") ?? current.text)
                case "data": parts.append(current.attribute("value") ?? current.text)
                case "abbr": parts.append(current.attribute("title") ?? current.text)
                case "time", "ins", "del": parts.append(current.attribute("datetime") ?? current.text)
                default: parts.append(current.text)
                }
                continue
            }
            if isItemRoot(current) { continue }
            stack.append(contentsOf: current.children.reversed())
        }
        return parts
    }
}
