/// One week's bar of the expiry chart (`partials/chart`, `{{#bars}}`).
struct ExpiryBarView {
    let x: Int
    let y: Int
    let height: Int
    let width: Int
    /// The week's first day, `YYYY-MM-DD`.
    let start: String
    let count: Int
}
