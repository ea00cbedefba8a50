import CertAuditConsole
import CertAuditCore

/// UPH-VALIDATION: a hosted uploaded certificate's successor is ordered automatically 29 days before
/// expiry (UPH-AUTO-SUBMIT) and can be issued only if the domain-validation record (a DNS CNAME at
/// `_dnsauth.<domain>`, or a file at the validation path) is in place and stays there.
///
/// Decision: `validation_ready` of `hosting.csv` wins over that of `certificates.csv`; automatic
/// validation (DNS on the platform, `DNS_AUTO`) counts as ready. Reported `false`: high; not
/// reported at all: medium (nobody has confirmed it).
public struct UploadedHostingValidationRule: EstateRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.activePlans + InputColumn.expiry + InputColumn.automaticValidation + [
            .certificates(.certificateType), .hosting(.validationMethod), .hosting(.validationReady),
            .certificates(.validationReady),
        ]

    public let descriptor = RuleDescriptor(
        id: .uphValidation, title: "Validation record in place for the successor", defaultSeverity: .high,
        citations: [.consoleGuide(.uploadedHosting)],
        summary:
            "The domain-validation record (DNS CNAME at _dnsauth.<domain>, or a file at the validation path) must be in "
            + "place beforehand and never removed, otherwise the successor cannot be issued.")

    public func check(_ context: RuleContext) -> [Finding] {
        HostingPlan.active(in: context.estate).compactMap { plan -> Finding? in
            let record = plan.certificate.record
            guard record.source == .uploaded, record.kind == .server, !record.validatesAutomatically else { return nil }
            let ready = plan.record.validationReady ?? record.validationReady
            guard ready != true else { return nil }
            let submit = plan.certificate.notAfter.map {
                HostingScheme.autoSubmitDate(expiringOn: context.localDate($0))
            }
            let domain = plan.certificate.domainNames.first.map { $0.hasPrefix("*.") ? String($0.dropFirst(2)) : $0 }
            let place =
                plan.record.validationMethod == .file
                ? "the validation file" : "the DNS CNAME at _dnsauth.\(domain ?? "<domain>")"
            let state = ready == false ? "is not in place" : "is not confirmed (validation_ready not given)"
            return finding(
                "\(plan.record.reference): \(place) \(state); the successor's order (submitted 29 days before "
                    + "expiry" + (submit.map { ", on \($0)" } ?? "") + ") cannot be issued without it, and the old "
                    + "certificate is not replaced.",
                severity: ready == false ? .high : .medium, certificate: plan.certificate.id, date: submit)
        }
    }

    public var examples: RuleExamples {
        func plan(ready: Bool?) -> Estate {
            var record = HostingRecord(line: 2, certificateID: "u")
            record.validationReady = ready
            return Estate(certificates: [ExampleEstate.certificate("u")], lifecycle: LifecycleInputs(hosting: [record]))
        }
        return RuleExamples(
            passing: [RuleExample("the record is in place", estate: plan(ready: true))],
            failing: [
                RuleExample("the record is missing", estate: plan(ready: false)),
                RuleExample("nobody confirmed the record", estate: plan(ready: nil)),
            ])
    }
}
