import CertAuditCore

/// When one alert policy fires for one certificate (RULES.md §0): on the first date whose days to
/// expiry are below (`<`) or at most (`<=`) the threshold, then — for a repeating policy — every N
/// hours, counted from 00:00 of that date, through the expiry date.
struct AlertSchedule {
    let policy: AlertPolicyRecord
    /// The certificate's expiry date (the local date of its notAfter).
    let expiry: LocalDate

    /// The first date the policy fires on, not before `start`; nil when it never does.
    func firstFiring(from start: LocalDate) -> LocalDate? {
        let threshold = Int64(policy.thresholdDays)
        let crossing = policy.comparison == .below ? expiry - threshold + 1 : expiry - threshold
        let date = max(crossing, start)
        return date <= expiry ? date : nil
    }

    /// The days in `start ... end` the policy fires on, and how many times on each; nil when it
    /// fires on none of them.
    func firingDays(from start: LocalDate, through end: LocalDate) -> AlertFiringDays? {
        guard let first = firstFiring(from: start) else { return nil }
        return AlertFiringDays(first: first, last: min(expiry, end), repeats: policy.repeats)
    }
}
