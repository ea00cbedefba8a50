/// Something that happens to one hosting plan (RULES.md §2, §3). `HostingPlanState.applying(_:at:)`
/// says what each changes.
public enum HostingEvent: Sendable, Hashable {
    /// The new certificate is known: the auto-renewed successor was detected (HOST-ASSOCIATION), or
    /// uploaded-hosting's own order was created (UPH-AUTO-SUBMIT).
    case newCertificateAssociated(id: String)
    /// The new certificate was issued; the plan waits for its replacement time (waiting for deployment).
    case newCertificateIssued
    /// The new certificate replaced the old one on the resources of the named types (HOST-LEAD).
    case replaced
    /// The replacement time came without an issued new certificate (HOST-NEW-CERT-READY): the old
    /// certificate stays where it is.
    case replacementFailed
    /// Hosting was switched off.
    case cancelled
}
