/// Why a field's text is not a valid value.
public struct FieldError: Error, Sendable, Hashable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
}
