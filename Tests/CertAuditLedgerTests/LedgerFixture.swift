import CertAuditCore
import CertAuditLedger

/// Hand-built packages and ledger rows for the ledger tests, dated relative to one as-of time
/// (2026-11-28 00:00 in Shanghai, the sample estate's).
enum LedgerFixture {
    static let asOf = RunTimeZone.shanghai.instant(of: LocalDate(year: 2026, month: 11, day: 28)!)
    static let settings = AuditSettings(asOf: asOf)

    /// `minutes` before the as-of time.
    static func before(minutes: Int64) -> Instant { asOf + -minutes * 60 }

    static func package(
        _ id: String = "pkg-1", total: Int64 = 100, remaining: Int64, status: PackageRecord.Status = .usable,
        expiresInDays: Int64 = 100, account: String = "acct-1"
    ) -> PackageRecord {
        var record = PackageRecord(line: 2, id: id)
        record.totalPoints = Points(total)
        record.remainingPoints = Points(remaining)
        record.status = status
        record.accountID = account
        record.expiresAt = asOf + expiresInDays * Instant.secondsPerDay
        return record
    }

    /// A row `minutesBefore` the as-of time; line numbers follow the order rows are written in.
    static func entry(
        _ line: Int, _ kind: LedgerEntry.Kind, _ points: Int64, minutesBefore: Int64, package: String = "pkg-1",
        code: String? = nil, status: LedgerEntry.TransferStatus? = nil
    ) -> LedgerEntry {
        var entry = LedgerEntry(
            line: line, at: before(minutes: minutesBefore), packageID: package, kind: kind, points: Points(points))
        entry.code = code
        entry.transferStatus = status
        return entry
    }

    static func estate(packages: [PackageRecord], ledger: [LedgerEntry]) -> Estate {
        Estate(certificates: [], lifecycle: LifecycleInputs(packages: packages, ledger: ledger))
    }

    static func findings(packages: [PackageRecord], ledger: [LedgerEntry]) -> [Finding] {
        LedgerAudit.findings(estate: estate(packages: packages, ledger: ledger), settings: settings)
    }
}
