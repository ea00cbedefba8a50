import CertAuditCore
import Testing

@testable import CertAuditReport

/// The schema's enumerations must accept every value the core model can hold, and the sections the
/// later stages fill must validate once filled.
@Suite struct SchemaCoverageTests {
    let schema = ReportFixtures.templatesDirectory + "/report.xsd"

    @Test func everyCoreEnumerationValueValidates() throws {
        let algorithms: [PublicKeyFacts.Algorithm] = [.rsa, .ec, .sm2, .ed25519, .ed448, .dsa, .other]
        let count = max(
            CertificateState.allCases.count, Product.allCases.count, ChainVerdict.Status.allCases.count,
            algorithms.count)
        var certificates: [Certificate] = []
        for index in 0..<count {
            var record = CertificateRecord(
                line: index + 2, id: "c\(index)",
                source: CertificateSource.allCases[index % CertificateSource.allCases.count],
                kind: CertificateKind.allCases[index % CertificateKind.allCases.count],
                standard: CertificateStandard.allCases[index % CertificateStandard.allCases.count])
            record.status = CertificateState.allCases[index % CertificateState.allCases.count]
            record.product = Product.allCases[index % Product.allCases.count]
            var leaf = ReportFixtures.facts(
                subject: "CN=c\(index)", notAfterDays: Int64(index), fingerprint: String(repeating: "e", count: 64))
            leaf.publicKey = PublicKeyFacts(algorithm: algorithms[index % algorithms.count], bits: 2048)
            leaf.subjectAltNames = SubjectAltNames(SubjectAltName.Kind.allCases.map { SubjectAltName($0, "v") })
            let status = ChainVerdict.Status.allCases[index % ChainVerdict.Status.allCases.count]
            let bundle = BundleFacts(
                leaf: leaf, others: [], isInChainOrder: true, key: .absent,
                chain: ChainVerdict(status: status, length: 2))
            certificates.append(Certificate(record: record, bundle: bundle))
        }
        let findings = Severity.allCases.map { Finding(ruleID: RuleID(rawValue: "R"), severity: $0, message: "m") }
        let model = ReportModel(
            estate: Estate(certificates: certificates), findings: findings, settings: ReportFixtures.settings,
            rules: [],
            runSettings: [])
        let xml = try XMLReportRenderer().render(model)
        try XSDValidator(schemaPath: schema).validate(xml)
        let text = String(decoding: xml, as: UTF8.self)
        #expect(CertificateState.allCases.allSatisfy { text.contains("status=\"\($0.rawValue)\"") })
        #expect(ChainVerdict.Status.allCases.allSatisfy { text.contains("status=\"\($0.rawValue)\"") })
    }

    @Test func filledLaterSectionsValidateAndAreSorted() throws {
        let model = ReportModel(
            estate: Estate(certificates: []), findings: [], settings: ReportFixtures.settings, rules: [],
            runSettings: [],
            timeline: Timeline([
                TimelineEvent(date: LocalDate(year: 2027, month: 1, day: 2)!, kind: .expiry, certificateID: "<b>c</b>"),
                TimelineEvent(
                    date: LocalDate(year: 2026, month: 12, day: 1)!, kind: .pointsConsumed, accountID: "a",
                    amountFen: 1_250, points: 3),
            ]),
            accounts: [ReportAccount(id: "a", balance: "100.00", shortfallDate: "2027-03-01")],
            packages: [ReportPackage(id: "p", name: "Pack", account: "a", total: "100", remaining: "49", forfeit: "0")],
            operations: [
                OperationVerdict(
                    operation: OperationRecord(
                        line: 3, requestedAt: ReportFixtures.settings.asOf, certificateID: "<i>c</i>", kind: .revoke,
                        requestedBy: "=HYPERLINK(\"https://evil.example/\")"),
                    reasons: [
                        OperationReason(ruleID: .rvkIssuedHere, effect: .denies, message: "uploaded <b>x</b>"),
                        OperationReason(ruleID: .rvkEffect, effect: .requires, message: "bound"),
                    ]),
                OperationVerdict(
                    operation: OperationRecord(
                        line: 2, requestedAt: ReportFixtures.settings.asOf, certificateID: "d", kind: .delete),
                    reasons: []),
            ])
        #expect(model.timeline.map { $0.date.description } == ["2026-12-01", "2027-01-02"])
        let xml = try XMLReportRenderer().render(model)
        try XSDValidator(schemaPath: schema).validate(xml)
        let html = try HTMLReportRenderer(templatesDirectory: ReportFixtures.templatesDirectory, rowLimit: 10).render(
            model)
        let document = try #require(ParsedDocument(html, kind: .html))
        #expect(
            document.strings("//section[@id='calendar']//dl[@class='timeline']/dd//span[@class='mono']") == [
                "a", "<b>c</b>",
            ])
        #expect(document.strings("//section[@id='operations']//tbody/tr/td[2]") == ["2", "3"])
        #expect(document.strings("//section[@id='operations']//tbody/tr/td[6]") == ["allowed", "denied"])
        #expect(document.strings("//b").isEmpty)
        #expect(document.strings("//i").isEmpty)
        let report = try #require(ParsedDocument(xml, kind: .xml))
        #expect(
            report.strings("//r:operation/@verdict", namespaces: ["r": "urn:certaudit:report:1"]) == [
                "allowed", "denied",
            ])
        #expect(
            report.strings("//r:operation/@rule", namespaces: ["r": "urn:certaudit:report:1"]) == ["RVK-ISSUED-HERE"])
        #expect(
            report.strings("//r:operation/r:reason/@effect", namespaces: ["r": "urn:certaudit:report:1"]) == [
                "denies", "requires",
            ])
        #expect(
            report.strings("//r:count[@name='operations.denied']/@value", namespaces: ["r": "urn:certaudit:report:1"])
                == ["1"])
        let csv = String(decoding: CSVReportRenderer().operations(model), as: UTF8.self)
        #expect(csv.contains("denies RVK-ISSUED-HERE: uploaded <b>x</b> | requires RVK-EFFECT: bound"))
        #expect(csv.contains(",\"'=HYPERLINK(\"\"https://evil.example/\"\")\",denied,RVK-ISSUED-HERE,"), "\(csv)")
    }

    /// Every kind the simulation can emit is one the schema knows, and the schema knows no other.
    @Test func everyTimelineKindValidates() throws {
        let model = ReportModel(
            estate: Estate(certificates: []), findings: [], settings: ReportFixtures.settings, rules: [],
            runSettings: [],
            timeline: Timeline(
                TimelineEventKind.allCases.map {
                    TimelineEvent(date: LocalDate(year: 2027, month: 1, day: 2)!, kind: $0, certificateID: "c")
                }))
        let xml = try XMLReportRenderer().render(model)
        try XSDValidator(schemaPath: schema).validate(xml)
        let xsd = try String(contentsOfFile: schema, encoding: .utf8)
        let kinds = xsd.components(separatedBy: "name=\"TimelineKind\"")[1].components(separatedBy: "</xs:simpleType>")[
            0]
        let enumerated = kinds.components(separatedBy: "value=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(enumerated.map(String.init)) == Set(TimelineEventKind.allCases.map(\.rawValue)))
    }
}
