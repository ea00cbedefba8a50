import CertAuditCore
import Testing

@testable import CertAuditReport

@Suite struct ReportModelTests {
    let model = ReportFixtures.hostileModel()

    @Test func headerCarriesSchemaGeneratorAndLocalAsOf() {
        #expect(model.header.schemaVersion == 1)
        #expect(model.header.generator == "certaudit 1.2.3")
        #expect(model.header.asOf == "2026-11-28T00:00:00+08:00")
        #expect(model.header.timeZone == "Asia/Shanghai")
        #expect(model.header.horizonDays == 365)
    }

    @Test func certificatesAreSortedByIDAndCarryBundleOrInventoryValues() throws {
        #expect(model.certificates.map(\.id) == ["cert-a", "cert-b", "cert-c"])
        let withoutBundle = try #require(model.certificates.first)
        #expect(withoutBundle.subject == nil)
        #expect(withoutBundle.key == nil)
        #expect(withoutBundle.notAfter == "2026-11-25T00:00:00+08:00")
        #expect(withoutBundle.daysToExpiry == -3)
        #expect(withoutBundle.chainStatus == "not-checked")
        #expect(withoutBundle.chainLength == 0)
        #expect(withoutBundle.source == "uploaded")
        #expect(withoutBundle.type == "CA")
        #expect(withoutBundle.standard == "sm2")

        let bundled = model.certificates[1]
        #expect(bundled.daysToExpiry == 10)
        #expect(bundled.key == ReportKey(algorithm: "EC", bits: 256, curve: "P-256", present: true, matches: true))
        #expect(bundled.sans.map(\.type) == ["dns", "dns", "ip"])
        #expect(bundled.resources.map(\.id) == ["@cdn-1", "lb-2"])
        #expect(bundled.resources.map(\.type) == ["CDN", "CLB"])
        #expect(bundled.chainStatus == "complete")
        #expect(bundled.status == "issued")
        #expect(bundled.product == "OV")
        #expect(model.certificates[2].key?.matches == nil)
        #expect(model.certificates[2].key?.present == false)
    }

    @Test func daysToExpiryUsesTheChainsEarliestExpiry() {
        var record = CertificateRecord(line: 2, id: "x")
        record.alias = "x"
        let leaf = ReportFixtures.facts(
            subject: "CN=x", notAfterDays: 100, fingerprint: String(repeating: "0", count: 64))
        var issuer = ReportFixtures.facts(
            subject: "CN=x CA", notAfterDays: 100, fingerprint: String(repeating: "1", count: 64))
        issuer.notAfter = ReportFixtures.instant(daysFromAsOf: 7)
        let bundle = BundleFacts(
            leaf: leaf, others: [issuer], isInChainOrder: true, key: .absent,
            chain: ChainVerdict(status: .complete, length: 2, earliestExpiringPlace: 1))
        let model = ReportModel(
            estate: Estate(certificates: [Certificate(record: record, bundle: bundle)]), findings: [],
            settings: ReportFixtures.settings, rules: [], runSettings: [])
        #expect(model.certificates[0].daysToExpiry == 7)
        #expect(model.certificates[0].notAfter == "2027-03-08T00:00:00+08:00")
    }

    @Test func findingsAreSortedMostSevereFirst() {
        #expect(model.findings.map(\.severity) == ["critical", "high", "medium", "info"])
        #expect(model.findings[0].date == "2026-11-25")
    }

    @Test func summaryCountsEverySeverityAndTotal() {
        #expect(
            model.summary.map(\.name) == [
                "certificates", "resources", "quarantined", "findings.critical", "findings.high", "findings.medium",
                "findings.low", "findings.info", "findings", "findings.accepted", "operations", "operations.denied",
            ])
        #expect(model.summary.map(\.value) == [3, 2, 2, 1, 1, 1, 0, 1, 4, 0, 0, 0])
        #expect(model.count(named: "findings.low") == 0)
    }

    @Test func manifestAndQuarantineAreSorted() {
        #expect(model.inputs.map(\.name) == ["certificates.csv", "resources.csv"])
        #expect(model.settings.map(\.name) == ["inputs", "fail-on", "horizon-days"])
        #expect(model.quarantine.map(\.line) == [5, 9])
    }

    @Test func controlCharactersBecomeReplacementCharacters() {
        let subject = model.certificates[1].subject
        #expect(subject == "CN=evil\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}name,O=Ex")
        #expect(model.quarantine[0].reason == "-negative\u{FFFD} reason")
        #expect(ReportText.clean("tab\tCR\rLF\n") == "tab\tCR\rLF\n")
    }

    /// The byte pre-check never lets a disallowed scalar through: every scalar below U+0080 and those
    /// around U+FFFE/U+FFFF and other 0xEF-led encodings, alone and inside text, against the rule on
    /// scalars.
    @Test func cleaningAgreesWithTheScalarRule() {
        let scalars =
            (0..<0x80).compactMap(Unicode.Scalar.init) + [
                "\u{EFFF}", "\u{F000}", "\u{FEFF}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{10000}", "中",
            ]
        for scalar in scalars {
            for text in [String(scalar), "a\(scalar)b", "\(scalar)\u{301}é"] {
                let expected = String(
                    String.UnicodeScalarView(
                        text.unicodeScalars.map { ReportText.isAllowedInXML($0) ? $0 : ReportText.replacement }))
                #expect(ReportText.clean(text) == expected, "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    @Test func expiryChartCountsWeeksOverTheHorizon() {
        #expect(model.expiryWeeks.count == 53)
        #expect(model.expiryWeeks[0].start == "2026-11-28")
        #expect(model.expiryWeeks[1].count == 1)  // 10 days
        #expect(model.expiryWeeks[28].count == 1)  // 200 days
        #expect(model.expiryWeeks.reduce(0) { $0 + $1.count } == 2)
        #expect(model.alreadyExpired == 1)
    }

    @Test func emptySectionsAreEmptyArrays() {
        #expect(model.timeline.isEmpty)
        #expect(model.accounts.isEmpty)
        #expect(model.packages.isEmpty)
        #expect(model.operations.isEmpty)
    }
}
