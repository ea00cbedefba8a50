import CertAuditCore

/// UP-KEY-MATCH: the private key of a server certificate matches the leaf's public key.
///
/// A missing key is a finding only for uploaded certificates (the console requires one on upload;
/// the platform keeps the key of what it issued). An encrypted key cannot be compared until its
/// password is supplied: that is reported as information, not as a match.
public struct KeyMatchRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.keyFacts + [.certificates(.certificateType), .certificates(.source)]

    public let descriptor = RuleDescriptor(
        id: .upKeyMatch, title: "Private key matches the certificate", defaultSeverity: .critical,
        citations: [.consoleGuide(.upload)],
        summary: "The private key of a server certificate must match the leaf's public key.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.record.kind == .server && certificate.hasBundle
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        guard let key = certificate.bundle?.key else { return [] }
        if !key.present {
            guard certificate.record.source == .uploaded else { return [] }
            return [
                finding(
                    "No private key was supplied for this uploaded server certificate.", severity: .medium,
                    certificate: certificate.id)
            ]
        }
        if key.problem != nil { return [] }  // UP-PEM-FORMAT reports a key that does not parse.
        if key.encrypted && key.matchesLeaf == nil {
            return [
                finding(
                    "The private key is encrypted; whether it matches was not checked.", severity: .info,
                    certificate: certificate.id)
            ]
        }
        if key.matchesLeaf == false {
            return [
                finding(
                    "The private key does not match the certificate's public key: the server cannot use them together.",
                    certificate: certificate.id)
            ]
        }
        return []
    }

    public var examples: RuleExamples {
        RuleExamples(
            passing: [
                RuleExample("a matching key", [ExampleEstate.certificate()]),
                RuleExample(
                    "an issued certificate without its key",
                    [
                        ExampleEstate.certificate(
                            source: .issued, bundle: ExampleEstate.bundle(key: .absent))
                    ]),
            ],
            failing: [
                RuleExample(
                    "a key of another certificate",
                    [
                        ExampleEstate.certificate(
                            bundle: ExampleEstate.bundle(key: .init(present: true, matchesLeaf: false)))
                    ]),
                RuleExample(
                    "an uploaded certificate without a key",
                    [ExampleEstate.certificate(bundle: ExampleEstate.bundle(key: .absent))]),
            ])
    }
}
