import CertAuditCore
import Foundation
import Testing

@testable import CertAuditReport

/// `report.xsd` declares every field the section descriptions place in the XML, with the described
/// type, and nothing they leave out: a field added to a description but not to the schema (or the
/// other way round) fails here, before any report fails to validate.
@Suite struct ReportFieldSchemaTests {
    static let xs = ["xs": "http://www.w3.org/2001/XMLSchema"]
    let schema: ParsedDocument

    init() throws {
        let bytes = [UInt8](
            try Data(contentsOf: URL(fileURLWithPath: ReportFixtures.templatesDirectory + "/report.xsd")))
        schema = try #require(ParsedDocument(bytes, kind: .xml))
    }

    @Test func certificates() throws { try check(ReportCertificate.section) }
    @Test func findings() throws { try check(ReportFinding.section) }
    @Test func operations() throws { try check(ReportOperation.section) }
    @Test func timeline() throws { try check(TimelineEvent.reportSection) }

    /// The path of the row element's complex type: named (`r:Certificate`) or declared inline.
    private func rowType<Row>(_ section: ReportSection<Row>) throws -> String {
        let containerType = try #require(
            schema.strings("/xs:schema//xs:element[@name='\(section.element)']/@type", namespaces: Self.xs).first)
        let row =
            "/xs:schema/xs:complexType[@name='\(containerType.dropPrefix)']/xs:sequence/xs:element[@name='\(section.rowElement)']"
        let named = schema.strings("\(row)/@type", namespaces: Self.xs)
        return named.first.map { "/xs:schema/xs:complexType[@name='\($0.dropPrefix)']" } ?? "\(row)/xs:complexType"
    }

    private func check<Row>(_ section: ReportSection<Row>) throws {
        let type = try rowType(section)
        let attributes = "(\(type)/xs:attribute | \(type)/xs:simpleContent/xs:extension/xs:attribute)"
        let children = "\(type)/xs:sequence/xs:element"
        var describedAttributes: Set<String> = []
        var describedChildren: Set<String> = []
        for field in section.fields {
            switch field.placement {
            case .attribute(let name):
                describedAttributes.insert(name)
                expectType(of: "\(attributes)[@name='\(name)']", field)
            case .element(let name):
                describedChildren.insert(name)
                expectType(of: "\(children)[@name='\(name)']", field)
            case .elementWithFixedAttribute(let name, let attribute, let value):
                describedChildren.insert(name)
                let fixed = schema.strings(
                    "\(children)[@name='\(name)']/xs:complexType/xs:simpleContent/xs:extension"
                        + "/xs:attribute[@name='\(attribute)']//xs:enumeration/@value", namespaces: Self.xs)
                #expect(fixed == [value], "\(section.rowElement)/\(name)/@\(attribute)")
            case .childAttribute(let element, let attribute):
                describedChildren.insert(element)
                expectType(
                    of: "\(children)[@name='\(element)']/xs:complexType/xs:attribute[@name='\(attribute)']", field)
            case .text:
                let base = schema.strings("\(type)/xs:simpleContent/xs:extension/@base", namespaces: Self.xs)
                #expect(base == [field.schemaType ?? ""], "\(section.rowElement) text")
            case .children(let element):
                describedChildren.insert(element)
                let repeated = schema.strings(
                    "\(children)[@name='\(element)']/@maxOccurs", namespaces: Self.xs)
                #expect(repeated == ["unbounded"], "\(section.rowElement)/\(element) repeats")
            }
        }
        let declaredAttributes = Set(schema.strings("\(attributes)/@name", namespaces: Self.xs))
        let declaredChildren = Set(schema.strings("\(children)/@name", namespaces: Self.xs))
        #expect(declaredAttributes == describedAttributes, "attributes of \(section.rowElement)")
        #expect(declaredChildren == describedChildren, "child elements of \(section.rowElement)")
    }

    /// The declaration exists once, with the described type (or an inline type where the
    /// description says nil).
    private func expectType<Row>(
        of declaration: String, _ field: ReportField<Row>, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            schema.strings("\(declaration)/@name", namespaces: Self.xs).count == 1, "\(field.name) is declared once",
            sourceLocation: sourceLocation)
        let type = schema.strings("\(declaration)/@type", namespaces: Self.xs)
        #expect(type == (field.schemaType.map { [$0] } ?? []), "\(field.name)'s type", sourceLocation: sourceLocation)
    }
}

extension String {
    /// `r:Certificate` → `Certificate`.
    fileprivate var dropPrefix: String { split(separator: ":").last.map(String.init) ?? self }
}
