import CertAuditCSV
import CertAuditCore
import CertAuditReport
import Foundation
import Testing

@testable import CertAuditRun

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Issue 15: for every certificate, finding, operation and timeline event of the sample estate,
/// `report.xml` and its CSV file carry the same value for every field the section's description
/// lists. The XML side is read from the published file by each field's placement, the CSV side by
/// column; neither is taken from the renderers' memory.
@Suite struct ReportFieldAgreementTests {
    @Test func theCSVAndTheXMLCarryTheSameValueForEveryDescribedField() throws {
        let output = try TestPaths.scratch().appendingPathComponent("output")
        _ = try AuditRun.execute(SampleEstateRunTests.options(output: output))
        let document = try XMLDocument(contentsOf: output.appendingPathComponent("report.xml"))
        let root = try #require(document.rootElement())

        let compared = [
            try compare(ReportCertificate.section, root, output.appendingPathComponent("inventory.csv")),
            try compare(ReportFinding.section, root, output.appendingPathComponent("findings.csv")),
            try compare(ReportOperation.section, root, output.appendingPathComponent("operations.csv")),
            try compare(TimelineEvent.reportSection, root, output.appendingPathComponent("timeline.csv")),
        ]
        // Rows compared: the sample's 51 certificates, 92 findings and 34 operations, and a timeline.
        #expect(compared[0] == SampleEstateRunTests.certificates)
        #expect(compared[1] == 92)
        #expect(compared[2] == SampleEstateRunTests.operations)
        #expect(compared[3] > 100)
    }

    /// Compares every row and field; returns how many rows it compared.
    private func compare<Row>(_ section: ReportSection<Row>, _ root: XMLElement, _ csvFile: URL) throws -> Int {
        let container = try #require(root.children(named: section.element).first, "<\(section.element)>")
        let elements = container.children(named: section.rowElement)
        let bytes = [UInt8](try Data(contentsOf: csvFile))
        try #require(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(csvFile.lastPathComponent) has no BOM")
        let csv = CSVDocument.rows(of: Array(bytes.dropFirst(3)))
        guard case .record(_, let header) = csv.header else {
            Issue.record("\(csvFile.lastPathComponent) has no header")
            return 0
        }
        #expect(header == section.fields.map(\.name), "\(csvFile.lastPathComponent) columns")
        let records = csv.rows.compactMap { row -> [String]? in
            guard case .record(_, let fields) = row else { return nil }
            return fields
        }
        #expect(records.count == elements.count, "\(csvFile.lastPathComponent) rows")
        for (index, (element, record)) in zip(elements, records).enumerated() {
            for (column, field) in section.fields.enumerated() {
                let fromXML = field.csvText(Self.value(of: field.placement, in: element))
                let expected = field.origin == .input ? Self.neutralised(fromXML) : fromXML
                #expect(
                    record[safe: column] == expected ?? "",
                    "\(csvFile.lastPathComponent) row \(index + 1), \(field.name)")
            }
        }
        return elements.count
    }

    /// What the XML holds for a field, read by its placement.
    private static func value(of placement: XMLPlacement, in element: XMLElement) -> ReportFieldValue {
        switch placement {
        case .attribute(let name):
            return .one(element.attributeValue(name))
        case .element(let name):
            return .one(element.children(named: name).first?.stringValue)
        case .elementWithFixedAttribute(let name, let attribute, let fixed):
            let child = element.children(named: name).first
            if let child { #expect(child.attributeValue(attribute) == fixed) }
            return .one(child?.stringValue)
        case .childAttribute(let name, let attribute):
            return .one(element.children(named: name).first?.attributeValue(attribute))
        case .text:
            let text = (element.children ?? []).filter { $0.kind == .text }.compactMap(\.stringValue).joined()
            return .one(text.isEmpty ? nil : text)
        case .children(let name):
            return .many(
                element.children(named: name).map { child in
                    ReportListItem(
                        (child.attributes ?? []).map { ReportListItem.Attribute($0.name ?? "", $0.stringValue) },
                        text: child.stringValue.flatMap { $0.isEmpty ? nil : $0 })
                })
        }
    }

    /// REPORTS.md: a text cell from the inputs that starts with `=`, `+`, `-`, `@`, tab or CR is
    /// written with a leading `'`.
    private static func neutralised(_ text: String?) -> String? {
        guard let text, let first = text.unicodeScalars.first else { return text }
        return "=+-@\t\r".unicodeScalars.contains(first) ? "'" + text : text
    }
}

extension XMLElement {
    /// Child elements by local name (the report's one namespace is the default one).
    /// An attribute's value by name (`attribute(forName:)` misses them in a default namespace here).
    fileprivate func attributeValue(_ name: String) -> String? {
        (attributes ?? []).first { $0.name == name }?.stringValue
    }

    fileprivate func children(named name: String) -> [XMLElement] {
        (children ?? []).compactMap { $0 as? XMLElement }.filter { ($0.localName ?? $0.name) == name }
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
