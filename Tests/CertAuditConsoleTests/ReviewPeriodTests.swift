import CertAuditConsole
import CertAuditCore
import Testing

/// REV-DURATION in working days, counted as RULES.md §0 says: the start day never counts.
struct ReviewPeriodTests {
    @Test func durationsByProductAndEstimate() {
        #expect(ReviewEstimate.worst.workingDays(for: .dv) == 1)
        #expect(ReviewEstimate.typical.workingDays(for: .dvFree) == 1)
        #expect(ReviewEstimate.worst.workingDays(for: nil) == 1)
        #expect(ReviewEstimate.worst.workingDays(for: .ov) == 5)
        #expect(ReviewEstimate.typical.workingDays(for: .ovPro) == 3)
        #expect(ReviewEstimate.worst.workingDays(for: .evPro) == 7)
        #expect(ReviewEstimate.typical.workingDays(for: .ev) == 5)
    }

    @Test func aDVReviewStartedOnFridayEndsOnMonday() {
        // Friday 2026-11-27: Saturday and Sunday do not count, Monday 2026-11-30 is the first working day.
        let review = ReviewPeriod(of: .dv, startingOn: day(2026, 11, 27), estimate: .worst, calendar: WorkingCalendar())
        #expect(review == ReviewPeriod(start: day(2026, 11, 27), end: day(2026, 11, 30)))
        // An OV review from the same Friday, worst case 5: Mon 30, Tue 1, Wed 2, Thu 3, Fri 4 December.
        let ov = ReviewPeriod(of: .ov, startingOn: day(2026, 11, 27), estimate: .worst, calendar: WorkingCalendar())
        #expect(ov.end == day(2026, 12, 4))
    }

    @Test func aReviewStartedOnTheEveOfAHolidayWaitsForItsEnd() {
        // Tuesday 2025-09-30, the eve of National Day: 1–8 October are holidays, Thursday 9 October
        // is the first working day after it.
        let dv = ReviewPeriod(of: .dv, startingOn: day(2025, 9, 30), estimate: .worst, calendar: nationalDay2025)
        #expect(dv.end == day(2025, 10, 9))
        // OV worst case, 5: Thu 9 (1), Fri 10 (2), Saturday 11 worked (3), Mon 13 (4), Tue 14 (5).
        let ov = ReviewPeriod(of: .ov, startingOn: day(2025, 9, 30), estimate: .worst, calendar: nationalDay2025)
        #expect(ov.end == day(2025, 10, 14))
        // OV typical, 3: the third is the make-up Saturday 11 October.
        let typical = ReviewPeriod(of: .ov, startingOn: day(2025, 9, 30), estimate: .typical, calendar: nationalDay2025)
        #expect(typical.end == day(2025, 10, 11))
    }

    @Test func aReviewAcrossAMakeUpWorkdayCountsIt() {
        // Friday 2025-09-26: Saturday 27 is off, Sunday 28 is a make-up workday, so a DV review ends then.
        let dv = ReviewPeriod(of: .dv, startingOn: day(2025, 9, 26), estimate: .worst, calendar: nationalDay2025)
        #expect(dv.end == day(2025, 9, 28))
        // EV worst case, 7: Sun 28 (1), Mon 29 (2), Tue 30 (3), holidays 1–8, Thu 9 (4), Fri 10 (5),
        // Sat 11 worked (6), Mon 13 (7).
        let ev = ReviewPeriod(of: .ev, startingOn: day(2025, 9, 26), estimate: .worst, calendar: nationalDay2025)
        #expect(ev.end == day(2025, 10, 13))
        // Without the schedule, weekdays only: Mon 29, Tue 30, Wed 1, Thu 2, Fri 3, Mon 6, Tue 7 October.
        let plain = ReviewPeriod(of: .ev, startingOn: day(2025, 9, 26), estimate: .worst, calendar: WorkingCalendar())
        #expect(plain.end == day(2025, 10, 7))
    }

    @Test func aReviewCoversItsFirstThroughItsLastDay() {
        let review = ReviewPeriod(start: day(2026, 11, 27), end: day(2026, 11, 30))
        #expect(!review.covers(day(2026, 11, 26)))
        #expect(review.covers(day(2026, 11, 27)))
        #expect(review.covers(day(2026, 11, 30)))
        #expect(!review.covers(day(2026, 12, 1)))
    }
}
