/// What only some kinds of timeline event carry: an account or a package, money or points, an
/// alert's policy, count and receivers. `TimelineEvent` keeps it out of line, and none at all when
/// every field is empty.
struct TimelineEventParticulars: Sendable, Hashable {
    var accountID: String?
    var packageID: String?
    var amountFen: Int64?
    var points: Int?
    var policyID: String?
    var times: Int?
    var deliveries: [AlertDelivery] = []

    /// Nothing to keep.
    var isEmpty: Bool { self == TimelineEventParticulars() }
}
