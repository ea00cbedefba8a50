import CertAuditCore
import Testing

@testable import CertAuditSimulation

/// Renewals paid in points (RULES.md §0 "Points", "Packages"): drawn from the account's usable
/// packages earliest expiry first, split when one is short, nothing drawn when too few; what is left
/// at a package's expiry is forfeited. Dates worked out by hand: X = 2027-01-10 → charged 2026-12-11.
struct PointsForecastTests {
    typealias Base = SimulationTests

    static func package(
        _ id: String, account: String = "acc", remaining: Int64, expires: String, status: PackageRecord.Status = .usable
    ) -> PackageRecord {
        var record = PackageRecord(line: 2, id: id)
        record.accountID = account
        record.totalPoints = Points(100)
        record.remainingPoints = Points(remaining)
        record.expiresAt = Base.endOf(expires)
        record.status = status
        return record
    }

    static func pricedInPoints(_ points: Int) -> PriceRecord {
        var price = Base.price(299)
        price.pricePoints = points
        return price
    }

    static func pointsCertificate(_ id: String, expires: String) -> Certificate {
        Base.certificate(id, expires: expires) { $0.payment = .points }
    }

    /// 50 points due on 2026-12-11: `early` (expires 2026-12-31, 30 left) pays first, `late` (2027-06-30)
    /// the other 20; `gone` (used up) and `later` pay nothing. `early` forfeits nothing on its expiry.
    @Test func aPurchaseIsSplitAcrossPackagesEarliestExpiryFirst() {
        let simulation = Base.run(
            [Self.pointsCertificate("a", expires: "2027-01-10")],
            lifecycle: LifecycleInputs(
                prices: [Self.pricedInPoints(50)],
                packages: [
                    Self.package("late", remaining: 80, expires: "2027-06-30"),
                    Self.package("early", remaining: 30, expires: "2026-12-31"),
                    Self.package("gone", remaining: 90, expires: "2026-12-20", status: .usedUp),
                ]),
            horizon: 40)
        let consumed = simulation.events.filter { $0.kind == .pointsConsumed }
        #expect(consumed.map { "\($0.packageID ?? "") \($0.points ?? 0)" } == ["early 30", "late 20"])
        #expect(simulation.events.first { $0.kind == .renewalCharge }?.points == 50)
        #expect(!simulation.events.contains { $0.kind == .pointsExpired })
        #expect(simulation.forfeits.isEmpty)
    }

    /// 10 points are left in `p` when it expires on 2026-12-31 (its local date: 23:59:59 that day):
    /// a `points-expired` event of 10 and the package's forfeit.
    @Test func aPackageForfeitsWhatIsLeftAtItsExpiry() {
        let simulation = Base.run(
            [Self.pointsCertificate("a", expires: "2027-01-10")],
            lifecycle: LifecycleInputs(
                prices: [Self.pricedInPoints(50)], packages: [Self.package("p", remaining: 60, expires: "2026-12-31")]),
            horizon: 40)
        let expired = simulation.events.filter { $0.kind == .pointsExpired }
        #expect(expired.map { "\($0.date) \($0.packageID ?? "") \($0.points ?? 0)" } == ["2026-12-31 p 10"])
        #expect(simulation.forfeits == ["p": Points(10)])
    }

    /// `a` (charged 2026-12-11) takes 50 of the 70 points; `b` (X = 2027-01-20, charged 2026-12-21)
    /// needs 50 and finds 20: its renewal fails, the account is short from 2026-12-21, nothing is
    /// drawn, and `b`'s bound resource is out from 2027-01-21.
    @Test func aShortfallMakesALaterRenewalFail() {
        let simulation = Base.run(
            [Self.pointsCertificate("a", expires: "2027-01-10"), Self.pointsCertificate("b", expires: "2027-01-20")],
            resources: [ResourceRecord(line: 2, id: "lb-b", type: ResourceType("CLB"), certificateID: "b")],
            lifecycle: LifecycleInputs(
                prices: [Self.pricedInPoints(50)], packages: [Self.package("p", remaining: 70, expires: "2027-12-31")]),
            horizon: 60)
        #expect(
            Base.events(simulation, [.renewalCharge, .renewalChargeFailed, .accountShortfall, .pointsConsumed]) == [
                "2026-12-11 points-consumed a", "2026-12-11 renewal-charge a", "2026-12-21 renewal-charge-failed b",
                "2026-12-21 account-shortfall",
            ])
        #expect(simulation.shortfallDates == ["acc": Base.day("2026-12-21")])
        #expect(Base.events(simulation, [.resourceExpired]) == ["2027-01-21 resource-expired b lb-b"])
        #expect(simulation.findings.contains { $0.ruleID == .arChargeFailed && $0.certificateID == "b" })
    }

    /// Without packages for the account the points can't be counted: the charge succeeds, unchecked.
    @Test func withoutPackagesAPointsRenewalIsNotChecked() {
        let simulation = Base.run(
            [Self.pointsCertificate("a", expires: "2027-01-10")],
            lifecycle: LifecycleInputs(prices: [Self.pricedInPoints(50)]), horizon: 40)
        let charge = simulation.events.first { $0.kind == .renewalCharge }
        #expect(charge?.points == nil && charge?.detail.contains("not checked") == true)
        #expect(simulation.events.contains { $0.kind == .successorCreated })
    }
}

extension PointsForecastTests {
    /// A transfer of 10 points made at 22:00 the evening before the as-of date (2026-11-27) is held;
    /// its code lapses 300 minutes later, at 03:00 on 2026-11-28: the points return that day
    /// (`transfer-lapsed`), and `p` forfeits 50 + 10 at its expiry on 2026-12-31. One redeemed
    /// transfer, and one made 300 minutes before the as-of time (lapsed already), return nothing.
    @Test func aHeldTransferLapsesAndItsPointsReturn() {
        func transfer(_ line: Int, at: String, status: LedgerEntry.TransferStatus, code: String) -> LedgerEntry {
            let parts = at.split(separator: " ")
            let time = parts[1].split(separator: ":").map { Int($0)! }
            var entry = LedgerEntry(
                line: line, at: Base.zone.instant(of: Base.day(String(parts[0])), hour: time[0], minute: time[1]),
                packageID: "p", kind: .transferOut, points: Points(10))
            entry.transferStatus = status
            entry.code = code
            return entry
        }
        let ledger = [
            transfer(2, at: "2026-11-27 22:00", status: .pending, code: "held"),
            transfer(3, at: "2026-11-27 19:00", status: .pending, code: "lapsed"),
            transfer(4, at: "2026-11-27 23:00", status: .redeemed, code: "redeemed"),
        ]
        let simulation = Base.run(
            [],
            lifecycle: LifecycleInputs(
                packages: [Self.package("p", remaining: 50, expires: "2026-12-31")], ledger: ledger),
            horizon: 40)
        #expect(Base.events(simulation, [.transferLapsed]) == ["2026-11-28 transfer-lapsed"])
        #expect(simulation.events.first { $0.kind == .transferLapsed }?.points == 10)
        #expect(simulation.forfeits == ["p": Points(60)])
    }

    /// finance.html's chart data: the as-of figures (500.00, 60 points), then the day's last figures
    /// after each change: two 299.00 charges on 2026-12-11 (one entry, 500 − 598 fails the second:
    /// so 201.00), the forfeit of 60 on 2026-12-31. Nothing is noted after the horizon.
    @Test func anAccountsHistoryHasTheAsOfFiguresThenEachDaysLast() {
        let simulation = Base.run(
            [Base.certificate("a", expires: "2027-01-10"), Base.certificate("b", expires: "2027-01-10")],
            lifecycle: LifecycleInputs(
                accounts: [AccountRecord(line: 2, id: "acc", balanceFen: 50_000)], prices: [Base.price(299)],
                packages: [Self.package("p", remaining: 60, expires: "2026-12-31")]),
            horizon: 40)
        let history = (simulation.accountHistory["acc"] ?? []).map {
            "\($0.date) \($0.balance?.description ?? "-") \($0.points.count)"
        }
        #expect(history == ["2026-11-28 500.00 60", "2026-12-11 201.00 60", "2026-12-31 201.00 0"])
    }
}
