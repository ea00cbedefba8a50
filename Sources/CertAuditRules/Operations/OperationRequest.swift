import CertAuditConsole
import CertAuditCore

/// One requested operation and the state the estate implies at its `requested_at`: the inventory
/// row with the effects of earlier allowed operations applied, the days left then, and what is
/// bound to it. What every `OperationRule` reads.
///
/// Decision: the inventory shows the console at the as-of time; an operation is judged with that
/// state, with what the dates imply at its own time (days left, expired or not), and with the
/// effects of the earlier rows of `operations.csv` that were allowed (a reissue in progress, a
/// revocation requested, messages ignored, auto-renewal switched, a certificate deleted).
public struct OperationRequest: Sendable {
    public let operation: OperationRecord
    /// The certificate, its record showing `console` on the request's date.
    public let certificate: Certificate
    /// The console's state of the certificate just before the request: the inventory's, with the
    /// earlier allowed requests applied.
    public let console: CertificateConsoleState
    public let context: RuleContext
    /// Earlier allowed operations, for the rules that depend on them (reissues in progress).
    public let history: OperationHistory

    /// A request on `certificate` as the inventory lists it, in the console state `console`.
    public init(
        operation: OperationRecord, certificate: Certificate, console: CertificateConsoleState, context: RuleContext,
        history: OperationHistory
    ) {
        self.operation = operation
        var shown = certificate
        shown.record = console.record(from: certificate.record, on: context.localDate(operation.requestedAt))
        self.certificate = shown
        self.console = console
        self.context = context
        self.history = history
    }

    public var record: CertificateRecord { certificate.record }

    /// The local date of the request.
    public var date: LocalDate { context.localDate(operation.requestedAt) }

    /// Natural days from the request's date to the certificate's expiry date (RULES.md §0).
    public var daysLeft: Int64? { console.notAfter.map { context.localDate($0) - date } }

    /// Expired at the request: past its notAfter; without dates, when the inventory says so.
    public var isExpired: Bool { console.isExpired(at: operation.requestedAt) }

    /// The console state at the request: `expired` once the dates say so, `issued` before an
    /// inventory `expired` was reached (an operation in the past), else the inventory's state with
    /// earlier operations applied; nil when the inventory gives none.
    public var state: CertificateState? {
        console.lifecycleState(at: operation.requestedAt, in: context.settings.timeZone)
    }

    /// The local date the certificate was issued (notBefore, or the inventory's issue time).
    public var issuedOn: LocalDate? { certificate.notBefore.map(context.localDate) }

    /// Resources serving the certificate (the inventory's current bindings).
    public var boundResources: [ResourceRecord] { context.estate.resources(boundTo: certificate.id) }

    /// A `params` value, by key (case-insensitive), trimmed; nil when absent or empty.
    public func parameter(_ key: String) -> String? {
        let value = operation.parameters.first { $0.key.lowercased() == key.lowercased() }?.value
        return value.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A boolean `params` value (one of `OperationRecord.booleanParameters`, which ingest has
    /// already checked and written as `true` or `false`); nil when absent.
    public func flag(_ key: String) -> Bool? {
        parameter(key).map { $0 == "true" }
    }

    /// What the request does to the certificate in the console once allowed, if anything: a
    /// reissue goes under review for REV-DURATION's working days (the run's `review` estimate, the
    /// working calendar of `holidays.csv`), a revocation makes it `revoking`, and so on.
    public var consoleEvent: CertificateEvent? {
        switch operation.kind {
        case .reissue:
            .reissueRequested(
                review: ReviewPeriod(
                    of: record.product, startingOn: date, estimate: context.settings.reviewEstimate,
                    calendar: context.estate.lifecycle.calendar))
        case .revoke: .revocationRequested
        case .delete: .deleted
        case .ignoreMessages: .messagesIgnored
        case .followMessages: .messagesFollowed
        case .enableAutoRenew: .autoRenewSwitchedOn
        case .disableAutoRenew: .autoRenewSwitchedOff
        case .host, .upload, .urgeReview: nil
        }
    }

    /// `operations.csv line N`, for messages.
    public var reference: String { "operations.csv line \(operation.line)" }
}
