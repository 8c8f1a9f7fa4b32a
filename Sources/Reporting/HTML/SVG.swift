import Plot

/// Plot has no SVG vocabulary. SVG shapes get their own context so they can only be placed inside an
/// `svg(…)` element, and HTML elements cannot be dropped inside a chart by mistake.
enum SVGContext {}
typealias SVGNode = Node<SVGContext>

extension Node where Context == SVGContext {
    static func rect(x: Double, y: Double, width: Double, height: Double, _ nodes: SVGNode...) -> SVGNode {
        .element(named: "rect", nodes: [
            number("x", x), number("y", y), number("width", max(0, width)), number("height", max(0, height)),
        ] + nodes)
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, _ nodes: SVGNode...) -> SVGNode {
        .element(named: "line", nodes: [number("x1", x1), number("y1", y1), number("x2", x2), number("y2", y2)] + nodes)
    }

    static func path(_ data: String, _ nodes: SVGNode...) -> SVGNode {
        .element(named: "path", nodes: [.attribute(named: "d", value: data)] + nodes)
    }

    /// A text label. (`text` is Plot's name for a text node, hence `label`.)
    static func label(_ value: String, x: Double, y: Double, anchor: String = "start", _ nodes: SVGNode...) -> SVGNode {
        .element(named: "text", nodes: [number("x", x), number("y", y), .attribute(named: "text-anchor", value: anchor)]
            + nodes + [safeText(value)])
    }

    static func group(class className: String, _ nodes: [SVGNode]) -> SVGNode {
        .element(named: "g", nodes: [.attribute(named: "class", value: className)] + nodes)
    }

    /// A tooltip and accessible name for the shape it is placed in.
    static func tooltip(_ value: String) -> SVGNode {
        .element(named: "title", nodes: [safeText(value)])
    }

    static func svgClass(_ name: String) -> SVGNode { .attribute(named: "class", value: name) }
    static func fill(_ colour: String) -> SVGNode { .attribute(named: "fill", value: colour) }

    static func number(_ name: String, _ value: Double) -> SVGNode {
        .attribute(named: name, value: HTMLNumber.coordinate(value), ignoreIfValueIsEmpty: false)
    }
}

extension Node where Context: HTML.BodyContext {
    /// An inline SVG image: `role="img"`, a `<title>` as its accessible name and a `<desc>` with the data
    /// in words, so a screen reader gets the numbers the picture shows. Scales with its container. No
    /// `xmlns`: inline SVG in HTML does not need it, and the page then holds no URL at all.
    static func svg(id: String, width: Double, height: Double, title: String, description: String, class className: String, _ nodes: [SVGNode]) -> Node {
        .element(named: "svg", nodes: [
            .attribute(named: "class", value: className),
            .attribute(named: "viewBox", value: "0 0 \(HTMLNumber.coordinate(width)) \(HTMLNumber.coordinate(height))"),
            .attribute(named: "role", value: "img"),
            .attribute(named: "aria-labelledby", value: "\(id)-title"),
            .attribute(named: "aria-describedby", value: "\(id)-desc"),
            .element(named: "title", nodes: [.attribute(named: "id", value: "\(id)-title"), safeText(title)]),
            .element(named: "desc", nodes: [.attribute(named: "id", value: "\(id)-desc"), safeText(description)]),
        ] + nodes)
    }
}
