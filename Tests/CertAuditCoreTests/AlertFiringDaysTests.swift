import CertAuditCore
import Testing

/// `AlertFiringDays` works out a series' firings from its span and repeat with a formula; these
/// tests hold it to a model written as plainly as possible: walk the instants, hour by hour from
/// 00:00 of the first day, and count those that fall on each day of the span.
struct AlertFiringDaysTests {
    /// The firings by the plain model: `once` is the first day; every N hours is each instant 0, N,
    /// 2N, … hours after 00:00 of the first day that falls before the end of the last day, counted
    /// on the day it falls on.
    static func plainFirings(_ days: AlertFiringDays) -> [(date: LocalDate, times: Int)] {
        guard case .everyHours(let hours) = days.repeats else { return [(days.first, 1)] }
        var counts: [(date: LocalDate, times: Int)] = []
        let span = Int(days.last - days.first) + 1
        var hour = 0
        while hour < 24 * span {
            let date = days.first + Int64(hour / 24)
            if counts.last?.date == date {
                counts[counts.count - 1].times += 1
            } else {
                counts.append((date, 1))
            }
            hour += hours
        }
        return counts
    }

    @Test func firingsAndCountAgreeWithThePlainModel() {
        let first = LocalDate(year: 2026, month: 11, day: 28)!
        var checked = 0
        for repeats in [
            AlertPolicyRecord.Repeat.once, .everyHours(1), .everyHours(5), .everyHours(7), .everyHours(23),
            .everyHours(24), .everyHours(25), .everyHours(48), .everyHours(100), .everyHours(1_000),
        ] {
            for span in 0..<70 {
                let days = AlertFiringDays(first: first, last: first + Int64(span), repeats: repeats)!
                let expected = Self.plainFirings(days)
                let firings = days.firings
                #expect(firings.map(\.date) == expected.map(\.date), "\(repeats) \(span)")
                #expect(firings.map(\.times) == expected.map(\.times), "\(repeats) \(span)")
                #expect(days.count == expected.count, "\(repeats) \(span)")
                // Every day of the span, and the days either side of it.
                for offset in -2...(span + 2) {
                    let date = first + Int64(offset)
                    let times = expected.first { $0.date == date }?.times ?? 0
                    #expect(days.times(onDay: date.daysSinceEpoch) == times, "\(repeats) \(span) \(offset)")
                }
                checked += 1
            }
        }
        #expect(checked == 10 * 70)
    }

    @Test func aSpanEndingBeforeItStartsNeverFires() {
        let first = LocalDate(year: 2026, month: 11, day: 28)!
        #expect(AlertFiringDays(first: first, last: first - 1, repeats: .everyHours(24)) == nil)
        // A policy that fires once fires on its first day only, whatever the span.
        let once = AlertFiringDays(first: first, last: first + 30, repeats: .once)!
        #expect(once.count == 1 && once.last == first && once.times(onDay: (first + 1).daysSinceEpoch) == 0)
    }
}
