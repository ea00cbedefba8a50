import CertAuditCore

/// What the console holds for one certificate (or order) at an instant: its stored state, its
/// switches, a reissue under review, whether it was deleted, its successor. A value: an event gives
/// a new state (`applying(_:at:)`), so the operation verdicts (requests replayed in time order) and
/// the simulation (events driven forward) change certificates the same way.
///
/// The switches keep the inventory's "not given" (nil) until an event sets them, so a state built
/// from an inventory row and given no event reads exactly as that row.
public struct CertificateConsoleState: Sendable, Hashable {
    /// The state the console stores: the inventory's `status`, as events change it; nil when the
    /// inventory gives none. Time alone does not change it: see `lifecycleState(at:in:)`.
    public var status: CertificateState?
    /// The end of validity: the leaf's notAfter, else the inventory's; set when the order is issued.
    public var notAfter: Instant?
    public var autoRenew: Bool?
    /// When auto-renewal was switched on (AR-ENABLE-WINDOW, AR-CHARGE-DATE); nil once it is off.
    public var autoRenewOnSince: Instant?
    public var messagesIgnored: Bool?
    public var messagesIgnoredSince: Instant?
    /// Reissues so far: the inventory's `reissue_count` plus those requested since (RI-FREE-ONCE).
    public var reissueCount: Int?
    /// The last reissue requested, under review until its end (RI-IN-PROGRESS).
    public var reissue: ReviewPeriod?
    public var isDeleted: Bool
    /// The order that succeeds this certificate, once auto-renewal or hosting created it.
    public var successorID: String?
    /// When auto-renewal last charged for this certificate.
    public var renewalChargedAt: Instant?

    public init(
        status: CertificateState? = nil, notAfter: Instant? = nil, autoRenew: Bool? = nil,
        autoRenewOnSince: Instant? = nil, messagesIgnored: Bool? = nil, messagesIgnoredSince: Instant? = nil,
        reissueCount: Int? = nil, reissue: ReviewPeriod? = nil, isDeleted: Bool = false, successorID: String? = nil,
        renewalChargedAt: Instant? = nil
    ) {
        self.status = status
        self.notAfter = notAfter
        self.autoRenew = autoRenew
        self.autoRenewOnSince = autoRenewOnSince
        self.messagesIgnored = messagesIgnored
        self.messagesIgnoredSince = messagesIgnoredSince
        self.reissueCount = reissueCount
        self.reissue = reissue
        self.isDeleted = isDeleted
        self.successorID = successorID
        self.renewalChargedAt = renewalChargedAt
    }

    /// The state the inventory shows for `certificate` (at the as-of time).
    public init(_ certificate: Certificate) {
        let record = certificate.record
        self.init(
            status: record.status, notAfter: certificate.notAfter, autoRenew: record.autoRenew,
            autoRenewOnSince: record.autoRenewEnabledOn, messagesIgnored: record.ignored,
            messagesIgnoredSince: record.ignoredSince, reissueCount: record.reissueCount)
    }

    /// A new order awaiting validation, not yet issued: what auto-renewal creates (AR-SUCCESSOR).
    public static let newOrder = CertificateConsoleState(status: .validating)

    /// The state after `event` happened at `instant`.
    public func applying(_ event: CertificateEvent, at instant: Instant) -> CertificateConsoleState {
        var next = self
        switch event {
        case .autoRenewSwitchedOn:
            next.autoRenew = true
            next.autoRenewOnSince = instant
        case .autoRenewSwitchedOff, .renewalChargeFailed:
            next.autoRenew = false
            next.autoRenewOnSince = nil
        case .messagesIgnored:
            next.messagesIgnored = true
            next.messagesIgnoredSince = instant
        case .messagesFollowed:
            next.messagesIgnored = false
            next.messagesIgnoredSince = nil
        case .reissueRequested(let review):
            next.reissue = review
            next.reissueCount = (reissueCount ?? 0) + 1
        case .revocationRequested:
            next.status = .revoking
        case .revoked:
            next.status = .revoked
        case .deleted:
            next.isDeleted = true
        case .renewalCharged:
            next.renewalChargedAt = instant
        case .successorCreated(let id):
            next.successorID = id
        case .issued(let notAfter):
            next.status = .issued
            next.notAfter = notAfter
        case .validationFailed:
            next.status = .validationFailed
        }
        return next
    }

    /// Past its notAfter at `instant`; without a notAfter, when the stored state says `expired`.
    public func isExpired(at instant: Instant) -> Bool {
        guard let notAfter else { return status == .expired }
        return instant > notAfter
    }

    /// Whether a requested reissue is under review on `date`.
    public func isUnderReissue(on date: LocalDate) -> Bool { reissue?.covers(date) == true }

    /// The stored state as the console lists it on `date`: `reissuing` while a requested reissue is
    /// under review.
    public func status(on date: LocalDate) -> CertificateState? {
        isUnderReissue(on: date) ? .reissuing : status
    }

    /// The state at `instant`, dates included: `expired` once past its notAfter, `issued` before an
    /// inventory `expired` was reached (an instant before the as-of time), else `status(on:)`.
    public func lifecycleState(at instant: Instant, in zone: RunTimeZone) -> CertificateState? {
        switch (isExpired(at: instant), status(on: zone.localDate(of: instant))) {
        case (true, nil), (true, .issued?): .expired
        case (false, .expired?): .issued
        case (_, let state): state
        }
    }

    /// An order still in review, with no certificate issued yet (`CertificateState.inReview`).
    public var isInReview: Bool { status.map(CertificateState.inReview.contains) ?? false }

    /// An order that ended: revoked, cancelled, refunded, validation failed or expired.
    public var hasEnded: Bool { status.map(CertificateState.ended.contains) ?? false }

    /// No longer meant to be served (`CertificateState.retired`): expired, revoked, cancelled or refunded.
    public var isRetired: Bool { status.map(CertificateState.retired.contains) ?? false }

    /// A revocation was requested and is not finished (RVK-EFFECT).
    public var isRevocationRequested: Bool { status.map(CertificateState.revocationRequested.contains) ?? false }

    /// An issued certificate that can be served at `instant`: not expired, not in review, not ended.
    public func isInForce(at instant: Instant, in zone: RunTimeZone) -> Bool {
        guard let state = lifecycleState(at: instant, in: zone) else { return notAfter != nil }
        return !CertificateState.inReview.contains(state) && !CertificateState.ended.contains(state)
    }

    /// The inventory row as the console would export it in this state on `date`: the stored state
    /// (`reissuing` while a reissue is under review), switches and reissue count written over
    /// `inventory`'s. What rules that read records see of the state.
    public func record(from inventory: CertificateRecord, on date: LocalDate) -> CertificateRecord {
        var record = inventory
        record.status = status(on: date)
        record.autoRenew = autoRenew
        record.autoRenewEnabledOn = autoRenewOnSince
        record.ignored = messagesIgnored
        record.ignoredSince = messagesIgnoredSince
        record.reissueCount = reissueCount
        return record
    }
}
