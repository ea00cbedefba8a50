/// The basicConstraints extension.
public struct BasicConstraints: Sendable, Hashable {
    public var pathLength: Int?
    public var isCA: Bool
    public var critical: Bool

    public init(isCA: Bool, pathLength: Int? = nil, critical: Bool) {
        self.isCA = isCA
        self.pathLength = pathLength
        self.critical = critical
    }
}
