/// What `XMLReportRenderer` writes a document through: elements, their attributes, and text, in
/// document order, every value escaped by the writer. `XMLByteWriter` is the one a report uses;
/// the tests drive libxml2's `xmlTextWriter` through the same calls to check it byte for byte.
protocol XMLElementWriter {
    /// The root element, with its default namespace.
    mutating func startRoot(_ name: String, namespace: String)
    mutating func start(_ name: String)
    mutating func end()
    /// An attribute of the element just started; nothing when the value is absent.
    mutating func attribute(_ name: String, _ value: String?)
    mutating func text(_ value: String)
    /// Whether writing has failed (a full disk): what comes after is dropped, so the renderer stops
    /// making rows at the next one instead of rendering the rest of the document for nothing.
    var hasFailed: Bool { get }
    /// `items` as `element` children of the element just started, each with its attributes and
    /// text. `memo` is the same object for every row whose items are the same list: a writer may
    /// keep its bytes there and copy them for the next such row.
    mutating func children(_ element: String, _ items: [ReportListItem], memo: XMLChildrenMemo?)
}

extension XMLElementWriter {
    /// A child element holding `value` as text; nothing when the value is absent.
    mutating func element(_ name: String, _ value: String?) {
        guard let value else { return }
        start(name)
        text(value)
        end()
    }

    /// Writes every item, as the element calls would; a writer that keeps nothing ignores `memo`.
    mutating func children(_ element: String, _ items: [ReportListItem], memo: XMLChildrenMemo?) {
        writeChildren(element, items)
    }

    /// Each item as an `element` child: its attributes, then its text.
    mutating func writeChildren(_ element: String, _ items: [ReportListItem]) {
        for item in items {
            start(element)
            for attribute in item.attributes { self.attribute(attribute.name, attribute.value) }
            if let text = item.text { self.text(text) }
            end()
        }
    }
}
