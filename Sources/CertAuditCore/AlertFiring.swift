/// One day an `AlertSeries` fires on, in 12 bytes: a large estate's timeline is mostly these
/// (1.4 million of 1.6 million events at 100,000 certificates), so they are not held as events.
public struct AlertFiring: Sendable, Hashable {
    /// The series' place in `Timeline`'s alerts.
    public var series: Int32
    /// The date, as days since 1970-01-01 (a `LocalDate`'s `daysSinceEpoch`).
    public var day: Int32
    /// How many times the policy fires that day.
    public var times: Int32

    public init(series: Int, date: LocalDate, times: Int) {
        self.series = Int32(series)
        day = Int32(date.daysSinceEpoch)
        self.times = Int32(times)
    }

    public var date: LocalDate { LocalDate(daysSinceEpoch: Int64(day)) }
}
