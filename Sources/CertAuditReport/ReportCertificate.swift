/// One certificate as every report shows it (`<certificate>`, a row of `inventory.csv`).
///
/// Fields that only a bundle can tell (subject, issuer, serial, not-before, fingerprint, key,
/// signature, SANs) are nil or empty for a certificate without a bundle; not-after is then the
/// inventory's claim, and the chain is `not-checked` with length 0.
public struct ReportCertificate: Sendable, Hashable {
    public var id: String
    public var alias: String?
    public var source: String
    public var type: String
    public var standard: String
    public var status: String?
    public var brand: String?
    public var product: String?
    /// The console project the certificate belongs to (certificates.csv `project`).
    public var project: String?
    public var subject: String?
    public var issuer: String?
    public var serial: String?
    public var notBefore: String?
    public var notAfter: String?
    /// `notBefore` and `notAfter` as seconds since 1970 (the metrics' gauges; the texts are for people).
    public var notBeforeSeconds: Int64? = nil
    public var notAfterSeconds: Int64? = nil
    /// Natural days from the as-of date to the effective expiry (the chain's earliest expiry).
    public var daysToExpiry: Int64?
    public var fingerprint: String?
    public var key: ReportKey?
    public var signatureAlgorithm: String?
    public var sans: [ReportSAN]
    public var chainStatus: String
    public var chainLength: Int
    public var resources: [ReportBoundResource]
}
