/// Working days (RULES.md §0): Monday to Friday, minus holidays, plus make-up working days (a weekend
/// day that is a working day, as Chinese public-holiday schedules have), from `holidays.csv`.
public struct WorkingCalendar: Sendable, Hashable {
    public let holidays: Set<LocalDate>
    public let makeUpWorkdays: Set<LocalDate>

    public init(holidays: Set<LocalDate> = [], makeUpWorkdays: Set<LocalDate> = []) {
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        if makeUpWorkdays.contains(date) { return true }
        if holidays.contains(date) { return false }
        return date.isoWeekday <= 5
    }

    /// The `count`-th working day after `start`, which itself never counts: a one-day review started
    /// on a Friday ends on Monday, one started on a Tuesday ends on Wednesday.
    public func adding(workingDays count: Int, to start: LocalDate) -> LocalDate {
        var date = start
        var remaining = count
        while remaining > 0 {
            date = date + 1
            if isWorkingDay(date) { remaining -= 1 }
        }
        return date
    }
}
