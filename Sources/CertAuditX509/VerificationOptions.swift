import CertAuditCore

/// How a chain is verified: what `openssl verify`'s flags say, so the public path-validation suites
/// can be run with the parameters they were recorded with.
public struct VerificationOptions: Sendable, Hashable {
    public enum Purpose: String, Sendable, Hashable {
        case serverAuth = "sslserver"
        case clientAuth = "sslclient"
    }

    /// Verification time (`-attime`); nil means the current time, as `openssl verify` uses.
    public var time: Instant?
    public var purpose: Purpose?
    public var hostName: String?
    public var ipAddress: String?
    /// `-verify_depth`.
    public var maxDepth: Int?
    /// `-x509_strict`.
    public var strict: Bool
    /// Accept expired and not-yet-valid chain members (the bundle audit reports those with dates).
    public var ignoreTime: Bool

    public init(
        time: Instant?, purpose: Purpose? = nil, hostName: String? = nil, ipAddress: String? = nil,
        maxDepth: Int? = nil, strict: Bool = true, ignoreTime: Bool = false
    ) {
        self.time = time
        self.purpose = purpose
        self.hostName = hostName
        self.ipAddress = ipAddress
        self.maxDepth = maxDepth
        self.strict = strict
        self.ignoreTime = ignoreTime
    }
}
