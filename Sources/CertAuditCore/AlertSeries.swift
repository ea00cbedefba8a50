/// One alert policy watching one certificate: what every `alert` event of theirs has in common, and
/// the days they fall on (the timeline keeps it once, however many days the policy fires).
public struct AlertSeries: Sendable, Hashable {
    public var certificateID: String
    public var policyID: String
    /// Each receiver and channel the policy's alerts go to, by receiver then channel (the order the
    /// reports list them in: the simulation sorts them once per policy).
    public var deliveries: [AlertDelivery]
    public var days: AlertFiringDays

    public init(certificateID: String, policyID: String, deliveries: [AlertDelivery], days: AlertFiringDays) {
        self.certificateID = certificateID
        self.policyID = policyID
        self.deliveries = deliveries
        self.days = days
    }
}
