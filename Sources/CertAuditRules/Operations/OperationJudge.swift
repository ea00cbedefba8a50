import CertAuditConsole
import CertAuditCore

/// Judges every row of `operations.csv` at its `requested_at`: allowed, or denied with every rule
/// that denies it and a plain reason from each, plus the conditions the other rules attach.
///
/// Operations are judged in request order (then line), each against the state the inventory and
/// the earlier allowed operations imply at its time (see `OperationRequest`): each allowed request
/// is replayed through the console's transitions (`CertificateConsoleState`) for the requests after
/// it. The verdicts come back in input order. A pure function of the estate and the settings, like
/// the rule runner.
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
        var verdicts = [OperationVerdict?](repeating: nil, count: operations.count)
        for index in order {
            let operation = operations[index]
            guard let certificate = context.estate.certificate(id: operation.certificateID) else {
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
            let (verdict, event) = verdict(
                on: operation, certificate: certificate, history: history, context: context, rules: operationRules,
                scenario: scenario)
            verdicts[index] = verdict
            if let event {
                history.record(event, on: certificate, at: operation.requestedAt, line: operation.line)
            }
        }
        return verdicts.compactMap { $0 }
    }

    /// One request's verdict and, when it is allowed, the console event it causes. A function of its own so
    /// that the request, which holds a copy of `history`, is gone before `history` records the event:
    /// held beside it, every allowed request copied the whole history (copy-on-write), and at a
    /// million certificates those copies grew with the requests before it — 3 s of 50,000 requests.
    private func verdict(
        on operation: OperationRecord, certificate: Certificate, history: OperationHistory, context: RuleContext,
        rules operationRules: [any OperationRule], scenario: OperationScenario
    ) -> (OperationVerdict, CertificateEvent?) {
        let request = OperationRequest(
            operation: operation, certificate: certificate, console: history.state(of: certificate),
            context: context, history: history)
        var reasons: [OperationReason] = []
        for rule in operationRules where rule.judgedKinds.contains(operation.kind) {
            reasons += rule.judge(request)
        }
        reasons += scenario.reasons(for: request)
        let verdict = OperationVerdict(operation: operation, reasons: Self.ordered(reasons))
        return (verdict, verdict.isAllowed ? request.consoleEvent : nil)
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
            ruleID: .invUnknownReference, effect: .denies, message: "operations.csv line \(operation.line): \(what)."
        )
    }

    /// The denial of a request on a certificate the estate does not hold: quarantined (by the rule
    /// that kept it out, UP-PEM-FORMAT for a bundle that does not parse) or not in the inventory.
    private func missing(_ operation: OperationRecord, quarantined record: QuarantineRecord?) -> OperationReason {
        guard let record else {
            return unknown("no certificate \(operation.certificateID) in certificates.csv", operation)
        }
        return OperationReason(
            ruleID: record.ruleID ?? .invUnknownReference, effect: .denies,
            message: "operations.csv line \(operation.line): \(operation.certificateID) is in the quarantine "
                + "(certificates.csv line \(record.line): \(record.reason)).")
    }
}
