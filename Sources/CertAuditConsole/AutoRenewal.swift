import CertAuditCore

/// What auto-renewal does and when (RULES.md §4): which certificates it works for, when it can be
/// switched on, the day it charges, how long the successor's domain validation may wait.
public enum AutoRenewal {
    /// (brand, domain type) of the DV products that auto-renew (AR-ELIGIBLE), brand in lower case.
    static let supportedProducts: Set<String> = [
        "dnspod/single", "dnspod/wildcard", "trustasia/wildcard", "wotrus/wildcard",
    ]

    /// AR-ELIGIBLE: a platform-issued DNSPod DV single-domain or wildcard, TrustAsia DV wildcard or
    /// WoTrus DV wildcard certificate. On any other the switch does nothing: it will expire.
    public static func supports(_ record: CertificateRecord) -> Bool {
        let key = "\(record.brand?.lowercased() ?? "?")/\(record.domainType?.rawValue ?? "?")"
        return record.source == .issued && record.product == .dv && supportedProducts.contains(key)
    }

    /// AR-ENABLE-WINDOW: the fewest natural days before expiry at which auto-renewal can still be
    /// switched on (14 included).
    public static let minimumDaysToSwitchOn: Int64 = 14

    /// AR-CHARGE-DATE: switched on earlier than this many days before expiry, auto-renewal charges
    /// on that day before expiry.
    public static let chargeDaysBeforeExpiry: Int64 = 30

    /// AR-VALIDATION: days after the successor's creation by which a hand-added validation record
    /// must be in place, or its review fails.
    public static let validationDeadlineDays: Int64 = 3

    /// Whether auto-renewal switched on `daysLeft` natural days before expiry can take effect.
    public static func canSwitchOn(daysLeft: Int64) -> Bool { daysLeft >= minimumDaysToSwitchOn }

    /// AR-CHARGE-DATE for a certificate whose expiry date (the local date of its notAfter, RULES.md
    /// §0) is `expiry`, switched on on `switchedOn`: 30 or more days before expiry, it charges 30
    /// days before expiry; 29 to 14 days before, on the day it was switched on; with fewer than 14
    /// days left it never charges (nil).
    public static func chargeDate(expiringOn expiry: LocalDate, switchedOnOn switchedOn: LocalDate) -> LocalDate? {
        let left = expiry - switchedOn
        guard canSwitchOn(daysLeft: left) else { return nil }
        return left >= chargeDaysBeforeExpiry ? expiry - chargeDaysBeforeExpiry : switchedOn
    }
}
