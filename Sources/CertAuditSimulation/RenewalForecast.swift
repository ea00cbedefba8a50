import CertAuditCore

/// What renewals will cost, month by month and account by account, under both successor-validity
/// policies (issue 9: "the lifetime schedule's cost"): the same estate simulated with successors
/// capped by the CA/Browser Forum's schedule (`cabf`) and with the console's one year; the
/// difference is what the shrinking lifetimes (ballot SC-081) cost this organisation.
///
/// Decisions: a renewal is a successful auto-renewal charge or an uploaded-hosting order; an order
/// was paid when hosting was configured (UPH-PRODUCT), and a charge without an account or price row
/// could not be checked: both count as renewals with no known cost (`unpriced`). Money and points
/// are summed exactly (fen, whole points).
public struct RenewalForecast: Sendable {
    public struct Month: Sendable, Hashable, Comparable {
        /// `YYYY-MM`.
        public var month: String
        public var accountID: String
        public var policy: SuccessorValidityPolicy
        public var renewals: Int
        public var unpriced: Int
        public var amount: Money
        public var points: Points

        public static func < (lhs: Month, rhs: Month) -> Bool {
            (lhs.month, lhs.accountID, lhs.policy.rawValue) < (rhs.month, rhs.accountID, rhs.policy.rawValue)
        }
    }

    /// Every (month, account, policy) with at least one renewal, in order.
    public let months: [Month]
    /// The months covered: the as-of month through the last month of the forecast horizon.
    public let firstMonth: String
    public let lastMonth: String

    /// Days the forecast covers: 36 months from the as-of date, or the run's horizon if longer.
    public static func horizonDays(from start: LocalDate, runHorizon: Int) -> Int {
        max(runHorizon, Int(start.adding(months: 36) - start))
    }

    /// The events that are renewals: a charge (paid or not priced) and an uploaded-hosting order; the
    /// forecast's simulations keep no other kind.
    static let countedKinds: Set<TimelineEventKind> = [.renewalCharge, .uphOrderSubmitted]

    /// Simulates `estate` under both policies over the forecast horizon (without alerts, which cost
    /// nothing), one policy after the other, and sums the renewals by month. `progress` is told the
    /// days simulated so far, the second policy's counted after the first's (a million certificates'
    /// forecast takes some 12 s: the terminal shows it as a stage of its own).
    ///
    /// One after the other, never side by side: a simulation holds about a kilobyte a certificate
    /// while it runs; two at once saved 0.2–0.7 s at 100,000 for 30 MB more at the peak.
    public static func make(
        _ estate: Estate, settings: AuditSettings, progress: @escaping StageProgress.Report = StageProgress.ignore
    ) -> RenewalForecast {
        var forecastSettings = settings
        forecastSettings.horizonDays = horizonDays(from: settings.asOfDate, runHorizon: settings.horizonDays)
        let policies = SuccessorValidityPolicy.allCases
        let days = forecastSettings.horizonDays
        let counter = ProgressCounter(.forecast, total: days * policies.count, unit: "days", report: progress)
        let simulations = policies.enumerated().map { index, policy in
            var policySettings = forecastSettings
            policySettings.successorValidity = policy
            return (
                policy,
                Simulator.run(
                    estate, settings: policySettings, alerts: false, keeping: countedKinds, explaining: false,
                    progress: { counter.advance(to: index * days + $0.done) }
                ).events
            )
        }
        var months: [String: Month] = [:]
        for (policy, events) in simulations {
            for event in events {
                let month = String(event.date.description.prefix(7))
                let account = event.accountID ?? ""
                let key = "\(month)|\(account)|\(policy.rawValue)"
                var entry =
                    months[key]
                    ?? Month(
                        month: month, accountID: account, policy: policy, renewals: 0, unpriced: 0, amount: .zero,
                        points: .zero)
                entry.renewals += 1
                if let fen = event.amountFen {
                    entry.amount = entry.amount + Money(fen: fen)
                } else if let points = event.points {
                    entry.points = entry.points + Points(Int64(points))
                } else {
                    entry.unpriced += 1
                }
                months[key] = entry
            }
        }
        let last = settings.asOfDate + Int64(forecastSettings.horizonDays)
        return RenewalForecast(
            months: months.values.sorted(), firstMonth: String(settings.asOfDate.description.prefix(7)),
            lastMonth: String(last.description.prefix(7)))
    }

    /// Renewals, cost and points under one policy, summed over every account and month.
    public func total(_ policy: SuccessorValidityPolicy) -> (
        renewals: Int, unpriced: Int, amount: Money, points: Points
    ) {
        months.filter { $0.policy == policy }.reduce((0, 0, Money.zero, Points.zero)) {
            ($0.0 + $1.renewals, $0.1 + $1.unpriced, $0.2 + $1.amount, $0.3 + $1.points)
        }
    }
}
