import CertAuditCore

/// The rules the ledger audit checks at the as-of time, with the severity of their findings: the
/// catalogue lists them (`certaudit rules`, the rule reference) and `LedgerAudit` reports with them,
/// so the two cannot disagree. Future forfeits and shortfalls belong to the forecast (PTS-USE).
public enum LedgerRules {
    /// The descriptor of each ledger rule, and what the audit does for it.
    public static let descriptors: [RuleDescriptor] = [
        rule(
            .ptsPackage, "A package's status agrees with its points and expiry", .low,
            "A finding per package whose status contradicts its figures: used up with points left, usable with "
                + "none, expired before its expiry time, in transfer with no held transfer."),
        rule(
            .ptsTransfer, "Transfers are 1 to the remaining points, with a code that is redeemed once", .medium,
            "An info finding per transfer code that lapsed after 300 minutes (its points returned); medium for a "
                + "transfer without a code, of 0 or more than the points left then, a cancel no transfer matches, or a "
                + "code both cancelled and lapsed or redeemed; high for a code redeemed twice.", highest: .high),
        rule(
            .ptsRecharge, "A package is credited by redeeming a code", .medium,
            "A finding per recharge or transfer_in row without the code it redeems."),
        rule(
            .ptsExpiry, "Points left at expiry are lost", .medium,
            "For a package already expired at the as-of time: the points it lost (its expire rows and any points "
                + "still shown), and a status that still says usable. Future forfeits are the forecast's "
                + "points-expired events."),
        rule(
            .ptsReconcile, "Every package's ledger adds up", .high,
            sources: [.certauditAuditRule, .consoleGuide(.entitlementPoints)],
            "One finding per package whose ledger breaks: the first point (date, ledger line) where the running "
                + "balance goes negative or the creating row differs from total_points, or the end balance that "
                + "differs from remaining_points, and by how much."),
    ]

    /// The default severity of a ledger rule's findings.
    static func severity(of id: RuleID) -> Severity {
        descriptors.first { $0.id == id }?.defaultSeverity ?? .medium
    }

    private static func rule(
        _ id: RuleID, _ title: String, _ severity: Severity,
        sources: [Citation] = [.consoleGuide(.entitlementPoints)], _ does: String, highest: Severity? = nil
    ) -> RuleDescriptor {
        RuleDescriptor(
            id: id, title: title, defaultSeverity: severity, citations: sources, summary: does,
            highestSeverity: highest)
    }
}
