import CertAuditCore
import Foundation

@testable import CertAuditReport

/// Small estates built in code, with hostile text where input text can appear.
enum ReportFixtures {
    /// `templates/` at the package root, found from this file's path.
    static let templatesDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates").path

    static let scriptAlias = "<script>alert(1)</script>"
    static let quoteBrand = "\"&'<>"
    static let controlSubject = "CN=evil\u{0}\u{1}\u{B}\u{C}\u{1F}\u{FFFE}\u{FFFF}name,O=Ex"
    static let formulaMessage = "=HYPERLINK(\"http://evil.example\",\"click\")"
    static let rtlAlias = "\u{202E}gpj.exe שלום مرحبا"

    /// 2026-11-28T00:00:00+08:00.
    static let asOf = Instant(secondsSinceEpoch: 1_795_795_200)
    static let settings = AuditSettings(asOf: asOf, timeZone: .shanghai, horizonDays: 365, failOn: .high)

    static func instant(daysFromAsOf days: Int64) -> Instant {
        asOf + days * Instant.secondsPerDay
    }

    static func facts(subject: String, notAfterDays: Int64, fingerprint: String) -> CertificateFacts {
        CertificateFacts(
            subject: subject, issuer: "CN=Example CA,O=Example,C=CN", serialHex: "-0A1B",
            notBefore: instant(daysFromAsOf: -300), notAfter: instant(daysFromAsOf: notAfterDays),
            commonNames: ["www.example.com"],
            subjectAltNames: [
                SubjectAltName(.ip, "10.0.0.1"), SubjectAltName(.dns, "=cmd|calc"),
                SubjectAltName(.dns, "a.example.com"),
            ],
            publicKey: PublicKeyFacts(algorithm: .ec, bits: 256, curve: "P-256"),
            signatureAlgorithm: "ecdsa-with-SHA256", fingerprintSHA256: fingerprint,
            basicConstraints: nil, keyUsage: nil, extendedKeyUsage: nil, subjectKeyID: nil, authorityKeyID: nil,
            isSelfIssued: false)
    }

    static func hostileEstate() -> Estate {
        var first = CertificateRecord(line: 2, id: "cert-b")
        first.alias = scriptAlias
        first.brand = quoteBrand
        first.status = .issued
        first.product = .ov
        let firstBundle = BundleFacts(
            leaf: facts(subject: controlSubject, notAfterDays: 10, fingerprint: String(repeating: "ab", count: 32)),
            others: [], isInChainOrder: true,
            key: PrivateKeyStatus(present: true, matchesLeaf: true, algorithm: .ec),
            chain: ChainVerdict(status: .complete, length: 3))

        var second = CertificateRecord(line: 3, id: "cert-a", source: .uploaded, kind: .ca, standard: .sm2)
        second.alias = rtlAlias
        second.claimedNotAfter = instant(daysFromAsOf: -3)

        var third = CertificateRecord(line: 4, id: "cert-c")
        third.alias = "+SUM(1,2)"
        let thirdBundle = BundleFacts(
            leaf: facts(subject: "CN=plain", notAfterDays: 200, fingerprint: String(repeating: "cd", count: 32)),
            others: [], isInChainOrder: false, key: .absent, chain: ChainVerdict(status: .incomplete, length: 1))

        return Estate(
            certificates: [
                Certificate(record: first, bundle: firstBundle), Certificate(record: second),
                Certificate(record: third, bundle: thirdBundle),
            ],
            resources: [
                ResourceRecord(line: 2, id: "lb-2", type: ResourceType("clb"), certificateID: "cert-b"),
                ResourceRecord(line: 3, id: "@cdn-1", type: ResourceType("CDN"), certificateID: "cert-b"),
            ],
            quarantine: [
                QuarantineRecord(
                    input: "certificates.csv", line: 9, column: 3, reason: "bad date \"<b>x</b>\",\nsee row"),
                QuarantineRecord(input: "certificates.csv", line: 5, reason: "-negative\u{0} reason"),
            ],
            inputs: [
                InputSummary(
                    name: "resources.csv", sha256: String(repeating: "1", count: 64), rows: 2, accepted: 2,
                    quarantined: 0,
                    encoding: "utf-8"),
                InputSummary(
                    name: "certificates.csv", sha256: String(repeating: "f", count: 64), rows: 5, accepted: 3,
                    quarantined: 2, encoding: "gb18030", notes: ["unknown column <x>"]),
            ])
    }

    static func hostileFindings() -> [Finding] {
        [
            Finding(
                ruleID: .certExpiring, severity: .medium, certificateID: "cert-c", message: "expires in 200 days"),
            Finding(
                ruleID: .certExpired, severity: .critical, certificateID: "cert-a",
                date: LocalDate(year: 2026, month: 11, day: 25), message: formulaMessage),
            Finding(
                ruleID: RuleID(rawValue: "UNKNOWN-RULE"), severity: .info, resourceID: "@cdn-1", packageID: "-pkg",
                message: "alias \(scriptAlias) and \(quoteBrand)"),
            Finding(ruleID: .certExpiring, severity: .high, certificateID: "cert-b", message: "tab\tand\r\nnewline"),
        ]
    }

    static let rules = [
        RuleDescriptor(
            id: .certExpiring, title: "Certificate expiring", defaultSeverity: .high,
            citations: [.consoleGuide(.autoRenewal)],
            summary: "Expires within a threshold <soon>."),
        RuleDescriptor(
            id: .certExpired, title: "Certificate expired", defaultSeverity: .critical,
            citations: [.rfc5280(section: "4.1.2.5")],
            summary: "Already expired."),
    ]

    static let runSettings: [(name: String, value: String)] = [
        ("inputs", "/data/in <dir>"), ("fail-on", "high"), ("horizon-days", "365"),
    ]

    static func hostileModel() -> ReportModel {
        ReportModel(
            estate: hostileEstate(), findings: hostileFindings(), settings: settings, rules: rules,
            runSettings: runSettings, toolVersion: "1.2.3")
    }

    static func emptyModel() -> ReportModel {
        ReportModel(
            estate: Estate(certificates: []), findings: [], settings: settings, rules: [], runSettings: [],
            toolVersion: "1.2.3")
    }

    static func file(_ name: String, in files: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        files.first { $0.name == name }?.bytes ?? []
    }
}
