import CertAuditCore

/// The first point where a package's ledger stops adding up (PTS-RECONCILE), and by how much.
public enum ReconciliationBreak: Sendable, Hashable {
    /// The running balance went below zero at this step; `balance` is how far below.
    case negativeBalance(step: LedgerStep)
    /// The row that creates the package does not equal `total_points`.
    case originalDiffers(entry: LedgerEntry, total: Points)
    /// No purchase, recharge or transfer_in creates the package.
    case noOriginal
    /// Every step adds up but the end balance is not the stated `remaining_points`.
    case remainingDiffers(ledger: Points, stated: Points)
}
