import CertAuditCore

extension LedgerAudit.Audit {
    /// PTS-EXPIRY for what has already happened: a package expired at the as-of time (from the first
    /// second after `expires_at`) that still says usable, or that lost points — its `expire` rows and
    /// any points still shown. Future forfeits are the forecast's `points-expired` events.
    func expiry(of package: PackageLedger) -> [Finding] {
        let record = package.package
        guard let expiresAt = record.expiresAt, settings.asOf > expiresAt else { return [] }
        let expiredOn = date(expiresAt)
        var found: [Finding] = []
        if record.status == .usable || record.status == .inTransfer {
            found.append(
                finding(
                    .ptsExpiry, record,
                    "Package \(record.id) expired on \(expiredOn) but its status still says "
                        + "\(record.status?.rawValue ?? ""): its points can no longer pay.", date: expiresAt,
                    aspect: "status"))
        }
        let expireRows = package.entries.filter { $0.kind == .expire }
        let shown = max(record.remainingPoints ?? .zero, .zero)
        let lost = expireRows.reduce(shown) { $0 + $1.points }
        if lost > .zero {
            var sources = expireRows.map { "points_ledger.csv line \($0.line)" }
            if shown > .zero { sources.append("\(shown) still shown as remaining") }
            found.append(
                finding(
                    .ptsExpiry, record,
                    "Package \(record.id) expired on \(expiredOn) with \(lost) points left: they are lost ("
                        + sources.joined(separator: "; ") + ").", date: expiresAt, aspect: "points lost"))
        }
        return found
    }
}
