/// Equality byte for byte. Swift's `==` on `String` calls canonically equivalent spellings equal
/// ("é" as one scalar and as "e" plus a combining accent), so a value swapped for an `==` one can
/// change the bytes certaudit writes. Where a value stands in for another (the ingest's shared
/// storage, a key read back), the two must be the same bytes.
///
/// Same bytes implies `==`, so a value's ordinary hash serves a table compared this way.
public protocol ByteEquatable: Hashable {
    func hasSameBytes(as other: Self) -> Bool
}

extension String: ByteEquatable {
    public func hasSameBytes(as other: String) -> Bool { utf8.elementsEqual(other.utf8) }
}

extension Optional: ByteEquatable where Wrapped: ByteEquatable {
    public func hasSameBytes(as other: Wrapped?) -> Bool {
        switch (self, other) {
        case (nil, nil): true
        case (let lhs?, let rhs?): lhs.hasSameBytes(as: rhs)
        default: false
        }
    }
}

extension Array: ByteEquatable where Element: ByteEquatable {
    public func hasSameBytes(as other: [Element]) -> Bool {
        count == other.count && zip(self, other).allSatisfy { $0.hasSameBytes(as: $1) }
    }
}
