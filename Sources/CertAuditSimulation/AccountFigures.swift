import CertAuditCore

/// An account's money and usable points on one date of the simulation.
public struct AccountFigures: Sendable, Hashable {
    public var date: LocalDate
    /// nil when the account's balance is not known (no readable accounts.csv row).
    public var balance: Money?
    /// The points left in its usable packages.
    public var points: Points

    public init(date: LocalDate, balance: Money?, points: Points) {
        self.date = date
        self.balance = balance
        self.points = points
    }
}
