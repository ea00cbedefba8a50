import CertAuditCore

/// A compliance rule: metadata, its own examples, and a check over the estate.
///
/// Modelled on SwiftLint's rule descriptions and zlint's lint metadata: the rule carries its ID,
/// citation, effective dates and triggering / non-triggering examples, which drive the tests and the
/// documentation. Only the runner decides which rules run, on what, and in which order.
public protocol Rule: Sendable {
    var descriptor: RuleDescriptor { get }
    /// Estates on which the rule must stay quiet and estates on which it must fire.
    var examples: RuleExamples { get }
    /// The input columns the rule's verdict depends on. A bad value in one of them (INV-BAD-VALUE)
    /// means the rule could not check what it needed; a bad value anywhere else leaves its findings
    /// as they were (a test holds every rule to this).
    var reads: [InputColumn] { get }
}

/// A rule that looks at one certificate at a time; the runner iterates (in parallel) over the estate.
public protocol CertificateRule: Rule {
    /// Whether the rule is meaningful for this certificate at all (a CA-type upload is no TLS leaf).
    func applies(to certificate: Certificate, in context: RuleContext) -> Bool
    func check(_ certificate: Certificate, in context: RuleContext) -> [Finding]
}

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
