import CertAuditCore
import Testing

@testable import CertAuditLedger

/// The ledger audit's PTS-TRANSFER, PTS-RECHARGE, PTS-EXPIRY and PTS-PACKAGE findings.
struct LedgerAuditTests {
    typealias F = LedgerFixture

    static func rules(_ findings: [Finding]) -> [RuleID] { findings.map(\.ruleID) }

    @Test func aCodeRedeemedTwiceIsHigh() throws {
        let packages = [F.package("pkg-1", remaining: 60), F.package("pkg-2", remaining: 60)]
        let rows = [
            F.entry(2, .purchase, 100, minutesBefore: 10_000, package: "pkg-1"),
            F.entry(3, .purchase, 100, minutesBefore: 10_000, package: "pkg-2"),
            F.entry(4, .transferOut, 40, minutesBefore: 5_000, package: "pkg-1", code: "T-9", status: .redeemed),
            F.entry(5, .transferOut, 40, minutesBefore: 4_000, package: "pkg-2", code: "T-9", status: .redeemed),
        ]
        let findings = F.findings(packages: packages, ledger: rows)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.ruleID == .ptsTransfer)
        #expect(finding.severity == .high)
        #expect(finding.packageID == "pkg-1")
        #expect(finding.message.contains("redeemed 2 times"))
        #expect(finding.message.contains("line 4 (pkg-1), line 5 (pkg-2)"))
    }

    /// A cancel within the code's 300 minutes is a recorded return: no finding; a cancel of a code
    /// that had lapsed is a contradiction, and the reconciliation counts the cancel once.
    @Test func aCancelledTransferIsARecordedReturn() {
        let rows = [
            F.entry(2, .purchase, 100, minutesBefore: 10_000),
            F.entry(3, .transferOut, 40, minutesBefore: 5_000, code: "T-1", status: .pending),
            F.entry(4, .transferCancel, 40, minutesBefore: 4_900, code: "T-1"),
        ]
        let package = F.package(remaining: 100)
        let ledger = PackageLedger(package: package, entries: rows, asOf: F.asOf)
        #expect(ledger.transfers[3] == .cancelled(by: rows[2]))
        #expect(ledger.lapses.isEmpty)
        #expect(F.findings(packages: [package], ledger: rows).isEmpty)

        var lapsed = rows
        lapsed[1].transferStatus = .expired
        let findings = F.findings(packages: [package], ledger: lapsed)
        #expect(Self.rules(findings) == [.ptsTransfer])
        #expect(findings.first?.message.contains("both cancelled (points_ledger.csv line 4) and lapsed") == true)
    }

    @Test func aCancelMatchingNoTransferIsReported() {
        let rows = [
            F.entry(2, .purchase, 100, minutesBefore: 10_000),
            F.entry(3, .transferCancel, 10, minutesBefore: 100, code: "T-X"),
        ]
        let findings = F.findings(packages: [F.package(remaining: 110)], ledger: rows)
        #expect(Self.rules(findings) == [.ptsTransfer])
        #expect(findings.first?.message.contains("code T-X, which matches no transfer_out") == true)
    }

    @Test func aTransferWithoutACodeOrBeyondTheBalanceIsReported() {
        let rows = [
            F.entry(2, .purchase, 100, minutesBefore: 10_000),
            F.entry(3, .transferOut, 10, minutesBefore: 5_000, status: .redeemed),
            F.entry(4, .transferOut, 91, minutesBefore: 4_000, code: "T-2", status: .redeemed),
        ]
        let findings = F.findings(packages: [F.package(remaining: -1)], ledger: rows)
        let transfer = findings.filter { $0.ruleID == .ptsTransfer }.map(\.message)
        #expect(transfer.count == 2)
        #expect(transfer.contains { $0.contains("line 3") && $0.contains("has no transfer code") })
        #expect(transfer.contains { $0.contains("moves 91 points while the package held 90") })
        #expect(Self.rules(findings).contains(.ptsReconcile))
    }

    @Test func aRechargeOrTransferInWithoutACodeIsReported() {
        let rows = [
            F.entry(2, .recharge, 100, minutesBefore: 10_000),
            F.entry(3, .transferIn, 5, minutesBefore: 9_000, code: "T-5"),
            F.entry(4, .transferIn, 5, minutesBefore: 8_000),
        ]
        let findings = F.findings(packages: [F.package(remaining: 110)], ledger: rows)
        #expect(Self.rules(findings) == [.ptsRecharge, .ptsRecharge])
        #expect(findings.map(\.message).contains { $0.contains("line 2 (recharge of 100") })
        #expect(findings.map(\.message).contains { $0.contains("line 4 (transfer_in of 5") })
    }

    /// PTS-EXPIRY reports only what already happened: an expired package that still says usable, and
    /// the points it lost; one that expires after the as-of time is the forecast's.
    @Test func anExpiredPackageLosesItsPoints() {
        let rows = [
            F.entry(2, .purchase, 100, minutesBefore: 10_000),
            F.entry(3, .expire, 30, minutesBefore: 1_000),
        ]
        let expired = F.package(remaining: 70, expiresInDays: -1)
        let findings = F.findings(packages: [expired], ledger: rows)
        #expect(Self.rules(findings) == [.ptsExpiry, .ptsExpiry])
        #expect(findings.map(\.message).contains { $0.contains("with 100 points left: they are lost") })
        #expect(findings.map(\.message).contains { $0.contains("still says usable") })
        let future = F.package(remaining: 70, expiresInDays: 1)
        #expect(F.findings(packages: [future], ledger: [rows[0], F.entry(3, .consume, 30, minutesBefore: 10)]).isEmpty)
    }

    @Test(arguments: [
        (PackageRecord.Status.usedUp, Int64(5), Int64(100), "but 5 points remain"),
        (.usable, 0, 100, "no points remain"),
        (.expired, 5, 100, "expires only on"),
        (.inTransfer, 5, 100, "no transfer of it is held"),
    ])
    func aStatusThatContradictsThePackageIsReported(
        status: PackageRecord.Status, remaining: Int64, expiresInDays: Int64, says: String
    ) {
        let package = F.package(remaining: remaining, status: status, expiresInDays: expiresInDays)
        let rows = [
            F.entry(2, .purchase, 100, minutesBefore: 10_000),
            F.entry(3, .consume, 100 - remaining, minutesBefore: 1_000),
        ]
        let findings = F.findings(packages: [package], ledger: rows)
        #expect(Self.rules(findings) == [.ptsPackage])
        #expect(findings.first?.message.contains(says) == true)
    }

    @Test func aHeldTransferExplainsInTransfer() {
        let package = F.package(remaining: 60, status: .inTransfer)
        let rows = [
            F.entry(2, .purchase, 100, minutesBefore: 10_000),
            F.entry(3, .transferOut, 40, minutesBefore: 10, code: "T-1", status: .pending),
        ]
        #expect(F.findings(packages: [package], ledger: rows).isEmpty)
    }

    /// A ledger of 100,000 rows, points in the billions (sums past 2^32 and 2^48): the sums are exact
    /// integer arithmetic, checked against figures worked out independently (Python's integers).
    @Test func aLedgerOf100000RowsSumsExactly() {
        let unit: Int64 = 3_000_000_007
        let count: Int64 = 100_000
        let total = 2 * unit * count
        var rows = [F.entry(1, .purchase, total, minutesBefore: count + 10)]
        for index in 1..<count {
            rows.append(F.entry(Int(index) + 1, .consume, unit + index, minutesBefore: count - index))
        }
        let package = F.package(total: total, remaining: 299_998_000_750_007)
        let ledger = PackageLedger(package: package, entries: rows, asOf: F.asOf)
        #expect(rows.count == 100_000)
        #expect(ledger.credits == Points(600_000_001_400_000))
        #expect(ledger.debits == Points(300_002_000_649_993))
        #expect(ledger.balance == Points(299_998_000_750_007))
        #expect(ledger.steps.count == 100_000)
        #expect(ledger.reconciliationBreak == nil)
    }
}
