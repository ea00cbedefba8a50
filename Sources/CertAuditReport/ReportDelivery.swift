/// One receiver and channel of an alert (`<event><delivery>`), and whether it can be delivered.
public struct ReportDelivery: Sendable, Hashable {
    public var receiver: String
    public var channel: String
    public var deliverable: Bool

    public init(receiver: String, channel: String, deliverable: Bool) {
        self.receiver = receiver
        self.channel = channel
        self.deliverable = deliverable
    }
}
