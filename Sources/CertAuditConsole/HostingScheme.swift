import CertAuditCore

/// The console's two hosting schemes: hosting of a platform-issued certificate (RULES.md §2), and
/// hosting of an uploaded third-party certificate (UPH, §3), which buys and submits its successor
/// itself and replaces on five more resource types.
public enum HostingScheme: String, Sendable, Hashable, CaseIterable {
    case platform
    case uploaded

    /// The scheme a certificate is hosted under: uploaded-hosting for an uploaded certificate.
    public init(for certificate: Certificate) {
        self = certificate.record.source == .uploaded ? .uploaded : .platform
    }

    /// Resource types hosting can replace on (HOST-RESOURCE-TYPES).
    public static let platformTypes: Set<String> = [
        "CDN", "CLB", "TKE", "LIVE", "WAF", "DDOS", "APIGATEWAY", "TEO", "VOD",
    ]
    /// The types uploaded-hosting adds (UPH-DEPLOY names HOST-RESOURCE-TYPES' list plus these).
    public static let uploadedExtraTypes: Set<String> = ["COS", "TSE", "SCDN", "DCDN", "ALB"]

    /// The resource types a plan under this scheme can replace on; bound resources of any other type
    /// keep serving the old certificate.
    public var resourceTypes: Set<String> {
        switch self {
        case .platform: Self.platformTypes
        case .uploaded: Self.platformTypes.union(Self.uploadedExtraTypes)
        }
    }

    /// UPH-AUTO-SUBMIT: uploaded-hosting submits the successor's order when the old certificate has
    /// this many natural days left.
    public static let autoSubmitDaysBeforeExpiry: Int64 = 29

    /// The date uploaded-hosting submits the successor's order for a certificate whose expiry date
    /// (the local date of its notAfter, RULES.md §0) is `expiry`.
    public static func autoSubmitDate(expiringOn expiry: LocalDate) -> LocalDate {
        expiry - autoSubmitDaysBeforeExpiry
    }
}
