/// One rule's reason on an operation (`<operation><reason>`): `denies` or `requires`.
public struct ReportOperationReason: Sendable, Hashable {
    public var rule: String
    public var effect: String
    public var message: String

    public init(rule: String, effect: String, message: String) {
        self.rule = rule
        self.effect = effect
        self.message = message
    }
}
