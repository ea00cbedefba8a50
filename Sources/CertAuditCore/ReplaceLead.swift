/// When a hosted certificate is replaced before it expires (HOST-LEAD).
public enum ReplaceLead: Sendable, Hashable, CustomStringConvertible {
    case immediately
    case daysBeforeExpiry(Int)

    /// The console's choices: immediately, or 25, 15 or 7 days before expiry.
    public static let allowedDays: Set<Int> = [25, 15, 7]

    public var description: String {
        switch self {
        case .immediately: "immediate"
        case .daysBeforeExpiry(let days): String(days)
        }
    }
}
