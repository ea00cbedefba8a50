/// One finding as a list item of `partials/findings`. The acceptance's texts are empty when there
/// is none: the template prints them, and a missing name would be looked up in an outer context.
struct FindingView {
    let rule: String
    let severity: String
    let message: String
    /// Whether the rule reference has an entry to link to.
    let hasRule: Bool
    let details: [HTMLDetail]
    let isNew: Bool
    let accepted: Bool
    let lapsed: Bool
    let acceptedBy: String
    let acceptedUntil: String
    let acceptanceReason: String
}
