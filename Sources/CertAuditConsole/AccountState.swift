import CertAuditCore

/// What the console holds for one account at an instant: its balance in fen, drawn by charges in
/// date order, and the first time a charge could not be covered (the account's shortfall).
public struct AccountState: Sendable, Hashable {
    public var balanceFen: Int64
    /// The first charge the balance could not cover.
    public var firstShortfallAt: Instant?

    public init(balanceFen: Int64, firstShortfallAt: Instant? = nil) {
        self.balanceFen = balanceFen
        self.firstShortfallAt = firstShortfallAt
    }

    /// The balance accounts.csv states (at the as-of time).
    /// Nil when its balance did not parse (INV-BAD-VALUE): charges on it cannot be checked.
    public init?(_ record: AccountRecord) {
        guard let balance = record.balanceFen else { return nil }
        self.init(balanceFen: balance)
    }

    /// What a charge of `amountFen` is now: drawn when the balance covers it (down to zero),
    /// refused otherwise.
    public func charge(_ amountFen: Int64) -> AccountEvent {
        amountFen <= balanceFen ? .charged(fen: amountFen) : .chargeRefused(fen: amountFen)
    }

    /// The state after `event` happened at `instant`. A refused charge draws nothing.
    public func applying(_ event: AccountEvent, at instant: Instant) -> AccountState {
        var next = self
        switch event {
        case .charged(let fen):
            next.balanceFen -= fen
        case .chargeRefused:
            if next.firstShortfallAt == nil { next.firstShortfallAt = instant }
        }
        return next
    }
}
