import CertAuditConsole
import CertAuditCore

/// Alert policies (ALERT-POLICY) fire for the inventory certificates they watch while days to expiry
/// are below their threshold, and each alert says which receivers and channels it reaches
/// (NOTIFY-CHANNELS). Ignoring a certificate's messages does not silence them (RULES.md §0).
extension SimulationRun {
    /// Alerts are kept as series, each with the days it fires on, not as events (see `Timeline`).
    mutating func alert() {
        guard keptKinds?.contains(.alert) ?? true else { return }
        let contacts = Dictionary(
            estate.lifecycle.contacts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let policies = estate.lifecycle.alertPolicies
        let watchIndex = AlertWatchIndex(estate.certificates, for: policies)
        let ids = estate.certificates.map(\.id)
        let deliveries = policies.map { Self.deliveries(of: $0, contacts: contacts) }
        for (position, policy) in policies.enumerated() {
            for index in watchIndex.watched(by: policy) {
                let id = ids[index]
                guard let chain = chains[id], chain.isInForce(asOf: first),
                    let days = AlertSchedule(policy: policy, expiry: chain.generations[0].expiry).firingDays(
                        from: first, through: last)
                else { continue }
                // Every firing falls in the window: the days run from the as-of date at the earliest
                // through the horizon at the latest.
                alertSeries.append(
                    AlertSeries(
                        certificateID: id, policyID: policies[position].id, deliveries: deliveries[position], days: days
                    ))
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
