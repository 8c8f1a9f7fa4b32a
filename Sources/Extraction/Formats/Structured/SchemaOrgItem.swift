import Foundation
import Markup

/// One schema.org item read from microdata (`itemscope`, `itemtype`, `itemprop`, `itemref`) or RDFa
/// (`typeof`, `property`, `vocab`, `prefix`-style `schema:` names), the two ways HTML carries it. Both
/// become the same tree: an item has types and properties; a property's value is text or a nested item.
///
/// Values follow the microdata rules (`meta[content]`, `a[href]`, `time[datetime]`, `data[value]` …, else
/// the visible text). Text a reader cannot see is not a value: hidden elements are skipped, and a
/// machine-only value (`<meta content>`, a `content` attribute) is accepted only for dates, contact
/// details and links, never for words that are scored (titles, skills, certifications).
struct SchemaOrgItem {
    enum Value {
        case text(String)
        case item(SchemaOrgItem)
    }

    struct Property {
        /// Local names: `name`, `worksFor`, `startDate`.
        let names: [String]
        let element: MarkupElement
        let value: Value

        var text: String? {
            switch value {
            case .text(let text): return text.isEmpty ? nil : text
            case .item(let item): return item.text("name") ?? nonEmpty(item.element.text)
            }
        }

        var item: SchemaOrgItem? {
            if case .item(let item) = value { return item }
            return nil
        }
    }

    let element: MarkupElement
    /// Local type names: `Person`, `EmployeeRole`, `CollegeOrUniversity`.
    let types: [String]
    let properties: [Property]

    /// Properties whose values may come from attributes only (`<meta itemprop="startDate" content="…">`).
    static let machineValueProperties: Set<String> = [
        "startDate", "endDate", "dateCreated", "validFrom", "validUntil", "datePublished", "dateIssued", "expires",
        "email", "telephone", "url", "sameAs", "image", "birthDate", "postalCode", "addressCountry",
    ]

    // MARK: - Reading the markup

    /// Every item on the page that is not a property of another item, in document order. An item with
    /// `itemprop` but no enclosing item (the theme's `itemprop="mainEntity"` on the page's Person) is
    /// top-level too: nothing else would read it.
    static func topLevelItems(in root: MarkupElement) -> [SchemaOrgItem] {
        let idIndex = IDIndex(root)
        var items: [SchemaOrgItem] = []
        var stack: [(element: MarkupElement, insideItem: Bool)] = [(root, false)]
        while let (element, insideItem) = stack.popLast() {
            if element.isHidden { continue }
            let isItem = isItem(element)
            if isItem && (!insideItem || propertyNames(of: element).isEmpty) {
                items.append(SchemaOrgItem(element, ids: idIndex, depth: 0))
            }
            // Unattached items inside an item are still top-level, so keep looking below.
            stack.append(contentsOf: element.children.reversed().map { ($0, insideItem || isItem) })
        }
        return items
    }

    static func isItem(_ element: MarkupElement) -> Bool {
        element.attribute("itemscope") != nil || element.attribute("typeof") != nil
    }

    private init(_ element: MarkupElement, ids: IDIndex, depth: Int) {
        self.element = element
        self.types = Self.typeNames(of: element)
        var properties: [Property] = []
        // Nesting deeper than this is not a résumé; it also bounds itemref cycles.
        guard depth < 24 else {
            self.properties = []
            return
        }
        var roots: [MarkupElement] = element.children
        for reference in (element.attribute("itemref") ?? "").split(separator: " ") {
            if let referenced = ids.element(String(reference)) { roots.append(referenced) }
        }
        var stack: [MarkupElement] = roots.reversed()
        while let current = stack.popLast() {
            if current.isHidden { continue }
            let names = Self.propertyNames(of: current)
            let isItem = Self.isItem(current)
            if !names.isEmpty {
                if isItem {
                    properties.append(Property(names: names, element: current, value: .item(SchemaOrgItem(current, ids: ids, depth: depth + 1))))
                } else if let value = Self.value(of: current, names: names) {
                    properties.append(Property(names: names, element: current, value: .text(value)))
                }
            }
            // A nested item's properties are its own.
            if !isItem { stack.append(contentsOf: current.children.reversed()) }
        }
        self.properties = properties
    }

    /// `https://schema.org/Person` → `Person`; RDFa's `schema:Person` or `Person` (with `vocab`) too.
    static func typeNames(of element: MarkupElement) -> [String] {
        let raw = (element.attribute("itemtype") ?? "") + " " + (element.attribute("typeof") ?? "")
        return raw.split(separator: " ").map { localName(String($0)) }.filter { !$0.isEmpty }
    }

    static func propertyNames(of element: MarkupElement) -> [String] {
        let raw = (element.attribute("itemprop") ?? "") + " " + (element.attribute("property") ?? "")
        // `property` is also Open Graph's (`og:title`) on <meta>: only schema.org names or bare names count.
        return raw.split(separator: " ").compactMap { token -> String? in
            let text = String(token)
            if text.contains(":") && !text.hasPrefix("schema:") && !text.contains("schema.org") { return nil }
            let name = localName(text)
            return name.isEmpty ? nil : name
        }
    }

    static func localName(_ token: String) -> String {
        var name = Substring(token)
        while name.hasSuffix("/") { name = name.dropLast() }
        if let cut = name.lastIndex(where: { $0 == "/" || $0 == "#" || $0 == ":" }) {
            name = name[name.index(after: cut)...]
        }
        return String(name)
    }

    /// The microdata value of a property element; nil when a scored word is only in an attribute.
    private static func value(of element: MarkupElement, names: [String]) -> String? {
        let machineValueAllowed = names.contains { machineValueProperties.contains($0) }
        var attributeValue: String?
        switch element.name {
        case "meta": attributeValue = element.attribute("content")
        case "a", "area", "link": attributeValue = element.attribute("href")
        case "img", "audio", "video", "source", "embed", "iframe", "track": attributeValue = element.attribute("src")
        case "object": attributeValue = element.attribute("data")
        case "data", "meter": attributeValue = element.attribute("value")
        case "time": attributeValue = element.attribute("datetime")
        default: break
        }
        if let content = element.attribute("content") { attributeValue = content }
        let visible = element.text
        if machineValueAllowed, let attributeValue, !attributeValue.isEmpty {
            return attributeValue.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // Links and times show their words; meta shows none.
        return visible.isEmpty ? nil : visible
    }

    // MARK: - Reading properties

    func `is`(_ typeNames: Set<String>) -> Bool {
        types.contains { typeNames.contains($0) }
    }

    func properties(named name: String) -> [Property] {
        properties.filter { $0.names.contains(name) }
    }

    /// The first text value among `names`, in the order given.
    func text(_ names: String...) -> String? {
        for name in names {
            for property in properties(named: name) {
                if let text = property.text { return text }
            }
        }
        return nil
    }

    func texts(_ name: String) -> [(value: String, element: MarkupElement)] {
        properties(named: name).compactMap { property in property.text.map { ($0, property.element) } }
    }

    func items(_ name: String) -> [SchemaOrgItem] {
        properties(named: name).compactMap(\.item)
    }

    /// Every item below this one, depth first, for finding a Person wherever a page put it.
    var allItems: [SchemaOrgItem] {
        var result: [SchemaOrgItem] = []
        var stack: [SchemaOrgItem] = [self]
        while let current = stack.popLast() {
            result.append(current)
            stack.append(contentsOf: current.properties.compactMap(\.item).reversed())
        }
        return result
    }
}

private func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

/// Elements by `id`, for `itemref`. Built once per page.
private struct IDIndex {
    private var elements: [String: MarkupElement] = [:]

    init(_ root: MarkupElement) {
        var found: [String: MarkupElement] = [:]
        var hasReferences = false
        root.forEachDescendant { element in
            if element.attribute("itemref") != nil { hasReferences = true }
        }
        if hasReferences {
            root.forEachDescendant { element in
                if let id = element.attribute("id"), found[id] == nil { found[id] = element }
            }
        }
        elements = found
    }

    func element(_ id: String) -> MarkupElement? { elements[id] }
}
