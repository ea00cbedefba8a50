internal import Mustache

/// One event of a timeline day (`{{#events}}`). Texts the template prints are empty when the event
/// has none, with a `has…` flag beside them for the template to test.
struct TimelineEventView: MustacheParent {
    let kind: String
    /// The certificate, else the account.
    let subject: String
    let resource: String
    let hasResource: Bool
    let amount: String
    let hasAmount: Bool
    let detail: String
    let hasDetail: Bool

    /// Each property by its name, as `Mirror` would find it, without making a mirror per lookup
    /// (`MustacheViewTests` holds the names to the properties).
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "subject": subject
        case "resource": resource
        case "hasResource": hasResource
        case "amount": amount
        case "hasAmount": hasAmount
        case "detail": detail
        case "hasDetail": hasDetail
        default: nil
        }
    }
}
