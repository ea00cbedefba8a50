import CertAuditCore

/// A hosting plan joined to its certificate: what every HOST rule looks at.
public struct HostingPlan: Sendable {
    public let record: HostingRecord
    public let certificate: Certificate

    public init(record: HostingRecord, certificate: Certificate) {
        self.record = record
        self.certificate = certificate
    }

    /// Plans still in force (hosting, replacing, waiting for deployment, or no status given), joined
    /// to a known certificate; unknown certificates are INV-UNKNOWN-REFERENCE's business.
    ///
    /// Made one at a time as they are read, never gathered: eight HOST rules walk them, two at once,
    /// and each rule's array of the plans (a copy of the certificate in each) was the checks' peak at
    /// a million certificates, some 70 MiB for a moment on top of everything the run holds.
    public static func active(in estate: Estate) -> some Sequence<HostingPlan> {
        estate.lifecycle.hosting.lazy.compactMap { record in
            guard HostingPlanState.isInForce(record.status) else { return nil }
            return estate.certificate(id: record.certificateID).map { HostingPlan(record: record, certificate: $0) }
        }
    }

    /// The scheme the certificate is hosted under: uploaded-hosting for an uploaded certificate.
    public var scheme: HostingScheme { HostingScheme(for: certificate) }

    /// The resource types this plan's scheme can replace on.
    public var supportedTypes: Set<String> { scheme.resourceTypes }
}
