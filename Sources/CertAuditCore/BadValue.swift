/// A value of an input row that does not parse. The row stays in the estate with the field taken as
/// not given; INV-BAD-VALUE reports it, and the rules that read the column say they could not check.
public struct BadValue: Sendable, Hashable, Comparable {
    public var column: InputColumn
    /// 1-based line of the row's first physical line.
    public var line: Int
    /// 1-based field index of the column in the file's header.
    public var field: Int
    /// The value as the file gives it (untrusted text: renderers escape it).
    public var value: String
    /// Why it does not parse.
    public var reason: String
    /// The certificate the row is about (certificates.csv, hosting.csv), when it names one.
    public var certificateID: String?
    /// The resource the row is about (resources.csv).
    public var resourceID: String?

    public init(
        column: InputColumn, line: Int, field: Int, value: String, reason: String, certificateID: String? = nil,
        resourceID: String? = nil
    ) {
        self.column = column
        self.line = line
        self.field = field
        self.value = value
        self.reason = reason
        self.certificateID = certificateID
        self.resourceID = resourceID
    }

    public static func < (lhs: BadValue, rhs: BadValue) -> Bool {
        (lhs.column.input, lhs.line, lhs.field) < (rhs.column.input, rhs.line, rhs.field)
    }
}
