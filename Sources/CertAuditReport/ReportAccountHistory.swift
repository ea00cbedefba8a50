import CertAuditCore

/// One account's money and usable points over the horizon, as the simulation predicts them
/// (finance.html's charts): the figures at the as-of date and after every change.
public struct ReportAccountHistory: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        /// Days after the as-of date.
        public var day: Int
        public var date: String
        /// nil when the balance is not known.
        public var balance: Money?
        public var points: Points
    }

    public var account: String
    public var points: [Point]
}
