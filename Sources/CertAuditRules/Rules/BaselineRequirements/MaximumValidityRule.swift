import CertAuditConsole
import CertAuditCore

/// BR-MAX-VALIDITY: a TLS server certificate is valid no longer than the schedule allows on its
/// issue date (error), and SHOULD be one day shorter (warning, low).
///
/// certaudit cannot tell a publicly trusted certificate from a private one, so it applies the schedule
/// to every server leaf: a private CA that issues longer certificates gets findings it may override.
public struct MaximumValidityRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.issueDate + InputColumn.expiry + [.certificates(.certificateType)]

    public let descriptor = RuleDescriptor(
        id: .brMaxValidity, title: "Validity within the Baseline Requirements' maximum", defaultSeverity: .high,
        citations: [.baselineRequirements(section: "6.3.2", ballot: "SC-081v3"), .rfc5280(section: "4.1.2.5")],
        summary:
            "Maximum validity by issue date: 398 days from 2020-09-01, 200 from 2026-03-15, 100 from 2027-03-15, "
            + "47 from 2029-03-15; each SHOULD be one day shorter (a warning). Validity is notAfter − notBefore "
            + "+ 1 second, and any part of a day counts as a whole one.",
        effectiveFrom: ValidityStage.schedule[0].from)

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.record.kind == .server && certificate.leaf.map { !$0.isCA } == true
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        guard let leaf = certificate.leaf, let stage = ValidityStage.stage(issuedAt: leaf.notBefore) else { return [] }
        let days = ValidityStage.validityDays(notBefore: leaf.notBefore, notAfter: leaf.notAfter)
        let issued = leaf.notBefore.utcDate
        if days > stage.maximumDays {
            return [
                finding(
                    "Valid for \(days) days; certificates issued on \(issued) (from \(stage.from)) may be valid "
                        + "for at most \(stage.maximumDays) days.", certificate: certificate.id)
            ]
        }
        if days > stage.recommendedDays {
            return [
                finding(
                    "Valid for \(days) days; certificates issued from \(stage.from) SHOULD be valid for at most "
                        + "\(stage.recommendedDays) days.", severity: .low, certificate: certificate.id)
            ]
        }
        return []
    }

    /// A leaf issued at `notBefore` and valid for `seconds` (notAfter = notBefore + seconds − 1).
    static func leaf(issued notBefore: Instant, validForSeconds seconds: Int64) -> Certificate {
        ExampleEstate.certificate(
            bundle: ExampleEstate.bundle(ExampleEstate.leaf(notBefore: notBefore, notAfter: notBefore + (seconds - 1))))
    }

    public var examples: RuleExamples {
        let march15 = RunTimeZone.utc.startOfDay(LocalDate(year: 2026, month: 3, day: 15)!)
        let march14 = RunTimeZone.utc.startOfDay(LocalDate(year: 2026, month: 3, day: 14)!)
        let day = Instant.secondsPerDay
        return RuleExamples(
            passing: [
                RuleExample("199 days, issued 2026-03-15", [Self.leaf(issued: march15, validForSeconds: 199 * day)]),
                RuleExample("397 days, issued 2026-03-14", [Self.leaf(issued: march14, validForSeconds: 397 * day)]),
            ],
            failing: [
                RuleExample(
                    "200 days and 1 second, issued 2026-03-15",
                    [Self.leaf(issued: march15, validForSeconds: 200 * day + 1)]),
                RuleExample(
                    "exactly 200 days (SHOULD be 199)", [Self.leaf(issued: march15, validForSeconds: 200 * day)]),
                RuleExample("399 days, issued 2026-03-14", [Self.leaf(issued: march14, validForSeconds: 399 * day)]),
            ])
    }
}
