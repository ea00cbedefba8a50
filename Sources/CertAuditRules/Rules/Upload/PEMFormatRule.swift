import CertAuditCore

/// UP-PEM-FORMAT: what does not parse is rejected with the console's own wording. The loader has
/// already quarantined the rows it could not use (with the wording) and kept those whose inventory
/// `not_after` is readable, with the bundle as a bad value; this rule turns each into a finding, and
/// flags a key file that does not parse (the certificate itself stays in the estate).
public struct PEMFormatRule: EstateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.keyFacts + [.certificates(.encBundle), .certificates(.encKey)]

    public let descriptor = RuleDescriptor(
        id: .upPemFormat, title: "Bundle and key must be well-formed PEM", defaultSeverity: .high,
        citations: [.consoleGuide(.upload)],
        summary:
            "A certificate or private key that does not parse is rejected with the console's wording "
            + "\"解析失败,请检查证书是否符合标准\" and the precise reason.")

    public func check(_ context: RuleContext) -> [Finding] {
        let rejected = context.estate.quarantine.filter { $0.ruleID == .upPemFormat }.map {
            finding("\($0.input) line \($0.line): \($0.reason)", certificate: $0.certificateID)
        }
        let unreadable = context.estate.badValues.filter { Self.reportsUnreadable($0.column) }.map {
            finding(
                "\($0.column.input) line \($0.line): \($0.column.name) \($0.value): \($0.reason); the certificate is "
                    + "audited on what the inventory says.", certificate: $0.certificateID)
        }
        // By place, each read in place: iterated, the estate copied every certificate, and `bundle`
        // every bundle's facts.
        let certificates = context.estate.certificates
        let badKeys = certificates.indices.compactMap { index -> Finding? in
            guard let problem = certificates[index].keyProblem else { return nil }
            return finding("The private key does not parse: \(problem)", certificate: certificates[index].id)
        }
        return rejected + unreadable + badKeys
    }

    /// The bundle columns whose unreadable file this rule reports (rather than INV-BAD-VALUE).
    static func reportsUnreadable(_ column: InputColumn) -> Bool {
        column == .certificates(.bundle) || column == .certificates(.encBundle)
    }

    public var examples: RuleExamples {
        let badKey = ExampleEstate.bundle(key: PrivateKeyStatus(present: true, problem: "not a PEM private key"))
        let quarantined = QuarantineRecord(
            input: "certificates.csv", line: 7, reason: "解析失败,请检查证书是否符合标准: no certificate",
            certificateID: "bad", ruleID: .upPemFormat)
        let onInventory = ExampleEstate.certificate("kept", bundle: nil) {
            $0.bundle = "kept/broken.pem"
            $0.claimedNotAfter = ExampleEstate.day(40)
        }
        let unreadable = BadValue(
            column: .certificates(.bundle), line: 9, field: 11, value: "kept/broken.pem",
            reason: "解析失败,请检查证书是否符合标准: no certificate", certificateID: "kept")
        return RuleExamples(
            passing: [RuleExample("a bundle that parses", [ExampleEstate.certificate()])],
            failing: [
                RuleExample("a key file that does not parse", [ExampleEstate.certificate(bundle: badKey)]),
                RuleExample(
                    "a quarantined bundle",
                    estate: Estate(certificates: [], quarantine: [quarantined])),
                RuleExample(
                    "an unreadable bundle on a row kept on its inventory not_after",
                    estate: Estate(certificates: [onInventory], badValues: [unreadable])),
            ])
    }
}
