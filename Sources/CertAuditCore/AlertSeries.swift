/// One alert policy watching one certificate: what every `alert` event of theirs has in common, and
/// the days they fall on (the timeline keeps it once, however many days the policy fires).
public struct AlertSeries: Sendable, Hashable {
    public var certificateID: String
    /// The policy's ID and deliveries, in one box every series of the policy shares: 40 bytes a
    /// series, not 56, and a large estate has millions of series (some 1.6 million at a million
    /// certificates), held from the simulation to the last report.
    public var routing: OutOfLine<AlertRouting>
    public var days: AlertFiringDays

    public var policyID: String { routing.value.policyID }
    /// Each receiver and channel the policy's alerts go to, by receiver then channel (the order the
    /// reports list them in: the simulation sorts them once per policy).
    public var deliveries: [AlertDelivery] { routing.value.deliveries }

    public init(certificateID: String, routing: OutOfLine<AlertRouting>, days: AlertFiringDays) {
        self.certificateID = certificateID
        self.routing = routing
        self.days = days
    }

    /// A series with a routing box of its own (the simulation shares one per policy).
    public init(certificateID: String, policyID: String, deliveries: [AlertDelivery], days: AlertFiringDays) {
        self.init(
            certificateID: certificateID,
            routing: OutOfLine(AlertRouting(policyID: policyID, deliveries: deliveries)), days: days)
    }
}
