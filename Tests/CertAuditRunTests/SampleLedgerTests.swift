import CertAuditCore
import CertAuditIngest
import CertAuditLedger
import Testing

/// The ledger audit on the committed sample estate (inputs/packages.csv, inputs/points_ledger.csv,
/// written by scripts/make_sample_estate.py), at the sample's as-of time.
struct SampleLedgerTests {
    static let settings = AuditSettings(asOf: SampleEstateRunTests.asOf)

    static func estate() throws -> Estate {
        try EstateLoader.load(
            IngestOptions(
                inputsDirectory: TestPaths.sampleInputs, asOf: settings.asOf, jobs: 2, useSystemTrustStore: false))
    }

    /// pkg-a: 100 bought − 50 consumed − 1 held by a transfer made 240 minutes before the as-of time
    /// = 49, as packages.csv says; pkg-b: a 500-point recharge and a 20-point transfer that lapsed
    /// (its points back): 500. The only ledger finding is that lapse (PTS-TRANSFER, info).
    @Test func theSamplePackagesReconcile() throws {
        let estate = try Self.estate()
        let ledger = Ledger(estate.lifecycle, asOf: Self.settings.asOf)
        let balances = Dictionary(uniqueKeysWithValues: ledger.packages.map { ($0.package.id, $0.balance) })
        #expect(balances == ["pkg-a": Points(49), "pkg-b": Points(500)])
        #expect(ledger.packages.allSatisfy { $0.reconciliationBreak == nil })
        let pkgA = try #require(ledger.packages.first { $0.package.id == "pkg-a" })
        #expect(pkgA.transfers.values.contains(.held))
        #expect(pkgA.lapses.isEmpty)
        let pkgB = try #require(ledger.packages.first { $0.package.id == "pkg-b" })
        #expect(pkgB.lapses.count == 1)
        #expect(
            LedgerAudit.findings(estate: estate, settings: Self.settings).map { "\($0.ruleID) \($0.severity)" } == [
                "PTS-TRANSFER info"
            ])
    }
}
