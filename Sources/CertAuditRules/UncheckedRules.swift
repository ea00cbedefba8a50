import CertAuditCore

/// The spec's rules that the static audit does not check, with where they are (or will be) checked
/// and why. Listed so that `certaudit rules` accounts for every ID of RULES.md.
enum UncheckedRules {
    static let simulation =
        "Belongs to the simulation of the future (charges, successors, replacements, alerts), a later issue; "
        + "not checked yet."
    static let entitlements =
        "Belongs to the entitlement-points stage (packages.csv, points_ledger.csv), a later issue; not checked yet."

    static let status: [String: (status: RuleDescriptor.Status, reason: String)] = [
        "HOST-NEW-CERT-READY": (.simulation, simulation),
        "HOST-MESSAGES": (.simulation, simulation),
        "HOST-STATES": (
            .notApplicable,
            "Describes the hosting states; ingest reads hosting.csv's status (and the API's codes) into them, and the "
                + "hosting rules skip completed and not-hosted plans. Nothing to check on its own."
        ),
        "UPH-PRODUCT": (.simulation, simulation),
        "UPH-AUTO-SUBMIT": (.simulation, simulation),
        "UPH-DEPLOY": (.simulation, simulation),
        "AR-CHARGE-DATE": (.simulation, simulation),
        "AR-CHARGE-FAILED": (.simulation, simulation),
        "AR-SUCCESSOR": (.simulation, simulation),
        "AR-SUCCESSOR-VALIDITY": (.simulation, simulation),
        "AR-VALIDATION": (.simulation, simulation),
        "AR-DEPLOY": (.simulation, simulation),
        "REV-DURATION": (
            .simulation,
            "Review durations (settings: review = worst|typical) already decide how long an allowed reissue stays "
                + "under review for the operation verdicts; issuance dates belong to the simulation, a later issue."
        ),
        "RI-SAME-VALIDITY": (
            .simulation,
            "A reissue's end date is the original's: the simulation uses it for the reissued certificate, a later "
                + "issue. There is nothing to deny."
        ),
        "PTS-USE": (.simulation, entitlements),
        "PTS-PACKAGE": (
            .notApplicable,
            "Describes packages.csv's columns; ingest will type them with the entitlement-points stage, a later issue."
        ),
        "PTS-TRANSFER": (.simulation, entitlements),
        "PTS-RECHARGE": (.simulation, entitlements),
        "PTS-EXPIRY": (.simulation, entitlements),
        "PTS-RECONCILE": (.simulation, entitlements),
    ]
}
