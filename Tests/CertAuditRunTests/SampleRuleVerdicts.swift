import CertAuditCore
import CertAuditRules

/// Whether a rule fires on a certificate of a published report, in the sense of inputs/README.md's
/// *fires* and *quiet* columns: it fires when it makes a finding about the certificate (of the given
/// severity, if one is given) or gives a reason on a request about it. An operation rule stays quiet
/// when a request of a kind it judges went through it without a reason; any other rule, when it
/// does neither.
struct SampleRuleVerdicts {
    let report: PublishedReport

    func fires(_ expected: SampleExpectations.RuleExpectation, on certificate: String) -> Bool {
        findings(expected, on: certificate)
            || (expected.severity == nil && !reasons(expected.rule, on: certificate).isEmpty)
    }

    func isQuiet(_ expected: SampleExpectations.RuleExpectation, on certificate: String) -> Bool {
        if let rule = RuleCatalogue.rules.first(where: { $0.descriptor.id.rawValue == expected.rule })
            as? any OperationRule
        {
            let kinds = Set(rule.judgedKinds.map(\.rawValue))
            return report.operations.contains { operation in
                operation.certificate == certificate && kinds.contains(operation.kind)
                    && !operation.reasons.contains { $0.rule == expected.rule }
            }
        }
        return !findings(expected, on: certificate)
            && (expected.severity != nil || reasons(expected.rule, on: certificate).isEmpty)
    }

    private func findings(_ expected: SampleExpectations.RuleExpectation, on certificate: String) -> Bool {
        report.findings.contains {
            $0.rule == expected.rule && $0.certificate == certificate
                && (expected.severity == nil || $0.severity == expected.severity)
        }
    }

    private func reasons(_ rule: String, on certificate: String) -> [PublishedReport.Reason] {
        report.operations.filter { $0.certificate == certificate }.flatMap(\.reasons).filter { $0.rule == rule }
    }
}
