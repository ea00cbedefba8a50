import CertAuditCore

/// What `certaudit inspect` shows for one file: every certificate's facts in file order, which one
/// is the leaf, the key's status and the chain's verdict — or why the file cannot be read.
public struct FileInspection: Sendable, Hashable {
    public let path: String
    public let bundle: BundleFacts?
    /// Certificates in file order, leaf included.
    public let certificates: [CertificateFacts]
    public let leafIndex: Int?
    /// Labels of other PEM blocks in the file (`X509 CRL`, `CERTIFICATE REQUEST`, …).
    public let otherBlocks: [String]
    public let error: BundleError?
}
