extension MarkupElement {
    /// HTML elements that start a new line when rendered.
    public static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
        "caption", "center", "option", "legend",
    ]

    /// The visible text as a reader sees it, one entry per rendered line: split at block elements and
    /// `<br>`, whitespace collapsed, empty lines dropped, each with the source line where it starts.
    /// Hidden text is left out. Works without recursion however deep the markup.
    public var visibleLines: [MarkupText] {
        var lines: [MarkupText] = []
        var buffer = ""
        var bufferLine = 0
        func flush() {
            let text = collapseWhitespace(buffer)
            if !text.isEmpty { lines.append(MarkupText(value: text, line: bufferLine)) }
            buffer = ""
            bufferLine = 0
        }
        // (node index, entering?) pairs; exits are pushed before children so blocks close after them.
        var stack: [(Int32, Bool)] = [(Int32(index), true)]
        let nodes = tree.nodes
        while let (current, entering) = stack.popLast() {
            let node = nodes[Int(current)]
            if !entering {
                flush()
                continue
            }
            switch node.kind {
            case .text:
                if !node.isHidden {
                    let text = tree.string(ofText: Int(node.text))
                    if bufferLine == 0 && !text.allSatisfy(\.isWhitespace) {
                        // A text node's line is where it starts; its words may sit a few newlines later.
                        let leadingNewlines = text.prefix(while: \.isWhitespace).filter { $0 == "\n" || $0 == "\r\n" }.count
                        bufferLine = node.line > 0 ? Int(node.line) + leadingNewlines : 0
                    }
                    buffer += text
                }
            case .element, .document:
                let name = tree.names[Int(node.name)]
                let isBlock = Int(current) != index && Self.blockElements.contains(name)
                if isBlock {
                    flush()
                    stack.append((current, false))
                } else if name == "td" || name == "th" {
                    buffer += " "
                }
                var children: [Int32] = []
                var child = node.firstChild
                while child >= 0 {
                    children.append(child)
                    child = nodes[Int(child)].nextSibling
                }
                for child in children.reversed() { stack.append((child, true)) }
            }
        }
        flush()
        return lines
    }
}
