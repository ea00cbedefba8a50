import CertAuditCore

/// Something that happens to one certificate (or order) in the console: a request someone makes,
/// or what auto-renewal and the CA do. `CertificateConsoleState.applying(_:at:)` says what each
/// changes; whether it may happen at all is the rules' question, not the transition's.
public enum CertificateEvent: Sendable, Hashable {
    /// Auto-renewal switched on (whether it can still charge is AR-ENABLE-WINDOW's question).
    case autoRenewSwitchedOn
    case autoRenewSwitchedOff
    /// Messages about the certificate ignored: none is sent from then on (MSG-IGNORE).
    case messagesIgnored
    case messagesFollowed
    /// A reissue was requested; the CA reviews it during `review` (REV-DURATION).
    case reissueRequested(review: ReviewPeriod)
    /// A revocation was requested: the certificate is `revoking` until the CA revokes it.
    case revocationRequested
    case revoked
    case deleted
    /// Auto-renewal charged the account for the successor (AR-CHARGE-DATE).
    case renewalCharged
    /// The charge could not be covered: auto-renewal stops for this certificate (AR-CHARGE-FAILED).
    case renewalChargeFailed
    /// The order that succeeds this certificate was created (AR-SUCCESSOR, UPH-AUTO-SUBMIT).
    case successorCreated(id: String)
    /// The CA issued the order: a certificate in force until `notAfter`.
    case issued(notAfter: Instant)
    /// The domain was not validated in time: the order failed (AR-VALIDATION, UPH-VALIDATION).
    case validationFailed
}
