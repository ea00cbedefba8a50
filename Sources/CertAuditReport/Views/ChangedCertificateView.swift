/// A certificate added, removed or renewed since the last run (`partials/changes`,
/// `{{#changedCertificates}}`). `previousID` is nil, and so absent to the template's
/// `{{#previousID}}`, unless a renewal replaced a certificate of another ID.
struct ChangedCertificateView {
    let change: String
    let id: String
    let previousID: String?

    init(_ certificate: ReportChanges.Certificate) {
        change = certificate.change
        id = certificate.id
        previousID = certificate.previousID.flatMap { $0 == certificate.id ? nil : $0 }
    }
}
