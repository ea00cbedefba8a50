import CertAuditCore

/// The spec's rules that the static audit does not check, with where they are (or will be) checked
/// and why. Listed so that `certaudit rules` accounts for every ID of RULES.md.
enum UncheckedRules {
    static let simulation =
        "Belongs to the simulation of the future (charges, successors, replacements, alerts), a later issue; "
        + "not checked yet."
    static let entitlements =
        "Belongs to the entitlement-points stage (packages.csv, points_ledger.csv), a later issue; not checked yet."

    static let status: [RuleID: (status: RuleDescriptor.Status, reason: String)] = [
        .hostNewCertReady: (.simulation, simulation),
        .hostMessages: (.simulation, simulation),
        .hostStates: (
            .notApplicable,
            "Describes the hosting states; ingest reads hosting.csv's status (and the API's codes) into them, and the "
                + "hosting rules skip completed and not-hosted plans. Nothing to check on its own."
        ),
        .uphProduct: (.simulation, simulation),
        .uphAutoSubmit: (.simulation, simulation),
        .uphDeploy: (.simulation, simulation),
        .arChargeDate: (.simulation, simulation),
        .arChargeFailed: (.simulation, simulation),
        .arSuccessor: (.simulation, simulation),
        .arSuccessorValidity: (.simulation, simulation),
        .arValidation: (.simulation, simulation),
        .arDeploy: (.simulation, simulation),
        .revDuration: (
            .simulation,
            "Review durations (settings: review = worst|typical) already decide how long an allowed reissue stays "
                + "under review for the operation verdicts; issuance dates belong to the simulation, a later issue."
        ),
        .riSameValidity: (
            .simulation,
            "A reissue's end date is the original's: the simulation uses it for the reissued certificate, a later "
                + "issue. There is nothing to deny."
        ),
        .ptsUse: (.simulation, entitlements),
        .ptsPackage: (
            .notApplicable,
            "Describes packages.csv's columns; ingest will type them with the entitlement-points stage, a later issue."
        ),
        .ptsTransfer: (.simulation, entitlements),
        .ptsRecharge: (.simulation, entitlements),
        .ptsExpiry: (.simulation, entitlements),
        .ptsReconcile: (.simulation, entitlements),
    ]
}
