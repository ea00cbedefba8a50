/// The judgement of one row of `operations.csv` at its `requested_at`: allowed, or denied by every
/// rule that denies it (not only the first), with the conditions the others attach.
public struct OperationVerdict: Sendable, Hashable {
    public var operation: OperationRecord
    /// In rule-catalogue order: denials first, then conditions.
    public var reasons: [OperationReason]

    public init(operation: OperationRecord, reasons: [OperationReason]) {
        self.operation = operation
        self.reasons = reasons
    }

    public var isAllowed: Bool { !reasons.contains { $0.effect == .denies } }
    public var denials: [OperationReason] { reasons.filter { $0.effect == .denies } }
    public var conditions: [OperationReason] { reasons.filter { $0.effect == .requires } }
}
