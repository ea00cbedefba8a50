import CertAuditCore

/// When hosting replaces a certificate (HOST-LEAD) and reminds its contacts (HOST-MESSAGES).
extension ReplaceLead {
    /// The leads the console offers besides "immediately": 25, 15 or 7 days before expiry.
    public static let allowedDays: Set<Int> = [25, 15, 7]

    /// HOST-MESSAGES: the reminder goes out this many days before the replacement.
    public static let reminderDaysBefore: Int64 = 3

    /// The date of the replacement for a certificate whose expiry date (the local date of its
    /// notAfter, RULES.md §0) is `expiry`: `lead` days before it. Nil for `immediately`, which
    /// replaces as soon as the new certificate is there: the plan alone fixes no date.
    public func replacementDate(expiringOn expiry: LocalDate) -> LocalDate? {
        switch self {
        case .immediately: nil
        case .daysBeforeExpiry(let days): expiry - Int64(days)
        }
    }

    /// The date of the HOST-MESSAGES reminder, 3 days before the replacement; nil for `immediately`.
    public func reminderDate(expiringOn expiry: LocalDate) -> LocalDate? {
        replacementDate(expiringOn: expiry).map { $0 - Self.reminderDaysBefore }
    }

    /// Whether a plan configured on `configured` can still keep this lead: the old certificate has at
    /// least `lead` days left then (HOST-LEAD), so the replacement date is not already past.
    public func isReachable(configuredOn configured: LocalDate, expiringOn expiry: LocalDate) -> Bool {
        guard let replacement = replacementDate(expiringOn: expiry) else { return true }
        return configured <= replacement
    }
}
