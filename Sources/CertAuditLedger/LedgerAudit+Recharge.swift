import CertAuditCore

extension LedgerAudit.Audit {
    /// PTS-RECHARGE: a package is credited by redeeming a recharge or transfer code, so a recharge or
    /// transfer_in row without one cannot be traced to what it redeemed.
    func recharges(of package: PackageLedger) -> [Finding] {
        package.entries.filter { ($0.kind == .recharge || $0.kind == .transferIn) && $0.code == nil }.map { entry in
            finding(
                .ptsRecharge, package.package,
                "\(describe(entry)) names no code: a package is credited only by redeeming a recharge or transfer "
                    + "code, so this credit cannot be traced.", date: entry.at, aspect: "no code on \(row(entry))")
        }
    }
}
