/// One input file in the run manifest (`<run><input>`).
public struct ReportInput: Sendable, Hashable {
    public var name: String
    public var sha256: String
    public var rows: Int
    public var accepted: Int
    public var quarantined: Int
    public var encoding: String?
    public var notes: [String]
}
