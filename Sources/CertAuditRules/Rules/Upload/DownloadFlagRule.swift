import CertAuditCore

/// UP-DOWNLOAD-FLAG: auditors want to see which private keys the platform may hand out for
/// download (`allow_download`); each such certificate is listed (information).
public struct DownloadFlagRule: CertificateRule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: "UP-DOWNLOAD-FLAG", title: "Private key downloadable from the platform", defaultSeverity: .info,
        citation: "RULES.md §1",
        summary:
            "Whether the platform may hand the certificate out for download is recorded per certificate; auditors want "
            + "to see which private keys can be downloaded.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.record.allowDownload == true
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        let key = certificate.bundle?.key.present == true ? "its private key is held by the platform and " : ""
        return [
            finding(
                "Downloads are allowed: \(key)anyone with console access to \(certificate.id) can download it.",
                certificate: certificate.id)
        ]
    }

    public var examples: RuleExamples {
        RuleExamples(
            passing: [RuleExample("downloads off", [ExampleEstate.certificate { $0.allowDownload = false }])],
            failing: [RuleExample("downloads on", [ExampleEstate.certificate { $0.allowDownload = true }])])
    }
}
