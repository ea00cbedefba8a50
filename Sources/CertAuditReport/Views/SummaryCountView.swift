/// One summary card (`partials/summary`, `{{#summary}}`): the count's machine name, its words for
/// people, and its value.
struct SummaryCountView {
    let name: String
    let label: String
    let value: Int
}
