/// Bounds that keep hostile input from exhausting memory or time. A row over a bound is malformed,
/// never a crash.
public struct CSVLimits: Sendable, Hashable {
    /// Largest field, in bytes.
    public var fieldBytes: Int
    /// Most fields in a row.
    public var fieldsPerRow: Int

    public init(fieldBytes: Int = 1 << 20, fieldsPerRow: Int = 10_000) {
        self.fieldBytes = fieldBytes
        self.fieldsPerRow = fieldsPerRow
    }
}
