import CertAuditCore

/// One step of the CA/Browser Forum's validity schedule (BR 6.3.2, ballot SC-081): certificates
/// issued (notBefore) on or after `from` may be valid for at most `maximumDays`, and SHOULD be valid
/// for at most one day less.
public struct ValidityStage: Sendable, Hashable {
    public let from: LocalDate
    public let maximumDays: Int64

    public var recommendedDays: Int64 { maximumDays - 1 }

    /// The schedule, oldest first. Dates are UTC calendar dates, as the BR states them.
    public static let schedule: [ValidityStage] = [
        ValidityStage(from: LocalDate(year: 2020, month: 9, day: 1)!, maximumDays: 398),
        ValidityStage(from: LocalDate(year: 2026, month: 3, day: 15)!, maximumDays: 200),
        ValidityStage(from: LocalDate(year: 2027, month: 3, day: 15)!, maximumDays: 100),
        ValidityStage(from: LocalDate(year: 2029, month: 3, day: 15)!, maximumDays: 47),
    ]

    /// The stage in force for a certificate issued at `notBefore` (its UTC date, as the BR dates an
    /// issue), or nil before the schedule starts.
    public static func stage(issuedAt notBefore: Instant) -> ValidityStage? { stage(on: notBefore.utcDate) }

    /// The stage in force for a certificate issued on `date`, or nil before the schedule starts.
    public static func stage(on date: LocalDate) -> ValidityStage? { schedule.last { $0.from <= date } }

    /// Validity in days as BR 6.3.2 counts it: notBefore through notAfter inclusive (so the span is
    /// notAfter − notBefore + 1 second), a day is 86,400 seconds and any part of a day counts whole.
    public static func validityDays(notBefore: Instant, notAfter: Instant) -> Int64 {
        let seconds = notAfter - notBefore + 1
        guard seconds > 0 else { return 0 }
        return (seconds + Instant.secondsPerDay - 1) / Instant.secondsPerDay
    }
}
