/// An alert policy's ID, where its alerts go (each receiver and channel, deliverable or not) and how
/// they repeat: what every series of the policy has in common, held once per policy and shared by
/// its series (`AlertSeries.routing`).
public struct AlertRouting: Sendable, Hashable {
    public var policyID: String
    /// By receiver then channel (the order the reports list them in).
    public var deliveries: [AlertDelivery]
    /// As `AlertFiringDays` holds it: every this many hours, 0 for once.
    let hours: Int32

    public var repeats: AlertPolicyRecord.Repeat { AlertFiringDays.repeats(hours: hours) }

    public init(policyID: String, deliveries: [AlertDelivery], repeats: AlertPolicyRecord.Repeat) {
        self.policyID = policyID
        self.deliveries = deliveries
        hours = AlertFiringDays.hours(of: repeats)
    }
}
