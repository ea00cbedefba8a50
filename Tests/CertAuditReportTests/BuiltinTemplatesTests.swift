import Foundation
import Testing

@testable import CertAuditReport

/// The templates compiled into the binary are the repository's templates/, and render the same.
struct BuiltinTemplatesTests {
    /// Fails when templates/ changed without `make builtin-templates`.
    @Test func theBuiltInFilesAreTheRepositorysTemplatesFolder() throws {
        let folder = URL(fileURLWithPath: ReportFixtures.templatesDirectory)
        var onDisk: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            onDisk[String(url.path.dropFirst(folder.path.count + 1))] = try String(contentsOf: url, encoding: .utf8)
        }
        let builtIn = Dictionary(uniqueKeysWithValues: ReportTemplates.builtInFiles.map { ($0.path, $0.text) })
        #expect(builtIn.keys.sorted() == onDisk.keys.sorted(), "run make builtin-templates")
        for (path, text) in onDisk.sorted(by: { $0.key < $1.key }) {
            #expect(builtIn[path] == text, "\(path) differs from its built-in copy: run make builtin-templates")
        }
    }

    @Test func theBuiltInTemplatesRenderWhatTheFolderRenders() throws {
        let model = ReportFixtures.hostileModel()
        let folder = try ReportWriter(templatesDirectory: ReportFixtures.templatesDirectory).render(model)
        let builtIn = try ReportWriter().render(model)
        #expect(builtIn.map(\.name) == folder.map(\.name))
        #expect(builtIn.map(\.bytes) == folder.map(\.bytes))
    }

    @Test func theBuiltInSchemaValidatesAndRejectsAsTheFileDoes() throws {
        let xml = try XMLReportRenderer().render(ReportFixtures.hostileModel())
        try XSDValidator(schema: .builtIn).validate(xml)
        let bad = Array("<certaudit-report xmlns=\"urn:certaudit:report:1\" schema-version=\"2\"/>".utf8)
        let error = #expect(throws: ReportError.self) { try XSDValidator(schema: .builtIn).validate(bad) }
        #expect(error?.kind == .internal)
        #expect(error?.message.contains("the built-in report.xsd") == true)
    }

    @Test func exportWritesEveryBuiltInFileAndRefusesToOverwrite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-export-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ReportTemplates.exportBuiltIn(to: folder.path)
        for file in ReportTemplates.builtInFiles {
            let text = try String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8)
            #expect(text == file.text, "\(file.path)")
        }
        // The export renders as the built-in templates do.
        let model = ReportFixtures.emptyModel()
        #expect(
            try ReportWriter(templatesDirectory: folder.path).render(model).map(\.bytes)
                == ReportWriter().render(model).map(\.bytes))
        let error = #expect(throws: ReportError.self) { try ReportTemplates.exportBuiltIn(to: folder.path) }
        #expect(error?.kind == .templates)
    }
}
