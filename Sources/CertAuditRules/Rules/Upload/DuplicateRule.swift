import CertAuditCore

/// UP-DUPLICATE: the same certificate content (SHA-256 of the leaf) appears once, unless the later
/// record allows duplicates ("允许上传相同证书"). The first row in input order is the original.
public struct DuplicateRule: EstateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.bundleFacts + [.certificates(.allowDuplicate)]

    public let descriptor = RuleDescriptor(
        id: .upDuplicate, title: "No duplicate uploads", defaultSeverity: .medium, citations: [.consoleGuide(.upload)],
        summary:
            "Uploading a certificate whose content (SHA-256 fingerprint) is already in the inventory is an "
            + "error unless that record allows duplicates.")

    public func check(_ context: RuleContext) -> [Finding] {
        var firstByFingerprint: [String: Certificate] = [:]
        var found: [Finding] = []
        for certificate in context.estate.certificates {
            guard let fingerprint = certificate.leaf?.fingerprintSHA256 else { continue }
            guard let original = firstByFingerprint[fingerprint] else {
                firstByFingerprint[fingerprint] = certificate
                continue
            }
            if certificate.record.allowDuplicate == true { continue }
            found.append(
                finding(
                    "Same certificate as \(original.id) (certificates.csv line \(original.record.line)); "
                        + "the record does not allow duplicates.", certificate: certificate.id))
        }
        return found
    }

    public var examples: RuleExamples {
        let first = ExampleEstate.certificate("first")
        let allowed = ExampleEstate.certificate("second") { $0.allowDuplicate = true }
        let other = ExampleEstate.certificate(
            "other", bundle: ExampleEstate.bundle(ExampleEstate.leaf(fingerprint: "aa02")))
        return RuleExamples(
            passing: [
                RuleExample("different certificates", [first, other]),
                RuleExample("a duplicate that is allowed", [first, allowed]),
            ],
            failing: [RuleExample("the same certificate twice", [first, ExampleEstate.certificate("second")])])
    }
}
