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

    /// Every file of a published folder by path (`pages/…` included), with its bytes: what a failed
    /// run must leave as it was.
    func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            files[name] = try Data(contentsOf: url)
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
                "SHA256SUMS", "changes.csv", "finance.html", "findings.csv", "forecast.csv", "inventory.csv",
                "ledger.csv", "metrics.prom",
                "operations.csv",
                "report.html", "report.xml", "timeline.csv",
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
                "forecast.csv", "ledger.csv", "changes.csv", "finance.html", "metrics.prom",
            ])
        #expect(files.map(\.name) == ReportWriter.files)
        let header = ReportCertificate.section.csvColumns.joined(separator: ",") + "\r\n"
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
        #expect(before.count == ReportWriter.files.count + 1)  // and SHA256SUMS

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

    /// With one job the file is validated once written; with two, as it is written.
    @Test(arguments: [1, 2]) func schemaThatRejectsTheReportIsAnInternalErrorAndPublishesNothing(jobs: Int) throws {
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
            try ReportWriter(templates: .directory(templates.path), schema: .file(schemaPath), jobs: jobs).write(
                ReportFixtures.emptyModel(), to: output.path)
        }
        #expect(error?.kind == .internal)
        #expect(error?.description.contains("does not validate") == true)
        #expect(try contents(of: output) == before)
        // Without a previous report, no output folder appears at all.
        let fresh = scratch.appendingPathComponent("fresh")
        #expect(throws: ReportError.self) {
            try ReportWriter(templates: .directory(templates.path), schema: .file(schemaPath), jobs: jobs).write(
                ReportFixtures.emptyModel(), to: fresh.path)
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

/// A run stages its report once the estate is read and writes inventory.csv beside the simulations
/// (`ReportWriter.begin`); the rest once the model is made (`ReportWriting.finish`).
@Suite struct ReportWritingTests {
    /// Every published file, pages and SHA256SUMS included, by path, with its bytes.
    func published(_ folder: URL) throws -> [String: Data] { try ReportWriterTests().contents(of: folder) }

    func scratchDirectory() throws -> URL { try ReportWriterTests().scratchDirectory() }

    /// The inventory, made from the estate as a run makes it, and the files it alone makes
    /// (inventory.csv, metrics.prom's gauges) written before the model exists: the same files as a
    /// report written whole on one thread.
    @Test(arguments: [1, 2]) func inventoryWrittenBeforeTheModelGivesTheSameReport(jobs: Int) throws {
        let scratch = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let model = ReportFixtures.hostileModel()
        let whole = scratch.appendingPathComponent("whole")
        try ReportWriter(templates: .directory(ReportFixtures.templatesDirectory), htmlRowLimit: 1).write(
            model, to: whole.path)

        let staged = scratch.appendingPathComponent("staged")
        let writing = try ReportWriter(
            templates: .directory(ReportFixtures.templatesDirectory), htmlRowLimit: 1, jobs: jobs
        ).begin(staged.path) {
            ReportCertificates(estate: ReportFixtures.hostileEstate(), settings: ReportFixtures.settings)
        }
        // With two jobs inventory.csv and metrics.prom's gauges are written before there is a model;
        // with one, with the rest.
        #expect((writing.estateFiles != nil) == (jobs >= 2))
        if let work = writing.estateFiles {
            try work.wait().get()
            let early = try published(URL(fileURLWithPath: writing.publication.staging.directory))
            #expect(early.keys.sorted() == [ReportWriter.inventoryFile, ReportWriter.metricsFile])
            let metrics = String(decoding: early[ReportWriter.metricsFile] ?? Data(), as: UTF8.self)
            #expect(metrics.contains("x509_cert_not_after{") && !metrics.contains("certaudit_"))
        }
        #expect(!FileManager.default.fileExists(atPath: staged.path))
        try writing.finish(model)

        let one = try published(whole)
        let other = try published(staged)
        #expect(one.keys.sorted() == other.keys.sorted())
        #expect(one.keys.contains("pages/inventory-0001.html"))
        for (name, bytes) in one { #expect(other[name] == bytes, "\(name)") }
        #expect(String(decoding: other[ReportWriter.metricsFile] ?? Data(), as: UTF8.self).contains("certaudit_"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["staged", "whole"])
    }

    /// A run that fails after the estate is read drops what it staged, once the estate's files are
    /// done, and leaves the previous report as it was.
    @Test func discardingLeavesThePreviousReport() throws {
        let scratch = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("output")
        try ReportWriter(templatesDirectory: ReportFixtures.templatesDirectory).write(
            ReportFixtures.emptyModel(), to: output.path)
        let before = try published(output)
        let writing = try ReportWriter(templates: .directory(ReportFixtures.templatesDirectory), jobs: 2).begin(
            output.path
        ) { ReportFixtures.hostileModel().certificates }
        #expect(writing.estateFiles != nil)
        writing.discard()
        #expect(try published(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["output"])
    }

    /// The estate's files failing on their thread (here, a stand-in that fails at once) fail the report once
    /// the rest is rendered: nothing is published, and nothing is left staged.
    @Test func estateFilesThatFailPublishNothing() throws {
        let scratch = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("output")
        let writer = ReportWriter(templates: .directory(ReportFixtures.templatesDirectory), jobs: 2)
        let failing = BackgroundWork { () -> Result<Void, ReportError> in
            .failure(ReportError(.internal, "cannot write inventory.csv: no space left on device"))
        }
        let writing = ReportWriting(
            writer: writer, publication: try ReportPublisher(outputDirectory: output.path).stage(),
            estateFiles: failing)
        let wrote = Wrote()
        let error = #expect(throws: ReportError.self) {
            try writing.finish(ReportFixtures.hostileModel(), wrote: { wrote.add($0) })
        }
        #expect(error?.description.contains("no space left on device") == true)
        // The other files were written (metrics.prom is told last, after the estate's files are waited
        // for); inventory.csv is not counted.
        #expect(wrote.names.count == ReportWriter.files.count - 2)
        #expect(!wrote.names.contains(ReportWriter.inventoryFile))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    /// With two jobs the files other than report.xml and its twins are rendered on a thread of lower
    /// priority (report.xml's validation is the writing's critical path); with one, on the caller's.
    /// `wrote` is told of report.html on the thread that rendered it.
    @Test(
        .enabled(if: ThreadNice.current() != nil, "the system shows no per-thread nice value"), arguments: [1, 2])
    func theOtherFilesGiveWayToReportXML(jobs: Int) throws {
        let scratch = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let callers = try #require(ThreadNice.current())
        let niceness = Wrote()
        try ReportWriter(templates: .directory(ReportFixtures.templatesDirectory), jobs: jobs).write(
            ReportFixtures.hostileModel(), to: scratch.appendingPathComponent("output").path
        ) {
            nil
        } wrote: { name in
            if name == ReportWriter.htmlFile { niceness.add(String(ThreadNice.current() ?? -99)) }
        }
        let expected = jobs >= 2 ? min(callers + Int(ReportWriter.othersPriorityStep), 19) : callers
        #expect(niceness.names == [String(expected)])
    }

    /// The names `wrote` was told, from the writer's threads.
    final class Wrote: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ name: String) { lock.withLock { list.append(name) } }
        var names: [String] { lock.withLock { list } }
    }
}

/// Large estates: `report.html` shows the first rows, and the full inventory and findings are paged
/// into `pages/` (issue 10).
@Suite struct HTMLPagesTests {
    @Test func theFullInventoryAndFindingsArePagedWhenTheReportShowsOnlyTheirFirstRows() throws {
        let model = ReportFixtures.hostileModel()
        let files = try ReportWriter(templatesDirectory: ReportFixtures.templatesDirectory, htmlRowLimit: 2).render(
            model)
        let pages = files.map(\.name).filter { $0.hasPrefix("pages/") }
        let findingPages = (model.findings.count + 1) / 2
        #expect(findingPages >= 2)
        #expect(
            pages
                == (1...findingPages).map { "pages/findings-000\($0).html" } + [
                    "pages/inventory-0001.html", "pages/inventory-0002.html",
                ])

        func document(_ name: String) throws -> ParsedDocument {
            try #require(ParsedDocument(ReportFixtures.file(name, in: files), kind: .html))
        }
        // Every certificate once, soonest expiry first, as report.html orders them.
        let first = try document("pages/inventory-0001.html")
        let second = try document("pages/inventory-0002.html")
        let ids =
            first.strings("//table[@id='inventory-table']/tbody/tr/td[1]")
            + second.strings("//table[@id='inventory-table']/tbody/tr/td[1]")
        #expect(ids == ["cert-a", "cert-b", "cert-c"])
        #expect(first.strings("//nav/a/@href") == ["inventory-0002.html"])
        #expect(second.strings("//nav/a/@href") == ["inventory-0001.html"])
        #expect(first.strings("//header/p//a/@href") == ["../report.html"])
        // Input text stays text: the alias that is a script tag is no element.
        // (The one script is the inventory's sort script, as in report.html.)
        #expect(first.strings("//script").count == 1 && second.strings("//script").count == 1)
        #expect(!(first.strings("//script") + second.strings("//script")).joined().contains("alert(1)"))
        #expect(first.strings("//td[@data-label='Alias']").contains(ReportFixtures.scriptAlias))
        #expect(ids.count == model.certificates.count)

        // Findings: every one across the pages, each rule linked to the report's rule reference.
        let findingRows = try (1...findingPages).flatMap { page in
            try document("pages/findings-000\(page).html").strings("//table[@id='findings-table']/tbody/tr/td[1]")
        }
        #expect(findingRows == model.findings.map(\.rule))
        // Dates stay on one line (class date), as in every table.
        let dated = try (1...findingPages).flatMap { page in
            try document("pages/findings-000\(page).html").strings("//td[@class='date']/time")
        }
        #expect(dated == model.findings.compactMap(\.date))
        #expect(
            try document("pages/findings-0001.html").strings("//tbody//a/@href").allSatisfy {
                $0.hasPrefix("../report.html#rule-")
            })

        let report = try document("report.html")
        #expect(report.strings("//section[@id='inventory']//a/@href").contains("pages/inventory-0001.html"))
        #expect(
            report.strings("//section[@id='findings']//p[@class='note']/a/@href").contains("pages/findings-0001.html"))
    }

    /// A page gets its rows whole (`tableRows`); a page template that loops over `rows` itself, as the
    /// built-in one did, still gets them and writes the same pages, the hostile rows' classes and
    /// escaped cells included.
    @Test func aPageTemplateThatLoopsOverItsRowsWritesTheSamePages() throws {
        let model = ReportFixtures.hostileModel()
        let pages = { (templates: String) throws -> [(name: String, bytes: [UInt8])] in
            try ReportWriter(templatesDirectory: templates, htmlRowLimit: 1).render(model).filter {
                $0.name.hasPrefix("pages/")
            }
        }
        let builtIn = try pages(ReportFixtures.templatesDirectory)
        let loopingPages = try Self.withPageTemplate(
            showingRowsAs:
                "{{#rows}}\n<tr{{#hasRowClass}} class=\"{{rowClass}}\"{{/hasRowClass}}>{{{cells}}}</tr>\n{{/rows}}\n",
            pages)
        #expect(builtIn.count > 2)
        #expect(builtIn.map(\.name) == loopingPages.map(\.name))
        for (one, other) in zip(builtIn, loopingPages) { #expect(one.bytes == other.bytes, "\(one.name)") }
        #expect(builtIn.contains { String(decoding: $0.bytes, as: UTF8.self).contains("<tr class=\"") })
    }

    /// Runs `body` on a copy of the shipped templates whose page template shows its rows as `rows`
    /// says instead of `{{{tableRows}}}`.
    static func withPageTemplate<Result>(
        showingRowsAs rows: String, _ body: (_ templates: String) throws -> Result
    ) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-page-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let custom = folder.appendingPathComponent("templates").path
        try FileManager.default.copyItem(atPath: ReportFixtures.templatesDirectory, toPath: custom)
        let page = custom + "/page.html.mustache"
        let shipped = try String(contentsOfFile: page, encoding: .utf8)
        let changed = shipped.replacingOccurrences(of: "{{{tableRows}}}", with: rows)
        #expect(changed != shipped)
        try changed.write(toFile: page, atomically: true, encoding: .utf8)
        return try body(custom)
    }

    /// A page template that inserts the rows escaped (`{{tableRows}}`) gets them escaped, as Mustache
    /// escapes any value, beside the same rows inserted whole.
    @Test func aPageTemplateThatEscapesItsRowsGetsThemEscaped() throws {
        let files = try Self.withPageTemplate(
            showingRowsAs: "{{{tableRows}}}</tbody></table><pre id=\"escaped\">{{tableRows}}</pre><table><tbody>"
        ) { templates in
            try ReportWriter(templatesDirectory: templates, htmlRowLimit: 1).render(ReportFixtures.hostileModel())
        }
        let first = try #require(files.first { $0.name == "pages/inventory-0001.html" })
        let html = String(decoding: first.bytes, as: UTF8.self)
        let escaped = try #require(html.range(of: "<pre id=\"escaped\">").map { html[$0.upperBound...] })
        #expect(escaped.hasPrefix("&lt;tr"))
        #expect(html.contains("<tr"))
        #expect(!html.contains("certaudit-table-rows"))
    }

    /// Pages are rendered several at a time; the files are the same whatever the number.
    @Test func pagesAreTheSameRenderedOneOrThreeAtATime() throws {
        let model = ReportFixtures.hostileModel()
        let one = try ReportWriter(templatesDirectory: ReportFixtures.templatesDirectory, htmlRowLimit: 1).render(model)
        let three = try ReportWriter(
            templates: .directory(ReportFixtures.templatesDirectory), htmlRowLimit: 1, jobs: 3
        ).render(model)
        #expect(one.filter { $0.name.hasPrefix("pages/") }.count == model.certificates.count + model.findings.count)
        #expect(one.map(\.name) == three.map(\.name))
        #expect(one.map(\.bytes) == three.map(\.bytes))
    }

    @Test func aReportThatShowsEveryRowHasNoPages() throws {
        let files = try ReportWriter(templatesDirectory: ReportFixtures.templatesDirectory).render(
            ReportFixtures.hostileModel())
        #expect(!files.contains { $0.name.hasPrefix("pages/") })
    }
}
