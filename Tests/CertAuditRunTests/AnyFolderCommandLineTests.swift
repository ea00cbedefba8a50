import Foundation
import Testing

/// The binary as cron runs it: from a folder that is not the repository, with no `--templates`, so
/// the templates and the schema must come from inside the binary.
struct AnyFolderCommandLineTests {
    /// The sample job run from a scratch folder holding only a copy of inputs/ gives, byte for byte,
    /// the golden reports `make report` writes from the repository with `--templates templates`.
    @Test(.enabled(if: CommandLineTests.binary != nil, "certaudit binary not built beside the tests"))
    func theSampleJobFromAnotherFolderWithoutTemplatesWritesTheGoldenReports() throws {
        let folder = try TestPaths.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: TestPaths.sampleInputs), to: folder.appendingPathComponent("inputs"))
        var arguments = try GoldenOutputTests.sampleRunArguments()
        let templates = try #require(arguments.firstIndex(of: "--templates"))
        arguments.removeSubrange(templates...templates + 1)
        let outcome = try ChildProcess.run(
            try #require(CommandLineTests.binary), arguments + ["--output", "output"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let expected = try TestPaths.contents(of: GoldenOutputTests.golden)
        let actual = try TestPaths.contents(of: folder.appendingPathComponent("output"))
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (name, bytes) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(actual[name] == bytes, "\(name) differs from the golden file when run from another folder")
        }
        // The auditor's check of the published folder.
        let check = try ChildProcess.run(
            "/usr/bin/sha256sum", ["--check", "--strict", "SHA256SUMS"], in: folder.appendingPathComponent("output"))
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // Every file but SHA256SUMS itself and metrics.prom (the monitoring feed, with the run's duration).
        #expect(check.stdout.split(separator: "\n").count == expected.count - 2)
    }

    /// `templates export` writes the built-in files, which are templates/ as committed; a second
    /// export into the same folder refuses (exit 2) and leaves the customised files alone.
    @Test(.enabled(if: CommandLineTests.binary != nil, "certaudit binary not built beside the tests"))
    func templatesExportWritesTheRepositorysTemplatesAndNeverOverwrites() throws {
        let folder = try TestPaths.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = try #require(CommandLineTests.binary)
        #expect(try ChildProcess.run(binary, ["templates", "export", "mine"], in: folder).status == 0)
        let exported = folder.appendingPathComponent("mine")
        #expect(
            try TestPaths.contents(of: exported) == TestPaths.contents(of: URL(fileURLWithPath: TestPaths.templates)))
        let style = exported.appendingPathComponent("partials/style.mustache")
        try Data("customised".utf8).write(to: style)
        let again = try ChildProcess.run(binary, ["templates", "export", "mine"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("exists"), "\(again.stderr)")
        #expect(try Data(contentsOf: style) == Data("customised".utf8))
    }
}
