/// The shown findings of one severity (`partials/findings`, `{{#findingGroups}}`).
struct FindingGroupView {
    let severity: String
    let count: Int
    let findings: [FindingView]
}
