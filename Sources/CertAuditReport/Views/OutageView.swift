internal import Mustache

/// One outage in the table under the calendar (`partials/calendar`, `{{#outages}}`).
struct OutageView: MustacheParent {
    let date: String
    let resourceType: String
    let resource: String
    let certificate: String
    let causes: [String]
    let underWay: Bool

    /// Each property by its name, as `Mirror` would find it, without making a mirror per lookup
    /// (`MustacheViewTests` holds the names to the properties).
    func child(named name: String) -> Any? {
        switch name {
        case "date": date
        case "resourceType": resourceType
        case "resource": resource
        case "certificate": certificate
        case "causes": causes
        case "underWay": underWay
        default: nil
        }
    }
}
