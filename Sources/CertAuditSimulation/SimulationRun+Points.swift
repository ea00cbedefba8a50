import CertAuditConsole
import CertAuditCore
import CertAuditLedger

/// Renewals paid in entitlement points (PTS-USE) and the points that expire unused (PTS-EXPIRY),
/// per RULES.md §0: an account's usable packages pay earliest expiry first, split across packages
/// when one is short; too few points and nothing is drawn.
extension SimulationRun {
    /// Buys the successor with the price in points: true when paid (a `points-consumed` event per
    /// package drawn), false when the account is short (the charge failed), nil when it cannot be
    /// checked (no packages for the account, or no price in points).
    mutating func payInPoints(at place: Int, account: String?, price: PriceRecord?, on date: LocalDate) -> Bool? {
        guard let account, packages[account] != nil, let cost = price?.pricePoints else { return nil }
        let due = Points(Int64(cost))
        let available = PointsPackage.available(in: packages[account] ?? [], on: date)
        guard available >= due else {
            fail(
                at: place, account: account, short: "\(available) points < \(due)", amountFen: nil, points: cost,
                on: date)
            return false
        }
        // Drawn in place in the dictionary: a copy of the account's packages held beside it made every
        // draw copy them all (copy-on-write), and an account's packages grow with the estate.
        let draws = PointsPackage.draw(due, from: &packages[account, default: []], on: date)
        for draw in draws {
            emit(
                TimelineEvent(
                    date: date, kind: .pointsConsumed, certificateID: id(at: place), accountID: account,
                    packageID: draw.packageID, points: Int(draw.points.count)))
        }
        recordFigures(of: account, on: date)
        return true
    }

    /// On its expiry date a usable package loses what is left (after that day's charges, §0).
    mutating func forfeit(_ packageID: String, of account: String, on date: LocalDate) {
        guard let index = packages[account]?.firstIndex(where: { $0.id == packageID }),
            let package = packages[account]?[index], package.usable, package.remaining > .zero
        else { return }
        emit(
            TimelineEvent(
                date: date, kind: .pointsExpired, accountID: account, packageID: packageID,
                points: Int(package.remaining.count)))
        forfeits[packageID] = package.remaining
        packages[account]?[index].remaining = .zero
        recordFigures(of: account, on: date)
    }

    /// Transfers still held at the as-of time (made less than 300 minutes before, not redeemed) lapse
    /// when their code expires: nobody redeems it ("nobody acts by hand"), so the points come back.
    mutating func scheduleLapses() {
        guard !estate.lifecycle.ledger.isEmpty else { return }
        for packageLedger in Ledger(estate.lifecycle, asOf: settings.asOf).packages {
            guard let account = packageLedger.package.accountID else { continue }
            for entry in packageLedger.entries where packageLedger.transfers[entry.line] == .held {
                let lapse = zone.localDate(of: entry.at + TransferStanding.codeValiditySeconds)
                agenda.schedule(
                    .lapse(package: packageLedger.package.id, account: account, points: entry.points), on: lapse,
                    for: "")
            }
        }
    }

    /// The held points return to their package (and count again for the charges of that day on).
    mutating func lapse(_ packageID: String, of account: String, points: Points, on date: LocalDate) {
        if let index = packages[account]?.firstIndex(where: { $0.id == packageID }),
            let before = packages[account]?[index].remaining
        {
            packages[account]?[index].remaining = before + points
        }
        recordFigures(of: account, on: date)
        emit(
            TimelineEvent(
                date: date, kind: .transferLapsed, accountID: account, packageID: packageID, points: Int(points.count),
                detail: "the transfer code lapsed unredeemed: the points return"))
    }
}
