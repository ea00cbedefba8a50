/// Where a field's value goes inside its row's element in `report.xml`.
///
/// The XML renderer writes a row's attributes first, then its other fields in their described order
/// (the CSV's column order is free).
public enum XMLPlacement: Sendable, Hashable {
    /// An attribute of the row's element: `<finding rule="…">`.
    case attribute(String)
    /// A child element holding the value as text: `<subject>…</subject>`.
    case element(String)
    /// A child element holding the value as text, with fixed attributes:
    /// `<fingerprint algorithm="sha256">…</fingerprint>`.
    case elementWithFixedAttribute(String, attribute: String, value: String)
    /// An attribute of a child element that consecutive fields share: `<key algorithm="…" bits="…"/>`.
    /// The child element is written when at least one of its attributes has a value.
    case childAttribute(element: String, attribute: String)
    /// The row element's own text: `<finding …>message</finding>`.
    case text
    /// One child element per item of a repeated field: `<san type="dns">…</san>`.
    case children(String)

    /// The child element this placement writes, if any (consecutive `.childAttribute` fields of the
    /// same element share one).
    public var childElement: String? {
        switch self {
        case .attribute, .text: nil
        case .element(let name), .elementWithFixedAttribute(let name, _, _), .children(let name): name
        case .childAttribute(let element, _): element
        }
    }
}

extension XMLPlacement {
    /// Whether the XML writer reads the field as one text (the CSV cell's text too): every placement
    /// but a repeated field's, whose XML is its items.
    var isReadAsText: Bool {
        if case .children = self { return false }
        return true
    }
}
