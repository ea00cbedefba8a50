/// Where a field's value goes inside its row's element in `report.xml`.
///
/// The XML renderer writes a row's fields in their described order; attributes must come before any
/// child element, so a section lists its `.attribute` fields first.
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
