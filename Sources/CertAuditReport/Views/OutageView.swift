/// One outage in the table under the calendar (`partials/calendar`, `{{#outages}}`).
struct OutageView {
    let date: String
    let resourceType: String
    let resource: String
    let certificate: String
    let causes: [String]
    let underWay: Bool
}
