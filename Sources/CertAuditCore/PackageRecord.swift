/// One accepted row of `packages.csv`: a prepaid entitlement-point package (PTS-PACKAGE).
public struct PackageRecord: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case usable
        case inTransfer = "in_transfer"
        case expired
        case usedUp = "used_up"
        case refunded
    }

    public enum Source: String, Sendable, Hashable, CaseIterable {
        case purchase, transfer, recharge
    }

    public var line: Int
    public var id: String
    public var name: String?
    public var accountID: String?
    public var totalPoints: Points?
    /// The console's figure at the as-of time; PTS-RECONCILE compares it with the ledger.
    public var remainingPoints: Points?
    public var expiresAt: Instant?
    public var status: Status?
    public var source: Source?
    public var acquiredAt: Instant?

    public init(line: Int, id: String) {
        self.line = line
        self.id = id
    }
}
