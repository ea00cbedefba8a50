import CertAuditCore

extension LedgerAudit.Audit {
    /// PTS-TRANSFER on one package: lapsed codes (info, the points returned), transfers without a
    /// code or out of range (1 to the points left then), cancels that match no transfer or that
    /// contradict its status.
    func transfers(of package: PackageLedger) -> [Finding] {
        let record = package.package
        var found: [Finding] = []
        var heldBefore: [Int: Points] = [:]
        for step in package.steps where step.effect == .debit && step.entry.kind == .transferOut {
            heldBefore[step.entry.line] = step.balanceBefore
        }
        var transferCodes: Set<String> = []
        for entry in package.entries where entry.kind == .transferOut {
            if let before = heldBefore[entry.line], entry.points == .zero || entry.points > before {
                found.append(
                    finding(
                        .ptsTransfer, record,
                        "\(describe(entry)) moves \(entry.points) points while the package held "
                            + "\(before): a transfer is 1 to the remaining points.", date: entry.at,
                        aspect: "amount of \(row(entry))"))
            }
            guard let code = entry.code else {
                found.append(
                    finding(
                        .ptsTransfer, record,
                        "\(describe(entry)) has no transfer code: the receiver cannot redeem it, and no cancel can be "
                            + "matched with it.", date: entry.at, aspect: "no code on \(row(entry))"))
                continue
            }
            transferCodes.insert(code)
            switch package.transfers[entry.line] {
            case .lapsed(let returnedAt):
                found.append(
                    finding(
                        .ptsTransfer, record,
                        "Transfer code \(code) (\(describe(entry))) was not redeemed within 300 minutes: it lapsed "
                            + "and the \(entry.points) held points returned to the package at "
                            + "\(settings.timeZone.iso8601(returnedAt)).", severity: .info, date: returnedAt,
                        aspect: "lapsed \(code)"))
            case .cancelled(let cancel):
                let lapsedFirst =
                    entry.transferStatus == .expired || cancel.at >= entry.at + TransferStanding.codeValiditySeconds
                if entry.transferStatus == .redeemed || lapsedFirst {
                    let state = entry.transferStatus == .redeemed ? "redeemed" : "lapsed"
                    found.append(
                        finding(
                            .ptsTransfer, record,
                            "Transfer code \(code) (\(describe(entry))) was both cancelled (points_ledger.csv line "
                                + "\(cancel.line)) and \(state): the points cannot have returned both ways. The "
                                + "reconciliation counts the recorded cancel.", date: cancel.at,
                            aspect: "cancelled and \(state) \(code)"))
                }
            case .held, .redeemed, nil: break
            }
        }
        for cancel in package.entries
        where cancel.kind == .transferCancel && !(cancel.code.map(transferCodes.contains) ?? false) {
            let which = cancel.code.map { "code \($0)" } ?? "no code"
            found.append(
                finding(
                    .ptsTransfer, record,
                    "\(describe(cancel)) has \(which), which matches no transfer_out of the package: the return "
                        + "cannot be traced to a transfer.", date: cancel.at, aspect: "unmatched \(row(cancel))"))
        }
        return found
    }

    /// PTS-TRANSFER across packages: a code two transfer_out rows say was redeemed (the points were
    /// paid out twice, or the ledger repeats a row). Reported on the first row's package.
    func codesRedeemedTwice() -> [Finding] {
        var redeemed: [String: [(PackageRecord, LedgerEntry)]] = [:]
        for package in ledger.packages {
            for entry in package.entries where entry.kind == .transferOut && entry.transferStatus == .redeemed {
                if let code = entry.code { redeemed[code, default: []].append((package.package, entry)) }
            }
        }
        return redeemed.filter { $0.value.count > 1 }.map { code, rows in
            let ordered = rows.sorted { ($0.1.at, $0.1.line) < ($1.1.at, $1.1.line) }
            let lines = ordered.map { "line \($0.1.line) (\($0.0.id))" }.joined(separator: ", ")
            return finding(
                .ptsTransfer, ordered[0].0,
                "Transfer code \(code) was redeemed \(rows.count) times (points_ledger.csv \(lines)): a code is "
                    + "redeemed once, so points were paid out twice or a row is repeated.", severity: .high,
                date: ordered[1].1.at, aspect: "redeemed twice \(code)")
        }
    }
}
