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

    /// Each date in `start ... end` the policy fires on, with how many times it fires that day.
    func firings(from start: LocalDate, through end: LocalDate) -> [(date: LocalDate, times: Int)] {
        guard let first = firstFiring(from: start), first <= end else { return [] }
        switch policy.repeats {
        case .once:
            return [(first, 1)]
        case .everyHours(let hours):
            var result: [(date: LocalDate, times: Int)] = []
            var date = first
            while date <= min(expiry, end) {
                let day = Int(date - first)
                let times = Self.ceilingDivision(24 * (day + 1), hours) - Self.ceilingDivision(24 * day, hours)
                if times > 0 { result.append((date, times)) }
                date = date + 1
            }
            return result
        }
    }

    /// At least as many as `firings(from:through:)` gives, found without making them: one a day
    /// from the first firing through the expiry or `end` (`.once`: one). A large estate's firings
    /// array is reserved at this size: grown by doubling, it held the old and the new storage at once,
    /// the simulation's peak.
    func firingCountBound(from start: LocalDate, through end: LocalDate) -> Int {
        guard let first = firstFiring(from: start), first <= end else { return 0 }
        switch policy.repeats {
        case .once: return 1
        case .everyHours: return Int(min(expiry, end) - first) + 1
        }
    }

    static func ceilingDivision(_ value: Int, _ divisor: Int) -> Int { (value + divisor - 1) / divisor }
}
