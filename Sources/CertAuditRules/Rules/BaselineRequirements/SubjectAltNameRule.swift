import CertAuditCore

/// BR-SAN: a TLS server certificate carries subjectAltName, and its subject CN, if any, is one of
/// the SANs (BR 7.1.4.3; compared case-insensitively for DNS names).
public struct SubjectAltNameRule: CertificateRule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: "BR-SAN", title: "subjectAltName present and covering the CN", defaultSeverity: .high,
        citation: "CA/B Forum BR 7.1.2.7.12, 7.1.4.3; RULES.md §11",
        summary:
            "A TLS server certificate must carry subjectAltName; a subject CN, if present, must be one of its SANs.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.record.kind == .server && certificate.leaf.map { !$0.isCA } == true
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        guard let leaf = certificate.leaf else { return [] }
        if leaf.subjectAltNames.isEmpty {
            return [
                finding(
                    "The certificate has no subjectAltName: browsers will not accept it.", certificate: certificate.id)
            ]
        }
        let sans = Set(leaf.subjectAltNames.filter { $0.kind == .dns || $0.kind == .ip }.map { $0.value.lowercased() })
        return leaf.commonNames.filter { !sans.contains($0.lowercased()) }.map {
            finding("The subject CN \"\($0)\" is not among the SANs.", severity: .medium, certificate: certificate.id)
        }
    }

    public var examples: RuleExamples {
        let noSAN = ExampleEstate.bundle(ExampleEstate.leaf(sans: []))
        let cnElsewhere = ExampleEstate.bundle(ExampleEstate.leaf(cn: "old.example.com"))
        let upperCN = ExampleEstate.bundle(ExampleEstate.leaf(cn: "WWW.Example.com"))
        return RuleExamples(
            passing: [
                RuleExample("CN among the SANs", [ExampleEstate.certificate()]),
                RuleExample("CN differs only in case", [ExampleEstate.certificate(bundle: upperCN)]),
                RuleExample(
                    "no CN at all",
                    [ExampleEstate.certificate(bundle: ExampleEstate.bundle(ExampleEstate.leaf(cn: nil)))]),
            ],
            failing: [
                RuleExample("no SAN", [ExampleEstate.certificate(bundle: noSAN)]),
                RuleExample("CN not among the SANs", [ExampleEstate.certificate(bundle: cnElsewhere)]),
            ])
    }
}
