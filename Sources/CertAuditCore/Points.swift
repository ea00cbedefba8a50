/// A count of entitlement points (权益点): whole points, never money and never a bare integer that
/// could be mixed up with one.
public struct Points: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var count: Int64

    public init(_ count: Int64) { self.count = count }

    public static let zero = Points(0)

    public var description: String { String(count) }

    public static func < (lhs: Points, rhs: Points) -> Bool { lhs.count < rhs.count }
    public static func + (lhs: Points, rhs: Points) -> Points { Points(lhs.count + rhs.count) }
    public static func - (lhs: Points, rhs: Points) -> Points { Points(lhs.count - rhs.count) }
}
