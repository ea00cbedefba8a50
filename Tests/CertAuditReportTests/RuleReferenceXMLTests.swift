import CertAuditCore
import Foundation
import Testing

@testable import CertAuditReport

/// report.xml's rule reference: each rule with the public sources it cites, links where they are
/// on the web; an addition the schema makes optional, so older reports still validate.
struct RuleReferenceXMLTests {
    let namespaces = ["r": "urn:certaudit:report:1"]

    @Test func everyRuleIsListedWithItsSourcesAndTheirAddresses() throws {
        let model = ReportFixtures.hostileModel()
        let xml = try XMLReportRenderer().render(model)
        try XSDValidator(schema: .builtIn).validate(xml)
        let document = try #require(ParsedDocument(xml, kind: .xml))
        let rules = "/r:certaudit-report/r:rules/r:rule"
        #expect(document.strings("\(rules)/@id", namespaces: namespaces) == model.rules.map(\.id))
        #expect(
            document.strings("\(rules)[@id='CERT-EXPIRED']/r:source", namespaces: namespaces) == ["RFC 5280 §4.1.2.5"])
        #expect(
            document.strings("\(rules)[@id='CERT-EXPIRED']/r:source/@href", namespaces: namespaces) == [
                "https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5"
            ])
        // A console guide chapter has no address: no empty href is written.
        #expect(document.strings("\(rules)[@id='CERT-EXPIRING']/r:source/@href", namespaces: namespaces).isEmpty)
    }

    @Test func aReportWithoutTheRuleReferenceStillValidates() throws {
        let xml = String(decoding: try XMLReportRenderer().render(ReportFixtures.emptyModel()), as: UTF8.self)
        let start = try #require(xml.range(of: "<rules"))
        let end = try #require(xml.range(of: "</rules>") ?? xml.range(of: "<rules/>"))
        let older = xml.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "")
        #expect(!older.contains("<rules"))
        try XSDValidator(schema: .builtIn).validate(Array(older.utf8))
    }

    @Test func theHTMLReferenceLinksTheSourcesThatAreOnTheWeb() throws {
        let html = String(
            decoding: try HTMLReportRenderer(rowLimit: 10).render(ReportFixtures.hostileModel()), as: UTF8.self)
        #expect(
            html.contains("<a href=\"https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5\">RFC 5280 §4.1.2.5</a>"))
        #expect(html.contains("Source: SSL certificate console guide, &quot;自动续费&quot; (SSL certificate auto-renewal)"))
    }
}
