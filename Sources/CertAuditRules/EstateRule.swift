import CertAuditCore

/// A rule that needs the whole estate at once (duplicates, resources, quarantine).
public protocol EstateRule: Rule {
    func check(_ context: RuleContext) -> [Finding]
}

extension Rule {
    /// A finding of this rule at its default severity unless told otherwise. A rule that can report
    /// more than one thing about the same certificate, resource and package names each by its `aspect`
    /// (part of the finding's key).
    func finding(
        _ message: String, severity: Severity? = nil, certificate: String? = nil, resource: String? = nil,
        package: String? = nil, date: LocalDate? = nil, aspect: String? = nil
    ) -> Finding {
        Finding(
            ruleID: descriptor.id, severity: severity ?? descriptor.defaultSeverity, certificateID: certificate,
            resourceID: resource, packageID: package, date: date, message: message, aspect: aspect)
    }
}
