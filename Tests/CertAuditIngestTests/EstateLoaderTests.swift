import CertAuditCore
import Foundation
import Testing

@testable import CertAuditIngest

/// The ingest stage on a generated inputs folder full of hostile bundle paths: every row ends up in
/// the estate or the quarantine, with the loader's reason, and the good rows are unharmed.
struct EstateLoaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CertAuditX509Tests/Fixtures").path
    static let asOf = RunTimeZone.utc.startOfDay(LocalDate(year: 2026, month: 6, day: 1)!)

    /// An inputs folder: fixture bundles, hostile files and links, and a certificates.csv naming them.
    /// The caller removes it.
    static func hostileInputs() throws -> URL {
        let manager = FileManager.default
        let inputs = manager.temporaryDirectory.appendingPathComponent("certaudit-ingest-\(UUID().uuidString)")
        let bundles = inputs.appendingPathComponent("bundles")
        try manager.createDirectory(at: bundles.appendingPathComponent("keys"), withIntermediateDirectories: true)
        try manager.createDirectory(at: inputs.appendingPathComponent("trust"), withIntermediateDirectories: true)
        try manager.copyItem(atPath: fixtures + "/trust/root.pem", toPath: inputs.path + "/trust/root.pem")
        for name in ["chain-ordered.pem", "keys/p256-pkcs8.key", "garbage.pem", "empty.pem"] {
            try manager.copyItem(atPath: fixtures + "/" + name, toPath: bundles.path + "/" + name)
        }
        try manager.createSymbolicLink(atPath: bundles.path + "/out.pem", withDestinationPath: "/etc/hostname")
        try manager.createSymbolicLink(atPath: bundles.path + "/a.pem", withDestinationPath: "b.pem")
        try manager.createSymbolicLink(atPath: bundles.path + "/b.pem", withDestinationPath: "a.pem")
        try manager.createSymbolicLink(atPath: bundles.path + "/zero.pem", withDestinationPath: "/dev/zero")
        try Data(repeating: 0x41, count: 11 * 1024 * 1024).write(to: bundles.appendingPathComponent("huge.pem"))
        let csv = """
            certificate_id,alias,bundle,key,source
            good,<b>主站</b>,chain-ordered.pem,keys/p256-pkcs8.key,uploaded
            absolute,,/etc/passwd,,uploaded
            escape,,../../etc/passwd,,uploaded
            link-out,,out.pem,,uploaded
            loop,,a.pem,,uploaded
            zero,,zero.pem,,uploaded
            garbage,,garbage.pem,,uploaded
            empty,,empty.pem,,uploaded
            huge,,huge.pem,,uploaded
            order,under review,,,issued
            short,row

            """
        try Data(csv.utf8).write(to: inputs.appendingPathComponent("certificates.csv"))
        return inputs
    }

    static func load(_ inputs: URL, jobs: Int = 2) throws(IngestError) -> Estate {
        try EstateLoader.load(
            IngestOptions(inputsDirectory: inputs.path, asOf: asOf, jobs: jobs, useSystemTrustStore: false))
    }

    @Test func hostileBundlesAreQuarantinedAndGoodRowsSurvive() throws {
        let inputs = try Self.hostileInputs()
        defer { try? FileManager.default.removeItem(at: inputs) }
        let estate = try Self.load(inputs)
        #expect(estate.certificates.map(\.id) == ["good", "order"])
        #expect(estate.certificate(id: "good")?.bundle?.key.matchesLeaf == true)
        #expect(estate.certificate(id: "good")?.bundle?.chain.status == .complete)
        let reasons = Dictionary(
            uniqueKeysWithValues: estate.quarantine.compactMap { record in record.certificateID.map { ($0, record) } })
        let expected: [String: (line: Int, fragment: String)] = [
            "absolute": (3, "must be relative"), "escape": (4, "'..'"), "link-out": (5, "leads out"),
            "loop": (6, "loop"), "zero": (7, "leads out"), "garbage": (8, "not DER, PKCS#7 or PKCS#12"),
            "empty": (9, "empty"), "huge": (10, "limit"),
        ]
        for (id, want) in expected {
            let record = try #require(reasons[id], "\(id) not quarantined")
            #expect(record.line == want.line)
            #expect(record.ruleID == .upPemFormat)
            #expect(record.reason.hasPrefix("解析失败,请检查证书是否符合标准: "))
            #expect(record.reason.contains(want.fragment), "\(id): \(record.reason)")
        }
        #expect(estate.quarantine.contains { $0.line == 12 && $0.reason.contains("fields") })
    }

    @Test func everyRowIsAccountedFor() throws {
        let inputs = try Self.hostileInputs()
        defer { try? FileManager.default.removeItem(at: inputs) }
        let estate = try Self.load(inputs)
        let certificates = try #require(estate.inputs.first { $0.name == "certificates.csv" })
        #expect(certificates.rows == 11)
        #expect(certificates.accepted == 2)
        #expect(certificates.quarantined == 9)
        #expect(certificates.sha256.count == 64)
        for input in estate.inputs { #expect(input.isBalanced, "\(input.name)") }
        let bundles = try #require(estate.inputs.first { $0.name == "bundles/" })
        #expect(bundles.rows == 9 && bundles.accepted == 1 && bundles.quarantined == 8)
        #expect(estate.inputs.contains { $0.name == "trust/root.pem" })
    }

    @Test func theThreadCountNeverChangesTheEstate() throws {
        let inputs = try Self.hostileInputs()
        defer { try? FileManager.default.removeItem(at: inputs) }
        let one = try Self.load(inputs, jobs: 1)
        let many = try Self.load(inputs, jobs: 5)
        #expect(one.certificates == many.certificates)
        #expect(one.quarantine == many.quarantine)
        #expect(one.inputs == many.inputs)
    }

    @Test func aMissingInputsFolderOrCertificatesFileNamesThePath() throws {
        let missing = #expect(throws: IngestError.self) {
            _ = try Self.load(URL(fileURLWithPath: "/nonexistent/inputs"))
        }
        #expect(missing?.message.contains("/nonexistent/inputs") == true)
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent(
            "certaudit-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let error = #expect(throws: IngestError.self) { _ = try Self.load(empty) }
        #expect(error?.message.contains("certificates.csv: required input is missing") == true)
    }

    @Test func certificatesCsvAsADeviceOrFolderIsAFileError() throws {
        for target in ["/dev/zero", "/tmp"] {
            let inputs = FileManager.default.temporaryDirectory.appendingPathComponent(
                "certaudit-dev-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: inputs) }
            try FileManager.default.createSymbolicLink(
                atPath: inputs.path + "/certificates.csv", withDestinationPath: target)
            let error = #expect(throws: IngestError.self, "loaded \(target)") { _ = try Self.load(inputs) }
            #expect(error?.message == "certificates.csv: not a regular file")
        }
    }
}
