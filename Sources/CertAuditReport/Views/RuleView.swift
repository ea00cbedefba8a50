/// One entry of the rule reference (`partials/rules`, `{{#rules}}`).
struct RuleView {
    let id: String
    let title: String
    let severity: String
    let citation: String
    let sources: [RuleSourceView]
    let summary: String
    let status: String
    let statusNote: String
    let hasStatusNote: Bool
}
