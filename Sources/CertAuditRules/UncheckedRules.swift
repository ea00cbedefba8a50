import CertAuditCore

/// The spec's rules that neither the static audit nor the simulation checks, with where they are
/// (or will be) checked and why. Listed so that `certaudit rules` accounts for every ID of RULES.md.
enum UncheckedRules {
    static let status: [RuleID: (status: RuleDescriptor.Status, reason: String)] = [
        .hostStates: (
            .notApplicable,
            "Describes the hosting states; ingest reads hosting.csv's status (and the API's codes) into them, and the "
                + "hosting rules skip completed and not-hosted plans. Nothing to check on its own."
        ),
        .riSameValidity: (
            .notApplicable,
            "A reissue ends when the original does: there is nothing to deny, and the simulation, which assumes nobody "
                + "acts by hand, requests no reissue."
        ),
    ]
}
