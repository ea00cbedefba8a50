import CertAuditCore
import Foundation
import Testing

@testable import CertAuditReport

/// `xmllint` is not installed on the build machine, so validation is checked with libxml2's schema
/// validator only (`XSDValidator`); `xmllint --schema templates/report.xsd report.xml` does the same.
@Suite struct XMLReportTests {
    let schema = ReportFixtures.templatesDirectory + "/report.xsd"
    let namespaces = ["r": "urn:certaudit:report:1"]

    @Test func hostileReportValidates() throws {
        let xml = try XMLReportRenderer().render(ReportFixtures.hostileModel())
        try XSDValidator(schemaPath: schema).validate(xml)
    }

    @Test func emptyReportValidatesWithEveryEmptySection() throws {
        let xml = try XMLReportRenderer().render(ReportFixtures.emptyModel())
        try XSDValidator(schemaPath: schema).validate(xml)
        let document = try #require(ParsedDocument(xml, kind: .xml))
        for section in [
            "run", "summary", "certificates", "findings", "timeline", "entitlements", "operations", "quarantine",
        ] {
            #expect(
                document.strings("/r:certaudit-report/r:\(section)", namespaces: namespaces).count == 1, "\(section)")
        }
    }

    @Test func rootCarriesTheContractAttributes() throws {
        let xml = try XMLReportRenderer().render(ReportFixtures.hostileModel())
        let document = try #require(ParsedDocument(xml, kind: .xml))
        let root = "/r:certaudit-report"
        #expect(document.strings("\(root)/@schema-version", namespaces: namespaces) == ["1"])
        #expect(document.strings("\(root)/@generator", namespaces: namespaces) == ["certaudit 1.2.3"])
        #expect(document.strings("\(root)/@as-of", namespaces: namespaces) == ["2026-11-28T00:00:00+08:00"])
        #expect(document.strings("\(root)/@timezone", namespaces: namespaces) == ["Asia/Shanghai"])
        #expect(document.strings("\(root)/@horizon-days", namespaces: namespaces) == ["365"])
        #expect(
            document.strings("\(root)/r:summary/r:count[@name='findings.critical']/@value", namespaces: namespaces) == [
                "1"
            ])
        #expect(document.strings("//r:certificate[@id='cert-b']/r:days-to-expiry", namespaces: namespaces) == ["10"])
        #expect(
            document.strings("//r:certificate[@id='cert-b']/r:fingerprint/@algorithm", namespaces: namespaces) == [
                "sha256"
            ])
        #expect(document.strings("//r:certificate[@id='cert-b']/r:key/@matches", namespaces: namespaces) == ["true"])
        #expect(document.strings("//r:certificate[@id='cert-c']/r:key/@matches", namespaces: namespaces).isEmpty)
        #expect(
            document.strings("//r:certificate[@id='cert-b']/r:resource/@type", namespaces: namespaces) == [
                "CDN", "CLB",
            ])
    }

    @Test func hostileTextRoundTripsAsText() throws {
        let xml = try XMLReportRenderer().render(ReportFixtures.hostileModel())
        let document = try #require(ParsedDocument(xml, kind: .xml))
        #expect(
            document.strings("//r:certificate[@id='cert-b']/@alias", namespaces: namespaces) == [
                ReportFixtures.scriptAlias
            ])
        #expect(
            document.strings("//r:certificate[@id='cert-b']/@brand", namespaces: namespaces) == [
                ReportFixtures.quoteBrand
            ])
        #expect(
            document.strings("//r:certificate[@id='cert-a']/@alias", namespaces: namespaces) == [
                ReportFixtures.rtlAlias
            ])
        #expect(
            document.strings("//r:certificate[@id='cert-b']/r:subject", namespaces: namespaces)
                == [ReportFixtures.hostileModel().certificates[1].subject!])
        #expect(
            document.strings("//r:finding[@rule='CERT-EXPIRED']", namespaces: namespaces) == [
                ReportFixtures.formulaMessage
            ])
        #expect(document.strings("//r:script", namespaces: namespaces).isEmpty)
        #expect(document.strings("//*[local-name()='script']").isEmpty)
        let text = String(decoding: xml, as: UTF8.self)
        #expect(!text.contains("<script>"))
    }

    @Test func invalidDocumentIsAnInternalErrorWithLibxmlMessages() throws {
        let bad = Array("<certaudit-report xmlns=\"urn:certaudit:report:1\" schema-version=\"2\"/>".utf8)
        let error = #expect(throws: ReportError.self) { try XSDValidator(schemaPath: schema).validate(bad) }
        #expect(error?.kind == .internal)
        #expect(error?.message.contains("schema-version") == true)
    }

    /// A file is validated as a document in memory is; a document that is not well-formed says so.
    @Test func anInvalidOrMalformedFileIsAnInternalError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-xsd-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let valid = folder.appendingPathComponent("valid.xml")
        try Data(XMLReportRenderer().render(ReportFixtures.hostileModel())).write(to: valid)
        try XSDValidator(schemaPath: schema).validate(file: valid.path)
        let invalid = folder.appendingPathComponent("invalid.xml")
        try Data("<certaudit-report xmlns=\"urn:certaudit:report:1\" schema-version=\"2\"/>".utf8).write(to: invalid)
        let error = #expect(throws: ReportError.self) {
            try XSDValidator(schemaPath: schema).validate(file: invalid.path)
        }
        #expect(error?.kind == .internal)
        #expect(error?.message.contains("schema-version") == true)
        let truncated = Array(try XMLReportRenderer().render(ReportFixtures.hostileModel()).dropLast(40))
        let malformed = #expect(throws: ReportError.self) { try XSDValidator(schemaPath: schema).validate(truncated) }
        #expect(malformed?.message.contains("not well-formed") == true)
        let missing = #expect(throws: ReportError.self) {
            try XSDValidator(schemaPath: schema).validate(file: folder.appendingPathComponent("none.xml").path)
        }
        #expect(missing?.kind == .internal)
    }

    @Test func missingSchemaIsATemplatesError() {
        let error = #expect(throws: ReportError.self) {
            try XSDValidator(schemaPath: "/nonexistent/report.xsd").validate(Array("<a/>".utf8))
        }
        #expect(error?.kind == .templates)
    }

    @Test func twoRendersAreByteIdentical() throws {
        let first = try XMLReportRenderer().render(ReportFixtures.hostileModel())
        let second = try XMLReportRenderer().render(ReportFixtures.hostileModel())
        #expect(first == second)
    }
}
