import CertAuditCore

/// Judges every row of `operations.csv` at its `requested_at`: allowed, or denied with every rule
/// that denies it and a plain reason from each, plus the conditions the other rules attach.
///
/// Operations are judged in request order (then line), each against the state the inventory and
/// the earlier allowed operations imply at its time (see `OperationRequest`). The verdicts come
/// back in input order. A pure function of the estate and the settings, like the rule runner.
public struct OperationJudge: Sendable {
    public let rules: [any Rule]

    /// `rules`: the operation rules to ask, and the catalogue rules that hosting, auto-renewal and
    /// upload requests are rerun against (`OperationScenario`).
    public init(rules: [any Rule] = RuleCatalogue.rules) {
        self.rules = rules
    }

    public func judge(_ context: RuleContext) -> [OperationVerdict] {
        let operations = context.estate.lifecycle.operations
        let order = operations.indices.sorted {
            (operations[$0].requestedAt, operations[$0].line) < (operations[$1].requestedAt, operations[$1].line)
        }
        let operationRules = rules.compactMap { $0 as? any OperationRule }
        let scenario = OperationScenario(rules: rules, estate: context.estate)
        var history = OperationHistory(estate: context.estate)
        var quarantined: [String: QuarantineRecord] = [:]
        if !operations.isEmpty {
            for record in context.estate.quarantine where record.input == "certificates.csv" {
                if let id = record.certificateID, quarantined[id] == nil { quarantined[id] = record }
            }
        }
        var records: [String: CertificateRecord] = [:]
        var verdicts = [OperationVerdict?](repeating: nil, count: operations.count)
        for index in order {
            let operation = operations[index]
            guard var certificate = context.estate.certificate(id: operation.certificateID) else {
                verdicts[index] = OperationVerdict(
                    operation: operation,
                    reasons: [missing(operation, quarantined: quarantined[operation.certificateID])])
                continue
            }
            if let line = history.deleted[certificate.id] {
                verdicts[index] = OperationVerdict(
                    operation: operation,
                    reasons: [unknown("\(certificate.id) was deleted by operations.csv line \(line)", operation)])
                continue
            }
            if let record = records[certificate.id] { certificate.record = record }
            let date = context.localDate(operation.requestedAt)
            if history.reissue(of: certificate.id, on: date) != nil { certificate.record.status = .reissuing }
            certificate.record.reissueCount =
                (certificate.record.reissueCount ?? 0) + history.reissueCount(of: certificate.id)
            let request = OperationRequest(
                operation: operation, certificate: certificate, context: context, history: history)
            var reasons: [OperationReason] = []
            for rule in operationRules where rule.judgedKinds.contains(operation.kind) {
                reasons += rule.judge(request)
            }
            reasons += scenario.reasons(for: request)
            let verdict = OperationVerdict(operation: operation, reasons: Self.ordered(reasons))
            verdicts[index] = verdict
            if verdict.isAllowed { apply(request, to: &records, history: &history) }
        }
        return verdicts.compactMap { $0 }
    }

    /// Each rule ID's position in the catalogue.
    static let catalogueOrder = Dictionary(
        RuleCatalogue.descriptors.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })

    /// Denials first, then conditions; each group in rule-catalogue order, then message.
    static func ordered(_ reasons: [OperationReason]) -> [OperationReason] {
        let position = catalogueOrder
        return reasons.sorted {
            let left = ($0.effect == .denies ? 0 : 1, position[$0.ruleID] ?? Int.max, $0.ruleID, $0.message)
            let right = ($1.effect == .denies ? 0 : 1, position[$1.ruleID] ?? Int.max, $1.ruleID, $1.message)
            return left < right
        }
    }

    private func unknown(_ what: String, _ operation: OperationRecord) -> OperationReason {
        OperationReason(
            ruleID: "INV-UNKNOWN-REFERENCE", effect: .denies, message: "operations.csv line \(operation.line): \(what)."
        )
    }

    /// The denial of a request on a certificate the estate does not hold: quarantined (by the rule
    /// that kept it out, UP-PEM-FORMAT for a bundle that does not parse) or not in the inventory.
    private func missing(_ operation: OperationRecord, quarantined record: QuarantineRecord?) -> OperationReason {
        guard let record else {
            return unknown("no certificate \(operation.certificateID) in certificates.csv", operation)
        }
        return OperationReason(
            ruleID: record.ruleID ?? "INV-UNKNOWN-REFERENCE", effect: .denies,
            message: "operations.csv line \(operation.line): \(operation.certificateID) is in the quarantine "
                + "(certificates.csv line \(record.line): \(record.reason)).")
    }

    /// What an allowed operation changes for the operations after it.
    private func apply(
        _ request: OperationRequest, to records: inout [String: CertificateRecord], history: inout OperationHistory
    ) {
        let id = request.certificate.id
        var record = records[id] ?? request.context.estate.certificate(id: id)!.record
        let at = request.operation.requestedAt
        switch request.operation.kind {
        case .reissue:
            let days = request.context.settings.reviewEstimate.workingDays(for: record.product)
            let end = request.context.estate.lifecycle.calendar.adding(workingDays: days, to: request.date)
            history.record(
                OperationHistory.Reissue(
                    certificateID: id, start: request.date, end: end, line: request.operation.line,
                    mainDomains: request.certificate.mainDomains))
        case .revoke:
            record.status = .revoking
        case .delete:
            history.recordDeletion(of: id, line: request.operation.line)
        case .ignoreMessages:
            record.ignored = true
            record.ignoredSince = at
        case .followMessages:
            record.ignored = false
            record.ignoredSince = nil
        case .enableAutoRenew:
            record.autoRenew = true
            record.autoRenewEnabledOn = at
        case .disableAutoRenew:
            record.autoRenew = false
        case .host, .upload, .urgeReview:
            return
        }
        records[id] = record
    }
}
