import CertAuditCore

/// A rule that judges requested operations (`operations.csv`) rather than the estate at rest:
/// revocation, deletion, reissue, urging a review.
///
/// Each rule speaks only for itself; `OperationJudge` asks every rule that judges the operation's
/// kind, so a denied operation lists every rule that denies it.
public protocol OperationRule: Rule {
    /// The operation kinds this rule has a say on.
    var judgedKinds: Set<OperationRecord.Kind> { get }
    /// What this rule says about the request: nothing, a denial, or a condition.
    func judge(_ request: OperationRequest) -> [OperationReason]
}

extension OperationRule {
    /// This rule refuses the operation.
    func deny(_ message: String) -> [OperationReason] {
        [OperationReason(ruleID: descriptor.id, effect: .denies, message: message)]
    }

    /// This rule allows the operation on a condition.
    func require(_ message: String) -> [OperationReason] {
        [OperationReason(ruleID: descriptor.id, effect: .requires, message: message)]
    }
}
