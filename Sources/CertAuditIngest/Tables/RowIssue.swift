/// Why a row cannot enter the estate: the column it is in and what is wrong.
struct RowIssue: Error, Sendable {
    let column: Int?
    let reason: String
}
