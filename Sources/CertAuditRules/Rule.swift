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
