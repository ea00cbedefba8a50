import CertAuditCore

extension LedgerAudit.Audit {
    /// PTS-PACKAGE: a status that contradicts the package's own figures at the as-of time.
    func state(of package: PackageLedger) -> [Finding] {
        let record = package.package
        guard let status = record.status else { return [] }
        let says = "Package \(record.id)'s status is \(status.rawValue)"
        var found: [Finding] = []
        let remaining = record.remainingPoints
        if status == .usedUp, let remaining, remaining > .zero {
            found.append(finding(.ptsPackage, record, "\(says) but \(remaining) points remain."))
        }
        if status == .usable, remaining == .zero {
            found.append(finding(.ptsPackage, record, "\(says) but no points remain: it is used up."))
        }
        if status == .expired, let expiresAt = record.expiresAt, expiresAt >= settings.asOf {
            found.append(
                finding(
                    .ptsPackage, record, "\(says) but it expires only on \(date(expiresAt)).", date: expiresAt))
        }
        let holds = package.transfers.values.contains { $0 == .held }
        if status == .inTransfer, ledger.hasRows, !holds {
            found.append(
                finding(
                    .ptsPackage, record,
                    "\(says) but no transfer of it is held at the as-of time (none pending for under 300 minutes)."))
        }
        return found
    }
}
