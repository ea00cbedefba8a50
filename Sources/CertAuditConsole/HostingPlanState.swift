import CertAuditCore

/// What the console holds for one hosting plan at an instant (HOST-STATES): its state, the new
/// certificate it will replace with, and whether a replacement failed.
public struct HostingPlanState: Sendable, Hashable {
    /// nil when hosting.csv gives no status: the plan counts as in force.
    public var status: HostingState?
    /// The certificate the plan replaces with: the designated one, or the successor once detected.
    public var newCertificateID: String?
    /// When a replacement failed (HOST-NEW-CERT-READY); the plan stays in force.
    public var failedAt: Instant?

    public init(status: HostingState? = .hosting, newCertificateID: String? = nil, failedAt: Instant? = nil) {
        self.status = status
        self.newCertificateID = newCertificateID
        self.failedAt = failedAt
    }

    /// The state hosting.csv (or a `host` request) describes.
    public init(_ record: HostingRecord) {
        let designated: String? =
            switch record.association {
            case .automatic: nil
            case .designated(let id): id
            }
        self.init(status: record.status, newCertificateID: designated)
    }

    /// Whether a plan in `status` is still in force: hosting, replacing, waiting for deployment, or
    /// no status given; completed and not-hosted plans are history.
    public static func isInForce(_ status: HostingState?) -> Bool {
        switch status {
        case .completed?, .notHosted?: false
        case .hosting?, .replacing?, .waitingDeploy?, nil: true
        }
    }

    public var isInForce: Bool { Self.isInForce(status) }

    /// The state after `event` happened at `instant`.
    public func applying(_ event: HostingEvent, at instant: Instant) -> HostingPlanState {
        var next = self
        switch event {
        case .newCertificateAssociated(let id):
            next.newCertificateID = id
        case .newCertificateIssued:
            next.status = .waitingDeploy
        case .replaced:
            next.status = .completed
        case .replacementFailed:
            next.failedAt = instant
        case .cancelled:
            next.status = .notHosted
        }
        return next
    }
}
