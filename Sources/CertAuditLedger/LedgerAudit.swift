import CertAuditCore

/// The audit of the entitlement-point ledger at the as-of time (PTS-RECONCILE, PTS-TRANSFER,
/// PTS-RECHARGE, PTS-EXPIRY, PTS-PACKAGE): a pure function of the estate and the settings, whose
/// findings the run adds to the catalogue's (`RuleRunner.run(_:adding:)`).
public enum LedgerAudit {
    /// Every ledger finding, in report order.
    public static func findings(estate: Estate, settings: AuditSettings) -> [Finding] {
        let ledger = Ledger(estate.lifecycle, asOf: settings.asOf)
        let audit = Audit(ledger: ledger, settings: settings)
        var found: [Finding] = []
        for package in ledger.packages {
            found += audit.reconcile(package)
            found += audit.transfers(of: package)
            found += audit.recharges(of: package)
            found += audit.expiry(of: package)
            found += audit.state(of: package)
        }
        found += audit.codesRedeemedTwice()
        return found.sorted()
    }

    /// The lapsed transfers at the as-of time, one per code, dated the day its points returned (for
    /// a timeline; the run does not show them yet).
    public static func lapses(estate: Estate, settings: AuditSettings) -> [LedgerStep] {
        Ledger(estate.lifecycle, asOf: settings.asOf).packages.flatMap(\.lapses)
    }

    /// One audit's ledger and settings, shared by the checks (`LedgerAudit+…`).
    struct Audit {
        let ledger: Ledger
        let settings: AuditSettings

        func date(_ instant: Instant) -> LocalDate { settings.timeZone.localDate(of: instant) }

        func finding(
            _ id: RuleID, _ package: PackageRecord, _ message: String, severity: Severity? = nil, date: Instant? = nil,
            aspect: String? = nil
        ) -> Finding {
            Finding(
                ruleID: id, severity: severity ?? LedgerRules.severity(of: id), packageID: package.id,
                date: date.map(self.date), message: message, aspect: aspect)
        }

        /// A ledger row as a finding's aspect: its kind and time (a line moves when rows are added).
        func row(_ entry: LedgerEntry) -> String {
            "\(entry.kind.rawValue) \(settings.timeZone.iso8601(entry.at))"
        }

        /// `points_ledger.csv line 4 (transfer_out of 1 on 2026-11-27)`.
        func describe(_ entry: LedgerEntry) -> String {
            "points_ledger.csv line \(entry.line) (\(entry.kind.rawValue) of \(entry.points) on \(date(entry.at)))"
        }
    }
}
