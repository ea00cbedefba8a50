/// One accepted row of `points_ledger.csv`: a movement of points on one package.
public struct LedgerEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case purchase, consume
        case transferOut = "transfer_out"
        case transferIn = "transfer_in"
        case recharge
        case transferCancel = "transfer_cancel"
        case expire, refund

        /// Credits the package (spec/INPUTS.md's ledger arithmetic); the others debit it.
        public var credits: Bool {
            switch self {
            case .purchase, .recharge, .transferIn, .transferCancel, .refund: true
            case .consume, .transferOut, .expire: false
            }
        }
    }

    public enum TransferStatus: String, Sendable, Hashable, CaseIterable {
        case pending, redeemed, expired
    }

    public var line: Int
    public var at: Instant
    public var packageID: String
    public var kind: Kind
    public var points: Points
    public var counterparty: String?
    public var code: String?
    public var certificateID: String?
    public var transferStatus: TransferStatus?

    public init(line: Int, at: Instant, packageID: String, kind: Kind, points: Points) {
        self.line = line
        self.at = at
        self.packageID = packageID
        self.kind = kind
        self.points = points
    }
}
