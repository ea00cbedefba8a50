import CertAuditCore
import Foundation
import Testing

@testable import CertAuditReport

@Suite struct CSVReportTests {
    let model = ReportFixtures.hostileModel()

    /// A small RFC 4180 reader for the checks (quoted fields may hold commas, quotes and line breaks).
    func records(_ bytes: [UInt8]) -> [[String]] {
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\r" {
                continue
            } else if scalar == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return rows
    }

    @Test func filesStartWithAByteOrderMark() {
        #expect(Array(CSVReportRenderer().findings(model).prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(CSVReportRenderer().inventory(model).prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func oneRowPerXMLElement() throws {
        let findings = records(CSVReportRenderer().findings(model))
        let inventory = records(CSVReportRenderer().inventory(model))
        #expect(findings.count == 1 + model.findings.count)
        #expect(inventory.count == 1 + model.certificates.count)
        #expect(findings[0] == ReportFinding.section.csvColumns)
        #expect(inventory[0] == ReportCertificate.section.csvColumns)
        #expect(findings.allSatisfy { $0.count == ReportFinding.section.csvColumns.count })
        #expect(inventory.allSatisfy { $0.count == ReportCertificate.section.csvColumns.count })

        let xml = try XMLReportRenderer().render(model)
        let document = try #require(ParsedDocument(xml, kind: .xml))
        let namespaces = ["r": "urn:certaudit:report:1"]
        #expect(document.strings("//r:finding", namespaces: namespaces).count == findings.count - 1)
        #expect(document.strings("//r:certificate", namespaces: namespaces).count == inventory.count - 1)
        #expect(inventory.dropFirst().map { $0[0] } == document.strings("//r:certificate/@id", namespaces: namespaces))
    }

    @Test func textCellsAreNeutralisedButToolNumbersAreNot() {
        let findings = records(CSVReportRenderer().findings(model))
        let critical = findings[1]
        #expect(critical[6] == "'" + ReportFixtures.formulaMessage)
        #expect(critical[5] == "2026-11-25")
        let info = findings[4]
        #expect(info[3] == "'@cdn-1")
        #expect(info[4] == "'-pkg")
        #expect(findings[2][6] == "tab\tand\r\nnewline")  // quoted, so CR and LF survive

        let inventory = records(CSVReportRenderer().inventory(model))
        // By column name, so that a new column does not move what these lines check.
        let column = Dictionary(uniqueKeysWithValues: inventory[0].enumerated().map { ($1, $0) })
        func cell(_ row: Int, _ name: String) -> String? { column[name].map { inventory[row][$0] } }
        #expect(cell(1, "id") == "cert-a")
        #expect(cell(1, "days-to-expiry") == "-3")  // days to expiry: a number the tool wrote
        #expect(cell(3, "alias") == "'+SUM(1,2)")
        #expect(cell(3, "serial") == "'-0A1B")  // serial counts as text
        #expect(cell(2, "alias") == ReportFixtures.scriptAlias)
        #expect(cell(2, "product") == "OV")
        #expect(cell(2, "sans") == "dns:=cmd|calc; dns:a.example.com; ip:10.0.0.1")
        #expect(cell(2, "resources") == "CDN:@cdn-1; CLB:lb-2")
    }

    @Test func cellEncodingFollowsRFC4180() {
        #expect(CSVCell.text("a,b").encoded == "\"a,b\"")
        #expect(CSVCell.text("say \"hi\"").encoded == "\"say \"\"hi\"\"\"")
        #expect(CSVCell.text("line\nbreak").encoded == "\"line\nbreak\"")
        #expect(CSVCell.text("\tx").encoded == "'\tx")
        #expect(CSVCell.text("\rx").encoded == "\"'\rx\"")
        #expect(CSVCell.text("=1+1").encoded == "'=1+1")
        #expect(CSVCell.value("-3").encoded == "-3")
        #expect(CSVCell.text(nil).encoded == "")
    }

    /// The rule as REPORTS.md states it, on Unicode scalars and Strings: the byte encoder (with its
    /// fast path for cells that need nothing) must give the same cell for every input.
    static func reference(_ text: String?, guarded: Bool) -> String {
        var content = text ?? ""
        if guarded, let first = content.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            content = "'" + content
        }
        guard content.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return content }
        var quoted = String.UnicodeScalarView()
        for scalar in content.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append(scalar) }
        }
        return "\"" + String(quoted) + "\""
    }

    /// Every cell of up to three pieces drawn from the characters the rule looks at, their
    /// neighbours, and non-ASCII text (two-, three- and four-byte UTF-8, a combining mark after a
    /// comma or quote, an emoji sequence): text and tool values alike.
    @Test func byteEncodingAgreesWithTheRuleOnEveryEdge() {
        let pieces = [
            "", "a", ",", "\"", "\r", "\n", "\r\n", "=", "+", "-", "@", "\t", "'", " ", "é", "中", "\u{301}", "😀",
            "👩‍💻", "\u{FFFD}",
        ]
        var cells: [String] = [""]
        for first in pieces {
            for second in pieces {
                for third in pieces { cells.append(first + second + third) }
            }
        }
        for cell in cells {
            #expect(CSVCell.text(cell).encoded == Self.reference(cell, guarded: true), "text \(Array(cell.utf8))")
            #expect(CSVCell.value(cell).encoded == Self.reference(cell, guarded: false), "value \(Array(cell.utf8))")
        }
        #expect(CSVCell.value(nil).encoded == "")
    }

    /// A comma or quote that a combining mark follows is one `Character` but still a comma or quote
    /// to a CSV reader: the cell is quoted and read back whole.
    @Test func aCombiningMarkAfterACommaStillQuotes() {
        let cell = "a,\u{301}b\"\u{301}"
        #expect(CSVCell.text(cell).encoded == "\"a,\u{301}b\"\"\u{301}\"")
        let bytes = CSVReportRenderer.byteOrderMark + Array((CSVCell.text(cell).encoded + "\r\n").utf8)
        #expect(records(bytes) == [[cell]])
    }

    /// The described sections are encoded once, whether streamed through the file buffer (what a run
    /// writes) or in memory: the two are the same bytes.
    @Test func streamedSectionsEqualTheInMemoryOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-csv-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The hostile model has no timeline: events with input text that needs quoting, a formula
        // guard, non-ASCII, amounts and deliveries.
        let timeline = ReportModel(
            estate: Estate(certificates: []), findings: [], settings: ReportFixtures.settings, rules: [],
            runSettings: [],
            timeline: Timeline([
                TimelineEvent(
                    date: LocalDate(year: 2026, month: 12, day: 1)!, kind: .pointsConsumed, accountID: "=a,b",
                    amountFen: -1_205, points: 3, detail: ReportFixtures.formulaMessage),
                TimelineEvent(
                    date: LocalDate(year: 2027, month: 1, day: 2)!, kind: .alert,
                    certificateID: ReportFixtures.rtlAlias,
                    policyID: "p\"1", times: 2,
                    deliveries: [
                        AlertDelivery(receiver: "z", channel: "sms", deliverable: false),
                        AlertDelivery(receiver: "a,\n", channel: "email", deliverable: true),
                    ], detail: ReportFixtures.controlSubject),
            ]))
        let renderer = CSVReportRenderer()
        let inventoryPath = folder.appendingPathComponent("inventory").path
        let inventory = try BufferedFileOutput(path: inventoryPath)
        try renderer.inventory(model.certificates, into: inventory)
        try inventory.flush()
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: inventoryPath))) == renderer.inventory(model))
        #expect(records(renderer.inventory(model)).count > 1, "inventory has rows")
        // findings.csv and timeline.csv are written beside report.xml, from the texts its writer read.
        for (name, twinModel) in [("hostile", model), ("timeline", timeline)] {
            let written = try Self.writeWithTwins(twinModel, into: folder.appendingPathComponent(name))
            #expect(written.xml == (try XMLReportRenderer().render(twinModel)), "\(name): report.xml")
            #expect(written.findings == renderer.findings(twinModel), "\(name): findings.csv")
            #expect(written.timeline == renderer.timeline(twinModel), "\(name): timeline.csv")
        }
        #expect(records(renderer.findings(model)).count > 1, "findings has rows")
        let events = records(renderer.timeline(timeline))
        #expect(events.count == 3 && events.allSatisfy { $0.count == TimelineEvent.reportSection.fields.count })
        #expect(events[2].last == "a,\n email deliverable; z sms undeliverable")
    }

    /// report.xml streamed into a folder with findings.csv and timeline.csv as its twins, as a run
    /// writes them: the three files' bytes.
    static func writeWithTwins(_ model: ReportModel, into folder: URL) throws -> (
        xml: [UInt8], findings: [UInt8], timeline: [UInt8]
    ) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let paths = ["report.xml", "findings.csv", "timeline.csv"].map { folder.appendingPathComponent($0).path }
        let outputs = try paths.map { try BufferedFileOutput(path: $0) }
        let twins = CSVTwins(
            findings: try CSVSectionStream(ReportFinding.section, into: outputs[1]),
            timeline: try CSVSectionStream(TimelineEvent.reportSection, into: outputs[2]))
        try XMLReportRenderer().write(model, into: outputs[0], twins: twins)
        for output in outputs { try output.flush() }
        let bytes = try paths.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))) }
        return (bytes[0], bytes[1], bytes[2])
    }

    /// changes.csv is streamed: compared with a baseline it has a row per finding.
    @Test func streamedChangesEqualTheInMemoryOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-csv-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, model) in [("compared", LazyReportSectionsTests.comparedModel()), ("first", model)] {
            let path = folder.appendingPathComponent(name).path
            let output = try BufferedFileOutput(path: path)
            try CSVReportRenderer().changes(model, into: output)
            try output.flush()
            let inMemory = CSVReportRenderer().changes(model)
            #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == inMemory, "\(name)")
            #expect(records(inMemory).count > (name == "compared" ? 500 : 1), "\(name) has rows")
        }
    }

    @Test func twoRendersAreByteIdentical() {
        #expect(CSVReportRenderer().inventory(model) == CSVReportRenderer().inventory(ReportFixtures.hostileModel()))
        #expect(CSVReportRenderer().findings(model) == CSVReportRenderer().findings(ReportFixtures.hostileModel()))
    }
}
