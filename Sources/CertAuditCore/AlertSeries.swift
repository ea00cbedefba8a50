/// One alert policy watching one certificate: what every `alert` event of theirs has in common, and
/// the days they fall on (the timeline keeps it once, however many days the policy fires).
public struct AlertSeries: Sendable, Hashable {
    public var certificateID: String
    /// The policy's ID, deliveries and repeat, in one box every series of the policy shares: 32
    /// bytes a series, not 56, and a large estate has millions of series (some 1.6 million at a
    /// million certificates), held from the simulation to the last report.
    public private(set) var routing: OutOfLine<AlertRouting>
    /// The first and last days of `days`, whose repeat is the policy's (`routing`).
    private var firstDay: Int32
    private var lastDay: Int32

    public var days: AlertFiringDays {
        AlertFiringDays(firstDay: firstDay, lastDay: lastDay, hours: routing.value.hours)
    }

    public var policyID: String { routing.value.policyID }
    /// Each receiver and channel the policy's alerts go to, by receiver then channel (the order the
    /// reports list them in: the simulation sorts them once per policy).
    public var deliveries: [AlertDelivery] { routing.value.deliveries }

    /// `days` must repeat as the routing's policy does.
    public init(certificateID: String, routing: OutOfLine<AlertRouting>, days: AlertFiringDays) {
        precondition(days.hours == routing.value.hours, "a series repeats as its policy does")
        self.certificateID = certificateID
        self.routing = routing
        (firstDay, lastDay) = (days.firstDay, days.lastDay)
    }

    /// A series with a routing box of its own (the simulation shares one per policy).
    public init(certificateID: String, policyID: String, deliveries: [AlertDelivery], days: AlertFiringDays) {
        self.init(
            certificateID: certificateID,
            routing: OutOfLine(AlertRouting(policyID: policyID, deliveries: deliveries, repeats: days.repeats)),
            days: days)
    }
}
