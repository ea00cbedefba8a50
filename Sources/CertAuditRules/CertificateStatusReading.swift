import CertAuditCore

extension Certificate {
    /// The console says the certificate is no longer meant to be served (expired, revoked, cancelled
    /// or refunded): findings about its expiry matter less unless something still serves it.
    var isRetired: Bool {
        switch record.status {
        case .expired, .revoked, .cancelled, .refunded: true
        default: false
        }
    }

    /// The notBefore of the leaf, or the inventory's issue time for a row without a bundle.
    var notBefore: Instant? { leaf?.notBefore ?? record.issuedAt }
}
