/// The private key's status. Never the key itself: no output may hold key material.
public struct PrivateKeyStatus: Sendable, Hashable {
    /// Why the key could not be read, when it could not.
    public var problem: String? {
        get { storedProblem?.value }
        set { storedProblem = newValue.map(OutOfLine.init) }
    }
    /// Out of line: rare, and 8 bytes where a `String?` takes 16.
    private var storedProblem: OutOfLine<String>?
    public var present: Bool
    public var encrypted: Bool
    /// nil when it could not be compared (absent or still encrypted).
    public var matchesLeaf: Bool?
    public var algorithm: PublicKeyFacts.Algorithm?

    public init(
        present: Bool, encrypted: Bool = false, matchesLeaf: Bool? = nil, algorithm: PublicKeyFacts.Algorithm? = nil,
        problem: String? = nil
    ) {
        self.present = present
        self.encrypted = encrypted
        self.matchesLeaf = matchesLeaf
        self.algorithm = algorithm
        self.problem = problem
    }

    public static let absent = PrivateKeyStatus(present: false)
}

extension PrivateKeyStatus: ByteEquatable {
    /// Its fields, the problem's text byte for byte.
    public func hasSameBytes(as other: PrivateKeyStatus) -> Bool {
        present == other.present && encrypted == other.encrypted && matchesLeaf == other.matchesLeaf
            && algorithm == other.algorithm && problem.hasSameBytes(as: other.problem)
    }
}
