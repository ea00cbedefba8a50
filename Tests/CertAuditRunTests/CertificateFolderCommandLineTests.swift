import CertAuditRules
import Foundation
import Testing

/// `certaudit run --inputs DIR` on a plain folder of certificate files (no certificates.csv), as
/// someone trying certaudit on their own `/etc/ssl` would: a certificate with its key beside it, a
/// PKCS#12 with its keystorePass.txt, and a file that is not a certificate.
struct CertificateFolderCommandLineTests {
    static let fixtures = TestPaths.repository.appendingPathComponent("Tests/CertAuditX509Tests/Fixtures").path

    @Test(.enabled(if: CommandLineTests.binary != nil, "certaudit binary not built beside the tests"))
    func aFolderOfCertificateFilesIsAuditedWithTheRulesThatNeedNoInventory() throws {
        let scratch = try TestPaths.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("ssl")
        for sub in ["nginx", "p12"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for (from, to) in [
            ("leaf-p256.pem", "nginx/site.pem"), ("leaf-p256.key", "nginx/site.key"),
            ("pfx/server.pfx", "p12/server.pfx"),
            ("pfx/keystorePass.txt", "p12/keystorePass.txt"), ("garbage.pem", "readme.pem"),
        ] {
            try FileManager.default.copyItem(atPath: Self.fixtures + "/" + from, toPath: folder.path + "/" + to)
        }
        let output = scratch.appendingPathComponent("output")
        let outcome = try ChildProcess.run(
            try #require(CommandLineTests.binary),
            ["run", "--inputs", "ssl", "--output", "output"] + CommandLineTests.asOf, in: scratch)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("certaudit: 2 certificates, 1 rows quarantined"), "\(outcome.stderr)")

        let findings = String(
            decoding: try Data(contentsOf: output.appendingPathComponent("findings.csv")), as: UTF8.self)
        let ruleIDs = Set(findings.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) })
        #expect(!ruleIDs.isEmpty)
        #expect(ruleIDs.isSubset(of: Set(RuleCatalogue.certificateFileRuleIDs.map(\.rawValue))), "\(ruleIDs)")

        let xml = String(decoding: try Data(contentsOf: output.appendingPathComponent("report.xml")), as: UTF8.self)
        #expect(xml.contains("<note>no certificates.csv: a plain folder of certificate files."))
        #expect(xml.contains("<certificate id=\"nginx/site.pem\""))
        #expect(xml.contains("<certificate id=\"p12/server.pfx\""))
        // Both keys found (the one beside the PEM, the one inside the PKCS#12) and matched.
        #expect(xml.components(separatedBy: "present=\"true\" matches=\"true\"/>").count == 3)
        #expect(xml.contains("<record input=\"readme.pem\" line=\"1\""))
        // The HTML rule reference lists the rules applied, and no other.
        let html = String(decoding: try Data(contentsOf: output.appendingPathComponent("report.html")), as: UTF8.self)
        #expect(html.contains("id=\"rule-UP-KEY-MATCH\""))
        #expect(!html.contains("id=\"rule-HOST-LEAD\""))
        #expect(html.contains("a plain folder of certificate files"))

        let check = try ChildProcess.run("/usr/bin/sha256sum", ["--check", "--strict", "SHA256SUMS"], in: output)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
