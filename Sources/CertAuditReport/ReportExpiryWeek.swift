/// Certificates whose effective expiry falls in one week of the horizon: one bar of the chart.
public struct ReportExpiryWeek: Sendable, Hashable {
    /// The week's first day, `YYYY-MM-DD` (the as-of date plus 7 × index).
    public var start: String
    public var count: Int
}
