import CertAuditCore

/// UP-ZIP-FORMS (a certaudit addition to RULES.md): every form of the console's ZIP download
/// (Nginx, Apache, IIS, Tomcat, Other) holds the same certificate and key. A user who deploys the
/// IIS form of a download whose PEM form was audited must get what was audited.
public struct ArchiveFormsRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.bundleFacts

    public let descriptor = RuleDescriptor(
        id: .upZipForms, title: "Every form in the console's ZIP holds the same certificate and key",
        defaultSeverity: .high, citations: [.certauditAuditRule, .consoleGuide(.upload)],
        summary:
            "The console's ZIP download holds one folder per server type; certaudit reads the PEM form (or else the "
            + "PFX) and cross-checks that every other form holds the same certificate and a matching key.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.bundle.map { !$0.formMismatches.isEmpty } ?? false
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        (certificate.bundle?.formMismatches ?? []).map {
            finding("In the ZIP download, \($0).", certificate: certificate.id)
        }
    }

    public var examples: RuleExamples {
        var mismatched = ExampleEstate.bundle()
        mismatched.formMismatches = ["the iis form holds another certificate than the nginx form"]
        return RuleExamples(
            passing: [RuleExample("forms that agree", [ExampleEstate.certificate()])],
            failing: [
                RuleExample("an IIS form with another certificate", [ExampleEstate.certificate(bundle: mismatched)])
            ])
    }
}
