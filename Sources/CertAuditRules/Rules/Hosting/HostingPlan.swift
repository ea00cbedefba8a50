import CertAuditCore

/// A hosting plan joined to its certificate: what every HOST rule looks at.
struct HostingPlan {
    let record: HostingRecord
    let certificate: Certificate

    /// Resource types hosting can replace on (RULES.md §2); uploaded-hosting adds five more (§3).
    static let platformTypes: Set<String> = ["CDN", "CLB", "TKE", "LIVE", "WAF", "DDOS", "APIGATEWAY", "TEO", "VOD"]
    static let uploadedExtraTypes: Set<String> = ["COS", "TSE", "SCDN", "DCDN", "ALB"]

    /// Plans still in force (hosting, replacing, waiting for deployment, or no status given), joined
    /// to a known certificate; unknown certificates are INV-UNKNOWN-REFERENCE's business.
    static func active(in estate: Estate) -> [HostingPlan] {
        estate.lifecycle.hosting.compactMap { record in
            switch record.status {
            case .completed, .notHosted: return nil
            default: break
            }
            return estate.certificate(id: record.certificateID).map { HostingPlan(record: record, certificate: $0) }
        }
    }

    var supportedTypes: Set<String> {
        certificate.record.source == .uploaded ? Self.platformTypes.union(Self.uploadedExtraTypes) : Self.platformTypes
    }
}
