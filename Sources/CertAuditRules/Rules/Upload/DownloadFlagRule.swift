import CertAuditCore

/// UP-DOWNLOAD-FLAG: auditors want to see which private keys the platform may hand out for
/// download (`allow_download`). Each certificate whose download is allowed and whose private key
/// the platform holds (it issued the certificate, or the upload carried the key) is listed
/// (information); a certificate without a key there exposes nothing secret.
public struct DownloadFlagRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.keyFacts + [.certificates(.allowDownload), .certificates(.source)]

    public let descriptor = RuleDescriptor(
        id: .upDownloadFlag, title: "Private key downloadable from the platform", defaultSeverity: .info,
        citations: [.consoleGuide(.upload)],
        summary:
            "Whether the platform may hand the certificate out for download is recorded per certificate; auditors want "
            + "to see which private keys can be downloaded.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.record.allowDownload == true
            && (certificate.record.source == .issued || certificate.bundle?.key.present == true)
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        [
            finding(
                "Downloads are allowed: anyone with console access to \(certificate.id) can download its private key.",
                certificate: certificate.id)
        ]
    }

    public var examples: RuleExamples {
        RuleExamples(
            passing: [
                RuleExample("downloads off", [ExampleEstate.certificate { $0.allowDownload = false }]),
                RuleExample(
                    "an upload without its key",
                    [
                        ExampleEstate.certificate(bundle: ExampleEstate.bundle(key: .absent)) {
                            $0.allowDownload = true
                        }
                    ]),
            ],
            failing: [RuleExample("downloads on", [ExampleEstate.certificate { $0.allowDownload = true }])])
    }
}
