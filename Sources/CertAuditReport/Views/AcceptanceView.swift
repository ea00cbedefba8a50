/// One row of accepted.csv (`partials/acceptances`, `{{#acceptances}}`), with the findings it names.
struct AcceptanceView {
    let line: Int
    let status: String
    /// The finding key, else the rule and certificate it names.
    let names: String
    let acceptedBy: String
    let until: String
    let reason: String
    let matches: Int
}
