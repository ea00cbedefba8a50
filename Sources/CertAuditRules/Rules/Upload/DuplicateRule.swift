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
        // Each fingerprint's first certificate by its place, in a table of 32-bit positions keyed by
        // the fingerprint as held (8 MB at a million certificates): a dictionary keyed by each
        // fingerprint's hex string held some 130 MB there (a 64-character string and a 24-byte slot
        // each), and a table of whole certificates before it 179 MB at 100,000.
        let certificates = context.estate.certificates
        let fingerprint = { (position: Int) in certificates[position].leafFingerprint }
        let firsts = PositionTable(count: certificates.count, key: fingerprint)
        var found: [Finding] = []
        for index in certificates.indices {
            guard let print = fingerprint(index), let first = firsts.position(of: print, key: fingerprint),
                first != index, certificates[index].record.allowDuplicate != true
            else { continue }
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
