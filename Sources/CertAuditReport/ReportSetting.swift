/// One run setting in the manifest (`<run><setting>`), in the order the caller gave.
public struct ReportSetting: Sendable, Hashable {
    public var name: String
    public var value: String
}
