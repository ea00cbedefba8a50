import CertAuditCore
import Foundation
import Testing

@testable import CertAuditIngest

/// An inputs folder without certificates.csv: a plain folder of certificate files, audited one row
/// per file, keys matched to the certificate beside them, what cannot be read quarantined.
struct CertificateFolderTests {
    static let fixtures = EstateLoaderTests.fixtures

    /// A folder as someone's `/etc/ssl` might be, built from the generated X.509 fixtures: a
    /// certificate with three keys beside it (one fits, one is encrypted), a PKCS#12 with its keystorePass.txt, a CA
    /// certificate, a file that is not a certificate, and files that are never audited.
    static func folder() throws -> URL {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("certaudit-folder-\(UUID().uuidString)")
        for sub in ["nginx", "p12", "ca", ".hidden", "trust"] {
            try manager.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let copies = [
            ("leaf-p256.pem", "nginx/site.pem"), ("leaf-p256.key", "nginx/site.key"),
            ("leaf-p384.key", "nginx/other.key"), ("pfx/server.pfx", "p12/server.pfx"),
            ("pfx/keystorePass.txt", "p12/keystorePass.txt"), ("intermediate.pem", "ca/intermediate.pem"),
            ("garbage.pem", "notes.pem"), ("chain-ordered.pem", ".hidden/ignored.pem"),
            ("trust/root.pem", "trust/root.pem"), ("keys/p256-encrypted-pkcs8.key", "nginx/locked.key"),
        ]
        for (from, to) in copies {
            try manager.copyItem(atPath: fixtures + "/" + from, toPath: root.path + "/" + to)
        }
        try manager.createSymbolicLink(atPath: root.path + "/link.pem", withDestinationPath: "nginx/site.pem")
        return root
    }

    @Test func everyCertificateFileIsARowAndEveryOtherFileIsAccountedFor() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let estate = try EstateLoaderTests.load(root)
        #expect(estate.origin == .certificateFolder)
        #expect(estate.certificates.map(\.id) == ["ca/intermediate.pem", "nginx/site.pem", "p12/server.pfx"])
        #expect(estate.certificates.map(\.record.line) == [1, 5, 7])  // files in path order, keys included

        // The key that fits is matched; the other one is quarantined, never lost.
        let site = try #require(estate.certificate(id: "nginx/site.pem"))
        #expect(site.record.key == "nginx/site.key")
        #expect(site.record.source == .uploaded)  // files someone holds, as they would upload them
        #expect(site.bundle?.key.matchesLeaf == true)
        // The PKCS#12 opens with the keystorePass.txt beside it and carries its key.
        let pfx = try #require(estate.certificate(id: "p12/server.pfx"))
        #expect(pfx.bundle?.key.present == true)
        #expect(pfx.bundle?.key.matchesLeaf == true)
        // A CA leaf is taken as type CA; every other inventory column is empty.
        let ca = try #require(estate.certificate(id: "ca/intermediate.pem"))
        #expect(ca.record.kind == .ca)
        #expect(ca.record.claimedNotAfter == nil && ca.record.status == nil && ca.record.accountID == nil)

        #expect(estate.quarantine.map(\.input) == ["nginx/locked.key", "nginx/other.key", "notes.pem"])
        #expect(estate.quarantine.first { $0.input == "notes.pem" }?.ruleID == .upPemFormat)
        #expect(estate.quarantine.first { $0.input == "notes.pem" }?.reason.contains("no PEM certificate") == true)
        #expect(
            estate.quarantine.first { $0.input == "nginx/other.key" }?.reason.contains("fits no certificate") == true)

        // An encrypted key with no password cannot be matched, and the quarantine says so.
        #expect(estate.quarantine.first { $0.input == "nginx/locked.key" }?.reason.contains("encrypted") == true)
        // The hidden folder, the link, trust/ and keystorePass.txt are not rows; the manifest says why.
        let summary = try #require(estate.inputs.first { $0.name == "./" })
        #expect(summary.rows == 7 && summary.accepted == 4 && summary.quarantined == 3)
        #expect(summary.notes.first?.contains("no certificates.csv: a plain folder of certificate files") == true)
        #expect(estate.inputs.contains { $0.name == "trust/root.pem" })
    }

    @Test func theScanIsTheSameAtAnyThreadCount() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let one = try EstateLoaderTests.load(root, jobs: 1)
        let many = try EstateLoaderTests.load(root, jobs: 4)
        #expect(one.certificates == many.certificates)
        #expect(one.quarantine == many.quarantine)
        #expect(one.inputs == many.inputs)
    }

    @Test func aFolderWithNoCertificateFileIsStillAMissingInput() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-nocert-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixtures + "/garbage.pem", toPath: root.path + "/garbage.pem")
        let error = #expect(throws: IngestError.self) { _ = try EstateLoaderTests.load(root) }
        #expect(error?.message.contains("certificates.csv: required input is missing") == true)
        #expect(error?.message.contains("no certificate file was found") == true)
    }
}
