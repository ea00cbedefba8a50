import CertAuditCore

/// UP-PEM-FORMAT: what does not parse is rejected with the console's own wording. The loader has
/// already quarantined such rows (with the wording); this rule turns each into a finding, and flags
/// a key file that does not parse (the certificate itself stays in the estate).
public struct PEMFormatRule: EstateRule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: .upPemFormat, title: "Bundle and key must be well-formed PEM", defaultSeverity: .high,
        citation: "RULES.md §1",
        summary:
            "A certificate or private key that does not parse is rejected with the console's wording "
            + "\"解析失败,请检查证书是否符合标准\" and the precise reason.")

    public func check(_ context: RuleContext) -> [Finding] {
        let rejected = context.estate.quarantine.filter { $0.ruleID == .upPemFormat }.map {
            finding("\($0.input) line \($0.line): \($0.reason)", certificate: $0.certificateID)
        }
        let badKeys = context.estate.certificates.compactMap { certificate -> Finding? in
            guard let problem = certificate.bundle?.key.problem else { return nil }
            return finding("The private key does not parse: \(problem)", certificate: certificate.id)
        }
        return rejected + badKeys
    }

    public var examples: RuleExamples {
        let badKey = ExampleEstate.bundle(key: PrivateKeyStatus(present: true, problem: "not a PEM private key"))
        let quarantined = QuarantineRecord(
            input: "certificates.csv", line: 7, reason: "解析失败,请检查证书是否符合标准: no certificate",
            certificateID: "bad", ruleID: .upPemFormat)
        return RuleExamples(
            passing: [RuleExample("a bundle that parses", [ExampleEstate.certificate()])],
            failing: [
                RuleExample("a key file that does not parse", [ExampleEstate.certificate(bundle: badKey)]),
                RuleExample(
                    "a quarantined bundle",
                    estate: Estate(certificates: [], quarantine: [quarantined])),
            ])
    }
}
