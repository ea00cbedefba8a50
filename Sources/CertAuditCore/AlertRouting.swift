/// An alert policy's ID and where its alerts go (each receiver and channel, deliverable or not):
/// what every series of the policy has in common, held once per policy and shared by its series
/// (`AlertSeries.routing`).
public struct AlertRouting: Sendable, Hashable {
    public var policyID: String
    /// By receiver then channel (the order the reports list them in).
    public var deliveries: [AlertDelivery]

    public init(policyID: String, deliveries: [AlertDelivery]) {
        self.policyID = policyID
        self.deliveries = deliveries
    }
}
