import CertAuditCore

/// INV-UNKNOWN-REFERENCE (a certaudit addition to RULES.md): an input row names a certificate, a
/// contact, an account or a points package the estate does not hold — unknown, or quarantined. Broken links are findings naming file and line,
/// never crashes; the row itself stays in the estate.
public struct UnknownReferenceRule: EstateRule {
    public init() {}

    public let reads: [InputColumn] = [
        .resources(.certificateID), .hosting(.certificateID), .hosting(.association), .operations(.certificateID),
        .alertPolicies(.certificates), .alertPolicies(.receivers), .certificates(.accountID), .certificates(.reissueOf),
        .certificates(.renewalOf), .accounts(.accountID), .packages(.packageID), .packages(.accountID),
        .pointsLedger(.packageID),
    ]

    public let descriptor = RuleDescriptor(
        id: .invUnknownReference, title: "Reference to an unknown certificate", defaultSeverity: .medium,
        citations: [.certauditAuditRule],
        summary:
            "A row of another input (a resource, a hosting plan, an operation…) names a certificate ID that is "
            + "not in certificates.csv, or whose row was quarantined; a ledger row names a package packages.csv does "
            + "not hold; a certificate or package names an account accounts.csv does not hold. The link cannot be "
            + "checked.")

    public func check(_ context: RuleContext) -> [Finding] {
        let estate = context.estate
        var quarantined: [String: QuarantineRecord] = [:]
        for record in estate.quarantine where record.input == "certificates.csv" {
            if let id = record.certificateID, quarantined[id] == nil { quarantined[id] = record }
        }
        var found: [Finding] = []
        /// Reports `id` when the estate does not hold it; `source` names the referring input and row
        /// without its line (the finding's aspect: lines move when rows are added).
        func check(_ id: String, named place: String, source: String, resource: String? = nil) {
            // Asked by place, not by copying the certificate out (a whole `Certificate` for each reference).
            guard estate.position(of: id) == nil else { return }
            let why =
                quarantined[id].map { "whose row was quarantined (certificates.csv line \($0.line): \($0.reason))" }
                ?? "which is not in certificates.csv"
            found.append(
                finding(
                    "\(place) names certificate \(id), \(why).", certificate: id, resource: resource, aspect: source))
        }
        for resource in estate.resources {
            if let id = resource.certificateID {
                check(
                    id, named: "resources.csv line \(resource.line): \(resource.type) \(resource.id)",
                    source: "resources.csv", resource: resource.id)
            }
        }
        // The certificates by place, read in place: iterated, each one was copied (this rule and the
        // next loop look at two fields of every row).
        let certificates = estate.certificates
        for index in certificates.indices {
            if let renewed = certificates[index].record.renewalOf {
                let id = certificates[index].id
                check(
                    renewed, named: "certificates.csv line \(certificates[index].record.line) (renewal_of of \(id))",
                    source: "renewal_of:\(id)")
            }
        }
        let lifecycle = estate.lifecycle
        for plan in lifecycle.hosting {
            check(plan.certificateID, named: "\(plan.reference)", source: "hosting.csv")
            if case .designated(let designated) = plan.association {
                check(
                    designated, named: "\(plan.reference) (designated successor)",
                    source: "hosting.csv association of \(plan.certificateID)")
            }
        }
        for operation in lifecycle.operations {
            check(
                operation.certificateID, named: "operations.csv line \(operation.line)",
                source: "operations.csv \(operation.kind.rawValue)")
        }
        let contacts = Set(lifecycle.contacts.map(\.id))
        for policy in lifecycle.alertPolicies {
            if case .certificates(let ids) = policy.selection {
                for id in ids {
                    check(
                        id, named: "alert_policies.csv line \(policy.line) (\(policy.id))",
                        source: "alert_policies.csv \(policy.id)")
                }
            }
            for receiver in policy.receivers where !contacts.contains(receiver) {
                found.append(
                    finding(
                        "alert_policies.csv line \(policy.line) (\(policy.id)) names receiver \(receiver), who is not in contacts.csv.",
                        aspect: "receiver \(receiver) of \(policy.id)"))
            }
        }
        if !lifecycle.accounts.isEmpty {
            let accounts = Set(lifecycle.accounts.map(\.id))
            for index in certificates.indices {
                guard let account = certificates[index].record.accountID, !accounts.contains(account) else { continue }
                found.append(
                    finding(
                        "certificates.csv line \(certificates[index].record.line): account \(account) is not in "
                            + "accounts.csv.", certificate: certificates[index].id, aspect: "account \(account)"))
            }
            for package in lifecycle.packages {
                guard let account = package.accountID, !accounts.contains(account) else { continue }
                found.append(
                    finding(
                        "packages.csv line \(package.line): package \(package.id) belongs to account \(account), which "
                            + "is not in accounts.csv.", package: package.id, aspect: "account \(account)"))
            }
        }
        let packages = Set(lifecycle.packages.map(\.id))
        for entry in lifecycle.ledger where !packages.contains(entry.packageID) {
            found.append(
                finding(
                    "points_ledger.csv line \(entry.line) (\(entry.kind.rawValue) of \(entry.points)) names package "
                        + "\(entry.packageID), which is not in packages.csv: the row cannot be reconciled.",
                    package: entry.packageID))
        }
        return found
    }

    public var examples: RuleExamples {
        RuleExamples(
            passing: [
                RuleExample(
                    "a known certificate", [ExampleEstate.certificate("a")],
                    resources: [ExampleEstate.resource(serving: "a")])
            ],
            failing: [
                RuleExample(
                    "an unknown certificate", [ExampleEstate.certificate("a")],
                    resources: [ExampleEstate.resource(serving: "b")])
            ])
    }
}
