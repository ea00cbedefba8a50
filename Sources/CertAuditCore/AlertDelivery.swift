/// One receiver and channel an alert goes to, and whether it can arrive there (NOTIFY-CHANNELS:
/// SMS needs a number, email an address, WeChat a verified account).
public struct AlertDelivery: Sendable, Hashable, Comparable {
    public var receiver: String
    public var channel: String
    public var deliverable: Bool

    public init(receiver: String, channel: String, deliverable: Bool) {
        self.receiver = receiver
        self.channel = channel
        self.deliverable = deliverable
    }

    public static func < (lhs: AlertDelivery, rhs: AlertDelivery) -> Bool {
        (lhs.receiver, lhs.channel) < (rhs.receiver, rhs.channel)
    }
}
