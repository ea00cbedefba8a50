import CertAuditCore

/// One step of a package's reconciliation walk: a ledger row, or the return of a lapsed transfer
/// (which the ledger holds no row for), with the running balance after it.
public struct LedgerStep: Sendable, Hashable {
    public enum Effect: Sendable, Hashable {
        case credit, debit
        /// A lapsed transfer's held points coming back, 300 minutes after the transfer.
        case lapseReturn
    }

    /// When the step happens: the row's `at`, or the lapse time for a return.
    public var at: Instant
    /// The row; for a lapse return, the `transfer_out` whose points return.
    public var entry: LedgerEntry
    public var effect: Effect
    /// The package's balance after this step.
    public var balance: Points

    public init(at: Instant, entry: LedgerEntry, effect: Effect, balance: Points) {
        self.at = at
        self.entry = entry
        self.effect = effect
        self.balance = balance
    }

    /// The balance just before this step.
    public var balanceBefore: Points {
        switch effect {
        case .credit, .lapseReturn: balance - entry.points
        case .debit: balance + entry.points
        }
    }
}
