/// The days one alert series fires on, and how many times on each (RULES.md §0): its first firing
/// date, then — for a repeating policy — every N hours counted from 00:00 of that date, through its
/// last date (the expiry, or the horizon's end). A day fires as many times as those instants fall in
/// it, so a policy repeating less often than daily skips days.
///
/// Held in place of one entry per firing: at 100,000 certificates the timeline's 1.4 million alerts
/// were 156,000 series of a few days to a month each, and their firings, 12 bytes apiece, were 17 MB
/// (170 MB at a million) that these 12 bytes a series describe as well (a series keeps the two
/// days, its policy's routing the hours: `AlertSeries`).
public struct AlertFiringDays: Sendable, Hashable {
    /// Days since 1970-01-01 (a `LocalDate`'s `daysSinceEpoch`).
    let firstDay: Int32
    let lastDay: Int32
    /// Every this many hours; 0 for a policy that fires once.
    let hours: Int32

    /// `first` through `last` (a single day for a policy that fires once); nil when `last` is before
    /// `first` (the series never fires).
    public init?(first: LocalDate, last: LocalDate, repeats: AlertPolicyRecord.Repeat) {
        guard first <= last else { return nil }
        firstDay = Int32(first.daysSinceEpoch)
        switch repeats {
        case .once:
            lastDay = firstDay
        case .everyHours:
            lastDay = Int32(last.daysSinceEpoch)
        }
        hours = Self.hours(of: repeats)
    }

    /// The days as `AlertSeries` keeps them (the hours in its policy's routing).
    init(firstDay: Int32, lastDay: Int32, hours: Int32) {
        (self.firstDay, self.lastDay, self.hours) = (firstDay, lastDay, hours)
    }

    /// `repeats` as held: every this many hours (at least 1), 0 for once.
    static func hours(of repeats: AlertPolicyRecord.Repeat) -> Int32 {
        switch repeats {
        case .once: 0
        case .everyHours(let every): Int32(clamping: max(1, every))
        }
    }

    static func repeats(hours: Int32) -> AlertPolicyRecord.Repeat { hours == 0 ? .once : .everyHours(Int(hours)) }

    public var first: LocalDate { LocalDate(daysSinceEpoch: Int64(firstDay)) }
    public var last: LocalDate { LocalDate(daysSinceEpoch: Int64(lastDay)) }
    public var repeats: AlertPolicyRecord.Repeat { Self.repeats(hours: hours) }

    /// How many times the series fires on the day `daysSinceEpoch` (0: not that day).
    public func times(onDay daysSinceEpoch: Int64) -> Int {
        guard Int64(firstDay) <= daysSinceEpoch, daysSinceEpoch <= Int64(lastDay) else { return 0 }
        guard hours > 0 else { return 1 }
        let day = Int(daysSinceEpoch - Int64(firstDay))
        let every = Int(hours)
        return Self.ceilingDivision(24 * (day + 1), every) - Self.ceilingDivision(24 * day, every)
    }

    /// How many days it fires on: every day of its span for a policy repeating at least daily, else
    /// one day per instant (no two instants more than a day apart share a day).
    public var count: Int {
        let days = Int(lastDay - firstDay) + 1
        return hours <= 24 ? days : Self.ceilingDivision(24 * days, Int(hours))
    }

    /// Each day it fires on, with how many times, in date order.
    public var firings: [(date: LocalDate, times: Int)] {
        (Int64(firstDay)...Int64(lastDay)).compactMap { day in
            let times = times(onDay: day)
            return times > 0 ? (LocalDate(daysSinceEpoch: day), times) : nil
        }
    }

    static func ceilingDivision(_ value: Int, _ divisor: Int) -> Int { (value + divisor - 1) / divisor }
}
