import CertAuditCore

/// CRYPTO-WEAK-SIG: MD5 or SHA-1 signatures on anything but a root (a self-issued CA certificate,
/// whose own signature clients never check).
public struct WeakSignatureRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.issueDate

    public let descriptor = RuleDescriptor(
        id: .cryptoWeakSig, title: "Weak signature algorithm", defaultSeverity: .high,
        citations: [.baselineRequirements(section: "7.1.3.2", ballot: "SC-062")],
        summary: "MD5 or SHA-1 signatures on anything but a root: error.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool { certificate.hasBundle }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        (certificate.bundle?.allCertificates ?? []).filter { !Self.isRoot($0) && Self.isWeak($0.signatureAlgorithm) }
            .map { finding("\($0.subject) is signed with \($0.signatureAlgorithm).", certificate: certificate.id) }
    }

    static func isRoot(_ facts: CertificateFacts) -> Bool { facts.isSelfIssued && facts.isCA }

    static func isWeak(_ algorithm: String) -> Bool {
        let name = algorithm.lowercased()
        return name.contains("md5") || name.contains("md2") || name.contains("sha1") || name.contains("sha-1")
    }

    public var examples: RuleExamples {
        let sha1 = ExampleEstate.bundle(ExampleEstate.leaf(signature: "sha1WithRSAEncryption"))
        let md5Intermediate = ExampleEstate.bundle(others: [
            ExampleEstate.intermediate(signature: "md5WithRSAEncryption")
        ])
        var root = ExampleEstate.intermediate(signature: "sha1WithRSAEncryption")
        root.isSelfIssued = true
        return RuleExamples(
            passing: [
                RuleExample("SHA-256", [ExampleEstate.certificate()]),
                RuleExample(
                    "a SHA-1 self-signed root in the bundle",
                    [
                        ExampleEstate.certificate(
                            bundle: ExampleEstate.bundle(others: [ExampleEstate.intermediate(), root]))
                    ]),
            ],
            failing: [
                RuleExample("SHA-1 leaf", [ExampleEstate.certificate(bundle: sha1)]),
                RuleExample("MD5 intermediate", [ExampleEstate.certificate(bundle: md5Intermediate)]),
            ])
    }
}
