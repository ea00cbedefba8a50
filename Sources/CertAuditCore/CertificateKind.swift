/// `SVR` (a server certificate) or `CA` (a CA certificate uploaded for mutual TLS).
public enum CertificateKind: String, Sendable, Hashable, CaseIterable {
    case server = "SVR"
    case ca = "CA"
}
