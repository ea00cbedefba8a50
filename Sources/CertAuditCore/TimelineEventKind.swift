/// The kinds of event the simulation puts on the timeline (spec/REPORTS.md), declared in their
/// order on one date (RULES.md §0, docs/simulation.md): charges and order submissions, successor
/// creation, issuance, validation deadlines, hosting, expiries, then what follows from them.
public enum TimelineEventKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A transfer code not redeemed within 300 minutes: its held points return to the package
    /// (PTS-TRANSFER; a certaudit addition to REPORTS.md's kinds).
    case transferLapsed = "transfer-lapsed"
    case renewalCharge = "renewal-charge"
    case renewalChargeFailed = "renewal-charge-failed"
    case uphOrderSubmitted = "uph-order-submitted"
    case pointsConsumed = "points-consumed"
    case accountShortfall = "account-shortfall"
    case successorCreated = "successor-created"
    case successorIssued = "successor-issued"
    case validationDeadline = "validation-deadline"
    case validationFailed = "validation-failed"
    case hostingReminder = "hosting-reminder"
    case hostingReplaced = "hosting-replaced"
    case hostingFailed = "hosting-failed"
    case expiry
    case pointsExpired = "points-expired"
    case resourceExpired = "resource-expired"
    case alert

    /// The step of a date this kind happens in: kinds of one step are ordered by certificate.
    public var sameDayOrder: Int {
        switch self {
        case .transferLapsed: -1
        case .renewalCharge, .renewalChargeFailed, .uphOrderSubmitted, .pointsConsumed: 0
        case .accountShortfall: 1
        case .successorCreated: 2
        case .successorIssued: 3
        case .validationDeadline, .validationFailed: 4
        case .hostingReminder, .hostingReplaced, .hostingFailed: 5
        case .expiry, .pointsExpired: 6
        case .resourceExpired: 7
        case .alert: 8
        }
    }

    public static func < (lhs: TimelineEventKind, rhs: TimelineEventKind) -> Bool {
        (lhs.sameDayOrder, lhs.rawValue) < (rhs.sameDayOrder, rhs.rawValue)
    }
}
