import CertAuditCore

/// One month of the renewal forecast for one account under one successor-validity policy
/// (`forecast.csv`, finance.html).
public struct ReportForecastMonth: Sendable, Hashable {
    /// `YYYY-MM`.
    public var month: String
    public var account: String
    /// `cabf` or `one-year`.
    public var policy: String
    public var renewals: Int
    /// Renewals whose cost could not be checked (no account or price row; uploaded-hosting orders,
    /// paid when hosting was configured).
    public var unpriced: Int
    public var amount: Money
    public var points: Points

    public init(
        month: String, account: String, policy: String, renewals: Int, unpriced: Int, amount: Money, points: Points
    ) {
        self.month = month
        self.account = account
        self.policy = policy
        self.renewals = renewals
        self.unpriced = unpriced
        self.amount = amount
        self.points = points
    }
}
