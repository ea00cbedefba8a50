/// A certificate's state in the console, with the API's numeric codes.
public enum CertificateState: String, Sendable, Hashable, CaseIterable {
    case validating
    case issued
    case validationFailed = "validation_failed"
    case expired
    case dnsAutoAdded = "dns_auto_added"
    case pendingSubmission = "pending_submission"
    case cancelling
    case cancelled
    case pendingLetter = "pending_letter"
    case revoking
    case revoked
    case reissuing
    case pendingRevocationLetter = "pending_revocation_letter"
    case refunded
    case migrating

    /// The API's numeric `Status` codes (spec/INPUTS.md); 5 and 13 are both pending submission.
    public init?(apiCode: Int) {
        let table: [Int: CertificateState] = [
            0: .validating, 1: .issued, 2: .validationFailed, 3: .expired, 4: .dnsAutoAdded,
            5: .pendingSubmission, 13: .pendingSubmission, 6: .cancelling, 7: .cancelled,
            8: .pendingLetter, 9: .revoking, 10: .revoked, 11: .reissuing, 12: .pendingRevocationLetter,
            14: .refunded, 15: .migrating,
        ]
        guard let state = table[apiCode] else { return nil }
        self = state
    }
}
