import CertAuditCore

/// Where a `transfer_out` stands at the as-of time (spec/INPUTS.md's ledger arithmetic): what decides
/// whether its points are still gone from the package.
public enum TransferStanding: Sendable, Hashable {
    /// Made less than 300 minutes ago and not redeemed: the points are held (a debit until it lapses).
    case held
    /// The receiver redeemed the code: the points left the package for good.
    case redeemed
    /// Not redeemed within 300 minutes: the held points returned at `returnedAt` (the ledger holds no
    /// row for the return). `transfer_status` `expired`, or `pending` 300 minutes or more ago.
    case lapsed(returnedAt: Instant)
    /// A `transfer_cancel` row with the same code on the same package recorded the return: the
    /// transfer stays a debit and the cancel is the credit.
    case cancelled(by: LedgerEntry)

    /// How long a transfer code stays valid (PTS-TRANSFER).
    public static let codeValiditySeconds: Int64 = 300 * 60

    /// The standing of `transfer` at `asOf`, given the cancel recorded for its code, if any. A recorded
    /// cancel wins over a lapse: counting both would return the points twice (PTS-TRANSFER reports the
    /// contradiction). A transfer with no status is taken as pending.
    public static func of(_ transfer: LedgerEntry, cancel: LedgerEntry?, asOf: Instant) -> TransferStanding {
        if let cancel { return .cancelled(by: cancel) }
        let lapseTime = transfer.at + codeValiditySeconds
        switch transfer.transferStatus {
        case .redeemed: return .redeemed
        case .expired: return .lapsed(returnedAt: lapseTime)
        case .pending, nil: return lapseTime <= asOf ? .lapsed(returnedAt: lapseTime) : .held
        }
    }
}
