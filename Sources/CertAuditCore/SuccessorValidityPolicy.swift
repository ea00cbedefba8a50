/// How long an auto-renewed successor is valid (AR-SUCCESSOR-VALIDITY): a run setting
/// (`--successor-validity`, `successor_validity`); what each means is the console's knowledge
/// (CertAuditConsole). The raw values are the option's words.
public enum SuccessorValidityPolicy: String, Sendable, Hashable, CaseIterable {
    /// The old expiry plus one year, never longer than BR-MAX-VALIDITY allows on the issue date.
    case cabf
    /// The old expiry plus one year, whatever the Baseline Requirements say.
    case oneYear = "one-year"
}
