import CertAuditConsole
import CertAuditCore

/// CHAIN-EXPIRING: a certificate served in the chain expires before the leaf (or has expired), so the
/// leaf stops working on that date although its own notAfter is later.
public struct ChainExpiringRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.expiry + [.certificates(.status)]

    public let descriptor = RuleDescriptor(
        id: .chainExpiring, title: "An intermediate expires before the leaf", defaultSeverity: .medium,
        citations: [.rfc5280(section: "6.1.3"), .rfc5280(section: "4.1.2.5")],
        summary:
            "An intermediate (or a bundled root) in the certificate's chain expires before the leaf does, or "
            + "has expired: the leaf fails from that date even though its own notAfter is later.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.hasBundle && !certificate.isRetired
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        guard let bundle = certificate.bundle, let chainExpiry = bundle.earliestExpiry,
            chainExpiry < bundle.leaf.notAfter
        else { return [] }
        let culprit = bundle.chain.earliestExpiringPlace == 0 ? nil : bundle.earliestExpiring
        let name = culprit?.subject ?? "a chain certificate"
        let when = context.settings.timeZone.iso8601(chainExpiry)
        let days = context.daysUntil(chainExpiry)
        let expired = chainExpiry < context.evaluatedAt
        let severity: Severity =
            expired || days <= context.settings.renewalWindowDays
            ? .high : descriptor.defaultSeverity
        let message =
            expired
            ? "\(name) in the chain expired on \(when); the leaf no longer verifies although it is valid until "
                + "\(context.settings.timeZone.iso8601(bundle.leaf.notAfter))."
            : "\(name) in the chain expires on \(when), \(days) days from now and before the leaf "
                + "(\(context.settings.timeZone.iso8601(bundle.leaf.notAfter))): the leaf fails from that date."
        return [finding(message, severity: severity, certificate: certificate.id, date: context.localDate(chainExpiry))]
    }

    public var examples: RuleExamples {
        let early = ExampleEstate.bundle(others: [ExampleEstate.intermediate(notAfter: ExampleEstate.day(90))])
        return RuleExamples(
            passing: [RuleExample("intermediate outlives the leaf", [ExampleEstate.certificate()])],
            failing: [
                RuleExample("intermediate expires 30 days before the leaf", [ExampleEstate.certificate(bundle: early)])
            ])
    }
}
