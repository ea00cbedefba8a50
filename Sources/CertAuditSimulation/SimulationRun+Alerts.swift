import CertAuditConsole
import CertAuditCore

/// Alert policies (ALERT-POLICY) fire for the inventory certificates they watch while days to expiry
/// are below their threshold, and each alert says which receivers and channels it reaches
/// (NOTIFY-CHANNELS). Ignoring a certificate's messages does not silence them (RULES.md §0).
extension SimulationRun {
    /// Alerts are kept as series, each with the days it fires on, not as events (see `Timeline`), for
    /// the certificates whose chain is in force on `first` (`expiries`, by place in the estate:
    /// `RenewalChains.inForceExpiries`): alerts read nothing else of a run, so the simulator makes
    /// them once the run is let go, in the memory it held (a million certificates' series are some
    /// 130 MB, and made beside the run they were the simulation's peak).
    static func alertSeries(
        of estate: Estate, expiries: [PackedLocalDate], from first: LocalDate, through last: LocalDate
    ) -> [AlertSeries] {
        let contacts = Dictionary(
            estate.lifecycle.contacts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let policies = estate.lifecycle.alertPolicies
        let watchIndex = AlertWatchIndex(estate.certificates, for: policies)
        // By place: `map(\.id)` copied every certificate to read its ID.
        let ids = estate.certificates.indices.map { estate.certificates[$0].id }
        let routings = policies.map {
            OutOfLine(
                AlertRouting(
                    policyID: $0.id, deliveries: Self.deliveries(of: $0, contacts: contacts), repeats: $0.repeats))
        }
        // Counted first, then reserved exactly: grown by doubling, the array kept up to half again
        // its size for the rest of the run (6 MB at 100,000 certificates).
        var count = 0
        Self.forEachSeries(policies, watchIndex, expiries, from: first, through: last) { _, _, _ in count += 1 }
        var alertSeries: [AlertSeries] = []
        alertSeries.reserveCapacity(count)
        Self.forEachSeries(policies, watchIndex, expiries, from: first, through: last) { policy, index, days in
            alertSeries.append(
                AlertSeries(certificateID: ids[index], routing: routings[policy], days: days))
        }
        return alertSeries
    }

    /// Each policy (by position in `policies`) and certificate it watches (by its place in the
    /// estate) whose chain is in force on `start` (`expiries`, by place: `inForceExpiries`) and that
    /// it fires on within `start ... end`, with those days, policy by policy: the same series in the
    /// same order for the count and for the series. Every firing falls in the window.
    private static func forEachSeries(
        _ policies: [AlertPolicyRecord], _ watchIndex: AlertWatchIndex, _ expiries: [PackedLocalDate],
        from start: LocalDate, through end: LocalDate, _ body: (_ policy: Int, _ index: Int, AlertFiringDays) -> Void
    ) {
        for (position, policy) in policies.enumerated() {
            for index in watchIndex.watched(by: policy) {
                guard let expiry = expiries[index].value,
                    let days = AlertSchedule(policy: policy, expiry: expiry).firingDays(from: start, through: end)
                else { continue }
                body(position, index, days)
            }
        }
    }

    /// Each receiver and channel of `policy`, in receiver and channel order, the order the reports
    /// list them in: made once per policy rather than for each of its events as they are written.
    private static func deliveries(of policy: AlertPolicyRecord, contacts: [String: ContactRecord]) -> [AlertDelivery] {
        policy.receivers.flatMap { receiver -> [AlertDelivery] in
            guard let contact = contacts[receiver] else {
                return [AlertDelivery(receiver: receiver, channel: "unknown contact", deliverable: false)]
            }
            guard !contact.channels.isEmpty else {
                return [AlertDelivery(receiver: receiver, channel: "no channel", deliverable: false)]
            }
            return contact.channels.map {
                AlertDelivery(
                    receiver: receiver, channel: $0.rawValue, deliverable: contact.undeliverable($0) == nil)
            }
        }.sorted()
    }
}
