/// One summary count (`<summary><count>`).
public struct ReportCount: Sendable, Hashable {
    public var name: String
    public var value: Int
}
