import Glibc

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
    /// The two strings' UTF-8 storage compared at once, where `utf8.elementsEqual` walked both views
    /// a byte at a time through their iterators (a hot path of the ingest's interning tables).
    public func hasSameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var (lhs, rhs) = (self, other)
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
            }
        }
    }
}

extension Optional: ByteEquatable where Wrapped: ByteEquatable {
    @inlinable
    public func hasSameBytes(as other: Wrapped?) -> Bool {
        switch (self, other) {
        case (nil, nil): true
        case (let lhs?, let rhs?): lhs.hasSameBytes(as: rhs)
        default: false
        }
    }
}

/// The optional and array forms are inlinable, so that a caller in another module gets them
/// specialised: generic, they looked their types' metadata up at run time on every call.
extension Array: ByteEquatable where Element: ByteEquatable {
    @inlinable
    public func hasSameBytes(as other: [Element]) -> Bool {
        count == other.count && zip(self, other).allSatisfy { $0.hasSameBytes(as: $1) }
    }
}
