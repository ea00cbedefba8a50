import CertAuditCore

extension LedgerAudit.Audit {
    /// PTS-RECONCILE: one finding per package whose ledger breaks, at the first point it does.
    /// Without any ledger row (no points_ledger.csv) there is nothing to reconcile.
    func reconcile(_ package: PackageLedger) -> [Finding] {
        guard ledger.hasRows, let failure = package.reconciliationBreak else { return [] }
        let record = package.package
        let name = "Package \(record.id)"
        switch failure {
        case .negativeBalance(let step):
            return [
                finding(
                    .ptsReconcile, record,
                    "\(name)'s ledger goes \(Points.zero - step.balance) points below zero at \(describe(step.entry)): "
                        + "it held \(step.balanceBefore) points then. The ledger is wrong or incomplete from this row on.",
                    date: step.at)
            ]
        case .originalDiffers(let entry, let total):
            return [
                finding(
                    .ptsReconcile, record,
                    "\(name)'s creating row, \(describe(entry)), credits \(entry.points) points but total_points says "
                        + "\(total): off by \(entry.points - total).", date: entry.at)
            ]
        case .noOriginal:
            return [
                finding(
                    .ptsReconcile, record,
                    "No purchase, recharge or transfer_in row of points_ledger.csv creates \(name) "
                        + "(\(package.entries.count) rows name it): its points cannot be traced to their origin.")
            ]
        case .remainingDiffers(let end, let stated):
            let last = package.entries.last.map { " after its last row, line \($0.line)" } ?? ""
            return [
                finding(
                    .ptsReconcile, record,
                    "\(name)'s ledger adds up to \(end) points\(last) (credits \(package.credits) − debits "
                        + "\(package.debits), lapsed transfers returned), but remaining_points says \(stated): off by "
                        + "\(stated - end).", date: package.entries.last?.at)
            ]
        }
    }
}
