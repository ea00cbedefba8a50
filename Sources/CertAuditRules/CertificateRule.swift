import CertAuditCore

/// A rule that looks at one certificate at a time; the runner iterates (in parallel) over the estate.
public protocol CertificateRule: Rule {
    /// Whether the rule is meaningful for this certificate at all (a CA-type upload is no TLS leaf).
    func applies(to certificate: Certificate, in context: RuleContext) -> Bool
    func check(_ certificate: Certificate, in context: RuleContext) -> [Finding]
}
