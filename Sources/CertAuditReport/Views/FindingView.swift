internal import Mustache

/// One finding as a list item of `partials/findings`. The acceptance's texts are empty when there
/// is none: the template prints them, and a missing name would be looked up in an outer context.
struct FindingView: MustacheParent {
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

    /// Each property by its name, as `Mirror` would find it, without making a mirror per lookup
    /// (`MustacheViewTests` holds the names to the properties).
    func child(named name: String) -> Any? {
        switch name {
        case "rule": rule
        case "severity": severity
        case "message": message
        case "hasRule": hasRule
        case "details": details
        case "isNew": isNew
        case "accepted": accepted
        case "lapsed": lapsed
        case "acceptedBy": acceptedBy
        case "acceptedUntil": acceptedUntil
        case "acceptanceReason": acceptanceReason
        default: nil
        }
    }
}
