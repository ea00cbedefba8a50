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
        // Each fingerprint's first certificate by its place, not a copy: a table of whole
        // certificates was the run's largest allocation (179 MB at 100,000 certificates).
        let certificates = context.estate.certificates
        var firstByFingerprint: [String: Int] = [:]
        firstByFingerprint.reserveCapacity(certificates.count)
        var found: [Finding] = []
        for index in certificates.indices {
            guard let fingerprint = certificates[index].leaf?.fingerprintSHA256 else { continue }
            guard let first = firstByFingerprint[fingerprint] else {
                firstByFingerprint[fingerprint] = index
                continue
            }
            if certificates[index].record.allowDuplicate == true { continue }
            found.append(
                finding(
                    "Same certificate as \(certificates[first].id) (certificates.csv line "
                        + "\(certificates[first].record.line)); the record does not allow duplicates.",
                    certificate: certificates[index].id))
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
