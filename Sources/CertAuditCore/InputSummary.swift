/// The accounting of one input file for the run manifest: proof that every row was considered.
public struct InputSummary: Sendable, Hashable, Comparable {
    /// Name relative to the inputs folder.
    public var name: String
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    /// Data rows read (header and blank lines excluded).
    public var rows: Int
    public var accepted: Int
    public var quarantined: Int
    /// `utf-8` or `gb18030`; nil for non-CSV inputs.
    public var encoding: String?
    /// Notes about the file as a whole (unknown columns, the encoding that was detected).
    public var notes: [String]

    public init(
        name: String, sha256: String, rows: Int, accepted: Int, quarantined: Int, encoding: String? = nil,
        notes: [String] = []
    ) {
        self.name = name
        self.sha256 = sha256
        self.rows = rows
        self.accepted = accepted
        self.quarantined = quarantined
        self.encoding = encoding
        self.notes = notes
    }

    /// Every row is either accepted or quarantined.
    public var isBalanced: Bool { rows == accepted + quarantined }

    public static func < (lhs: InputSummary, rhs: InputSummary) -> Bool { lhs.name < rhs.name }
}
