import CertAuditCore

extension Certificate {
    /// The console says the certificate is no longer meant to be served (expired, revoked, cancelled
    /// or refunded): findings about its expiry matter less unless something still serves it.
    public var isRetired: Bool { record.status.map(CertificateState.retired.contains) ?? false }

    /// The first day it is served expired (RULES.md §0): the local date of the first second after
    /// its effective expiry (its own notAfter, or the earliest in its served chain).
    public func outageDate(in zone: RunTimeZone) -> LocalDate? { effectiveExpiry.map { zone.localDate(of: $0 + 1) } }

    /// The notBefore of the leaf, or the inventory's issue time for a row without a bundle.
    public var notBefore: Instant? { leafNotBefore ?? record.issuedAt }
}

extension CertificateState {
    /// An order still in review, with no certificate issued yet: validating, pending submission
    /// or letter, DNS record added, or being cancelled.
    public static let inReview: Set<CertificateState> = [
        .validating, .pendingSubmission, .pendingLetter, .dnsAutoAdded, .cancelling,
    ]

    /// An order that ended: revoked, cancelled, refunded, validation failed, or expired.
    public static let ended: Set<CertificateState> = [.revoked, .cancelled, .refunded, .validationFailed, .expired]

    /// A certificate the console no longer means to be served: expired, revoked, cancelled or refunded.
    public static let retired: Set<CertificateState> = [.expired, .revoked, .cancelled, .refunded]

    /// A revocation was requested and is not finished: the certificate can no longer be downloaded
    /// or deployed (RVK-EFFECT).
    public static let revocationRequested: Set<CertificateState> = [.revoking, .pendingRevocationLetter]
}

extension CertificateRecord {
    /// Whether the brand is `name`, ignoring letter case (`wotrus` = `WoTrus`).
    public func hasBrand(_ name: String) -> Bool { brand?.lowercased() == name.lowercased() }

    /// The platform validates the domain without the user: its DNS is hosted here (DNSPod), or
    /// `verify_type` is `DNS_AUTO`.
    public var validatesAutomatically: Bool { dnsOnPlatform == true || verifyType == .dnsAuto }

    /// OV, OV Pro, EV or EV Pro: organisation-validated products that need letters and reviews.
    public var isOrganisationValidated: Bool {
        switch product {
        case .ov?, .ovPro?, .ev?, .evPro?: true
        default: false
        }
    }

    /// A free DV certificate (`DV_FREE`, or `free` on a DV row).
    public var isFreeDV: Bool { product == .dvFree || (free == true && (product == .dv || product == nil)) }
}
