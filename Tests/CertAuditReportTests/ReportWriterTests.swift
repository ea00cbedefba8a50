import CertAuditCore
import Foundation
import Testing

@testable import CertAuditReport

@Suite struct ReportWriterTests {
    func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file of a published folder by name, with its bytes: what a failed run must leave as it was.
    func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test func writesEveryFileAndTheyValidate() throws {
        let scratch = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("output")
        try ReportWriter(templatesDirectory: ReportFixtures.templatesDirectory).write(
            ReportFixtures.hostileModel(), to: output.path)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(
            names == [
                "finance.html", "findings.csv", "forecast.csv", "inventory.csv", "ledger.csv", "metrics.prom",
                "operations.csv", "report.html", "report.xml", "timeline.csv",
            ])
        let xml = try [UInt8](Data(contentsOf: output.appendingPathComponent("report.xml")))
        try XSDValidator(schemaPath: ReportFixtures.templatesDirectory + "/report.xsd").validate(xml)
        // No temporary or old folder is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["output"])
    }

    @Test func zeroCertificatesRenderAndValidate() throws {
        let files = try ReportWriter(templatesDirectory: ReportFixtures.templatesDirectory).render(
            ReportFixtures.emptyModel())
        #expect(
            files.map(\.name) == [
                "report.xml", "report.html", "findings.csv", "inventory.csv", "operations.csv", "timeline.csv",
                "forecast.csv", "ledger.csv", "finance.html", "metrics.prom",
            ])
        #expect(files.map(\.name) == ReportWriter.fileNames)
        let header = CSVReportRenderer.inventoryColumns.joined(separator: ",") + "\r\n"
        #expect(ReportFixtures.file("inventory.csv", in: files) == CSVReportRenderer.byteOrderMark + Array(header.utf8))
    }

    @Test func twoRendersGiveIdenticalBytes() throws {
        let writer = ReportWriter(templatesDirectory: ReportFixtures.templatesDirectory)
        let first = try writer.render(ReportFixtures.hostileModel())
        let second = try writer.render(ReportFixtures.hostileModel())
        #expect(first.map(\.name) == second.map(\.name))
        #expect(first.map(\.bytes) == second.map(\.bytes))
    }

    @Test func publishingReplacesAnExistingOutput() throws {
        let scratch = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("stale.txt"))
        try ReportWriter(templatesDirectory: ReportFixtures.templatesDirectory).write(
            ReportFixtures.emptyModel(), to: output.path)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(!names.contains("stale.txt"))
        #expect(names.contains("report.xml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["output"])
    }

    @Test func failedRenderLeavesThePreviousOutputUntouched() throws {
        let scratch = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("output")
        try ReportWriter(templatesDirectory: ReportFixtures.templatesDirectory).write(
            ReportFixtures.hostileModel(), to: output.path)
        let before = try contents(of: output)
        #expect(before.count == ReportWriter.fileNames.count)

        // A templates folder with the schema but a report template that does not parse: the new
        // report.xml (of another model, so other bytes) is written before the HTML fails.
        let templates = scratch.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: ReportFixtures.templatesDirectory + "/report.xsd",
            toPath: templates.appendingPathComponent("report.xsd").path)
        try Data("{{#unclosed}}".utf8).write(to: templates.appendingPathComponent("report.html.mustache"))
        let error = #expect(throws: ReportError.self) {
            try ReportWriter(templatesDirectory: templates.path).write(ReportFixtures.emptyModel(), to: output.path)
        }
        #expect(error?.kind == .templates)
        #expect(try contents(of: output) == before)
        // Without a previous report, no output folder appears at all.
        let fresh = scratch.appendingPathComponent("fresh")
        #expect(throws: ReportError.self) {
            try ReportWriter(templatesDirectory: templates.path).write(ReportFixtures.emptyModel(), to: fresh.path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["output", "templates"])
    }

    @Test func schemaThatRejectsTheReportIsAnInternalErrorAndPublishesNothing() throws {
        let scratch = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let templates = scratch.appendingPathComponent("templates")
        try FileManager.default.copyItem(atPath: ReportFixtures.templatesDirectory, toPath: templates.path)
        let schemaPath = templates.appendingPathComponent("report.xsd").path
        let schema = try String(contentsOfFile: schemaPath, encoding: .utf8)
            .replacingOccurrences(of: "<xs:enumeration value=\"1\"/>", with: "<xs:enumeration value=\"9\"/>")
        try schema.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let output = scratch.appendingPathComponent("output")
        try ReportWriter(templatesDirectory: ReportFixtures.templatesDirectory).write(
            ReportFixtures.hostileModel(), to: output.path)
        let before = try contents(of: output)
        let error = #expect(throws: ReportError.self) {
            try ReportWriter(templatesDirectory: templates.path).write(ReportFixtures.emptyModel(), to: output.path)
        }
        #expect(error?.kind == .internal)
        #expect(error?.description.contains("does not validate") == true)
        #expect(try contents(of: output) == before)
        // Without a previous report, no output folder appears at all.
        let fresh = scratch.appendingPathComponent("fresh")
        #expect(throws: ReportError.self) {
            try ReportWriter(templatesDirectory: templates.path).write(ReportFixtures.emptyModel(), to: fresh.path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["output", "templates"])
    }

    @Test func publisherRemovesItsTemporaryFolderWhenWritingFails() throws {
        let scratch = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: output.appendingPathComponent("report.xml"))
        #expect(throws: ReportError.self) {
            try ReportPublisher(outputDirectory: output.path).publish([("missing-dir/report.xml", [1, 2, 3])])
        }
        #expect(try contents(of: output) == ["report.xml": Data("keep".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["output"])
    }
}
