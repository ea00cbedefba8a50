import CertAuditCSV
import CertAuditCore
import CertAuditX509
import Foundation
import Testing

@testable import CertAuditIngest

/// The inventory's rows share their repeated values from the moment the table reads them (one
/// `EstateInterner` for the whole ingest, first occurrence in input order wins), and the bundle stage
/// gives each row its bundles in place: the result is the same whatever the thread count and however
/// many rows a round parses.
struct RowSharingTests {
    /// Three rows that repeat every value the interner shares, each longer than a `String` holds inline.
    static let repeated =
        "certificate_id,alias,source,brand,project,account_id,tags\n"
        + (1...3).map {
            "row-\($0),storefront-main-website,digicert_ev_root_ca_g2,Brand-Name-Longer-Than-15,"
                + "project-shared-by-rows,account-shared-by-rows,environment=production-mainland|team=storefront-web\n"
        }.joined()

    static func certificates(_ text: String, interner: inout EstateInterner) throws -> TableReadResult<Certificate> {
        try TablesTests.withFile(text) { path in
            try CertificatesTable.certificates(
                path: path, inputName: "certificates.csv", encoding: .auto, timeZone: .shanghai, interner: &interner)
        }
    }

    @Test func rowsShareTheirRepeatedValuesAsTheTableReadsThem() throws {
        var interner = EstateInterner()
        let rows = try Self.certificates(Self.repeated, interner: &interner).records.map(\.record)
        try #require(rows.count == 3)
        let plain = try TablesTests.withFile(Self.repeated) { path in
            try CertificatesTable.read(path: path, inputName: "certificates.csv", encoding: .auto, timeZone: .shanghai)
        }.records
        // Read without the interner, each row holds its own copy; the interned rows are equal to them.
        #expect(EstateInternerTests.storage(plain[1].alias) != EstateInternerTests.storage(plain[0].alias))
        #expect(rows == plain)
        let texts: [(String, (CertificateRecord) -> String?)] = [
            ("alias", \.alias), ("issuing CA", \.issuingCA), ("brand", \.brand), ("project", \.project),
            ("account", \.accountID), ("tag value", { $0.tags.first?.value }),
        ]
        for (name, text) in texts {
            try #require(text(rows[0]).map { $0.utf8.count > String.inlineUTF8Capacity } == true, "\(name)")
            #expect(
                Set(rows.map { EstateInternerTests.storage(text($0)) }).count == 1, "\(name) is stored more than once")
        }
        #expect(
            Set(rows.map { EstateInternerTests.storage($0.tags) }).count == 1, "the tag list is stored more than once")
    }

    @Test func theFirstRowsValueIsTheOneKept() throws {
        var interner = EstateInterner()
        let first = interner.intern("storefront-main-website")
        let rows = try Self.certificates(Self.repeated, interner: &interner).records.map(\.record)
        // The interner already held the value: every row shares that first storage.
        #expect(rows.allSatisfy { EstateInternerTests.storage($0.alias) == EstateInternerTests.storage(first) })
    }

    /// The sample estate through the bundle stage: one worker and one round against two workers and
    /// rounds of three rows; certificates, quarantine, bad values and the manifest line agree, and so
    /// does which earlier certificate each one shares its storage with.
    @Test func theBundleStageGivesTheSameEstateWhateverTheThreadsAndRounds() throws {
        func run(jobs: Int, rowsPerRound: Int) throws -> ([Certificate], BundleStage.Outcome) {
            var interner = EstateInterner()
            var table = try CertificatesTable.certificates(
                path: SampleEstateIngestTests.inputs + "/certificates.csv", inputName: "certificates.csv",
                encoding: .auto, timeZone: .shanghai, interner: &interner)
            let stage = BundleStage(
                loader: BundleLoader(
                    bundlesDirectory: SampleEstateIngestTests.inputs + "/bundles",
                    trust: try TrustStore(anchorFiles: [], includeSystemDefaults: false)),
                asOf: SampleEstateIngestTests.asOf, jobs: jobs, progress: StageProgress.ignore)
            let outcome = stage.attach(
                to: &table.records, interner: &interner, badValues: table.badValues, fields: table.fields,
                rowsPerRound: rowsPerRound)
            return (table.records, outcome)
        }
        let (serial, serialOutcome) = try run(jobs: 1, rowsPerRound: BundleStage.rowsPerRound)
        let (parallel, parallelOutcome) = try run(jobs: 2, rowsPerRound: 3)
        #expect(!serial.isEmpty)
        #expect(serial == parallel)
        #expect(serialOutcome.quarantine == parallelOutcome.quarantine && !serialOutcome.quarantine.isEmpty)
        #expect(serialOutcome.badValues == parallelOutcome.badValues)
        #expect(serialOutcome.summary == parallelOutcome.summary)
        #expect(serial.map(\.record.line) == serial.map(\.record.line).sorted(), "rows out of input order")
        #expect(Self.sharing(serial) == Self.sharing(parallel))
    }

    /// For each certificate, the index of the first certificate holding the same storage for its
    /// shared values: the pattern of sharing, which must not depend on scheduling.
    static func sharing(_ certificates: [Certificate]) -> [[Int]] {
        var first: [UInt: Int] = [:]
        return certificates.enumerated().map { index, certificate in
            let storages: [UInt?] = [
                EstateInternerTests.storage(certificate.record.project),
                EstateInternerTests.storage(certificate.record.brand),
                EstateInternerTests.storage(certificate.leaf?.issuer),
                EstateInternerTests.storage(certificate.leaf?.signatureAlgorithm),
                certificate.bundle.flatMap { EstateInternerTests.storage($0.others) },
                EstateInternerTests.storage(certificate.record.tags),
            ]
            return storages.map { value in
                guard let value else { return -1 }
                if let seen = first[value] { return seen }
                first[value] = index
                return index
            }
        }
    }
}
