import CertAuditCore

/// The previous run's `report.xml`, reduced to what a comparison needs: plain values, read once
/// before the new report is published (`BaselineReader`).
public struct Baseline: Sendable, Hashable {
    /// One `<findings><finding>` of the previous report.
    public struct Finding: Sendable, Hashable {
        public var key: String
        public var rule: String
        public var severity: String
        public var certificate: String?
        public var resource: String?
        public var package: String?
        /// `YYYY-MM-DD`.
        public var firstSeen: String

        public init(
            key: String, rule: String, severity: String, certificate: String? = nil, resource: String? = nil,
            package: String? = nil, firstSeen: String
        ) {
            self.key = key
            self.rule = rule
            self.severity = severity
            self.certificate = certificate
            self.resource = resource
            self.package = package
            self.firstSeen = firstSeen
        }
    }

    /// One `<certificates><certificate>`: its ID, leaf fingerprint and names.
    ///
    /// Held compactly, as a baseline holds a million of them from its reading to the comparison: the
    /// fingerprint as the bytes its hex spells (`HexText`; as a string, a heap block of over 100
    /// bytes), the names as one string, each after a NUL (which XML text cannot hold), not an array
    /// of strings.
    public struct Certificate: Sendable, Hashable {
        public var id: String
        /// The fingerprint as held: compared without making a string.
        public var heldFingerprint: HexText?
        private var joinedNames: String

        public init(id: String, fingerprint: String? = nil, names: [String] = []) {
            self.id = id
            heldFingerprint = fingerprint.map(HexText.init)
            joinedNames = Self.joined(names)
        }

        public var fingerprint: String? {
            get { heldFingerprint?.text }
            set { heldFingerprint = newValue.map(HexText.init) }
        }

        /// `type:value`, lower case, sorted: the set of names a renewal keeps. No name holds a NUL.
        public var names: [String] {
            get { joinedNames.split(separator: "\u{0}", omittingEmptySubsequences: false).dropFirst().map(String.init) }
            set { joinedNames = Self.joined(newValue) }
        }

        public var hasNames: Bool { !joinedNames.isEmpty }

        /// Whether its names are `names`, as `names == names` would say, without splitting them.
        public func hasNames(_ names: [String]) -> Bool { joinedNames == Self.joined(names) }

        /// Adds a name (the baseline's reader, a `<san>` at a time).
        public mutating func append(name: String) { joinedNames += "\u{0}" + name }

        private static func joined(_ names: [String]) -> String { names.map { "\u{0}" + $0 }.joined() }
    }

    /// One `<operations><operation>`.
    public struct Operation: Sendable, Hashable {
        public var requestedAt: String
        public var certificate: String
        public var kind: String
        public var verdict: String

        public init(requestedAt: String, certificate: String, kind: String, verdict: String) {
            self.requestedAt = requestedAt
            self.certificate = certificate
            self.kind = kind
            self.verdict = verdict
        }
    }

    /// The root's `as-of` and `timezone`.
    public var asOf: String
    public var timeZone: String
    /// SHA-256 of the file's bytes, lower-case hex: the report names the evidence it compared with.
    public var sha256: String
    /// Held as their keys (`BaselineFindings`).
    public var findings: BaselineFindings
    public var certificates: [Certificate]
    public var operations: [Operation]

    public init(
        asOf: String, timeZone: String, sha256: String, findings: BaselineFindings = [],
        certificates: [Certificate] = [],
        operations: [Operation] = []
    ) {
        self.asOf = asOf
        self.timeZone = timeZone
        self.sha256 = sha256
        self.findings = findings
        self.certificates = certificates
        self.operations = operations
    }
}
