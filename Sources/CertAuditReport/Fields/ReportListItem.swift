/// One item of a repeated field: a child element with its attributes and text in the XML
/// (`<san type="dns">a.example</san>`); its field says how it reads in the CSV (`dns:a.example`).
public struct ReportListItem: Sendable, Hashable {
    /// The child element's attributes, in order; nil values are omitted.
    public let attributes: [Attribute]
    /// The child element's text, if it has any.
    public let text: String?

    public init(_ attributes: [Attribute], text: String? = nil) {
        self.attributes = attributes
        self.text = text
    }

    /// An attribute's value by name (`""` when absent), for a field's CSV format.
    public subscript(_ name: String) -> String {
        attributes.first { $0.name == name }?.value ?? ""
    }

    /// One attribute of a list item's element.
    public struct Attribute: Sendable, Hashable {
        public let name: String
        public let value: String?

        public init(_ name: String, _ value: String?) {
            self.name = name
            self.value = value
        }
    }
}
