import CertAuditRules
import Foundation
import Testing

/// The built `certaudit` binary, run as the nightly job runs it: exit codes, the one summary line on
/// stderr, messages that name the file. Skipped when the binary is not beside the test bundle.
struct CommandLineTests {
    static let binary: String? = {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [directory, directory.deletingLastPathComponent()].map {
            $0.appendingPathComponent("certaudit").path
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static func run(_ arguments: [String]) throws -> ChildProcess.Outcome {
        try ChildProcess.run(try #require(binary), arguments)
    }

    static let asOf = ["--as-of", "2026-11-28T00:00:00+08:00", "--no-system-trust"]

    /// docs/rules.md is the catalogue as `certaudit rules --format markdown` prints it, under its
    /// header: regenerate it with `make rules-reference` when a rule changes.
    @Test(.enabled(if: binary != nil, "certaudit binary not built beside the tests"))
    func theCommittedRuleReferenceIsUpToDate() throws {
        let outcome = try Self.run(["rules", "--format", "markdown"])
        #expect(outcome.status == 0)
        let reference = try String(
            contentsOf: TestPaths.repository.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(reference.hasSuffix("\n\n" + outcome.stdout), "docs/rules.md is stale: run make rules-reference")
        for id in RuleCatalogue.descriptors.map(\.id) { #expect(reference.contains("| \(id) |"), "\(id)") }
    }

    @Test(.enabled(if: binary != nil, "certaudit binary not built beside the tests"))
    func aCleanRunExitsZeroWithOneSummaryLine() throws {
        let output = try TestPaths.scratch().appendingPathComponent("out").path
        let outcome = try Self.run(["run", "--output", output] + Self.asOf)
        #expect(outcome.status == 0)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("certaudit: 51 certificates, 5 rows quarantined") == true)
        #expect(lines.first?.contains(", 34 operations (") == true, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test(.enabled(if: binary != nil, "certaudit binary not built beside the tests"))
    func findingsAtTheFailOnLevelExitOne() throws {
        let output = try TestPaths.scratch().appendingPathComponent("out").path
        #expect(try Self.run(["run", "--output", output, "--fail-on", "critical"] + Self.asOf).status == 1)
    }

    @Test(.enabled(if: binary != nil, "certaudit binary not built beside the tests"))
    func badUsageAndMissingInputsExitTwoNamingThePath() throws {
        let missing = try Self.run(["run", "--inputs", "/nonexistent/estate"] + Self.asOf)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/estate"))
        #expect(try Self.run(["run", "--fail-on", "severe"]).status == 2)
        #expect(try Self.run(["run", "--no-such-option"]).status == 2)
        let templates = try Self.run(
            ["run", "--templates", "/nonexistent/templates", "--output", try TestPaths.scratch().path + "/o"]
                + Self.asOf)
        #expect(templates.status == 2)
        #expect(templates.stderr.contains("/nonexistent/templates"))
        let date = try Self.run(["run", "--as-of", "2026-02-30"])
        #expect(date.status == 2)
        #expect(date.stderr.contains("2026-02-30"))
    }

    @Test(.enabled(if: binary != nil, "certaudit binary not built beside the tests"))
    func rulesListsTheWholeCatalogue() throws {
        let outcome = try Self.run(["rules", "--format", "json"])
        #expect(outcome.status == 0)
        let rules = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]]
        let ids = (rules ?? []).compactMap { $0["id"] as? String }
        #expect(ids.contains("BR-MAX-VALIDITY") && ids.contains("PTS-RECONCILE"))
        #expect(try Self.run(["rules", "--format", "markdown"]).stdout.hasPrefix("| ID |"))
    }

    @Test(.enabled(if: binary != nil, "certaudit binary not built beside the tests"))
    func inspectShowsTheLeafAndTheChain() throws {
        let fixture = TestPaths.repository.appendingPathComponent("Tests/CertAuditX509Tests/Fixtures").path
        let text = try Self.run([
            "inspect", fixture + "/chain-out-of-order.pem", "--trust", fixture + "/trust/root.pem", "--no-system-trust",
            "--as-of", "2026-06-01",
        ])
        #expect(text.status == 0)
        #expect(text.stdout.contains("certificate 2 (leaf)"))
        #expect(text.stdout.contains("chain: complete"))
        #expect(text.stdout.contains("NOT in chain order"))
        let zip = try Self.run([
            "inspect", fixture + "/zip/forms-differ.zip", "--trust", fixture + "/trust/root.pem", "--no-system-trust",
            "--as-of", "2026-06-01",
        ])
        #expect(zip.status == 0)
        #expect(zip.stdout.contains("form check: the iis form holds another certificate"))
        #expect(zip.stdout.contains("not read: p256.example.com_Tomcat/p256.example.com.jks"))
        let pfx = try Self.run([
            "inspect", fixture + "/pfx/server.pfx", "--trust", fixture + "/trust/root.pem", "--no-system-trust",
            "--as-of", "2026-06-01",
        ])
        #expect(pfx.status == 0)
        #expect(pfx.stdout.contains("key: present, matches the leaf"))
        let json = try Self.run(["inspect", fixture + "/garbage.pem", "--json"])
        #expect(json.status == 2)
        #expect(json.stdout.contains("解析失败"))
    }
}
