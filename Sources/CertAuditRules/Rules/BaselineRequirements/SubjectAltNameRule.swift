import CertAuditCore

/// BR-SAN: a TLS server certificate carries subjectAltName, and its subject CN, if any, is one of
/// the SANs (BR 7.1.4.3). Certificates issued from 2021-09-01 (ballot SC-48) must repeat a SAN byte
/// for byte — an IP address in its canonical text form; older ones were compared without letter case,
/// as zlint does.
public struct SubjectAltNameRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.issueDate + [.certificates(.certificateType)]

    public let descriptor = RuleDescriptor(
        id: .brSan, title: "subjectAltName present and covering the CN", defaultSeverity: .high,
        citations: [
            .baselineRequirements(section: "7.1.2.7.12", ballot: "SC-062"),
            .baselineRequirements(section: "7.1.4.3", ballot: "SC-062"),
        ],
        summary:
            "A TLS server certificate must carry subjectAltName; a subject CN, if present, must be one of its SANs "
            + "(byte for byte for certificates issued from 2021-09-01, ignoring letter case before).",
        effectiveFrom: LocalDate(year: 2012, month: 7, day: 1)!)

    /// From this issue date the CN must equal a SAN exactly (BR 7.1.4.3 after ballot SC-48).
    public static let exactMatchFrom = LocalDate(year: 2021, month: 9, day: 1)!

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.record.kind == .server && certificate.leaf.map { !$0.isCA } == true
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        guard let leaf = certificate.leaf else { return [] }
        var found: [Finding] = []
        if leaf.subjectAltNames.isEmpty {
            found.append(
                finding(
                    "The certificate has no subjectAltName: browsers will not accept it.", certificate: certificate.id,
                    aspect: "no-san"))
        }
        let exact = leaf.notBefore.utcDate >= Self.exactMatchFrom
        let normalise: (String) -> String = exact ? { $0 } : { $0.lowercased() }
        let sans = Set(leaf.subjectAltNames.filter { $0.kind == .dns || $0.kind == .ip }.map { normalise($0.value) })
        found += leaf.commonNames.filter { !sans.contains(normalise($0)) }.map {
            finding(
                "The subject CN \"\($0)\" is not among the SANs.", severity: .medium, certificate: certificate.id,
                aspect: "cn:\($0)")
        }
        return found
    }

    public var examples: RuleExamples {
        let noSAN = ExampleEstate.bundle(ExampleEstate.leaf(sans: []))
        let cnElsewhere = ExampleEstate.bundle(ExampleEstate.leaf(cn: "old.example.com"))
        let upperCN = ExampleEstate.bundle(
            ExampleEstate.leaf(
                cn: "WWW.Example.com", notBefore: RunTimeZone.utc.startOfDay(LocalDate(year: 2021, month: 8, day: 1)!)))
        let upperCNNow = ExampleEstate.bundle(ExampleEstate.leaf(cn: "WWW.Example.com"))
        return RuleExamples(
            passing: [
                RuleExample("CN among the SANs", [ExampleEstate.certificate()]),
                RuleExample(
                    "CN differs only in case, issued before 2021-09-01", [ExampleEstate.certificate(bundle: upperCN)]),
                RuleExample(
                    "no CN at all",
                    [ExampleEstate.certificate(bundle: ExampleEstate.bundle(ExampleEstate.leaf(cn: nil)))]),
            ],
            failing: [
                RuleExample("no SAN", [ExampleEstate.certificate(bundle: noSAN)]),
                RuleExample("CN not among the SANs", [ExampleEstate.certificate(bundle: cnElsewhere)]),
                RuleExample(
                    "CN differs in case, issued after 2021-09-01", [ExampleEstate.certificate(bundle: upperCNNow)]),
            ])
    }
}
