import CertAuditConsole
import CertAuditCore

/// Alert policies (ALERT-POLICY) fire for the inventory certificates they watch while days to expiry
/// are below their threshold, and each alert says which receivers and channels it reaches
/// (NOTIFY-CHANNELS). Ignoring a certificate's messages does not silence them (RULES.md §0).
extension SimulationRun {
    /// Alerts are kept as series and firings, not events (see `Timeline`).
    mutating func alert() {
        guard keptKinds?.contains(.alert) ?? true else { return }
        let contacts = Dictionary(
            estate.lifecycle.contacts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let watchIndex = AlertWatchIndex(estate.certificates)
        let ids = estate.certificates.map(\.id)
        let policies = estate.lifecycle.alertPolicies
        let deliveries = policies.map { Self.deliveries(of: $0, contacts: contacts) }
        var bound = alertFirings.count
        Self.forEachSchedule(policies, watchIndex, ids, chains, inForceOn: first) { _, _, schedule in
            bound += schedule.firingCountBound(from: first, through: last)
        }
        alertFirings.reserveCapacity(bound)
        Self.forEachSchedule(policies, watchIndex, ids, chains, inForceOn: first) { policy, id, schedule in
            // Every firing falls in the window: `firings(from:through:)` gives dates in it only.
            let firings = schedule.firings(from: first, through: last)
            guard !firings.isEmpty else { return }
            let series = alertSeries.count
            alertSeries.append(
                AlertSeries(certificateID: id, policyID: policies[policy].id, deliveries: deliveries[policy]))
            for (date, times) in firings {
                alertFirings.append(AlertFiring(series: series, date: date, times: times))
            }
        }
    }

    /// Each policy's schedule (by position in `policies`) for each certificate it watches that is in
    /// force on `date`, policy by policy: the same pairs in the same order for the bound and for the
    /// firings.
    private static func forEachSchedule(
        _ policies: [AlertPolicyRecord], _ watchIndex: AlertWatchIndex, _ ids: [String],
        _ chains: RenewalChains, inForceOn date: LocalDate,
        _ body: (_ policy: Int, _ certificateID: String, AlertSchedule) -> Void
    ) {
        for (position, policy) in policies.enumerated() {
            for index in watchIndex.watched(by: policy) {
                let id = ids[index]
                guard let chain = chains[id], chain.isInForce(asOf: date) else { continue }
                body(position, id, AlertSchedule(policy: policy, expiry: chain.generations[0].expiry))
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
