import CertAuditCore
import Testing

@testable import CertAuditLedger

/// The reconciliation walk of spec/INPUTS.md's ledger arithmetic, on hand-built ledgers.
struct PackageLedgerTests {
    typealias F = LedgerFixture

    /// Every kind: purchase, recharge, transfer_in, transfer_cancel and refund credit; consume,
    /// transfer_out and expire debit.
    @Test func everyKindCreditsOrDebits() {
        let rows: [LedgerEntry] = [
            F.entry(2, .purchase, 1_000, minutesBefore: 10_000),
            F.entry(3, .recharge, 200, minutesBefore: 9_000, code: "R-1"),
            F.entry(4, .transferIn, 30, minutesBefore: 8_000, code: "T-IN"),
            F.entry(5, .consume, 50, minutesBefore: 7_000),
            F.entry(6, .transferOut, 7, minutesBefore: 6_000, code: "T-1", status: .redeemed),
            F.entry(7, .transferOut, 11, minutesBefore: 5_000, code: "T-2", status: .pending),
            F.entry(8, .transferCancel, 11, minutesBefore: 4_990, code: "T-2"),
            F.entry(9, .refund, 5, minutesBefore: 4_000),
            F.entry(10, .expire, 100, minutesBefore: 3_000),
        ]
        let expected: [Int64] = [1_000, 1_200, 1_230, 1_180, 1_173, 1_162, 1_173, 1_178, 1_078]
        let ledger = PackageLedger(package: F.package(total: 1_000, remaining: 1_078), entries: rows, asOf: F.asOf)
        #expect(ledger.steps.map(\.balance.count) == expected)
        #expect(ledger.credits == Points(1_000 + 200 + 30 + 11 + 5))
        #expect(ledger.debits == Points(50 + 7 + 11 + 100))
        #expect(ledger.reconciliationBreak == nil)
        #expect(ledger.transfers[7] == .cancelled(by: rows[6]))
        #expect(ledger.transfers[6] == .redeemed)
    }

    /// Rows are walked by time, then line, whatever the file order.
    @Test func rowsAreWalkedInTimeOrder() {
        let rows = [
            F.entry(3, .consume, 40, minutesBefore: 100), F.entry(2, .purchase, 100, minutesBefore: 200),
            F.entry(4, .consume, 10, minutesBefore: 100),
        ]
        let ledger = PackageLedger(package: F.package(remaining: 50), entries: rows, asOf: F.asOf)
        #expect(ledger.entries.map(\.line) == [2, 3, 4])
        #expect(ledger.reconciliationBreak == nil)
    }

    /// A break in the middle: the first row that drives the balance below zero, and by how much;
    /// later rows do not hide it.
    @Test func aBreakInTheMiddleIsTheFirstNegativeBalance() throws {
        let rows = [
            F.entry(2, .purchase, 100, minutesBefore: 5_000), F.entry(3, .consume, 60, minutesBefore: 4_000),
            F.entry(4, .consume, 70, minutesBefore: 3_000), F.entry(5, .refund, 80, minutesBefore: 2_000),
            F.entry(6, .consume, 500, minutesBefore: 1_000),
        ]
        let ledger = PackageLedger(package: F.package(remaining: 50), entries: rows, asOf: F.asOf)
        guard case .negativeBalance(let step) = ledger.reconciliationBreak else {
            Issue.record("expected a negative balance, got \(String(describing: ledger.reconciliationBreak))")
            return
        }
        #expect(step.entry.line == 4)
        #expect(step.balance == Points(-30))
        #expect(step.balanceBefore == Points(40))
        let finding = try #require(F.findings(packages: [ledger.package], ledger: rows).first)
        #expect(finding.ruleID == .ptsReconcile)
        #expect(finding.severity == .high)
        #expect(finding.packageID == "pkg-1")
        #expect(finding.date == F.settings.timeZone.localDate(of: rows[2].at))
        #expect(finding.message.contains("30 points below zero at points_ledger.csv line 4"))
    }

    @Test func theCreatingRowMustEqualTotalPoints() {
        let rows = [F.entry(2, .purchase, 90, minutesBefore: 500), F.entry(3, .consume, 10, minutesBefore: 100)]
        let ledger = PackageLedger(package: F.package(total: 100, remaining: 80), entries: rows, asOf: F.asOf)
        #expect(ledger.reconciliationBreak == .originalDiffers(entry: rows[0], total: Points(100)))
        let findings = F.findings(packages: [ledger.package], ledger: rows)
        #expect(
            findings.map(\.message).contains { $0.contains("credits 90 points but total_points says 100: off by -10") })
    }

    @Test func theEndBalanceMustEqualRemainingPoints() {
        let rows = [F.entry(2, .purchase, 100, minutesBefore: 500), F.entry(3, .consume, 10, minutesBefore: 100)]
        let ledger = PackageLedger(package: F.package(remaining: 95), entries: rows, asOf: F.asOf)
        #expect(ledger.reconciliationBreak == .remainingDiffers(ledger: Points(90), stated: Points(95)))
        let message = F.findings(packages: [ledger.package], ledger: rows).first?.message ?? ""
        #expect(message.contains("adds up to 90 points after its last row, line 3"))
        #expect(message.contains("off by 5"))
    }

    @Test func aPackageNoRowCreatesBreaks() {
        let rows = [F.entry(2, .refund, 10, minutesBefore: 500)]
        let ledger = PackageLedger(package: F.package(remaining: 10), entries: rows, asOf: F.asOf)
        #expect(ledger.reconciliationBreak == .noOriginal)
    }

    /// A transfer pending for 300 minutes has lapsed: no debit, its points back at the lapse time;
    /// one pending for 299 is still held.
    @Test(arguments: [(300, true), (299, false), (301, true)])
    func aPendingTransferLapsesAt300Minutes(minutes: Int64, lapsed: Bool) {
        let rows = [
            F.entry(2, .purchase, 100, minutesBefore: 10_000),
            F.entry(3, .transferOut, 40, minutesBefore: minutes, code: "T-1", status: .pending),
        ]
        let remaining: Int64 = lapsed ? 100 : 60
        let ledger = PackageLedger(package: F.package(remaining: remaining), entries: rows, asOf: F.asOf)
        #expect(ledger.balance == Points(remaining))
        #expect(ledger.reconciliationBreak == nil)
        #expect(ledger.lapses.count == (lapsed ? 1 : 0))
        if lapsed {
            #expect(ledger.transfers[3] == .lapsed(returnedAt: rows[1].at + 300 * 60))
            #expect(ledger.lapses.first?.at == rows[1].at + 300 * 60)
        } else {
            #expect(ledger.transfers[3] == .held)
        }
        let estate = F.estate(packages: [ledger.package], ledger: rows)
        #expect(LedgerAudit.lapses(estate: estate, settings: F.settings).map(\.entry.line) == (lapsed ? [3] : []))
        let infos = F.findings(packages: [ledger.package], ledger: rows).filter { $0.ruleID == .ptsTransfer }
        #expect(infos.count == (lapsed ? 1 : 0))
        #expect(infos.allSatisfy { $0.severity == .info && $0.message.contains("lapsed") })
        #expect(infos.allSatisfy { $0.date == F.settings.timeZone.localDate(of: rows[1].at + 300 * 60) })
    }

    /// While a transfer is held its points are gone: a consume in the hold needs the rest.
    @Test func heldPointsAreGoneUntilTheLapse() {
        let rows = [
            F.entry(2, .purchase, 100, minutesBefore: 10_000),
            F.entry(3, .transferOut, 80, minutesBefore: 1_000, code: "T-1", status: .expired),
            F.entry(4, .consume, 30, minutesBefore: 900),
        ]
        let ledger = PackageLedger(package: F.package(remaining: 70), entries: rows, asOf: F.asOf)
        guard case .negativeBalance(let step) = ledger.reconciliationBreak else {
            Issue.record("the consume during the hold should break the ledger")
            return
        }
        #expect(step.entry.line == 4)
        #expect(step.balance == Points(-10))
        #expect(ledger.balance == Points(70))
    }

    @Test func aRedeemedTransferStaysADebit() {
        let rows = [
            F.entry(2, .purchase, 100, minutesBefore: 10_000),
            F.entry(3, .transferOut, 40, minutesBefore: 5_000, code: "T-1", status: .redeemed),
        ]
        let ledger = PackageLedger(package: F.package(remaining: 60), entries: rows, asOf: F.asOf)
        #expect(ledger.transfers[3] == .redeemed)
        #expect(ledger.reconciliationBreak == nil)
        #expect(F.findings(packages: [ledger.package], ledger: rows).isEmpty)
    }
}
