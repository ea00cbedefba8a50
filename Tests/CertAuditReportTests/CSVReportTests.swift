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

    @Test func twoRendersAreByteIdentical() {
        #expect(CSVReportRenderer().inventory(model) == CSVReportRenderer().inventory(ReportFixtures.hostileModel()))
        #expect(CSVReportRenderer().findings(model) == CSVReportRenderer().findings(ReportFixtures.hostileModel()))
    }
}
