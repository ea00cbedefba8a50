import CertAuditConsole
import CertAuditCore
import Testing

/// AR-SUCCESSOR-VALIDITY under both policies, with the dates worked out by hand.
struct SuccessorValidityTests {
    @Test func theSeedsWorkedExampleUnderOneYear() {
        // RULES.md: old expires 2021-11-01, successor issued 2021-10-01 → valid until 2022-11-01.
        let until = SuccessorValidityPolicy.oneYear.validUntil(oldExpiry: day(2021, 11, 1), issuedOn: day(2021, 10, 1))
        #expect(until == day(2022, 11, 1))
    }

    @Test func theSeedsWorkedExampleUnderCABFIsNotCapped() {
        // Issued 2021-10-01: the 398-day stage (from 2020-09-01). 2021-10-01 → 2022-10-01 is 365 days,
        // → 2022-11-01 31 more: 396 days apart, so 2021-10-01 through 2022-11-01 is 397 days of
        // validity, within 398. The cap (the last allowed day) is 2021-10-01 + 397 = 2022-11-02.
        let until = SuccessorValidityPolicy.cabf.validUntil(oldExpiry: day(2021, 11, 1), issuedOn: day(2021, 10, 1))
        #expect(until == day(2022, 11, 1))
    }

    @Test func cabfCapsAnEarlyIssueAt398Days() {
        // Same old expiry, issued 2021-09-01: one year later (2022-11-01) would be 426 days after the
        // issue (30 days of September, 31 of October, then 365), 427 of validity. 398 days of validity
        // end 397 days after the issue: September 29 remaining + 31 + 30 + 31 = 121 → 2021-12-31,
        // +276 → 2022-10-03 (January 31, February 28, March 31, April 30, May 31, June 30, July 31,
        // August 31, September 30 = 273 → 2022-09-30, +3).
        let issued = day(2021, 9, 1)
        #expect(
            SuccessorValidityPolicy.oneYear.validUntil(oldExpiry: day(2021, 11, 1), issuedOn: issued)
                == day(2022, 11, 1))
        #expect(
            SuccessorValidityPolicy.cabf.validUntil(oldExpiry: day(2021, 11, 1), issuedOn: issued) == day(2022, 10, 3))
    }

    @Test func cabfCapsASuccessorIssuedIn2026At200Days() {
        // Old expiry 2026-12-30, issued Monday 2026-11-30 (the 200-day stage, from 2026-03-15): one
        // year would be 2027-12-30. 200 days of validity end 199 days after the issue: 31 days →
        // 2026-12-31, then January 31, February 28, March 31, April 30, May 31 = 151 → 2027-05-31,
        // +17 → 2027-06-17.
        let issued = day(2026, 11, 30)
        #expect(
            SuccessorValidityPolicy.oneYear.validUntil(oldExpiry: day(2026, 12, 30), issuedOn: issued)
                == day(2027, 12, 30))
        #expect(
            SuccessorValidityPolicy.cabf.validUntil(oldExpiry: day(2026, 12, 30), issuedOn: issued) == day(2027, 6, 17))
    }

    @Test func theStageIsTheOneInForceOnTheIssueDate() {
        // Issued 2027-03-14: still 200 days (end 199 days later: 2027-09-29). Issued 2027-03-15: 100
        // days (end 99 days later: March 16 remaining + 30 + 31 = 77 → 2027-05-31, +22 → 2027-06-22).
        let policy = SuccessorValidityPolicy.cabf
        #expect(policy.validUntil(oldExpiry: day(2027, 4, 1), issuedOn: day(2027, 3, 14)) == day(2027, 9, 29))
        #expect(policy.validUntil(oldExpiry: day(2027, 4, 1), issuedOn: day(2027, 3, 15)) == day(2027, 6, 22))
        #expect(ValidityStage.stage(on: day(2020, 8, 31)) == nil)
        #expect(ValidityStage.stage(on: day(2029, 3, 15))?.maximumDays == 47)
    }

    @Test func oneYearAfterALeapDayIsTheLastOfFebruary() {
        let until = SuccessorValidityPolicy.oneYear.validUntil(oldExpiry: day(2024, 2, 29), issuedOn: day(2024, 2, 1))
        #expect(until == day(2025, 2, 28))
    }

    @Test func thePoliciesAreNamedAsTheOptionWillSpellThem() {
        #expect(SuccessorValidityPolicy(rawValue: "cabf") == .cabf)
        #expect(SuccessorValidityPolicy(rawValue: "one-year") == .oneYear)
        #expect(SuccessorValidityPolicy.allCases.count == 2)
    }
}
