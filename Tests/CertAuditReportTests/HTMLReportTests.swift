import CertAuditCore
import CertAuditRules
import Foundation
import Testing

@testable import CertAuditReport

@Suite struct HTMLReportTests {
    func render(_ model: ReportModel, rowLimit: Int = 1_000) throws -> [UInt8] {
        try HTMLReportRenderer(templatesDirectory: ReportFixtures.templatesDirectory, rowLimit: rowLimit).render(model)
    }

    @Test func hostileTextIsEscapedAndInjectsNoElement() throws {
        let html = try render(ReportFixtures.hostileModel())
        let document = try #require(ParsedDocument(html, kind: .html))
        // The only script is the inline table sorter; nothing injected.
        let scripts = document.strings("//script")
        #expect(scripts.count == 1)
        #expect(scripts.allSatisfy { !$0.contains("alert(1)") })
        #expect(document.strings("//b").isEmpty)
        #expect(document.strings("//x").isEmpty)
        // The hostile text survives as text.
        let cells = document.strings("//td")
        #expect(cells.contains(ReportFixtures.scriptAlias))
        #expect(cells.contains(ReportFixtures.rtlAlias))
        #expect(cells.contains("bad date \"<b>x</b>\",\nsee row"))
        #expect(cells.contains("/data/in <dir>"))
        let messages = document.strings("//div[@class='message']")
        #expect(messages.contains(ReportFixtures.formulaMessage))
        #expect(messages.contains("alias \(ReportFixtures.scriptAlias) and \(ReportFixtures.quoteBrand)"))
        let text = String(decoding: html, as: UTF8.self)
        #expect(!text.contains(ReportFixtures.scriptAlias))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x09 })
    }

    @Test func sectionsComeInTheAuditorsOrder() throws {
        let html = String(decoding: try render(ReportFixtures.hostileModel()), as: UTF8.self)
        let order = ["summary", "findings", "calendar", "inventory", "data-quality", "manifest", "rules"]
        let positions = order.map { html.range(of: "<section id=\"\($0)\">")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func findingsLinkToTheirRuleEntry() throws {
        let document = try #require(ParsedDocument(try render(ReportFixtures.hostileModel()), kind: .html))
        #expect(document.strings("//div[@id='rule-CERT-EXPIRING']").count == 1)
        #expect(document.strings("//div[@id='rule-CERT-EXPIRED']").count == 1)
        let links = document.strings("//li[contains(@class,'finding')]//a/@href")
        #expect(links == ["#rule-CERT-EXPIRED", "#rule-CERT-EXPIRING", "#rule-CERT-EXPIRING"])
        // A finding whose rule has no entry is shown without a dangling link.
        #expect(document.strings("//li[contains(@class,'severity-info')]//a").isEmpty)
    }

    /// The inventory and operations tables show a column per field whose description has an HTML
    /// column, in order, and every row has a cell under each heading (issue 15).
    @Test func tablesShowEveryDescribedHTMLColumn() throws {
        let document = try #require(ParsedDocument(try render(ReportFixtures.hostileModel()), kind: .html))
        let inventoryHeadings = document.strings("//table[@id='inventory-table']/thead/tr/th").map {
            $0.replacingOccurrences(of: " \u{2195}", with: "")
        }
        #expect(inventoryHeadings == ReportCertificate.section.htmlFields.compactMap(\.html?.heading))
        #expect(inventoryHeadings.contains("SANs"))
        let cells = document.strings("//table[@id='inventory-table']/tbody/tr/td").count
        #expect(cells == 3 * inventoryHeadings.count)
        #expect(
            document.strings("//table[@id='inventory-table']/thead/tr/th[@data-sort]/@data-sort") == ["text", "number"])
    }

    @Test func inventoryIsPrintedSortedByDaysToExpiry() throws {
        let document = try #require(ParsedDocument(try render(ReportFixtures.hostileModel()), kind: .html))
        #expect(document.strings("//table[@id='inventory-table']/tbody/tr/td[1]") == ["cert-a", "cert-b", "cert-c"])
        let days = "//table[@id='inventory-table']/tbody/tr/td[@data-key]"
        #expect(document.strings(days) == ["-3", "10", "200"])
        #expect(document.strings("//table[@id='inventory-table']/tbody/tr[@class='expired']/td[1]") == ["cert-a"])
    }

    @Test func largeEstatesShowTheFirstRowsAndPointToTheCSV() throws {
        let certificates = (0..<30).map { index in
            var record = CertificateRecord(line: index + 2, id: "c\(index)")
            record.claimedNotAfter = ReportFixtures.instant(daysFromAsOf: Int64(100 - index))
            return Certificate(record: record)
        }
        let findings = (0..<30).map {
            Finding(ruleID: RuleID(rawValue: "R"), severity: .low, certificateID: "c\($0)", message: "m")
        }
        let operations = (0..<30).map { index in
            OperationVerdict(
                operation: OperationRecord(
                    line: index + 2, requestedAt: ReportFixtures.instant(daysFromAsOf: Int64(index)),
                    certificateID: "c\(index)", kind: .delete),
                reasons: [])
        }
        let model = ReportModel(
            estate: Estate(certificates: certificates), findings: findings, settings: ReportFixtures.settings,
            rules: [], runSettings: [], operations: operations)
        let document = try #require(ParsedDocument(try render(model, rowLimit: 10), kind: .html))
        #expect(document.strings("//section[@id='operations']//tbody/tr/td[2]") == (2..<12).map(String.init))
        #expect(document.strings("//a[@href='operations.csv']").count == 1)
        let rows = document.strings("//table[@id='inventory-table']/tbody/tr/td[1]")
        #expect(rows.count == 10)
        #expect(rows.first == "c29")
        #expect(document.strings("//li[contains(@class,'finding')]").count == 10)
        #expect(document.strings("//a[@href='inventory.csv']").count == 1)
        #expect(document.strings("//a[@href='findings.csv']").count == 1)
    }

    /// Soonest expiry first (one already past before one today), ties by ID, certificates without an
    /// expiry last; the first rows of `report.html` are the first of that same order.
    @Test func inventoryOrderBreaksTiesByIDAndPutsUnknownExpiryLast() {
        let certificates = (0..<12).map { index in
            var record = CertificateRecord(line: index + 2, id: "c\((index * 7) % 12)")
            if index % 4 != 0 { record.claimedNotAfter = ReportFixtures.instant(daysFromAsOf: Int64(index % 3) - 1) }
            return Certificate(record: record)
        }
        let model = ReportModel(
            estate: Estate(certificates: certificates), findings: [], settings: ReportFixtures.settings, rules: [],
            runSettings: [])
        let expected = model.certificates.sorted {
            ($0.daysToExpiry ?? .max, $0.daysToExpiry == nil ? 1 : 0, $0.id)
                < ($1.daysToExpiry ?? .max, $1.daysToExpiry == nil ? 1 : 0, $1.id)
        }.map(\.id)
        let order = HTMLReportRenderer.inventoryOrder(model).map(\.id)
        #expect(order == expected)
        #expect(Set(model.certificates.compactMap(\.daysToExpiry)).count == 3)
        #expect(HTMLReportRenderer.inventoryOrder(model, first: 5).map(\.id) == Array(expected.prefix(5)))
    }

    /// Certificates that share an expiry day and an ID keep the model's order (by ID, then inventory
    /// line), also when the `first:` limit cuts that day's run.
    @Test func inventoryOrderKeepsEqualIDsInTheirOrder() {
        let certificates = (0..<9).map { index in
            var record = CertificateRecord(line: index + 2, id: index % 2 == 0 ? "same" : "other-\(index % 3)")
            record.alias = "row \(index)"
            record.claimedNotAfter = ReportFixtures.instant(daysFromAsOf: index < 6 ? -2 : 40_000)
            return Certificate(record: record)
        }
        let model = ReportModel(
            estate: Estate(certificates: certificates), findings: [], settings: ReportFixtures.settings, rules: [],
            runSettings: [])
        let rows = Array(model.certificates)
        let expected = rows.indices.sorted { lhs, rhs in
            (rows[lhs].daysToExpiry ?? .max, rows[lhs].id, lhs) < (rows[rhs].daysToExpiry ?? .max, rows[rhs].id, rhs)
        }.map { rows[$0].alias }
        #expect(Set(expected).count == 9)
        #expect(HTMLReportRenderer.inventoryOrder(model).map(\.alias) == expected)
        #expect(HTMLReportRenderer.inventoryOrder(model, first: 4).map(\.alias) == Array(expected.prefix(4)))
    }

    @Test func emptyModelRendersWithEveryEmptySectionExplained() throws {
        let html = try render(ReportFixtures.emptyModel())
        let text = String(decoding: html, as: UTF8.self)
        #expect(text.contains("No findings."))
        #expect(text.contains("No resource serves an expired or revoked certificate within the horizon."))
        #expect(text.contains("Nothing happens in the next 90 days."))
        #expect(text.contains("No certificates."))
        #expect(text.contains("nothing is in quarantine"))
        #expect(text.contains("No operations were requested"))
        let document = try #require(ParsedDocument(html, kind: .html))
        // Accepted risks is left out when there is no accepted.csv; "since the last run" is always there.
        #expect(document.strings("//section").count == 9)
        #expect(text.contains(ReportModel.noBaselineNote))
    }

    @Test func selfContainedAndPrintable() throws {
        let html = String(decoding: try render(ReportFixtures.hostileModel()), as: UTF8.self)
        #expect(html.contains("@media print"))
        #expect(html.contains("break-before: page"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("src="))
        #expect(!html.contains("<link"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(html.contains("name=\"viewport\""))
    }

    @Test func chartHasOneBarPerWeek() throws {
        let document = try #require(ParsedDocument(try render(ReportFixtures.hostileModel()), kind: .html))
        #expect(document.strings("//svg/rect").count == 53)
        #expect(document.strings("//svg/rect/title").contains("week of 2026-12-05: 1"))
    }

    @Test func twoRendersAreByteIdentical() throws {
        #expect(try render(ReportFixtures.hostileModel()) == (try render(ReportFixtures.hostileModel())))
    }

    @Test func shippedTemplatesNeverUseUnescapedValues() throws {
        let directory = ReportFixtures.templatesDirectory
        let files = try #require(FileManager.default.enumerator(atPath: directory)?.allObjects as? [String])
            .filter { $0.hasSuffix(".mustache") }
        #expect(files.count == 16)
        var unescaped: Set<String> = []
        for file in files {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            // `{{{name}}}` only for the table markup certaudit escaped itself (HTMLTableView).
            var rest = text[...]
            while let open = rest.range(of: "{{{") {
                let close = try #require(rest.range(of: "}}}", range: open.upperBound..<rest.endIndex), "\(file)")
                let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                #expect(HTMLReportRenderer.tableMarkup.contains(name), "\(file): {{{\(name)}}}")
                unescaped.insert(name)
                rest = rest[close.upperBound...]
            }
            #expect(!text.contains("{{&"), "\(file)")
            #expect(!text.contains("src="), "\(file)")
        }
        #expect(unescaped == HTMLReportRenderer.tableMarkup)
    }

    /// The templates are read and parsed once, when the renderer is made: report.html, finance.html
    /// and the pages are rendered from them after their folder is gone.
    @Test func theTemplatesAreReadOncePerRenderer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-templates-\(UUID())")
        try FileManager.default.copyItem(atPath: ReportFixtures.templatesDirectory, toPath: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }  // when making the renderer fails
        let renderer = try HTMLReportRenderer(templatesDirectory: folder.path, rowLimit: 1)
        try FileManager.default.removeItem(at: folder)
        let model = ReportFixtures.hostileModel()
        #expect(model.findings.count > 1)
        #expect(!(try renderer.render(model)).isEmpty)
        #expect(!(try renderer.renderFinance(model)).isEmpty)
        var pages = 0
        try renderer.renderPages(model) { (_: String, bytes: [UInt8]) throws(ReportError) in
            pages += bytes.isEmpty ? 0 : 1
        }
        #expect(pages > 0)
    }

    @Test func missingTemplatesAreATemplatesError() {
        let error = #expect(throws: ReportError.self) {
            _ = try HTMLReportRenderer(templatesDirectory: "/nonexistent", rowLimit: 10).render(
                ReportFixtures.emptyModel())
        }
        #expect(error?.kind == .templates)
    }
}

extension HTMLReportTests {
    /// Findings link to the rule reference, which cites each rule's public sources and says for a
    /// rule not checked here where it belongs.
    @Test func theRuleReferenceGivesEveryStatusAndItsReason() throws {
        let model = ReportModel(
            estate: Estate(certificates: []), findings: [], settings: ReportFixtures.settings,
            rules: RuleCatalogue.descriptors, runSettings: [])
        let document = try #require(ParsedDocument(try render(model), kind: .html))
        #expect(document.strings("//div[@class='rule']").count == RuleCatalogue.descriptors.count)
        let simulated = document.strings("//div[@id='rule-AR-CHARGE-DATE']//p[@class='note']").joined()
        #expect(
            simulated
                == "Source: SSL certificate console guide, \"自动续费\" (SSL certificate auto-renewal) · status: implemented"
        )
        let notApplicable = document.strings("//div[@id='rule-HOST-STATES']//p[@class='note']").joined()
        #expect(notApplicable.contains("status: not-applicable — Describes the hosting states"))
        let checked = document.strings("//div[@id='rule-RVK-EFFECT']//p[@class='note']").joined()
        #expect(
            checked
                == "Source: SSL certificate console guide, \"吊销证书\" (Revoking an SSL certificate) · status: implemented"
        )
    }
}

/// At 100,000 certificates the outage table alone was 17 MB: `report.html` lists the first rows and
/// says where every outage is.
@Suite struct OutageTableLimitTests {
    @Test func theOutageTableListsTheFirstRowsAndPointsToTheFindings() throws {
        let start = LocalDate(year: 2026, month: 12, day: 1)!
        let outages = (0..<5).map {
            Outage(
                resourceID: "lb-\($0)", resourceType: ResourceType("CLB"), certificateID: "c\($0)",
                date: start + Int64($0), causes: ["no hosting plan replaces it"])
        }
        let model = ReportModel(
            estate: Estate(certificates: []), findings: [], settings: ReportFixtures.settings, rules: [],
            runSettings: [], outages: outages)
        let html = try HTMLReportRenderer(templatesDirectory: ReportFixtures.templatesDirectory, rowLimit: 3).render(
            model)
        let document = try #require(ParsedDocument(html, kind: .html))
        #expect(
            document.strings("//table[@class='outages']/tbody/tr/td[2]").map {
                $0.replacingOccurrences(of: "\n", with: "")
            } == ["CLBlb-0", "CLBlb-1", "CLBlb-2"])
        let note = document.strings("//section[@id='calendar']/p[@class='note']").joined()
        #expect(note.contains("The first 3 of 5 outages"))
        #expect(note.contains("RES-EXPIRED-BINDING"))
    }
}
