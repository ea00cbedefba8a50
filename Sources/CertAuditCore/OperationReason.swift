/// One rule's say on a requested operation: it denies it, or it allows it on a condition the
/// requester must meet (a letter to upload, a domain to validate by a date, resources that break).
public struct OperationReason: Sendable, Hashable {
    public enum Effect: String, Sendable, Hashable {
        /// The console refuses the operation.
        case denies
        /// The console accepts it, but something must happen (or will happen) for it to succeed.
        case requires
    }

    public var ruleID: RuleID
    public var effect: Effect
    /// Plain language, for people: why, and what to do.
    public var message: String

    public init(ruleID: RuleID, effect: Effect, message: String) {
        self.ruleID = ruleID
        self.effect = effect
        self.message = message
    }
}
