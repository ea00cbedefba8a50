/// An input row (or file) kept out of the estate, with where it is and why.
public struct QuarantineRecord: Sendable, Hashable, Comparable {
    /// The input's name relative to the inputs folder, e.g. `certificates.csv`.
    public var input: String
    /// 1-based line of the row's first physical line.
    public var line: Int
    /// 1-based column (field index) the problem is in, when it is in one.
    public var column: Int?
    public var reason: String
    /// The row's certificate ID, when it could be read.
    public var certificateID: String?
    /// The rule behind the rejection (`UP-PEM-FORMAT` for a bundle that does not parse), if any.
    public var ruleID: RuleID?

    public init(
        input: String, line: Int, column: Int? = nil, reason: String, certificateID: String? = nil,
        ruleID: RuleID? = nil
    ) {
        self.input = input
        self.line = line
        self.column = column
        self.reason = reason
        self.certificateID = certificateID
        self.ruleID = ruleID
    }

    public static func < (lhs: QuarantineRecord, rhs: QuarantineRecord) -> Bool {
        (lhs.input, lhs.line, lhs.column ?? 0, lhs.reason) < (rhs.input, rhs.line, rhs.column ?? 0, rhs.reason)
    }
}
