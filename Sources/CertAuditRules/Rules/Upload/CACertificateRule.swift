import CertAuditCore

/// UP-CA-CERT: a certificate uploaded as type CA (for mutual TLS) is a CA certificate and comes
/// without a private key.
public struct CACertificateRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.keyFacts + [.certificates(.certificateType)]

    public let descriptor = RuleDescriptor(
        id: .upCaCert, title: "CA uploads are CA certificates without a key", defaultSeverity: .high,
        citations: [.consoleGuide(.upload)],
        summary:
            "A certificate uploaded as type CA (used for mutual TLS) has no private key and must be a CA "
            + "certificate (basicConstraints CA:TRUE).")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.record.kind == .ca && certificate.hasBundle
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        guard let bundle = certificate.bundle else { return [] }
        var found: [Finding] = []
        if !bundle.leaf.isCA {
            found.append(
                finding(
                    "Uploaded as type CA, but the certificate is not a CA certificate (basicConstraints CA:TRUE is missing).",
                    certificate: certificate.id))
        }
        if bundle.key.present {
            found.append(
                finding(
                    "A CA-type upload must not carry a private key.", severity: .medium, certificate: certificate.id))
        }
        return found
    }

    public var examples: RuleExamples {
        let ca = ExampleEstate.bundle(ExampleEstate.intermediate(), others: [], key: .absent)
        let notCA = ExampleEstate.bundle(others: [], key: .absent)
        let withKey = ExampleEstate.bundle(ExampleEstate.intermediate(), others: [])
        return RuleExamples(
            passing: [
                RuleExample("a CA certificate without a key", [ExampleEstate.certificate(kind: .ca, bundle: ca)])
            ],
            failing: [
                RuleExample(
                    "a server certificate uploaded as CA", [ExampleEstate.certificate(kind: .ca, bundle: notCA)]),
                RuleExample("a CA upload with a key", [ExampleEstate.certificate(kind: .ca, bundle: withKey)]),
            ])
    }
}
