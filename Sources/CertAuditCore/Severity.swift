/// How bad a finding is. Ordered: `info < low < medium < high < critical`.
public enum Severity: String, CaseIterable, Comparable, Sendable, Codable {
    case info, low, medium, high, critical

    /// Its place from the least severe up (how severities sort).
    var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
