/// A calendar date with no time zone: the unit of every "N days before expiry" in RULES.md §0.
public struct LocalDate: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 in the proleptic Gregorian calendar.
    public let daysSinceEpoch: Int64

    public init(daysSinceEpoch: Int64) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// Returns nil for an impossible date such as 2026-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
            day <= LocalDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.daysSinceEpoch = LocalDate.daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day))
    }

    public var components: (year: Int, month: Int, day: Int) {
        LocalDate.civilFromDays(daysSinceEpoch)
    }

    /// ISO 8601, `2026-11-28`. Years 0–9999 are written digit by digit into the string's own
    /// storage (the reports write millions of dates); any other year is padded to four digits.
    public var description: String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else {
            return "\(LocalDate.pad(y, 4))-\(LocalDate.pad(m, 2))-\(LocalDate.pad(d, 2))"
        }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            buffer.writeDigits(of: y, endingAt: 3, width: 4)
            buffer[4] = UInt8(ascii: "-")
            buffer.writeDigits(of: m, endingAt: 6, width: 2)
            buffer[7] = UInt8(ascii: "-")
            buffer.writeDigits(of: d, endingAt: 9, width: 2)
            return 10
        }
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (daysSinceEpoch + 3) % 7
        return Int(r < 0 ? r + 7 : r) + 1
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    public static func + (lhs: LocalDate, days: Int64) -> LocalDate {
        LocalDate(daysSinceEpoch: lhs.daysSinceEpoch + days)
    }

    public static func - (lhs: LocalDate, days: Int64) -> LocalDate {
        LocalDate(daysSinceEpoch: lhs.daysSinceEpoch - days)
    }

    public static func - (lhs: LocalDate, rhs: LocalDate) -> Int64 {
        lhs.daysSinceEpoch - rhs.daysSinceEpoch
    }

    /// The same day `months` calendar months later (earlier when negative), clamped to the end of a
    /// shorter month: 2025-01-31 plus one month is 2025-02-28.
    public func adding(months: Int) -> LocalDate {
        let (year, month, day) = components
        let index = year * 12 + (month - 1) + months
        // Floor division in integers (years before 0 included): no floating point in date arithmetic.
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        let newDay = min(day, LocalDate.daysInMonth(year: newYear, month: newMonth))
        return LocalDate(year: newYear, month: newMonth, day: newDay)!
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date.
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400), Int(m), Int(d))
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }
}
