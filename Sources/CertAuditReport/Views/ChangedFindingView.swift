/// A finding new or resolved since the last run (`partials/changes`, `{{#changedFindings}}`); the
/// certificate and place are empty when it has none, since the template prints them.
struct ChangedFindingView {
    let change: String
    let severity: String
    let rule: String
    let certificate: String
    /// The resource, else the package.
    let place: String
    let firstSeen: String

    init(_ finding: ReportChanges.Finding) {
        change = finding.change
        severity = finding.severity
        rule = finding.rule
        certificate = finding.certificate ?? ""
        place = finding.resource ?? finding.package ?? ""
        firstSeen = finding.firstSeen
    }
}
