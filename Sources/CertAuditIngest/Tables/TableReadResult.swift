import CertAuditCore

/// What one read of an input table gives: the accepted records, the quarantined rows, the values of
/// accepted rows taken as not given, the accounting.
public struct TableReadResult<Record: Sendable>: Sendable {
    public var records: [Record]
    public var quarantine: [QuarantineRecord]
    public var badValues: [BadValue]
    /// The 1-based header position of each known column.
    public var fields: [InputColumn: Int]
    /// `sha256` is left empty: the caller, which owns hashing, fills it in.
    public var summary: InputSummary
}
