import CertAuditCore
import Foundation
import Testing

@testable import CertAuditIngest

/// The committed sample estate (inputs/) loads, and every row of every input is accounted for.
struct SampleEstateIngestTests {
    static let inputs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("inputs").path
    static let asOf = RunTimeZone.shanghai.startOfDay(LocalDate(year: 2026, month: 11, day: 28)!)

    @Test func everyRowIsInTheEstateOrTheQuarantine() throws {
        let estate = try EstateLoader.load(
            IngestOptions(inputsDirectory: Self.inputs, asOf: Self.asOf, useSystemTrustStore: false))
        for input in estate.inputs { #expect(input.isBalanced, "\(input.name)") }
        let certificates = try #require(estate.inputs.first { $0.name == "certificates.csv" })
        #expect(certificates.accepted == estate.certificates.count)
        #expect(certificates.quarantined == estate.quarantine.filter { $0.input == "certificates.csv" }.count)
        #expect(certificates.rows == certificates.accepted + certificates.quarantined)
        let resources = try #require(estate.inputs.first { $0.name == "resources.csv" })
        #expect(resources.accepted == estate.resources.count)
        // inputs/README.md: 55 certificate rows (51 in the estate, 4 malformed), 22 resource rows (1 malformed).
        #expect(certificates.rows == 55 && certificates.accepted == 51 && certificates.quarantined == 4)
        #expect(resources.rows == 22 && resources.accepted == 21 && resources.quarantined == 1)
        #expect(estate.certificates.count == 51)
        #expect(estate.quarantine.count == 5)
        // The rows with a bad value in a field they can do without stay (issue 14).
        #expect(
            estate.badValues.map { "\($0.column.input):\($0.line):\($0.column.name)" } == [
                "certificates.csv:15:issued_at", "certificates.csv:24:status", "certificates.csv:52:bundle",
                "certificates.csv:53:auto_renew_enabled_on", "certificates.csv:54:tags",
            ])
        let kept = try #require(estate.certificate(id: "v2igOre9"))
        #expect(kept.bundle == nil && kept.record.bundle == "v2igOre9/truncated.pem" && kept.notAfter != nil)
    }

    /// The `bundles/` row counts the certificate rows that name a bundle, counted from the table
    /// itself and not from what the loader returned, so a row lost on the way unbalances it.
    @Test func theBundlesRowCountsEveryRowThatNamesABundle() throws {
        let table = try CertificatesTable.read(
            path: Self.inputs + "/certificates.csv", inputName: "certificates.csv", encoding: .auto, timeZone: .shanghai
        )
        let naming = table.records.filter { $0.bundle != nil }
        let estate = try EstateLoader.load(
            IngestOptions(inputsDirectory: Self.inputs, asOf: Self.asOf, useSystemTrustStore: false))
        let bundles = try #require(estate.inputs.first { $0.name == "bundles/" })
        #expect(bundles.rows == naming.count)
        #expect(bundles.isBalanced)
        let refused = estate.quarantine.filter { $0.ruleID == .upPemFormat }
        // A bundle that cannot be read counts as quarantined, also when its row stays on its
        // inventory not_after (issue 14).
        let kept = estate.badValues.filter { $0.column == .certificates(.bundle) }
        #expect(kept.count == 1)
        #expect(bundles.quarantined == refused.count + kept.count)
        #expect(bundles.accepted == estate.certificates.filter { $0.bundle != nil }.count)
        #expect(Set(refused.map(\.line)).isSubset(of: Set(naming.map(\.line))))
    }
}
