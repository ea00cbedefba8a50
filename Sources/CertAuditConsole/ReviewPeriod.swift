import CertAuditCore

/// A CA's review of an order (an issue, a reissue, a successor): it starts on `start` and the
/// certificate is issued at the end of `end` (REV-DURATION, RULES.md §0).
public struct ReviewPeriod: Sendable, Hashable {
    public var start: LocalDate
    public var end: LocalDate

    public init(start: LocalDate, end: LocalDate) {
        self.start = start
        self.end = end
    }

    /// The review of a `product` order that starts on `start`: it ends on the N-th working day after
    /// it (the start never counts), N per REV-DURATION and `estimate`, working days per `calendar`.
    public init(of product: Product?, startingOn start: LocalDate, estimate: ReviewEstimate, calendar: WorkingCalendar)
    {
        self.start = start
        end = calendar.adding(workingDays: estimate.workingDays(for: product), to: start)
    }

    /// Whether the order is still under review on `date` (its first through its last day).
    public func covers(_ date: LocalDate) -> Bool { start <= date && date <= end }
}
