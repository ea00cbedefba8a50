import CertAuditReport
import Foundation
import Testing

/// The binary as the nightly job runs it, when the run fails after the audit: exit code 3 for an
/// internal error (a report that does not validate, an output folder that cannot be created), and
/// the previous report folder left whole, byte for byte, whatever the failure.
struct PublicationCommandLineTests {
    static let enabled = CommandLineTests.binary != nil

    /// The sample job at `asOf`, into `output`, with `templates` and the schema of that folder.
    static func run(output: URL, templates: String = "templates", asOf: String = "2026-11-28T00:00:00+08:00") throws
        -> ChildProcess.Outcome
    {
        try CommandLineTests.run([
            "run", "--inputs", "inputs", "--output", output.path, "--templates", templates,
            "--schema", templates + "/report.xsd", "--as-of", asOf, "--no-system-trust",
        ])
    }

    /// A copy of templates/ in `scratch`, changed by `change`.
    static func templates(in scratch: URL, _ change: (URL) throws -> Void) throws -> URL {
        let copy = scratch.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestPaths.templates), to: copy)
        try change(copy)
        return copy
    }

    /// A schema that rejects every report certaudit writes (schema-version 1 is no longer allowed).
    static func rejectingSchema(_ templates: URL) throws {
        let schema = templates.appendingPathComponent("report.xsd")
        let text = try String(contentsOf: schema, encoding: .utf8)
        let changed = text.replacingOccurrences(
            of: "<xs:enumeration value=\"1\"/>", with: "<xs:enumeration value=\"9\"/>")
        try #require(changed != text)
        try Data(changed.utf8).write(to: schema)
    }

    @Test(.enabled(if: enabled, "certaudit binary not built beside the tests"))
    func aReportThatDoesNotValidateExitsThree() throws {
        let scratch = try TestPaths.scratch()
        let templates = try Self.templates(in: scratch, Self.rejectingSchema)
        let output = scratch.appendingPathComponent("output")
        let outcome = try Self.run(output: output, templates: templates.path)
        #expect(outcome.status == 3)
        #expect(
            outcome.stderr.hasPrefix("certaudit: internal error: report.xml does not validate"), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// The XML's contract is the built-in schema: a templates folder's own report.xsd, however it
    /// reads, is not used unless given with `--schema`.
    @Test(.enabled(if: enabled, "certaudit binary not built beside the tests"))
    func aTemplatesFoldersSchemaIsUsedOnlyWhenGivenOnPurpose() throws {
        let scratch = try TestPaths.scratch()
        let templates = try Self.templates(in: scratch, Self.rejectingSchema)
        let output = scratch.appendingPathComponent("output")
        let outcome = try CommandLineTests.run([
            "run", "--inputs", "inputs", "--output", output.path, "--templates", templates.path,
            "--as-of", "2026-11-28T00:00:00+08:00", "--no-system-trust",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("report.xml").path))
    }

    @Test(.enabled(if: enabled, "certaudit binary not built beside the tests"))
    func anOutputFolderThatCannotBeCreatedExitsThree() throws {
        let scratch = try TestPaths.scratch()
        let file = scratch.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: file)
        let outcome = try Self.run(output: file.appendingPathComponent("output"))
        #expect(outcome.status == 3)
        #expect(outcome.stderr.hasPrefix("certaudit: internal error: cannot create"), "\(outcome.stderr)")
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }

    /// A failed run — the schema rejects the report (exit 3), or the HTML template does not parse
    /// after report.xml has been written (exit 2) — leaves every file of the previous report as it
    /// was, and nothing beside it. The failing runs audit another day, so a publisher that wrote in
    /// place would change report.xml.
    @Test(.enabled(if: enabled, "certaudit binary not built beside the tests"))
    func aFailedRunLeavesThePreviousReportWhole() throws {
        let scratch = try TestPaths.scratch()
        let output = scratch.appendingPathComponent("output")
        #expect(try Self.run(output: output).status == 0)
        let before = try TestPaths.contents(of: output)
        #expect(before.count == ReportWriter.files.count + 1)  // and SHA256SUMS

        let failures: [(status: Int32, change: (URL) throws -> Void)] = [
            (3, Self.rejectingSchema),
            (2, { try Data("{{#unclosed}}".utf8).write(to: $0.appendingPathComponent("report.html.mustache")) }),
        ]
        for failure in failures {
            let templates = try Self.templates(in: scratch, failure.change)
            let outcome = try Self.run(output: output, templates: templates.path, asOf: "2026-12-01T00:00:00+08:00")
            #expect(outcome.status == failure.status, "\(outcome.stderr)")
            #expect(try TestPaths.contents(of: output) == before, "exit \(failure.status) changed the previous report")
            try FileManager.default.removeItem(at: templates)
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["output"])
        }
        // The same templates, unchanged, do publish the other day's report.
        #expect(try Self.run(output: output, asOf: "2026-12-01T00:00:00+08:00").status == 0)
        #expect(try TestPaths.contents(of: output)["/report.xml"] != before["/report.xml"])
    }
}
