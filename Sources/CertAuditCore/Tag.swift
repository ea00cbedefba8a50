/// A `key=value` tag.
public struct Tag: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

extension Tag: ByteEquatable {
    public func hasSameBytes(as other: Tag) -> Bool {
        key.hasSameBytes(as: other.key) && value.hasSameBytes(as: other.value)
    }
}
