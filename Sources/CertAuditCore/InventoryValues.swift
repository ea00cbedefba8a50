/// Where a certificate came from (`From` in the API).
public enum CertificateSource: String, Sendable, Hashable, CaseIterable {
    /// Issued by the platform.
    case issued
    /// Uploaded from a third-party CA.
    case uploaded
}

/// `SVR` (a server certificate) or `CA` (a CA certificate uploaded for mutual TLS).
public enum CertificateKind: String, Sendable, Hashable, CaseIterable {
    case server = "SVR"
    case ca = "CA"
}

/// `international` or `sm2` (国密).
public enum CertificateStandard: String, Sendable, Hashable, CaseIterable {
    case international
    case sm2
}

/// `DV`, `DV_FREE`, `OV`, `OV_PRO`, `EV`, `EV_PRO`.
public enum Product: String, Sendable, Hashable, CaseIterable {
    case dv = "DV"
    case dvFree = "DV_FREE"
    case ov = "OV"
    case ovPro = "OV_PRO"
    case ev = "EV"
    case evPro = "EV_PRO"
}

/// `single`, `multi`, `wildcard`.
public enum DomainType: String, Sendable, Hashable, CaseIterable {
    case single, multi, wildcard
}

/// `balance` (money) or `points` (entitlement points).
public enum PaymentMethod: String, Sendable, Hashable, CaseIterable {
    case balance, points
}

/// How the domain is validated (`VerifyType`).
public enum VerifyType: String, Sendable, Hashable, CaseIterable {
    case dnsAuto = "DNS_AUTO"
    case dns = "DNS"
    case file = "FILE"
    case dnsProxy = "DNS_PROXY"
    case fileProxy = "FILE_PROXY"
}

/// A certificate's state in the console, with the API's numeric codes.
public enum CertificateState: String, Sendable, Hashable, CaseIterable {
    case validating
    case issued
    case validationFailed = "validation_failed"
    case expired
    case dnsAutoAdded = "dns_auto_added"
    case pendingSubmission = "pending_submission"
    case cancelling
    case cancelled
    case pendingLetter = "pending_letter"
    case revoking
    case revoked
    case reissuing
    case pendingRevocationLetter = "pending_revocation_letter"
    case refunded
    case migrating

    /// The API's numeric `Status` codes (spec/INPUTS.md); 5 and 13 are both pending submission.
    public init?(apiCode: Int) {
        let table: [Int: CertificateState] = [
            0: .validating, 1: .issued, 2: .validationFailed, 3: .expired, 4: .dnsAutoAdded,
            5: .pendingSubmission, 13: .pendingSubmission, 6: .cancelling, 7: .cancelled,
            8: .pendingLetter, 9: .revoking, 10: .revoked, 11: .reissuing, 12: .pendingRevocationLetter,
            14: .refunded, 15: .migrating,
        ]
        guard let state = table[apiCode] else { return nil }
        self = state
    }
}

/// A cloud resource type. Known types are matched case-insensitively; an unknown one is kept as given.
public struct ResourceType: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The canonical upper-case name for a known type, the input text otherwise.
    public let name: String
    public let isKnown: Bool

    public static let known: [String] = [
        "CDN", "CLB", "TKE", "LIVE", "WAF", "DDOS", "APIGATEWAY", "TEO", "VOD", "COS", "TSE", "SCDN",
        "DCDN", "ALB", "TCB", "LIGHTHOUSE", "SCF", "MQTT", "TDMQ", "GAAP", "OTHER",
    ]

    public init(_ text: String) {
        let upper = text.uppercased()
        if ResourceType.known.contains(upper) {
            name = upper == "OTHER" ? "other" : upper
            isKnown = true
        } else {
            name = text
            isKnown = false
        }
    }

    public var description: String { name }
    public static func < (lhs: ResourceType, rhs: ResourceType) -> Bool { lhs.name < rhs.name }
}
