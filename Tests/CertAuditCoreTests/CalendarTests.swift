import Foundation
import Testing

@testable import CertAuditCore

struct CalendarTests {
    @Test func daysFromCivilRoundTripsAcrossCenturiesAndLeapDays() {
        for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let date = LocalDate(daysSinceEpoch: days)
            let (y, m, d) = date.components
            #expect(LocalDate(year: y, month: m, day: d) == date)
        }
        #expect(LocalDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2100, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2026, month: 2, day: 30) == nil)
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
    }

    /// The description writes years 0–9999 digit by digit and pads any other: both against a plain
    /// model (each component zero-padded, a minus sign before a negative year), either side of year 0
    /// and of 9999.
    @Test func descriptionIsZeroPaddedISO8601() {
        func plain(_ date: LocalDate) -> String {
            func padded(_ value: Int, _ width: Int) -> String {
                let digits = String(value.magnitude)
                return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            let (y, m, d) = date.components
            return "\(padded(y, 4))-\(padded(m, 2))-\(padded(d, 2))"
        }
        let ends = [LocalDate(year: 0, month: 1, day: 1)!, LocalDate(year: 9999, month: 12, day: 31)!]
        for days in stride(from: Int64(-800_000), through: 3_000_000, by: 997).map({ $0 })
            + ends.flatMap({ [$0.daysSinceEpoch - 1, $0.daysSinceEpoch, $0.daysSinceEpoch + 1] })
        {
            let date = LocalDate(daysSinceEpoch: days)
            #expect(date.description == plain(date))
        }
        #expect(LocalDate(year: 2026, month: 3, day: 7)?.description == "2026-03-07")
    }

    /// `adding(months:)` against a plain model: step one month at a time, then clamp the day to the
    /// month's length (2024-01-31 + 1 month = 2024-02-29), forward and back, across year 0.
    /// (Foundation's calendar is no oracle here: Julian before 1582, and this toolchain's gives
    /// 2088-03-30 − 25 months = 2086-03-01 instead of 2086-02-28.)
    @Test func addingMonthsAgreesWithAPlainModel() throws {
        func plain(_ date: LocalDate, _ months: Int) -> LocalDate? {
            var (year, month, day) = date.components
            for _ in 0..<abs(months) {
                month += months > 0 ? 1 : -1
                if month == 13 { (year, month) = (year + 1, 1) }
                if month == 0 { (year, month) = (year - 1, 12) }
            }
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return LocalDate(year: year, month: month, day: min(day, lengths[month - 1]))
        }
        for days in stride(from: Int64(-760_000), through: 300_000, by: 1_009) {
            let date = LocalDate(daysSinceEpoch: days)
            for months in [-1_200, -25, -13, -12, -1, 0, 1, 11, 12, 24, 36, 1_200] {
                #expect(date.adding(months: months) == plain(date, months), "\(date) + \(months) months")
            }
        }
    }

    @Test func weekdays() {
        #expect(LocalDate(year: 2026, month: 11, day: 27)?.isoWeekday == 5)  // a Friday
        #expect(LocalDate(year: 1969, month: 12, day: 28)?.isoWeekday == 7)  // a Sunday before the epoch
    }

    @Test func shanghaiShowsAZuluEndOfDayAsTheNextMorning() {
        let zone = RunTimeZone.shanghai
        let notAfter = RunTimeZone.utc.instant(
            of: LocalDate(year: 2025, month: 2, day: 25)!, hour: 23, minute: 59, second: 59)
        #expect(zone.iso8601(notAfter) == "2025-02-26T07:59:59+08:00")
        #expect(zone.localDate(of: notAfter) == LocalDate(year: 2025, month: 2, day: 26))
        #expect(RunTimeZone.utc.iso8601(notAfter) == "2025-02-25T23:59:59Z")
    }

    @Test func localTimesConvertBackToInstants() {
        let zone = RunTimeZone.shanghai
        let instant = zone.instant(of: LocalDate(year: 2026, month: 11, day: 28)!, hour: 7, minute: 59, second: 59)
        #expect(instant.description == "2026-11-27T23:59:59Z")
    }

    @Test func daylightSavingZonesUseTheOffsetInForce() {
        let zone = RunTimeZone(identifier: "Europe/Berlin")!
        let summer = zone.instant(of: LocalDate(year: 2026, month: 7, day: 1)!, hour: 12)
        let winter = zone.instant(of: LocalDate(year: 2026, month: 1, day: 1)!, hour: 12)
        #expect(zone.iso8601(summer) == "2026-07-01T12:00:00+02:00")
        #expect(zone.iso8601(winter) == "2026-01-01T12:00:00+01:00")
    }

    /// `iso8601` writes its digits into the string's storage; the plain model below builds the same
    /// text from `Foundation`'s own offset and formatting, for instants across centuries (and before
    /// 1970), in zones east and west, with half- and three-quarter-hour offsets and daylight saving.
    @Test(arguments: ["UTC", "GMT", "Asia/Shanghai", "America/St_Johns", "Asia/Kathmandu", "Europe/Berlin"])
    func iso8601AgreesWithAPlainModel(_ identifier: String) {
        let zone = RunTimeZone(identifier: identifier)!
        let foundationZone = TimeZone(identifier: identifier)!
        func plain(_ instant: Instant) -> String {
            let date = Date(timeIntervalSince1970: TimeInterval(instant.secondsSinceEpoch))
            let offset = foundationZone.secondsFromGMT(for: date)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = foundationZone
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let text = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!,
                parts.minute!, parts.second!)
            if offset == 0 && identifier == "UTC" { return text + "Z" }
            return text
                + String(format: "%@%02d:%02d", offset < 0 ? "-" : "+", abs(offset) / 3600, abs(offset) / 60 % 60)
        }
        for seconds in stride(from: Int64(-2_000_000_000), through: 4_000_000_000, by: 7_777_777) {
            let instant = Instant(secondsSinceEpoch: seconds)
            #expect(zone.iso8601(instant) == plain(instant), "\(seconds) s in \(identifier)")
        }
    }

    @Test func daysToExpiryCountsLocalCalendarDays() {
        let settings = AuditSettings(
            asOf: RunTimeZone.shanghai.instant(of: LocalDate(year: 2026, month: 11, day: 28)!, hour: 23))
        let tomorrowMorning = RunTimeZone.shanghai.instant(of: LocalDate(year: 2026, month: 11, day: 29)!, hour: 1)
        #expect(settings.daysToExpiry(tomorrowMorning) == 1)
        #expect(settings.daysToExpiry(settings.asOf) == 0)
        #expect(settings.daysToExpiry(settings.asOf + (-2 * 86_400)) == -2)
    }

    @Test func severitiesAreOrdered() {
        #expect(Severity.allCases.sorted() == [.info, .low, .medium, .high, .critical])
    }

    @Test func findingsSortMostSevereFirst() {
        let low = Finding(ruleID: RuleID(rawValue: "B"), severity: .low, message: "x")
        let high = Finding(ruleID: RuleID(rawValue: "Z"), severity: .high, message: "x")
        let highA = Finding(ruleID: RuleID(rawValue: "A"), severity: .high, message: "x")
        #expect([low, high, highA].sorted() == [highA, high, low])
    }
}
