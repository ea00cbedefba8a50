/// What metrics.prom's per-certificate gauges read of an inventory row: the values the row holds,
/// read without making the row (`ReportCertificates.gaugeFacts(at:)`).
struct CertificateGaugeFacts: Equatable {
    var id: String
    var serial: String?
    var subject: String?
    var issuer: String?
    var notBeforeSeconds: Int64?
    var notAfterSeconds: Int64?
}
