/// `balance` (money) or `points` (entitlement points).
public enum PaymentMethod: String, Sendable, Hashable, CaseIterable {
    case balance, points
}
