import CertAuditCore

/// RI-CSR: a reissue reuses the original CSR, generates one online, or takes a pasted one
/// (`params: csr=original|online|paste`, original when absent); a private-key password
/// (`key_password=yes`) must not be set when the certificate goes to CLB or CDN, which cannot use
/// an encrypted key.
public struct ReissueCSRRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.bindings

    public static let methods: Set<String> = ["original", "online", "paste"]
    /// Resource types that cannot load a password-protected key.
    public static let noKeyPasswordTypes: Set<String> = ["CLB", "CDN"]

    public let descriptor = RuleDescriptor(
        id: .riCsr, title: "A CSR the reissue can use", defaultSeverity: .medium, citations: [.consoleGuide(.reissue)],
        summary:
            "CSR: reuse the original, generate online, or paste one. A private-key password must not be set if the "
            + "certificate goes to CLB/CDN.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.reissue]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        var reasons: [OperationReason] = []
        if let method = request.parameter("csr"), !Self.methods.contains(method.lowercased()) {
            reasons += deny("\(request.reference): csr '\(method)' is not original, online or paste.")
        }
        if request.flag("key_password") == true {
            let blocked = request.boundResources.filter { Self.noKeyPasswordTypes.contains($0.type.name) }
            if !blocked.isEmpty {
                reasons += deny(
                    "\(request.reference): a private-key password is set, but "
                        + blocked.listing
                        + " cannot use a password-protected key.")
            }
        }
        return reasons
    }

    public var examples: RuleExamples {
        let issued = ExampleEstate.certificate(source: .issued)
        let clb = ExampleEstate.resource(serving: "cert-1")
        return RuleExamples(
            passing: [
                RuleExample(
                    "an online CSR without a key password", [issued],
                    operations: [ExampleEstate.operation(.reissue, ["csr": "online"])], resources: [clb]),
                RuleExample(
                    "a key password with no CLB or CDN", [issued],
                    operations: [ExampleEstate.operation(.reissue, ["key_password": "true"])]),
            ],
            failing: [
                RuleExample(
                    "a key password for a CLB", [issued],
                    operations: [ExampleEstate.operation(.reissue, ["key_password": "true"])], resources: [clb]),
                RuleExample(
                    "an unknown CSR method", [issued], operations: [ExampleEstate.operation(.reissue, ["csr": "email"])]
                ),
            ])
    }
}
