import CertAuditCore

/// ALERT-POLICY: custom expiry alert policies are well formed — a statistics period of 1 or 5
/// minutes, a positive threshold, at least one receiver — watch at least one certificate, and stay
/// within the console's 300 static-threshold policies (counted over the whole file, which carries no
/// account column).
public struct AlertPolicyRule: EstateRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.alertCoverage + [
            .alertPolicies(.thresholdDays), .alertPolicies(.periodMinutes), .alertPolicies(.repeat),
            .alertPolicies(.operator),
        ]

    public static let policyLimit = 300

    public let descriptor = RuleDescriptor(
        id: .alertPolicy, title: "Alert policies are well formed and watch something", defaultSeverity: .medium,
        citations: [.consoleGuide(.expiryAlerts)],
        summary:
            "A custom expiry alert policy watches selected certificates' days to expiry (statistics period 1 or 5 "
            + "minutes) and alerts once or repeatedly to its receivers. An account holds at most 300 static-threshold policies."
    )

    public func check(_ context: RuleContext) -> [Finding] {
        let policies = context.estate.lifecycle.alertPolicies
        let coverage = AlertCoverage(estate: context.estate)
        var found: [Finding] = []
        if policies.count > Self.policyLimit {
            found.append(
                finding(
                    "alert_policies.csv holds \(policies.count) policies; an account may hold at most \(Self.policyLimit)."
                ))
        }
        for policy in policies {
            let place = "alert_policies.csv line \(policy.line) (\(policy.id))"
            var problems: [String] = []
            if ![1, 5].contains(policy.periodMinutes) {
                problems.append("a statistics period of \(policy.periodMinutes) minutes (1 or 5)")
            }
            if policy.thresholdDays == 0 { problems.append("a threshold of 0 days, which never fires before expiry") }
            if policy.receivers.isEmpty { problems.append("no receiver") }
            if !context.estate.certificates.contains(where: { coverage.policy(policy, watches: $0) }) {
                problems.append("no certificate it watches")
            }
            found += problems.map { finding("\(place) has \($0).") }
        }
        return found
    }

    public var examples: RuleExamples {
        let certificate = ExampleEstate.certificate("c")
        func estate(_ policy: AlertPolicyRecord) -> Estate {
            Estate(certificates: [certificate], lifecycle: LifecycleInputs(alertPolicies: [policy]))
        }
        return RuleExamples(
            passing: [
                RuleExample(
                    "all certificates, 30 days, every 5 minutes",
                    estate: estate(
                        AlertPolicyRecord(
                            line: 2, id: "p", selection: .all, thresholdDays: 30, periodMinutes: 5, receivers: ["ops"]))
                )
            ],
            failing: [
                RuleExample(
                    "a 3-minute period",
                    estate: estate(
                        AlertPolicyRecord(
                            line: 2, id: "p", selection: .all, thresholdDays: 30, periodMinutes: 3, receivers: ["ops"]))
                ),
                RuleExample(
                    "a tag no certificate has",
                    estate: estate(
                        AlertPolicyRecord(
                            line: 2, id: "p", selection: .tag(Tag(key: "env", value: "none")), thresholdDays: 30,
                            receivers: ["ops"]))),
                RuleExample(
                    "no receiver",
                    estate: estate(AlertPolicyRecord(line: 2, id: "p", selection: .all, thresholdDays: 30))),
            ])
    }
}
