/// Where a certificate came from (`From` in the API).
public enum CertificateSource: String, Sendable, Hashable, CaseIterable {
    /// Issued by the platform.
    case issued
    /// Uploaded from a third-party CA.
    case uploaded
}
