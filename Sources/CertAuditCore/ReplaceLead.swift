/// When a hosted certificate is replaced before it expires (HOST-LEAD).
public enum ReplaceLead: Sendable, Hashable, CustomStringConvertible {
    case immediately
    case daysBeforeExpiry(Int)

    /// `immediate` (or `immediately`), or a positive number of days, as hosting.csv and a `host`
    /// request's `lead` write it; nil for anything else. Whether the console offers that many days
    /// is HOST-LEAD's question (CertAuditConsole's `ReplaceLead.allowedDays`), not the parser's.
    public init?(text: String) {
        let lowered = text.lowercased()
        if lowered == "immediate" || lowered == "immediately" {
            self = .immediately
        } else if let days = Int(text), days > 0 {
            self = .daysBeforeExpiry(days)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .immediately: "immediate"
        case .daysBeforeExpiry(let days): String(days)
        }
    }
}
