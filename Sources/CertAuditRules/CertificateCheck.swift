import CertAuditCore

/// One certificate rule, opened once for a chunk of certificates that one worker checks.
///
/// Looping over `[any CertificateRule]` for every certificate copied each rule's existential out of
/// the array, and the copies retained and released the same boxes and strings from both workers
/// at once (some 200 ms of CPU at 100,000 certificates). A check is made per chunk, so its reference
/// count is touched by one thread only, and it holds the rule as its concrete type.
class CertificateCheck {
    /// The rule's effective dates, read out of its descriptor once.
    let effectiveFrom: LocalDate?
    let effectiveUntil: LocalDate?

    fileprivate init(_ descriptor: RuleDescriptor) {
        effectiveFrom = descriptor.effectiveFrom
        effectiveUntil = descriptor.effectiveUntil
    }

    /// A check of `rule`, opened to its concrete type.
    static func of(_ rule: some CertificateRule) -> CertificateCheck {
        Opened(rule)
    }

    /// Appends the rule's findings on `certificate` to `found`, when the rule is in effect for it and
    /// applies to it.
    func run(_ certificate: Certificate, in context: RuleContext, into found: inout [Finding]) {
        preconditionFailure("a check is made by `of(_:)`")
    }

    /// Whether the certificate was issued (notBefore, UTC date) within effective dates `from` and
    /// `until`. The dates are looked at first: most rules have none, and this runs for every rule and
    /// certificate.
    static func isEffective(from: LocalDate?, until: LocalDate?, for certificate: Certificate) -> Bool {
        guard from != nil || until != nil, let notBefore = certificate.notBefore else { return true }
        let issued = notBefore.utcDate
        if let from, issued < from { return false }
        if let until, issued >= until { return false }
        return true
    }

    private final class Opened<Rule: CertificateRule>: CertificateCheck {
        let rule: Rule

        init(_ rule: Rule) {
            self.rule = rule
            super.init(rule.descriptor)
        }

        override func run(_ certificate: Certificate, in context: RuleContext, into found: inout [Finding]) {
            guard Self.isEffective(from: effectiveFrom, until: effectiveUntil, for: certificate),
                rule.applies(to: certificate, in: context)
            else { return }
            found += rule.check(certificate, in: context)
        }
    }
}
