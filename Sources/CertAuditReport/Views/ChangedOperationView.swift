/// A requested operation whose verdict changed since the last run (`partials/changes`,
/// `{{#changedOperations}}`).
struct ChangedOperationView {
    let requestedAt: String
    let kind: String
    let certificate: String
    let verdict: String
    let previousVerdict: String

    init(_ operation: ReportChanges.Operation) {
        requestedAt = operation.requestedAt
        kind = operation.kind
        certificate = operation.certificate
        verdict = operation.verdict
        previousVerdict = operation.previousVerdict
    }
}
