import CertAuditCore

/// One column as the ingest stage reads it: what it holds, and whether its row can do without it.
public struct InputColumnDescription: Sendable, Hashable {
    public let column: InputColumn
    public let kind: InputColumnKind
    /// An empty or bad value quarantines the row (spec/INPUTS.md: "what the row cannot be used
    /// without"). `not_after` and `bundle` are essential together, which this flag cannot say: a
    /// certificate needs one of them readable (see README, "What a row cannot do without").
    public let essential: Bool
}
