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
        for policy in estate.lifecycle.alertPolicies {
            // In receiver and channel order, the order the reports list them in: sorted once per
            // policy here rather than for each of its events as they are written.
            let deliveries = policy.receivers.flatMap { receiver -> [AlertDelivery] in
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
            for index in watchIndex.watched(by: policy) {
                let id = ids[index]
                guard let chain = chains[id], chain.isInForce(asOf: first) else { continue }
                // Every firing falls in the window: `firings(from:through:)` gives dates in it only.
                let firings = AlertSchedule(policy: policy, expiry: chain.generations[0].expiry)
                    .firings(from: first, through: last)
                guard !firings.isEmpty else { continue }
                let series = alertSeries.count
                alertSeries.append(AlertSeries(certificateID: id, policyID: policy.id, deliveries: deliveries))
                for (date, times) in firings {
                    alertFirings.append(AlertFiring(series: series, date: date, times: times))
                }
            }
        }
    }
}
