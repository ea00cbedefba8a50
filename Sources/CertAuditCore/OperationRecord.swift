/// One accepted row of `operations.csv`: an operation someone asks for, judged at `requestedAt`.
public struct OperationRecord: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case revoke, delete, reissue, host, upload
        case urgeReview = "urge_review"
        case enableAutoRenew = "enable_auto_renew"
        case disableAutoRenew = "disable_auto_renew"
        case ignoreMessages = "ignore_messages"
        case followMessages = "follow_messages"

        /// The `params` keys each kind understands (lower case); `comment` is free text for any kind.
        /// Anything else is a typo that would silently change nothing, so ingest refuses it.
        public var parameterNames: [String] {
            switch self {
            case .revoke: ["comment", "reason"]
            case .reissue: ["comment", "csr", "key_password"]
            case .host: ["association", "comment", "lead", "types", "validation", "validation_ready"]
            default: ["comment"]
            }
        }
    }

    /// The `params` that are booleans. Ingest checks them with the CSV boolean vocabulary and
    /// writes them as `true` or `false`, so that the rules read one spelling.
    public static let booleanParameters: Set<String> = ["key_password", "validation_ready"]

    public var line: Int
    public var requestedAt: Instant
    public var certificateID: String
    public var kind: Kind
    public var parameters: [Tag]
    public var requestedBy: String?

    public init(
        line: Int, requestedAt: Instant, certificateID: String, kind: Kind, parameters: [Tag] = [],
        requestedBy: String? = nil
    ) {
        self.line = line
        self.requestedAt = requestedAt
        self.certificateID = certificateID
        self.kind = kind
        self.parameters = parameters
        self.requestedBy = requestedBy
    }
}
