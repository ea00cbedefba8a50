/// One event of a timeline day (`{{#events}}`). Texts the template prints are empty when the event
/// has none, with a `has…` flag beside them for the template to test.
struct TimelineEventView {
    let kind: String
    /// The certificate, else the account.
    let subject: String
    let resource: String
    let hasResource: Bool
    let amount: String
    let hasAmount: Bool
    let detail: String
    let hasDetail: Bool
}
