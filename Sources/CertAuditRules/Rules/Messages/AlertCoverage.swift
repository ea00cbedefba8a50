import CertAuditConsole
import CertAuditCore

/// Who can actually be told about a certificate: the contacts' reachable channels (NOTIFY-CHANNELS)
/// and the alert policies that watch it (ALERT-POLICY). Shared by the message rules.
struct AlertCoverage {
    let estate: Estate

    /// Whether the contact has at least one channel that delivers.
    static func reachable(_ contact: ContactRecord) -> Bool { contact.isReachable }

    func policy(_ policy: AlertPolicyRecord, watches certificate: Certificate) -> Bool {
        policy.watches(certificate)
    }

    /// An alert policy watches the certificate and one of its receivers can be reached. (Plain loops:
    /// the closure form of this crashed Swift 6.3.1's optimiser in CopyPropagation.)
    func isWatched(_ certificate: Certificate) -> Bool {
        var reachable: Set<String> = []
        for contact in estate.lifecycle.contacts where Self.reachable(contact) { reachable.insert(contact.id) }
        for policy in estate.lifecycle.alertPolicies where self.policy(policy, watches: certificate) {
            for receiver in policy.receivers where reachable.contains(receiver) { return true }
        }
        return false
    }
}
